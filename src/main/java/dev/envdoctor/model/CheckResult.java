package dev.envdoctor.model;

/** {@code checks[]}: status pass|warn|fail|skip|error; expected/actual as the check saw them. */
public record CheckResult(
    String id,
    String title,
    String severity,
    String status,
    String message,
    String fix,
    String expected,
    String actual) {}
