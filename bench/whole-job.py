#!/usr/bin/python3
"""The whole job as a trainer runs it (issue #29's fidelity harness): real JPEG files on disk, decoded
and augmented (mosaic of 4, random affine, flip) in a DataLoader with the trainer's workers, fed to
the training step of envdoctor's YOLOv8 network at the trainer's threads and precision. Independent
of envdoctor's own pipeline and timing code: it shares only the network and its loss
(envdoctor_yolo.py). Prints one JSON line.

  /usr/bin/python3 bench/whole-job.py --model yolov8n --imgsz 320 --batch 8 [--steps 12] [--warmup 3]
      [--threads N] [--workers W] [--precision fp32|tf32|amp] [--device cpu|cuda:0]
      [--data DIR | --source-size 1280x720 --files 64] [--val-images 32] [--step-only]

--threads 0 keeps torch's own default; --workers 0 loads in the training process (Ultralytics on cpu
and mps). fp32 keeps torch's defaults (TF32 convolutions, float32 matmuls), tf32 turns TF32 on for both. Ultralytics' settings, from its source (engine/trainer.py, utils/torch_utils.py,
data/build.py): on cpu/mps workers 0 and threads min(8, cpus - 1); on CUDA AMP (fp16 autocast and a
gradient scaler) and workers min(cpus per GPU, batch, 8). What it measures: steady-state seconds per
image over --steps steps after --warmup (each step from the previous step's end, so the wait for
data counts), the median wait for the next batch over the median step, the step alone on one resident
batch (--step-only skips the pipeline), and a validation forward at batch x 2.
"""
import argparse
import contextlib
import json
import math
import os
import random
import shutil
import statistics
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "src/main/resources/dev/envdoctor/python"))
import torch  # noqa: E402
import envdoctor_yolo as y  # noqa: E402
from PIL import Image, ImageDraw  # noqa: E402


def synthetic_jpegs(folder, count, size, seed=0):
    """count JPEG files of size (w, h): a gradient and a few boxes, quality 90, as camera frames compress."""
    rnd = random.Random(seed)
    w, h = size
    for i in range(count):
        img = Image.linear_gradient("L").resize((w, h)).convert("RGB")
        d = ImageDraw.Draw(img)
        for _ in range(8):
            x0, y0 = rnd.randrange(w - 40), rnd.randrange(h - 40)
            d.rectangle([x0, y0, x0 + rnd.randrange(20, 300), y0 + rnd.randrange(20, 200)],
                        fill=(rnd.randrange(256), rnd.randrange(256), rnd.randrange(256)))
        noise = Image.effect_noise((w, h), 40).convert("RGB")
        Image.blend(img, noise, 0.3).save(os.path.join(folder, "img%05d.jpg" % i), quality=90)


def image_files(folder, limit):
    names = sorted(n for n in os.listdir(folder) if n.lower().endswith((".jpg", ".jpeg", ".png")))
    return [os.path.join(folder, n) for n in names[:limit]]


try:  # Ultralytics decodes and warps with OpenCV, one thread per DataLoader worker (cv2.setNumThreads(0))
    import cv2
    import numpy as np
    cv2.setNumThreads(0)
except ImportError:
    cv2 = None


def load(path, imgsz):
    """Decode and resize so the longer side is imgsz (Ultralytics' load_image): a PIL image either way."""
    if cv2 is not None:
        a = cv2.imread(path)
        h, w = a.shape[:2]
        r = imgsz / max(h, w)
        a = cv2.resize(a, (max(1, round(w * r)), max(1, round(h * r))), interpolation=cv2.INTER_LINEAR)
        return Image.fromarray(a[:, :, ::-1])
    img = Image.open(path).convert("RGB")
    r = imgsz / max(img.size)
    return img.resize((max(1, round(img.size[0] * r)), max(1, round(img.size[1] * r))), Image.BILINEAR)


def warp(canvas, s, scale, tx, ty):
    """The canvas (2s x 2s) scaled about its centre and shifted, onto s x s, grey outside."""
    if cv2 is not None:
        a = np.asarray(canvas)
        m = np.array([[scale, 0, s / 2 + tx - scale * s], [0, scale, s / 2 + ty - scale * s]], dtype=np.float64)
        return Image.fromarray(cv2.warpAffine(a, m, (s, s), borderValue=(114, 114, 114)))
    inv = 1.0 / scale
    coeffs = (inv, 0, s - inv * (s / 2 + tx), 0, inv, s - inv * (s / 2 + ty))
    return canvas.transform((s, s), Image.AFFINE, coeffs, resample=Image.BILINEAR, fillcolor=(114, 114, 114))


class Mosaic(torch.utils.data.Dataset):
    """Ultralytics-like training images: mosaic of 4 on a 2 x imgsz canvas, random affine back to imgsz, flip."""

    def __init__(self, files, imgsz, length):
        self.files, self.imgsz, self.length = files, imgsz, length

    def __len__(self):
        return self.length

    def __getitem__(self, index):
        s, rnd = self.imgsz, random.Random(index)
        canvas = Image.new("RGB", (2 * s, 2 * s), (114, 114, 114))
        xc, yc = rnd.randint(s // 2, 3 * s // 2), rnd.randint(s // 2, 3 * s // 2)
        picks = [index % len(self.files)] + [rnd.randrange(len(self.files)) for _ in range(3)]
        for k, i in enumerate(picks):
            img = load(self.files[i], s)
            w, h = img.size
            x = xc - w if k in (0, 2) else xc
            yy = yc - h if k in (0, 1) else yc
            canvas.paste(img, (x, yy))
        # random affine: scale 0.5-1.5, translate +-0.1, degrees 0 (Ultralytics' defaults), onto imgsz
        scale = rnd.uniform(0.5, 1.5)
        out = warp(canvas, s, scale, rnd.uniform(-0.1, 0.1) * s, rnd.uniform(-0.1, 0.1) * s)
        if rnd.random() < 0.5:
            out = out.transpose(Image.FLIP_LEFT_RIGHT)
        return torch.frombuffer(bytearray(out.tobytes()), dtype=torch.uint8).view(s, s, 3).permute(2, 0, 1)


class Letterbox(torch.utils.data.Dataset):
    """Validation images: resized and padded to imgsz, no augmentation."""

    def __init__(self, files, imgsz, length):
        self.files, self.imgsz, self.length = files, imgsz, length

    def __len__(self):
        return self.length

    def __getitem__(self, index):
        s = self.imgsz
        img = load(self.files[index % len(self.files)], s)
        canvas = Image.new("RGB", (s, s), (114, 114, 114))
        canvas.paste(img, ((s - img.size[0]) // 2, (s - img.size[1]) // 2))
        return torch.frombuffer(bytearray(canvas.tobytes()), dtype=torch.uint8).view(s, s, 3).permute(2, 0, 1)


def main(argv):
    p = argparse.ArgumentParser()
    p.add_argument("--model", default="yolov8n")
    p.add_argument("--imgsz", type=int, default=320)
    p.add_argument("--batch", type=int, default=8)
    p.add_argument("--steps", type=int, default=12)
    p.add_argument("--warmup", type=int, default=-1, help="untimed steps (default: 3, and for the pipeline 2 x workers, so the workers' queue is full)")
    p.add_argument("--threads", type=int, default=0)
    p.add_argument("--workers", type=int, default=0)
    p.add_argument("--precision", choices=["fp32", "tf32", "amp"], default="fp32")
    p.add_argument("--device", default="cpu")
    p.add_argument("--data", default=None)
    p.add_argument("--source-size", default="1280x720")
    p.add_argument("--files", type=int, default=64)
    p.add_argument("--val-images", type=int, default=0)
    p.add_argument("--step-only", action="store_true")
    a = p.parse_args(argv)
    if a.threads > 0:
        torch.set_num_threads(a.threads)
    cuda = a.device.startswith("cuda")
    if cuda and a.precision == "tf32":  # fp32 keeps torch's defaults, as a trainer that sets nothing gets them
        torch.backends.cuda.matmul.allow_tf32 = True
        torch.backends.cudnn.allow_tf32 = True
    amp = a.precision == "amp" and cuda
    sync = (lambda: torch.cuda.synchronize(a.device)) if cuda else (lambda: None)
    torch.manual_seed(0)
    model = y.yolo_model(torch, a.model).to(a.device).train()
    opt = torch.optim.SGD(model.parameters(), lr=0.001, momentum=0.937, nesterov=True)
    scaler = y.grad_scaler(torch) if amp else torch.cuda.amp.GradScaler(enabled=False)

    def autocast():
        return torch.autocast("cuda", dtype=torch.float16) if amp else contextlib.nullcontext()

    def step(x, boxes, labels):
        opt.zero_grad()
        with autocast():
            loss = y.yolo_loss(torch, model(x), boxes, labels, a.imgsz)
        scaler.scale(loss).backward()
        scaler.unscale_(opt)
        torch.nn.utils.clip_grad_norm_(model.parameters(), y.MAX_GRAD_NORM)
        scaler.step(opt)
        scaler.update()
        return loss.item()  # the host read waits for the device

    def targets():
        boxes, labels = y.yolo_targets(torch, a.batch, a.imgsz, y.YOLO_CLASSES)
        return boxes.to(a.device), labels.to(a.device)

    # the step alone, on one resident batch
    x0 = torch.rand(a.batch, 3, a.imgsz, a.imgsz, device=a.device)
    t = targets()
    alone = []
    alone_warmup = a.warmup if a.warmup >= 0 else 3
    for i in range(alone_warmup + a.steps):
        sync()
        t0 = time.perf_counter()
        step(x0, *t)
        sync()
        if i >= alone_warmup:
            alone.append(time.perf_counter() - t0)
    result = {"model": a.model, "imgsz": a.imgsz, "batch": a.batch, "device": a.device, "precision": a.precision,
              "threads": torch.get_num_threads(), "workers": a.workers, "cpus": len(os.sched_getaffinity(0)),
              "torch": torch.__version__, "stepSecondsPerImage": statistics.median(alone) / a.batch,
              "stepSteps": len(alone)}
    if a.step_only:
        print(json.dumps(result))
        return
    folder, made = a.data, None
    if folder is None:
        made = folder = tempfile.mkdtemp(prefix="envdoctor-whole-job-")
        synthetic_jpegs(folder, a.files, tuple(int(v) for v in a.source_size.split("x")))
    try:
        files = image_files(folder, a.files)
        warmup = a.warmup if a.warmup >= 0 else max(3, 2 * a.workers)
        n = a.batch * (warmup + a.steps)
        loader = torch.utils.data.DataLoader(Mosaic(files, a.imgsz, n), batch_size=a.batch, shuffle=False,
                                             num_workers=a.workers, pin_memory=cuda, drop_last=True)
        intervals, waits = [], []
        sync()
        end = time.perf_counter()
        for i, batch in enumerate(loader):
            got = time.perf_counter()
            x = batch.to(a.device, non_blocking=cuda).float().div_(255)
            step(x, *targets())
            sync()
            now = time.perf_counter()
            if i >= warmup:
                intervals.append(now - end)
                waits.append(got - end)
            end = now
        result.update({"secondsPerImage": statistics.median(intervals) / a.batch,
                       "meanSecondsPerImage": statistics.mean(intervals) / a.batch, "steps": len(intervals),
                       "dataWaitShare": statistics.median(waits) / statistics.median(intervals),
                       "decoder": ("OpenCV " + cv2.__version__) if cv2 is not None else "PIL " + Image.__version__,
                       "sourceSize": a.source_size if a.data is None else None})
        if a.val_images > 0:
            model.eval()
            val = torch.utils.data.DataLoader(Letterbox(files, a.imgsz, a.val_images), batch_size=a.batch * 2,
                                              num_workers=a.workers, pin_memory=cuda)
            sync()
            t0 = time.perf_counter()
            with torch.no_grad(), autocast():
                for batch in val:
                    model(batch.to(a.device, non_blocking=cuda).float().div_(255))
            sync()
            result["valSecondsPerImage"] = (time.perf_counter() - t0) / a.val_images
    finally:
        if made:
            shutil.rmtree(made, ignore_errors=True)
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
