#!/usr/bin/env python3
# The reference for envdoctor's bf16 peak (issue #20): a plain torch bf16 matmul loop, timed with
# CUDA events, at the sizes given (default 8192), as one would time it by hand. Prints one JSON
# line per size: n, TFLOP/s (median of 5 blocks of about 1 s each).
#   python3 bench/bf16-reference.py [N ...]
import json
import statistics
import sys

import torch


def rate(n):
    a = torch.randn(n, n, device="cuda", dtype=torch.bfloat16)
    b = torch.randn(n, n, device="cuda", dtype=torch.bfloat16)
    for _ in range(10):
        a @ b
    torch.cuda.synchronize()
    start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
    start.record()
    for _ in range(10):
        a @ b
    end.record()
    torch.cuda.synchronize()
    per = start.elapsed_time(end) / 1000 / 10
    iters = max(1, int(1.0 / per))
    rates = []
    for _ in range(5):
        start.record()
        for _ in range(iters):
            a @ b
        end.record()
        torch.cuda.synchronize()
        rates.append(2.0 * n ** 3 * iters / (start.elapsed_time(end) / 1000) / 1e12)
    return statistics.median(rates)


for n in [int(x) for x in sys.argv[1:]] or [8192]:
    print(json.dumps({"n": n, "tflops": round(rate(n), 1), "device": torch.cuda.get_device_name(0),
                      "torch": torch.__version__}), flush=True)
