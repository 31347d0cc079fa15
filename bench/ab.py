#!/usr/bin/env python3
"""A/B of two builds of envdoctor in the same run, run by run (issue #27's acceptance).

  bench/ab.py [--runs N] [--series specificity,sensitivity,quick] [--old /tmp/before] [--new /tmp/after]

--old and --new are source trees with target/envdoctor.jar (+ target/lib) built (./mvnw -B -o -DskipTests
package). Each build's worker image is expected under its own tag, envdoctor-worker:ab-old and
envdoctor-worker:ab-new, in Docker (and in Podman, which plain doctor also runs): build it from the tree's jar
with `java -jar target/envdoctor.jar image build` (and `--runtime podman`) and `docker tag` / `podman tag` the
result. Before each run this script points ENVDOCTOR_WORKER_IMAGE at the build's own image (ab-old or ab-new), which
every doctor honours: each build's container side runs its own worker, whatever its default tag (the two builds may
speak different side protocols, issue #28: -p3 and -p4). No tag is moved.

The series, each run alternating old, new, old, new, ... (--order abba: old, new, new, old, ...):

  specificity   bench/interleaved.py's specificity run: doctor --quick --runtime native,docker --backend djl;
                counted: the share of runs at parity (docs/benchmarks.md: >= 7 of 8)
  sensitivity   the same with envdoctor in a cgroup v1 limited to half a CPU (interleaved.py's cgroup);
                counted: Docker named faster, clear, with the interval's low end above 1.5 (>= 4 of 5)
  quick         plain doctor --quick --python /usr/bin/python3: wall and CPU time (within 5%)

Each doctor runs as interleaved.py runs it (its doctor(), with the installed launcher's JVM flags), with
interleaved.JAR set to the build's jar. CPU time is the whole process tree that the doctor's JVM waited for
(getrusage(RUSAGE_CHILDREN) before and after): the JVM, its native workers, python and the docker/podman
clients, not the containers' own processes, which the engines' daemons run (podman's conmon children are
counted only where podman waits for them). Prints one line per run and per build: the share at parity, the share
with the low end above 1.5, the median wall and CPU seconds; then new/old of the medians. Reports stay
under --out/old and --out/new.

Needs root (cgroup, image tags). The figures mean little on a loaded machine: the load average is printed
before and after each series and with each run; compare builds only within one run of this script.
"""
import argparse, importlib.util, os, resource, statistics, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
spec_ = importlib.util.spec_from_file_location("interleaved", os.path.join(HERE, "interleaved.py"))
interleaved = importlib.util.module_from_spec(spec_)
spec_.loader.exec_module(interleaved)

ENGINES = ("docker", "podman")
DJL = ["--runtime", "native,docker", "--backend", "djl"]
QUICK = ["--python", "/usr/bin/python3"]


def sh(cmd):
    return subprocess.run(cmd, capture_output=True, text=True)


def image_id(engine, tag):
    r = sh([engine, "image", "inspect", "-f", "{{.Id}}", tag])
    return r.stdout.strip() if r.returncode == 0 else None


def engines():
    """The engines that hold both builds' images (docker must; podman only if it has them)."""
    found = []
    for e in ENGINES:
        try:
            old, new = image_id(e, "envdoctor-worker:ab-old"), image_id(e, "envdoctor-worker:ab-new")
        except FileNotFoundError:
            continue
        if old and new:
            found.append(e)
        elif e == "docker":
            sys.exit("docker has no envdoctor-worker:ab-old / ab-new: build each tree's image and tag it (see --help)")
    return found


def use(build, engs):
    """Points the jar and the worker image at one build (the doctors inherit this environment)."""
    interleaved.JAR = os.path.join(build["tree"], "target", "envdoctor.jar")
    os.environ["ENVDOCTOR_WORKER_IMAGE"] = "envdoctor-worker:ab-" + build["name"]
    # two builds of one version would pool each other's projection points (docs/calibration.md); older ones ignore it
    os.environ["ENVDOCTOR_HISTORY"] = "off"


def run_once(build, args, cgroup):
    """One doctor run of a build: (description, wall s, cpu s)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    rep, wall, _ = interleaved.doctor(build["out"], args, cgroup)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return interleaved.describe(rep), wall, cpu


def order(builds, runs, how):
    for i in range(runs):
        pair = builds if how == "alternate" or i % 2 == 0 else builds[::-1]
        for b in pair:
            yield i, b


def series(name, a, builds, engs):
    args = QUICK if name == "quick" else DJL
    cgroup = interleaved.CGROUP if name == "sensitivity" else None
    print("\n%s: %d runs per build, %s, load %s at the start, %s" % (
        name, a.runs, "doctor --quick " + " ".join(args), interleaved.load(),
        time.strftime("%H:%M:%S UTC", time.gmtime())), flush=True)
    rows = {b["name"]: [] for b in builds}
    t0 = time.monotonic()
    if cgroup:
        interleaved.make_cgroup()
    try:
        for i, b in order(builds, a.runs, a.order):
            use(b, engs)
            try:
                d, wall, cpu = run_once(b, args, cgroup)
            except Exception as e:  # a run that wrote no report, or timed out: counted as a failure
                print("run %d %s: FAILED (%s: %s) load %s" % (i + 1, b["name"], type(e).__name__, e, interleaved.load()),
                      flush=True)
                rows[b["name"]].append(None)
                continue
            rows[b["name"]].append((d, wall, cpu))
            ci = "%.2f-%.2f" % (d["low"], d["high"]) if d["low"] is not None else "-"
            sp = "%.3f" % d["speedup"] if d["speedup"] is not None else "-"
            print("run %d %s: %-8s train %-7s speedup %s CI %s pairs %s wall %.1f s cpu %.1f s load %s%s" % (
                i + 1, b["name"], d["confidence"], d["train"], sp, ci, d["pairs"], wall, cpu, interleaved.load(),
                "  [contended: %s]" % d["contention"] if d["contention"] else ""), flush=True)
    finally:
        if cgroup:
            interleaved.drop_cgroup()
    summary(name, rows, time.monotonic() - t0)


def summary(name, rows, took):
    med = {}
    print("%s, %.0f s in all, load %s at the end:" % (name, took, interleaved.load()))
    for build, rs in rows.items():
        ok = [r for r in rs if r]
        n = len(rs)
        parity = sum(1 for d, _, _ in ok if d["confidence"] == "parity")
        low = sum(1 for d, _, _ in ok if d["train"] == "docker" and d["confidence"] == "clear" and (d["low"] or 0) > 1.5)
        quota = sum(1 for d, _, _ in ok if "half a CPU" in d["reason"] and "throttled" in d["reason"])
        walls, cpus = [w for _, w, _ in ok], [c for _, _, c in ok]
        med[build] = (statistics.median(walls) if walls else None, statistics.median(cpus) if cpus else None)
        extra = "; reason names the quota: %d of %d" % (quota, n) if name == "sensitivity" else ""
        print("  %-3s at parity %d of %d; docker faster with low end > 1.5: %d of %d; median wall %s s (%s); "
              "median cpu %s s (%s); failed %d%s" % (
                  build, parity, n, low, n, fmt(med[build][0]), span(walls), fmt(med[build][1]), span(cpus),
                  n - len(ok), extra))
    o, w = med.get("old"), med.get("new")
    if o and w:
        print("  new/old: wall %s, cpu %s" % (ratio(w[0], o[0]), ratio(w[1], o[1])), flush=True)


def fmt(v):
    return "-" if v is None else "%.2f" % v


def span(vs):
    return "%.2f-%.2f" % (min(vs), max(vs)) if vs else "-"


def ratio(n, d):
    return "-" if n is None or not d else "%.3f" % (n / d)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--runs", type=int, default=0, help="runs per build and series (default 8, 5, 5)")
    p.add_argument("--series", default="specificity,sensitivity,quick")
    p.add_argument("--old", default="/tmp/before")
    p.add_argument("--new", default="/tmp/after")
    p.add_argument("--order", choices=["alternate", "abba"], default="alternate")
    p.add_argument("--out", default="/tmp/envdoctor-bench-ab")
    a = p.parse_args()
    builds = []
    for name, tree in (("old", a.old), ("new", a.new)):
        jar = os.path.join(tree, "target", "envdoctor.jar")
        if not os.path.isfile(jar):
            sys.exit("no %s: build it (./mvnw -q -B -o -DskipTests package in %s)" % (jar, tree))
        rev = sh(["git", "-C", tree, "rev-parse", "--short", "HEAD"]).stdout.strip() or "?"
        builds.append({"name": name, "tree": tree, "out": os.path.join(a.out, name), "rev": rev})
    engs = engines()
    names = [s.strip() for s in a.series.split(",") if s.strip()]
    for s in names:
        if s not in ("specificity", "sensitivity", "quick"):
            sys.exit("unknown series %r" % s)
    print("# %s %s load %s; old %s (%s), new %s (%s); worker images ab-old/ab-new in %s; JVM %s" % (
        time.strftime("%FT%TZ", time.gmtime()), os.uname().nodename, " ".join(open("/proc/loadavg").read().split()[:3]),
        builds[0]["tree"], builds[0]["rev"], builds[1]["tree"], builds[1]["rev"], ",".join(engs),
        " ".join(interleaved.JAVA)))
    for s in names:
        runs = a.runs or {"specificity": 8, "sensitivity": 5, "quick": 5}[s]
        series(s, argparse.Namespace(runs=runs, order=a.order), builds, engs)


if __name__ == "__main__":
    main()
