package org.clearpath.api.wellbeing;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.clearpath.api.problem.Inputs;
import org.clearpath.api.security.Principals;
import org.clearpath.api.security.Roles;
import org.clearpath.domain.casefile.GuardedCases;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;
import org.clearpath.domain.shared.Transactions;
import org.clearpath.domain.task.Tasks;
import org.clearpath.domain.wellbeing.CheckingWellbeing;
import org.clearpath.domain.wellbeing.WellbeingCheck;
import org.clearpath.domain.wellbeing.WellbeingChecks;

/**
 * Wellbeing checks on a case (internal: its counselor and supervisors, never the client) and the
 * office's referral list for a client in crisis ({@code clearpath.wellbeing.referrals}).
 */
@Controller("/api")
@Tag(name = "wellbeing")
public class WellbeingController {
  private final CheckingWellbeing checking;
  private final List<ReferralView> referrals;

  WellbeingController(CheckingWellbeing checking, Environment environment) {
    this.checking = checking;
    this.referrals = referrals(environment);
  }

  @Factory
  static class Configuration {
    @Singleton
    CheckingWellbeing checkingWellbeing(
        GuardedCases cases, WellbeingChecks checks, Tasks tasks, Transactions transactions) {
      return new CheckingWellbeing(cases, checks, tasks, transactions);
    }
  }

  /** A hotline or service, in both languages; {@code checked}: the office confirmed it. */
  @Serdeable
  public record ReferralView(
      String nameZh,
      String nameEn,
      String contact,
      @Nullable String hoursZh,
      @Nullable String hoursEn,
      boolean checked) {}

  private static List<ReferralView> referrals(Environment environment) {
    // a list keeps the keys YAML wrote (a map's would come back flattened)
    List<?> configured =
        environment.getProperty("clearpath.wellbeing.referrals", List.class).orElse(List.of());
    return configured.stream()
        .filter(Map.class::isInstance)
        .map(Map.class::cast)
        .map(
            m ->
                new ReferralView(
                    text(m, "name-zh"),
                    text(m, "name-en"),
                    text(m, "contact"),
                    m.get("hours-zh") == null ? null : String.valueOf(m.get("hours-zh")),
                    m.get("hours-en") == null ? null : String.valueOf(m.get("hours-en")),
                    Boolean.parseBoolean(String.valueOf(m.get("checked")))))
        .toList();
  }

  private static String text(Map<?, ?> m, String key) {
    var value = m.get(key);
    if (value == null || String.valueOf(value).isBlank()) {
      throw new IllegalStateException("clearpath.wellbeing.referrals: every item needs " + key);
    }
    return String.valueOf(value);
  }

  @Serdeable
  public record CheckRequest(
      @Nullable String occasion,
      @Nullable Integer stress,
      @Nullable Integer sleep,
      @Nullable Integer shame,
      @Nullable String selfHarm,
      @Nullable String note) {}

  @Serdeable
  public record CheckView(
      String id,
      String occasion,
      int stress,
      int sleep,
      int shame,
      String selfHarm,
      boolean crisis,
      @Nullable String note,
      String at,
      String byName) {
    static CheckView of(WellbeingCheck c) {
      return new CheckView(
          c.id().toString(),
          c.occasion().name(),
          c.stress(),
          c.sleep(),
          c.shame(),
          c.selfHarm().name(),
          c.crisis(),
          c.note(),
          c.at().toString(),
          c.byName());
    }
  }

  @Operation(summary = "The case's wellbeing checks, newest first (staff of the case only)")
  @Get("/cases/{id}/wellbeing")
  @Secured({Roles.COUNSELOR, Roles.SUPERVISOR})
  public List<CheckView> history(@PathVariable String id, Authentication auth) {
    return checking.history(Inputs.caseId(id), Principals.actor(auth)).stream()
        .map(CheckView::of)
        .toList();
  }

  @Operation(
      summary =
          "Record a check (the case's counselor); a crisis answer raises an urgent task for the"
              + " supervisor")
  @Post("/cases/{id}/wellbeing")
  @Secured(Roles.COUNSELOR)
  public HttpResponse<CheckView> record(
      @PathVariable String id, @Body @Nullable CheckRequest request, Authentication auth) {
    var actor = Principals.actor(auth);
    var caseId = Inputs.caseId(id);
    if (request == null) {
      throw new InvalidInput("selfHarm", "send the answers", Message.of("input.self-harm-asked"));
    }
    var answers =
        new CheckingWellbeing.Answers(
            request.occasion() == null || request.occasion().isBlank()
                ? null
                : Inputs.oneOf("occasion", request.occasion(), WellbeingCheck.Occasion.class),
            scale("stress", request.stress()),
            scale("sleep", request.sleep()),
            scale("shame", request.shame()),
            request.selfHarm() == null || request.selfHarm().isBlank()
                ? null
                : Inputs.oneOf("selfHarm", request.selfHarm(), WellbeingCheck.SelfHarm.class),
            request.note());
    return HttpResponse.created(CheckView.of(checking.record(caseId, answers, actor)));
  }

  private static int scale(String field, Integer value) {
    if (value == null) {
      throw new InvalidInput(field, "answer from 0 to 3", Message.of("input.required"));
    }
    return value;
  }

  @Operation(summary = "The office's referral list for a client in crisis (staff)")
  @Get("/wellbeing/referrals")
  @Secured({Roles.COUNSELOR, Roles.SUPERVISOR})
  public List<ReferralView> referrals() {
    return referrals;
  }
}
