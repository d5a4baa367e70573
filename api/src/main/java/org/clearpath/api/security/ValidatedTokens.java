package org.clearpath.api.security;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.reactivestreams.Publisher;

/**
 * Remembers the tokens whose signature and claims Micronaut Security has checked, with the
 * authentication it made of them, until the token expires (at most {@link #AT_MOST} after the
 * check). A client sends the same token with each request for minutes: checking an RSA signature
 * and reading the claims again for each one is most of what a small request costs. Only tokens that
 * passed are kept (a refused one is checked again each time), and {@link BearerTokenRules} takes a
 * kept token without reading it again. At most {@link #LIMIT} are kept; when that many are, the
 * expired ones go, and if none has expired all of them go.
 */
@Singleton
public class ValidatedTokens implements BeanCreatedEventListener<TokenValidator<?>> {
  static final Duration AT_MOST = Duration.ofMinutes(5);
  static final int LIMIT = 20_000;
  private final ConcurrentHashMap<String, Kept> kept = new ConcurrentHashMap<>();
  private final Clock clock;

  ValidatedTokens(Clock clock) {
    this.clock = clock;
  }

  private record Kept(Authentication authentication, Instant until) {}

  @Override
  public TokenValidator<?> onCreated(BeanCreatedEvent<TokenValidator<?>> event) {
    return remembering(event.getBean());
  }

  <T> TokenValidator<T> remembering(TokenValidator<T> validator) {
    if (validator instanceof ReactiveJsonWebTokenValidator<?, ?> jwts) {
      // others (the OpenID login) take it as a JWT validator too
      @SuppressWarnings("unchecked")
      var typed = (ReactiveJsonWebTokenValidator<Object, T>) jwts;
      return new RememberingJwts<>(typed);
    }
    return new Remembering<>(validator);
  }

  private class Remembering<T> implements TokenValidator<T> {
    private final TokenValidator<T> validator;

    Remembering(TokenValidator<T> validator) {
      this.validator = validator;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, T request) {
      var known = authenticationOf(token);
      if (known.isPresent()) {
        return Publishers.just(known.get());
      }
      return Publishers.then(validator.validateToken(token, request), a -> keep(token, a));
    }

    @Override
    public int getOrder() {
      return validator.getOrder();
    }
  }

  private final class RememberingJwts<T> extends Remembering<T>
      implements ReactiveJsonWebTokenValidator<Object, T> {
    private final ReactiveJsonWebTokenValidator<Object, T> jwts;

    RememberingJwts(ReactiveJsonWebTokenValidator<Object, T> jwts) {
      super(jwts);
      this.jwts = jwts;
    }

    @Override
    public Publisher<Object> validate(String token, T request) {
      return jwts.validate(token, request);
    }
  }

  /** The authentication made of this token, if it was checked and has not expired since. */
  Optional<Authentication> authenticationOf(String token) {
    var found = kept.get(token);
    if (found == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(found.until())) {
      kept.remove(token, found);
      return Optional.empty();
    }
    return Optional.of(found.authentication());
  }

  boolean isKnown(String token) {
    return authenticationOf(token).isPresent();
  }

  private void keep(String token, Authentication authentication) {
    var expires = expiry(authentication.getAttributes().get("exp"));
    if (expires.isEmpty()) {
      return;
    }
    var now = clock.instant();
    var until = expires.get().isBefore(now.plus(AT_MOST)) ? expires.get() : now.plus(AT_MOST);
    if (!now.isBefore(until)) {
      return;
    }
    if (kept.size() >= LIMIT) {
      kept.values().removeIf(k -> !now.isBefore(k.until()));
      if (kept.size() >= LIMIT) {
        kept.clear();
      }
    }
    kept.put(token, new Kept(authentication, until));
  }

  private static Optional<Instant> expiry(Object exp) {
    return switch (exp) {
      case Date date -> Optional.of(date.toInstant());
      case Instant instant -> Optional.of(instant);
      case Number seconds -> Optional.of(Instant.ofEpochSecond(seconds.longValue()));
      case null, default -> Optional.empty();
    };
  }
}
