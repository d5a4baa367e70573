package org.clearpath.domain.casefile;

import java.util.Locale;
import java.util.regex.Pattern;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;

/**
 * The login a client gets for their portal: a username (3–64 of a–z, 0–9, dot, dash, underscore;
 * stored lower-case) and, optionally, an email address.
 */
public record PortalLogin(String username, String email) {
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,64}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

  public PortalLogin {
    username = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    if (!USERNAME.matcher(username).matches()) {
      throw new InvalidInput(
          "portalLogin.username",
          "a username has 3 to 64 characters: letters a–z, digits, dot, dash or underscore",
          Message.of("refusal.username-format"));
    }
    email = email == null || email.isBlank() ? null : email.strip();
    if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
      throw new InvalidInput(
          "portalLogin.email",
          "this is not an email address",
          org.clearpath.domain.shared.Message.of("input.email"));
    }
  }
}
