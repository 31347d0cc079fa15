# envdoctor's YOLOv8 detection workload in plain torch (docs/calibration.md, "yolov8").
#
# Built from the architecture's public description: Conv-BN-SiLU units, C2f blocks, SPPF, the
# PAN-FPN neck and the decoupled head with DFL (reg_max 16); the scales n/s/m/l/x differ by depth,
# width and max channels. No weights: a random init, synthetic images and boxes, nothing downloaded.
# The training step has a detection loss of the same form as the published one: BCE for classes,
# distribution focal loss over the box bins, an IoU box loss, and a simple task-aligned assignment
# (the top-k anchors inside each box by class score x IoU). envdoctor ships this file in front of
# envdoctor_torch.py on the child's stdin (one script); standard library and torch only.

import math

SEED = 42  # the same seed as envdoctor_torch.py and the JVM worker

YOLO_SCALES = {  # depth, width, max channels
    "n": (0.33, 0.25, 1024), "s": (0.33, 0.50, 1024), "m": (0.67, 0.75, 768),
    "l": (1.00, 1.00, 512), "x": (1.00, 1.25, 512),
}
YOLO_REG_MAX = 16
YOLO_CLASSES = 80
YOLO_STRIDES = (8, 16, 32)
YOLO_BOXES = 4  # synthetic boxes per image
YOLO_MIN_WARMUP = 2  # a projection point's steps are long: fewer of them (ProjectionPoint.java)
YOLO_MIN_STEPS = 3


def yolo_points(text):
    """'yolov8n@160x2,yolov8n@320x2,yolov8n@640x2~2000' -> [('yolov8n', 160, 2, None), ...,
    ('yolov8n', 640, 2, 2000.0)]; the parent decides whether a capped point is timed
    (ProjectionPoint.Planned.affordable) and sends the point alone."""
    points = []
    for item in [t.strip() for t in (text or "").split(",") if t.strip()]:
        item, _, cap = item.partition("~")
        name, size = item.split("@")
        imgsz, batch = size.split("x")
        yolo_scale(name)
        points.append((name, int(imgsz), int(batch), float(cap) if cap else None))
    return points


def yolo_scale(name):
    """'yolov8m' -> 'm'; ValueError for a name that is not a YOLOv8 scale."""
    if not name.startswith("yolov8") or name[6:] not in YOLO_SCALES:
        raise ValueError("unknown yolov8 scale " + name)
    return name[6:]


def yolo_model(torch, name, classes=YOLO_CLASSES):
    nn = torch.nn
    depth, width, max_ch = YOLO_SCALES[yolo_scale(name)]

    def ch(c):
        c = min(c, max_ch) * width
        return int(math.ceil(c / 8) * 8)

    def reps(n):
        return max(int(round(n * depth)), 1)

    class Conv(nn.Module):
        def __init__(self, c1, c2, k=1, s=1):
            super(Conv, self).__init__()
            self.conv = nn.Conv2d(c1, c2, k, s, k // 2, bias=False)
            self.bn = nn.BatchNorm2d(c2, eps=1e-3, momentum=0.03)

        def forward(self, x):
            return nn.functional.silu(self.bn(self.conv(x)))

    class Bottleneck(nn.Module):
        def __init__(self, c, shortcut):
            super(Bottleneck, self).__init__()
            self.cv1, self.cv2, self.add = Conv(c, c, 3), Conv(c, c, 3), shortcut

        def forward(self, x):
            y = self.cv2(self.cv1(x))
            return x + y if self.add else y

    class C2f(nn.Module):
        def __init__(self, c1, c2, n, shortcut):
            super(C2f, self).__init__()
            self.c = c2 // 2
            self.cv1 = Conv(c1, 2 * self.c)
            self.cv2 = Conv((2 + n) * self.c, c2)
            self.m = nn.ModuleList(Bottleneck(self.c, shortcut) for _ in range(n))

        def forward(self, x):
            y = list(self.cv1(x).chunk(2, 1))
            for m in self.m:
                y.append(m(y[-1]))
            return self.cv2(torch.cat(y, 1))

    class SPPF(nn.Module):
        def __init__(self, c1, c2):
            super(SPPF, self).__init__()
            self.cv1, self.cv2 = Conv(c1, c1 // 2), Conv(c1 // 2 * 4, c2)
            self.pool = nn.MaxPool2d(5, 1, 2)

        def forward(self, x):
            y = [self.cv1(x)]
            for _ in range(3):
                y.append(self.pool(y[-1]))
            return self.cv2(torch.cat(y, 1))

    class Yolo(nn.Module):
        def __init__(self):
            super(Yolo, self).__init__()
            c64, c128, c256, c512, c1024 = ch(64), ch(128), ch(256), ch(512), ch(1024)
            self.b0, self.b1, self.b2 = Conv(3, c64, 3, 2), Conv(c64, c128, 3, 2), C2f(c128, c128, reps(3), True)
            self.b3, self.b4 = Conv(c128, c256, 3, 2), C2f(c256, c256, reps(6), True)
            self.b5, self.b6 = Conv(c256, c512, 3, 2), C2f(c512, c512, reps(6), True)
            self.b7, self.b8 = Conv(c512, c1024, 3, 2), C2f(c1024, c1024, reps(3), True)
            self.b9 = SPPF(c1024, c1024)
            self.h12 = C2f(c1024 + c512, c512, reps(3), False)
            self.h15 = C2f(c512 + c256, c256, reps(3), False)
            self.h16, self.h18 = Conv(c256, c256, 3, 2), C2f(c256 + c512, c512, reps(3), False)
            self.h19, self.h21 = Conv(c512, c512, 3, 2), C2f(c512 + c1024, c1024, reps(3), False)
            levels = (c256, c512, c1024)
            c2, c3 = max(16, levels[0] // 4, YOLO_REG_MAX * 4), max(levels[0], min(classes, 100))
            self.box = nn.ModuleList(nn.Sequential(Conv(c, c2, 3), Conv(c2, c2, 3), nn.Conv2d(c2, 4 * YOLO_REG_MAX, 1))
                                     for c in levels)
            self.cls = nn.ModuleList(nn.Sequential(Conv(c, c3, 3), Conv(c3, c3, 3), nn.Conv2d(c3, classes, 1))
                                     for c in levels)
            self.classes = classes
            for box, cls, stride in zip(self.box, self.cls, YOLO_STRIDES):  # the published bias init: few objects
                box[-1].bias.data[:] = 1.0
                cls[-1].bias.data[:] = math.log(5 / classes / (640 / stride) ** 2)

        def forward(self, x):
            up = nn.functional.interpolate
            p3 = self.b4(self.b3(self.b2(self.b1(self.b0(x)))))
            p4 = self.b6(self.b5(p3))
            p5 = self.b9(self.b8(self.b7(p4)))
            n4 = self.h12(torch.cat([up(p5, scale_factor=2.0, mode="nearest"), p4], 1))
            n3 = self.h15(torch.cat([up(n4, scale_factor=2.0, mode="nearest"), p3], 1))
            n4 = self.h18(torch.cat([self.h16(n3), n4], 1))
            n5 = self.h21(torch.cat([self.h19(n4), p5], 1))
            return [torch.cat([b(f), c(f)], 1) for f, b, c in zip((n3, n4, n5), self.box, self.cls)]

    return Yolo()


def yolo_counts(torch, model, imgsz=640):
    """(parameters with batch-norm folded, forward GFLOPs per image = 2 x conv multiply-adds), both
    counted from the built network: parameters by walking it, MACs by hooks on every convolution
    during one forward pass at imgsz."""
    nn = torch.nn
    params = 0
    for mod in model.modules():
        if isinstance(mod, nn.Conv2d):
            params += mod.weight.numel() + mod.out_channels  # a folded batch-norm leaves one bias per channel
    macs = [0]

    def hook(mod, inputs, out):
        macs[0] += out.numel() // out.shape[0] * (mod.in_channels // mod.groups) * mod.kernel_size[0] * mod.kernel_size[1]

    handles = [m.register_forward_hook(hook) for m in model.modules() if isinstance(m, nn.Conv2d)]
    try:
        with torch.no_grad():
            was = model.training
            model.eval()
            model(torch.zeros(1, 3, imgsz, imgsz))
            model.train(was)
    finally:
        for h in handles:
            h.remove()
    return params, 2.0 * macs[0] / 1e9


def yolo_flops(name, imgsz, batch):
    """Analytic training FLOPs of one step: 3 x forward, the forward from the table's 640 px figure
    scaled by area (the calibration's achievedGflops is for comparison only)."""
    table = {"n": 8.7, "s": 28.6, "m": 78.9, "l": 165.2, "x": 257.8}
    return 3.0 * table[yolo_scale(name)] * 1e9 * (imgsz / 640.0) ** 2 * batch


def yolo_anchors(torch, imgsz, device):
    """Anchor centres in pixels and each anchor's stride, level by level (P3, P4, P5)."""
    points, strides = [], []
    for s in YOLO_STRIDES:
        n = imgsz // s
        r = (torch.arange(n, device=device, dtype=torch.float32) + 0.5) * s
        yy, xx = torch.meshgrid(r, r, indexing="ij")  # torch >= 1.10
        points.append(torch.stack([xx.reshape(-1), yy.reshape(-1)], 1))
        strides.append(torch.full((n * n, 1), float(s), device=device))
    return torch.cat(points, 0), torch.cat(strides, 0)


def yolo_targets(torch, batch, imgsz, classes, generator=None):
    """Synthetic ground truth: YOLO_BOXES boxes per image, xyxy in pixels, 1/8 to 1/2 of the side."""
    wh = (torch.rand(batch, YOLO_BOXES, 2, generator=generator) * 0.375 + 0.125) * imgsz
    c = torch.rand(batch, YOLO_BOXES, 2, generator=generator) * (imgsz - wh) + wh / 2
    boxes = torch.cat([c - wh / 2, c + wh / 2], 2)
    labels = torch.randint(0, classes, (batch, YOLO_BOXES), generator=generator)
    return boxes, labels


def box_iou(torch, a, b, eps=1e-7):
    """IoU of xyxy boxes broadcast against each other (the IoU arithmetic of the box loss)."""
    lt = torch.max(a[..., :2], b[..., :2])
    rb = torch.min(a[..., 2:], b[..., 2:])
    inter = (rb - lt).clamp(min=0).prod(-1)
    area_a = (a[..., 2:] - a[..., :2]).clamp(min=0).prod(-1)
    area_b = (b[..., 2:] - b[..., :2]).clamp(min=0).prod(-1)
    return inter / (area_a + area_b - inter + eps)


def yolo_loss(torch, outputs, boxes, labels, imgsz, topk=10):
    """The detection loss: 7.5 x IoU loss + 0.5 x BCE + 1.5 x DFL, over a task-aligned assignment."""
    F = torch.nn.functional
    device = outputs[0].device
    b = outputs[0].shape[0]
    classes = outputs[0].shape[1] - 4 * YOLO_REG_MAX
    # in float32 whatever the forward ran in (fp16 under autocast): the assignment writes float scores
    flat = torch.cat([o.reshape(b, o.shape[1], -1) for o in outputs], 2).permute(0, 2, 1).float()  # [B, A, 64 + C]
    dist, scores = flat.split([4 * YOLO_REG_MAX, classes], 2)
    points, strides = yolo_anchors(torch, imgsz, device)
    bins = torch.arange(YOLO_REG_MAX, device=device, dtype=torch.float32)
    ltrb = F.softmax(dist.reshape(b, -1, 4, YOLO_REG_MAX), 3).matmul(bins) * strides  # pixels
    pred = torch.cat([points - ltrb[..., :2], points + ltrb[..., 2:]], 2)  # [B, A, 4]

    with torch.no_grad():  # the assignment: top-k anchors inside each box by score^0.5 x IoU^6
        inside = ((points[None, None] > boxes[:, :, None, :2]) & (points[None, None] < boxes[:, :, None, 2:])).all(3)
        iou = box_iou(torch, boxes[:, :, None], pred[:, None]).clamp(min=0)  # [B, M, A]
        cls_score = scores.sigmoid().gather(2, labels[:, None, :].expand(-1, scores.shape[1], -1)).permute(0, 2, 1)
        metric = cls_score.pow(0.5) * iou.pow(6) * inside
        top = metric.topk(topk, dim=2).indices  # [B, M, k]
        chosen = torch.zeros_like(metric).scatter_(2, top, 1.0) * inside
        owner = (chosen * (iou + 1e-9)).argmax(1)  # an anchor chosen by two boxes goes to the better
        fg = chosen.sum(1) > 0  # [B, A]
        t_boxes = boxes.gather(1, owner[..., None].expand(-1, -1, 4))
        t_labels = labels.gather(1, owner)
        t_iou = iou.gather(1, owner[:, None]).squeeze(1) * fg
        t_scores = torch.zeros_like(scores)
        bi, ai = fg.nonzero(as_tuple=True)
        t_scores.index_put_((bi, ai, t_labels[bi, ai]), t_iou[bi, ai])
    norm = t_scores.sum().clamp(min=1.0)
    loss_cls = F.binary_cross_entropy_with_logits(scores, t_scores, reduction="sum") / norm
    weight = t_scores.sum(2)[fg]
    loss_box = ((1.0 - box_iou(torch, pred[fg], t_boxes[fg])) * weight).sum() / norm
    # DFL: the target distance in bins lies between two bins; cross-entropy to both, weighted
    pts, st = points[None].expand(b, -1, -1)[fg], strides[None].expand(b, -1, -1)[fg]
    tb = t_boxes[fg]
    target = (torch.cat([pts - tb[:, :2], tb[:, 2:] - pts], 1) / st).clamp(0, YOLO_REG_MAX - 1.01)
    left = target.long()
    wl = left.float() + 1 - target
    logits = dist[fg].reshape(-1, YOLO_REG_MAX)
    ce_l = F.cross_entropy(logits, left.reshape(-1), reduction="none").reshape(left.shape)
    ce_r = F.cross_entropy(logits, (left + 1).reshape(-1), reduction="none").reshape(left.shape)
    loss_dfl = ((ce_l * wl + ce_r * (1 - wl)).mean(1) * weight).sum() / norm
    return 7.5 * loss_box + 0.5 * loss_cls + 1.5 * loss_dfl


def yolo_workload(torch, name, device, batch, imgsz):
    """(model, optimizer, images, (boxes, labels), step flops): SGD with Nesterov momentum 0.937,
    the published default for long runs."""
    torch.manual_seed(SEED)
    model = yolo_model(torch, name).to(device).train()
    x = torch.rand(batch, 3, imgsz, imgsz)
    boxes, labels = yolo_targets(torch, batch, imgsz, YOLO_CLASSES)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.001, momentum=0.937, nesterov=True)
    return model, optimizer, x.to(device), (boxes.to(device), labels.to(device)), yolo_flops(name, imgsz, batch)


# Ultralytics' trainer clips the gradients' total norm to 10 before each update; so do both backends' steps
MAX_GRAD_NORM = 10.0


def grad_scaler(torch):
    """A CUDA gradient scaler: torch.amp's where it has one (2.3+), torch.cuda.amp's before."""
    amp = getattr(torch, "amp", None)
    if amp is not None and hasattr(amp, "GradScaler"):
        return amp.GradScaler("cuda")
    return torch.cuda.amp.GradScaler()


def yolo_step(torch, model, optimizer, x, target, imgsz, scaler=None):
    """One training step; returns the loss tensor (not yet read back). The gradients are clipped to a
    total norm of MAX_GRAD_NORM, and the update skipped where that norm is not finite, as a gradient
    scaler skips one (the DJL step does the same: YoloCalibrator.step). With a scaler (CUDA): the
    forward under fp16 autocast and the scaler's unscale, step and update, as Ultralytics' AMP step."""
    optimizer.zero_grad()
    if scaler is None:
        loss = yolo_loss(torch, model(x), target[0], target[1], imgsz)
        loss.backward()
        norm = torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_GRAD_NORM)
        if bool(torch.isfinite(norm)):
            optimizer.step()
        return loss
    with torch.autocast("cuda", dtype=torch.float16):
        loss = yolo_loss(torch, model(x), target[0], target[1], imgsz)
    scaler.scale(loss).backward()
    scaler.unscale_(optimizer)
    torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_GRAD_NORM)
    scaler.step(optimizer)  # skipped by the scaler where the gradients are not finite
    scaler.update()
    return loss


# ---------------------------------------------------------------- the detection loss's ops, verified

def detection_ops(torch):
    """(name, inputs, fn) for each op a detector's training runs beyond convolutions: fn maps float
    inputs (and fixed integer indices) to one output; verification runs it forward and backward."""
    F = torch.nn.functional
    g = torch.Generator().manual_seed(SEED)

    def rnd(*shape):
        return torch.rand(*shape, generator=g) * 2 - 1

    # distinct per row: scatter with repeated indices keeps an unspecified one of the values on CUDA
    idx = torch.stack([torch.randperm(12, generator=g)[:5] for _ in range(6)])
    rows, cols = torch.tensor([0, 2, 3, 5]), torch.tensor([1, 4, 7, 9])
    bins = torch.randint(0, YOLO_REG_MAX - 1, (24,), generator=g)
    targets = torch.rand(6, 10, generator=g)
    wh = torch.rand(8, 2, generator=g) + 0.5
    box = torch.cat([rnd(8, 2), rnd(8, 2) + wh * 2], 1)  # x1 y1 x2 y2, x2 > x1 always
    other = torch.cat([rnd(8, 2), rnd(8, 2) + wh * 2], 1)
    return [
        ("upsample-nearest", [rnd(2, 3, 4, 4)], lambda x, ix: F.interpolate(x, scale_factor=2.0, mode="nearest")),
        ("cat-chunk", [rnd(2, 4, 3), rnd(2, 2, 3)], lambda a, b, ix: torch.cat(torch.cat([a, b], 1).chunk(2, 1)[::-1], 2)),
        ("topk", [rnd(6, 12)], lambda x, ix: x.topk(4, dim=1).values),
        ("gather", [rnd(6, 12)], lambda x, ix: x.gather(1, ix)),
        ("scatter", [rnd(6, 5)], lambda s, ix: torch.zeros(6, 12, dtype=s.dtype, device=s.device).scatter(1, ix, s)),
        ("index_put", [rnd(4)], lambda v, ix: torch.zeros(6, 10, dtype=v.dtype, device=v.device).index_put(
            (rows.to(v.device), cols.to(v.device)), v)),
        ("cross-entropy-dfl", [rnd(24, YOLO_REG_MAX) * 3], lambda x, ix: F.cross_entropy(
            x, bins.to(x.device), reduction="none") + F.cross_entropy(x, (bins + 1).to(x.device), reduction="none")),
        ("bce-with-logits", [rnd(6, 10) * 4], lambda x, ix: F.binary_cross_entropy_with_logits(
            x, targets.to(device=x.device, dtype=x.dtype), reduction="none")),
        ("iou", [box, other], lambda a, b, ix: box_iou(torch, a[:, None], b[None])),
    ], idx


def verify_detection_ops(torch, device, plant=None):
    """[(op, max abs error of output and input gradients)] on the device in float32 against the CPU
    in float64. plant names an op whose device run gets a wrong index (tests: a wrong op must fail
    and be named)."""
    ops, idx = detection_ops(torch)
    results = []
    for name, inputs, fn in ops:
        errors = []
        runs = []
        for dev, dtype in (("cpu", torch.float64), (device, torch.float32)):
            xs = [x.to(device=dev, dtype=dtype).requires_grad_(True) for x in inputs]
            ix = idx.to(dev)
            if dev == device and dtype == torch.float32 and plant == name:
                ix = ix[:, torch.randperm(ix.shape[1], generator=torch.Generator().manual_seed(SEED + 1))].flip(0)
            out = fn(*(xs + [ix]))
            weight = torch.linspace(-1, 1, out.numel(), dtype=dtype).reshape(out.shape).to(dev)
            (out * weight).sum().backward()
            runs.append([out.detach()] + [x.grad.detach() for x in xs])
        for r, d in zip(runs[0], runs[1]):
            d = d.to("cpu", torch.float64)
            errors.append(float("nan") if not bool(torch.isfinite(d).all()) else float((r.cpu() - d).abs().max()))
        results.append((name, max(errors) if all(math.isfinite(e) for e in errors) else float("nan")))
    return results
