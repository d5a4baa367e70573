package org.clearpath.api.harassment;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A small PDF writer for text documents in Chinese and English. It uses the standard Adobe-GB1 font
 * STSong-Light with the UniGB-UTF16-H encoding, which PDF readers supply themselves, so no font is
 * embedded and none needs to be installed on the server. Lines are wrapped to the A4 page (ASCII
 * half-width, everything else full-width) and pages break as they fill.
 */
public final class SimplePdf {
  private static final int WIDTH = 595;
  private static final int HEIGHT = 842;
  private static final int MARGIN = 50;

  record Line(String text, int size) {}

  private final List<List<String>> pages = new ArrayList<>();
  private StringBuilder page;
  private int y;

  public SimplePdf() {
    newPage();
  }

  private void newPage() {
    page = new StringBuilder();
    pages.add(new ArrayList<>());
    y = HEIGHT - MARGIN;
  }

  /** Writes a paragraph; {@code \n} starts a new line. */
  public SimplePdf text(String text, int size) {
    for (var raw : text.split("\n", -1)) {
      for (var line : wrap(raw, size)) {
        var leading = size + size / 2;
        if (y - leading < MARGIN) {
          pages.getLast().add(page.toString());
          newPage();
        }
        y -= leading;
        page.append("BT /F1 ")
            .append(size)
            .append(" Tf ")
            .append(MARGIN)
            .append(' ')
            .append(y)
            .append(" Td <")
            .append(HexFormat.of().formatHex(line.getBytes(StandardCharsets.UTF_16BE)))
            .append("> Tj ET\n");
      }
    }
    return this;
  }

  public SimplePdf gap() {
    y -= 8;
    return this;
  }

  static List<String> wrap(String text, int size) {
    var limit = (WIDTH - 2 * MARGIN) * 1000 / size;
    var lines = new ArrayList<String>();
    var current = new StringBuilder();
    int width = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int w = cp >= 0x20 && cp < 0x7F ? 500 : 1000;
      if (width + w > limit && current.length() > 0) {
        lines.add(current.toString());
        current.setLength(0);
        width = 0;
      }
      current.appendCodePoint(cp);
      width += w;
      i += Character.charCount(cp);
    }
    lines.add(current.toString());
    return lines;
  }

  public byte[] render() {
    pages.getLast().add(page.toString());
    var out = new ByteArrayOutputStream();
    var offsets = new ArrayList<Integer>();
    write(out, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
    int pageCount = pages.size();
    // objects: 1 catalog, 2 pages, 3 font, 4 descendant, 5 descriptor, then page/content pairs
    var kids = new StringBuilder();
    for (int p = 0; p < pageCount; p++) {
      kids.append(6 + 2 * p).append(" 0 R ");
    }
    var objects = new ArrayList<String>();
    objects.add("<< /Type /Catalog /Pages 2 0 R >>");
    objects.add("<< /Type /Pages /Kids [" + kids + "] /Count " + pageCount + " >>");
    objects.add(
        "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UTF16-H"
            + " /DescendantFonts [4 0 R] >>");
    objects.add(
        "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo"
            + " << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 5 0 R"
            + " /DW 1000 /W [1 95 500] >>");
    objects.add(
        "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880]"
            + " /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>");
    for (int p = 0; p < pageCount; p++) {
      objects.add(
          "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 "
              + WIDTH
              + " "
              + HEIGHT
              + "] /Resources << /Font << /F1 3 0 R >> >> /Contents "
              + (7 + 2 * p)
              + " 0 R >>");
      var content = String.join("", pages.get(p)).getBytes(StandardCharsets.US_ASCII);
      objects.add(
          "<< /Length "
              + content.length
              + " >>\nstream\n"
              + new String(content, StandardCharsets.US_ASCII)
              + "\nendstream");
    }
    for (int i = 0; i < objects.size(); i++) {
      offsets.add(out.size());
      write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
    }
    int xref = out.size();
    var table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
    for (var offset : offsets) {
      table.append(String.format("%010d 00000 n \n", offset));
    }
    write(out, table.toString());
    write(
        out,
        "trailer\n<< /Size "
            + (objects.size() + 1)
            + " /Root 1 0 R >>\nstartxref\n"
            + xref
            + "\n%%EOF\n");
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
  }
}
