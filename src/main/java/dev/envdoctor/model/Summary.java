package dev.envdoctor.model;

public record Summary(int passed, int warned, int failed, int skipped, int errors) {}
