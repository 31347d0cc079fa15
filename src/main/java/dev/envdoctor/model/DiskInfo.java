package dev.envdoctor.model;

public record DiskInfo(String mount, Long totalBytes, Long freeBytes) {}
