#!/usr/bin/env python3
"""Counts that tell how the code is layered and typed, for issue notes and reviews.

Usage: scripts/code-metrics.py [ROOT]   (ROOT: a checkout, default the current directory)

  mutual package pairs   pairs of top-level packages under dev.envdoctor that use each other
                         (imports and fully qualified names, src/main only)
  full names in bodies   dev.envdoctor.x.Y written in code (comments, strings, imports aside)
  long constructor calls `new X(...)` with more than eight arguments, src/main
  prose assertions       .contains( / .startsWith( in the tests of recommend, compare, race
  literal equals         "literal".equals( in src/main
  largest files          the six longest files under src/main
"""
import os
import re
import sys
from itertools import combinations

ROOT = sys.argv[1] if len(sys.argv) > 1 else "."
MAIN = os.path.join(ROOT, "src/main/java/dev/envdoctor")
TEST = os.path.join(ROOT, "src/test/java/dev/envdoctor")


def java_files(base):
    for d, _, files in os.walk(base):
        for f in files:
            if f.endswith(".java"):
                yield os.path.join(d, f)


def code_only(src):
    """The source without comments and string/char literals; package and import lines kept."""
    out, i, n = [], 0, len(src)
    while i < n:
        if src.startswith("//", i):
            j = src.find("\n", i)
            i = n if j < 0 else j
        elif src.startswith("/*", i):
            j = src.find("*/", i + 2)
            i = n if j < 0 else j + 2
        elif src[i] in "\"'":
            q, j = src[i], i + 1
            while j < n and src[j] != q:
                j += 2 if src[j] == "\\" else 1
            out.append('""')
            i = j + 1
        else:
            out.append(src[i])
            i += 1
    return "".join(out)


def top_package(path):
    rel = os.path.relpath(path, MAIN)
    return rel.split(os.sep)[0] if os.sep in rel else "(root)"


def args_count(code, start):
    """Top-level arguments of the call whose '(' is at start; -1 if unbalanced."""
    depth, count, seen = 0, 0, False
    for ch in code[start:]:
        if ch in "([{":
            depth += 1
            if depth == 1:
                continue
        elif ch in ")]}":
            depth -= 1
            if depth == 0:
                return count + 1 if seen else 0
        elif ch == "," and depth == 1:
            count += 1
            continue
        if depth >= 1 and not ch.isspace():
            seen = True
    return -1


def main():
    fqn = re.compile(r"\bdev\.envdoctor\.([a-z]+)\.[A-Za-z]\w*")
    deps, full_names, long_calls, literal_equals, sizes = {}, 0, 0, 0, []
    for path in java_files(MAIN):
        raw = open(path, encoding="utf-8").read()
        sizes.append((raw.count("\n"), os.path.relpath(path, MAIN)))
        code = code_only(raw)
        body = re.sub(r"(?m)^(package|import) [^\n]*", "", code)
        pkg = top_package(path)
        for m in fqn.finditer(code):
            if m.group(1) != pkg:
                deps.setdefault(pkg, set()).add(m.group(1))
        full_names += len(fqn.findall(body))
        for m in re.finditer(r"\bnew\s+[A-Z][\w.<>]*\s*\(", body):
            if args_count(body, m.end() - 1) > 8:
                long_calls += 1
        literal_equals += len(re.findall(r'"[^"\n]*"\.equals\(', raw))
    mutual = [(a, b) for a, b in combinations(sorted(deps), 2)
              if b in deps.get(a, ()) and a in deps.get(b, ())]
    prose = 0
    for sub in ("recommend", "compare", "race"):
        for path in java_files(os.path.join(TEST, sub)):
            prose += len(re.findall(r"\.(contains|startsWith)\(", open(path, encoding="utf-8").read()))
    print(f"mutual package pairs   {len(mutual)}" + (f"  {mutual}" if mutual else ""))
    print(f"full names in bodies   {full_names}")
    print(f"long constructor calls {long_calls}")
    print(f"prose assertions       {prose}")
    print(f"literal equals         {literal_equals}")
    print("largest files          " + ", ".join(f"{p} {n}" for n, p in sorted(sizes, reverse=True)[:6]))


if __name__ == "__main__":
    main()
