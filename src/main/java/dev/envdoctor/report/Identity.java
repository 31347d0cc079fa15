package dev.envdoctor.report;

import java.net.InetAddress;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Who and where this run is: the user names and host names to remove from shared reports wherever
 * they appear. Names that are also ordinary words of a report (root, ubuntu, docker...) or shorter
 * than three letters are left out, or redaction would eat "Ubuntu 22.04" along with the user.
 */
public record Identity(Set<String> userNames, Set<String> hostNames) {

  private static final Set<String> COMMON = Set.of("root", "user", "admin", "administrator", "ubuntu", "debian",
      "centos", "fedora", "ec2-user", "runner", "vagrant", "docker", "podman", "nobody", "shared", "public",
      "default", "guest", "localhost", "local", "linux", "macos", "darwin", "apple", "nvidia", "python", "java",
      "envdoctor", "host", "container", "native");

  public Identity {
    userNames = keep(userNames);
    hostNames = keep(hostNames);
  }

  public static Identity none() {
    return new Identity(Set.of(), Set.of());
  }

  /** This machine's: the login names and host names from the environment and the JVM. */
  public static Identity current(Map<String, String> env) {
    Set<String> users = new LinkedHashSet<>();
    Stream.of("USER", "LOGNAME", "USERNAME").map(env::get).forEach(users::add);
    users.add(System.getProperty("user.name"));
    Set<String> hosts = new LinkedHashSet<>();
    Stream.of("HOSTNAME", "COMPUTERNAME").map(env::get).forEach(hosts::add);
    try {
      // the resolver only reads the local name here; no lookup of another host
      hosts.add(InetAddress.getLocalHost().getHostName());
    } catch (java.io.IOException | SecurityException e) {
      // no host name to learn: the env ones still count
    }
    return new Identity(users, hosts);
  }

  /** A host name and its first label (mbp-dana.local and mbp-dana), each a separate word to remove. */
  static Set<String> withShortNames(Set<String> hosts) {
    Set<String> out = new LinkedHashSet<>();
    for (String h : hosts) {
      out.add(h);
      int dot = h.indexOf('.');
      if (dot > 0) {
        out.add(h.substring(0, dot));
      }
    }
    return keep(out);
  }

  static boolean worthRemoving(String name) {
    return name != null && name.length() >= 3 && !COMMON.contains(name.toLowerCase(java.util.Locale.ROOT))
        && !name.startsWith("<") && !name.matches("\\d+(\\.\\d+)*");
  }

  private static Set<String> keep(Set<String> names) {
    Set<String> out = new LinkedHashSet<>();
    if (names != null) {
      names.stream().filter(Identity::worthRemoving).map(String::trim).forEach(out::add);
    }
    return Set.copyOf(out);
  }
}
