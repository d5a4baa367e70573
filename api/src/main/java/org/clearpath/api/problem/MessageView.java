package org.clearpath.api.problem;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import org.clearpath.domain.shared.Message;

/** A message as a stable code and its parameters; the UI says it in the user's language. */
@Serdeable
@Schema(name = "Message")
public record MessageView(String code, Map<String, String> params) {
  public static MessageView of(Message message) {
    return new MessageView(message.code(), message.params());
  }
}
