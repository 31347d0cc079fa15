package dev.envdoctor.model;

/** {@code host.power}: null where unknown (desktops, unsupported platforms). */
public record PowerInfo(Boolean onBattery, Boolean lowPowerMode) {}
