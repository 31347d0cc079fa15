#!/usr/bin/env python3
"""Builds the CONSTRUCTED report fixtures in this folder (see SOURCES.md): full report model v1
documents whose figures are set from public measurements, not recorded on the machines they
describe. Step times are drawn from a seeded log-normal around the stated median, so rerunning
this script gives the same files. Usage: python3 construct.py (writes next to itself)."""
import json, math, os, random

HERE = os.path.dirname(os.path.abspath(__file__))
GIB = 1024 ** 3

# The calibration workloads of the worker's spec (docs/calibration.md): flopsPerStep = 6 x batch x
# the multiply-accumulates per sample of the conv and linear layers. cnn run as
# `calibrate --imgsz 128 --batch 32`, mlp at its default batch 64.


def cnn_macs(imgsz):
    macs, size, cin = 0, imgsz, 3
    for cout in (16, 32, 64, 128):
        size = (size + 2 - 3) // 2 + 1
        macs += size * size * cout * cin * 9
        cin = cout
    return macs + 128 * 10


CNN = dict(workload="cnn", batch=32, imgsz=128, flops=6 * 32 * cnn_macs(128))
MLP = dict(workload="mlp", batch=64, imgsz=None, flops=6 * 64 * (784 * 512 + 512 * 512 + 512 * 10))
assert 6 * 16 * cnn_macs(64) == 382328832 and MLP["flops"] == 256770048  # the spec's table


def steps(seed, median, cv, n):
    rnd = random.Random(seed)
    sigma = math.sqrt(math.log(1 + cv * cv))
    return [round(median * math.exp(rnd.gauss(0, sigma)), 3) for _ in range(n)]


def pct(xs, q):
    s = sorted(xs)
    pos = (len(s) - 1) * q
    lo, hi = math.floor(pos), math.ceil(pos)
    return s[lo] + (s[hi] - s[lo]) * (pos - lo)


def cal(runtime, backend, device, w, median, cv, n, threads, seed):
    xs = steps(seed, median, cv, n)
    med = round(pct(xs, 0.5), 3)
    mean = sum(xs) / len(xs)
    sd = math.sqrt(sum((x - mean) ** 2 for x in xs) / (len(xs) - 1))
    return {
        "runtime": runtime, "backend": backend, "device": device, "workload": w["workload"],
        "batch": w["batch"], "imgsz": w["imgsz"], "warmupSteps": 5, "steps": n,
        "medianMs": med, "p10Ms": round(pct(xs, 0.1), 3), "p90Ms": round(pct(xs, 0.9), 3),
        "cv": round(sd / mean, 4), "samplesPerSecond": round(w["batch"] * 1000 / med, 2),
        "achievedGflops": round(w["flops"] / med / 1e6, 1), "flopsPerStep": float(w["flops"]),
        "threads": threads, "wallMs": round(sum(xs) + 5 * med * 1.4, 1), "stepTimesMs": xs,
        "diagnosis": None}


def dev(runtime, backend, device, name, verified=True, err=2.4e-6, diagnosis=None, fix=None, tail=None):
    return {"runtime": runtime, "backend": backend, "device": device, "name": name,
            "verified": verified, "maxAbsError": err if verified else None, "tolerance": 1e-4,
            "diagnosis": diagnosis, "fix": fix, "stderrTail": tail or []}


def rt(name, kind, status, product=None, version=None, os_=None, arch=None, cpus=None, mem=None,
       gpu=None, context=None, diagnosis=None, fix=None, notes=None):
    return {"name": name, "kind": kind, "status": status, "context": context, "product": product,
            "serverVersion": version, "os": os_, "arch": arch, "cpus": cpus, "memoryBytes": mem,
            "gpuAccess": gpu, "diagnosis": diagnosis, "fix": fix, "notes": notes or []}


def gpu(name, vendor, mem, driver=None, cc=None, cores=None, **nv):
    g = {"name": name, "vendor": vendor, "memoryBytes": mem, "driverVersion": driver,
         "computeCapability": cc, "cores": cores, "cudaVersion": None, "smClockMaxMhz": None,
         "memClockMaxMhz": None, "powerLimitW": None, "temperatureC": None, "eccEnabled": None,
         "persistenceMode": None, "pcieLink": None, "health": None}
    g.update(nv)
    return g


def check(id_, title, severity, status, message, fix=None, expected=None, actual=None):
    return {"id": id_, "title": title, "severity": severity, "status": status, "message": message,
            "fix": fix, "expected": expected, "actual": actual}


def summary(checks):
    c = lambda s: sum(1 for k in checks if k["status"] == s)
    return {"passed": c("pass"), "warned": c("warn"), "failed": c("fail"), "skipped": c("skip"),
            "errors": c("error")}


def report(created, host, jvm, python, engines, runtimes, devices, calibrations, stages,
           checks=(), peaks=()):
    checks = list(checks)
    return {"schema": "envdoctor/report/v1", "tool": {"name": "envdoctor", "version": "0.1.0"},
            "createdAt": created, "host": host, "jvm": jvm, "python": python, "engines": engines,
            "runtimes": runtimes, "devices": devices, "calibrations": calibrations,
            "peaks": list(peaks), "recommendation": None, "checks": checks,
            "summary": summary(checks) if checks else None,
            "stages": [{"name": n, "status": s, "millis": ms, "error": None} for n, s, ms in stages],
            "redaction": {"applied": True, "kinds": ["user", "hostname"]},
            "race": None, "interconnect": [], "topology": None}


def host(family, name, version, kernel, arch, cpu, mem, disk, gpus, power, virt):
    return {"os": {"family": family, "name": name, "version": version, "kernel": kernel, "arch": arch},
            "cpu": cpu, "memory": {"totalBytes": mem, "availableBytes": int(mem * 0.55)},
            "disks": [disk], "gpus": gpus, "power": power,
            "virtualization": {**virt, "product": virt.get("product")}}  # product: unknown unless given


def cpu(model, vendor, phys, logical, p, e, hz, features):
    return {"model": model, "vendor": vendor, "physicalCores": phys, "logicalCores": logical,
            "performanceCores": p, "efficiencyCores": e, "maxFrequencyHz": hz, "features": features}


def torch(version, cuda=None, built=False, available=False):
    # the BLAS of the PyPI wheels: Accelerate on macOS arm64, MKL linked in on Linux x86-64
    blas = {"info": "accelerate" if built else "mkl", "library": None, "reference": False}
    return {"version": version, "cuda": cuda, "mps": {"built": built, "available": available}, "blas": blas}


def py(exe, version, arch, venv, found, t, diagnosis=None, fix=None):
    return {"executable": exe, "version": version, "arch": arch, "venv": venv, "found": found,
            "torch": t, "diagnosis": diagnosis, "fix": fix}


def engine(runtime, version, libtorch, path, flavor):
    return {"runtime": runtime, "name": "PyTorch", "version": version, "libtorchVersion": libtorch,
            "libraryPath": path, "flavor": flavor, "diagnosis": None}


VM_NOTE = ("Docker Desktop runs Linux in a VM on macOS: containers have no Metal, so PyTorch in the container"
           " trains on CPU only (train natively with MPS to use the GPU)")


def mac_m4_docker_desktop():
    docker = rt("docker", "container", "ok", "Docker Desktop", "28.5.1", "linux", "aarch64", 8,
                8217473024, "none", context="desktop-linux",
                diagnosis="docker 28.5.1 in Docker Desktop: linux/aarch64, 8 CPUs, 7.7 GiB, no GPU access",
                notes=[VM_NOTE])
    cals = [
        cal("native", "python", "mps", CNN, 2.05, 0.03, 40, 14, 11),
        cal("native", "python", "cpu", CNN, 15.1, 0.05, 30, 14, 12),
        cal("native", "djl", "mps", CNN, 2.32, 0.035, 40, 14, 13),
        cal("native", "djl", "cpu", CNN, 16.0, 0.05, 30, 14, 14),
        cal("docker", "djl", "cpu", CNN, 25.2, 0.06, 24, 8, 15),
        cal("docker", "python", "cpu", CNN, 24.0, 0.06, 24, 8, 16),
    ]
    devices = [
        dev("native", "djl", "cpu", "cpu", err=0.0),
        dev("native", "djl", "mps", "Apple M4 Pro", err=3.1e-6),
        dev("native", "python", "cpu", "cpu", err=0.0),
        dev("native", "python", "mps", "Apple M4 Pro", err=2.9e-6),
        dev("docker", "djl", "cpu", "cpu", err=0.0),
        dev("docker", "python", "cpu", "cpu", err=0.0),
        dev("docker", "python", "mps", None, verified=False,
            diagnosis="torch in the container has no MPS backend (Linux build): torch.backends.mps.is_built() is False",
            fix="train natively on this Mac to use the GPU (Metal is not available inside Docker's Linux VM)"),
    ]
    checks = [
        check("apple-gpu-computes", "The Apple GPU computes correctly", "fail", "pass", "native mps verified", None, ">= 1", "2"),
        check("disk-free", "Free disk for a dataset and checkpoints", "warn", "warn",
              "71 GiB free on /, less than 100 GiB", "free space or train from an external disk", ">= 100GiB", "71 GiB"),
        check("memory-total", "Memory", "fail", "pass", "48 GiB", None, ">= 16GiB", "48 GiB"),
    ]
    return report(
        "2026-11-24T16:05:12Z",
        host("macos", "macOS", "15.6.1", "Darwin 24.6.0", "arm64",
             cpu("Apple M4 Pro", "Apple", 14, 14, 10, 4, 4512000000, ["neon", "fp16", "bf16", "i8mm"]),
             48 * GIB, {"mount": "/", "totalBytes": 994662584320, "freeBytes": 76235669504},
             [gpu("Apple M4 Pro", "Apple", None, None, None, 20)],
             {"onBattery": False, "lowPowerMode": False}, {"vm": None, "container": None}),
        {"version": "21.0.9", "vendor": "Eclipse Adoptium", "arch": "aarch64", "translated": False,
         "home": "/Library/Java/JavaVirtualMachines/temurin-21.jdk/Contents/Home"},
        py("/Users/<user>/yolo/.venv/bin/python", "3.12.11", "arm64", True, "VIRTUAL_ENV",
           torch("2.9.1", None, True, True)),
        [engine("native", "0.36.0", "2.7.1", "~/.djl.ai/pytorch/2.7.1-cpu-osx-aarch64", "cpu"),
         engine("docker", "0.36.0", "2.7.1", "/root/.djl.ai/pytorch/2.7.1-cpu-linux-aarch64", "cpu")],
        [docker, rt("podman", "container", "not-installed", diagnosis="podman: command not found",
                    fix="brew install podman (optional)")],
        devices, cals,
        [("probe", "ok", 1840), ("runtimes", "ok", 930), ("native-djl", "ok", 7310), ("containers", "ok", 11870),
         ("python", "ok", 6120), ("recommend", "ok", 41), ("check", "ok", 22), ("report-files", "ok", 310)],
        checks)


def linux_nvidia_toolkit():
    docker = rt("docker", "container", "ok", "Docker Engine", "28.5.1", "linux", "x86_64", 16,
                128 * GIB, "nvidia-runtime",
                diagnosis="docker 28.5.1 in Docker Engine: linux/x86_64, 16 CPUs, 128 GiB, GPU access through nvidia-runtime")
    tail = ["java: symbol lookup error: /root/.djl.ai/pytorch/2.7.1-cu128-linux-x86_64/0.36.0-libdjl_torch.so: undefined symbol: _ZNK3c106SymInt6sym_neERKS0_"]
    devices = [
        dev("native", "djl", "cpu", "cpu", err=0.0),
        dev("native", "djl", "cuda:0", "NVIDIA H100 80GB HBM3", verified=False,
            diagnosis="the JVM worker died on the first training op: symbol lookup error (DJL's libtorch 2.7.1 JNI against the host's libtorch 2.11)",
            fix="use the python backend for CUDA here, or point PYTORCH_LIBRARY_PATH at a libtorch 2.7.1 cu128",
            tail=tail),
        dev("native", "python", "cpu", "cpu", err=0.0),
        dev("native", "python", "cuda:0", "NVIDIA H100 80GB HBM3", err=4.8e-6),
        dev("docker", "djl", "cpu", "cpu", err=0.0),
        dev("docker", "python", "cpu", "cpu", err=0.0),
        dev("docker", "python", "cuda:0", "NVIDIA H100 80GB HBM3", err=4.8e-6),
    ]
    cals = [
        cal("native", "python", "cuda:0", CNN, 0.90, 0.02, 40, 16, 21),
        cal("native", "python", "cpu", CNN, 20.5, 0.04, 30, 16, 22),
        cal("native", "djl", "cpu", CNN, 22.0, 0.04, 30, 16, 23),
        cal("docker", "python", "cuda:0", CNN, 0.92, 0.02, 40, 16, 24),
        cal("docker", "python", "cpu", CNN, 20.8, 0.04, 30, 16, 25),
        cal("docker", "djl", "cpu", CNN, 22.2, 0.04, 30, 16, 26),
    ]
    peaks = [{"runtime": "native", "backend": "python", "device": "cuda:0", "test": "matmul 8192",
              "dtype": "float32", "achieved": 51.2, "unit": "TFLOP/s", "datasheetPeak": 66.9,
              "fractionOfPeak": 0.765, "diagnosis": None,
              # no time window, board conditions or range verdict: fields the peak stage added later
              "startMs": None, "endMs": None, "conditions": None, "normal": None}]
    return report(
        "2026-11-25T09:31:47Z",
        host("linux", "Ubuntu", "24.04.3 LTS", "6.8.0-87-generic", "x86_64",
             cpu("Intel(R) Xeon(R) Platinum 8480+", "GenuineIntel", 16, 16, None, None, 3800000000,
                 ["avx2", "avx512f", "avx512_bf16", "amx_tile"]),
             128 * GIB, {"mount": "/", "totalBytes": 68719476736, "freeBytes": 41231686042},
             [gpu("NVIDIA H100 80GB HBM3", "NVIDIA", 85520809984, "580.95.05", "9.0", 16896,
                  cudaVersion="13.0", smClockMaxMhz=1980, memClockMaxMhz=2619, powerLimitW=700.0,
                  temperatureC=31.0, eccEnabled=True, persistenceMode=True, pcieLink="Gen5 x16")],
             None, {"vm": "kvm", "container": None}),
        {"version": "17.0.17", "vendor": "Eclipse Adoptium", "arch": "amd64", "translated": False,
         "home": "/opt/envdoctor/runtime"},
        py("/home/<user>/venv/bin/python3", "3.12.3", "x86_64", True, "VIRTUAL_ENV",
           torch("2.11.0+cu130", "13.0")),
        [engine("native", "0.36.0", "2.7.1", "/home/<user>/venv/lib/python3.12/site-packages/torch/lib", "cu128"),
         engine("docker", "0.36.0", "2.7.1", "/root/.djl.ai/pytorch/2.7.1-cpu-linux-x86_64", "cpu")],
        [docker, rt("podman", "container", "not-installed", diagnosis="podman: command not found",
                    fix="sudo apt-get install podman (optional)")],
        devices, cals,
        [("probe", "ok", 2210), ("runtimes", "ok", 640), ("native-djl", "ok", 5630), ("containers", "ok", 14420),
         ("python", "ok", 9840), ("recommend", "ok", 38), ("check", "ok", 18), ("report-files", "ok", 260)],
        [check("nvidia-gpu-computes", "The NVIDIA GPU computes correctly", "fail", "pass", "native cuda:0 verified", None, ">= 1", "2"),
         check("container-engine-reachable", "A container engine answers", "warn", "pass", "docker ok", None, ">= 1", "1")],
        peaks)


def linux_cpu_only():
    devices = [dev(r, b, "cpu", "cpu", err=0.0) for r, b in
               [("native", "djl"), ("native", "python"), ("docker", "djl"), ("docker", "python"), ("podman", "djl")]]
    cals = [
        cal("native", "python", "cpu", CNN, 17.0, 0.04, 30, 20, 31),
        cal("native", "djl", "cpu", CNN, 19.0, 0.04, 30, 20, 32),
        cal("native", "djl", "cpu", MLP, 1.3, 0.06, 40, 20, 33),
        cal("docker", "python", "cpu", CNN, 17.1, 0.045, 30, 20, 34),
        cal("docker", "djl", "cpu", CNN, 19.2, 0.045, 30, 20, 35),
        cal("docker", "djl", "cpu", MLP, 1.32, 0.06, 40, 20, 36),
        cal("podman", "djl", "cpu", CNN, 19.3, 0.045, 30, 20, 37),
    ]
    return report(
        "2026-11-25T14:12:03Z",
        host("linux", "Debian GNU/Linux", "12 (bookworm)", "6.1.0-40-amd64", "x86_64",
             cpu("12th Gen Intel(R) Core(TM) i7-12700", "GenuineIntel", 12, 20, 8, 4, 4900000000,
                 ["avx2", "fma", "avx_vnni"]),
             32 * GIB, {"mount": "/", "totalBytes": 502921060352, "freeBytes": 301752636211}, [],
             None, {"vm": None, "container": None}),
        {"version": "17.0.17", "vendor": "Debian", "arch": "amd64", "translated": False,
         "home": "/usr/lib/jvm/java-17-openjdk-amd64"},
        py("/usr/bin/python3", "3.11.2", "x86_64", False, "PATH", torch("1.13.0", None)),
        [engine(r, "0.36.0", "2.7.1", p, "cpu") for r, p in
         [("native", "~/.djl.ai/pytorch/2.7.1-cpu-linux-x86_64"), ("docker", "/root/.djl.ai/pytorch/2.7.1-cpu-linux-x86_64"),
          ("podman", "/root/.djl.ai/pytorch/2.7.1-cpu-linux-x86_64")]],
        [rt("docker", "container", "ok", "Docker Engine", "20.10.24+dfsg1", "linux", "x86_64", 20, 32 * GIB, "none",
            diagnosis="docker 20.10.24+dfsg1 in Docker Engine: linux/x86_64, 20 CPUs, 32 GiB, no GPU access"),
         rt("podman", "container", "ok", "Podman", "4.3.1", "linux", "x86_64", 20, 32 * GIB, "none",
            diagnosis="podman 4.3.1 in Podman: linux/x86_64, 20 CPUs, 32 GiB, no GPU access")],
        devices, cals,
        [("probe", "ok", 1630), ("runtimes", "ok", 720), ("native-djl", "ok", 6420), ("containers", "ok", 19960),
         ("python", "ok", 4910), ("recommend", "ok", 35), ("check", "ok", 15), ("report-files", "ok", 240)],
        [check("accelerator-for-yolov8m", "A verified GPU for a 50-epoch run (CPU alone takes days)", "warn", "warn",
               "no verified GPU: training runs on the CPU",
               "Train on a machine whose GPU verifies (NVIDIA CUDA or Apple MPS); see 'envdoctor verify -v'.", ">= 1", "0")])


def linux_no_runtime():
    devices = [dev("native", "djl", "cpu", "cpu", err=0.0), dev("native", "python", "cpu", "cpu", err=0.0)]
    cals = [cal("native", "python", "cpu", CNN, 51.0, 0.05, 24, 8, 41),
            cal("native", "djl", "cpu", CNN, 56.0, 0.05, 24, 8, 42)]
    return report(
        "2026-11-25T11:47:30Z",
        host("linux", "Ubuntu", "22.04.5 LTS", "5.15.0-126-generic", "x86_64",
             cpu("AMD EPYC 7B13", "AuthenticAMD", 4, 8, None, None, 3050000000, ["avx2", "fma"]),
             32 * GIB, {"mount": "/", "totalBytes": 107374182400, "freeBytes": 62277025792}, [],
             None, {"vm": "kvm", "container": None}),
        {"version": "17.0.17", "vendor": "Ubuntu", "arch": "amd64", "translated": False,
         "home": "/usr/lib/jvm/java-17-openjdk-amd64"},
        py("/home/<user>/.venv/bin/python", "3.10.12", "x86_64", True, "VIRTUAL_ENV",
           torch("2.5.1+cpu", None)),
        [engine("native", "0.36.0", "2.7.1", "~/.djl.ai/pytorch/2.7.1-cpu-linux-x86_64", "cpu")],
        [rt("docker", "container", "not-installed", diagnosis="docker: command not found",
            fix="install Docker Engine: https://docs.docker.com/engine/install/ubuntu/"),
         rt("podman", "container", "not-installed", diagnosis="podman: command not found",
            fix="sudo apt-get install podman")],
        devices, cals,
        [("probe", "ok", 1420), ("runtimes", "ok", 12), ("native-djl", "ok", 7730), ("containers", "ok", 1),
         ("python", "ok", 6980), ("recommend", "ok", 30), ("check", "ok", 14), ("report-files", "ok", 220)],
        [check("container-engine-reachable", "A container engine for reproducible runs", "fail", "fail",
               "neither docker nor podman is installed",
               "install Docker Engine (https://docs.docker.com/engine/install/) or podman", ">= 1", "0")])


def mac_rosetta_jvm():
    docker = rt("docker", "container", "ok", "Docker Desktop", "28.5.1", "linux", "aarch64", 6,
                8217473024, "none", context="desktop-linux",
                diagnosis="docker 28.5.1 in Docker Desktop: linux/aarch64, 6 CPUs, 7.7 GiB, no GPU access",
                notes=[VM_NOTE, "warning: the Docker Desktop VM gets 6 of the host's 12 CPUs: training in a container is"
                       " limited to them; raise CPUs in Docker Desktop > Settings > Resources"])
    devices = [
        dev("native", "djl", "cpu", "cpu", err=0.0),
        dev("native", "djl", "mps", None, verified=False,
            diagnosis="the JVM runs as x86_64 under Rosetta 2: DJL loads libtorch for osx-x86_64, which has no MPS backend",
            fix="install an arm64 JDK (e.g. Temurin aarch64) and run envdoctor with it"),
        dev("native", "python", "cpu", "cpu", err=0.0),
        dev("native", "python", "mps", "Apple M2 Pro", err=3.4e-6),
        dev("docker", "djl", "cpu", "cpu", err=0.0),
    ]
    cals = [
        cal("native", "python", "mps", CNN, 3.4, 0.03, 40, 12, 51),
        cal("native", "python", "cpu", CNN, 20.4, 0.05, 30, 12, 52),
        cal("native", "djl", "cpu", CNN, 45.0, 0.06, 24, 12, 53),
        cal("docker", "djl", "cpu", CNN, 33.0, 0.06, 24, 6, 54),
    ]
    return report(
        "2026-11-23T19:22:40Z",
        host("macos", "macOS", "14.7.2", "Darwin 23.6.0", "arm64",
             cpu("Apple M2 Pro", "Apple", 12, 12, 8, 4, 3504000000, ["neon", "fp16"]),
             32 * GIB, {"mount": "/", "totalBytes": 494384795648, "freeBytes": 211232153600},
             [gpu("Apple M2 Pro", "Apple", None, None, None, 19)],
             {"onBattery": True, "lowPowerMode": False}, {"vm": None, "container": None}),
        {"version": "17.0.13", "vendor": "Eclipse Adoptium", "arch": "x86_64", "translated": True,
         "home": "/Library/Java/JavaVirtualMachines/temurin-17-x64.jdk/Contents/Home"},
        py("/Users/<user>/miniforge3/envs/train/bin/python", "3.11.10", "arm64", True, "CONDA_PREFIX",
           torch("2.5.1", None, True, True)),
        [engine("native", "0.36.0", "2.7.1", "~/.djl.ai/pytorch/2.7.1-cpu-osx-x86_64", "cpu"),
         engine("docker", "0.36.0", "2.7.1", "/root/.djl.ai/pytorch/2.7.1-cpu-linux-aarch64", "cpu")],
        [docker, rt("podman", "container", "not-installed", diagnosis="podman: command not found",
                    fix="brew install podman (optional)")],
        devices, cals,
        [("probe", "ok", 2950), ("runtimes", "ok", 1040), ("native-djl", "ok", 11200), ("containers", "ok", 12980),
         ("python", "ok", 6640), ("recommend", "ok", 44), ("check", "ok", 25), ("report-files", "ok", 330)],
        [check("jvm-not-rosetta", "The JVM runs natively", "fail", "fail",
               "the JVM is x86_64 under Rosetta 2", "install an arm64 JDK", "false", "true"),
         check("on-ac-power", "On mains power while calibrating", "warn", "warn",
               "on battery: timings may be throttled", "plug in the charger and rerun", "false", "true")])


FIXTURES = {
    "mac-m4-docker-desktop.json": mac_m4_docker_desktop,
    "linux-nvidia-toolkit.json": linux_nvidia_toolkit,
    "linux-cpu-only.json": linux_cpu_only,
    "linux-no-runtime.json": linux_no_runtime,
    "mac-rosetta-jvm.json": mac_rosetta_jvm,
}

if __name__ == "__main__":
    for name, make in FIXTURES.items():
        with open(os.path.join(HERE, name), "w") as f:
            json.dump(make(), f, indent=2)
            f.write("\n")
        print("wrote", name)
