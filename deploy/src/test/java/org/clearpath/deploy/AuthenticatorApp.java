package org.clearpath.deploy;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.microsoft.playwright.Page;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;

/**
 * A staff member's phone in the tests: it takes the secret Keycloak's setup page offers and gives
 * the one-time codes of Keycloak's default OTP policy (TOTP, HmacSHA1, 6 digits, 30 s). Keycloak
 * takes each code once, so each one given is of a later 30 s step than the last (it accepts the
 * next step too), waiting when both are used.
 */
final class AuthenticatorApp {
  private static final Duration STEP = Duration.ofSeconds(30);
  private final TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator();
  private final Map<String, SecretKeySpec> secrets = new HashMap<>();
  private final Map<String, Long> lastStep = new HashMap<>();

  /** On Keycloak's "set up an authenticator" page: reads the secret, gives a code, names it. */
  void setUp(Page page, String username) {
    var secret = page.locator("#totpSecret").inputValue();
    // Keycloak uses the secret's characters as the key (the page shows them in base32)
    secrets.put(username, new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
    lastStep.remove(username);
    page.locator("#totp").fill(code(username));
    page.locator("#userLabel").fill("phone");
    page.locator("#saveTOTPBtn").click();
  }

  boolean knows(String username) {
    return secrets.containsKey(username);
  }

  /** On Keycloak's one-time code page. */
  void enterCode(Page page, String username) {
    page.locator("input[name=otp]").fill(code(username));
    page.locator("#kc-login").click();
  }

  /** A code of a step not used before, of this step or the next. */
  String code(String username) {
    var key = secrets.get(username);
    if (key == null) {
      throw new IllegalStateException(username + " has not set up this authenticator");
    }
    var now = Instant.now().getEpochSecond() / STEP.toSeconds();
    var step = Math.max(now, lastStep.getOrDefault(username, Long.MIN_VALUE) + 1);
    if (step > now + 1) {
      try {
        Thread.sleep((step - 1) * STEP.toMillis() - System.currentTimeMillis() + 200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    lastStep.put(username, step);
    try {
      return totp.generateOneTimePasswordString(
          key, Instant.ofEpochSecond(step * STEP.toSeconds()), java.util.Locale.ROOT);
    } catch (java.security.InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
