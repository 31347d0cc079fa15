package dev.envdoctor.model;

/** {@code jvm.*}: translated is true when the JVM runs under Rosetta 2. */
public record Jvm(String version, String vendor, String arch, Boolean translated, String home) {}
