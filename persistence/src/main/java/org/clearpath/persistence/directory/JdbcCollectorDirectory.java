package org.clearpath.persistence.directory;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.clearpath.domain.directory.CollectorDirectory;
import org.clearpath.domain.directory.CollectorKeys;
import org.clearpath.domain.directory.DirectoryEntry;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.StaleVersion;
import org.clearpath.persistence.Sql;

/**
 * {@link CollectorDirectory} in {@code directory_entry} (an entry per agency or number, by its
 * normalized key; merged entries point at the one they count with), {@code directory_sighting} (the
 * contacts that name each) and {@code directory_case} (the cases each reached, under the entry it
 * counts with, with a count of clients kept on that entry for ranking).
 */
@Singleton
public class JdbcCollectorDirectory implements CollectorDirectory {
  private final JdbcOperations jdbc;

  JdbcCollectorDirectory(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Files a logged contact under the agency and the collector's number it names: called by the
   * contact log's store in the transaction that appends the entry (and by the migration that filled
   * the directory from entries logged before).
   */
  public static void sight(
      Connection connection,
      UUID contactId,
      UUID caseId,
      String agency,
      String collectorNumber,
      Instant at,
      String region) {
    var agencyKey = CollectorKeys.agency(agency);
    if (agencyKey != null) {
      sight(connection, contactId, caseId, "AGENCY", agencyKey, label(agency), at);
    }
    var number = CollectorKeys.number(collectorNumber, region);
    if (number != null) {
      sight(connection, contactId, caseId, "NUMBER", number.key(), number.label(), at);
    }
  }

  private static String label(String text) {
    var label = text.strip().replaceAll("\\s+", " ");
    return label.length() > 200 ? label.substring(0, 200) : label;
  }

  private static void sight(
      Connection connection,
      UUID contactId,
      UUID caseId,
      String kind,
      String key,
      String label,
      Instant at) {
    // one statement files the sighting and the case under the entry it counts with; the upsert
    // locks the entry's row, so a merge and a sighting of one entry come one after the other
    var first =
        Sql.query(
            connection,
            """
            with entry as (
              insert into directory_entry as d (id, kind, key, label) values (?, ?, ?, ?)
              on conflict (kind, key) do update set label = d.label
              returning d.id, coalesce(d.merged_into, d.id) as root
            ), sighting as (
              insert into directory_sighting (contact_id, entry_id) select ?, id from entry
            )
            insert into directory_case as dc (entry_id, case_id, contacts, last_at)
            select root, ?, 1, ? from entry
            on conflict (entry_id, case_id) do update
              set contacts = dc.contacts + 1, last_at = greatest(dc.last_at, excluded.last_at)
            returning (xmax = 0) as first, entry_id
            """,
            rows -> rows.getBoolean("first") ? rows.getObject("entry_id", UUID.class) : null,
            UUID.randomUUID(),
            kind,
            key.length() > 200 ? key.substring(0, 200) : key,
            label,
            contactId,
            caseId,
            at);
    if (!first.isEmpty() && first.getFirst() != null) {
      Sql.update(
          connection,
          "update directory_entry set clients = clients + 1 where id = ?",
          first.getFirst());
    }
  }

  private static final String ENTRY =
      "select d.id, d.kind, d.label, d.key, d.clients, d.version from directory_entry d";

  private record Row(
      UUID id, DirectoryEntry.Kind kind, String label, String key, int clients, long version) {}

  private static Row row(ResultSet rows) throws SQLException {
    return new Row(
        rows.getObject("id", UUID.class),
        DirectoryEntry.Kind.valueOf(rows.getString("kind")),
        rows.getString("label"),
        rows.getString("key"),
        rows.getInt("clients"),
        rows.getLong("version"));
  }

  @Override
  @Connectable
  public Slice<DirectoryEntry> page(DirectoryEntry.Kind kind, String text, int offset, int limit) {
    var connection = jdbc.getConnection();
    var pattern =
        text == null
            ? null
            : "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    var keyPattern =
        text == null
            ? null
            : kind == DirectoryEntry.Kind.AGENCY
                ? "%" + String.valueOf(CollectorKeys.agency(text)).replace("%", "\\%") + "%"
                : text.replaceAll("[^0-9]", "").isEmpty()
                    ? "" // text without digits matches no number's key (only labels)
                    : "%" + text.replaceAll("[^0-9]", "") + "%";
    var where =
        " where d.kind = ? and d.merged_into is null"
            + (text == null ? "" : " and (d.label ilike ? or d.key like ?)");
    var parameters = new ArrayList<Object>();
    parameters.add(kind.name());
    if (text != null) {
      parameters.add(pattern);
      parameters.add(keyPattern);
    }
    var total =
        Sql.query(
                connection,
                "select count(*) from directory_entry d" + where,
                rows -> rows.getLong(1),
                parameters.toArray())
            .getFirst();
    parameters.add(limit);
    parameters.add(offset);
    var rows =
        Sql.query(
            connection,
            ENTRY + where + " order by d.clients desc, d.label, d.id limit ? offset ?",
            JdbcCollectorDirectory::row,
            parameters.toArray());
    return new Slice<>(complete(connection, rows), total);
  }

  /** The flags, complaints and lenders of these entries (with the entries merged into them). */
  private static List<DirectoryEntry> complete(Connection connection, List<Row> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    var ids = rows.stream().map(Row::id).toArray(UUID[]::new);
    var flags = new HashMap<UUID, int[]>();
    Sql.query(
        connection,
        """
        select coalesce(d.merged_into, d.id) as root, count(distinct fc.flag_id) as flags,
               count(distinct cf.complaint_id) as complaints
        from directory_entry d
        join directory_sighting s on s.entry_id = d.id
        join flag_contact fc on fc.contact_id = s.contact_id
        left join complaint_flag cf on cf.flag_id = fc.flag_id
        where d.id = any(?) or d.merged_into = any(?)
        group by 1
        """,
        r -> flags.put(r.getObject("root", UUID.class), new int[] {r.getInt(2), r.getInt(3)}),
        ids,
        ids);
    var lenders = new HashMap<UUID, List<String>>();
    Sql.query(
        connection,
        """
        select coalesce(d.merged_into, d.id) as root, l.name, count(*) as contacts
        from directory_entry d
        join directory_sighting s on s.entry_id = d.id
        join contact_entry c on c.id = s.contact_id
        join lender l on l.id = c.lender_id
        where d.id = any(?) or d.merged_into = any(?)
        group by 1, 2
        order by contacts desc, l.name
        """,
        r ->
            lenders
                .computeIfAbsent(r.getObject("root", UUID.class), k -> new ArrayList<>())
                .add(r.getString("name")),
        ids,
        ids);
    return rows.stream()
        .map(
            r -> {
              var counts = flags.getOrDefault(r.id(), new int[2]);
              var names = lenders.getOrDefault(r.id(), List.of());
              return new DirectoryEntry(
                  r.id(),
                  r.kind(),
                  r.label(),
                  r.key(),
                  r.clients(),
                  counts[0],
                  counts[1],
                  names.subList(0, Math.min(5, names.size())),
                  r.version());
            })
        .toList();
  }

  @Override
  @Connectable
  public Optional<DirectoryEntry> find(UUID id) {
    var connection = jdbc.getConnection();
    var rows =
        Sql.query(
            connection,
            ENTRY
                + " where d.id = (select coalesce(merged_into, id) from directory_entry"
                + " where id = ?)",
            JdbcCollectorDirectory::row,
            id);
    return complete(connection, rows).stream().findFirst();
  }

  @Override
  @Connectable
  public Slice<Reached> reached(
      UUID id, org.clearpath.domain.shared.Reach reach, int offset, int limit) {
    var connection = jdbc.getConnection();
    // the reach first, so that its parameters come first (Reaches.with)
    var where =
        " where true"
            + org.clearpath.persistence.Reaches.condition(reach, "c.counselor_id")
            + " and dc.entry_id = ?";
    var total =
        Sql.query(
                connection,
                "select count(*) from directory_case dc join case_file c on c.id = dc.case_id"
                    + where,
                rows -> rows.getLong(1),
                org.clearpath.persistence.Reaches.with(reach, id))
            .getFirst();
    var items =
        Sql.query(
            connection,
            "select c.id, c.client_name, c.counselor_name, dc.contacts, dc.last_at"
                + " from directory_case dc join case_file c on c.id = dc.case_id"
                + where
                + " order by dc.last_at desc, c.id limit ? offset ?",
            rows ->
                new Reached(
                    new CaseId(rows.getObject("id", UUID.class)),
                    rows.getString("client_name"),
                    rows.getString("counselor_name"),
                    rows.getInt("contacts"),
                    rows.getTimestamp("last_at").toInstant()),
            org.clearpath.persistence.Reaches.with(reach, id, limit, offset));
    return new Slice<>(items, total);
  }

  @Override
  @Connectable
  public Optional<Known> known(String numberKey) {
    return Sql.query(
            jdbc.getConnection(),
            """
            select c.agency, c.lender_id, l.name, count(*) as contacts
            from directory_entry d
            join directory_sighting s on s.entry_id = d.id
            join contact_entry c on c.id = s.contact_id
            left join lender l on l.id = c.lender_id
            where coalesce(d.merged_into, d.id) = (
              select coalesce(merged_into, id) from directory_entry
              where kind = 'NUMBER' and key = ?)
            group by 1, 2, 3
            order by (c.agency is null and c.lender_id is null), contacts desc
            limit 1
            """,
            rows -> {
              var lender = rows.getObject("lender_id", UUID.class);
              return new Known(
                  rows.getString("agency"),
                  lender == null ? null : lender.toString(),
                  rows.getString("name"),
                  rows.getInt("contacts"));
            },
            numberKey)
        .stream()
        .filter(k -> k.agency() != null || k.lenderId() != null)
        .findFirst();
  }

  @Override
  @Transactional
  public void merge(UUID from, UUID into, long version) {
    var connection = jdbc.getConnection();
    // the target's version guards against a merge decided on what someone changed meanwhile
    if (Sql.update(
            connection,
            "update directory_entry set version = version + 1 where id = ? and version = ?"
                + " and merged_into is null",
            into,
            version)
        == 0) {
      throw new StaleVersion("the directory entry");
    }
    Sql.update(
        connection,
        "update directory_entry set merged_into = ?, clients = 0, version = version + 1"
            + " where id = ? or merged_into = ?",
        into,
        from,
        from);
    Sql.update(
        connection,
        """
        insert into directory_case as dc (entry_id, case_id, contacts, last_at)
        select ?, case_id, contacts, last_at from directory_case where entry_id = ?
        on conflict (entry_id, case_id) do update
          set contacts = dc.contacts + excluded.contacts,
              last_at = greatest(dc.last_at, excluded.last_at)
        """,
        into,
        from);
    Sql.update(connection, "delete from directory_case where entry_id = ?", from);
    Sql.update(
        connection,
        "update directory_entry set clients = (select count(*) from directory_case"
            + " where entry_id = ?) where id = ?",
        into,
        into);
  }
}
