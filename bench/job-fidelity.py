#!/usr/bin/python3
"""Issue #29's acceptance on this machine: for each configuration, the whole job as the harness runs it
(bench/whole-job.py, --runs times, its median of steady-state seconds per image, validation apart) against
envdoctor's projection of the same job (`recommend --runtime native --backend python --json`, its native
Python row's seconds per image: the job's step, validation apart). Prints one line per configuration and a
JSON summary; no figure is asserted anywhere.

  bench/job-fidelity.py [--runs 3] [--harness-log FILE] [--jar target/envdoctor.jar]
      [--config yolov8n:320:8:ultralytics ...]

A configuration is MODEL:IMGSZ:BATCH:TRAINER[:THREADS:WORKERS]; with THREADS and WORKERS the harness runs
those and envdoctor gets --threads/--workers; without, the trainer's own settings here (ultralytics on a CPU:
min(8, cpus - 1) threads, workers 0; torch: torch's default threads, workers 0). --harness-log reuses the
JSON lines of earlier harness runs (the lines after '=== ... MODEL IMGSZ BATCH THREADS WORKERS run N').
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def trainer_settings(trainer, threads, workers):
    if threads is not None:
        return threads, workers
    cpus = len(os.sched_getaffinity(0))
    if trainer == "ultralytics":
        return min(8, max(1, cpus - 1)), 0
    import torch
    return torch.get_num_threads(), 0


def harness(model, imgsz, batch, threads, workers, runs, logged):
    key = (model, imgsz, batch, threads, workers)
    if key in logged:
        return logged[key][:runs]
    out = []
    for _ in range(runs):
        r = subprocess.run([sys.executable, os.path.join(HERE, "whole-job.py"), "--model", model, "--imgsz", str(imgsz),
                            "--batch", str(batch), "--threads", str(threads), "--workers", str(workers), "--steps", "10",
                            "--files", "64", "--source-size", "1280x720", "--val-images", "16"],
                           capture_output=True, text=True, check=True)
        out.append(json.loads(r.stdout.strip().splitlines()[-1]))
    return out


def read_log(path):
    logged, key = {}, None
    for line in open(path):
        m = re.match(r"=== \S+ (\S+) (\d+) (\d+) (\d+) (\d+) run", line)
        if m:
            key = (m.group(1), int(m.group(2)), int(m.group(3)), int(m.group(4)), int(m.group(5)))
        elif line.startswith("{") and key:
            logged.setdefault(key, []).append(json.loads(line))
    return logged


def envdoctor(jar, model, imgsz, batch, trainer, threads, workers):
    cmd = ["java", "-jar", jar, "recommend", "--python", "/usr/bin/python3", "--runtime", "native", "--backend", "python",
           "--model", model, "--imgsz", str(imgsz), "--batch", str(batch), "--epochs", "1", "--images", "1000",
           "--trainer", trainer, "--json", "--no-history"]  # this window's figure, not pooled with earlier runs'
    if threads is not None:
        cmd += ["--threads", str(threads), "--workers", str(workers)]
    r = subprocess.run(cmd, capture_output=True, text=True)
    doc = json.loads(r.stdout)
    rows = [p for p in doc["recommendation"]["projection"] if p["runtime"] == "native" and p["backend"] == "python"]
    return rows[0] if rows else None, r.returncode


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--harness-log")
    p.add_argument("--jar", default=os.path.join(ROOT, "target", "envdoctor.jar"))
    p.add_argument("--config", nargs="*", default=["yolov8n:320:8:ultralytics", "yolov8n:320:8:torch:2:2",
                                                    "yolov8m:320:4:ultralytics", "yolov8m:320:4:torch:2:2"])
    a = p.parse_args()
    logged = read_log(a.harness_log) if a.harness_log else {}
    summary = []
    for c in a.config:
        f = c.split(":")
        model, imgsz, batch, trainer = f[0], int(f[1]), int(f[2]), f[3]
        threads, workers = (int(f[4]), int(f[5])) if len(f) > 5 else (None, None)
        t, w = trainer_settings(trainer, threads, workers)
        runs = harness(model, imgsz, batch, t, w, a.runs, logged)
        real = statistics.median(r["secondsPerImage"] for r in runs)
        row, rc = envdoctor(a.jar, model, imgsz, batch, trainer, threads, workers)
        projected = row["secondsPerImage"] if row else None
        ratio = projected / real if projected else None
        bound = (row.get("parts") or {}).get("boundWords") if row else None
        print("%-32s threads %d workers %d  harness %.3f s/img (%s)  envdoctor %s s/img  projected/real %s  %s" % (
            c, t, w, real, ", ".join("%.3f" % r["secondsPerImage"] for r in runs),
            "%.3f" % projected if projected else "-", "%.2f" % ratio if ratio else "-", bound or ""))
        summary.append({"config": c, "threads": t, "workers": w, "harness": [r["secondsPerImage"] for r in runs],
                        "harnessMedian": real, "projected": projected, "ratio": ratio, "exit": rc, "row": row})
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
