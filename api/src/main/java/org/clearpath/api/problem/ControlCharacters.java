package org.clearpath.api.problem;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Control characters (U+0000–U+001F) have no place in a case file: in a path, a query or a JSON
 * field they answer 400 naming where they were, before any controller sees them. Tab, newline and
 * carriage return are allowed only in the multi-line texts of a JSON body (summaries, notes,
 * reasons, drafts). Runs after the security filter, so a request nobody may make is still 401/403.
 */
@ServerFilter("/**")
public class ControlCharacters implements Ordered {
  /** JSON fields that hold multi-line text, by their last name. */
  static final Set<String> MULTI_LINE =
      Set.of(
          "summary",
          "notes",
          "note",
          "householdNotes",
          "terms",
          "text",
          "reason",
          "description",
          "outcome",
          "answer",
          "details",
          "draft");

  private final JsonMapper json;

  ControlCharacters(JsonMapper json) {
    this.json = json;
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.after();
  }

  /**
   * The path and the query at once, on the event loop (a GET ends here); then a JSON body, read to
   * its end without blocking a thread before the check answers.
   */
  @RequestFilter
  @Nullable
  public CompletableFuture<Optional<HttpResponse<?>>> check(HttpRequest<?> request) {
    var path = request.getUri().getPath(); // decoded: %00 is a NUL here
    if (path != null && firstControl(path, false) >= 0) {
      return refused(request, "path", "the address holds a control character");
    }
    for (var name : request.getParameters().names()) {
      if (firstControl(name, false) >= 0) {
        return refused(request, "query", "a query parameter's name holds a control character");
      }
      for (var value : request.getParameters().getAll(name)) {
        if (firstControl(value, false) >= 0) {
          return refused(request, name, "holds a control character");
        }
      }
    }
    if (!request.getMethod().permitsRequestBody()
        || !request.getContentType().map(type -> type.getSubtype().endsWith("json")).orElse(false)
        || !(request instanceof ServerHttpRequest<?> server)) {
      return null;
    }
    return server
        .byteBody()
        .split(ByteBody.SplitBackpressureMode.FASTEST)
        .buffer()
        .handle(
            (body, failure) -> {
              if (failure != null) {
                return Optional.empty(); // no body after all: the framework answers that
              }
              try (body) {
                return inBody(request, body.toByteArray());
              }
            });
  }

  private Optional<HttpResponse<?>> inBody(HttpRequest<?> request, byte[] bytes) {
    if (!mayHoldControl(bytes)) {
      return Optional.empty();
    }
    try {
      var tree = json.readValue(bytes, JsonNode.class);
      return findIn(tree, "").map(field -> refuse(request, field, "holds a control character"));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // not JSON after all: the framework answers that
    }
  }

  private static CompletableFuture<Optional<HttpResponse<?>>> refused(
      HttpRequest<?> request, String field, String message) {
    return CompletableFuture.completedFuture(Optional.of(refuse(request, field, message)));
  }

  /** Raw control bytes, or an escape below U+0020 other than the common whitespace ones. */
  private static boolean mayHoldControl(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      var b = bytes[i];
      if (b >= 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t') {
        return true;
      }
      if (b == '\\') {
        return true; // an escape: look closer
      }
    }
    return false;
  }

  private static Optional<String> findIn(JsonNode node, String path) {
    if (node.isString()) {
      var name = path.substring(path.lastIndexOf('.') + 1).replaceAll("\\[\\d+]$", "");
      return firstControl(node.getStringValue(), MULTI_LINE.contains(name)) >= 0
          ? Optional.of(path.isEmpty() ? "body" : path)
          : Optional.empty();
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> entry : node.entries()) {
        var key = entry.getKey();
        if (firstControl(key, false) >= 0) {
          return Optional.of(path.isEmpty() ? "body" : path);
        }
        var found = findIn(entry.getValue(), path.isEmpty() ? key : path + "." + key);
        if (found.isPresent()) {
          return found;
        }
      }
    } else if (node.isArray()) {
      int i = 0;
      for (var element : node.values()) {
        var found = findIn(element, path + "[" + i++ + "]");
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  /** The index of the first control character, or -1. */
  static int firstControl(String text, boolean multiLine) {
    for (int i = 0; i < text.length(); i++) {
      var c = text.charAt(i);
      if (c < 0x20 && !(multiLine && (c == '\n' || c == '\t' || c == '\r'))) {
        return i;
      }
    }
    return -1;
  }

  private static HttpResponse<?> refuse(HttpRequest<?> request, String field, String message) {
    return Problem.ofField(HttpStatus.BAD_REQUEST, field, message, safePath(request)).toResponse();
  }

  /** The path as it can be shown back: control characters made visible. */
  private static String safePath(HttpRequest<?> request) {
    var path = request.getPath();
    var out = new StringBuilder();
    for (int i = 0; i < path.length(); i++) {
      var c = path.charAt(i);
      out.append(c < 0x20 ? String.format("%%%02X", (int) c) : String.valueOf(c));
    }
    return out.toString();
  }
}
