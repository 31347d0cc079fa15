package dev.envdoctor.container;

/** Why an engine could not be used: a RuntimeInfo.status and a one-line diagnosis with its fix. */
public record Failure(String status, String diagnosis, String fix) {

  public static final String NOT_INSTALLED = "not-installed";
  public static final String UNREACHABLE = "unreachable";
  public static final String PERMISSION_DENIED = "permission-denied";
  public static final String ERROR = "error";
}
