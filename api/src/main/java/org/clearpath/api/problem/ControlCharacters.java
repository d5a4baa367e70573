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

  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.after();
  }

  /** On the event loop, at once: the path and the query (a GET ends here, with no thread hop). */
  @RequestFilter
  @Nullable
  public HttpResponse<?> check(HttpRequest<?> request) {
    var path = request.getUri().getPath(); // decoded: %00 is a NUL here
    if (path != null && firstControl(path, false) >= 0) {
      return refuse(request, "path", "the address holds a control character");
    }
    for (var name : request.getParameters().names()) {
      if (firstControl(name, false) >= 0) {
        return refuse(request, "query", "a query parameter's name holds a control character");
      }
      for (var value : request.getParameters().getAll(name)) {
        if (firstControl(value, false) >= 0) {
          return refuse(request, name, "holds a control character");
        }
      }
    }
    return null;
  }

  /**
   * A JSON body, on a worker thread: read to its end before the check answers. Only requests that
   * carry a body come here, so reads never leave the event loop for it.
   */
  @ServerFilter(
      value = "/**",
      methods = {
        io.micronaut.http.HttpMethod.POST,
        io.micronaut.http.HttpMethod.PUT,
        io.micronaut.http.HttpMethod.PATCH,
        io.micronaut.http.HttpMethod.DELETE
      })
  public static class InJsonBodies implements Ordered {
    private final JsonMapper json;

    InJsonBodies(JsonMapper json) {
      this.json = json;
    }

    @Override
    public int getOrder() {
      return ServerFilterPhase.SECURITY.after() + 1;
    }

    @RequestFilter
    @io.micronaut.scheduling.annotation.ExecuteOn(io.micronaut.scheduling.TaskExecutors.BLOCKING)
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request) {
      var isJson =
          request.getContentType().map(type -> type.getSubtype().endsWith("json")).orElse(false);
      if (!isJson || !(request instanceof ServerHttpRequest<?> server)) {
        return null;
      }
      try (var body =
          server
              .byteBody()
              .split(ByteBody.SplitBackpressureMode.FASTEST)
              .buffer()
              .get(30, java.util.concurrent.TimeUnit.SECONDS)) {
        var bytes = body.toByteArray();
        if (!mayHoldControl(bytes)) {
          return null;
        }
        var tree = json.readValue(bytes, JsonNode.class);
        return findIn(tree, "")
            .map(field -> refuse(request, field, "holds a control character"))
            .orElse(null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      } catch (IOException
          | RuntimeException
          | java.util.concurrent.ExecutionException
          | java.util.concurrent.TimeoutException e) {
        return null; // not JSON after all, or no body: the framework answers that
      }
    }
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
