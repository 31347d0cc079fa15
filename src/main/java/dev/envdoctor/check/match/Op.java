package dev.envdoctor.check.match;

/** A comparison operator as written in a check: {@code ">= 16GiB"}, {@code "!= unreachable"}. */
public enum Op {
  GE(">="), LE("<="), NE("!="), EQ("=="), GT(">"), LT("<");

  private final String symbol;

  Op(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  public boolean ordering() {
    return this != EQ && this != NE;
  }

  /** Whether {@code cmp} (actual compared to expected, as compareTo returns) satisfies this. */
  public boolean holds(int cmp) {
    return switch (this) {
      case GE -> cmp >= 0;
      case LE -> cmp <= 0;
      case NE -> cmp != 0;
      case EQ -> cmp == 0;
      case GT -> cmp > 0;
      case LT -> cmp < 0;
    };
  }
}
