package org.clearpath.persistence.contact;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.clearpath.domain.contact.Channel;
import org.clearpath.domain.contact.ContactDetails;
import org.clearpath.domain.contact.ContactEntry;
import org.clearpath.domain.contact.ContactLog;
import org.clearpath.domain.contact.Direction;
import org.clearpath.domain.contact.Outcome;
import org.clearpath.domain.contact.Party;
import org.clearpath.domain.contact.ThirdPartyPurpose;
import org.clearpath.domain.debt.DebtId;
import org.clearpath.domain.debt.LenderId;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.StaleVersion;
import org.clearpath.domain.shared.UserId;
import org.clearpath.persistence.Sql;

/** {@link ContactLog} in {@code contact_entry}, which a trigger keeps append-only. */
@Singleton
public class JdbcContactLog implements ContactLog {
  static final String COLUMNS =
      "id, case_id, occurred_at, client_zone, lender_id, debt_id, agency, collector_name,"
          + " collector_number, direction, channel, contacted, contacted_number, conversation,"
          + " summary, outcome, follow_up, corrects, correction_reason, recorded_by,"
          + " recorded_by_name, recorded_at, third_party_purpose, third_party_asked_to_stop";
  private final JdbcOperations jdbc;
  private final String region;

  /**
   * @param region where the office is, for collectors' numbers written without a country code
   */
  JdbcContactLog(
      JdbcOperations jdbc,
      @io.micronaut.context.annotation.Value("${clearpath.directory.region:CN}") String region) {
    this.jdbc = jdbc;
    this.region = region;
  }

  @Override
  @Transactional
  public void append(ContactEntry entry) {
    var d = entry.details();
    try {
      Sql.update(
          jdbc.getConnection(),
          "insert into contact_entry ("
              + COLUMNS
              + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          entry.id(),
          entry.caseId().value(),
          d.at(),
          d.clientZone().getId(),
          d.lender() == null ? null : d.lender().value(),
          d.debt() == null ? null : d.debt().value(),
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
          d.followUp(),
          entry.corrects(),
          entry.correctionReason(),
          entry.recordedBy().value(),
          entry.recordedByName(),
          entry.recordedAt(),
          d.thirdPartyPurpose() == null ? null : d.thirdPartyPurpose().name(),
          d.thirdPartyAskedToStop());
      // the directory is kept with the log: the entry and its sightings commit together
      org.clearpath.persistence.directory.JdbcCollectorDirectory.sight(
          jdbc.getConnection(),
          entry.id(),
          entry.caseId().value(),
          d.agency(),
          d.collectorNumber(),
          d.at(),
          region);
    } catch (org.clearpath.persistence.SqlFailure e) {
      if (e.isDuplicate()) {
        throw new StaleVersion("the contact entry (it has been corrected already)");
      }
      throw e;
    }
  }

  @Override
  @Connectable
  public Optional<ContactEntry> find(UUID id) {
    return query("select " + COLUMNS + " from contact_entry where id = ?", id).stream().findFirst();
  }

  @Override
  @Connectable
  public List<ContactEntry> ofCase(CaseId caseId) {
    return query(
        "select " + COLUMNS + " from contact_entry where case_id = ? order by seq", caseId.value());
  }

  @Override
  @Connectable
  public java.util.Map<CaseId, List<ContactEntry>> ofCases(java.util.Collection<CaseId> caseIds) {
    var found = new java.util.LinkedHashMap<CaseId, List<ContactEntry>>();
    caseIds.forEach(id -> found.put(id, new ArrayList<>()));
    if (caseIds.isEmpty()) {
      return found;
    }
    for (var entry :
        Sql.query(
            jdbc.getConnection(),
            "select "
                + COLUMNS
                + " from contact_entry where case_id = any(?) order by case_id, seq",
            JdbcContactLog::read,
            (Object) caseIds.stream().map(CaseId::value).toArray(UUID[]::new))) {
      found.computeIfAbsent(entry.caseId(), id -> new ArrayList<>()).add(entry);
    }
    return found;
  }

  private List<ContactEntry> query(String sql, UUID parameter) {
    return Sql.query(jdbc.getConnection(), sql, JdbcContactLog::read, parameter);
  }

  /** Reads one row selected with {@link #COLUMNS}. */
  public static ContactEntry read(ResultSet rows) throws SQLException {
    var lender = rows.getObject("lender_id", UUID.class);
    var debt = rows.getObject("debt_id", UUID.class);
    var outcome = rows.getString("outcome");
    var followUp = rows.getDate("follow_up");
    var purpose = rows.getString("third_party_purpose");
    return new ContactEntry(
        rows.getObject("id", UUID.class),
        new CaseId(rows.getObject("case_id", UUID.class)),
        new ContactDetails(
            rows.getTimestamp("occurred_at").toInstant(),
            ZoneId.of(rows.getString("client_zone")),
            lender == null ? null : new LenderId(lender),
            debt == null ? null : new DebtId(debt),
            rows.getString("agency"),
            rows.getString("collector_name"),
            rows.getString("collector_number"),
            Direction.valueOf(rows.getString("direction")),
            Channel.valueOf(rows.getString("channel")),
            Party.valueOf(rows.getString("contacted")),
            rows.getString("contacted_number"),
            rows.getBoolean("conversation"),
            rows.getString("summary"),
            outcome == null ? null : Outcome.valueOf(outcome),
            followUp == null ? null : followUp.toLocalDate(),
            purpose == null ? null : ThirdPartyPurpose.valueOf(purpose),
            rows.getBoolean("third_party_asked_to_stop")),
        rows.getObject("corrects", UUID.class),
        rows.getString("correction_reason"),
        new UserId(rows.getString("recorded_by")),
        rows.getString("recorded_by_name"),
        rows.getTimestamp("recorded_at").toInstant());
  }
}
