package org.clearpath.api.plan;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.clearpath.api.problem.Inputs;
import org.clearpath.api.security.Principals;
import org.clearpath.api.security.Roles;
import org.clearpath.domain.plan.CalendarFeed;
import org.clearpath.domain.shared.NotFound;

/**
 * The client's calendar feed of upcoming instalments. Managed by the logged-in client; read by
 * calendar apps at its secret URL without logging in.
 */
@Controller
@Tag(name = "calendar")
public class CalendarController {
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private final CalendarFeed feed;
  private final String publicUrl;

  CalendarController(CalendarFeed feed, @Value("${clearpath.public-url}") String publicUrl) {
    this.feed = feed;
    this.publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  @Serdeable
  public record FeedView(boolean active, @Nullable String createdAt, @Nullable String url) {}

  @Operation(summary = "Whether the case has a calendar feed (its URL is shown only when made)")
  @Get("/api/cases/{id}/calendar")
  @io.micronaut.data.connection.annotation.Connectable
  @Secured({Roles.COUNSELOR, Roles.SUPERVISOR, Roles.CLIENT})
  public FeedView status(@PathVariable String id, Authentication auth) {
    var created = feed.status(Inputs.caseId(id), Principals.actor(auth));
    return new FeedView(created.isPresent(), created.map(Instant::toString).orElse(null), null);
  }

  @Operation(summary = "The client makes a new secret feed URL; an earlier one stops working")
  @Post("/api/cases/{id}/calendar")
  @Secured(Roles.CLIENT)
  public HttpResponse<FeedView> create(@PathVariable String id, Authentication auth) {
    var secret = feed.create(Inputs.caseId(id), Principals.actor(auth));
    return HttpResponse.created(
        new FeedView(true, Instant.now().toString(), publicUrl + "/calendar/" + secret + ".ics"));
  }

  @Operation(summary = "Revoke the feed (the client, or the case's counselor)")
  @Delete("/api/cases/{id}/calendar")
  @Secured({Roles.COUNSELOR, Roles.CLIENT})
  public HttpResponse<Void> revoke(@PathVariable String id, Authentication auth) {
    feed.revoke(Inputs.caseId(id), Principals.actor(auth));
    return HttpResponse.noContent();
  }

  @Operation(summary = "The feed itself (iCalendar), at its secret URL")
  @Get(value = "/calendar/{file}", produces = "text/calendar")
  @io.micronaut.data.connection.annotation.Connectable
  @Secured(SecurityRule.IS_ANONYMOUS)
  public HttpResponse<String> ics(@PathVariable String file) {
    if (!file.endsWith(".ics")) {
      throw new NotFound("calendar feed");
    }
    var upcoming = feed.upcoming(file.substring(0, file.length() - ".ics".length()));
    var now = STAMP.format(Instant.now());
    var ics = new StringBuilder();
    line(ics, "BEGIN:VCALENDAR");
    line(ics, "VERSION:2.0");
    line(ics, "PRODID:-//Clearpath//Repayment plan//ZH");
    line(ics, "CALSCALE:GREGORIAN");
    line(ics, "METHOD:PUBLISH");
    line(ics, "X-WR-CALNAME:还款计划 Repayment plan");
    for (var u : upcoming) {
      var i = u.standing().instalment();
      var debts = String.join(", ", u.plan().debts().stream().map(d -> d.label()).toList());
      var amount =
          u.standing().unpaid().amount().toPlainString()
              + " "
              + u.plan().agreedTotal().currency().getCurrencyCode();
      line(ics, "BEGIN:VEVENT");
      line(ics, "UID:" + u.plan().id() + "-" + i.number() + "@clearpath");
      line(ics, "DTSTAMP:" + now);
      line(ics, "DTSTART;VALUE=DATE:" + DAY.format(i.dueOn()));
      line(ics, "DTEND;VALUE=DATE:" + DAY.format(i.dueOn().plusDays(1)));
      line(ics, "SUMMARY:" + escape("还款 Payment " + amount + " · " + debts));
      line(
          ics,
          "DESCRIPTION:"
              + escape(
                  "第 "
                      + i.number()
                      + " 期 / instalment "
                      + i.number()
                      + " of "
                      + u.plan().schedule().size()
                      + ": "
                      + amount));
      line(ics, "TRANSP:TRANSPARENT");
      line(ics, "BEGIN:VALARM");
      line(ics, "ACTION:DISPLAY");
      line(ics, "DESCRIPTION:" + escape("还款 Payment " + amount));
      line(ics, "TRIGGER:-P1D");
      line(ics, "END:VALARM");
      line(ics, "END:VEVENT");
    }
    line(ics, "END:VCALENDAR");
    return HttpResponse.ok(ics.toString())
        .contentType(new MediaType("text/calendar; charset=utf-8"))
        .header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer");
  }

  /** RFC 5545 text: backslash, semicolon, comma and newline escaped. */
  static String escape(String text) {
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
  }

  /** A content line, folded at 75 octets (never inside a UTF-8 character), ended with CRLF. */
  static void line(StringBuilder out, String content) {
    var bytes = 0;
    for (int i = 0; i < content.length(); ) {
      var cp = content.codePointAt(i);
      var size =
          new String(Character.toChars(cp))
              .getBytes(java.nio.charset.StandardCharsets.UTF_8)
              .length;
      if (bytes + size > 75) {
        out.append("\r\n ");
        bytes = 1;
      }
      out.appendCodePoint(cp);
      bytes += size;
      i += Character.charCount(cp);
    }
    out.append("\r\n");
  }
}
