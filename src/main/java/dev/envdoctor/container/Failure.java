package dev.envdoctor.container;

import dev.envdoctor.model.RuntimeStatus;

/** Why an engine could not be used: a RuntimeInfo.status and a one-line diagnosis with its fix. */
public record Failure(RuntimeStatus status, String diagnosis, String fix) {}
