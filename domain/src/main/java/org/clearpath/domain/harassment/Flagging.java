package org.clearpath.domain.harassment;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.clearpath.domain.casefile.GuardedCases;
import org.clearpath.domain.contact.ContactEntry;
import org.clearpath.domain.contact.ContactLog;
import org.clearpath.domain.debt.Lender;
import org.clearpath.domain.debt.LenderId;
import org.clearpath.domain.debt.Lenders;
import org.clearpath.domain.evidence.EvidenceFile;
import org.clearpath.domain.evidence.EvidenceFiles;
import org.clearpath.domain.shared.Actor;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;
import org.clearpath.domain.shared.NotFound;
import org.clearpath.domain.shared.NotPermitted;

/**
 * Use case: find harassment in a case's contact log with the rule packs in force, flag it (from a
 * finding, or by hand for what rules cannot see), take the client's own incident reports, dismiss
 * flags that do not hold. Audited.
 */
public final class Flagging {
  static final int MAX_DESCRIPTION = 4000;
  private final GuardedCases cases;
  private final ContactLog contacts;
  private final EvidenceFiles files;
  private final Flags flags;
  private final RulePacks packs;
  private final Lenders lenders;
  private final org.clearpath.domain.shared.Transactions transactions;

  public Flagging(
      GuardedCases cases,
      ContactLog contacts,
      EvidenceFiles files,
      Flags flags,
      RulePacks packs,
      Lenders lenders,
      org.clearpath.domain.shared.Transactions transactions) {
    this.transactions = transactions;
    this.cases = cases;
    this.contacts = contacts;
    this.files = files;
    this.flags = flags;
    this.packs = packs;
    this.lenders = lenders;
  }

  public RulePacks packs() {
    return packs;
  }

  /** What the rules find in the entries that stand (corrections replace what they correct). */
  public Findings findings(CaseId caseId, Actor actor) {
    // the log is only ever appended to, and the flags are one read: no common moment is needed
    var caseFile = cases.internal(caseId, actor, "harassment findings");
    var flagged =
        flags.ofCase(caseId).stream()
            .map(Flag::findingKey)
            .filter(java.util.Objects::nonNull)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    return new Findings(detect(caseFile), flagged);
  }

  /** What the rules find in a case's log, and the keys of the findings a flag covers already. */
  public record Findings(List<Finding> found, java.util.Set<String> flaggedKeys) {
    public Findings {
      found = List.copyOf(found);
      flaggedKeys = java.util.Set.copyOf(flaggedKeys);
    }
  }

  private List<Finding> detect(org.clearpath.domain.casefile.CaseFile caseFile) {
    var log = contacts.ofCase(caseFile.id());
    return detectIn(jurisdictionOf(caseFile), log, lendersOf(List.of(log)));
  }

  /** The jurisdiction whose packs judge a case: the client record's, else the office's. */
  public String jurisdictionOf(org.clearpath.domain.casefile.CaseFile caseFile) {
    return caseFile.jurisdictionOr(packs.office());
  }

  /** The lenders the entries name, read together. */
  private java.util.Map<LenderId, Lender> lendersOf(java.util.Collection<List<ContactEntry>> logs) {
    var ids =
        logs.stream()
            .flatMap(List::stream)
            .map(e -> e.details().lender())
            .filter(java.util.Objects::nonNull)
            .collect(Collectors.toSet());
    return ids.isEmpty() ? java.util.Map.of() : lenders.named(ids);
  }

  /** What the rules find in a case's log, judged on the entries that stand. */
  private List<Finding> detectIn(
      String jurisdiction, List<ContactEntry> log, java.util.Map<LenderId, Lender> named) {
    return packs.findIn(
        jurisdiction,
        ContactEntry.current(log).stream()
            .map(
                e ->
                    CollectionContact.of(
                        e, e.details().lender() == null ? null : named.get(e.details().lender())))
            .toList());
  }

  /**
   * What the rules find in each of these cases' logs, read together, flagged or not: for the
   * findings kept beside each case ({@link JudgingFindings}), in the caller's transaction.
   */
  java.util.Map<CaseId, List<Finding>> judged(java.util.Collection<CaseId> caseIds) {
    var logs = contacts.ofCases(caseIds);
    var named = lendersOf(logs.values());
    var jurisdictions = new java.util.HashMap<CaseId, String>();
    for (var caseFile : cases.caseFiles().findAll(logs.keySet())) {
      jurisdictions.put(caseFile.id(), jurisdictionOf(caseFile));
    }
    var found = new java.util.LinkedHashMap<CaseId, List<Finding>>();
    for (var caseId : caseIds) {
      found.put(
          caseId,
          detectIn(
              jurisdictions.getOrDefault(caseId, packs.office()),
              logs.getOrDefault(caseId, List.of()),
              named));
    }
    return found;
  }

  public List<Flag> ofCase(CaseId caseId, Actor actor) {
    // one read after the reach check: no transaction needed
    cases.internal(caseId, actor, "harassment flags");
    return flags.ofCase(caseId);
  }

  /** The client's own incident reports; staff see every report on the case. */
  public List<Flag> reports(CaseId caseId, Actor actor) {
    return transactions.readOnly(
        () -> {
          var caseFile = cases.visible(caseId, actor);
          var staff = cases.policy().seesInternals(actor, caseFile);
          return flags.ofCase(caseId).stream()
              .filter(f -> f.source() == Flag.Source.CLIENT)
              .filter(f -> staff || f.raisedBy().equals(actor.id()))
              .toList();
        });
  }

  public Flag fromFinding(CaseId caseId, String findingKey, Actor actor) {
    return transactions.inOne(
        () -> {
          var caseFile = cases.changeable(caseId, actor);
          var finding =
              detect(caseFile).stream()
                  .filter(f -> f.key().equals(findingKey))
                  .findFirst()
                  .orElseThrow(
                      () ->
                          new InvalidInput(
                              "finding",
                              "no such finding on this case (the log may have changed)",
                              Message.of("refusal.no-such-finding-on-this-case-the")));
          if (flags.ofCase(caseId).stream().anyMatch(f -> findingKey.equals(f.findingKey()))) {
            throw new InvalidInput(
                "finding",
                "this finding is already flagged",
                Message.of("refusal.this-finding-is-already-flagged"));
          }
          var entryIds = finding.entryIds().stream().map(UUID::fromString).toList();
          var withHistory = ContactEntry.withCorrected(contacts.ofCase(caseId), entryIds);
          var attached =
              files.ofCase(caseId).stream()
                  .filter(f -> f.contactId() != null && withHistory.contains(f.contactId()))
                  .map(EvidenceFile::id)
                  .toList();
          var flag =
              new Flag(
                  UUID.randomUUID(),
                  caseId,
                  finding.kind(),
                  Flag.Source.DETECTED,
                  finding.rule(),
                  finding.key(),
                  finding.description(),
                  finding.why(),
                  finding.from(),
                  finding.to(),
                  entryIds,
                  attached,
                  Flag.Status.OPEN,
                  null,
                  actor.id(),
                  actor.username(),
                  cases.now(),
                  0);
          return add(flag, actor);
        });
  }

  /** A flag by hand, for what the rules cannot see (threats, insults, fake documents…). */
  public Flag raise(
      CaseId caseId,
      FlagKind kind,
      String description,
      LocalDate from,
      LocalDate to,
      List<UUID> contactIds,
      List<UUID> evidenceIds,
      Actor actor) {
    return transactions.inOne(
        () -> {
          cases.changeable(caseId, actor);
          var text = description(description);
          period(from, to);
          var entries = distinct(contactIds);
          var inCase =
              contacts.ofCase(caseId).stream().map(ContactEntry::id).collect(Collectors.toSet());
          for (int i = 0; i < entries.size(); i++) {
            if (!inCase.contains(entries.get(i))) {
              throw new InvalidInput(
                  "contactIds[" + i + "]",
                  "not a contact entry of this case",
                  org.clearpath.domain.shared.Message.of("input.not-of-case"));
            }
          }
          var fileIds = caseFiles(caseId, evidenceIds, null);
          var flag =
              new Flag(
                  UUID.randomUUID(),
                  caseId,
                  kind,
                  Flag.Source.COUNSELOR,
                  null,
                  null,
                  text,
                  Flag.WRITTEN,
                  from,
                  to == null ? from : to,
                  entries,
                  fileIds,
                  Flag.Status.OPEN,
                  null,
                  actor.id(),
                  actor.username(),
                  cases.now(),
                  0);
          return add(flag, actor);
        });
  }

  /** The client reports an incident from the portal, with files they uploaded themselves. */
  public Flag report(
      CaseId caseId,
      FlagKind kind,
      String description,
      LocalDate happenedOn,
      List<UUID> evidenceIds,
      LocalDate today,
      Actor actor) {
    return transactions.inOne(
        () -> {
          var caseFile = cases.visible(caseId, actor);
          if (!caseFile.belongsToClient(actor.id())) {
            throw new NotPermitted("clients report incidents on their own case");
          }
          var text = description(description);
          if (happenedOn == null) {
            throw new InvalidInput(
                "happenedOn",
                "say on which day it happened",
                Message.of("refusal.say-on-which-day-it-happened"));
          }
          if (happenedOn.isAfter(today)) {
            throw new InvalidInput(
                "happenedOn",
                "the day cannot lie in the future",
                org.clearpath.domain.shared.Message.of("input.future"));
          }
          var fileIds = caseFiles(caseId, evidenceIds, actor);
          var flag =
              new Flag(
                  UUID.randomUUID(),
                  caseId,
                  kind,
                  Flag.Source.CLIENT,
                  null,
                  null,
                  text,
                  Flag.WRITTEN,
                  happenedOn,
                  happenedOn,
                  List.of(),
                  fileIds,
                  Flag.Status.OPEN,
                  null,
                  actor.id(),
                  actor.username(),
                  cases.now(),
                  0);
          return add(flag, actor);
        });
  }

  /** The case a flag belongs to (the caller checks access to it). */
  public CaseId caseOf(UUID flagId) {
    return flags.find(flagId).map(Flag::caseId).orElseThrow(() -> new NotFound("flag " + flagId));
  }

  public void dismiss(UUID flagId, String reason, long version, Actor actor) {
    transactions.inOne(
        () -> {
          var flag = flags.find(flagId).orElseThrow(() -> new NotFound("flag " + flagId));
          cases.changeable(flag.caseId(), actor);
          if (reason == null || reason.isBlank()) {
            throw new InvalidInput(
                "reason",
                "say why the flag does not hold",
                org.clearpath.domain.shared.Message.of("input.reason"));
          }
          if (flag.status() == Flag.Status.DISMISSED) {
            throw new InvalidInput(
                "status",
                "the flag is already dismissed",
                Message.of("refusal.the-flag-is-already-dismissed"));
          }
          flags.dismiss(flagId, reason.strip(), version);
          var details = new LinkedHashMap<String, String>();
          details.put("flag", flagId.toString());
          details.put("reason", reason.strip());
          cases.audit(flag.caseId(), actor, "flag.dismissed", details);
          return null;
        });
  }

  private Flag add(Flag flag, Actor actor) {
    flags.add(flag);
    var details = new LinkedHashMap<String, String>();
    details.put("flag", flag.id().toString());
    details.put("kind", flag.kind().name());
    details.put("source", flag.source().name());
    if (flag.rule() != null) {
      details.put("rule", flag.rule());
    }
    details.put("entries", Integer.toString(flag.contactIds().size()));
    details.put("files", Integer.toString(flag.evidenceIds().size()));
    cases.audit(flag.caseId(), actor, "flag.raised", details);
    return flag;
  }

  /** Files of the case; when {@code uploader} is given, only files that client brought in. */
  private List<UUID> caseFiles(CaseId caseId, List<UUID> evidenceIds, Actor uploader) {
    var ids = distinct(evidenceIds);
    var allowed =
        files.ofCase(caseId).stream()
            .filter(f -> uploader == null || f.uploadedBy().equals(uploader.id()))
            .map(EvidenceFile::id)
            .collect(Collectors.toSet());
    for (int i = 0; i < ids.size(); i++) {
      if (!allowed.contains(ids.get(i))) {
        throw new InvalidInput(
            "evidenceIds[" + i + "]",
            "not an evidence file of this case",
            Message.of("input.not-of-case"));
      }
    }
    return ids;
  }

  private static List<UUID> distinct(List<UUID> ids) {
    if (ids == null) {
      return List.of();
    }
    Set<UUID> set = new LinkedHashSet<>(ids);
    return List.copyOf(set);
  }

  private static String description(String description) {
    if (description == null || description.isBlank()) {
      throw new InvalidInput(
          "description",
          "describe what happened",
          org.clearpath.domain.shared.Message.of("input.describe"));
    }
    if (description.length() > MAX_DESCRIPTION) {
      throw new InvalidInput(
          "description",
          "at most " + MAX_DESCRIPTION + " characters",
          org.clearpath.domain.shared.Message.of("input.max-length", "max", MAX_DESCRIPTION));
    }
    return description.strip();
  }

  private static void period(LocalDate from, LocalDate to) {
    if (from == null) {
      throw new InvalidInput(
          "from", "say when it started", Message.of("refusal.say-when-it-started"));
    }
    if (to != null && to.isBefore(from)) {
      throw new InvalidInput(
          "to",
          "the period ends after it starts",
          org.clearpath.domain.shared.Message.of("input.period"));
    }
  }
}
