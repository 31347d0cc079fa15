#!/usr/bin/python3
# A real multi-step training run of envdoctor's YOLOv8 network (envdoctor_yolo.py: the published
# architecture, its detection loss) at a job's own size, for holding envdoctor's projection against
# (bench/yolo-fidelity.sh). Unlike the calibration, each step gets fresh synthetic images and boxes,
# as a training run does. Prints one JSON line: the median and mean seconds per image.
#   /usr/bin/python3 bench/yolo-train.py MODEL IMGSZ BATCH [STEPS] [THREADS] [DEVICE]
import json
import os
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "src/main/resources/dev/envdoctor/python"))
import torch  # noqa: E402
import envdoctor_yolo as y  # noqa: E402


def main(argv):
    model_name, imgsz, batch = argv[0], int(argv[1]), int(argv[2])
    steps = int(argv[3]) if len(argv) > 3 else 10
    threads = int(argv[4]) if len(argv) > 4 else 2
    device = argv[5] if len(argv) > 5 else "cpu"
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    model = y.yolo_model(torch, model_name).to(device).train()
    opt = torch.optim.SGD(model.parameters(), lr=0.001, momentum=0.937, nesterov=True)
    sync = (lambda: torch.cuda.synchronize()) if device.startswith("cuda") else (lambda: None)
    times, losses = [], []
    started = time.perf_counter()
    for i in range(steps + 3):  # three warm-up steps, not timed
        x = torch.rand(batch, 3, imgsz, imgsz).to(device)
        boxes, labels = y.yolo_targets(torch, batch, imgsz, y.YOLO_CLASSES)
        sync()
        t0 = time.perf_counter()
        loss = y.yolo_step(torch, model, opt, x, (boxes.to(device), labels.to(device)), imgsz)
        losses.append(loss.item())  # the host read waits for the device
        sync()
        if i >= 3:
            times.append(time.perf_counter() - t0)
    print(json.dumps({"model": model_name, "imgsz": imgsz, "batch": batch, "steps": steps, "threads": threads,
                      "device": device, "torch": torch.__version__,
                      "medianSecondsPerImage": statistics.median(times) / batch,
                      "meanSecondsPerImage": statistics.mean(times) / batch,
                      "stepSeconds": [round(t, 4) for t in times], "lastLoss": losses[-1],
                      "wallSeconds": time.perf_counter() - started}))


if __name__ == "__main__":
    main(sys.argv[1:])
