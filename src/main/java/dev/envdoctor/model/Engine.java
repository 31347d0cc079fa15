package dev.envdoctor.model;

/** {@code engines[]}: the DJL engine a worker loaded on one side (native, docker, ...). */
public record Engine(
    String runtime,
    String name,
    String version,
    String libtorchVersion,
    String libraryPath,
    String flavor,
    String diagnosis) {}
