package dev.envdoctor.model;

public record MemoryInfo(Long totalBytes, Long availableBytes) {}
