package dev.envdoctor.model;

/** {@code host.virtualization}: e.g. vm "kvm", container "docker"; null when none. */
public record Virtualization(String vm, String container) {}
