package org.clearpath.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

class ValidatedTokensTest {
  private Instant now = Instant.parse("2026-12-01T08:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  private final ValidatedTokens tokens = new ValidatedTokens(clock);
  private final AtomicInteger checks = new AtomicInteger();

  /** Checks a token as Micronaut's would: "good-N" expires N seconds from now, others fail. */
  private final TokenValidator<Object> signatureCheck =
      new TokenValidator<>() {
        @Override
        public Publisher<Authentication> validateToken(String token, Object request) {
          checks.incrementAndGet();
          if (token.startsWith("good-")) {
            var seconds = Long.parseLong(token.substring(5));
            return Mono.just(
                Authentication.build(
                    "wang",
                    List.of("counselor"),
                    Map.of("exp", Date.from(now.plusSeconds(seconds)))));
          }
          if (token.equals("no-exp")) {
            return Mono.just(Authentication.build("wang", List.of("counselor")));
          }
          return Mono.empty();
        }
      };

  private TokenValidator<Object> wrapped() {
    return tokens.remembering(signatureCheck);
  }

  private String user(TokenValidator<Object> validator, String token) {
    return Mono.from(validator.validateToken(token, null)).map(a -> a.getName()).block();
  }

  @Test
  void a_checked_token_is_taken_again_without_a_second_check_until_it_expires() {
    var validator = wrapped();

    assertThat(user(validator, "good-120")).isEqualTo("wang");
    assertThat(user(validator, "good-120")).isEqualTo("wang");
    assertThat(checks).hasValue(1);
    assertThat(tokens.isKnown("good-120")).isTrue();

    now = now.plusSeconds(119);
    assertThat(user(validator, "good-120")).isEqualTo("wang");
    assertThat(checks).hasValue(1);

    now = now.plusSeconds(1);
    assertThat(tokens.isKnown("good-120")).as("expired").isFalse();
    user(validator, "good-120");
    assertThat(checks).as("checked again once expired").hasValue(2);
  }

  @Test
  void a_long_lived_token_is_checked_again_after_five_minutes() {
    var validator = wrapped();
    user(validator, "good-86400");
    now = now.plus(ValidatedTokens.AT_MOST).minusSeconds(1);
    user(validator, "good-86400");
    assertThat(checks).hasValue(1);
    now = now.plus(Duration.ofSeconds(1));
    user(validator, "good-86400");
    assertThat(checks).hasValue(2);
  }

  @Test
  void a_refused_token_or_one_without_an_expiry_is_checked_every_time() {
    var validator = wrapped();
    assertThat(user(validator, "forged")).isNull();
    assertThat(user(validator, "forged")).isNull();
    user(validator, "no-exp");
    user(validator, "no-exp");
    assertThat(checks).hasValue(4);
    assertThat(tokens.isKnown("forged")).isFalse();
    assertThat(tokens.isKnown("no-exp")).isFalse();
  }

  @Test
  void no_more_than_the_limit_are_kept() {
    var validator = wrapped();
    for (int i = 0; i <= ValidatedTokens.LIMIT; i++) {
      user(validator, "good-" + (600 + i));
    }
    assertThat(tokens.isKnown("good-" + (600 + ValidatedTokens.LIMIT))).isTrue();
    assertThat(tokens.isKnown("good-600")).as("all went when the limit was reached").isFalse();
  }
}
