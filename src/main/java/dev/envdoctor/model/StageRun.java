package dev.envdoctor.model;

/** {@code stages[]}: how each stage of a run went and how long it took. status: ok|failed|skipped. */
public record StageRun(String name, String status, long millis, String error) {}
