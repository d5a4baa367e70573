package org.clearpath.api.contact;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.clearpath.api.problem.Inputs;
import org.clearpath.api.security.Principals;
import org.clearpath.api.security.Roles;
import org.clearpath.domain.contact.Channel;
import org.clearpath.domain.contact.ContactDetails;
import org.clearpath.domain.contact.ContactEntry;
import org.clearpath.domain.contact.Direction;
import org.clearpath.domain.contact.LoggingContacts;
import org.clearpath.domain.contact.Outcome;
import org.clearpath.domain.contact.Party;
import org.clearpath.domain.debt.DebtId;
import org.clearpath.domain.debt.LenderId;
import org.clearpath.domain.debt.Lenders;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;

/** A case's contact log: staff only; entries are appended and corrected, never edited. */
@Controller("/api/cases/{id}/contacts")
@Tag(name = "contacts")
public class ContactController {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
  private final LoggingContacts logging;
  private final Lenders lenders;

  ContactController(LoggingContacts logging, Lenders lenders) {
    this.logging = logging;
    this.lenders = lenders;
  }

  @Serdeable
  public record ContactView(
      String id,
      String at,
      String localTime,
      String zone,
      @Nullable String lenderId,
      @Nullable String lenderName,
      @Nullable String debtId,
      @Nullable String agency,
      @Nullable String collectorName,
      @Nullable String collectorNumber,
      String direction,
      String channel,
      String contacted,
      @Nullable String contactedNumber,
      boolean conversation,
      String summary,
      @Nullable String outcome,
      @Nullable String followUp,
      @io.swagger.v3.oas.annotations.media.Schema(
              description =
                  "for a third party: LOCATE_ONLY (asked only how to reach the client or to pass on"
                      + " a message) or DISCLOSED_DEBT (told of the debt, asked to pay); none: not"
                      + " known")
          @Nullable
          String thirdPartyPurpose,
      boolean thirdPartyAskedToStop,
      @Nullable String corrects,
      @Nullable String correctionReason,
      @Nullable String correctedBy,
      String recordedByName,
      String recordedAt) {}

  /** A contact as the counselor writes it: local time in the client's zone. */
  @Serdeable
  public record ContactRequest(
      @Nullable String localTime,
      @Nullable String zone,
      @Nullable String lenderId,
      @Nullable String debtId,
      @Nullable String agency,
      @Nullable String collectorName,
      @Nullable String collectorNumber,
      @Nullable String direction,
      @Nullable String channel,
      @Nullable String contacted,
      @Nullable String contactedNumber,
      @Nullable Boolean conversation,
      @Nullable String summary,
      @Nullable String outcome,
      @Nullable String followUp,
      @Nullable String thirdPartyPurpose,
      @Nullable Boolean thirdPartyAskedToStop,
      @Nullable String reason) {}

  @Operation(summary = "The case's contact log, corrected entries included, oldest first")
  @Get
  @io.micronaut.data.connection.annotation.Connectable
  @Secured({Roles.COUNSELOR, Roles.SUPERVISOR, Roles.CLIENT})
  public List<ContactView> list(@PathVariable String id, Authentication authentication) {
    return views(logging.ofCase(Inputs.caseId(id), Principals.actor(authentication)));
  }

  @Operation(summary = "Log a contact (the case's counselor)")
  @Post
  @Secured(Roles.COUNSELOR)
  public HttpResponse<ContactView> log(
      @PathVariable String id, @Body @Nullable ContactRequest request, Authentication auth) {
    var entry = logging.log(Inputs.caseId(id), details(request), Principals.actor(auth));
    return HttpResponse.created(views(List.of(entry)).getFirst());
  }

  @Operation(summary = "Correct an entry: a new entry replaces it, the old one stays")
  @Post("/{entryId}/corrections")
  @Secured(Roles.COUNSELOR)
  public HttpResponse<ContactView> correct(
      @PathVariable String id,
      @PathVariable String entryId,
      @Body @Nullable ContactRequest request,
      Authentication auth) {
    var corrected = Inputs.pathId("contact entry", entryId);
    var entry =
        logging.correct(
            Inputs.caseId(id),
            corrected,
            details(request),
            request == null ? null : request.reason(),
            Principals.actor(auth));
    return HttpResponse.created(views(List.of(entry)).getFirst());
  }

  private static ContactDetails details(ContactRequest request) {
    if (request == null) {
      throw new InvalidInput(
          "localTime", "send the contact", Message.of("refusal.send-the-contact"));
    }
    var zone = Inputs.zone("zone", request.zone());
    var at = Inputs.localTime("localTime", request.localTime(), zone);
    var lender = Inputs.uuid("lenderId", request.lenderId());
    var debt = Inputs.uuid("debtId", request.debtId());
    return new ContactDetails(
        at,
        zone,
        lender == null ? null : new LenderId(lender),
        debt == null ? null : new DebtId(debt),
        request.agency(),
        request.collectorName(),
        request.collectorNumber(),
        Inputs.oneOf("direction", request.direction(), Direction.class),
        Inputs.oneOf("channel", request.channel(), Channel.class),
        Inputs.oneOf("contacted", request.contacted(), Party.class),
        request.contactedNumber(),
        Boolean.TRUE.equals(request.conversation()),
        Inputs.required("summary", request.summary()),
        request.outcome() == null || request.outcome().isBlank()
            ? null
            : Inputs.oneOf("outcome", request.outcome(), Outcome.class),
        request.followUp() == null || request.followUp().isBlank()
            ? null
            : Inputs.date("followUp", request.followUp(), java.time.LocalDate.now().plusYears(5)),
        request.thirdPartyPurpose() == null || request.thirdPartyPurpose().isBlank()
            ? null
            : Inputs.oneOf(
                "thirdPartyPurpose",
                request.thirdPartyPurpose(),
                org.clearpath.domain.contact.ThirdPartyPurpose.class),
        Boolean.TRUE.equals(request.thirdPartyAskedToStop()));
  }

  private static String nameOf(org.clearpath.domain.debt.Lender lender) {
    return lender == null ? null : lender.name();
  }

  private List<ContactView> views(List<ContactEntry> entries) {
    var names =
        lenders.named(
            entries.stream()
                .map(e -> e.details().lender())
                .filter(java.util.Objects::nonNull)
                .toList());
    var correctedBy = new HashMap<UUID, UUID>();
    entries.stream()
        .filter(e -> e.corrects() != null)
        .forEach(e -> correctedBy.put(e.corrects(), e.id()));
    return entries.stream()
        .map(
            e -> {
              var d = e.details();
              var by = correctedBy.get(e.id());
              return new ContactView(
                  e.id().toString(),
                  d.at().toString(),
                  LOCAL.format(d.at().atZone(d.clientZone())),
                  d.clientZone().getId(),
                  d.lender() == null ? null : d.lender().toString(),
                  d.lender() == null ? null : nameOf(names.get(d.lender())),
                  d.debt() == null ? null : d.debt().toString(),
                  d.agency(),
                  d.collectorName(),
                  d.collectorNumber(),
                  d.direction().name(),
                  d.channel().name(),
                  d.contacted().name(),
                  d.contactedNumber(),
                  d.conversation(),
                  d.summary(),
                  d.outcome() == null ? null : d.outcome().name(),
                  d.followUp() == null ? null : d.followUp().toString(),
                  d.thirdPartyPurpose() == null ? null : d.thirdPartyPurpose().name(),
                  d.thirdPartyAskedToStop(),
                  e.corrects() == null ? null : e.corrects().toString(),
                  e.correctionReason(),
                  by == null ? null : by.toString(),
                  e.recordedByName(),
                  e.recordedAt().toString());
            })
        .toList();
  }
}
