package dev.envdoctor.recommend;

import java.util.ArrayList;
import java.util.List;

/** Plain aligned columns: text left, numbers right (a cell starting with a digit or sign). */
final class Table {

  private final List<String[]> rows = new ArrayList<>();

  Table row(String... cells) {
    rows.add(cells);
    return this;
  }

  List<String> lines(String indent) {
    int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
    int[] width = new int[columns];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    List<String> out = new ArrayList<>();
    boolean header = true;
    for (String[] r : rows) {
      StringBuilder b = new StringBuilder(indent);
      for (int i = 0; i < r.length; i++) {
        String cell = r[i];
        boolean number = !header && !cell.isEmpty() && (Character.isDigit(cell.charAt(0)) || cell.charAt(0) == '-');
        String pad = " ".repeat(width[i] - cell.length());
        b.append(number ? pad + cell : cell + pad);
        if (i < r.length - 1) {
          b.append("  ");
        }
      }
      out.add(b.toString().stripTrailing());
      header = false;
    }
    return out;
  }
}
