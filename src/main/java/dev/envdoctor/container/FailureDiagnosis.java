package dev.envdoctor.container;

import dev.envdoctor.model.RuntimeStatus;

import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.model.Runtimes;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a failed {@code docker info} / {@code podman info} into one of the distinct statuses with
 * a diagnosis and a fix. Pure: the result and the environment in, a {@link Failure} out.
 */
public final class FailureDiagnosis {

  private static final Pattern CONTEXT = Pattern.compile("context \"([^\"]+)\"");
  private static final Pattern SOCKET = Pattern.compile("((?:unix|tcp|npipe|ssh)://[^\\s\"]+?)[.:\"]?(?:\\s|$)");

  private FailureDiagnosis() {}

  /**
   * Where the CLI looked for its engine: the endpoint, where that came from ("DOCKER_HOST", "context
   * NAME", "the default context") and whether a socket file is there (null: not a unix socket).
   */
  public record Address(String endpoint, String from, Boolean socketThere) {
    boolean chosen() {
      return !from.startsWith("the default");
    }
  }

  public static Failure of(String engine, CommandResult r, Map<String, String> env, HostFacts host) {
    return of(engine, r, env, host, null);
  }

  /** As {@link #of(String, CommandResult, Map, HostFacts)}, naming the address tried where it is known. */
  public static Failure of(String engine, CommandResult r, Map<String, String> env, HostFacts host, Address address) {
    String cli = r.spec().program();
    if (r.status() == CommandResult.Status.NOT_FOUND) {
      return new Failure(RuntimeStatus.NOT_INSTALLED, cli + " CLI not found on PATH", installFix(engine, host));
    }
    if (r.status() == CommandResult.Status.TIMED_OUT) {
      return new Failure(RuntimeStatus.UNREACHABLE,
          engine + " engine gave no answer within " + r.spec().timeout().toSeconds() + " s (hung or starting)",
          restartFix(engine, host));
    }
    String err = r.stderr() == null ? "" : r.stderr();
    String lower = err.toLowerCase(Locale.ROOT);
    if (lower.contains("context not found") || (lower.contains("context \"") && lower.contains("not found"))) {
      Matcher m = CONTEXT.matcher(err);
      String ctx = m.find() ? m.group(1) : env.getOrDefault("DOCKER_CONTEXT", "?");
      String from = env.containsKey("DOCKER_CONTEXT") ? " (from DOCKER_CONTEXT)" : "";
      return new Failure(RuntimeStatus.ERROR, "docker context \"" + ctx + "\"" + from + " does not exist",
          env.containsKey("DOCKER_CONTEXT") ? "unset DOCKER_CONTEXT, or pick one from 'docker context ls'"
              : "docker context use default (see 'docker context ls')");
    }
    if (lower.contains("permission denied")) {
      String socket = socketIn(err);
      return new Failure(RuntimeStatus.PERMISSION_DENIED,
          "permission denied on the " + engine + " socket" + (socket == null ? "" : " " + socket),
          Runtimes.PODMAN.equals(engine) ? "run podman as the user who owns the machine, or fix the socket's permissions"
              : "sudo usermod -aG docker $USER, then log out and in (or use rootless Docker)");
    }
    if (lower.contains("cannot connect") || lower.contains("is the docker daemon running")
        || lower.contains("connection refused") || lower.contains("error during connect")
        || lower.contains("no such file or directory") || lower.contains("unable to connect")) {
      if (address != null) {
        return unreachable(engine, address, host);
      }
      String socket = socketIn(err);
      // rootless Docker's socket lives under /run/user/UID and is started per user, not by root's systemd
      String fix = Runtimes.DOCKER.equals(engine) && socket != null && socket.contains("/run/user/")
          ? "start rootless Docker: systemctl --user start docker" : restartFix(engine, host);
      return new Failure(RuntimeStatus.UNREACHABLE, engine + " engine not running" + (socket == null ? "" : " at " + socket), fix);
    }
    String first = r.stderrTail(1).isEmpty() ? r.describe() : r.stderrTail(1).get(0);
    return new Failure(RuntimeStatus.ERROR, cli + " info failed: " + first, "run '" + cli + " info' to see the whole error");
  }

  /**
   * Nothing answered at the address: three cases with three fixes. A socket file that is there but
   * refuses, or the default address with no socket: the engine is installed and not running (start
   * it). An address the user chose (DOCKER_HOST, a context) with no socket file: the engine may well
   * run, just not there (fix the address, not the engine). Anything else (tcp, ssh): not reachable there.
   */
  static Failure unreachable(String engine, Address a, HostFacts host) {
    String where = a.endpoint() + " (from " + a.from() + ")";
    if (Boolean.FALSE.equals(a.socketThere()) && a.chosen()) {
      return new Failure(RuntimeStatus.UNREACHABLE, engine + " engine not reachable at this address: no socket at " + where,
          "DOCKER_HOST".equals(a.from())
              ? "unset DOCKER_HOST to use the default context, or set it to the socket your engine listens on ('docker context ls' lists the known endpoints)"
              : "switch to a context whose engine runs ('docker context ls', then 'docker context use NAME'), or fix this context's endpoint");
    }
    if (a.socketThere() != null) {
      return new Failure(RuntimeStatus.UNREACHABLE, engine + " is installed but its engine is not running: "
          + (a.socketThere() ? "nothing answers on the socket " : "no socket at ") + where,
          restartFix(engine, host) + (a.chosen() ? "; or point " + a.from() + " at the engine that runs" : ""));
    }
    return new Failure(RuntimeStatus.UNREACHABLE, engine + " engine not reachable at " + where,
        "check that the engine listens there and the way to it is open, or unset DOCKER_HOST / pick another context ('docker context ls')");
  }

  static String socketIn(String text) {
    Matcher m = SOCKET.matcher(text);
    return m.find() ? m.group(1) : null;
  }

  static String installFix(String engine, HostFacts host) {
    return switch (engine) {
      case "podman" -> host.macos() ? "brew install podman && podman machine init && podman machine start"
          : "install podman (apt-get install podman / dnf install podman)";
      case "nerdctl" -> "install nerdctl (or use Rancher Desktop / Colima with the containerd runtime)";
      default -> host.macos() ? "install Docker Desktop, OrbStack or Colima (brew install colima docker)"
          : "install Docker Engine (https://docs.docker.com/engine/install/)";
    };
  }

  static String restartFix(String engine, HostFacts host) {
    if (Runtimes.PODMAN.equals(engine)) {
      return host.macos() || "windows".equals(host.osFamily()) ? "podman machine start"
          : "check 'podman system connection list' and CONTAINER_HOST";
    }
    if (host.macos()) {
      return "start the engine: open Docker Desktop, or 'orb start', or 'colima start'; check DOCKER_HOST and 'docker context ls'";
    }
    return "start the engine: sudo systemctl start docker";
  }
}
