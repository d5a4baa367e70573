package org.clearpath.domain.contact;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearpath.domain.audit.AccessEntry;
import org.clearpath.domain.casefile.GuardedCases;
import org.clearpath.domain.debt.Debts;
import org.clearpath.domain.debt.Lenders;
import org.clearpath.domain.shared.Actor;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;
import org.clearpath.domain.shared.NotFound;

/**
 * Use case: the case's counselor logs contacts and corrects them; counselors and supervisors read
 * the log. Clients never see it (it is the counselor's working record). Every write is audited.
 */
public final class LoggingContacts {
  static final int MAX_SUMMARY = 4000;
  static final int MAX_TEXT = 200;
  private static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final GuardedCases cases;
  private final ContactLog log;
  private final Lenders lenders;
  private final Debts debts;
  private final org.clearpath.domain.shared.Transactions transactions;

  public LoggingContacts(
      GuardedCases cases,
      ContactLog log,
      Lenders lenders,
      Debts debts,
      org.clearpath.domain.shared.Transactions transactions) {
    this.transactions = transactions;
    this.cases = cases;
    this.log = log;
    this.lenders = lenders;
    this.debts = debts;
  }

  /** The whole log, corrected entries included (the UI shows what replaced what). */
  public List<ContactEntry> ofCase(CaseId caseId, Actor actor) {
    cases.internal(caseId, actor, "the contact log");
    cases.read(caseId, actor, AccessEntry.Access.CONTACTS);
    return log.ofCase(caseId);
  }

  public ContactEntry log(CaseId caseId, ContactDetails details, Actor actor) {
    return transactions.inOne(
        () -> {
          cases.changeable(caseId, actor);
          var checked = check(caseId, details);
          var entry =
              new ContactEntry(
                  UUID.randomUUID(),
                  caseId,
                  checked,
                  null,
                  null,
                  actor.id(),
                  actor.username(),
                  cases.now());
          log.append(entry);
          cases.audit(caseId, actor, "contact.logged", describe(entry));
          return entry;
        });
  }

  /** Writes a new entry that replaces {@code correctedId}; the old one stays, marked corrected. */
  public ContactEntry correct(
      CaseId caseId, UUID correctedId, ContactDetails details, String reason, Actor actor) {
    return transactions.inOne(
        () -> {
          cases.changeable(caseId, actor);
          var old =
              log.find(correctedId)
                  .filter(e -> e.caseId().equals(caseId))
                  .orElseThrow(() -> new NotFound("contact entry " + correctedId));
          if (reason == null || reason.isBlank()) {
            throw new InvalidInput(
                "reason",
                "say why the entry is corrected",
                org.clearpath.domain.shared.Message.of("input.reason"));
          }
          if (reason.length() > MAX_TEXT) {
            throw new InvalidInput(
                "reason",
                "at most " + MAX_TEXT + " characters",
                org.clearpath.domain.shared.Message.of("input.max-length", "max", MAX_TEXT));
          }
          var checked = check(caseId, details);
          var entry =
              new ContactEntry(
                  UUID.randomUUID(),
                  caseId,
                  checked,
                  old.id(),
                  reason.strip(),
                  actor.id(),
                  actor.username(),
                  cases.now());
          log.append(entry);
          var audit = describe(entry);
          audit.put("corrects", old.id().toString());
          audit.put("reason", entry.correctionReason());
          cases.audit(caseId, actor, "contact.corrected", audit);
          return entry;
        });
  }

  private ContactDetails check(CaseId caseId, ContactDetails details) {
    if (details.at().isBefore(EARLIEST) || details.at().isAfter(cases.now().plus(CLOCK_SKEW))) {
      throw new InvalidInput(
          "at",
          "a contact is logged once it has happened (and after 1990)",
          Message.of("refusal.a-contact-is-logged-once-it-has"));
    }
    if (details.summary().isBlank()) {
      throw new InvalidInput(
          "summary",
          "say what was said or written",
          org.clearpath.domain.shared.Message.of("input.describe"));
    }
    if (details.summary().length() > MAX_SUMMARY) {
      throw new InvalidInput(
          "summary",
          "at most " + MAX_SUMMARY + " characters",
          org.clearpath.domain.shared.Message.of("input.max-length", "max", MAX_SUMMARY));
    }
    length("agency", details.agency());
    length("collectorName", details.collectorName());
    length("collectorNumber", details.collectorNumber());
    length("contactedNumber", details.contactedNumber());
    var lender = details.lender();
    if (details.debt() != null) {
      var debt =
          debts
              .find(details.debt())
              .filter(d -> d.caseId().equals(caseId))
              .orElseThrow(
                  () ->
                      new InvalidInput(
                          "debtId",
                          "not a debt of this case",
                          org.clearpath.domain.shared.Message.of("input.not-of-case")));
      if (lender != null && !lender.equals(debt.lender().id())) {
        throw new InvalidInput(
            "lenderId",
            "the debt is owed to another lender",
            Message.of("refusal.the-debt-is-owed-to-another-lender"));
      }
      lender = debt.lender().id();
    } else if (lender != null && lenders.find(lender).isEmpty()) {
      throw new InvalidInput("lenderId", "no such lender", Message.of("refusal.no-such-lender"));
    }
    if (details.followUp() != null
        && details.followUp().isBefore(details.at().atZone(details.clientZone()).toLocalDate())) {
      throw new InvalidInput(
          "followUp",
          "a follow-up comes after the contact",
          Message.of("refusal.a-follow-up-comes-after-the-contact"));
    }
    return new ContactDetails(
        details.at(),
        details.clientZone(),
        lender,
        details.debt(),
        details.agency(),
        details.collectorName(),
        details.collectorNumber(),
        details.direction(),
        details.channel(),
        details.contacted(),
        details.contactedNumber(),
        details.channel() == Channel.PHONE && details.conversation(),
        details.summary().strip(),
        details.outcome(),
        details.followUp(),
        details.thirdPartyPurpose(),
        details.thirdPartyAskedToStop());
  }

  private static void length(String field, String text) {
    if (text != null && text.length() > MAX_TEXT) {
      throw new InvalidInput(
          field,
          "at most " + MAX_TEXT + " characters",
          org.clearpath.domain.shared.Message.of("input.max-length", "max", MAX_TEXT));
    }
  }

  private static Map<String, String> describe(ContactEntry entry) {
    var d = entry.details();
    var details = new LinkedHashMap<String, String>();
    details.put("entry", entry.id().toString());
    details.put("at", d.at().toString());
    details.put("direction", d.direction().name());
    details.put("channel", d.channel().name());
    details.put("contacted", d.contacted().name());
    if (d.lender() != null) {
      details.put("lender", d.lender().toString());
    }
    if (d.thirdPartyPurpose() != null) {
      details.put("thirdPartyPurpose", d.thirdPartyPurpose().name());
    }
    if (d.thirdPartyAskedToStop()) {
      details.put("thirdPartyAskedToStop", "true");
    }
    return details;
  }
}
