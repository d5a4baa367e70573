package org.clearpath.persistence.crypto;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.clearpath.persistence.Sql;

/**
 * Each case's own data key (AES-256), made when the case first has something to seal and kept in
 * {@code case_key} wrapped under the master key, bound to the case. Everything sealed of a case
 * (its client record, its evidence) is sealed under it, so destroying that one row leaves all of it
 * unreadable.
 */
@Singleton
public class CaseKeys {
  private final MasterKeys master;

  CaseKeys(MasterKeys master) {
    this.master = master;
  }

  /** The case's data key, made and stored wrapped (in the caller's transaction) if it has none. */
  public SecretKeySpec of(Connection connection, UUID caseId) {
    var stored =
        stored(connection, "select master_key_id, wrapped from case_key where case_id = ?", caseId);
    if (stored != null) {
      return open(caseId, stored.masterKeyId(), stored.wrapped());
    }
    var key = MasterKeys.newDataKey();
    var made =
        Sql.update(
            connection,
            "insert into case_key (case_id, master_key_id, wrapped) values (?, ?, ?)"
                + " on conflict do nothing",
            caseId,
            master.currentId(),
            master.wrap(key, aad(caseId)));
    // made by another transaction meanwhile: that one
    return made == 1 ? new SecretKeySpec(key, "AES") : of(connection, caseId);
  }

  /**
   * The data keys of many cases at once, those without one made (three statements for all): what
   * sealing a whole office's records at a start needs.
   */
  java.util.Map<UUID, SecretKeySpec> ofAll(Connection connection, java.util.List<UUID> caseIds) {
    var ids = caseIds.toArray(UUID[]::new);
    var fresh = new String[ids.length];
    var keysById = new java.util.HashMap<UUID, SecretKeySpec>();
    for (var i = 0; i < ids.length; i++) {
      var key = MasterKeys.newDataKey();
      fresh[i] = java.util.HexFormat.of().formatHex(master.wrap(key, aad(ids[i])));
    }
    Sql.update(
        connection,
        "insert into case_key (case_id, master_key_id, wrapped) select id, ?, decode(wrapped,"
            + " 'hex') from unnest(?::uuid[], ?::text[]) as made(id, wrapped)"
            + " on conflict do nothing",
        master.currentId(),
        ids,
        fresh);
    // what is stored now, whether made here or before
    Sql.query(
        connection,
        "select case_id, master_key_id, wrapped from case_key where case_id = any(?)",
        rows -> {
          var id = rows.getObject(1, UUID.class);
          keysById.put(id, open(id, rows.getString(2), rows.getBytes(3)));
          return id;
        },
        (Object) ids);
    return keysById;
  }

  /** The case's data key, from its wrapped form as read from {@code case_key}. */
  public SecretKeySpec open(UUID caseId, String masterKeyId, byte[] wrapped) {
    return new SecretKeySpec(master.unwrap(masterKeyId, wrapped, aad(caseId)), "AES");
  }

  /** AES-GCM under a data key: a random nonce, then the ciphertext and its tag. */
  public static byte[] sealWith(SecretKeySpec key, byte[] plain, byte[] aad) {
    return MasterKeys.seal(key, plain, aad);
  }

  /**
   * @throws IllegalStateException when the key is not the one, or the bytes or {@code aad} were
   *     changed
   */
  public static byte[] openWith(SecretKeySpec key, byte[] sealed, byte[] aad) {
    return MasterKeys.open(key, sealed, aad);
  }

  static byte[] aad(UUID caseId) {
    return SealedClientRecords.aad("case-key", caseId);
  }

  record Wrapped(String masterKeyId, byte[] wrapped) {}

  static Wrapped stored(Connection connection, String sql, Object... parameters) {
    var found =
        Sql.query(
            connection, sql, rows -> new Wrapped(rows.getString(1), rows.getBytes(2)), parameters);
    return found.isEmpty() ? null : found.getFirst();
  }
}
