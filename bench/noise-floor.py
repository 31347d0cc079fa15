#!/usr/bin/env python3
"""How steady is this machine, next to how steady envdoctor's calibration is on it?

Runs ROUNDS rounds; in each round, one fresh process per configuration, one after another
(A B C A B C ...), so every configuration samples the same drift of the machine:

- floor:  a fixed program that is not envdoctor (plain Python: a scalar loop and a 64 MiB copy,
          5 repetitions each, their medians). It has no warm-up, no threads, no allocator effects:
          its spread across processes is the machine's own, the floor no calibration can beat.
- python: envdoctor's Python script (the same the `python` backend runs), `calibrate` on one device
          and thread count, with `--quick`'s budget (30 steps or 0.3 s after warm-up).
- djl:    (with --jar) envdoctor's JVM worker, started with the flags envdoctor starts it with.
- envdoctor: (with --envdoctor CMD) the whole `CMD calibrate --quick --json ARGS...`, every side it
          calibrates (native DJL and Python, each container runtime), as a user runs it.

Prints, per configuration and figure, the CV across rounds of the per-process medians.

  bench/noise-floor.py [--rounds 5] [--python /usr/bin/python3] [--devices cpu,cuda]
                       [--threads 0,1] [--jar target/envdoctor.jar] [--java java]
                       [--envdoctor "java -jar target/envdoctor.jar" [-- calibrate options...]]
e.g. bench/noise-floor.py --rounds 6 --python /usr/bin/python3 --envdoctor "java -jar target/envdoctor.jar" \
         -- --runtime all --backend all --python /usr/bin/python3
"""
import argparse, json, os, statistics, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(HERE, "..", "src/main/resources/dev/envdoctor/python/envdoctor_torch.py")
STEADY = "glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=536870912"
WORKER_FLAGS = ["-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=0.05", "-Xshare:auto", "-Xmx512m",
                "-Xlog:disable", "-Xlog:all=warning:stderr"]
FLOOR = r"""
import time, statistics
def scalar():
    t = time.perf_counter(); s = 0
    for i in range(1_000_000): s += i * i
    return (time.perf_counter() - t) * 1e3
buf = bytearray(32 * 1024 * 1024)
def copy():
    t = time.perf_counter(); bytes(buf)
    return (time.perf_counter() - t) * 1e3
print(statistics.median(scalar() for _ in range(5)), statistics.median(copy() for _ in range(5)))
"""


def env():
    e = dict(os.environ)
    e["GLIBC_TUNABLES"] = STEADY
    return e


def run_floor(python):
    out = subprocess.run([python, "-c", FLOOR], capture_output=True, text=True, timeout=120).stdout.split()
    return {"floor scalar loop": float(out[0]), "floor 32 MiB copy": float(out[1])}


def medians(doc, label):
    return {f"{label} {c['workload']}": c["medianMs"] for c in doc.get("calibrations", []) if c.get("medianMs")}


def run_python(python, device, threads):
    argv = [python, SCRIPT, "calibrate", "--device", device, "--steps", "30", "--seconds", "0.3",
            "--warmup-seconds", "0.3", "--threads", str(threads)]
    p = subprocess.run(argv, capture_output=True, text=True, timeout=300, env=env())
    return medians(json.loads(p.stdout), f"python {device} t{threads or 'all'}")


def run_djl(java, jar, threads):
    argv = [java, *WORKER_FLAGS, "-jar", jar, "worker", "--calibrate", "--device", "cpu", "--steps", "30",
            "--seconds", "0.3"] + (["--threads", str(threads)] if threads else [])
    p = subprocess.run(argv, capture_output=True, text=True, timeout=300, env=env())
    return medians(json.loads(p.stdout), f"djl cpu t{threads or 'all'}")


def run_envdoctor(command, options):
    argv = command.split() + ["calibrate", "--quick", "--json"] + options
    p = subprocess.run(argv, capture_output=True, text=True, timeout=600)
    doc = json.loads(p.stdout)
    return {f"{c['runtime']} {c['backend']} {c['device']} {c['workload']}": c["medianMs"]
            for c in doc.get("calibrations", []) if c.get("medianMs")}


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--rounds", type=int, default=5)
    a.add_argument("--python", default=sys.executable)
    a.add_argument("--devices", default="cpu")
    a.add_argument("--threads", default="0", help="comma-separated torch thread counts; 0: all CPUs")
    a.add_argument("--jar")
    a.add_argument("--java", default="java")
    a.add_argument("--envdoctor", help="how to start envdoctor, e.g. 'java -jar target/envdoctor.jar'")
    a.add_argument("options", nargs="*", help="more options for envdoctor calibrate (after --)")
    o = a.parse_args()
    threads = [int(t) for t in o.threads.split(",")]
    configs = [lambda: run_floor(o.python)]
    for d in o.devices.split(","):
        for t in (threads if d == "cpu" else [0]):
            configs.append(lambda d=d, t=t: run_python(o.python, d, t))
    if o.jar:
        for t in threads:
            configs.append(lambda t=t: run_djl(o.java, o.jar, t))
    if o.envdoctor:
        configs.append(lambda: run_envdoctor(o.envdoctor, o.options))
    figures = {}
    start = time.time()
    for r in range(o.rounds):
        for c in configs:
            try:
                for k, v in c().items():
                    figures.setdefault(k, []).append(v)
            except (subprocess.SubprocessError, ValueError, KeyError) as e:
                print(f"round {r + 1}: a run failed: {e}", file=sys.stderr)
    print(f"# {o.rounds} rounds, {time.time() - start:.0f} s, {os.cpu_count()} CPUs, python {o.python}")
    print(f"{'figure':32} {'runs':>4} {'median ms':>10} {'CV across runs':>15}   per-run medians (ms)")
    for k, v in figures.items():
        cv = statistics.stdev(v) / statistics.mean(v) if len(v) > 1 else float("nan")
        print(f"{k:32} {len(v):4d} {statistics.median(v):10.2f} {cv:14.1%}   " + " ".join(f"{x:.1f}" for x in v))


if __name__ == "__main__":
    main()
