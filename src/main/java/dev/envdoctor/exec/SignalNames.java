package dev.envdoctor.exec;

/** POSIX signal numbers as people know them (Linux and macOS agree on these). */
final class SignalNames {

  private SignalNames() {}

  static String name(int signal) {
    return switch (signal) {
      case 1 -> "SIGHUP";
      case 2 -> "SIGINT";
      case 4 -> "SIGILL";
      case 6 -> "SIGABRT";
      case 7, 10 -> "SIGBUS";
      case 8 -> "SIGFPE";
      case 9 -> "SIGKILL";
      case 11 -> "SIGSEGV";
      case 13 -> "SIGPIPE";
      case 15 -> "SIGTERM";
      default -> "signal " + signal;
    };
  }
}
