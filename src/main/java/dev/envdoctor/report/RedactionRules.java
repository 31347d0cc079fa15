package dev.envdoctor.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text rules of redaction, in the order they run: credentials first (so a token inside a URL
 * or an assignment goes whole), then people and machines, then addresses. Each rule names the kind
 * it removes; the replacement is a placeholder in angle brackets that no rule matches again.
 */
final class RedactionRules {

  static final String SECRET = "<secret>";

  /** One pattern; the replacer answers the replacement, or null to keep the match as it is. */
  record Rule(String kind, Pattern pattern, Function<MatchResult, String> replacer) {}

  private static final String HEX = "[0-9A-Fa-f]";
  private static final String UUID = HEX + "{8}-" + HEX + "{4}-" + HEX + "{4}-" + HEX + "{4}-" + HEX + "{12}";
  private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";

  private static final List<Rule> CREDENTIALS = List.of(
      rule("url-password", "(?i)\\b([a-z][a-z0-9+.-]*://)[^\\s/@:<>]+:[^\\s/@<>]+@", m -> m.group(1) + SECRET + "@"),
      rule("jwt", "\\beyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}", m -> SECRET),
      rule("aws-access-key", "\\b(?:AKIA|ASIA|AGPA|AIDA|AROA)[A-Z0-9]{16}\\b", m -> SECRET),
      rule("github-token", "\\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})\\b", m -> SECRET),
      rule("huggingface-token", "\\bhf_[A-Za-z0-9]{30,}\\b", m -> SECRET),
      rule("api-key", "\\b(?:sk-(?:proj-)?[A-Za-z0-9_-]{20,}|xox[abprs]-[A-Za-z0-9-]{10,})", m -> SECRET),
      rule("secret-variable", "(?i)\\b(authorization\\s*[:=]\\s*(?:bearer|basic|token)\\s+)[^\\s\"',;]+",
          m -> m.group(1) + SECRET),
      // NAME=value or name: value where a part of the name is a secret word (HF_TOKEN, db.password)
      rule("secret-variable", "(?i)\\b((?:[a-z0-9]+[_.-])*(?:token|secret|password|passwd|passphrase|credentials?|auth"
          + "|api[_-]?key|access[_-]?key|private[_-]?key|key)(?:[_.-][a-z0-9]+)*)(\\s*[=:]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s,;'\"]+)",
          m -> m.group(3).contains("<") ? null : m.group(1) + m.group(2) + SECRET));

  // a home path starts a path ("/home/x", "PATH=...:/home/x"), it is not the middle of a URL ("site.org/home/news")
  private static final Rule HOME = rule("home-path",
      "(?i)((?<![A-Za-z0-9._~-])(?:/var)?/home/|(?<![A-Za-z0-9._~-])/Users/|\\b[a-z]:[\\\\/]Users[\\\\/])([^/\\\\\\s:;'\"<>]+)",
      m -> isPlaceholderOrShared(m.group(2)) ? null : m.group(1) + "<user>");

  private static final List<Rule> ADDRESSES = List.of(
      rule("gpu-uuid", "\\b(GPU|MIG)-" + UUID + "\\b", m -> m.group(1) + "-<uuid>"),
      rule("hardware-uuid", "(?<![0-9A-Za-z-])" + UUID + "(?![0-9A-Za-z])", m -> "<uuid>"),
      rule("serial-number", "(?i)\\b((?:serial(?:[ _-]?(?:number|no\\.?|num))?|udid)(?:\\s*\\([^)]{0,20}\\))?\\s*[:=]\\s*)([A-Za-z0-9][A-Za-z0-9-]{3,})",
          m -> m.group(2).startsWith("<") ? null : m.group(1) + "<serial>"),
      rule("mac-address", "(?<![0-9A-Fa-f:-])" + HEX + "{2}([:-])(?:" + HEX + "{2}\\1){4}" + HEX + "{2}(?![0-9A-Fa-f:-])",
          m -> "<mac>"),
      rule("ip-address", "(?<![0-9A-Za-z:.])(?:" + HEX + "{0,4}:){2,7}" + HEX + "{0,4}(?![0-9A-Za-z:])",
          m -> isIpv6(m.group()) ? "<ip>" : null),
      rule("ip-address", "(?<![0-9A-Za-z.])(" + OCTET + "(?:\\." + OCTET + "){3})(?![0-9A-Za-z]|\\.\\d)",
          m -> m.group(1).startsWith("127.") || m.group(1).equals("0.0.0.0") || m.group(1).startsWith("255.") ? null : "<ip>"),
      rule("high-entropy-string", "(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+_=-]{32,}(?![A-Za-z0-9+/=_-])",
          m -> looksRandom(m.group()) ? SECRET : null));

  private RedactionRules() {}

  private static Rule rule(String kind, String regex, Function<MatchResult, String> replacer) {
    return new Rule(kind, Pattern.compile(regex), replacer);
  }

  /** The rules for one report, the user and host names it knows spliced in between. */
  static List<Rule> forNames(Collection<String> users, Collection<String> hosts) {
    List<Rule> rules = new ArrayList<>(CREDENTIALS);
    rules.add(HOME);
    // host names before user names (mbp-dana holds dana), each longest first (mbp-dana.local before mbp-dana)
    hosts.stream().sorted((a, b) -> b.length() - a.length()).forEach(h -> rules.add(word("host-name", h, "<host>")));
    users.stream().sorted((a, b) -> b.length() - a.length()).forEach(u -> rules.add(word("user-name", u, "<user>")));
    rules.addAll(ADDRESSES);
    return rules;
  }

  private static Rule word(String kind, String name, String placeholder) {
    return new Rule(kind, Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(name) + "(?![A-Za-z0-9_])",
        Pattern.CASE_INSENSITIVE), m -> placeholder);
  }

  /** User names found in home paths (/home/dana, /Users/dana, C:\Users\dana). */
  static void learnUsers(String text, Set<String> into) {
    Matcher m = HOME.pattern().matcher(text);
    while (m.find()) {
      if (!isPlaceholderOrShared(m.group(2))) {
        into.add(m.group(2));
      }
    }
  }

  static String apply(List<Rule> rules, String text, Set<String> kinds) {
    String s = text;
    for (Rule r : rules) {
      Matcher m = r.pattern().matcher(s);
      if (!m.find()) {
        continue;
      }
      m.reset();
      StringBuilder b = new StringBuilder(s.length());
      boolean changed = false;
      while (m.find()) {
        String replacement = r.replacer().apply(m.toMatchResult());
        m.appendReplacement(b, Matcher.quoteReplacement(replacement == null ? m.group() : replacement));
        changed |= replacement != null;
      }
      m.appendTail(b);
      if (changed) {
        kinds.add(r.kind());
        s = b.toString();
      }
    }
    return s;
  }

  private static boolean isPlaceholderOrShared(String name) {
    return name.startsWith("<") || Set.of("shared", "public", "default", "all users")
        .contains(name.toLowerCase(Locale.ROOT));
  }

  /** A full or compressed IPv6 address; clock times (12:30:45) and C++ scopes (c10::) are not. */
  static boolean isIpv6(String s) {
    int dbl = s.indexOf("::");
    if (dbl != s.lastIndexOf("::") || s.contains(":::")) {
      return false;
    }
    String[] groups = s.split(":", -1);
    long filled = java.util.Arrays.stream(groups).filter(g -> !g.isEmpty()).count();
    if (java.util.Arrays.stream(groups).anyMatch(g -> g.length() > 4)) {
      return false;
    }
    if (dbl < 0) {
      return groups.length == 8 && filled == 8;
    }
    return filled >= 2 && filled <= 7 && s.length() >= 6;
  }

  /**
   * A token that reads like a key: upper and lower case letters and digits mixed, and close to
   * random (Shannon entropy over 4 bits a character). Hex digests (16 symbols) and mangled C++
   * symbols (_Z...) stay, since a diagnosis needs them.
   */
  static boolean looksRandom(String s) {
    if (s.startsWith("_Z") || !s.chars().anyMatch(Character::isUpperCase) || !s.chars().anyMatch(Character::isLowerCase)
        || !s.chars().anyMatch(Character::isDigit)) {
      return false;
    }
    int[] counts = new int[128];
    s.chars().forEach(c -> counts[c & 127]++);
    double h = 0;
    for (int c : counts) {
      if (c > 0) {
        double p = (double) c / s.length();
        h -= p * Math.log(p) / Math.log(2);
      }
    }
    return h > 4.0;
  }
}
