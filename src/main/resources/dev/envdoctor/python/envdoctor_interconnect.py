# envdoctor's interconnect measurement (protocol envdoctor/interconnect/v1): all-reduce bus bandwidth
# with torch.distributed, one process per GPU over NCCL (gloo with 2 CPU ranks where there is no
# GPU), and the copy bandwidth between each pair of GPUs. docs/interconnect.md.
#
#   <python> envdoctor_interconnect.py allreduce,p2p [options]    (or fed on stdin behind a loader)
#
# The ranks are this same script started again by itself (`rank` mode) on localhost
# (MASTER_ADDR=127.0.0.1, a free port), each with its source on stdin, so nothing is written to disk.
# A deadline kills every rank; on Linux a rank also dies with its parent (PR_SET_PDEATHSIG). The
# environment passes through unchanged: NCCL_* is the machine's to set (NVLS off on some), never ours.
# Prints exactly one JSON document on stdout. Standard library and torch only; torch 1.13 through 2.x.
import argparse
import json
import math
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import traceback

PROTOCOL = "envdoctor/interconnect/v1"
CHILD_LOADER = ("import sys\nsrc = sys.stdin.read()\nsys.argv[0] = 'envdoctor_interconnect.py'\n"
                "exec(compile(src, 'envdoctor_interconnect.py', 'exec'), "
                "{'__name__': '__main__', '__envdoctor_source__': src, '__builtins__': __builtins__})")
PATTERN = 7  # element i of rank r holds (r + 1) * (i % PATTERN + 1): a misplaced chunk changes the sum

_real_stdout = sys.stdout
sys.stdout = sys.stderr  # whatever torch prints must not corrupt the JSON document


def log(msg):
    sys.stderr.write("envdoctor_interconnect: " + msg + "\n")
    sys.stderr.flush()


def first_line(e):
    text = str(e).strip()
    return type(e).__name__ + (": " + text.splitlines()[0] if text else "")


def bus_factor(ranks):
    """nccl-tests' all-reduce bus factor: busbw = algbw * 2(n-1)/n, comparable to a link's rate."""
    return 2.0 * (ranks - 1) / ranks if ranks > 0 else 0.0


def expected_sum(ranks):
    return ranks * (ranks + 1) // 2


def sizes(smallest, largest, factor):
    out, s = [], smallest
    while s <= largest:
        out.append(s)
        s *= factor
    return out


def own_source():
    src = globals().get("__envdoctor_source__")
    if src:
        return src
    path = globals().get("__file__")
    if path and os.path.isfile(path):
        with open(path) as f:
            return f.read()
    return None


def nccl_settings():
    return {k: v for k, v in sorted(os.environ.items()) if k.startswith("NCCL_")}


def nccl_version(torch):
    try:
        v = torch.cuda.nccl.version()
        return ".".join(str(x) for x in v) if isinstance(v, tuple) else str(v)
    except Exception:
        return None


# ---------------------------------------------------------------- one rank

def check_sum(torch, x, ranks, pattern):
    """(correct, mismatched elements): x must hold expected_sum(ranks) * pattern, exactly (small
    integers in float32 are exact)."""
    expected = pattern * float(expected_sum(ranks))
    mismatched = int((x != expected).sum().item())
    return mismatched == 0, mismatched


def synchronize(torch, device):
    if device.startswith("cuda"):
        torch.cuda.synchronize(torch.device(device))


def rank_main(args):
    import torch
    import torch.distributed as dist
    rank, ranks = args.rank, args.ranks
    device = "cuda:%d" % rank if args.backend == "nccl" else "cpu"
    if device != "cpu":
        torch.cuda.set_device(rank)
    torch.set_num_threads(1 if device == "cpu" and ranks > 1 else torch.get_num_threads())
    dist.init_process_group(args.backend, init_method="tcp://127.0.0.1:%d" % args.port, rank=rank,
                            world_size=ranks, timeout=__import__("datetime").timedelta(seconds=args.op_timeout))
    results = []
    for size in sizes(args.min_bytes, args.max_bytes, args.factor):
        numel = size // 4
        entry = {"bytes": numel * 4, "seconds": None, "iterations": 0, "correct": False, "mismatched": None,
                 "diagnosis": None}
        try:
            pattern = (torch.arange(numel, dtype=torch.int32, device=device) % PATTERN + 1).float()
            x = pattern * float(rank + 1)
            dist.all_reduce(x)
            synchronize(torch, device)
            if args.plant_wrong_sum and rank == 0:
                x[0] += 1.0  # tests: a wrong sum must fail the check
            entry["correct"], entry["mismatched"] = check_sum(torch, x, ranks, pattern)
            del pattern
            x.zero_()
            synchronize(torch, device)
            t0 = time.perf_counter()
            for _ in range(args.warmup):
                dist.all_reduce(x)
            synchronize(torch, device)
            once = (time.perf_counter() - t0) / max(1, args.warmup)
            # every rank must run the same count: agree on the slowest rank's estimate
            est = torch.tensor([once], dtype=torch.float64, device=device)
            dist.all_reduce(est, op=dist.ReduceOp.MAX)
            iterations = int(max(1, min(args.iterations, args.seconds / max(float(est.item()), 1e-7))))
            if device == "cpu":
                dist.barrier()
            else:  # NCCL's barrier wants the rank's device named, or guesses and warns
                dist.barrier(device_ids=[rank])
            synchronize(torch, device)
            t0 = time.perf_counter()
            for _ in range(iterations):
                dist.all_reduce(x)
            synchronize(torch, device)
            entry["seconds"] = (time.perf_counter() - t0) / iterations
            entry["iterations"] = iterations
            if bool((x != 0).any().item()):  # zeros summed stay zeros: anything else is corruption
                entry["correct"] = False
                entry["diagnosis"] = "the timed all-reduces of zeros returned non-zero values"
            del x
            if device != "cpu":
                torch.cuda.empty_cache()
        except Exception as e:
            entry["diagnosis"] = first_line(e)
            log(traceback.format_exc())
            results.append(entry)
            break  # a rank that fails a collective leaves the others waiting: stop the sweep
        results.append(entry)
    failed = any(e["seconds"] is None for e in results)
    if not failed:
        dist.destroy_process_group()
    return {"rank": rank, "device": device, "results": results,
            "diagnosis": "a collective failed on rank %d" % rank if failed else None}


# ---------------------------------------------------------------- the driver

def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def die_with_parent():
    """preexec_fn of a rank: SIGKILL when the driver dies (Linux), so no rank outlives a killed run."""
    try:
        import ctypes
        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except Exception:
        pass


def start_rank(source, argv, env):
    p = subprocess.Popen([sys.executable, "-c", CHILD_LOADER] + argv, stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                         preexec_fn=die_with_parent if sys.platform.startswith("linux") else None)
    out = {"stdout": [], "stderr": []}

    def drain(stream, key):
        for line in iter(stream.readline, b""):
            out[key].append(line.decode("utf-8", "replace"))

    threads = [threading.Thread(target=drain, args=(p.stdout, "stdout"), daemon=True),
               threading.Thread(target=drain, args=(p.stderr, "stderr"), daemon=True)]
    for t in threads:
        t.start()
    p.stdin.write(source.encode("utf-8"))
    p.stdin.close()
    return p, out, threads


def run_ranks(source, ranks, rank_args, timeout):
    """Starts the ranks, waits for all of them until the deadline, kills every one that is left.
    Returns (documents by rank, error text or None, stderr tails)."""
    env = dict(os.environ)
    env.update({"MASTER_ADDR": "127.0.0.1", "WORLD_SIZE": str(ranks), "PYTHONDONTWRITEBYTECODE": "1"})
    port = free_port()
    started = []
    for r in range(ranks):
        env_r = dict(env, RANK=str(r), LOCAL_RANK=str(r), MASTER_PORT=str(port))
        argv = ["rank", "--rank", str(r), "--ranks", str(ranks), "--port", str(port)] + rank_args
        started.append(start_rank(source, argv, env_r))
    deadline = time.monotonic() + timeout
    error = None
    try:
        while any(p.poll() is None for p, _, _ in started):
            if time.monotonic() > deadline:
                error = "the ranks did not finish within %.0f s: all killed" % timeout
                break
            failed = [r for r, (p, _, _) in enumerate(started) if p.poll() not in (None, 0)]
            if failed:  # the others would wait in a collective until their own timeout
                time.sleep(2.0)
                if any(p.poll() is None for p, _, _ in started):
                    error = "rank %d exited with %s: the other ranks were killed" % (
                        failed[0], started[failed[0]][0].returncode)
                break
            time.sleep(0.05)
    finally:
        for p, _, _ in started:
            if p.poll() is None:
                p.kill()
        for p, _, threads in started:
            p.wait()
            for t in threads:
                t.join(5)
    docs, tails = {}, []
    for r, (p, out, _) in enumerate(started):
        tails.append([l.rstrip("\n") for l in out["stderr"][-8:]])
        try:
            docs[r] = json.loads("".join(out["stdout"]))
        except ValueError:
            if error is None:
                error = "rank %d exited with %s and printed no result" % (r, p.returncode)
    nccl_lines = [l.strip() for p, out, _ in started for l in out["stderr"] if "NCCL INFO" in l]
    return docs, error, tails, nccl_lines


def algorithm_seen(nccl_lines):
    """NCCL names its algorithm only in its own log (NCCL_DEBUG=INFO, set by the user, not us)."""
    env_algo = os.environ.get("NCCL_ALGO")
    if env_algo:
        return "%s (NCCL_ALGO)" % env_algo
    seen = []
    for line in nccl_lines:
        for name in ("NVLSTree", "NVLS", "CollnetDirect", "CollnetChain", "Ring", "Tree", "PAT"):
            if (" algorithm " + name) in line or ("Algo " + name) in line or (" " + name + " ") in line:
                if name not in seen:
                    seen.append(name)
                break
    return "/".join(seen) if seen else None


def allreduce(torch, args, source):
    cuda = torch.cuda.is_available() and torch.cuda.device_count() > 0
    backend = args.backend if args.backend != "auto" else ("nccl" if cuda else "gloo")
    ranks = args.ranks or (torch.cuda.device_count() if backend == "nccl" else 2)
    doc = {"backend": backend, "ranks": ranks, "ncclVersion": nccl_version(torch) if backend == "nccl" else None,
           "ncclSettings": nccl_settings(), "algorithm": None, "results": [], "diagnosis": None,
           "stderrTail": []}
    if backend == "nccl":
        doc["devices"] = ["cuda:%d" % r for r in range(ranks)]
    else:
        doc["devices"] = ["cpu"] * ranks
    if not torch.distributed.is_available():
        doc["diagnosis"] = "this torch was built without torch.distributed"
        return doc
    if backend == "nccl" and not torch.distributed.is_nccl_available():
        doc["diagnosis"] = "this torch has no NCCL backend"
        return doc
    if source is None:
        doc["diagnosis"] = "the script's own source is not at hand to start the ranks (run it from its file)"
        return doc
    max_bytes = args.max_bytes or ((1 << 30) if backend == "nccl" else (16 << 20))
    rank_args = ["--backend", backend, "--min-bytes", str(args.min_bytes), "--max-bytes", str(max_bytes),
                 "--factor", str(args.factor), "--seconds", str(args.seconds), "--warmup", str(args.warmup),
                 "--iterations", str(args.iterations), "--op-timeout", str(int(args.timeout))]
    if args.plant_wrong_sum:
        rank_args.append("--plant-wrong-sum")
    docs, error, tails, nccl_lines = run_ranks(source, ranks, rank_args, args.timeout)
    doc["algorithm"] = algorithm_seen(nccl_lines)
    doc["ncclInfo"] = nccl_lines[:12]
    if error:
        doc["diagnosis"] = error
        doc["stderrTail"] = [l for t in tails for l in t][-12:]
    per_rank = [docs[r].get("results") or [] for r in sorted(docs)]
    if len(per_rank) != ranks:
        return doc
    factor = bus_factor(ranks)
    for entries in zip(*per_rank):
        size = entries[0]["bytes"]
        times = [e["seconds"] for e in entries if e["seconds"] is not None]
        seconds = sum(times) / len(times) if len(times) == ranks else None  # the ranks' mean, as nccl-tests
        alg = size / seconds / 1e9 if seconds else None
        doc["results"].append({
            "bytes": size, "seconds": seconds, "iterations": entries[0]["iterations"],
            "algGBps": alg, "busGBps": alg * factor if alg is not None else None,
            "correct": all(e["correct"] for e in entries),
            "mismatched": sum(e["mismatched"] or 0 for e in entries),
            "diagnosis": next((e["diagnosis"] for e in entries if e["diagnosis"]), None)})
    return doc


def p2p(torch, args):
    """Copy bandwidth from each GPU to each other one (a device-to-device tensor copy, CUDA only)."""
    n = torch.cuda.device_count() if torch.cuda.is_available() else 0
    doc = {"devices": n, "bytes": args.p2p_bytes, "pairs": [], "diagnosis": None}
    if n < 2:
        doc["diagnosis"] = "no GPUs to copy between" if n == 0 else "one GPU: no pair to copy between"
        return doc
    for i in range(n):
        for j in range(n):
            if i == j:
                continue
            pair = {"src": "cuda:%d" % i, "dst": "cuda:%d" % j, "peerAccess": None, "GBps": None, "diagnosis": None}
            try:
                pair["peerAccess"] = bool(torch.cuda.can_device_access_peer(i, j))
                src = torch.empty(args.p2p_bytes, dtype=torch.uint8, device="cuda:%d" % i)
                dst = torch.empty(args.p2p_bytes, dtype=torch.uint8, device="cuda:%d" % j)
                dst.copy_(src)
                synchronize(torch, "cuda:%d" % i)
                synchronize(torch, "cuda:%d" % j)
                t0 = time.perf_counter()
                for _ in range(args.p2p_iterations):
                    dst.copy_(src)
                synchronize(torch, "cuda:%d" % i)
                synchronize(torch, "cuda:%d" % j)
                pair["GBps"] = args.p2p_bytes * args.p2p_iterations / (time.perf_counter() - t0) / 1e9
                del src, dst
            except Exception as e:
                pair["diagnosis"] = first_line(e)
            doc["pairs"].append(pair)
        torch.cuda.empty_cache()
    return doc


def parse_args(argv):
    p = argparse.ArgumentParser(prog="envdoctor_interconnect")
    p.add_argument("modes", help="comma-separated: allreduce, p2p (rank: one rank, started by the driver)")
    p.add_argument("--backend", default="auto", help="auto (nccl with GPUs, else gloo), nccl or gloo")
    p.add_argument("--ranks", type=int, default=0, help="default: one per GPU over NCCL, 2 over gloo")
    p.add_argument("--min-bytes", type=int, default=64 << 10)
    p.add_argument("--max-bytes", type=int, default=0, help="default 1 GiB over NCCL, 16 MiB over gloo")
    p.add_argument("--factor", type=int, default=4)
    p.add_argument("--seconds", type=float, default=0.2, help="timed all-reduces per size: about this long")
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--iterations", type=int, default=50, help="at most this many timed all-reduces per size")
    p.add_argument("--timeout", type=float, default=240.0, help="seconds for all ranks; then every rank is killed")
    p.add_argument("--op-timeout", type=int, default=240)
    p.add_argument("--p2p-bytes", type=int, default=256 << 20)
    p.add_argument("--p2p-iterations", type=int, default=10)
    p.add_argument("--plant-wrong-sum", action="store_true", help="tests: rank 0 corrupts one summed element")
    p.add_argument("--rank", type=int, default=0)
    p.add_argument("--port", type=int, default=0)
    return p.parse_args(argv)


def main(argv):
    args = parse_args(argv)
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    if modes == ["rank"]:
        return rank_main(args)
    doc = {"protocol": PROTOCOL, "torch": None, "allReduce": None, "p2p": None, "diagnosis": None}
    try:
        import torch
        import torch.distributed  # noqa: F401
    except Exception as e:
        doc["diagnosis"] = first_line(e)
        return doc
    doc["torch"] = torch.__version__
    if "allreduce" in modes:
        doc["allReduce"] = allreduce(torch, args, own_source())
    if "p2p" in modes:
        doc["p2p"] = p2p(torch, args)
    return doc


# clean() and the entry point below mirror envdoctor_torch.py's: each script travels alone on stdin,
# so neither can import the other.
def clean(value):
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean(v) for v in value]
    return value


if __name__ == "__main__":
    try:
        document = main(sys.argv[1:])
    except SystemExit:
        raise
    except BaseException as e:  # a bug of ours still yields one document the parent can read
        traceback.print_exc()
        document = {"protocol": PROTOCOL, "diagnosis": "envdoctor_interconnect failed: " + first_line(e)}
    _real_stdout.write(json.dumps(clean(document), indent=1, allow_nan=False) + "\n")
    _real_stdout.flush()
    if sys.argv[1:2] == ["rank"] and document.get("diagnosis"):
        sys.exit(1)  # the driver then stops the other ranks instead of letting them wait in a collective
