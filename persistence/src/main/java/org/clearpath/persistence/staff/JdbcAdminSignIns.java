package org.clearpath.persistence.staff;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.clearpath.domain.shared.UserId;
import org.clearpath.domain.staff.AdminSignIns;
import org.clearpath.persistence.Sql;
import org.clearpath.persistence.crypto.MasterKeys;

/**
 * {@link AdminSignIns} in {@code admin_sign_in} (V43): the grant sealed under the master key with
 * AES-GCM, bound to its sign-in and admin, so that a row copied to another sign-in or admin does
 * not open. Ended grants are removed as new ones are kept.
 */
@Singleton
public class JdbcAdminSignIns implements AdminSignIns {
  private final JdbcOperations jdbc;
  private final MasterKeys masterKeys;

  JdbcAdminSignIns(JdbcOperations jdbc, MasterKeys masterKeys) {
    this.jdbc = jdbc;
    this.masterKeys = masterKeys;
  }

  private static byte[] aad(String signIn, UserId admin) {
    return ("admin-sign-in\0" + signIn + "\0" + admin.value()).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  @Transactional
  public void keep(String signIn, UserId admin, String grant, Instant until) {
    var connection = jdbc.getConnection();
    Sql.update(connection, "delete from admin_sign_in where kept_until < now()");
    Sql.update(
        connection,
        "insert into admin_sign_in (sign_in, admin_id, master_key_id, sealed, kept_until)"
            + " values (?, ?, ?, ?, ?) on conflict (sign_in) do update set admin_id ="
            + " excluded.admin_id, master_key_id = excluded.master_key_id, sealed ="
            + " excluded.sealed, kept_until = excluded.kept_until",
        signIn,
        admin.value(),
        masterKeys.currentId(),
        masterKeys.sealSecret(grant.getBytes(StandardCharsets.UTF_8), aad(signIn, admin)),
        until);
  }

  private record Sealed(String masterKeyId, byte[] bytes) {}

  @Override
  @Connectable
  public Optional<String> grant(String signIn, UserId admin, Instant now) {
    var found =
        Sql.query(
            jdbc.getConnection(),
            "select master_key_id, sealed from admin_sign_in"
                + " where sign_in = ? and admin_id = ? and kept_until > ?",
            rows -> new Sealed(rows.getString(1), rows.getBytes(2)),
            signIn,
            admin.value(),
            now);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    var sealed = found.getFirst();
    try {
      return Optional.of(
          new String(
              masterKeys.openSecret(sealed.masterKeyId(), sealed.bytes(), aad(signIn, admin)),
              StandardCharsets.UTF_8));
    } catch (IllegalStateException notOpening) {
      // sealed under a master key no longer configured, or changed: as if there were none
      return Optional.empty();
    }
  }

  @Override
  @Transactional
  public void forget(String signIn) {
    Sql.update(jdbc.getConnection(), "delete from admin_sign_in where sign_in = ?", signIn);
  }
}
