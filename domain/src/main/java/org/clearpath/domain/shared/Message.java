package org.clearpath.domain.shared;

import java.util.Map;
import java.util.Objects;

/**
 * Something the app tells a person, as a stable code and its parameters ({@code
 * stage.days-past-due} with lender 招联金融 and days 45), so that the UI says it in the person's
 * language. Names, numbers, days and codes go in the parameters, never into the code.
 */
public record Message(String code, Map<String, String> params) {
  public Message {
    Objects.requireNonNull(code, "code");
    params = Map.copyOf(params);
  }

  public static Message of(String code) {
    return new Message(code, Map.of());
  }

  public static Message of(String code, String name, Object value) {
    return new Message(code, Map.of(name, String.valueOf(value)));
  }

  public static Message of(String code, String name1, Object value1, String name2, Object value2) {
    return new Message(code, Map.of(name1, String.valueOf(value1), name2, String.valueOf(value2)));
  }
}
