package dev.envdoctor.check.path;

/**
 * A fact path checked against the schema: the field it ends on, and whether it can select many
 * values (it passes through a list) — then it reads as "at least one, and all of them".
 */
public record ResolvedPath(FactPath path, FactSchema.Node leaf, boolean multi) {

  /** The last field name (its suffix tells the unit: availableBytes, maxFrequencyHz, medianMs). */
  public String leafName() {
    return leaf.name();
  }

  /** True when the path yields a count (count(...)) rather than the field's own values. */
  public boolean counts() {
    return path.quantifier() == FactPath.Quantifier.COUNT;
  }

  @Override
  public String toString() {
    return path.toString();
  }
}
