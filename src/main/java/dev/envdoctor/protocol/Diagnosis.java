package dev.envdoctor.protocol;

/** One finding about a device or an engine: a line that says what is wrong, and a line that says what to do. */
public record Diagnosis(String line, String fix) {}
