#!/usr/bin/env python3
"""Benchmarks of the interleaved-burst verdict and of compare (docs/benchmarks.md, "Interleaved bursts").

  bench/interleaved.py specificity [--runs 8]   doctor --quick --runtime native,docker --backend djl, N times in a
                                               row: the share of runs at parity, the spread of the ratios, wall time
  bench/interleaved.py sensitivity [--runs 5]   the same with envdoctor (and so its native worker) in a cgroup v1
                                               limited to half a CPU, the containers keeping both: the share of runs
                                               that name Docker faster with the interval's low end above 1.5
  bench/interleaved.py compare [--runs 4]       plain doctor --quick --python /usr/bin/python3, N times; compare on
                                               each consecutive pair (rows claiming a difference), then against one
                                               report made with native in the half-CPU cgroup
  bench/interleaved.py hog                      doctor with a CPU hog (a Python busy loop named envdoctor-hog)
                                               running: does the verdict name it and hold back the projection?

Every run's report stays under --out (default /tmp/envdoctor-bench-interleaved). Prints one line per run and
a summary, and the machine's load average before and after: these figures mean little on a loaded machine.
Needs root for the cgroup (sensitivity, compare) and the worker image for docker (envdoctor image build).
"""
import argparse, glob, json, os, statistics, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
JAR = os.path.join(HERE, "..", "target", "envdoctor.jar")
# the JVM flags of the installed launcher (src/main/dist/envdoctor), which users run: with the JVM's
# defaults (G1, C2) the doctor's own JIT and GC threads took CPU from the bursts and doubled their spread
JAVA = ["java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto"]
CGROUP = "/sys/fs/cgroup/cpu/envdoctor-bench-%d" % os.getpid()


def load():
    with open("/proc/loadavg") as f:
        return f.read().split()[0]


def doctor(out, args, cgroup=None):
    """One doctor run; returns (report, wall seconds)."""
    os.makedirs(out, exist_ok=True)
    before = set(glob.glob(os.path.join(out, "*.json")))
    cmd = JAVA + ["-jar", JAR, "doctor", "--quick", "--out", out, "--no-color"] + args
    if cgroup:
        cmd = ["sh", "-c", 'echo $$ > %s/cgroup.procs && exec "$@"' % cgroup, "sh"] + cmd
    t0 = time.monotonic()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
    wall = time.monotonic() - t0
    new = sorted(set(glob.glob(os.path.join(out, "*.json"))) - before)
    with open(new[-1]) as f:
        return json.load(f), wall, new[-1]


def describe(rep):
    rec = rep.get("recommendation") or {}
    m = rec.get("measurement") or {}
    ci = rec.get("speedupCi95") or []
    train = rec.get("train") or {}
    return {"confidence": rec.get("confidence"), "train": train.get("runtime"), "speedup": rec.get("speedup"),
            "low": ci[0] if ci else None, "high": ci[1] if ci else None, "pairs": m.get("pairs"),
            "method": m.get("method"), "contention": m.get("contention"), "reason": rec.get("reason", "")}


def line(i, d, wall):
    ci = "%.2f-%.2f" % (d["low"], d["high"]) if d["low"] is not None else "-"
    sp = "%.3f" % d["speedup"] if d["speedup"] is not None else "-"
    print("run %d: %-8s train %-7s speedup %s CI %s pairs %s wall %.1f s load %s%s" % (
        i, d["confidence"], d["train"], sp, ci, d["pairs"], wall, load(),
        "  [contended: %s]" % d["contention"] if d["contention"] else ""), flush=True)


def make_cgroup():
    os.makedirs(CGROUP, exist_ok=True)
    with open(CGROUP + "/cpu.cfs_quota_us", "w") as f:
        f.write("50000")  # of the default 100000 period: half a CPU


def drop_cgroup():
    try:
        os.rmdir(CGROUP)
    except OSError:
        pass


def series(name, runs, out, args, cgroup=None):
    print("%s: %d runs, load %s at the start, %s" % (name, runs, load(), time.strftime("%H:%M UTC", time.gmtime())))
    rows = []
    for i in range(runs):
        rep, wall, _ = doctor(out, args, cgroup)
        d = describe(rep)
        line(i + 1, d, wall)
        rows.append((d, wall))
    return rows


def spec(a):
    rows = series("specificity", a.runs, a.out, ["--runtime", "native,docker", "--backend", "djl"])
    parity = sum(1 for d, _ in rows if d["confidence"] == "parity")
    # the verdict names the container at parity: its speedup is docker's over native's
    sp = [d["speedup"] for d, _ in rows if d["speedup"] is not None]
    walls = [w for _, w in rows]
    print("parity %d of %d; speedups %.3f-%.3f; within 0.93-1.07: %d; median wall %.1f s; load now %s" % (
        parity, len(rows), min(sp), max(sp), sum(1 for s in sp if 0.93 <= s <= 1.07), statistics.median(walls), load()))


def sens(a):
    make_cgroup()
    try:
        rows = series("sensitivity", a.runs, a.out, ["--runtime", "native,docker", "--backend", "djl"], CGROUP)
    finally:
        drop_cgroup()
    hit = sum(1 for d, _ in rows if d["train"] == "docker" and d["confidence"] == "clear" and (d["low"] or 0) > 1.5)
    named = sum(1 for d, _ in rows if "half a CPU" in d["reason"] and "throttled" in d["reason"])
    print("docker faster with low end > 1.5: %d of %d; reason names the quota and its throttling: %d; load now %s" % (
        hit, len(rows), named, load()))


def compare(base, other):
    r = subprocess.run(JAVA + ["-jar", JAR, "compare", base, other, "--json"], capture_output=True, text=True, timeout=120)
    doc = json.loads(r.stdout)
    return doc.get("ratios", []), doc.get("verdict")


def comp(a):
    files = []
    print("compare: %d runs of doctor --quick --python /usr/bin/python3, load %s" % (a.runs, load()))
    for i in range(a.runs):
        _, wall, f = doctor(a.out, ["--python", "/usr/bin/python3"])
        files.append(f)
        print("run %d: %s (%.1f s, load %s)" % (i + 1, os.path.basename(f), wall, load()), flush=True)
    claims = rows = 0
    for b, o in zip(files, files[1:]):
        ratios, verdict = compare(b, o)
        for r in ratios:
            rows += 1
            diff = r.get("low") is not None and (r["low"] > 1 or r["high"] < 1)
            claims += diff
            print("  %s vs %s %s/%s/%s: %.3f (%s-%s) %s%s" % (os.path.basename(b)[10:26], os.path.basename(o)[10:26],
                  r["runtime"], r["backend"], r["device"], r["ratio"], fmt(r.get("low")), fmt(r.get("high")),
                  "DIFFERENCE" if diff else "same", " [" + r["contention"] + "]" if r.get("contention") else ""))
    print("rows claiming a difference: %d of %d" % (claims, rows))
    make_cgroup()
    try:
        _, _, half = doctor(a.out, ["--python", "/usr/bin/python3"], CGROUP)
    finally:
        drop_cgroup()
    ratios, verdict = compare(files[-1], half)
    for r in ratios:
        print("  vs half-CPU native %s/%s/%s: %.3f (%s-%s)" % (r["runtime"], r["backend"], r["device"], r["ratio"],
              fmt(r.get("low")), fmt(r.get("high"))))
    print("verdict: %s" % verdict)


def fmt(v):
    return "-" if v is None else "%.2f" % v


def hog(a):
    # a busy loop under its own name, so the report can name it (redaction keeps process names)
    p = subprocess.Popen([sys.executable, "-c",
                          "import ctypes;ctypes.CDLL(None).prctl(15, b'envdoctor-hog', 0, 0, 0)\nwhile True: pass"])
    try:
        time.sleep(1)
        rep, wall, f = doctor(a.out, ["--runtime", "native,docker", "--backend", "djl"])
        d = describe(rep)
        line(1, d, wall)
        print("verdict: %s" % rep["recommendation"]["verdict"])
        print("reason: %s" % d["reason"])
        print("projection held back: %s" % (rep["recommendation"].get("measurement") or {}).get("contended"))
    finally:
        p.kill()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("what", choices=["specificity", "sensitivity", "compare", "hog"])
    p.add_argument("--runs", type=int, default=0)
    p.add_argument("--out", default="/tmp/envdoctor-bench-interleaved")
    a = p.parse_args()
    a.runs = a.runs or {"specificity": 8, "sensitivity": 5, "compare": 4, "hog": 1}[a.what]
    {"specificity": spec, "sensitivity": sens, "compare": comp, "hog": hog}[a.what](a)


if __name__ == "__main__":
    main()
