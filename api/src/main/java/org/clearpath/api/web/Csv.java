package org.clearpath.api.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** CSV for spreadsheets: UTF-8 with a BOM (so Excel reads Chinese), every cell quoted and safe. */
public final class Csv {
  private final StringBuilder text = new StringBuilder("\uFEFF");

  public Csv(String... header) {
    row(List.of(header));
  }

  public Csv row(List<String> cells) {
    text.append(String.join(",", cells.stream().map(Csv::cell).toList())).append("\r\n");
    return this;
  }

  public Csv row(String... cells) {
    return row(java.util.Arrays.asList(cells));
  }

  public byte[] bytes() {
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A CSV cell, quoted; a leading = + - @ is defused so spreadsheets do not run it. */
  public static String cell(String value) {
    if (value == null) {
      return "";
    }
    var text = value;
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }
}
