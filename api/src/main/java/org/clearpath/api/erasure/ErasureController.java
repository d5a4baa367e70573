package org.clearpath.api.erasure;

import io.micronaut.context.annotation.Factory;
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
import org.clearpath.api.problem.Inputs;
import org.clearpath.api.security.Principals;
import org.clearpath.api.security.Roles;
import org.clearpath.domain.casefile.GuardedCases;
import org.clearpath.domain.erasure.ErasedCases;
import org.clearpath.domain.erasure.ErasingCases;
import org.clearpath.domain.erasure.ErasureRequest;
import org.clearpath.domain.erasure.ErasureRequests;
import org.clearpath.domain.erasure.LegalHold;
import org.clearpath.domain.shared.Transactions;

/**
 * Erasing a case's personal data: the client (portal) or the case's counselor asks, a supervisor of
 * the case's team erases it or refuses; a supervisor's legal hold stops any erasure.
 */
@Controller("/api")
@Tag(name = "erasure")
public class ErasureController {
  /** At most this many waiting requests are listed. */
  static final int LISTED = 200;

  private final ErasingCases erasing;

  private final io.micronaut.context.BeanProvider<PortalLoginRemoval> logins;

  ErasureController(
      ErasingCases erasing, io.micronaut.context.BeanProvider<PortalLoginRemoval> logins) {
    this.erasing = erasing;
    this.logins = logins;
  }

  @Factory
  static class Configuration {
    @Singleton
    ErasingCases erasingCases(
        GuardedCases cases,
        ErasureRequests requests,
        ErasedCases erased,
        Transactions transactions) {
      return new ErasingCases(cases, requests, erased, transactions);
    }
  }

  @Serdeable
  public record RequestView(
      String id,
      String caseId,
      String requestedByName,
      String requestedAs,
      String requestedAt,
      String status,
      @Nullable String decidedByName,
      @Nullable String decidedAt,
      @Nullable String note,
      long version) {
    static RequestView of(ErasureRequest r) {
      return new RequestView(
          r.id().toString(),
          r.caseId().toString(),
          r.requestedByName(),
          r.requestedAs().name(),
          r.requestedAt().toString(),
          r.status().name(),
          r.decidedByName(),
          r.decidedAt() == null ? null : r.decidedAt().toString(),
          r.note(),
          r.version());
    }
  }

  @Serdeable
  public record Decision(@Nullable Long version, @Nullable String note) {}

  @Serdeable
  public record HoldView(String reason, String setByName, String at) {
    static HoldView of(LegalHold h) {
      return new HoldView(h.reason(), h.setByName(), h.at().toString());
    }
  }

  @Serdeable
  public record Reason(@Nullable String reason) {}

  @Operation(summary = "Ask for the case to be erased (the client of the case, or its counselor)")
  @Post("/cases/{id}/erasure-requests")
  @Secured({Roles.CLIENT, Roles.COUNSELOR})
  public HttpResponse<RequestView> request(@PathVariable String id, Authentication auth) {
    return HttpResponse.created(
        RequestView.of(erasing.request(Inputs.caseId(id), Principals.actor(auth))));
  }

  @Operation(summary = "The case's open erasure request, if any (204: none)")
  @Get("/cases/{id}/erasure-requests/open")
  @Secured({Roles.CLIENT, Roles.COUNSELOR, Roles.SUPERVISOR})
  public HttpResponse<RequestView> open(@PathVariable String id, Authentication auth) {
    return erasing
        .openOf(Inputs.caseId(id), Principals.actor(auth))
        .map(r -> HttpResponse.ok(RequestView.of(r)))
        .orElseGet(HttpResponse::noContent);
  }

  @Operation(summary = "Erasure requests waiting for a decision on the supervisor's cases")
  @Get("/erasure-requests")
  @Secured(Roles.SUPERVISOR)
  public List<RequestView> waiting(Authentication auth) {
    return erasing.waiting(Principals.actor(auth), LISTED).stream().map(RequestView::of).toList();
  }

  @Operation(summary = "Erase the case of a request (supervisors; 409 while on legal hold)")
  @Post("/erasure-requests/{requestId}/approval")
  @Secured(Roles.SUPERVISOR)
  public RequestView approve(
      @PathVariable String requestId, @Body @Nullable Decision decision, Authentication auth) {
    var actor = Principals.actor(auth);
    var id = Inputs.pathId("erasure request", requestId);
    var erased =
        erasing.approve(id, Inputs.version(decision == null ? null : decision.version()), actor);
    logins.ifPresent(PortalLoginRemoval::soon); // the client's portal login goes too
    return RequestView.of(erased);
  }

  @Operation(summary = "Refuse a request, saying why (supervisors)")
  @Post("/erasure-requests/{requestId}/refusal")
  @Secured(Roles.SUPERVISOR)
  public RequestView refuse(
      @PathVariable String requestId, @Body @Nullable Decision decision, Authentication auth) {
    var actor = Principals.actor(auth);
    var id = Inputs.pathId("erasure request", requestId);
    return RequestView.of(
        erasing.refuse(
            id,
            Inputs.version(decision == null ? null : decision.version()),
            decision == null ? null : decision.note(),
            actor));
  }

  @Operation(summary = "The case's legal hold, if any (staff; 204: none)")
  @Get("/cases/{id}/legal-hold")
  @Secured({Roles.COUNSELOR, Roles.SUPERVISOR})
  public HttpResponse<HoldView> hold(@PathVariable String id, Authentication auth) {
    return erasing
        .holdOf(Inputs.caseId(id), Principals.actor(auth))
        .map(h -> HttpResponse.ok(HoldView.of(h)))
        .orElseGet(HttpResponse::noContent);
  }

  @Operation(summary = "Put the case on legal hold, saying why (supervisors)")
  @Post("/cases/{id}/legal-hold")
  @Secured(Roles.SUPERVISOR)
  public HoldView setHold(
      @PathVariable String id, @Body @Nullable Reason reason, Authentication auth) {
    var actor = Principals.actor(auth);
    var caseId = Inputs.caseId(id);
    return HoldView.of(erasing.hold(caseId, reason == null ? null : reason.reason(), actor));
  }

  @Operation(summary = "Lift the case's legal hold, saying why (supervisors)")
  @Post("/cases/{id}/legal-hold/lift")
  @Secured(Roles.SUPERVISOR)
  public HttpResponse<Void> lift(
      @PathVariable String id, @Body @Nullable Reason reason, Authentication auth) {
    var actor = Principals.actor(auth);
    var caseId = Inputs.caseId(id);
    erasing.lift(caseId, reason == null ? null : reason.reason(), actor);
    return HttpResponse.noContent();
  }
}
