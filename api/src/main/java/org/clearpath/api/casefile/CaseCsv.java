package org.clearpath.api.casefile;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.clearpath.api.web.Csv;
import org.clearpath.domain.casefile.CaseQuery;
import org.clearpath.domain.shared.Actor;

/**
 * The filtered caseload as CSV, read page by page (200 cases at a time) as the server sends it: the
 * next page is fetched only when the previous one has gone out, so memory stays at one page
 * whatever the office's size. No thread of its own: whoever reads the stream runs the queries.
 */
final class CaseCsv extends InputStream {
  private final CaseFileService service;
  private final CaseQuery first;
  private final Actor actor;
  private byte[] buffer;
  private int position;
  private int nextPage;
  private boolean lastPageRead;

  CaseCsv(CaseFileService service, CaseQuery first, Actor actor) {
    this.service = service;
    this.first = first;
    this.actor = actor;
    this.buffer =
        new Csv("case_id", "client", "status", "stage", "counselor", "client_login", "opened_at")
            .bytes();
  }

  @Override
  public int read() {
    if (!fill()) {
      return -1;
    }
    return buffer[position++] & 0xff;
  }

  @Override
  public int read(byte[] into, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    var count = Math.min(length, buffer.length - position);
    System.arraycopy(buffer, position, into, offset, count);
    position += count;
    return count;
  }

  /** Whether there are bytes to read; fetches the next page when the buffer is empty. */
  private boolean fill() {
    while (position >= buffer.length) {
      if (lastPageRead || nextPage > CaseQuery.MAX_PAGE) {
        return false;
      }
      var found = service.page(first.page(nextPage++, first.size()), actor);
      lastPageRead = found.cases().size() < first.size();
      var rows = new StringBuilder();
      for (var c : found.cases()) {
        rows.append(
                String.join(
                    ",",
                    Csv.cell(c.id().toString()),
                    Csv.cell(c.clientName().value()),
                    Csv.cell(c.status().name()),
                    Csv.cell(c.stage().name()),
                    Csv.cell(c.counselorName()),
                    Csv.cell(c.hasPortalLogin() ? "yes" : "no"),
                    Csv.cell(c.openedAt().toString())))
            .append("\r\n");
      }
      buffer = rows.toString().getBytes(StandardCharsets.UTF_8);
      position = 0;
    }
    return true;
  }
}
