package dev.envdoctor.check.eval;

/**
 * What one expectation saw: whether it holds, the value as a person reads it ("23.4 GiB",
 * "unknown", "none found"), and the one-line explanation.
 */
public record Reading(boolean holds, String actual, String message) {}
