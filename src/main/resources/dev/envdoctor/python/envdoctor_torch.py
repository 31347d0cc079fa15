# envdoctor's side in a Python training environment (protocol envdoctor/side/v2, docs/side-protocol.md).
#
# Fed on stdin by envdoctor:  <python> -c <a loader that reads this script from stdin up to a marker
# line> [settings]; then the same stdin carries the parent's commands, one per line (verify DEVICE,
# calibrate DEVICE WORKLOAD, project DEVICE POINT, validate DEVICE POINT, loop DEVICE POINT WORKERS
# SOURCE, pipeline SOURCE IMGSZ N, burst DEVICE WORKLOAD SECONDS [PRECISION], peak DEVICE, threads N, ping,
# end). The script greets with one JSON line on stdout once torch is imported (or failed to), then
# answers each command with exactly one JSON line on stdout; everything else goes to stderr. It holds
# no flow of its own: what to measure, in which order and when is the parent's.
# Standard library and torch only; Python 3.8+, torch 1.13 through 2.x. The workloads mirror the
# JVM worker's (docs/calibration.md): same layers, same shapes, same analytic FLOP count.
import argparse
import contextlib
import json
import math
import os
import platform
import re
import stat
import statistics
import sys
import time
import traceback
import warnings
from urllib.parse import unquote

PROTOCOL = "envdoctor/side/v2"
TOLERANCE = 1e-3  # max abs error allowed against the CPU float64 reference, float32 on the device
SEED = 42  # docs/calibration.md: the same seed as the JVM worker

if "yolo_model" not in globals():  # run from disk (bench/, tests): the module beside this file
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from envdoctor_yolo import *  # noqa: F401,F403

_real_stdout = sys.stdout
sys.stdout = sys.stderr  # whatever torch or a plugin prints must not corrupt the JSON document


def log(msg):
    sys.stderr.write("envdoctor_torch: " + msg + "\n")
    sys.stderr.flush()


def clean(value):
    """JSON has no NaN or infinity: a non-finite figure becomes null (its diagnosis says why)."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean(v) for v in value]
    return value


# ---------------------------------------------------------------- facts

def rosetta_translated():
    """True when this process runs under Rosetta 2 (macOS only; sysctl.proc_translated)."""
    if sys.platform != "darwin":
        return None
    try:
        import ctypes
        import ctypes.util
        libc = ctypes.CDLL(ctypes.util.find_library("c"))
        value = ctypes.c_int(0)
        size = ctypes.c_size_t(ctypes.sizeof(value))
        if libc.sysctlbyname(b"sysctl.proc_translated", ctypes.byref(value), ctypes.byref(size), None, 0) != 0:
            return False  # the key is missing on Intel Macs: nothing translates there
        return value.value == 1
    except Exception:
        return None


def python_facts():
    prefix = sys.prefix
    base = getattr(sys, "base_prefix", getattr(sys, "real_prefix", prefix))
    conda = os.path.isdir(os.path.join(prefix, "conda-meta"))
    return {
        "executable": sys.executable,
        "version": platform.python_version(),
        "arch": platform.machine(),
        "venv": prefix != base or conda or hasattr(sys, "real_prefix"),
        "prefix": prefix,
        "conda": conda,
        "platform": sys.platform,
        "translated": rosetta_translated(),
        "torch": None,
    }


def import_torch():
    """(torch module or None, error text or None)."""
    try:
        import torch  # noqa: F401
        return torch, None
    except ImportError as e:
        return None, "ImportError: " + str(e)
    except Exception as e:  # a torch whose native libraries do not load
        return None, type(e).__name__ + ": " + str(e)


def mps_facts(torch):
    mps = getattr(torch.backends, "mps", None)
    if mps is None:
        return {"built": False, "available": False}
    built = bool(mps.is_built())
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        available = bool(mps.is_available())
    return {"built": built, "available": available}


def cuda_facts(torch):
    """is_available() with its warnings caught: they say why CUDA is unusable (old driver, ...)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            available = bool(torch.cuda.is_available())
            count = torch.cuda.device_count() if available else 0
        except Exception as e:
            return {"available": False, "deviceCount": 0, "warning": type(e).__name__ + ": " + str(e)}
    warning = "; ".join(str(w.message).strip() for w in caught) or None
    return {"available": available, "deviceCount": count, "warning": warning}


OPTIMISED_BLAS = ("openblas", "blis", "mkl", "atlas", "flexiblas", "armpl", "accelerate", "veclib")


def blas_facts(torch):
    """Which BLAS torch's matrix products go through: torch's build setting (BLAS_INFO: mkl, open,
    accelerate, generic, ...) and, on Linux, the BLAS library loaded into this process. A
    "generic" build (Debian's and Ubuntu's python3-torch) calls whatever libblas.so.3 the system
    selects; the Netlib reference one (Debian's libblas3) multiplies matrices about ten times slower
    than OpenBLAS. reference: that library is loaded; None where it cannot be told."""
    info = None
    try:
        m = re.search(r"BLAS_INFO=([\w.+-]+)", torch.__config__.show())
        info = m.group(1) if m else None
    except Exception:
        pass
    library = None
    try:
        with open("/proc/self/maps") as f:  # the kernel lists each mapped file by its resolved path
            for line in f:
                path = line.split()[-1]
                name = os.path.basename(path)
                if name.startswith(("libblas.so", "libopenblas", "libblis", "libflexiblas", "libmkl_rt")):
                    library = path
                    break
    except (IOError, OSError):
        pass
    reference = None
    if library is not None:
        reference = os.path.basename(library).startswith("libblas.so") and \
            not any(k in library.lower() for k in OPTIMISED_BLAS)
    elif info is not None and info != "generic":
        reference = False  # built against its own BLAS (MKL linked in, Accelerate)
    return {"info": info, "library": library, "reference": reference}


def flavor(torch):
    if getattr(torch.version, "cuda", None):
        return "cu" + torch.version.cuda.replace(".", "")
    if getattr(torch.version, "hip", None):
        return "rocm" + torch.version.hip.split("-")[0]
    if getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_built():
        return "mps"
    return "cpu"


def engine(torch):
    return {
        "runtime": None,
        "name": "torch",
        "version": torch.__version__,
        "libtorchVersion": torch.__version__,
        "libraryPath": os.path.join(os.path.dirname(torch.__file__), "lib"),
        "flavor": flavor(torch),
        "diagnosis": None,
    }


# ---------------------------------------------------------------- devices

def device_names(torch, cuda, mps, wanted):
    """The devices this torch can address, filtered by --device (all|cpu|cuda|cuda:N|mps, a list)."""
    present = ["cpu"] + ["cuda:%d" % i for i in range(cuda["deviceCount"])]
    if mps["built"]:
        present.append("mps")
    if wanted in (None, "", "all"):
        return present
    chosen = []
    for w in wanted.split(","):
        w = w.strip()
        if w == "cuda" and cuda["deviceCount"] > 0:
            chosen += [d for d in present if d.startswith("cuda:")]
        elif w in ("cuda", "cuda:0") and cuda["deviceCount"] == 0:
            chosen.append("cuda:0")  # asked for explicitly: verify says why it does not compute
        elif w in present or w == "mps":
            chosen.append(w)
    return [d for i, d in enumerate(chosen) if d not in chosen[:i]]


def device_label(torch, name):
    if name.startswith("cuda:"):
        try:
            return torch.cuda.get_device_name(int(name.split(":")[1]))
        except Exception:
            return None
    if name == "mps":
        return "Apple GPU (MPS)"
    return cpu_name()


def cpu_name():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except (IOError, OSError):
        pass
    return platform.processor() or platform.machine()


def synchronize(torch, device):
    if device.startswith("cuda"):
        torch.cuda.synchronize(torch.device(device))
    elif device == "mps":
        mps = getattr(torch, "mps", None)
        if mps is not None and hasattr(mps, "synchronize"):
            mps.synchronize()
        else:
            torch.zeros(1, device="mps").cpu()  # torch < 2.0: a copy back waits for the queue


def has_fp32_precision(torch):
    try:  # torch 1.13's cuBLAS module answers an unknown attribute with AssertionError, not AttributeError
        torch.backends.cuda.matmul.fp32_precision
        torch.backends.cudnn.conv.fp32_precision
        return True
    except Exception:
        return False


class Tf32(object):
    """Sets TF32 for float32 matmuls and convolutions, and restores the previous setting on exit.

    Verification compares float32 with float32 (TF32, on by default for cuDNN, would not match);
    the peak test measures with and without it. torch 2.9 replaced allow_tf32 with fp32_precision
    and warns on the old flags: use the new one where it exists. A flag that cannot be set is
    logged, never fatal: the verification's error figure still tells.
    """

    def __init__(self, torch, enabled):
        self.torch, self.enabled = torch, enabled
        self.saved = None

    def __enter__(self):
        b = self.torch.backends
        try:
            if has_fp32_precision(self.torch):
                saved = ("new", b.cuda.matmul.fp32_precision, b.cudnn.conv.fp32_precision)
                mode = "tf32" if self.enabled else "ieee"
                b.cuda.matmul.fp32_precision = mode
                b.cudnn.conv.fp32_precision = mode
            else:
                saved = ("old", b.cuda.matmul.allow_tf32, b.cudnn.allow_tf32)
                b.cuda.matmul.allow_tf32 = self.enabled
                b.cudnn.allow_tf32 = self.enabled
            self.saved = saved
        except Exception as e:
            log("could not set TF32 %s: %s" % ("on" if self.enabled else "off", e))
        return self

    def __exit__(self, *exc):
        b = self.torch.backends
        try:
            if self.saved and self.saved[0] == "new":
                b.cuda.matmul.fp32_precision, b.cudnn.conv.fp32_precision = self.saved[1:]
            elif self.saved:
                b.cuda.matmul.allow_tf32, b.cudnn.allow_tf32 = self.saved[1:]
        except Exception as e:  # a result already computed must not fail on restoring a flag
            log("could not restore the TF32 setting: %s" % e)
        return False


PRECISIONS = ("fp32", "tf32", "amp")


def precision_arg(words, index, device):
    """The precision a projection point's command names at words[index] (fp32 when absent): tf32 and
    amp on CUDA only."""
    precision = words[index] if len(words) > index else "fp32"
    if precision not in PRECISIONS:
        raise Unknown("precision %s: fp32, tf32 or amp" % precision)
    if precision != "fp32" and not device.startswith("cuda"):
        raise Unknown("precision %s on %s: CUDA only (Ultralytics trains float32 on cpu and mps)" % (precision, device))
    return precision


def precision_context(torch, precision):
    """TF32 matmuls and convolutions for tf32; fp32 keeps torch's defaults, as a trainer that sets
    nothing gets; amp's autocast is the step's own (yolo_step, validate)."""
    return Tf32(torch, True) if precision == "tf32" else contextlib.nullcontext()


def verify_net(torch):
    nn = torch.nn
    return nn.Sequential(
        nn.Conv2d(3, 8, 3, stride=2, padding=1),
        nn.ReLU(),
        nn.Flatten(),
        nn.Linear(8 * 8 * 8, 10),
    )


def verify_pass(torch, device, dtype, state, x, y, a, b):
    """Forward, loss, backward and a matmul on one device: every figure the check compares."""
    net = verify_net(torch).to(dtype)
    net.load_state_dict({k: v.to(dtype) for k, v in state.items()})
    net = net.to(device)
    xs = x.to(device=device, dtype=dtype)
    logits = net(xs)
    loss = torch.nn.functional.cross_entropy(logits, y.to(device))
    loss.backward()
    product = a.to(device=device, dtype=dtype) @ b.to(device=device, dtype=dtype)
    synchronize(torch, device)
    out = [logits.detach(), loss.detach().reshape(1), product]
    out += [p.grad.detach() for p in net.parameters()]
    return [t.to("cpu", torch.float64) for t in out]


def verify_device(torch, device, plant=None):
    result = {"runtime": None, "backend": "python", "device": device, "name": device_label(torch, device),
              "verified": False, "maxAbsError": None, "tolerance": TOLERANCE, "diagnosis": None,
              "fix": None, "stderrTail": []}
    try:
        torch.manual_seed(SEED)
        state = {k: v.detach().clone() for k, v in verify_net(torch).state_dict().items()}
        x = torch.randn(4, 3, 16, 16)
        y = torch.randint(0, 10, (4,))
        a = torch.randn(128, 256)
        b = torch.randn(256, 64) / 16.0  # keeps the products near 1, so an absolute tolerance fits
        reference = verify_pass(torch, "cpu", torch.float64, state, x, y, a, b)
        with Tf32(torch, False):
            got = verify_pass(torch, device, torch.float32, state, x, y, a, b)
        worst = 0.0
        for r, g in zip(reference, got):
            if not bool(torch.isfinite(g).all()):
                result["maxAbsError"] = float("nan")
                result["diagnosis"] = "%s computed NaN or infinity in the forward/backward check" % device
                return result
            worst = max(worst, float((r - g).abs().max()))
        result["maxAbsError"] = worst
        result["verified"] = worst <= TOLERANCE
        if not result["verified"]:
            result["diagnosis"] = "%s differs from the CPU by %.3g (tolerance %g)" % (device, worst, TOLERANCE)
            return result
        with Tf32(torch, False):  # the detection loss's ops, forward and backward (envdoctor_yolo.py)
            ops = verify_detection_ops(torch, device, plant)
        bad = [(n, e) for n, e in ops if not (e <= TOLERANCE)]
        result["maxAbsError"] = max([worst] + [e for n, e in ops if e == e])
        if bad:
            result["verified"] = False
            result["diagnosis"] = "%s computes a detection loss's op wrong: %s differs from the CPU's float64 by %s " \
                "(tolerance %g), forward or backward" % (device, ", ".join(n for n, e in bad), ", ".join(
                    "NaN" if e != e else "%.3g" % e for n, e in bad), TOLERANCE)
            result["fix"] = "do not train a detector on %s: update torch (or its driver), or use the CPU" % device
    except Exception as e:
        result["diagnosis"] = "%s failed to compute: %s: %s" % (device, type(e).__name__, first_line(e))
        result["stderrTail"] = traceback.format_exc().strip().splitlines()[-6:]
    return result


def first_line(e):
    text = str(e).strip()
    return text.splitlines()[0] if text else ""


# ---------------------------------------------------------------- workloads (docs/calibration.md)

CNN_CHANNELS = [3, 16, 32, 64, 128]
MLP_WIDTHS = [784, 512, 512, 10]
CLASSES = 10


def mlp_model(torch):
    nn = torch.nn
    layers = []
    for i in range(len(MLP_WIDTHS) - 1):
        layers.append(nn.Linear(MLP_WIDTHS[i], MLP_WIDTHS[i + 1]))
        if i < len(MLP_WIDTHS) - 2:
            layers.append(nn.ReLU())
    return nn.Sequential(*layers)


def cnn_model(torch):
    nn = torch.nn
    layers = []
    for cin, cout in zip(CNN_CHANNELS, CNN_CHANNELS[1:]):
        layers += [nn.Conv2d(cin, cout, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(cout), nn.SiLU()]
    layers += [nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(CNN_CHANNELS[-1], CLASSES)]
    return nn.Sequential(*layers)


def conv_out(size):
    return (size + 2 * 1 - 3) // 2 + 1  # kernel 3, stride 2, padding 1


def mlp_flops(batch):
    """2 FLOPs per multiply-accumulate of each linear layer's forward; a training step is 3x."""
    macs = sum(a * b for a, b in zip(MLP_WIDTHS, MLP_WIDTHS[1:]))
    return 3.0 * 2.0 * macs * batch


def cnn_flops(batch, imgsz):
    macs = 0
    size = imgsz
    for cin, cout in zip(CNN_CHANNELS, CNN_CHANNELS[1:]):
        size = conv_out(size)
        macs += cout * size * size * cin * 9
    macs += CNN_CHANNELS[-1] * CLASSES
    return 3.0 * 2.0 * macs * batch


def workload(torch, name, device, batch, imgsz):
    """(model, optimizer, inputs, labels, flops per step) on the device, seeded."""
    torch.manual_seed(SEED)
    if name == "mlp":
        model, flops = mlp_model(torch), mlp_flops(batch)
        x = torch.rand(batch, MLP_WIDTHS[0]) * 2 - 1  # uniform in [-1, 1), as the spec says
    elif name == "cnn":
        model, flops = cnn_model(torch), cnn_flops(batch, imgsz)
        x = torch.rand(batch, 3, imgsz, imgsz) * 2 - 1
    else:
        raise ValueError("unknown workload " + name)
    y = torch.randint(0, CLASSES, (batch,))
    model = model.to(device).train()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    return model, optimizer, x.to(device), y.to(device), flops


def percentile(sorted_values, q):
    """Linear interpolation between closest ranks (numpy's default)."""
    if len(sorted_values) == 1:
        return sorted_values[0]
    pos = (len(sorted_values) - 1) * q
    lo = int(math.floor(pos))
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (pos - lo)


def settled(times):
    """Warm-up ends when the last three step times lie within 15% of their median (at least 2 steps)."""
    if len(times) < 3:
        return False
    last = times[-3:]
    mid = statistics.median(last)
    return mid > 0 and all(abs(t - mid) <= 0.15 * mid for t in last)


def warm_up(step, args, least):
    """Untimed steps until the last three settle: least at first, --warmup-max at most, and no more
    once --warmup-seconds have passed (2 steps at least). step() returns (ms, value)."""
    warm = []
    deadline = time.perf_counter() + args.warmup_seconds
    while len(warm) < args.warmup_max and (len(warm) < least or not settled(warm)):
        warm.append(step()[0])
        if len(warm) >= 2 and time.perf_counter() > deadline:
            break
    return warm


def timed(step, least, most, seconds):
    """([ms of each step], the last step's value): least steps at first, most at most, and no more
    once seconds have passed."""
    times, value = [], None
    deadline = time.perf_counter() + seconds
    while len(times) < most and (len(times) < least or time.perf_counter() < deadline):
        ms, value = step()
        times.append(ms)
    return times, value


def calibrate(torch, device, name, args, point=None, precision="fp32"):
    """One workload's timed steps; with point=(imgsz, batch), a projection point of a yolov8 scale, at
    precision fp32, tf32 (TF32 matmuls and convolutions) or amp (fp16 autocast and a gradient scaler,
    as Ultralytics trains on CUDA)."""
    batch = point[1] if point else args.mlp_batch if name == "mlp" else args.cnn_batch
    imgsz = point[0] if point else args.imgsz if name == "cnn" else None
    cal = {"runtime": None, "backend": "python", "device": device, "workload": name, "batch": batch,
           "imgsz": imgsz, "warmupSteps": 0, "steps": 0, "medianMs": None, "p10Ms": None, "p90Ms": None,
           "cv": None, "samplesPerSecond": None, "achievedGflops": None, "flopsPerStep": None,
           "threads": torch.get_num_threads(), "wallMs": None, "stepTimesMs": [], "diagnosis": None}
    started = time.perf_counter()
    try:
        model, optimizer, x, y, flops = (yolo_workload if point else workload)(torch, name, device, batch, imgsz or 0)
        cal["flopsPerStep"] = flops
        scaler = grad_scaler(torch) if precision == "amp" else None
        loss_fn = torch.nn.functional.cross_entropy

        def step():
            t0 = time.perf_counter()
            if point:
                loss = yolo_step(torch, model, optimizer, x, y, imgsz, scaler)
            else:
                optimizer.zero_grad()
                loss = loss_fn(model(x), y)
                loss.backward()
                optimizer.step()
            synchronize(torch, device)
            value = loss.item()  # the spec's synchronising read of the loss, as the JVM worker does
            return (time.perf_counter() - t0) * 1000.0, value

        started = time.perf_counter()  # wallMs: warm-up and timed steps, not the model's construction
        warm_min, min_steps = (YOLO_MIN_WARMUP, YOLO_MIN_STEPS) if point else (args.warmup_min, args.min_steps)
        cal["warmupSteps"] = len(warm_up(step, args, warm_min))
        times, loss = timed(step, min_steps, args.steps, args.seconds)
        if loss is not None and not math.isfinite(loss):
            cal["diagnosis"] = "the loss became NaN or infinite on %s" % device
        ordered = sorted(times)
        median = statistics.median(ordered)
        mean = statistics.mean(ordered)
        cal.update({
            "steps": len(times),
            "stepTimesMs": [round(t, 4) for t in times],
            "medianMs": median,
            "p10Ms": percentile(ordered, 0.10),
            "p90Ms": percentile(ordered, 0.90),
            "cv": (statistics.stdev(ordered) / mean) if len(ordered) > 1 and mean > 0 else 0.0,
            "samplesPerSecond": batch / (median / 1000.0),
            "achievedGflops": flops / (median / 1000.0) / 1e9,
        })
    except Exception as e:
        cal["diagnosis"] = "%s on %s failed: %s: %s" % (name, device, type(e).__name__, first_line(e))
        log(traceback.format_exc())
    cal["wallMs"] = (time.perf_counter() - started) * 1000.0
    return cal


# ---------------------------------------------------------------- interleaved bursts (docs/calibration.md)

def cgroup_throttling():
    """(nr_throttled, throttled ms) of this process's CPU cgroup so far, or (None, None); as the JVM worker reads it."""
    try:
        with open("/proc/self/cgroup") as f:
            lines = [l.strip().split(":", 2) for l in f if l.count(":") >= 2]
    except OSError:
        return None, None
    base = "/sys/fs/cgroup"
    candidates = []
    for hier, controllers, path in lines:
        if "cpu" in controllers.split(","):
            mount = base + "/cpu,cpuacct" if os.path.isdir(base + "/cpu,cpuacct") else base + "/cpu"
            candidates = [mount + path, mount]
            break
        if hier == "0" and controllers == "":
            candidates = [base + path, base]
    for d in candidates:
        try:
            with open(os.path.join(d, "cpu.stat")) as f:
                stat = dict(l.split() for l in f if len(l.split()) == 2)
        except OSError:
            continue
        if "nr_throttled" in stat:
            ms = int(stat.get("throttled_usec", 0)) / 1e3 if "throttled_usec" in stat else int(stat.get("throttled_time", 0)) / 1e6
            return int(stat["nr_throttled"]), ms
    return None, None


class BurstSession(object):
    """The verdict's workload kept ready on one device between bursts (docs/calibration.md): mlp, cnn, or for
    a job the user named its network at a point (yolov8n@64x2) in the job's precision (issue #29)."""

    def __init__(self, torch, device, name, args, precision="fp32"):
        self.torch, self.device, self.precision, self.point = torch, device, precision, None
        if "@" in name:
            self.point = yolo_points(name)[0][:3]
            model, imgsz, batch = self.point
            self.model, self.optimizer, self.x, self.y, _ = yolo_workload(torch, model, device, batch, imgsz)
            self.scaler = grad_scaler(torch) if precision == "amp" else None
        else:
            batch = args.mlp_batch if name == "mlp" else args.cnn_batch
            self.model, self.optimizer, self.x, self.y, _ = workload(torch, name, device, batch, args.imgsz if name == "cnn" else 0)
        warm = []
        with precision_context(torch, precision):
            while len(warm) < 2 or (len(warm) < 10 and not settled(warm)):
                warm.append(self.step())

    def step(self):
        t0 = time.perf_counter()
        if self.point:
            loss = yolo_step(self.torch, self.model, self.optimizer, self.x, self.y, self.point[1], self.scaler)
        else:
            self.optimizer.zero_grad()
            loss = self.torch.nn.functional.cross_entropy(self.model(self.x), self.y)
            loss.backward()
            self.optimizer.step()
        synchronize(self.torch, self.device)
        loss.item()
        return (time.perf_counter() - t0) * 1000.0

    def burst(self, seconds, most):
        """seconds of steps, 3 at least, most at most; none for 0 seconds."""
        steps, end = [], time.perf_counter() + seconds
        with precision_context(self.torch, self.precision):
            while seconds > 0 and len(steps) < max(3, most) and (len(steps) < 3 or time.perf_counter() < end):
                steps.append(round(self.step(), 4))
        return steps


# ---------------------------------------------------------------- the input pipeline (issue #29)

def jpeg_sources(size, count, seed):
    """count JPEG files' bytes at size (w, h), made in memory, quality 90: smooth colour variation with fine
    sensor-like noise and blocks of colour, so that a file is about as large as a camera frame's (about 150 KB
    at 1280 x 720; the first version, blocky noise alone, made 39 KB files that decoded faster than the
    harness's 360 KB ones). --data times the user's own files instead."""
    from PIL import Image
    import io
    import random as _random
    rnd = _random.Random(seed)
    w, h = size
    out = []
    for _ in range(count):
        base = Image.effect_noise((max(1, w // 16), max(1, h // 16)), 80).convert("RGB").resize((w, h), Image.BICUBIC)
        img = Image.blend(base, Image.effect_noise((w, h), 50).convert("RGB"), 0.05)
        for _ in range(6):
            x, y = rnd.randrange(w // 2), rnd.randrange(h // 2)
            img.paste((rnd.randrange(256), rnd.randrange(256), rnd.randrange(256)),
                      (x, y, x + rnd.randrange(16, w // 2), y + rnd.randrange(16, h // 2)))
        buf = io.BytesIO()
        img.save(buf, format="JPEG", quality=90)
        out.append(buf.getvalue())
    return out


def mosaic_pil(sources, s, rnd):
    """One training image: 4 decoded sources on a 2s canvas, a random scale and shift back to s, a flip."""
    from PIL import Image
    import io
    canvas = Image.new("RGB", (2 * s, 2 * s), (114, 114, 114))
    cx, cy = rnd.randint(s // 2, 3 * s // 2), rnd.randint(s // 2, 3 * s // 2)
    for k in range(4):
        img = Image.open(io.BytesIO(sources[rnd.randrange(len(sources))])).convert("RGB")
        r = s / float(max(img.size))
        img = img.resize((max(1, int(img.size[0] * r)), max(1, int(img.size[1] * r))), Image.BILINEAR)
        canvas.paste(img, (cx - img.size[0] if k % 2 == 0 else cx, cy - img.size[1] if k < 2 else cy))
    g = 1.0 / rnd.uniform(0.5, 1.5)
    dx, dy = rnd.uniform(-0.1, 0.1) * s, rnd.uniform(-0.1, 0.1) * s
    out = canvas.transform((s, s), Image.AFFINE, (g, 0, s - g * (s / 2 + dx), 0, g, s - g * (s / 2 + dy)),
                           resample=Image.BILINEAR, fillcolor=(114, 114, 114))
    if rnd.random() < 0.5:
        out = out.transpose(Image.FLIP_LEFT_RIGHT)
    return out.tobytes()


def mosaic_cv2(cv2, np, sources, s, rnd):
    """The same with OpenCV, as Ultralytics does it."""
    canvas = np.full((2 * s, 2 * s, 3), 114, dtype=np.uint8)
    cx, cy = rnd.randint(s // 2, 3 * s // 2), rnd.randint(s // 2, 3 * s // 2)
    for k in range(4):
        img = cv2.imdecode(np.frombuffer(sources[rnd.randrange(len(sources))], np.uint8), cv2.IMREAD_COLOR)
        r = s / float(max(img.shape[:2]))
        img = cv2.resize(img, (max(1, int(img.shape[1] * r)), max(1, int(img.shape[0] * r))), interpolation=cv2.INTER_LINEAR)
        h, w = img.shape[:2]
        x0, y0 = (cx - w if k % 2 == 0 else cx), (cy - h if k < 2 else cy)
        xa, ya = max(x0, 0), max(y0, 0)
        xb, yb = min(x0 + w, 2 * s), min(y0 + h, 2 * s)
        canvas[ya:yb, xa:xb] = img[ya - y0:yb - y0, xa - x0:xb - x0]
    g = rnd.uniform(0.5, 1.5)
    m = np.array([[g, 0, s / 2 + rnd.uniform(-0.1, 0.1) * s - g * s], [0, g, s / 2 + rnd.uniform(-0.1, 0.1) * s - g * s]])
    out = cv2.warpAffine(canvas, m, (s, s), borderValue=(114, 114, 114))
    if rnd.random() < 0.5:
        out = np.ascontiguousarray(out[:, ::-1])
    return out


IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png")
LOOP_SOURCES = 64  # the images a loop reads from a folder, at most
LOOP_MIN_STEPS = 5  # timed steps of a loop, at least (a loop's step waits on the loader: more than a step's 3)
SKIPPED_LISTED = 10  # the skipped files an answer names, at most


def mosaic_maker(imgsz):
    """(library, make(sources, rnd) -> one training image, decodes(bytes) -> None or why not): OpenCV
    where this Python has it (one thread, as Ultralytics' DataLoader workers), else PIL."""
    try:
        import cv2
        import numpy as np
        cv2.setNumThreads(0)  # one thread, as in a DataLoader worker of Ultralytics' (it sets the same)

        def decodes(data):
            try:
                ok = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR) is not None
            except Exception as e:
                return "does not decode (OpenCV: %s)" % type(e).__name__
            return None if ok else "does not decode (OpenCV)"
        return "OpenCV " + cv2.__version__, lambda src, rnd: mosaic_cv2(cv2, np, src, imgsz, rnd), decodes
    except ImportError:
        pass
    try:
        import PIL
        from PIL import Image
        import io
    except ImportError:
        raise Unknown("no OpenCV and no PIL in this Python: the input pipeline is not measured here")

    def decodes(data):
        try:
            Image.open(io.BytesIO(data)).load()
        except Exception as e:  # UnidentifiedImageError, a truncated file's OSError, ...
            return "does not decode (PIL: %s)" % type(e).__name__
        return None
    return "PIL " + PIL.__version__, lambda src, rnd: mosaic_pil(src, imgsz, rnd), decodes


def folder_images(folder, limit, decodes):
    """(the bytes of each image that decodes, ["name: why" for each skipped]) of the first limit names
    ending .jpg, .jpeg or .png in folder, sorted; read only. Unknown (an error answer naming the
    folder) where none is there or none decodes."""
    try:
        names = sorted(os.listdir(folder))
    except OSError as e:
        raise Unknown("the folder %s cannot be listed: %s" % (folder, e.strerror or type(e).__name__))
    names = [n for n in names if n.lower().endswith(IMAGE_SUFFIXES)][:limit]
    if not names:
        raise Unknown("no .jpg, .jpeg or .png file in the folder %s" % folder)
    images, skipped = [], []
    for name in names:
        why, data = None, None
        try:  # non-blocking: a FIFO named x.jpg must not hang the side
            fd = os.open(os.path.join(folder, name), os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
            try:
                mode = os.fstat(fd).st_mode
                if stat.S_ISDIR(mode):
                    why = "a folder, not a file"
                elif not stat.S_ISREG(mode):
                    why = "not a regular file"
                else:
                    with os.fdopen(os.dup(fd), "rb") as f:
                        data = f.read()
            finally:
                os.close(fd)
        except OSError as e:
            why = "not readable (%s)" % (e.strerror or type(e).__name__)
        why = why or decodes(data)
        if why:
            skipped.append("%s: %s" % (name, why))
            log("%s skipped: %s" % (os.path.join(folder, name), why))
        else:
            images.append(data)
    if not images:
        raise Unknown("none of the %d images in the folder %s decodes (%s)" % (len(names), folder, skipped[0]))
    return images, skipped


def image_sources(source, limit, decodes):
    """(images' bytes, the source as an answer names it, skipped): SOURCE is WIDTHxHEIGHT (8 JPEGs
    of that size made in memory) or dir:FOLDER, the folder's path percent-encoded (urllib's quote)."""
    if source.startswith("dir:"):
        folder = unquote(source[len("dir:"):])
        images, skipped = folder_images(folder, limit, decodes)
        return images, "dir:" + folder, skipped
    try:
        w, h = (int(v) for v in source.lower().split("x"))
    except ValueError:
        raise Unknown("source %s: WIDTHxHEIGHT or dir:FOLDER" % source)
    return jpeg_sources((w, h), 4, SEED), "%dx%d" % (w, h), []  # 4 files: a mosaic draws 4 at random, each decoded


def input_pipeline(source, imgsz, count):
    """Seconds per training image of decode + resize + mosaic of 4 + random affine + flip, in this
    process (one DataLoader worker, or the trainer's own process with workers 0), and the library."""
    import random as _random
    library, make, decodes = mosaic_maker(imgsz)
    sources, size, skipped = image_sources(source, count, decodes)
    rnd = _random.Random(SEED)
    make(sources, rnd)  # warm-up: the first decode loads the codec
    times = []
    for _ in range(count):
        t0 = time.perf_counter()
        make(sources, rnd)
        times.append(time.perf_counter() - t0)
    return {"secondsPerImage": statistics.median(times), "images": count, "library": library,
            "sourceSize": size, "imgsz": imgsz, "skipped": skipped[:SKIPPED_LISTED]}


# ---------------------------------------------------------------- validation and the training loop

def validate(torch, device, point, args, precision):
    """The validation forward of a projection point's network: eval mode, no gradients, fp16 autocast
    for amp; median ms per batch of at least YOLO_MIN_STEPS forwards after YOLO_MIN_WARMUP."""
    name, imgsz, batch = point[:3]
    model, _, x, _, _ = yolo_workload(torch, name, device, batch, imgsz)
    model.eval()

    def forward():
        t0 = time.perf_counter()
        with torch.no_grad(), torch.autocast("cuda", dtype=torch.float16) if precision == "amp" else contextlib.nullcontext():
            model(x)
        synchronize(torch, device)
        return (time.perf_counter() - t0) * 1000.0, None

    try:
        with precision_context(torch, precision):
            for _ in range(YOLO_MIN_WARMUP):  # a forward has no optimizer state to settle: two untimed are enough
                forward()
            times, _ = timed(forward, YOLO_MIN_STEPS, max(args.steps, YOLO_MIN_STEPS), args.seconds)
    finally:
        del model, x
        empty_cache(torch, device)
    return {"device": device, "model": name, "imgsz": imgsz, "batch": batch, "precision": precision,
            "medianMs": statistics.median(times), "steps": len(times)}


def mosaic_dataset(torch, make, sources, imgsz, length):
    """A Dataset of length training images, each made from sources by make (a mosaic) and returned as
    a uint8 CHW tensor in RGB, as a detection trainer's dataset returns its image."""

    import random as _random

    class Mosaics(torch.utils.data.Dataset):
        def __len__(self):
            return length

        def __getitem__(self, i):
            image = make(sources, _random.Random(SEED + i))
            if isinstance(image, bytes):  # PIL: RGB bytes, row by row
                hwc = torch.frombuffer(bytearray(image), dtype=torch.uint8).view(imgsz, imgsz, 3)
            else:  # OpenCV: a BGR array
                hwc = torch.from_numpy(image[:, :, ::-1].copy())
            return hwc.permute(2, 0, 1).contiguous()

    return Mosaics()


def close_loader(loader, it):
    """Joins a DataLoader's workers now (persistent ones included), not whenever it is collected."""
    shutdown = getattr(it, "_shutdown_workers", None)
    if shutdown is not None:
        shutdown()
    if getattr(loader, "_iterator", None) is not None:
        loader._iterator = None


def train_loop(torch, device, point, workers, source, args, precision):
    """A short training loop as a trainer runs it: a DataLoader of WORKERS processes (0: in this one)
    making mosaics from SOURCE, each batch to the device as float / 255 and a training step on it.
    Each timed step runs from the previous one's end, the wait for its batch included; then, with the
    workers gone, the step alone on one resident batch: the two give the co-run factor."""
    import multiprocessing
    name, imgsz, batch = point[:3]
    library, make, decodes = mosaic_maker(imgsz)
    sources, _, _ = image_sources(source, LOOP_SOURCES, decodes)
    warm_steps = max(2, 2 * workers)
    most = max(args.steps, LOOP_MIN_STEPS)
    model, optimizer, _, target, _ = yolo_workload(torch, name, device, batch, imgsz)
    scaler = grad_scaler(torch) if precision == "amp" else None
    options = {}
    if workers > 0:
        options["persistent_workers"] = True
        if "fork" in multiprocessing.get_all_start_methods():  # the script has no file a spawned worker could import
            options["multiprocessing_context"] = "fork"
    loader = torch.utils.data.DataLoader(mosaic_dataset(torch, make, sources, imgsz, (warm_steps + most) * batch),
                                         batch_size=batch, num_workers=workers, shuffle=False,
                                         pin_memory=device.startswith("cuda"), **options)
    it = iter(loader)
    state = {"end": None, "x": None}
    waits = []

    def train(x):
        loss = yolo_step(torch, model, optimizer, x, target, imgsz, scaler)
        synchronize(torch, device)
        return loss.item()

    def loop_step():
        images = next(it)
        waits.append((time.perf_counter() - state["end"]) * 1000.0)
        state["x"] = images.to(device, non_blocking=True).float() / 255.0
        value = train(state["x"])
        now = time.perf_counter()
        ms, state["end"] = (now - state["end"]) * 1000.0, now
        return ms, value

    def step_alone():
        t0 = time.perf_counter()
        value = train(state["x"])
        return (time.perf_counter() - t0) * 1000.0, value

    try:
        with precision_context(torch, precision):
            state["end"] = time.perf_counter()
            for _ in range(warm_steps):
                loop_step()
            del waits[:]
            times, _ = timed(loop_step, LOOP_MIN_STEPS, most, args.seconds)
            close_loader(loader, it)  # the step alone runs without workers beside it
            step_alone()
            alone, _ = timed(step_alone, YOLO_MIN_STEPS, max(args.steps, YOLO_MIN_STEPS), args.seconds)
    finally:
        close_loader(loader, it)
        del it, loader, model, optimizer, state["x"]
        empty_cache(torch, device)
    return {"device": device, "model": name, "imgsz": imgsz, "batch": batch, "workers": workers,
            "precision": precision, "medianMs": statistics.median(times), "stepMs": statistics.median(alone),
            "dataWaitMs": statistics.median(waits), "steps": len(times), "library": library}


# ---------------------------------------------------------------- peaks

class Timer(object):
    """CUDA events on CUDA (no host round trip in the measurement); synchronize + clock elsewhere."""

    def __init__(self, torch, device):
        self.torch, self.device = torch, device

    def measure(self, fn, iterations):
        torch = self.torch
        if self.device.startswith("cuda"):
            start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
            start.record()
            for _ in range(iterations):
                fn()
            end.record()
            end.synchronize()
            return start.elapsed_time(end) / 1000.0
        synchronize(torch, self.device)
        t0 = time.perf_counter()
        for _ in range(iterations):
            fn()
        synchronize(torch, self.device)
        return time.perf_counter() - t0


def run_peak(torch, device, fn, work, seconds, blocks=5):
    """Achieved work/second: warm up, size a block to seconds/blocks, median over the blocks."""
    timer = Timer(torch, device)
    timer.measure(fn, 2)
    once = max(timer.measure(fn, 3) / 3.0, 1e-6)
    iterations = int(max(1, min(10000, (seconds / blocks) / once)))
    rates = [work * iterations / timer.measure(fn, iterations) for _ in range(blocks)]
    return statistics.median(rates)


def free_bytes(torch, device):
    if device == "cpu":
        return 4 << 30
    if device.startswith("cuda"):
        try:
            return torch.cuda.mem_get_info(torch.device(device))[0]
        except Exception:
            return torch.cuda.get_device_properties(torch.device(device)).total_memory // 2
    return 8 << 30  # MPS shares system memory: stay modest


def matmul_size(free, element_bytes, largest):
    """The largest power-of-two n <= largest whose three n x n operands fit in a quarter of free memory."""
    n = largest
    while n > 1024 and 3 * n * n * element_bytes > free // 4:
        n //= 2
    return n


def peaks(torch, device, seconds, largest):
    results = []
    # each test's wall-clock window (epoch ms): envdoctor puts the board's clock and power samples
    # of that time beside the result
    began = [0]

    def peak(test, dtype, achieved, unit, diagnosis=None):
        results.append({"runtime": None, "backend": "python", "device": device, "test": test, "dtype": dtype,
                        "achieved": achieved, "unit": unit, "datasheetPeak": None, "fractionOfPeak": None,
                        "diagnosis": diagnosis, "startMs": began[0], "endMs": int(time.time() * 1000)})

    free = free_bytes(torch, device)
    # float32 without TF32 runs an order of magnitude slower: half the size keeps its time alike
    cases = [("matmul", "bf16", torch.bfloat16, True, largest),
             ("matmul", "tf32", torch.float32, True, largest),
             ("matmul", "fp32", torch.float32, False, max(256, largest // 2))]
    for test, label, dtype, tf32, biggest in cases:
        began[0] = int(time.time() * 1000)
        try:
            # The card's peak is the best of two sizes: the largest that fits can run hot enough to
            # drop its clocks under the power limit (an H200 gave 69% of datasheet at n=16384), while
            # half of it still fills every SM.
            rate, finite = 0.0, True
            with Tf32(torch, tf32):
                fit = matmul_size(free, torch.tensor([], dtype=dtype).element_size(), biggest)
                for n in sorted({max(256, fit // 2), fit}):
                    torch.manual_seed(SEED)
                    a = torch.randn(n, n, device=device, dtype=dtype)
                    b = torch.randn(n, n, device=device, dtype=dtype)
                    c = torch.empty(n, n, device=device, dtype=dtype)
                    r = run_peak(torch, device, lambda: torch.matmul(a, b, out=c), 2.0 * n ** 3, seconds / 2)
                    finite = finite and bool(torch.isfinite(c.float().sum()))
                    del a, b, c
                    log("%s %s matmul n=%d: %.2f TFLOP/s" % (device, label, n, r / 1e12))
                    rate = max(rate, r)
            peak(test, label, rate / 1e12, "TFLOP/s", None if finite else "the product holds NaN or infinity")
        except Exception as e:
            peak(test, label, None, "TFLOP/s", "%s: %s" % (type(e).__name__, first_line(e)))
        empty_cache(torch, device)
    began[0] = int(time.time() * 1000)
    try:
        size = min(1 << 30, free // 8, largest * largest * 4)  # two buffers of up to 1 GiB each
        src = torch.empty(size // 4, device=device, dtype=torch.float32).fill_(1.0)
        dst = torch.empty_like(src)
        rate = run_peak(torch, device, lambda: dst.copy_(src), 2.0 * src.numel() * 4, seconds)  # read + write
        del src, dst
        peak("copy", "fp32", rate / 1e9, "GB/s", None)
        log("%s copy %d MiB: %.1f GB/s" % (device, size >> 20, rate / 1e9))
    except Exception as e:
        peak("copy", "fp32", None, "GB/s", "%s: %s" % (type(e).__name__, first_line(e)))
    empty_cache(torch, device)
    return results


def device_peaks(torch, device, seconds, largest):
    """CUDA events record on the current device's stream: make the measured device current."""
    if device.startswith("cuda"):
        with torch.cuda.device(torch.device(device)):
            return peaks(torch, device, seconds, largest)
    return peaks(torch, device, seconds, largest)


def empty_cache(torch, device):
    if device.startswith("cuda"):
        torch.cuda.empty_cache()
    elif device == "mps" and hasattr(getattr(torch, "mps", None), "empty_cache"):
        torch.mps.empty_cache()


# ---------------------------------------------------------------- main

def parse_args(argv):
    p = argparse.ArgumentParser(prog="envdoctor_torch")
    p.add_argument("--device", default="all", help="the devices to offer")
    p.add_argument("--steps", type=int, default=30)
    p.add_argument("--min-steps", type=int, default=5)
    p.add_argument("--seconds", type=float, default=2.0, help="measurement budget per calibration")
    p.add_argument("--warmup-max", type=int, default=20)
    p.add_argument("--warmup-min", type=int, default=2)
    p.add_argument("--warmup-seconds", type=float, default=2.0)
    p.add_argument("--threads", type=int, default=0, help="torch.set_num_threads; 0: the CPUs this process may use")
    p.add_argument("--mlp-batch", type=int, default=64)
    p.add_argument("--cnn-batch", type=int, default=16)
    p.add_argument("--imgsz", type=int, default=64)
    p.add_argument("--peak-seconds", type=float, default=1.5, help="measurement budget per peak test")
    p.add_argument("--peak-size", type=int, default=0, help="largest matmul n (default 16384 on CUDA, 4096 else)")
    p.add_argument("--plant-wrong-op", default=None, help=argparse.SUPPRESS)  # tests: that op's device run is wrong
    return p.parse_args(argv)


def usable_cpus():
    try:
        return len(os.sched_getaffinity(0))  # honours taskset and container cpusets
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def set_threads(torch, threads):
    """Threads set explicitly before the first op (docs/calibration.md), interop threads 1."""
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass  # already set by whoever imported torch first; the intra-op count is what matters
    torch.set_num_threads(threads if threads > 0 else usable_cpus())


def answer(verb, **fields):
    doc = {"protocol": PROTOCOL, "answer": verb}
    doc.update(fields)
    _real_stdout.write(json.dumps(clean(doc), separators=(",", ":"), allow_nan=False) + "\n")
    _real_stdout.flush()


def hello(args):
    """Imports torch and greets: the engine, the devices on offer, this Python's facts. None: no torch."""
    facts = python_facts()
    torch, error = import_torch()
    if torch is None:
        answer("hello", engine=None, devices=[], python=facts, diagnosis=error)
        return None
    args.default_threads = torch.get_num_threads()  # torch's own count, before envdoctor sets one
    set_threads(torch, args.threads)
    mps, cuda = mps_facts(torch), cuda_facts(torch)
    facts["torch"] = {"version": torch.__version__, "cuda": getattr(torch.version, "cuda", None),
                      "mps": mps, "cudaAvailable": cuda["available"], "cudaDeviceCount": cuda["deviceCount"],
                      "cudaWarning": cuda["warning"], "threads": torch.get_num_threads(), "blas": blas_facts(torch)}
    answer("hello", engine=engine(torch), devices=device_names(torch, cuda, mps, args.device), python=facts)
    return torch


class Unknown(ValueError):
    """A command or argument this side does not know: an error answer, no traceback."""


class Executor(object):
    """One command at a time, one answer each (docs/side-protocol.md)."""

    def __init__(self, torch, args):
        self.torch, self.args, self.sessions, self.first_burst = torch, args, {}, True

    def execute(self, verb, words):
        torch, args = self.torch, self.args
        if verb == "ping":
            return {}
        if verb == "verify":
            return {"device": verify_device(torch, words[0], args.plant_wrong_op)}
        if verb == "calibrate":
            if words[1] not in ("mlp", "cnn"):
                raise Unknown("unknown workload '%s': use mlp, cnn" % words[1])
            return {"calibration": calibrate(torch, words[0], words[1], args)}
        if verb == "project":
            point = yolo_points(words[1])[0]
            precision = precision_arg(words, 2, words[0])
            with precision_context(torch, precision):
                cal = calibrate(torch, words[0], point[0], args, point[1:3], precision)
            cal["precision"] = precision
            return {"calibration": cal}
        if verb == "validate":
            point = yolo_points(words[1])[0]
            return {"validation": validate(torch, words[0], point, args, precision_arg(words, 2, words[0]))}
        if verb == "loop":
            point, workers = yolo_points(words[1])[0], int(words[2])
            if workers < 0:
                raise Unknown("loop with %d workers: 0 (loading in the trainer's process) or more" % workers)
            return {"loop": train_loop(torch, words[0], point, workers, words[3], args, precision_arg(words, 4, words[0]))}
        if verb == "burst":
            if "@" not in words[1] and words[1] not in ("mlp", "cnn"):
                raise Unknown("unknown workload '%s': use mlp, cnn or a point such as yolov8n@64x2" % words[1])
            return {"burst": self.burst(words[0], words[1], float(words[2]), precision_arg(words, 3, words[0]))}
        if verb == "threads":
            n = int(words[0])
            if n < 0:
                raise Unknown("threads %d: a count of 1 or more, or 0 to change nothing" % n)
            if n > 0:
                torch.set_num_threads(n)
            return {"threads": {"threads": torch.get_num_threads(), "cpus": usable_cpus(),
                                "defaultThreads": args.default_threads, "ompNumThreads": os.environ.get("OMP_NUM_THREADS"),
                                "mklNumThreads": os.environ.get("MKL_NUM_THREADS")}}
        if verb == "pipeline":
            return {"pipeline": input_pipeline(words[0], int(words[1]), int(words[2]) if len(words) > 2 else 8)}
        if verb == "peak":
            largest = args.peak_size or (16384 if words[0].startswith("cuda") else 4096)
            return {"peaks": device_peaks(torch, words[0], args.peak_seconds, largest)}
        raise Unknown("the Python side does not " + verb)

    def burst(self, device, name, seconds, precision):
        key = " ".join((device, name, precision))
        if key not in self.sessions:
            self.sessions[key] = BurstSession(self.torch, device, name, self.args, precision)
        steps = self.sessions[key].burst(seconds, self.args.steps)
        n, ms = cgroup_throttling()
        line = {"device": device, "workload": name, "stepTimesMs": steps, "cpuMs": time.process_time() * 1000.0,
                "nrThrottled": n, "throttledMs": ms}
        if self.first_burst:
            line["allowance"] = {"onlineCpus": os.cpu_count(), "affinityCpus": usable_cpus()}
            line["host"] = platform.node()
            self.first_burst = False
        return line


def serve(argv):
    args = parse_args(argv)
    torch = hello(args)
    executor = Executor(torch, args) if torch is not None else None
    for line in iter(sys.stdin.readline, ""):
        words = line.split()
        if not words:
            continue
        verb = words[0]
        if verb == "end":
            break
        if executor is None:
            answer("error", command=line.strip(), diagnosis="no torch: it did not import")
            continue
        try:
            answer(verb, **executor.execute(verb, words[1:]))
        except Unknown as e:
            answer("error", command=line.strip(), diagnosis=str(e))
        except Exception as e:  # a command it cannot carry out: say so and go on
            log(traceback.format_exc())
            answer("error", command=line.strip(), diagnosis="%s: %s" % (type(e).__name__, first_line(e)))
    answer("end")


if __name__ == "__main__":
    try:
        serve(sys.argv[1:])
    except SystemExit:
        raise
    except BaseException as e:  # a bug of ours: said on stderr, and the parent sees the side end unanswered
        traceback.print_exc()
        sys.exit(1)
