package org.clearpath.api.problem;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error response. {@code errors} names the fields a
 * user has to fix.
 */
@Serdeable
public record Problem(
    String type,
    String title,
    int status,
    @Nullable String detail,
    @Nullable String instance,
    List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /**
   * What is wrong with one field: in English, and as a code with parameters ({@code
   * input.required}) where the app has one, for the UI to say in the user's language.
   */
  @Serdeable
  public record FieldError(
      String field,
      String message,
      @Nullable String code,
      @Nullable java.util.Map<String, String> params) {
    public FieldError(String field, String message) {
      this(field, message, null, null);
    }
  }

  public static Problem of(HttpStatus status, @Nullable String detail, @Nullable String instance) {
    return new Problem(
        "about:blank", status.getReason(), status.getCode(), detail, instance, List.of());
  }

  public static Problem ofField(
      HttpStatus status, String field, String message, @Nullable String instance) {
    return ofField(status, new FieldError(field, message), instance);
  }

  public static Problem ofField(HttpStatus status, FieldError error, @Nullable String instance) {
    return new Problem(
        "about:blank",
        status.getReason(),
        status.getCode(),
        error.field() + ": " + error.message(),
        instance,
        List.of(error));
  }

  public MutableHttpResponse<Problem> toResponse(MutableHttpResponse<?> response) {
    return response.status(status).contentType(MediaType.of(MEDIA_TYPE)).body(this);
  }

  public MutableHttpResponse<Problem> toResponse() {
    return toResponse(io.micronaut.http.HttpResponse.status(HttpStatus.valueOf(status)));
  }
}
