package dev.envdoctor.model;

public record Tool(String name, String version) {}
