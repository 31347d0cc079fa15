# A real training script for envdoctor's race tests: a small CNN, a few SGD steps on synthetic
# data, one line per epoch (what --until matches), and an exit code that says whether it trained.
import sys
import time

import torch

torch.manual_seed(0)
torch.set_num_threads(1)
fail_in = sys.argv[1] if len(sys.argv) > 1 else ""
model = torch.nn.Sequential(
    torch.nn.Conv2d(3, 16, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
    torch.nn.Conv2d(16, 32, 3, padding=1), torch.nn.ReLU(), torch.nn.AdaptiveAvgPool2d(1),
    torch.nn.Flatten(), torch.nn.Linear(32, 10))
opt = torch.optim.SGD(model.parameters(), lr=0.05)
x = torch.randn(32, 3, 32, 32)
y = torch.randint(0, 10, (32,))
for epoch in range(1, 3):
    for step in range(8):
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(model(x), y)
        loss.backward()
        opt.step()
    print("epoch %d done loss %.4f" % (epoch, loss.item()), flush=True)
    # in the container the command is PID 1 (race runs it without an init)
    if fail_in == "container" and __import__("os").getpid() == 1:
        print("Traceback (most recent call last):\nRuntimeError: planted failure in the container", file=sys.stderr)
        sys.exit(3)
print("trained", flush=True)
