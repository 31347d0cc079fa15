"""Tables for bench/projection-repeatability.sh: reads doctor --json reports, prints Markdown."""
import json
import statistics
import sys


def rows(report):
    rec = report.get("recommendation") or {}
    return rec, rec.get("projection") or []


def run_facts(path):
    try:
        r = json.load(open(path))
    except (OSError, ValueError):
        return {"file": path, "confidence": "no report", "contended": None, "hours": None, "containers": []}
    rec, proj = rows(r)
    cal = r.get("calibrations", [])
    yolo = sorted([c for c in cal if c["runtime"] == "native" and c.get("backend") == "python"
                   and (c.get("workload") or "").startswith("yolov8")], key=lambda c: c["imgsz"] * c["imgsz"] * c["batch"])
    cnn = {(c["runtime"], c.get("backend")): c for c in cal if c.get("workload") == "cnn"}
    py = next((p for p in proj if p["runtime"] == "native" and p["backend"] == "python"), None)
    f = {"file": path, "confidence": rec.get("confidence"), "contended": (rec.get("measurement") or {}).get("contended"),
         "hours": py and py["hours"], "low": py and py["hoursLow"], "high": py and py["hoursHigh"]}
    pooled = (py or {}).get("pooled") or {}
    f["pooled"] = pooled.get("runs") or 1
    f["alone"] = pooled.get("hoursThisRun") or (py and py["hours"])
    if len(yolo) >= 2:
        s, l = yolo[0], yolo[-1]
        ps, pl = s["imgsz"] ** 2 * s["batch"], l["imgsz"] ** 2 * l["batch"]
        b = (l["medianMs"] - s["medianMs"]) / (pl - ps)
        f.update(points=f"{s['imgsz']}×{s['batch']} {s['medianMs']:.0f} / {l['imgsz']}×{l['batch']} {l['medianMs']:.0f}",
                 small=s["medianMs"], large=l["medianMs"], steps=f"{s['steps']}/{l['steps']}", slope=b * 1000,
                 intercept=s["medianMs"] - b * ps, threads=l.get("threads"))
    for k in (("native", "python"), ("native", "djl"), ("docker", "djl"), ("podman", "djl")):
        if k in cnn:
            f["cnn " + "/".join(k)] = cnn[k]["medianMs"]
    nat = {p["backend"]: p for p in proj if p["runtime"] == "native"}
    f["containers"] = [(p["runtime"], p["backend"], p["method"], p["hours"] / nat[p["backend"]]["hours"])
                       for p in proj if p["runtime"] != "native" and p["backend"] in nat]
    return f


def spread(v):
    v = [x for x in v if x is not None]
    return max(v) / min(v) if len(v) > 1 and min(v) > 0 else float("nan")


def main(paths):
    runs = [run_facts(p) for p in paths]
    ok = [r for r in runs if r["hours"]]
    med = statistics.median([r["hours"] for r in ok]) if ok else float("nan")
    print("| run | verdict | contended | native python (days) | runs pooled | this run alone (days) | p10–p90 (days) | p90/p10 "
          "| holds median of all | holds median of others "
          "| yolov8m points (ms) | steps | intercept (ms) | slope (ms/1000 px) | threads | containers ÷ native same backend |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    holds_all = holds_others = 0
    for i, r in enumerate(runs, 1):
        if not r["hours"]:
            print(f"| {i} | {r['confidence']} | {r['contended']} | — | | | | | | | | | | | | |")
            continue
        others = statistics.median([o["hours"] for o in ok if o is not r]) if len(ok) > 1 else float("nan")
        lo, hi = r["low"] or float("nan"), r["high"] or float("nan")
        a, o = lo <= med <= hi, lo <= others <= hi
        holds_all += a
        holds_others += o
        boxes = ", ".join(f"{rt} {be} {m} {x:.2f}" for rt, be, m, x in r["containers"])
        print(f"| {i} | {r['confidence']} | {r['contended']} | {r['hours'] / 24:.1f} | {r['pooled']} | {r['alone'] / 24:.1f} "
              f"| {lo / 24:.1f}–{hi / 24:.1f} | {hi / lo:.2f} "
              f"| {'yes' if a else 'no'} | {'yes' if o else 'no'} | {r.get('points')} "
              f"| {r.get('steps')} | {r.get('intercept', 0):.0f} | {r.get('slope', 0):.3f} | {r.get('threads')} | {boxes} |")
    print()
    print("| figure | max/min across runs |")
    print("|---|---|")
    for k in ["hours", "alone", "small", "large", "intercept", "slope", "cnn native/python", "cnn native/djl", "cnn docker/djl",
              "cnn podman/djl"]:
        name = {"hours": "native python projection", "alone": "native python, each run alone"}.get(k, k)
        print(f"| {name} | {spread([r.get(k) for r in runs]):.2f} |")
    print()
    print(f"{len(ok)} runs with a projection; each range held the median of all in {holds_all} of {len(ok)}, "
          f"the median of the others in {holds_others} of {len(ok)}.")


if __name__ == "__main__":
    main(sys.argv[1:])
