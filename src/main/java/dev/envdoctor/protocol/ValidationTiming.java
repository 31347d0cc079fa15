package dev.envdoctor.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A side's answer to {@code validate DEVICE POINT [PRECISION]} (docs/side-protocol.md): how long the
 * validation forward of the job's network takes at a projection point, as a trainer's validation
 * pass runs it between epochs (eval mode, no gradients, fp16 autocast for amp; no post-processing).
 *
 * @param device the device it ran on
 * @param model the YOLOv8 scale, {@code yolov8n} .. {@code yolov8x}
 * @param imgsz the images' side in pixels
 * @param batch the validation batch (the parent doubles the training batch, as Ultralytics does)
 * @param precision fp32, tf32 or amp
 * @param medianMs the median of the timed forwards of one batch, device synchronised, after at least two untimed
 * @param steps how many forwards were timed (3 at least)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ValidationTiming(
    String device, String model, Integer imgsz, Integer batch, String precision, Double medianMs, Integer steps) {}
