package dev.envdoctor.worker;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The detection loss of envdoctor_yolo.py in DJL's operations: 7.5 × IoU loss + 0.5 × BCE over the
 * classes + 1.5 × distribution focal loss over the box bins, on a task-aligned assignment (the top
 * k anchors inside each box by score^0.5 × IoU^6). Dense over all anchors, masked by the
 * foreground, where the torch version indexes the foreground: the same sums.
 */
final class YoloLoss {

  static final int[] STRIDES = {8, 16, 32};
  static final int BOXES = 4;
  static final int TOPK = 10;

  private final NDArray points; // [A, 2] anchor centres in pixels
  private final NDArray strides; // [A, 1]
  private final NDArray bins; // [16]

  YoloLoss(NDManager m, int imgsz) {
    List<float[]> pts = new ArrayList<>();
    List<Float> st = new ArrayList<>();
    for (int s : STRIDES) {
      int n = imgsz / s;
      for (int y = 0; y < n; y++) {
        for (int x = 0; x < n; x++) {
          pts.add(new float[] {(x + 0.5f) * s, (y + 0.5f) * s});
          st.add((float) s);
        }
      }
    }
    float[] p = new float[pts.size() * 2];
    float[] s = new float[st.size()];
    for (int i = 0; i < pts.size(); i++) {
      p[2 * i] = pts.get(i)[0];
      p[2 * i + 1] = pts.get(i)[1];
      s[i] = st.get(i);
    }
    points = m.create(p, new Shape(pts.size(), 2));
    strides = m.create(s, new Shape(st.size(), 1));
    bins = m.arange(0f, YoloNet.REG_MAX, 1f);
  }

  /** Synthetic ground truth, [B, 4, 4] xyxy boxes in pixels (1/8 to 1/2 of the side) and [B, 4] labels. */
  static NDList targets(NDManager m, Random r, int batch, int imgsz) {
    float[] boxes = new float[batch * BOXES * 4];
    float[] labels = new float[batch * BOXES];
    for (int i = 0; i < batch * BOXES; i++) {
      float w = (r.nextFloat() * 0.375f + 0.125f) * imgsz;
      float h = (r.nextFloat() * 0.375f + 0.125f) * imgsz;
      float cx = r.nextFloat() * (imgsz - w) + w / 2;
      float cy = r.nextFloat() * (imgsz - h) + h / 2;
      System.arraycopy(new float[] {cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2}, 0, boxes, 4 * i, 4);
      labels[i] = r.nextInt(YoloNet.CLASSES);
    }
    return new NDList(m.create(boxes, new Shape(batch, BOXES, 4)),
        m.create(labels, new Shape(batch, BOXES)).toType(DataType.INT64, false));
  }

  /** IoU of xyxy boxes, broadcast against each other over the leading axes. */
  static NDArray iou(NDArray a, NDArray b) {
    NDArray lt = a.get("..., :2").maximum(b.get("..., :2"));
    NDArray rb = a.get("..., 2:").minimum(b.get("..., 2:"));
    NDArray wh = rb.sub(lt).maximum(0f);
    NDArray inter = wh.get("..., 0").mul(wh.get("..., 1"));
    NDArray areaA = a.get("..., 2").sub(a.get("..., 0")).maximum(0f).mul(a.get("..., 3").sub(a.get("..., 1")).maximum(0f));
    NDArray areaB = b.get("..., 2").sub(b.get("..., 0")).maximum(0f).mul(b.get("..., 3").sub(b.get("..., 1")).maximum(0f));
    return inter.div(areaA.add(areaB).sub(inter).add(1e-7f));
  }

  NDArray loss(NDList outputs, NDArray boxes, NDArray labels) {
    long b = outputs.get(0).getShape().get(0);
    int c = YoloNet.CLASSES;
    int r = YoloNet.REG_MAX;
    NDList flat = new NDList();
    for (NDArray o : outputs) {
      flat.add(o.reshape(b, o.getShape().get(1), -1));
    }
    NDArray all = NDArrays.concat(flat, 2).transpose(0, 2, 1); // [B, A, 64 + C]
    long anchors = all.getShape().get(1);
    NDArray dist = all.get(new NDIndex(":, :, :{}", 4 * r)).reshape(b, anchors, 4, r);
    NDArray scores = all.get(new NDIndex(":, :, {}:", 4 * r));
    NDArray ltrb = dist.softmax(3).mul(bins).sum(new int[] {3}).mul(strides);
    NDArray pred = NDArrays.concat(new NDList(points.sub(ltrb.get("..., :2")), points.add(ltrb.get("..., 2:"))), 2);

    // the assignment, without gradients
    NDArray p = pred.stopGradient();
    NDArray pts = points.expandDims(0).expandDims(0); // [1, 1, A, 2]
    NDArray inside = pts.gt(boxes.get("..., :2").expandDims(2)).logicalAnd(pts.lt(boxes.get("..., 2:").expandDims(2)))
        .toType(DataType.FLOAT32, false).prod(new int[] {3}); // [B, M, A]
    NDArray overlap = iou(boxes.expandDims(2), p.expandDims(1)).maximum(0f); // [B, M, A]
    NDArray index = labels.expandDims(1).broadcast(b, anchors, BOXES); // [B, A, M]
    NDArray clsScore = ai.djl.nn.Activation.sigmoid(scores.stopGradient()).gather(index, 2)
        .transpose(0, 2, 1); // [B, M, A]
    NDArray metric = clsScore.sqrt().mul(overlap.pow(6)).mul(inside);
    NDArray kth = metric.topK(TOPK, 2, true, true).get(0).get("..., -1:");
    NDArray chosen = metric.gte(kth).toType(DataType.FLOAT32, false).mul(inside).mul(metric.gt(0f));
    NDArray owner = chosen.mul(overlap.add(1e-9f)).argMax(1); // [B, A]
    NDArray fg = chosen.sum(new int[] {1}).gt(0f).toType(DataType.FLOAT32, false); // [B, A]
    NDArray ownerHot = owner.oneHot(BOXES, DataType.FLOAT32); // [B, A, M]
    NDArray tBoxes = ownerHot.matMul(boxes); // [B, A, 4]
    NDArray tIou = ownerHot.mul(overlap.transpose(0, 2, 1)).sum(new int[] {2}).mul(fg); // [B, A]
    NDArray tScores = ownerHot.matMul(labels.oneHot(c, DataType.FLOAT32)).mul(tIou.expandDims(2)); // [B, A, C]

    NDArray norm = tScores.sum().maximum(1f);
    // BCE with logits, stable: max(x, 0) - x t + log(1 + exp(-|x|))
    NDArray bce = scores.maximum(0f).sub(scores.mul(tScores)).add(scores.abs().neg().exp().add(1f).log());
    NDArray lossCls = bce.sum().div(norm);
    NDArray weight = tScores.sum(new int[] {2}); // zero off the foreground
    NDArray lossBox = iou(pred, tBoxes).neg().add(1f).mul(weight).sum().div(norm);
    NDArray target = NDArrays.concat(new NDList(points.sub(tBoxes.get("..., :2")), tBoxes.get("..., 2:").sub(points)), 2)
        .div(strides).clip(0f, r - 1.01f); // [B, A, 4]
    NDArray left = target.floor();
    NDArray wl = left.add(1f).sub(target);
    NDArray logp = dist.logSoftmax(3);
    NDArray ceL = logp.mul(left.toType(DataType.INT64, false).oneHot(r, DataType.FLOAT32)).sum(new int[] {3}).neg();
    NDArray ceR = logp.mul(left.add(1f).toType(DataType.INT64, false).oneHot(r, DataType.FLOAT32)).sum(new int[] {3}).neg();
    NDArray lossDfl = ceL.mul(wl).add(ceR.mul(wl.neg().add(1f))).mean(new int[] {2}).mul(weight).sum().div(norm);
    return lossBox.mul(7.5f).add(lossCls.mul(0.5f)).add(lossDfl.mul(1.5f));
  }
}
