package dev.envdoctor.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A side's answer to {@code pipeline SOURCE IMGSZ N} (issue #29): how long one process takes to make
 * one training image from JPEG files of SOURCE (decode, resize, mosaic of 4, random affine, flip),
 * the work a DataLoader worker does, or the trainer itself with workers 0.
 *
 * @param secondsPerImage the median over {@code images} images, after one untimed
 * @param images how many were timed
 * @param library what decoded and warped them: OpenCV (as Ultralytics) where the Python has it, else PIL
 * @param sourceSize the JPEGs' size, WIDTHxHEIGHT, made in memory; or {@code dir:FOLDER} (the path
 *     decoded), the images of a folder
 * @param imgsz the training image's side
 * @param skipped a folder's files that were not used, {@code "name: why"} (not readable, does not
 *     decode), 10 at most; empty for images made in memory
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PipelineTiming(
    Double secondsPerImage,
    Integer images,
    String library,
    String sourceSize,
    Integer imgsz,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> skipped) {

  public PipelineTiming {
    skipped = skipped == null ? List.of() : List.copyOf(skipped);
  }
}
