package dev.envdoctor.fleet;

/**
 * A node whose version of a component differs from what the fleet expects. against: "majority"
 * (the most common value among the nodes) or "baseline" (a known-good fleet's value); expected is
 * null when the nodes split evenly and there is no majority.
 */
public record Drift(String key, String node, String value, String expected, String against) {}
