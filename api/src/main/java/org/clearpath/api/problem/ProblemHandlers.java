package org.clearpath.api.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.NotFound;
import org.clearpath.domain.shared.NotPermitted;

/** Every error becomes {@code application/problem+json}; domain errors keep their meaning. */
public final class ProblemHandlers {
  /** The code of every "changed by someone else meanwhile" answer (409). */
  static final String STALE = "refusal.stale-version";

  private ProblemHandlers() {}

  private static String path(HttpRequest<?> request) {
    return request.getPath();
  }

  @Singleton
  @Produces(Problem.MEDIA_TYPE)
  static class InvalidInputHandler implements ExceptionHandler<InvalidInput, HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(HttpRequest request, InvalidInput e) {
      var why = e.why();
      var error =
          new Problem.FieldError(
              e.field(),
              e.getMessage(),
              why == null ? null : why.code(),
              why == null ? null : why.params());
      return Problem.ofField(HttpStatus.BAD_REQUEST, error, path(request)).toResponse();
    }
  }

  /** A form body that is not form encoding (a stray %, bytes that are not text): 400. */
  @Singleton
  @Produces(Problem.MEDIA_TYPE)
  static class MalformedFormHandler
      implements ExceptionHandler<
          io.netty.handler.codec.http.multipart.HttpPostRequestDecoder.ErrorDataDecoderException,
          HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(
        HttpRequest request,
        io.netty.handler.codec.http.multipart.HttpPostRequestDecoder.ErrorDataDecoderException e) {
      return Problem.ofField(
              HttpStatus.BAD_REQUEST,
              new Problem.FieldError(
                  "body",
                  "not form-encoded (application/x-www-form-urlencoded)",
                  "input.form",
                  null),
              path(request))
          .toResponse();
    }
  }

  @Singleton
  @Produces(Problem.MEDIA_TYPE)
  static class NotFoundHandler implements ExceptionHandler<NotFound, HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(HttpRequest request, NotFound e) {
      return Problem.of(HttpStatus.NOT_FOUND, e.getMessage(), path(request)).toResponse();
    }
  }

  @Singleton
  @Produces(Problem.MEDIA_TYPE)
  static class NotPermittedHandler implements ExceptionHandler<NotPermitted, HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(HttpRequest request, NotPermitted e) {
      return Problem.of(HttpStatus.FORBIDDEN, e.getMessage(), path(request)).toResponse();
    }
  }

  @Singleton
  @Produces(Problem.MEDIA_TYPE)
  static class ConflictHandler implements ExceptionHandler<Conflict, HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(HttpRequest request, Conflict e) {
      return Problem.ofField(HttpStatus.CONFLICT, e.field(), e.getMessage(), path(request))
          .toResponse();
    }
  }

  @Singleton
  @Produces(Problem.MEDIA_TYPE)
  static class OptimisticLockHandler
      implements ExceptionHandler<OptimisticLockException, HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(HttpRequest request, OptimisticLockException e) {
      return Problem.ofField(
              HttpStatus.CONFLICT,
              new Problem.FieldError(
                  "version",
                  "someone else changed this in the meantime; reload and try again",
                  STALE,
                  java.util.Map.of()),
              path(request))
          .toResponse();
    }
  }

  @Singleton
  @Produces(Problem.MEDIA_TYPE)
  static class StaleVersionHandler
      implements ExceptionHandler<org.clearpath.domain.shared.StaleVersion, HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(HttpRequest request, org.clearpath.domain.shared.StaleVersion e) {
      return Problem.ofField(
              HttpStatus.CONFLICT,
              new Problem.FieldError("version", e.getMessage(), STALE, java.util.Map.of()),
              path(request))
          .toResponse();
    }
  }

  /**
   * A staff change needs the admin's own Keycloak rights, and their sign-in left none the app can
   * use: 403, and the UI offers to sign in again.
   */
  @Singleton
  @Produces(Problem.MEDIA_TYPE)
  static class SignInAgainHandler
      implements ExceptionHandler<
          org.clearpath.api.keycloak.AdminRights.SignInAgain, HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(
        HttpRequest request, org.clearpath.api.keycloak.AdminRights.SignInAgain e) {
      return Problem.ofField(
              HttpStatus.FORBIDDEN,
              new Problem.FieldError(
                  "signIn",
                  "sign in again to change staff accounts with your own rights ("
                      + e.getMessage()
                      + ")",
                  "refusal.sign-in-again",
                  java.util.Map.of()),
              path(request))
          .toResponse();
    }
  }

  /**
   * Keycloak refused a change the app asked for: the acting admin (or the app's service account)
   * lacks that right there. 403, said as such; the realm's permissions decide, not the app.
   */
  @Singleton
  @Produces(Problem.MEDIA_TYPE)
  static class LoginServiceRefusedHandler
      implements ExceptionHandler<jakarta.ws.rs.ForbiddenException, HttpResponse<?>> {
    private static final org.slf4j.Logger LOG =
        org.slf4j.LoggerFactory.getLogger(LoginServiceRefusedHandler.class);

    @Override
    public HttpResponse<?> handle(HttpRequest request, jakarta.ws.rs.ForbiddenException e) {
      LOG.warn("Keycloak refused a change on {}: {}", path(request), e.getMessage());
      return Problem.ofField(
              HttpStatus.FORBIDDEN,
              new Problem.FieldError(
                  "account",
                  "the login service (Keycloak) does not let you make this change",
                  "refusal.keycloak-refused",
                  java.util.Map.of()),
              path(request))
          .toResponse();
    }
  }

  /** Keycloak (the login service) did not answer: 503, the request can be tried again later. */
  @Singleton
  @Produces(Problem.MEDIA_TYPE)
  static class LoginServiceDownHandler
      implements ExceptionHandler<jakarta.ws.rs.ProcessingException, HttpResponse<?>> {
    private static final org.slf4j.Logger LOG =
        org.slf4j.LoggerFactory.getLogger(LoginServiceDownHandler.class);

    @Override
    public HttpResponse<?> handle(HttpRequest request, jakarta.ws.rs.ProcessingException e) {
      LOG.warn("Keycloak did not answer on {}: {}", path(request), e.getMessage());
      return Problem.of(
              HttpStatus.SERVICE_UNAVAILABLE,
              "the login service (Keycloak) is not answering; try again in a moment",
              path(request))
          .toResponse();
    }
  }

  /** A change the current state does not allow: 409, naming the state it is in. */
  @Singleton
  @Produces(Problem.MEDIA_TYPE)
  static class WrongStateHandler
      implements ExceptionHandler<org.clearpath.domain.shared.WrongState, HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(HttpRequest request, org.clearpath.domain.shared.WrongState e) {
      return Problem.ofField(
              HttpStatus.CONFLICT,
              new Problem.FieldError(
                  "status",
                  e.getMessage(),
                  "refusal.wrong-state",
                  java.util.Map.of("state", e.state())),
              path(request))
          .toResponse();
    }
  }

  @Singleton
  @Produces(Problem.MEDIA_TYPE)
  @Replaces(io.micronaut.validation.exceptions.ConstraintExceptionHandler.class)
  static class ConstraintViolationHandler
      implements ExceptionHandler<ConstraintViolationException, HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(HttpRequest request, ConstraintViolationException e) {
      List<Problem.FieldError> errors =
          e.getConstraintViolations().stream()
              .map(v -> new Problem.FieldError(fieldOf(v.getPropertyPath()), v.getMessage()))
              .sorted(java.util.Comparator.comparing(Problem.FieldError::field))
              .toList();
      var detail =
          errors.stream()
              .map(error -> error.field() + ": " + error.message())
              .collect(java.util.stream.Collectors.joining("; "));
      return new Problem(
              "about:blank", HttpStatus.BAD_REQUEST.getReason(), 400, detail, path(request), errors)
          .toResponse();
    }

    /** {@code create.request.clientName} → {@code clientName}: the method and parameter go. */
    static String fieldOf(jakarta.validation.Path path) {
      var names = new java.util.ArrayList<String>();
      path.forEach(node -> names.add(node.getName()));
      return names.size() > 2 ? String.join(".", names.subList(2, names.size())) : names.getLast();
    }
  }

  /** 401 and 403 as problems, never a redirect: the single-page app decides where to go. */
  @Singleton
  @Replaces(DefaultAuthorizationExceptionHandler.class)
  @Requires(classes = AuthorizationException.class)
  static class AuthorizationHandler
      implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {
    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException e) {
      return e.isForbidden()
          ? Problem.of(HttpStatus.FORBIDDEN, "you may not do this", path(request)).toResponse()
          : Problem.of(HttpStatus.UNAUTHORIZED, "log in first", path(request)).toResponse();
    }
  }

  /** Errors raised by the framework itself (no route, bad JSON, wrong media type…). */
  @Singleton
  @Replaces(io.micronaut.http.server.exceptions.response.HateoasErrorResponseProcessor.class)
  static class FrameworkErrors implements ErrorResponseProcessor<Problem> {
    @Override
    @NonNull
    public MutableHttpResponse<Problem> processResponse(
        @NonNull ErrorContext context, @NonNull MutableHttpResponse<?> response) {
      var status = response.getStatus();
      var errors =
          context.getErrors().stream()
              .filter(error -> error.getPath().isPresent())
              .map(error -> new Problem.FieldError(error.getPath().get(), error.getMessage()))
              .toList();
      var detail =
          context.getErrors().isEmpty()
              ? status.getReason()
              : context.getErrors().stream()
                  .map(io.micronaut.http.server.exceptions.response.Error::getMessage)
                  .collect(java.util.stream.Collectors.joining("; "));
      if (status.getCode() >= 500) {
        detail = "something went wrong on our side; it has been logged";
      }
      return new Problem(
              "about:blank",
              status.getReason(),
              status.getCode(),
              detail,
              context.getRequest().getPath(),
              errors)
          .toResponse(response);
    }
  }
}
