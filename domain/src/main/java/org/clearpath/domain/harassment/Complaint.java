package org.clearpath.domain.harassment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;
import org.clearpath.domain.shared.UserId;

/**
 * A complaint drafted from one or more flags to one body. Lifecycle: drafted → reviewed (by a
 * supervisor) → filed (date, reference number, answer due) → answered → closed. A draft may also be
 * returned by the reviewer with a note, or closed without filing.
 */
public record Complaint(
    UUID id,
    CaseId caseId,
    String bodyCode,
    List<UUID> flagIds,
    String text,
    Status status,
    UserId draftedBy,
    String draftedByName,
    Instant draftedAt,
    String reviewNote,
    String reviewedByName,
    Instant reviewedAt,
    LocalDate filedOn,
    String reference,
    LocalDate answerDue,
    LocalDate answeredOn,
    String answer,
    LocalDate closedOn,
    String closingNote,
    long version) {

  public enum Status {
    DRAFTED,
    REVIEWED,
    FILED,
    ANSWERED,
    CLOSED
  }

  public Complaint {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(bodyCode, "bodyCode");
    flagIds = List.copyOf(flagIds);
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(draftedBy, "draftedBy");
    Objects.requireNonNull(draftedAt, "draftedAt");
  }

  /** Filed, unanswered, and past the day the body should have answered by. */
  public boolean overdue(LocalDate today) {
    return status == Status.FILED && answerDue != null && today.isAfter(answerDue);
  }

  public Complaint withText(String newText) {
    require(
        Status.DRAFTED,
        Message.of("refusal.complaint-edited-only-as-draft"),
        "only a draft is edited; a reviewed text is what gets filed");
    return copy(
        newText,
        status,
        reviewNote,
        reviewedByName,
        reviewedAt,
        filedOn,
        reference,
        answerDue,
        answeredOn,
        answer,
        closedOn,
        closingNote);
  }

  public Complaint reviewed(String note, String reviewer, Instant at) {
    require(
        Status.DRAFTED,
        Message.of("refusal.complaint-reviewed-only-as-draft"),
        "only a draft is reviewed");
    return copy(
        text,
        Status.REVIEWED,
        note,
        reviewer,
        at,
        filedOn,
        reference,
        answerDue,
        answeredOn,
        answer,
        closedOn,
        closingNote);
  }

  public Complaint returned(String note, String reviewer, Instant at) {
    require(
        Status.DRAFTED,
        Message.of("refusal.complaint-returned-only-as-draft"),
        "only a draft is returned for changes");
    return copy(
        text,
        status,
        note,
        reviewer,
        at,
        filedOn,
        reference,
        answerDue,
        answeredOn,
        answer,
        closedOn,
        closingNote);
  }

  public Complaint filed(LocalDate on, String ref, int answerDays) {
    require(
        Status.REVIEWED,
        Message.of("refusal.complaint-filed-once-reviewed"),
        "a complaint is filed once a supervisor has reviewed it");
    return copy(
        text,
        Status.FILED,
        reviewNote,
        reviewedByName,
        reviewedAt,
        on,
        ref,
        on.plusDays(answerDays),
        answeredOn,
        answer,
        closedOn,
        closingNote);
  }

  public Complaint answered(LocalDate on, String summary) {
    require(
        Status.FILED,
        Message.of("refusal.complaint-answered-once-filed"),
        "only a filed complaint is answered");
    if (on.isBefore(filedOn)) {
      throw new InvalidInput(
          "on",
          "the answer came after the complaint was filed (" + filedOn + ")",
          Message.of("refusal.answer-after-filing", "filedOn", filedOn));
    }
    return copy(
        text,
        Status.ANSWERED,
        reviewNote,
        reviewedByName,
        reviewedAt,
        filedOn,
        reference,
        answerDue,
        on,
        summary,
        closedOn,
        closingNote);
  }

  public Complaint closed(LocalDate on, String note) {
    if (status == Status.CLOSED) {
      throw new InvalidInput(
          "status",
          "the complaint is already closed",
          Message.of("refusal.the-complaint-is-already-closed"));
    }
    if (filedOn != null && on.isBefore(filedOn)) {
      throw new InvalidInput(
          "on",
          "a complaint closes after it was filed (" + filedOn + ")",
          Message.of("refusal.close-after-filing", "filedOn", filedOn));
    }
    return copy(
        text,
        Status.CLOSED,
        reviewNote,
        reviewedByName,
        reviewedAt,
        filedOn,
        reference,
        answerDue,
        answeredOn,
        answer,
        on,
        note);
  }

  private void require(Status expected, Message refusal, String why) {
    if (status != expected) {
      throw new InvalidInput("status", why + " (it is " + status + ")", refusal);
    }
  }

  private Complaint copy(
      String newText,
      Status newStatus,
      String newReviewNote,
      String newReviewer,
      Instant newReviewedAt,
      LocalDate newFiledOn,
      String newReference,
      LocalDate newAnswerDue,
      LocalDate newAnsweredOn,
      String newAnswer,
      LocalDate newClosedOn,
      String newClosingNote) {
    return new Complaint(
        id,
        caseId,
        bodyCode,
        flagIds,
        newText,
        newStatus,
        draftedBy,
        draftedByName,
        draftedAt,
        newReviewNote,
        newReviewer,
        newReviewedAt,
        newFiledOn,
        newReference,
        newAnswerDue,
        newAnsweredOn,
        newAnswer,
        newClosedOn,
        newClosingNote,
        version);
  }
}
