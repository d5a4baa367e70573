package org.clearpath.persistence.crypto;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The install's master key, which wraps every data key and is never stored in the database: {@code
 * clearpath.crypto.master-key} ({@code CLEARPATH_MASTER_KEY}) or the first line of the file {@code
 * clearpath.crypto.master-key-file} ({@code CLEARPATH_MASTER_KEY_FILE}), a secret of at least 32
 * bytes from which the AES-256 key is derived (SHA-256). During a rotation the keys it replaces are
 * named in {@code clearpath.crypto.previous-master-keys} (comma-separated) until {@link
 * KeysAtStart} has wrapped every data key again under the new one.
 */
@Singleton
public class MasterKeys {
  private static final String AES_GCM = "AES/GCM/NoPadding";
  // found once: looking the transformation up in every provider took a third of opening a record
  private static final java.security.Provider AES_GCM_PROVIDER = aesGcmProvider();

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int NONCE = 12;
  private static final int TAG_BITS = 128;

  /** A master key and its id: a hash that tells the keys apart without revealing them. */
  record Key(String id, SecretKeySpec aes) {}

  private final Key current;
  private final Map<String, Key> known = new LinkedHashMap<>();

  MasterKeys(
      @Value("${clearpath.crypto.master-key:}") String masterKey,
      @Value("${clearpath.crypto.master-key-file:}") String masterKeyFile,
      @Value("${clearpath.crypto.previous-master-keys:}") String previous) {
    var secret = masterKey.isBlank() ? fromFile(masterKeyFile) : masterKey;
    if (secret.isBlank()) {
      throw new IllegalStateException(
          "no master key: set CLEARPATH_MASTER_KEY (clearpath.crypto.master-key) or"
              + " CLEARPATH_MASTER_KEY_FILE (clearpath.crypto.master-key-file), a secret of at least"
              + " 32 bytes");
    }
    current = derive(secret, "clearpath.crypto.master-key");
    known.put(current.id(), current);
    for (var old : previous.split(",")) {
      if (!old.isBlank()) {
        var key = derive(old, "clearpath.crypto.previous-master-keys");
        known.putIfAbsent(key.id(), key);
      }
    }
  }

  private static String fromFile(String file) {
    if (file.isBlank()) {
      return "";
    }
    try {
      var lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
      return lines.isEmpty() ? "" : lines.getFirst();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the master key file " + file, e);
    }
  }

  static Key derive(String secret, String setting) {
    var bytes = secret.strip().getBytes(StandardCharsets.UTF_8);
    if (bytes.length < 32) {
      throw new IllegalStateException(setting + ": a master key has at least 32 bytes");
    }
    var aes = sha256("clearpath master key\0", bytes);
    var id = HexFormat.of().formatHex(sha256("clearpath master key id\0", bytes), 0, 8);
    return new Key(id, new SecretKeySpec(aes, "AES"));
  }

  private static byte[] sha256(String label, byte[] secret) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      digest.update(label.getBytes(StandardCharsets.UTF_8));
      return digest.digest(secret);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The id of the key that wraps new data keys. */
  public String currentId() {
    return current.id();
  }

  /** A data key wrapped under the current master key, bound to what it is for ({@code aad}). */
  byte[] wrap(byte[] dataKey, byte[] aad) {
    return seal(current.aes(), dataKey, aad);
  }

  /**
   * The data key wrapped under the master key {@code id}, checked against what it is for.
   *
   * @throws IllegalStateException when that master key is not configured, or it does not open
   */
  byte[] unwrap(String id, byte[] wrapped, byte[] aad) {
    var key = known.get(id);
    if (key == null) {
      throw new IllegalStateException(
          "a data key is wrapped under master key "
              + id
              + ", which is not configured: name it in CLEARPATH_PREVIOUS_MASTER_KEYS");
    }
    return open(key.aes(), wrapped, aad);
  }

  /**
   * A short-lived secret (an admin's sign-in grant) sealed under the current master key, bound to
   * what it is for ({@code aad}); {@link #currentId()} names the key.
   */
  public byte[] sealSecret(byte[] secret, byte[] aad) {
    return seal(current.aes(), secret, aad);
  }

  /**
   * The secret {@link #sealSecret sealed} under master key {@code id}.
   *
   * @throws IllegalStateException when that key is not configured, or it does not open
   */
  public byte[] openSecret(String id, byte[] sealed, byte[] aad) {
    return unwrap(id, sealed, aad);
  }

  /** A fresh 256-bit data key. */
  static byte[] newDataKey() {
    var key = new byte[32];
    RANDOM.nextBytes(key);
    return key;
  }

  /** AES-GCM: a random nonce, then the ciphertext and its tag. */
  static byte[] seal(SecretKeySpec key, byte[] plain, byte[] aad) {
    try {
      var nonce = new byte[NONCE];
      RANDOM.nextBytes(nonce);
      var cipher = Cipher.getInstance(AES_GCM, AES_GCM_PROVIDER);
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad);
      var sealed = cipher.doFinal(plain);
      var out = new byte[NONCE + sealed.length];
      System.arraycopy(nonce, 0, out, 0, NONCE);
      System.arraycopy(sealed, 0, out, NONCE, sealed.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * @throws IllegalStateException when the key is not the one, or the bytes or {@code aad} were
   *     changed
   */
  static byte[] open(SecretKeySpec key, byte[] sealed, byte[] aad) {
    if (sealed.length < NONCE + TAG_BITS / 8) {
      throw new IllegalStateException("sealed data too short to be sealed: changed?");
    }
    try {
      var cipher = Cipher.getInstance(AES_GCM, AES_GCM_PROVIDER);
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE));
      cipher.updateAAD(aad);
      return cipher.doFinal(sealed, NONCE, sealed.length - NONCE);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new IllegalStateException("sealed data does not open with its key: changed?", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static java.security.Provider aesGcmProvider() {
    try {
      return Cipher.getInstance(AES_GCM).getProvider();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM has no AES-GCM", e);
    }
  }
}
