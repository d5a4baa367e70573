package org.clearpath.persistence.casefile;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.clearpath.domain.casefile.CaseFile;
import org.clearpath.domain.casefile.CaseFiles;
import org.clearpath.domain.casefile.CasePage;
import org.clearpath.domain.casefile.CaseQuery;
import org.clearpath.domain.casefile.CaseStatus;
import org.clearpath.domain.casefile.CaseSummary;
import org.clearpath.domain.casefile.ClientName;
import org.clearpath.domain.casefile.StageCount;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.UserId;
import org.clearpath.persistence.Sql;
import org.clearpath.persistence.crypto.SealedClientRecords;

/** {@link CaseFiles} in the {@code case_file} table. */
@Singleton
public class JdbcCaseFiles implements CaseFiles {
  private final io.micronaut.data.jdbc.runtime.JdbcOperations jdbc;
  private final org.clearpath.domain.shared.StandingChanges standing;
  private final SealedClientRecords sealed;

  JdbcCaseFiles(
      io.micronaut.data.jdbc.runtime.JdbcOperations jdbc,
      org.clearpath.domain.shared.StandingChanges standing,
      SealedClientRecords sealed) {
    this.jdbc = jdbc;
    this.standing = standing;
    this.sealed = sealed;
  }

  /** Order-by expressions, chosen from a fixed list: nothing from the request reaches the SQL. */
  private static String orderBy(CaseQuery query) {
    var direction = query.descending() ? "desc" : "asc";
    if (query.sort() == CaseQuery.Sort.OPENED) {
      // never null: in the index's order (opened_at desc, id), read forwards or backwards, so
      // the first page is read off the index instead of sorting every case
      return query.descending() ? "c.opened_at desc, c.id" : "c.opened_at asc, c.id desc";
    }
    var nulls = query.descending() ? "nulls last" : "nulls first";
    var expression =
        switch (query.sort()) {
          case CLIENT -> "lower(c.client_name)";
          case STAGE ->
              "array_position(array['RESOLVED','CURRENT','EARLY','MID','LATE','LEGAL'],"
                  + " c.stage::text)";
          case DAYS_IN_STAGE -> "(current_date - sp.started_on)";
          case LAST_CONTACT -> "l.last_contact_at"; // kept by the database (V10, V44)
          case OPENED -> "c.opened_at";
        };
    return expression + " " + direction + " " + nulls + ", c.opened_at desc, c.id";
  }

  private static final String WHERE = "where true\n";
  private static final String NOT_ERASED = "where c.erased_at is null\n";

  /** Who entered a stage between two days: the page reads it case by case, in its order... */
  private static final String ENTERED_EXISTS =
      " and exists (select 1 from stage_period entered where entered.case_id = c.id"
          + " and entered.stage = ? and entered.started_on between ? and ?)";

  /** ...and the count as the cases whose ids the periods' index gives (same parameters). */
  private static final String ENTERED_ANY =
      " and c.id = any(array(select entered.case_id from stage_period entered"
          + " where entered.stage = ? and entered.started_on between ? and ?))";

  /** The count of {@link #ENTERED_EXISTS} over every case (same parameters). */
  private static final String ENTERED_COUNT =
      "select count(distinct entered.case_id) from stage_period entered"
          + " where entered.stage = ? and entered.started_on between ? and ?"
          + " and not exists (select 1 from case_file x where x.id = entered.case_id"
          + " and x.erased_at is not null)";

  /**
   * A page and its count are two statements on one connection, without a transaction: a count that
   * differs by a case being opened meanwhile does no harm, and it saves the round trips.
   */
  @Override
  @io.micronaut.data.connection.annotation.Connectable
  public CasePage page(CaseQuery query) {
    var needsStage = query.sort() == CaseQuery.Sort.DAYS_IN_STAGE;
    // what a caseload lists of a case, and nothing of the client's record
    var sql =
        new StringBuilder(
            "select c.id, c.client_name, c.counselor_id, c.counselor_name, c.client_login_id is"
                + " not null as has_portal_login, c.status, c.stage, c.opened_at, c.version from"
                + " case_file c\n");
    if (needsStage) {
      sql.append("left join stage_period sp on sp.case_id = c.id and sp.ended_on is null\n");
    }
    // the latest contact is kept beside the case (V44)
    var needsLatest =
        query.sort() == CaseQuery.Sort.LAST_CONTACT || query.noContactSince().isPresent();
    if (needsLatest) {
      sql.append("join case_latest l on l.case_id = c.id\n");
    }
    sql.append(WHERE);
    var parameters = new java.util.ArrayList<Object>();
    sql.append(org.clearpath.persistence.Reaches.condition(query.reach(), "c.counselor_id"));
    parameters.addAll(org.clearpath.persistence.Reaches.parameters(query.reach()));
    query
        .counselor()
        .ifPresent(
            id -> {
              sql.append(" and c.counselor_id = ?");
              parameters.add(id.value());
            });
    query
        .stage()
        .ifPresent(
            stage -> {
              sql.append(" and c.stage = ?");
              parameters.add(stage.name());
            });
    query
        .status()
        .ifPresent(
            status -> {
              sql.append(" and c.status = ?");
              parameters.add(status.name());
            });
    query
        .openedFrom()
        .ifPresent(
            from -> {
              sql.append(" and c.opened_at >= ?");
              parameters.add(from);
            });
    query
        .openedBefore()
        .ifPresent(
            before -> {
              sql.append(" and c.opened_at < ?");
              parameters.add(before);
            });
    query
        .noContactSince()
        .ifPresent(
            since -> {
              sql.append(" and (l.last_contact_at is null or l.last_contact_at < ?)");
              parameters.add(since);
            });
    query
        .entered()
        .ifPresent(
            entered -> {
              sql.append(ENTERED_EXISTS);
              parameters.add(entered.stage().name());
              parameters.add(entered.from());
              parameters.add(entered.to());
            });
    var searched = query.searched();
    var connection = jdbc.getConnection();
    searched.ifPresent(
        text -> {
          // each arm has its index (V11); a phone or ID number is only asked for when the
          // text could be one, so the planner is not led away from the name's index
          sql.append(" and ((c.name_grams @> name_query_grams(?)");
          parameters.add(text);
          if (!gramsDecide(text)) {
            sql.append(" and lower(c.client_name) like '%' || lower(?) || '%' escape '\\'");
            // what is typed is looked for as typed: % and _ are not wildcards here
            parameters.add(text.replaceAll("([\\\\%_])", "\\\\$1"));
          }
          sql.append(")");
          query
              .searchedPhone()
              .ifPresent(
                  digits -> {
                    // the keyed hash of the digits: the number itself is sealed (V31)
                    sql.append(" or c.phone_hash = ?");
                    parameters.add(sealed.phoneHash(connection, digits));
                  });
          query
              .searchedIdNumber()
              .ifPresent(
                  idNumber -> {
                    sql.append(" or c.id_number_hash = ?");
                    parameters.add(sealed.idNumberHash(connection, idNumber));
                  });
          sql.append(")");
        });
    // the count needs only the filters: no order. Filtered by nothing but counselor, stage or
    // status, it sums the counts the database keeps (V12) instead of counting the cases.
    var where = sql.substring(sql.indexOf(WHERE));
    var kept =
        searched.isEmpty()
            && query.openedFrom().isEmpty()
            && query.openedBefore().isEmpty()
            && query.noContactSince().isEmpty()
            && query.entered().isEmpty();
    // an erased case is no longer one of the office's (V34); the kept counts leave it out (V35)
    String count =
        kept
            ? "select coalesce(sum(c.cases), 0) from case_count c\n" + where
            : "select count(*) from case_file c\n"
                + (query.noContactSince().isPresent()
                    ? "join case_latest l on l.case_id = c.id\n"
                    : "")
                + where.replace(WHERE, NOT_ERASED);
    if (where.equals(WHERE + ENTERED_EXISTS)) {
      // everyone's cases that entered, and nothing else asked: counted off the periods alone,
      // leaving out the few erased cases (their index, V42): 5 ms instead of 47 on 100,000 cases,
      // 5,940 of them entered
      count = ENTERED_COUNT;
    } else if (query.entered().isPresent()) {
      // counted off the periods' index: the cases that entered, looked up by id (as a semi-join
      // the planner read every case: 24 ms instead of 8 on 100,000 cases, 6,000 of them entered)
      count = count.replace(ENTERED_EXISTS, ENTERED_ANY);
    }
    var countParameters = parameters.toArray();
    sql.replace(sql.indexOf(WHERE), sql.indexOf(WHERE) + WHERE.length(), NOT_ERASED);
    sql.append("\norder by ").append(orderBy(query)).append("\nlimit ? offset ?");
    parameters.add(query.size());
    parameters.add(query.offset());
    // who entered a stage when: as a generic plan (what the server keeps after five runs) the
    // page took 650 ms instead of 8 and the count 140 instead of 45, on 100,000 cases of which
    // 86,000 had entered the stage; planned for its values each time, it stays on the good plan
    var eachTime = query.entered().isPresent();
    var found =
        query(eachTime, connection, sql.toString(), JdbcCaseFiles::summary, parameters.toArray());
    // a short first page is the whole match: no need to count again
    long total =
        query.page() == 0 && found.size() < query.size()
            ? found.size()
            : query(eachTime, connection, count, rows -> rows.getLong(1), countParameters)
                .getFirst();
    return new CasePage(found, total);
  }

  /** {@link Sql#query}, or {@link Sql#queryPlannedEachTime} when {@code eachTime}. */
  private static <T> List<T> query(
      boolean eachTime,
      java.sql.Connection connection,
      String sql,
      Sql.Row<T> row,
      Object... parameters) {
    return eachTime
        ? Sql.queryPlannedEachTime(connection, sql, row, parameters)
        : Sql.query(connection, sql, row, parameters);
  }

  /**
   * Whether a name's grams alone tell if it holds the text: one or two characters (Chinese, or
   * ASCII letters and digits, which lower-case one to one) are a gram of every name holding them.
   * Without the {@code like} the planner knows how many names match, and for a common character
   * reads the first page off the index of opening times instead of sorting thousands of cases.
   */
  private static boolean gramsDecide(String text) {
    var count = text.codePointCount(0, text.length());
    return (count == 1 || count == 2)
        && text.codePoints()
            .allMatch(
                c ->
                    Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                        || (c < 128 && Character.isLetterOrDigit(c)));
  }

  private static CaseSummary summary(java.sql.ResultSet rows) throws java.sql.SQLException {
    return new CaseSummary(
        new CaseId(rows.getObject(1, java.util.UUID.class)),
        new ClientName(rows.getString(2)),
        new UserId(rows.getString(3)),
        rows.getString(4),
        rows.getBoolean(5),
        CaseStatus.valueOf(rows.getString(6)),
        org.clearpath.domain.shared.Stage.valueOf(rows.getString(7)),
        rows.getObject(8, java.time.OffsetDateTime.class).toInstant(),
        rows.getLong(9));
  }

  @Override
  @io.micronaut.data.connection.annotation.Connectable
  public List<StageCount> countsByCounselorAndStage() {
    return Sql.query(
        jdbc.getConnection(),
        """
        select counselor_name, stage, sum(cases) as cases from case_count
        group by counselor_name, stage having sum(cases) > 0 order by counselor_name, stage
        """,
        rows ->
            new StageCount(
                rows.getString("counselor_name"),
                org.clearpath.domain.shared.Stage.valueOf(rows.getString("stage")),
                rows.getLong("cases")));
  }

  @Override
  @io.micronaut.data.connection.annotation.Connectable
  public java.util.Map<UserId, Long> openCasesByCounselor() {
    var open = new java.util.HashMap<UserId, Long>();
    Sql.query(
        jdbc.getConnection(),
        """
        select counselor_id, sum(cases) as cases from case_count
        where status not in ('RESOLVED', 'CLOSED')
        group by counselor_id having sum(cases) > 0
        """,
        rows -> open.put(new UserId(rows.getString("counselor_id")), rows.getLong("cases")));
    return open;
  }

  /** Only the editable columns: the stage belongs to the stage job and is never overwritten. */
  @Override
  @io.micronaut.transaction.annotation.Transactional
  public CaseFile update(CaseFile changed) {
    var client = changed.client();
    var connection = jdbc.getConnection();
    var record = seal(connection, changed.id(), client);
    var updated =
        Sql.update(
            connection,
            """
            update case_file set counselor_id = ?, counselor_name = ?, client_record = ?,
                   phone_hash = ?, id_number_hash = ?, phone = null, email = null,
                   id_number = null, household_notes = null, client_zone = ?, jurisdiction = ?,
                   status = ?, status_reason = ?, version = version + 1
            where id = ? and version = ?
            """,
            changed.counselor().value(),
            changed.counselorName(),
            record.record(),
            record.phoneHash(),
            record.idNumberHash(),
            client.zone(),
            client.jurisdiction(),
            changed.status().name(),
            changed.statusReason(),
            changed.id().value(),
            changed.version());
    if (updated == 0) {
      throw new org.clearpath.domain.shared.StaleVersion("case " + changed.id());
    }
    return find(changed.id()).orElseThrow();
  }

  @Override
  @io.micronaut.transaction.annotation.Transactional
  public void add(CaseFile caseFile) {
    var client = caseFile.client();
    var connection = jdbc.getConnection();
    Sql.update(
        connection,
        """
        insert into case_file (id, client_name, counselor_id, counselor_name, client_login_id,
            client_zone, jurisdiction, status, status_reason, stage, opened_at, version)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
        """,
        caseFile.id().value(),
        caseFile.clientName().value(),
        caseFile.counselor().value(),
        caseFile.counselorName(),
        caseFile.clientLoginIfAny().map(UserId::value).orElse(null),
        client.zone(),
        client.jurisdiction(),
        caseFile.status().name(),
        caseFile.statusReason(),
        caseFile.stage().name(),
        caseFile.openedAt());
    // its data key needs the case's row first
    var record = seal(connection, caseFile.id(), client);
    Sql.update(
        connection,
        "update case_file set client_record = ?, phone_hash = ?, id_number_hash = ? where id = ?",
        record.record(),
        record.phoneHash(),
        record.idNumberHash(),
        caseFile.id().value());
    // a new case gets its first stage period as it is stored
    standing.changed(caseFile.id());
  }

  @Override
  @io.micronaut.data.connection.annotation.Connectable
  public Optional<CaseFile> find(CaseId id) {
    return cases("where c.id = ? and c.erased_at is null", id.value()).stream().findFirst();
  }

  @Override
  @io.micronaut.data.connection.annotation.Connectable
  public List<CaseFile> findAll(java.util.Collection<CaseId> ids) {
    return ids.isEmpty()
        ? List.of()
        : cases(
            "where c.id = any(?) and c.erased_at is null",
            (Object) ids.stream().map(CaseId::value).distinct().toArray(java.util.UUID[]::new));
  }

  @Override
  @io.micronaut.data.connection.annotation.Connectable
  public List<CaseFile> assignedTo(UserId counselor) {
    return cases(
        "where c.counselor_id = ? and c.erased_at is null order by c.opened_at desc",
        counselor.value());
  }

  @Override
  @io.micronaut.data.connection.annotation.Connectable
  public List<CaseFile> ofClient(UserId client) {
    return cases(
        "where c.client_login_id = ? and c.erased_at is null order by c.opened_at desc",
        client.value());
  }

  @Override
  @io.micronaut.data.connection.annotation.Connectable
  public List<CaseFile> all() {
    return cases("where c.erased_at is null order by c.opened_at desc");
  }

  /** The client record sealed under the case's key, with the hashes a search looks for. */
  private SealedClientRecords.Sealed seal(
      java.sql.Connection connection,
      CaseId id,
      org.clearpath.domain.casefile.ClientRecord client) {
    return sealed.seal(
        connection,
        id.value(),
        new SealedClientRecords.Fields(
            client.phone(), client.email(), client.idNumber(), client.householdNotes()));
  }

  // a case file and its sealed client record with the case's wrapped key, as the domain holds it
  private static final String COLUMNS =
      "c.id, c.client_name, c.counselor_id, c.counselor_name, c.client_login_id, c.client_record,"
          + " k.master_key_id, k.wrapped, c.client_zone, c.jurisdiction, c.status,"
          + " c.status_reason, c.stage, c.opened_at, c.version";

  private List<CaseFile> cases(String whereAndOrder, Object... parameters) {
    return Sql.query(
        jdbc.getConnection(),
        "select "
            + COLUMNS
            + " from case_file c left join case_key k on k.case_id = c.id "
            + whereAndOrder,
        this::caseFile,
        parameters);
  }

  private CaseFile caseFile(java.sql.ResultSet rows) throws java.sql.SQLException {
    var login = rows.getString("client_login_id");
    var id = rows.getObject("id", java.util.UUID.class);
    var zone = rows.getString("client_zone");
    var jurisdiction = rows.getString("jurisdiction");
    var masterKeyId = rows.getString("master_key_id");
    var wrapped = rows.getBytes("wrapped");
    var record = rows.getBytes("client_record");
    // opened (two AES-GCM decryptions) only when the record's fields are asked for: most reads
    // of a case need its zone and jurisdiction at most
    return new CaseFile(
        new CaseId(id),
        new ClientName(rows.getString("client_name")),
        new UserId(rows.getString("counselor_id")),
        rows.getString("counselor_name"),
        login == null ? null : new UserId(login),
        org.clearpath.domain.casefile.RecordOnDemand.opening(
            zone,
            jurisdiction,
            () -> {
              var fields = sealed.open(id, masterKeyId, wrapped, record);
              return new org.clearpath.domain.casefile.ClientRecord(
                  fields.phone(),
                  fields.email(),
                  fields.idNumber(),
                  fields.householdNotes(),
                  zone,
                  jurisdiction);
            }),
        CaseStatus.valueOf(rows.getString("status")),
        rows.getString("status_reason"),
        org.clearpath.domain.shared.Stage.valueOf(rows.getString("stage")),
        rows.getObject("opened_at", java.time.OffsetDateTime.class).toInstant(),
        rows.getLong("version"));
  }
}
