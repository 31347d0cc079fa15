package dev.envdoctor.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A side's answer to {@code pipeline SOURCE IMGSZ N} (issue #29): how long one process takes to make
 * one training image from JPEG files of SOURCE size (decode, resize, mosaic of 4, random affine,
 * flip), the work a DataLoader worker does, or the trainer itself with workers 0.
 *
 * @param secondsPerImage the median over {@code images} images, after one untimed
 * @param images how many were timed
 * @param library what decoded and warped them: OpenCV (as Ultralytics) where the Python has it, else PIL
 * @param sourceSize the JPEGs' size, WIDTHxHEIGHT
 * @param imgsz the training image's side
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PipelineTiming(Double secondsPerImage, Integer images, String library, String sourceSize, Integer imgsz) {}
