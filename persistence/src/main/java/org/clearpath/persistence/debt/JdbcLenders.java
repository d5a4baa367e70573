package org.clearpath.persistence.debt;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.clearpath.domain.debt.Lender;
import org.clearpath.domain.debt.LenderId;
import org.clearpath.domain.debt.LenderKind;
import org.clearpath.domain.debt.Lenders;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.persistence.Sql;

/** {@link Lenders} in the {@code lender} table. */
@Singleton
public class JdbcLenders implements Lenders {
  private final JdbcOperations jdbc;

  JdbcLenders(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @Transactional
  public void add(Lender lender) {
    var added =
        Sql.update(
            jdbc.getConnection(),
            "insert into lender (id, name, kind) values (?, ?, ?) on conflict do nothing",
            lender.id().value(),
            lender.name(),
            lender.kind().name());
    if (added == 0) {
      throw new InvalidInput("name", "a lender with this name is already in the directory");
    }
  }

  @Override
  @Connectable
  public Optional<Lender> find(LenderId id) {
    return Sql.query(
            jdbc.getConnection(),
            "select id, name, kind from lender where id = ?",
            JdbcLenders::lender,
            id.value())
        .stream()
        .findFirst();
  }

  @Override
  @Connectable
  public List<Lender> all() {
    return Sql.query(
        jdbc.getConnection(),
        "select id, name, kind from lender order by lower(name)",
        JdbcLenders::lender);
  }

  @Override
  @Connectable
  public java.util.Map<LenderId, Lender> named(java.util.Collection<LenderId> ids) {
    if (ids.isEmpty()) {
      return java.util.Map.of();
    }
    var wanted = ids.stream().map(LenderId::value).distinct().toArray(UUID[]::new);
    return Sql.query(
            jdbc.getConnection(),
            "select id, name, kind from lender where id = any(?)",
            JdbcLenders::lender,
            (Object) wanted)
        .stream()
        .collect(java.util.stream.Collectors.toMap(Lender::id, lender -> lender));
  }

  static Lender lender(ResultSet row) throws SQLException {
    return new Lender(
        new LenderId(row.getObject("id", UUID.class)),
        row.getString("name"),
        LenderKind.valueOf(row.getString("kind")));
  }
}
