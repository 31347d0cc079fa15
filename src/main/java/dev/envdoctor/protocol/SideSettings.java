package dev.envdoctor.protocol;

/**
 * What a side is started with (its command line): settings, never flow. What it does comes in
 * commands ({@link SideCommand}); docs/side-protocol.md.
 *
 * @param device the devices it offers: all, cpu, cuda, cuda:N or mps
 * @param batch batch size, or null for each workload's default
 * @param imgsz image side of the cnn workload
 * @param steps most timed steps per calibration (and per burst)
 * @param seconds most seconds of timed steps per calibration
 * @param threads CPU threads for libtorch (intra-op)
 */
public record SideSettings(String device, Integer batch, int imgsz, int steps, double seconds, int threads) {}
