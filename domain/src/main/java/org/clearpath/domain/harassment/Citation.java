package org.clearpath.domain.harassment;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Where a rule comes from: the document in its own language and in English, who issued it, the
 * article where known, the document's date, and whether the rule's wording was checked against the
 * source text ({@code false}: as reported by secondary sources).
 */
public record Citation(
    String document,
    String documentEn,
    String issuer,
    String issuerEn,
    String article,
    LocalDate date,
    boolean checked) {
  public Citation {
    document = required(document, "document");
    documentEn = required(documentEn, "documentEn");
    issuer = required(issuer, "issuer");
    issuerEn = required(issuerEn, "issuerEn");
    article = article == null || article.isBlank() ? null : article.strip();
    Objects.requireNonNull(date, "date");
  }

  private static String required(String text, String field) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
    return text.strip();
  }

  /** The citation as one line, in Chinese or English, for a complaint's text. */
  public String line(boolean chinese) {
    var text = new StringBuilder();
    if (chinese) {
      text.append(issuer).append(' ').append(document);
      if (article != null) {
        text.append(' ').append(article);
      }
      text.append('（').append(date).append('）');
    } else {
      text.append(issuerEn).append(", ").append(documentEn);
      if (article != null) {
        text.append(", ").append(article);
      }
      text.append(" (").append(date).append(')');
    }
    return text.toString();
  }
}
