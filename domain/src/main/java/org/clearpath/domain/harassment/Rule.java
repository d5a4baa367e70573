package org.clearpath.domain.harassment;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.clearpath.domain.contact.ThirdPartyPurpose;
import org.clearpath.domain.shared.Message;

/**
 * A rule over a case's contact log. Rules are values: a {@link RulePack} holds them, each cited.
 */
public sealed interface Rule {

  String id();

  /** The kind of harassment a finding of this rule shows. */
  FlagKind kind();

  List<Finding> findIn(List<CollectionContact> contacts);

  private static List<CollectionContact> byCollector(List<CollectionContact> contacts) {
    return contacts.stream()
        .filter(CollectionContact::byCollector)
        .sorted(Comparator.comparing(CollectionContact::at))
        .toList();
  }

  /** Contacts by the client's local day and a key (a number, a lender), in that order. */
  private static TreeMap<Map.Entry<java.time.LocalDate, String>, List<CollectionContact>> byDayAnd(
      java.util.stream.Stream<CollectionContact> contacts,
      java.util.function.Function<CollectionContact, String> key) {
    return contacts.collect(
        Collectors.groupingBy(
            c -> Map.entry(c.localDay(), key.apply(c)),
            () ->
                new TreeMap<>(
                    Map.Entry.<java.time.LocalDate, String>comparingByKey()
                        .thenComparing(Map.Entry.comparingByValue())),
            Collectors.toList()));
  }

  private static List<String> ids(List<CollectionContact> contacts) {
    return contacts.stream().map(CollectionContact::entryId).toList();
  }

  /**
   * No collection contact in the quiet hours, in the client's local time. Quiet from {@code start}
   * ({@code startInclusive}: at that minute already) until {@code end} (exclusive).
   */
  record QuietHours(String id, LocalTime start, boolean startInclusive, LocalTime end)
      implements Rule {
    public boolean isQuiet(LocalTime t) {
      var afterStart = startInclusive ? !t.isBefore(start) : t.isAfter(start);
      return afterStart || t.isBefore(end);
    }

    @Override
    public FlagKind kind() {
      return FlagKind.UNREASONABLE_HOURS;
    }

    @Override
    public List<Finding> findIn(List<CollectionContact> contacts) {
      var perDay =
          byCollector(contacts).stream()
              .filter(c -> isQuiet(c.localTime()))
              .collect(
                  Collectors.groupingBy(
                      CollectionContact::localDay, TreeMap::new, Collectors.toList()));
      var findings = new ArrayList<Finding>();
      perDay.forEach(
          (day, found) ->
              findings.add(
                  new Finding(
                      id,
                      kind(),
                      found.size()
                          + " collection contact(s) in the quiet hours ("
                          + (startInclusive ? "from " : "after ")
                          + start
                          + " until "
                          + end
                          + " local time)",
                      new Message(
                          startInclusive ? "finding.quiet-hours" : "finding.quiet-hours-after",
                          Map.of(
                              "count", String.valueOf(found.size()),
                              "start", start.toString(),
                              "end", end.toString())),
                      ids(found),
                      day,
                      day)));
      return findings;
    }
  }

  /**
   * More than {@code maxPerDay} call attempts that did not connect on one local day to the same
   * number (a call that became a conversation is not an attempt).
   */
  record UnansweredCallsPerDayToOneNumber(String id, int maxPerDay) implements Rule {
    @Override
    public FlagKind kind() {
      return FlagKind.EXCESSIVE_CALLS;
    }

    @Override
    public List<Finding> findIn(List<CollectionContact> contacts) {
      var groups =
          byDayAnd(
              byCollector(contacts).stream()
                  .filter(CollectionContact::isCall)
                  .filter(c -> !c.conversation())
                  .filter(c -> c.calledNumber() != null),
              CollectionContact::calledNumber);
      var findings = new ArrayList<Finding>();
      groups.forEach(
          (key, calls) -> {
            if (calls.size() > maxPerDay) {
              findings.add(
                  new Finding(
                      id,
                      kind(),
                      calls.size()
                          + " unanswered call attempts to "
                          + key.getValue()
                          + " in one day (more than "
                          + maxPerDay
                          + ")",
                      new Message(
                          "finding.unanswered-per-number",
                          Map.of(
                              "count", String.valueOf(calls.size()),
                              "number", key.getValue(),
                              "max", String.valueOf(maxPerDay))),
                      ids(calls),
                      key.getKey(),
                      key.getKey()));
            }
          });
      return findings;
    }
  }

  /**
   * More than {@code maxPerDay} calls that connected on one local day from one lender, counting the
   * lender and all its agencies and numbers together (contacts with no lender written down count
   * together as one unknown lender).
   */
  record ConnectedCallsPerLenderPerDay(String id, int maxPerDay) implements Rule {
    @Override
    public FlagKind kind() {
      return FlagKind.EXCESSIVE_CALLS;
    }

    @Override
    public List<Finding> findIn(List<CollectionContact> contacts) {
      var groups =
          byDayAnd(
              byCollector(contacts).stream()
                  .filter(CollectionContact::isCall)
                  .filter(CollectionContact::conversation),
              c -> c.lenderRef() == null ? "" : c.lenderRef());
      var findings = new ArrayList<Finding>();
      groups.forEach(
          (key, calls) -> {
            if (calls.size() > maxPerDay) {
              var name = calls.getFirst().lenderName();
              var lender = name != null ? name : key.getValue().isEmpty() ? null : key.getValue();
              var count = String.valueOf(calls.size());
              var max = String.valueOf(maxPerDay);
              findings.add(
                  new Finding(
                      id,
                      kind(),
                      calls.size()
                          + " connected collection calls in one day for "
                          + (lender == null ? "a lender nobody wrote down" : lender)
                          + " and its agencies (more than "
                          + maxPerDay
                          + ")",
                      lender == null
                          ? new Message(
                              "finding.connected-per-unknown-lender",
                              Map.of("count", count, "max", max))
                          : new Message(
                              "finding.connected-per-lender",
                              Map.of("count", count, "lender", lender, "max", max)),
                      ids(calls),
                      key.getKey(),
                      key.getKey()));
            }
          });
      return findings;
    }
  }

  /**
   * Collection contact with someone other than the client (family, employer, contacts…). With
   * {@code locateOnce}, a collector may ask a third party once how to reach the client or to pass
   * on a message: that first contact is no finding; telling them of the debt, contacting them again
   * (above all after they asked not to be) or a contact whose purpose nobody wrote down is. Without
   * it, every third-party contact is a finding (collect from the debtor only). A third party is
   * their number, else the kind of party.
   */
  record ThirdPartyContact(String id, boolean locateOnce) implements Rule {
    /** A rule that allows a contact to locate the client once. */
    public ThirdPartyContact(String id) {
      this(id, true);
    }

    @Override
    public FlagKind kind() {
      return FlagKind.THIRD_PARTY_CONTACT;
    }

    @Override
    public List<Finding> findIn(List<CollectionContact> contacts) {
      var contacted = new java.util.HashSet<String>();
      var stopped = new java.util.HashSet<String>();
      var found = new ArrayList<Finding>();
      for (var c : byCollector(contacts)) {
        if (!c.contacted().isThirdParty()) {
          continue;
        }
        var who =
            c.calledNumber() == null
                ? "(" + c.contacted() + ")"
                : c.calledNumber().replaceAll("[^0-9+()A-Z_]", "");
        var first = contacted.add(who);
        var afterStop = stopped.contains(who);
        if (c.askedToStop()) {
          stopped.add(who);
        }
        var purpose = c.thirdPartyPurpose();
        if (locateOnce && first && purpose == ThirdPartyPurpose.LOCATE_ONLY) {
          continue;
        }
        String code;
        String text;
        if (purpose == ThirdPartyPurpose.DISCLOSED_DEBT) {
          code = "finding.third-party.disclosed";
          text = "the collector told a third party (" + c.contacted() + ") of the debt";
        } else if (locateOnce && afterStop) {
          code = "finding.third-party.after-stop";
          text = "a third party (" + c.contacted() + ") contacted again after asking not to be";
        } else if (locateOnce && purpose == ThirdPartyPurpose.LOCATE_ONLY) {
          code = "finding.third-party.repeated";
          text = "a third party (" + c.contacted() + ") contacted again to locate the client";
        } else {
          code = "finding.third-party";
          text = "collection contact with a third party (" + c.contacted() + ")";
        }
        found.add(
            new Finding(
                id,
                kind(),
                text,
                Message.of(code, "party", c.contacted()),
                List.of(c.entryId()),
                c.localDay(),
                c.localDay()));
      }
      return found;
    }
  }

  /**
   * More than {@code maxCalls} calls about one debt within {@code days} consecutive local days (the
   * first window in which the limit is passed is reported, then the next after it).
   */
  record CallsPerDebtInWindow(String id, int maxCalls, int days) implements Rule {
    @Override
    public FlagKind kind() {
      return FlagKind.EXCESSIVE_CALLS;
    }

    @Override
    public List<Finding> findIn(List<CollectionContact> contacts) {
      var perDebt =
          byCollector(contacts).stream()
              .filter(CollectionContact::isCall)
              .filter(c -> c.debtRef() != null)
              .collect(
                  Collectors.groupingBy(
                      CollectionContact::debtRef, TreeMap::new, Collectors.toList()));
      var findings = new ArrayList<Finding>();
      perDebt.forEach(
          (debt, calls) -> {
            int start = 0;
            while (start < calls.size()) {
              var first = calls.get(start).localDay();
              var last = first.plusDays(days - 1L);
              var inWindow =
                  calls.subList(start, calls.size()).stream()
                      .takeWhile(c -> !c.localDay().isAfter(last))
                      .toList();
              if (inWindow.size() > maxCalls) {
                findings.add(
                    new Finding(
                        id,
                        kind(),
                        inWindow.size()
                            + " calls about debt "
                            + debt
                            + " within "
                            + days
                            + " days (more than "
                            + maxCalls
                            + ")",
                        new Message(
                            "finding.calls-per-debt",
                            Map.of(
                                "count", String.valueOf(inWindow.size()),
                                "debt", debt,
                                "days", String.valueOf(days),
                                "max", String.valueOf(maxCalls))),
                        ids(inWindow),
                        first,
                        last));
                start += inWindow.size();
              } else {
                start++;
              }
            }
          });
      return findings;
    }
  }

  /**
   * A call about a debt within {@code days} days after a telephone conversation about it; the day
   * of the conversation is the first of those days.
   */
  record CallAfterConversation(String id, int days) implements Rule {
    @Override
    public FlagKind kind() {
      return FlagKind.EXCESSIVE_CALLS;
    }

    @Override
    public List<Finding> findIn(List<CollectionContact> contacts) {
      var perDebt =
          byCollector(contacts).stream()
              .filter(CollectionContact::isCall)
              .filter(c -> c.debtRef() != null)
              .collect(
                  Collectors.groupingBy(
                      CollectionContact::debtRef, TreeMap::new, Collectors.toList()));
      var findings = new ArrayList<Finding>();
      for (var calls : perDebt.values()) {
        for (int i = 0; i < calls.size(); i++) {
          var conversation = calls.get(i);
          if (!conversation.conversation()) {
            continue;
          }
          var lastDay = conversation.localDay().plusDays(days - 1L);
          var after = new ArrayList<CollectionContact>();
          for (int j = i + 1; j < calls.size() && !calls.get(j).localDay().isAfter(lastDay); j++) {
            if (calls.get(j).at().isAfter(conversation.at())) {
              after.add(calls.get(j));
            }
          }
          if (!after.isEmpty()) {
            var entries = new ArrayList<String>();
            entries.add(conversation.entryId());
            entries.addAll(ids(after));
            findings.add(
                new Finding(
                    id,
                    kind(),
                    after.size()
                        + " call(s) about debt "
                        + conversation.debtRef()
                        + " within "
                        + days
                        + " days after a conversation",
                    new Message(
                        "finding.call-after-conversation",
                        Map.of(
                            "count", String.valueOf(after.size()),
                            "debt", conversation.debtRef(),
                            "days", String.valueOf(days))),
                    entries,
                    conversation.localDay(),
                    lastDay));
          }
        }
      }
      return findings;
    }
  }
}
