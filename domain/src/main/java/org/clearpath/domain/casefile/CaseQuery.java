package org.clearpath.domain.casefile;

import java.time.Instant;
import java.util.Optional;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;
import org.clearpath.domain.shared.Reach;
import org.clearpath.domain.shared.Stage;
import org.clearpath.domain.shared.UserId;

/**
 * One page of a caseload: which cases (filters), in which order, and which slice. The list is
 * always paged: a page holds at most {@link #MAX_SIZE} cases, whatever the office's size.
 *
 * @param text name, phone or ID number, as in {@link CaseFiles#search}
 * @param counselor only this counselor's caseload
 * @param openedFrom opened at or after
 * @param openedBefore opened before
 * @param noContactSince cases with no contact logged at or after this moment (or never)
 * @param entered cases that entered a stage in a period
 * @param reach whose cases at all: the asker's {@link Reach} (a supervisor's teams)
 */
public record CaseQuery(
    Optional<String> text,
    Optional<Stage> stage,
    Optional<CaseStatus> status,
    Optional<UserId> counselor,
    Optional<Instant> openedFrom,
    Optional<Instant> openedBefore,
    Optional<Instant> noContactSince,
    Optional<Entered> entered,
    Sort sort,
    boolean descending,
    int page,
    int size,
    Reach reach) {
  public static final int MAX_SIZE = 200;
  public static final int MAX_PAGE = 100_000;

  /** Cases that entered {@code stage} between two days, both included. */
  public record Entered(Stage stage, java.time.LocalDate from, java.time.LocalDate to) {
    public Entered {
      if (to.isBefore(from)) {
        throw new InvalidInput(
            "to",
            "the period ends before it begins",
            org.clearpath.domain.shared.Message.of("input.period"));
      }
    }
  }

  /** What a caseload can be ordered by. */
  public enum Sort {
    CLIENT,
    STAGE,
    DAYS_IN_STAGE,
    LAST_CONTACT,
    OPENED
  }

  public CaseQuery {
    java.util.Objects.requireNonNull(reach, "reach");
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidInput(
          "size",
          "a page holds 1 to " + MAX_SIZE + " cases",
          Message.of("input.whole-number", "min", 1, "max", MAX_SIZE));
    }
    if (page < 0 || page > MAX_PAGE) {
      throw new InvalidInput(
          "page",
          "pages are counted from 0 to " + MAX_PAGE,
          Message.of("input.whole-number", "min", 0, "max", MAX_PAGE));
    }
    if (openedFrom.isPresent()
        && openedBefore.isPresent()
        && !openedBefore.get().isAfter(openedFrom.get())) {
      throw new InvalidInput(
          "openedTo",
          "the end lies before the start",
          Message.of("refusal.the-end-lies-before-the-start"));
    }
  }

  /** The same query, within the asker's reach. */
  public CaseQuery within(Reach newReach) {
    return new CaseQuery(
        text,
        stage,
        status,
        counselor,
        openedFrom,
        openedBefore,
        noContactSince,
        entered,
        sort,
        descending,
        page,
        size,
        newReach);
  }

  /** The first page of everything, newest first. */
  public static CaseQuery firstPage(int size) {
    return new CaseQuery(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Sort.OPENED,
        true,
        0,
        size,
        Reach.everyone());
  }

  /** The same query, limited to one counselor's caseload. */
  public CaseQuery ofCounselor(UserId only) {
    return new CaseQuery(
        text,
        stage,
        status,
        Optional.of(only),
        openedFrom,
        openedBefore,
        noContactSince,
        entered,
        sort,
        descending,
        page,
        size,
        reach);
  }

  /** The search text, stripped; none when there is none or it is blank. */
  public Optional<String> searched() {
    return text.map(String::strip).filter(t -> !t.isEmpty());
  }

  /** The search text as a phone number's digits (spaces and dashes dropped), if it could be one. */
  public Optional<String> searchedPhone() {
    return searched().map(ClientRecord::phoneDigits).filter(d -> d.matches("\\+?[0-9]{3,}"));
  }

  /** The search text as an ID number (letters and digits), if it could be one. */
  public Optional<String> searchedIdNumber() {
    return searched().filter(t -> t.matches("[0-9A-Za-z]{4,32}"));
  }

  /** The same query, only cases whose client's name, phone or ID number matches the text. */
  public CaseQuery matching(String searched) {
    return new CaseQuery(
        Optional.of(searched),
        stage,
        status,
        counselor,
        openedFrom,
        openedBefore,
        noContactSince,
        entered,
        sort,
        descending,
        page,
        size,
        reach);
  }

  /** The same filters, another page and size. */
  public CaseQuery page(int newPage, int newSize) {
    return new CaseQuery(
        text,
        stage,
        status,
        counselor,
        openedFrom,
        openedBefore,
        noContactSince,
        entered,
        sort,
        descending,
        newPage,
        newSize,
        reach);
  }

  /** The same query, only cases that entered a stage in the period. */
  public CaseQuery entering(Entered period) {
    return new CaseQuery(
        text,
        stage,
        status,
        counselor,
        openedFrom,
        openedBefore,
        noContactSince,
        Optional.of(period),
        sort,
        descending,
        page,
        size,
        reach);
  }

  /** The same filters and page, in another order. */
  public CaseQuery sortedBy(Sort newSort, boolean newDescending) {
    return new CaseQuery(
        text,
        stage,
        status,
        counselor,
        openedFrom,
        openedBefore,
        noContactSince,
        entered,
        newSort,
        newDescending,
        page,
        size,
        reach);
  }

  public int offset() {
    return page * size;
  }
}
