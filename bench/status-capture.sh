#!/usr/bin/env bash
# A doctor run as a person sees it in a terminal: tmux runs it in a 160x50 pane, and the pane is
# captured every 0.5 s with a timestamp. Prints the longest silent gap (the longest time the screen
# did not change between the first frame and the run's end) and writes the frames that changed.
#
#   bench/status-capture.sh [OUT_FILE]            (default: docs/captures/doctor-terminal.txt)
#   ARGS="doctor --python /usr/bin/python3" ENVDOCTOR="java -jar target/envdoctor.jar" bench/status-capture.sh
# Reports go to $REPORTS (default target/status-capture-reports), kept: a second run shows the
# estimate "about N s left (the last run here took M s)".
#
# Needs tmux and python3. Run it on a quiet machine for figures you publish.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/captures/doctor-terminal.txt}
envdoctor=${ENVDOCTOR:-"java -jar $PWD/target/envdoctor.jar"}
args=${ARGS:-"doctor --python /usr/bin/python3"}
session="envdoctor-capture-$$"
raw=$(mktemp)
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -f "$raw"' EXIT
mkdir -p "$(dirname "$out")"
# kept between runs: the live line's estimate reads how long the last run in this folder took
reports=${REPORTS:-$PWD/target/status-capture-reports}
mkdir -p "$reports"
tmux new-session -d -s "$session" -x 160 -y 50 \
  "cd '$PWD' && $envdoctor $args --out '$reports'; echo __EXIT=\$?; sleep 3"
while tmux has-session -t "$session" 2>/dev/null; do
  now=$(date +%s.%N)
  screen=$(tmux capture-pane -p -t "$session" 2>/dev/null || true)
  printf '=== %s\n%s\n' "$now" "$screen" >> "$raw"
  grep -q '__EXIT=' <<<"$screen" && break
  sleep 0.5
done
python3 - "$raw" "$out" "$envdoctor $args" <<'PY'
import sys
raw, out, cmd = sys.argv[1:4]
frames, t, lines = [], None, []
for line in open(raw, encoding="utf-8", errors="replace"):
    if line.startswith("=== "):
        if t is not None:
            frames.append((t, "".join(lines).rstrip()))
        t, lines = float(line[4:]), []
    else:
        lines.append(line)
if t is not None:
    frames.append((t, "".join(lines).rstrip()))
t0 = frames[0][0]
changed, last, gap, gap_at = [], None, 0.0, 0.0
first = next((ts for ts, screen in frames if screen.strip()), t0)  # envdoctor's first output
for ts, screen in frames:
    if screen != last:
        if changed and changed[-1][0] >= first:
            d = ts - changed[-1][0]
            if d > gap:
                gap, gap_at = d, changed[-1][0] - t0
        changed.append((ts, screen))
        last = screen
intervals = [b[0] - a[0] for a, b in zip(frames, frames[1:])]
with open(out, "w", encoding="utf-8") as f:
    f.write(f"# {cmd}\n# tmux pane 160x50, captured every 0.5 s (bench/status-capture.sh); "
            f"{len(frames)} captures over {frames[-1][0] - t0:.1f} s, {len(changed)} distinct screens\n"
            f"# capture interval: median {sorted(intervals)[len(intervals)//2]:.2f} s, max {max(intervals):.2f} s\n"
            f"# first output after {first - t0:.1f} s (the JVM's start, before envdoctor can print)\n"
            f"# longest silent gap after it (screen unchanged): {gap:.1f} s, from t={gap_at:.1f} s\n")
    for ts, screen in changed:
        f.write(f"\n--- t={ts - t0:5.1f} s\n{screen}\n")
print(f"first output after {first - t0:.1f} s; longest silent gap after it: {gap:.1f} s (from t={gap_at:.1f} s); {len(changed)} distinct screens in "
      f"{frames[-1][0] - t0:.1f} s; max capture interval {max(intervals):.2f} s; written {out}")
PY
