package dev.envdoctor.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A side's answer to {@code loop DEVICE POINT WORKERS SOURCE [PRECISION]} (docs/side-protocol.md):
 * a short real training loop, the input pipeline and the step together as a trainer runs them (a
 * DataLoader of {@code workers} processes making mosaics, each batch fed to the training step), and
 * the same step alone on one resident batch; {@code medianMs / stepMs} is the co-run factor.
 *
 * @param device the device it ran on
 * @param model the YOLOv8 scale, {@code yolov8n} .. {@code yolov8x}
 * @param imgsz the training images' side in pixels
 * @param batch the batch
 * @param workers the DataLoader's worker processes; 0: the images are made in the trainer's process
 * @param precision fp32, tf32 or amp
 * @param medianMs the median of the timed loop steps, each from the previous step's end (the wait
 *     for its batch included), after max(2, 2 x workers) untimed
 * @param stepMs the median of the step alone on one resident batch, with the workers gone
 * @param dataWaitMs the median wait for the next batch within a loop step
 * @param steps how many loop steps were timed (5 at least)
 * @param library what decoded and warped the images: OpenCV (as Ultralytics) where the Python has it, else PIL
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoopTiming(
    String device,
    String model,
    Integer imgsz,
    Integer batch,
    Integer workers,
    String precision,
    Double medianMs,
    Double stepMs,
    Double dataWaitMs,
    Integer steps,
    String library) {}
