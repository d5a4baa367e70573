package org.clearpath.domain.harassment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.clearpath.domain.casefile.GuardedCases;
import org.clearpath.domain.contact.ContactEntry;
import org.clearpath.domain.contact.ContactLog;
import org.clearpath.domain.debt.Lenders;
import org.clearpath.domain.evidence.EvidenceFiles;
import org.clearpath.domain.evidence.HandlingEvidence;
import org.clearpath.domain.shared.Actor;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;
import org.clearpath.domain.shared.NotFound;
import org.clearpath.domain.shared.NotPermitted;
import org.clearpath.domain.shared.Role;
import org.clearpath.domain.shared.StaleVersion;

/**
 * Use case: complaints from flags. The case's counselor drafts (the text is generated, then
 * edited), a supervisor reviews or returns the draft, the counselor files it with the date and
 * reference number and records the answer and the close. Every step is audited; the evidence bundle
 * is checked file by file when it is put together.
 */
public final class HandlingComplaints {
  static final int MAX_TEXT = 20_000;
  static final int MAX_SHORT = 200;
  private final GuardedCases cases;
  private final Complaints complaints;
  private final Flags flags;
  private final ContactLog contacts;
  private final EvidenceFiles files;
  private final HandlingEvidence evidence;
  private final Lenders lenders;
  private final List<ComplaintBody> bodies;
  private final RulePacks packs;
  private final org.clearpath.domain.shared.Transactions transactions;

  public HandlingComplaints(
      GuardedCases cases,
      Complaints complaints,
      Flags flags,
      ContactLog contacts,
      EvidenceFiles files,
      HandlingEvidence evidence,
      Lenders lenders,
      List<ComplaintBody> bodies,
      RulePacks packs,
      org.clearpath.domain.shared.Transactions transactions) {
    this.transactions = transactions;
    this.packs = packs;
    this.cases = cases;
    this.complaints = complaints;
    this.flags = flags;
    this.contacts = contacts;
    this.files = files;
    this.evidence = evidence;
    this.lenders = lenders;
    this.bodies = List.copyOf(bodies);
  }

  /**
   * The citation of the rule a flag from a finding breaks, in the pack's version in force on the
   * flag's first day; {@code null} for a flag raised by hand or reported by the client.
   */
  public Citation citationOf(Flag flag) {
    return flag.rule() == null
        ? null
        : packs.locate(flag.rule(), flag.from()).map(RulePacks.Located::citation).orElse(null);
  }

  public List<ComplaintBody> bodies() {
    return bodies;
  }

  public Optional<ComplaintBody> body(String code) {
    return bodies.stream().filter(b -> b.code().equals(code)).findFirst();
  }

  public List<Complaint> ofCase(CaseId caseId, Actor actor) {
    return transactions.readOnly(
        () -> {
          cases.internal(caseId, actor, "complaints");
          return complaints.ofCase(caseId);
        });
  }

  public Complaint find(UUID id, Actor actor) {
    return transactions.readOnly(
        () -> {
          var complaint = complaints.find(id).orElseThrow(() -> new NotFound("complaint " + id));
          try {
            cases.internal(complaint.caseId(), actor, "complaints");
          } catch (NotFound e) {
            throw new NotFound("complaint " + id);
          }
          return complaint;
        });
  }

  /** A page of the open complaints, and how many there are in all. */
  public record QueuePage(List<Complaints.InQueue> complaints, int total) {}

  /**
   * Supervisors: the open complaints of their teams' cases; counselors: those of their caseload.
   * One page (size 1 to 200), drafts waiting for review first, then overdue answers.
   */
  public QueuePage queue(Actor actor, LocalDate today, int page, int size) {
    return transactions.readOnly(
        () -> {
          if (!actor.is(Role.SUPERVISOR) && !actor.is(Role.COUNSELOR)) {
            throw new NotPermitted("complaints are handled by counselors and supervisors");
          }
          // a supervisor's teams' (a director's every one), a counselor's caseload's
          var reach = cases.reachOf(actor);
          return new QueuePage(
              complaints.open(reach, today, page * size, size), complaints.countOpen(reach));
        });
  }

  public Complaint draft(
      CaseId caseId, String bodyCode, List<UUID> flagIds, boolean chinese, Actor actor) {
    return transactions.inOne(
        () -> {
          var caseFile = cases.changeable(caseId, actor);
          var body =
              body(bodyCode == null ? "" : bodyCode)
                  .orElseThrow(
                      () ->
                          new InvalidInput(
                              "bodyCode",
                              "not one of the configured bodies",
                              Message.of("refusal.not-one-of-the-configured-bodies")));
          if (flagIds == null || flagIds.isEmpty()) {
            throw new InvalidInput(
                "flagIds",
                "a complaint rests on at least one flag",
                Message.of("refusal.a-complaint-rests-on-at-least-one"));
          }
          var chosen = new ArrayList<Flag>();
          var ids = List.copyOf(new LinkedHashSet<>(flagIds));
          for (int i = 0; i < ids.size(); i++) {
            var flag =
                flags
                    .find(ids.get(i))
                    .filter(f -> f.caseId().equals(caseId))
                    .orElseThrow(
                        () ->
                            new InvalidInput(
                                "flagIds",
                                "not a flag of this case: some id is wrong",
                                Message.of("refusal.not-a-flag-of-this-case-some")));
            if (flag.status() != Flag.Status.OPEN) {
              throw new InvalidInput(
                  "flagIds",
                  "a dismissed flag cannot carry a complaint",
                  Message.of("refusal.a-dismissed-flag-cannot-carry-a-complaint"));
            }
            chosen.add(flag);
          }
          var lenderNames = new java.util.HashMap<UUID, String>();
          lenders.all().forEach(l -> lenderNames.put(l.id().value(), l.name()));
          var text =
              ComplaintDraft.text(
                  chinese,
                  caseFile.clientName().value(),
                  body,
                  chosen,
                  contacts.ofCase(caseId),
                  lenderNames,
                  this::citationOf);
          var complaint =
              new Complaint(
                  UUID.randomUUID(),
                  caseId,
                  body.code(),
                  ids,
                  text,
                  Complaint.Status.DRAFTED,
                  actor.id(),
                  actor.username(),
                  cases.now(),
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  0);
          complaints.add(complaint);
          cases.audit(
              caseId,
              actor,
              "complaint.drafted",
              Map.of(
                  "complaint",
                  complaint.id().toString(),
                  "body",
                  body.code(),
                  "flags",
                  Integer.toString(ids.size())));
          return complaint;
        });
  }

  public Complaint edit(UUID id, String text, long version, Actor actor) {
    return transactions.inOne(
        () -> {
          var checked = text(text);
          return change(
              id, version, actor, false, c -> c.withText(checked), "complaint.edited", Map.of());
        });
  }

  public Complaint review(UUID id, String note, long version, Actor actor) {
    return transactions.inOne(
        () -> {
          var checked = optional("note", note);
          return change(
              id,
              version,
              actor,
              true,
              c -> c.reviewed(checked, actor.username(), cases.now()),
              "complaint.reviewed",
              checked == null ? Map.of() : Map.of("note", checked));
        });
  }

  public Complaint returnForChanges(UUID id, String note, long version, Actor actor) {
    return transactions.inOne(
        () -> {
          var checked = optional("note", note);
          if (checked == null) {
            throw new InvalidInput(
                "note", "say what needs changing", Message.of("refusal.say-what-needs-changing"));
          }
          return change(
              id,
              version,
              actor,
              true,
              c -> c.returned(checked, actor.username(), cases.now()),
              "complaint.returned",
              Map.of("note", checked));
        });
  }

  public Complaint file(
      UUID id, LocalDate on, String reference, long version, LocalDate today, Actor actor) {
    return transactions.inOne(
        () -> {
          past("on", on, today);
          var ref = optional("reference", reference);
          if (ref == null) {
            throw new InvalidInput(
                "reference",
                "the body's reference or ticket number",
                Message.of("refusal.the-body-s-reference-or-ticket-number"));
          }
          return change(
              id,
              version,
              actor,
              false,
              c -> c.filed(on, ref, body(c.bodyCode()).map(ComplaintBody::answerDays).orElse(30)),
              "complaint.filed",
              Map.of("on", on.toString(), "reference", ref));
        });
  }

  public Complaint answer(
      UUID id, LocalDate on, String summary, long version, LocalDate today, Actor actor) {
    return transactions.inOne(
        () -> {
          past("on", on, today);
          var text = optional("answer", summary);
          if (text == null) {
            throw new InvalidInput(
                "answer",
                "what did the body answer?",
                Message.of("refusal.what-did-the-body-answer"));
          }
          return change(
              id,
              version,
              actor,
              false,
              c -> c.answered(on, text),
              "complaint.answered",
              Map.of("on", on.toString()));
        });
  }

  public Complaint close(
      UUID id, LocalDate on, String note, long version, LocalDate today, Actor actor) {
    return transactions.inOne(
        () -> {
          past("on", on, today);
          var text = optional("note", note);
          return change(
              id,
              version,
              actor,
              false,
              c -> c.closed(on, text),
              "complaint.closed",
              Map.of("on", on.toString()));
        });
  }

  /** The bundle, every file checked against its arrival hash. Audited as a download. */
  public EvidenceBundle bundle(UUID id, Actor actor) {
    return transactions.inOne(
        () -> {
          var complaint = find(id, actor);
          var caseFile = cases.visible(complaint.caseId(), actor);
          var chosen =
              complaint.flagIds().stream().map(flags::find).flatMap(Optional::stream).toList();
          var flagged = new LinkedHashSet<UUID>();
          chosen.forEach(f -> flagged.addAll(f.contactIds()));
          var log = contacts.ofCase(complaint.caseId());
          // the flagged entries with the entries they corrected: the whole record, corrections
          // shown
          var entryIds = ContactEntry.withCorrected(log, flagged);
          var entries = log.stream().filter(e -> entryIds.contains(e.id())).toList();
          var fileIds = new LinkedHashSet<UUID>();
          chosen.forEach(f -> fileIds.addAll(f.evidenceIds()));
          files.ofCase(complaint.caseId()).stream()
              .filter(f -> f.contactId() != null && entryIds.contains(f.contactId()))
              .forEach(f -> fileIds.add(f.id()));
          var downloads =
              fileIds.stream()
                  .map(files::find)
                  .flatMap(Optional::stream)
                  .map(evidence::verify)
                  .toList();
          var body =
              body(complaint.bodyCode())
                  .orElse(
                      new ComplaintBody(
                          complaint.bodyCode(),
                          complaint.bodyCode(),
                          complaint.bodyCode(),
                          null,
                          30));
          var bundle = new EvidenceBundle(complaint, body, caseFile, chosen, entries, downloads);
          var details = new LinkedHashMap<String, String>();
          details.put("complaint", id.toString());
          details.put("files", Integer.toString(downloads.size()));
          if (!bundle.tampered().isEmpty()) {
            details.put(
                "tampered",
                String.join(
                    ",", bundle.tampered().stream().map(t -> t.file().id().toString()).toList()));
            cases.audit(complaint.caseId(), actor, "evidence.integrity-failed", details);
          } else {
            cases.audit(complaint.caseId(), actor, "complaint.bundle-downloaded", details);
          }
          return bundle;
        });
  }

  private Complaint change(
      UUID id,
      long version,
      Actor actor,
      boolean bySupervisor,
      UnaryOperator<Complaint> step,
      String action,
      Map<String, String> extra) {
    var complaint = find(id, actor);
    if (bySupervisor) {
      if (!actor.is(Role.SUPERVISOR)) {
        throw new NotPermitted("a supervisor reviews complaints before they are filed");
      }
    } else {
      cases.changeable(complaint.caseId(), actor);
    }
    if (complaint.version() != version) {
      throw new StaleVersion("the complaint");
    }
    var changed = step.apply(complaint);
    complaints.update(changed);
    var details = new LinkedHashMap<String, String>();
    details.put("complaint", id.toString());
    details.put("status", changed.status().name());
    details.putAll(extra);
    cases.audit(complaint.caseId(), actor, action, details);
    return complaints.find(id).orElseThrow();
  }

  private static String text(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInput(
          "text",
          "the complaint needs its text",
          Message.of("refusal.the-complaint-needs-its-text"));
    }
    if (text.length() > MAX_TEXT) {
      throw new InvalidInput(
          "text",
          "at most " + MAX_TEXT + " characters",
          org.clearpath.domain.shared.Message.of("input.max-length", "max", MAX_TEXT));
    }
    return text.strip();
  }

  private static String optional(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    if (text.length() > MAX_TEXT) {
      throw new InvalidInput(
          field,
          "at most " + MAX_TEXT + " characters",
          org.clearpath.domain.shared.Message.of("input.max-length", "max", MAX_TEXT));
    }
    return text.strip();
  }

  private static void past(String field, LocalDate on, LocalDate today) {
    if (on == null) {
      throw new InvalidInput(
          field, "give the date", org.clearpath.domain.shared.Message.of("input.required"));
    }
    if (on.isAfter(today)) {
      throw new InvalidInput(
          field,
          "the date cannot lie in the future",
          org.clearpath.domain.shared.Message.of("input.future"));
    }
  }
}
