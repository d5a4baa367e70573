package org.clearpath.persistence.crypto;

import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.util.Locale;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.clearpath.domain.casefile.ClientRecord;
import org.clearpath.persistence.Sql;

/**
 * The client's phone, email, ID number and household notes, sealed under the case's own data key
 * (AES-256-GCM, bound to the case), and the keyed hashes that let a search find a case by its phone
 * or ID number. A case's data key is made with its first sealed record and kept wrapped under the
 * master key in {@code case_key}; the search key, one for the install, in {@code install_key}.
 */
@Singleton
public class SealedClientRecords {
  private static final byte FORMAT = 1;
  private static final String SEARCH = "search";
  private static final String SEARCH_KEY =
      "select master_key_id, wrapped from install_key where purpose = '" + SEARCH + "'";
  private final MasterKeys master;
  private final CaseKeys caseKeys;
  private volatile SecretKeySpec searchKey;

  SealedClientRecords(MasterKeys master, CaseKeys caseKeys) {
    this.master = master;
    this.caseKeys = caseKeys;
  }

  /** What is sealed of a client record. */
  public record Fields(String phone, String email, String idNumber, String householdNotes) {}

  /** The sealed record and the search hashes of its phone and ID number (null when absent). */
  public record Sealed(byte[] record, byte[] phoneHash, byte[] idNumberHash) {}

  /** Seals the fields under the case's data key, made now if the case has none. */
  public Sealed seal(Connection connection, UUID caseId, Fields fields) {
    return seal(connection, caseId, caseKeys.of(connection, caseId), fields);
  }

  /** Seals the fields under the case's data key, given. */
  Sealed seal(Connection connection, UUID caseId, SecretKeySpec dataKey, Fields fields) {
    var record = MasterKeys.seal(dataKey, encode(fields), aad("client-record", caseId));
    return new Sealed(
        record,
        fields.phone() == null
            ? null
            : phoneHash(connection, ClientRecord.phoneDigits(fields.phone())),
        fields.idNumber() == null ? null : idNumberHash(connection, fields.idNumber()));
  }

  /**
   * The fields of a sealed record, with the case's wrapped data key as read beside it. A case whose
   * key is gone (erased) or that never had a record reads as empty.
   */
  public Fields open(UUID caseId, String masterKeyId, byte[] wrappedKey, byte[] record) {
    if (record == null || wrappedKey == null) {
      return new Fields(null, null, null, null);
    }
    var dataKey = caseKeys.open(caseId, masterKeyId, wrappedKey);
    return decode(MasterKeys.open(dataKey, record, aad("client-record", caseId)));
  }

  public byte[] phoneHash(Connection connection, String digits) {
    return hash(connection, "phone\0" + digits);
  }

  public byte[] idNumberHash(Connection connection, String idNumber) {
    return hash(connection, "id-number\0" + idNumber.strip().toUpperCase(Locale.ROOT));
  }

  private byte[] hash(Connection connection, String text) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(searchKey(connection));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The install's search key, made on first use. */
  private SecretKeySpec searchKey(Connection connection) {
    var known = searchKey;
    if (known != null) {
      return known;
    }
    var aad = installKeyAad(SEARCH);
    var stored = CaseKeys.stored(connection, SEARCH_KEY);
    if (stored == null) {
      Sql.update(
          connection,
          "insert into install_key (purpose, master_key_id, wrapped) values (?, ?, ?)"
              + " on conflict do nothing",
          SEARCH,
          master.currentId(),
          master.wrap(MasterKeys.newDataKey(), aad));
      stored = CaseKeys.stored(connection, SEARCH_KEY);
    }
    known =
        new SecretKeySpec(master.unwrap(stored.masterKeyId(), stored.wrapped(), aad), "HmacSHA256");
    searchKey = known;
    return known;
  }

  /** What a key of the install is bound to when wrapped: its purpose. */
  static byte[] installKeyAad(String purpose) {
    return ("install-key:" + purpose).getBytes(StandardCharsets.UTF_8);
  }

  static byte[] aad(String what, UUID caseId) {
    return (what + ":" + caseId).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] encode(Fields fields) {
    var bytes = new ByteArrayOutputStream();
    try (var out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      for (var field :
          new String[] {
            fields.phone(), fields.email(), fields.idNumber(), fields.householdNotes()
          }) {
        out.writeBoolean(field != null);
        if (field != null) {
          var utf8 = field.getBytes(StandardCharsets.UTF_8);
          out.writeInt(utf8.length);
          out.write(utf8);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static Fields decode(byte[] plain) {
    try (var in = new DataInputStream(new ByteArrayInputStream(plain))) {
      if (in.readByte() != FORMAT) {
        throw new IllegalStateException("a sealed client record of an unknown format");
      }
      var fields = new String[4];
      for (var i = 0; i < fields.length; i++) {
        if (in.readBoolean()) {
          fields[i] = new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
        }
      }
      return new Fields(fields[0], fields[1], fields[2], fields[3]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
