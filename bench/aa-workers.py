#!/usr/bin/env python3
"""Two worker processes, bursts in shuffled pairs, driven from here instead of by envdoctor: how far
apart two sides read when nothing (or one known thing) differs between them (docs/calibration.md,
"Interleaved bursts"; figures in docs/benchmarks.md, "Interleaved bursts, second pass").

  bench/aa-workers.py aa      [--runs 5] [--rounds 20] [--burst 0.05]   two identical native workers
  bench/aa-workers.py docker  ...                                        native against the worker image in Docker
  bench/aa-workers.py project ...                                        native, one of them timing YOLOv8m first
                                                                         (--project, as the projection did before the bursts)

Each worker is the real `envdoctor worker` with the doctor's JVM flags and allocator setting (the cnn
workload, --gate --bursts S); this script plays the gate. Per run it prints side 0's step time over
side 1's from the pairs (a burst read by the median of its steps after the first) with a 95% t-interval,
and the bursts' medians. Needs `./mvnw package` (and for docker the worker image: envdoctor image build).
"""
import argparse, json, math, os, random, statistics as st, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
JAR = os.path.join(HERE, "..", "target", "envdoctor.jar")
# verify/SelfLauncher.WORKER_FLAGS and calibrate/SteadyAllocator
FLAGS = ["-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=0.05", "-Xshare:auto",
         "-Xmx512m", "--enable-native-access=ALL-UNNAMED", "-Xlog:disable"]
TUNABLES = "glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=536870912"
IMAGE = os.environ.get("ENVDOCTOR_WORKER_IMAGE", "envdoctor-worker:0.1.0-p3")
T975 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262, 10: 2.228,
        12: 2.179, 15: 2.131, 19: 2.093, 20: 2.086, 25: 2.060, 30: 2.042, 40: 2.021}


def t975(df):
    return T975.get(df) or T975[min(T975, key=lambda k: abs(k - df))]


def commands(mode, burst):
    worker = ["dev.envdoctor.Main", "worker", "--device", "cpu", "--calibrate", "--workloads", "cnn",
              "--steps", "30", "--seconds", "0.3"]
    tail = ["--gate", "--bursts", str(burst)]
    native = ["java"] + FLAGS + ["-cp", JAR] + worker + tail
    if mode == "aa":
        return [native, native]
    if mode == "project":
        return [["java"] + FLAGS + ["-cp", JAR] + worker + ["--project", "yolov8m@96x4,yolov8m@160x4"] + tail, native]
    docker = ["docker", "run", "--rm", "-i", "--network", "none", "-e", "GLIBC_TUNABLES=" + TUNABLES, IMAGE, "java"] \
        + FLAGS + ["-XX:SharedArchiveFile=/opt/envdoctor/worker.jsa", "-cp", "/opt/envdoctor/envdoctor.jar:/opt/envdoctor/lib/*"] \
        + worker + tail
    return [native, docker]


def gate(p):
    """The next gate line's burst (a dict, empty for the plain line), or None once the child ended."""
    while True:
        line = p.stderr.readline()
        if not line:
            return None
        if line.startswith("@envdoctor gate"):
            rest = line[len("@envdoctor gate"):].strip()
            return json.loads(rest) if rest else {}


def run(mode, rounds, burst):
    env = dict(os.environ, GLIBC_TUNABLES=TUNABLES)
    ps = [subprocess.Popen(c, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
          for c in commands(mode, burst)]
    try:
        for p in ps:
            gate(p)  # verified, waiting to calibrate
        for p in ps:  # round 0: the first calibrations, one at a time
            p.stdin.write("go\n"); p.stdin.flush(); gate(p)
        pairs = []
        for _ in range(rounds):
            order = [0, 1]
            random.shuffle(order)
            got = {}
            for i in order:
                ps[i].stdin.write("go\n"); ps[i].stdin.flush()
                got[i] = gate(ps[i])["stepTimesMs"][1:]
            pairs.append((st.median(got[0]), st.median(got[1])))
    finally:
        for p in ps:
            try:
                p.stdin.write("end\n"); p.stdin.flush()
            except OSError:
                pass
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()
    logs = [math.log(a / b) for a, b in pairs]
    m, sd = st.mean(logs), st.stdev(logs)
    half = t975(len(logs) - 1) * sd / math.sqrt(len(logs))
    return math.exp(m), math.exp(m - half), math.exp(m + half), st.median(a for a, _ in pairs), st.median(b for _, b in pairs)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["aa", "docker", "project"])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--burst", type=float, default=0.05)
    a = ap.parse_args()
    print("%s: %d runs of %d pairs, bursts of %.2f s, load %s, %s UTC" % (a.mode, a.runs, a.rounds, a.burst,
          open("/proc/loadavg").read().split()[0], time.strftime("%H:%M", time.gmtime())))
    out = []
    for i in range(a.runs):
        r, lo, hi, m0, m1 = run(a.mode, a.rounds, a.burst)
        out.append(r)
        print("run %d: side 0 / side 1 step time %.3f (95%% CI %.3f-%.3f, half-width %.1f%%); medians %.2f / %.2f ms"
              % (i + 1, r, lo, hi, 50 * (hi - lo) / r, m0, m1))
    print("ratios %.3f-%.3f, geometric mean %.3f" % (min(out), max(out), math.exp(st.mean(math.log(x) for x in out))))


if __name__ == "__main__":
    sys.exit(main())
