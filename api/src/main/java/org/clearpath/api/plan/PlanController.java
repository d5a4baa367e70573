package org.clearpath.api.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.clearpath.api.plan.PlanViews.AffordabilityView;
import org.clearpath.api.plan.PlanViews.PlanView;
import org.clearpath.api.problem.Inputs;
import org.clearpath.api.security.Principals;
import org.clearpath.api.security.Roles;
import org.clearpath.api.web.Csv;
import org.clearpath.domain.debt.DebtId;
import org.clearpath.domain.debt.Debts;
import org.clearpath.domain.plan.KeepingPlans;
import org.clearpath.domain.plan.Plan;
import org.clearpath.domain.plan.PlanKind;
import org.clearpath.domain.plan.PlanProposal;
import org.clearpath.domain.plan.Waiver;
import org.clearpath.domain.plan.WaiverKind;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;

/**
 * Repayment plans: the case's counselor proposes, records the signed agreement, payments and
 * breaks; staff see every plan of the cases they see; the client sees their agreed plans. The
 * case's stage follows each change in the same transaction ({@link
 * org.clearpath.domain.shared.StandingChanges}).
 */
@Controller("/api")
@Tag(name = "plans")
public class PlanController {
  private final KeepingPlans plans;
  private final Debts debts;

  PlanController(KeepingPlans plans, Debts debts) {
    this.plans = plans;
    this.debts = debts;
  }

  @Serdeable
  public record WaiverRequest(@Nullable String kind, @Nullable String amount) {}

  @Serdeable
  public record ProposalRequest(
      @Nullable String kind,
      @Nullable List<String> debtIds,
      @Nullable List<WaiverRequest> waivers,
      @Nullable String agreedTotal,
      @Nullable Integer instalments,
      @Nullable String firstDue,
      @Nullable String terms) {}

  @Serdeable
  public record Proposed(PlanView plan, AffordabilityView affordability) {}

  @Serdeable
  public record AgreementRequest(
      @Nullable String agreedOn, @Nullable String agreementFileId, @Nullable Long version) {}

  @Serdeable
  public record PaymentRequest(
      @Nullable String paidOn,
      @Nullable String amount,
      @Nullable String note,
      @Nullable Long version) {}

  @Serdeable
  public record ReasonRequest(@Nullable String reason, @Nullable Long version) {}

  @Serdeable
  public record ShareView(String debtId, String label, String outstanding, String share) {}

  @Serdeable
  public record RiskView(
      String caseId,
      String clientName,
      String counselorName,
      String planId,
      String debts,
      String status,
      int missedUnpaid,
      @Nullable String oldestMissedDue,
      String unpaid,
      String remaining,
      String currency,
      @Nullable String statusOn,
      @Nullable String statusReason) {}

  @Operation(summary = "The case's plans, newest first (a client sees agreed ones only)")
  @Get("/cases/{id}/plans")
  @Secured({Roles.COUNSELOR, Roles.SUPERVISOR, Roles.CLIENT})
  public List<PlanView> list(@PathVariable String id, Authentication auth) {
    var today = plans.today();
    var actor = Principals.actor(auth);
    var found = plans.ofCase(Inputs.caseId(id), actor);
    // approvals are staff matters, read for the whole list at once
    var approvals =
        actor.is(org.clearpath.domain.shared.Role.CLIENT)
            ? java.util.Map.<java.util.UUID, org.clearpath.domain.plan.PlanApproval>of()
            : plans.approvals(found.stream().map(Plan::id).toList());
    var client = actor.is(org.clearpath.domain.shared.Role.CLIENT);
    return found.stream()
        .map(p -> PlanViews.view(p, today, approvals.get(p.id())))
        .map(v -> client ? PlanViews.forClient(v) : v)
        .toList();
  }

  @Operation(summary = "Propose a plan; the answer says whether the plans still fit the budget")
  @Post("/cases/{id}/plans")
  @Secured(Roles.COUNSELOR)
  public HttpResponse<Proposed> propose(
      @PathVariable String id, @Body @Nullable ProposalRequest request, Authentication auth) {
    if (request == null) {
      throw new InvalidInput("kind", "send the plan", Message.of("refusal.send-the-plan"));
    }
    var caseId = Inputs.caseId(id);
    var actor = Principals.actor(auth);
    var debtIds = Inputs.uuids("debtIds", request.debtIds()).stream().map(DebtId::new).toList();
    // amounts are in the debts' currency; the domain names a debt of another case
    var currency =
        debtIds.isEmpty()
            ? null
            : debts.find(debtIds.getFirst()).map(d -> d.amounts().currency()).orElse(null);
    if (currency == null) {
      throw new InvalidInput(
          debtIds.isEmpty() ? "debtIds" : "debtIds[0]",
          debtIds.isEmpty() ? "choose the debts the plan covers" : "not a debt of this case",
          debtIds.isEmpty()
              ? Message.of("refusal.choose-the-debts-the-plan-covers")
              : Message.of("input.not-of-case"));
    }
    var waivers = new ArrayList<Waiver>();
    var requested = request.waivers() == null ? List.<WaiverRequest>of() : request.waivers();
    for (int i = 0; i < requested.size(); i++) {
      var w = requested.get(i);
      var field = "waivers[" + i + "]";
      if (w == null) {
        throw new InvalidInput(field, "an empty waiver", Message.of("refusal.an-empty-waiver"));
      }
      waivers.add(
          new Waiver(
              Inputs.oneOf(field + ".kind", w.kind(), WaiverKind.class),
              Inputs.money(field + ".amount", w.amount(), currency, false)));
    }
    if (request.instalments() == null) {
      throw new InvalidInput(
          "instalments",
          "how many monthly payments",
          Message.of("refusal.how-many-monthly-payments"));
    }
    var proposal =
        new PlanProposal(
            Inputs.oneOf("kind", request.kind(), PlanKind.class),
            debtIds,
            waivers,
            Inputs.money("agreedTotal", request.agreedTotal(), currency, false),
            request.instalments(),
            Inputs.date("firstDue", request.firstDue(), plans.today().plusYears(1)),
            request.terms());
    var plan = plans.propose(caseId, proposal, actor);
    return HttpResponse.created(
        new Proposed(view(plan), PlanViews.view(plans.affordability(caseId, actor))));
  }

  @Operation(summary = "The open plans' monthly load against the latest budget")
  @Get("/cases/{id}/plans/affordability")
  @Secured({Roles.COUNSELOR, Roles.SUPERVISOR})
  public AffordabilityView affordability(@PathVariable String id, Authentication auth) {
    return PlanViews.view(plans.affordability(Inputs.caseId(id), Principals.actor(auth)));
  }

  @Operation(summary = "Split an amount across the open debts pro rata to what is outstanding")
  @Get("/cases/{id}/plans/split")
  @Secured({Roles.COUNSELOR, Roles.SUPERVISOR})
  public List<ShareView> split(
      @PathVariable String id,
      @QueryValue @Nullable String amount,
      @QueryValue @Nullable String currency,
      Authentication auth) {
    var money = Inputs.money("amount", amount, Inputs.currency("currency", currency), false);
    return plans.split(Inputs.caseId(id), money, Principals.actor(auth)).stream()
        .map(
            s ->
                new ShareView(
                    s.debt().toString(),
                    s.label(),
                    PlanViews.text(s.outstanding()),
                    PlanViews.text(s.share())))
        .toList();
  }

  @Operation(summary = "Record the signed written agreement: the plan is agreed")
  @Post("/plans/{planId}/agreement")
  @Secured(Roles.COUNSELOR)
  public PlanView agree(
      @PathVariable String planId, @Body @Nullable AgreementRequest request, Authentication auth) {
    if (request == null) {
      throw new InvalidInput(
          "agreedOn", "send the agreement", Message.of("refusal.send-the-agreement"));
    }
    var plan =
        plans.agree(
            Inputs.pathId("plan", planId),
            Inputs.date("agreedOn", request.agreedOn(), plans.today()),
            Inputs.uuid("agreementFileId", request.agreementFileId()),
            Inputs.version(request.version()),
            Principals.actor(auth));
    return view(plan);
  }

  @Operation(summary = "Record a payment under the plan (partial, early and late ones too)")
  @Post("/plans/{planId}/payments")
  @Secured(Roles.COUNSELOR)
  public HttpResponse<PlanView> pay(
      @PathVariable String planId, @Body @Nullable PaymentRequest request, Authentication auth) {
    if (request == null) {
      throw new InvalidInput("amount", "send the payment", Message.of("refusal.send-the-payment"));
    }
    var id = Inputs.pathId("plan", planId);
    var actor = Principals.actor(auth);
    var currency = plans.get(id, actor).agreedTotal().currency();
    var plan =
        plans.pay(
            id,
            Inputs.date("paidOn", request.paidOn(), plans.today()),
            Inputs.money("amount", request.amount(), currency, false),
            request.note(),
            Inputs.version(request.version()),
            actor);
    return HttpResponse.created(view(plan));
  }

  @Operation(summary = "Withdraw a proposal the lender turned down")
  @Post("/plans/{planId}/withdrawal")
  @Secured(Roles.COUNSELOR)
  public PlanView withdraw(
      @PathVariable String planId, @Body @Nullable ReasonRequest request, Authentication auth) {
    return view(reasoned(planId, request, auth, plans::withdraw));
  }

  @Operation(summary = "Record that the plan broke; its debts count with their own dues again")
  @Post("/plans/{planId}/break")
  @Secured(Roles.COUNSELOR)
  public PlanView breakOff(
      @PathVariable String planId, @Body @Nullable ReasonRequest request, Authentication auth) {
    return view(reasoned(planId, request, auth, plans::breakOff));
  }

  /** A step that needs only a reason and the version read (withdraw, break). */
  private interface ReasonedStep {
    Plan take(
        java.util.UUID id, String reason, long version, org.clearpath.domain.shared.Actor actor);
  }

  private static Plan reasoned(
      String planId, ReasonRequest request, Authentication auth, ReasonedStep step) {
    return step.take(
        Inputs.pathId("plan", planId),
        request == null ? null : request.reason(),
        Inputs.version(request == null ? null : request.version()),
        Principals.actor(auth));
  }

  @Operation(
      summary =
          "Supervisors: plans with missed instalments unpaid, and recently broken ones; one page"
              + " (size <= 200, default 20), X-Total-Count gives how many in all")
  @Get("/plans/risks{?page,size}")
  @Secured(Roles.SUPERVISOR)
  public HttpResponse<List<RiskView>> risks(
      @QueryValue @Nullable String page, @QueryValue @Nullable String size, Authentication auth) {
    var found = plans.risks(Principals.actor(auth), Inputs.page(page), Inputs.size(size, 20));
    return Inputs.paged(riskViews(found.risks()), found.total());
  }

  private static List<RiskView> riskViews(List<org.clearpath.domain.plan.PlanRisk> risks) {
    return risks.stream()
        .map(
            r ->
                new RiskView(
                    r.plan().caseId().toString(),
                    r.clientName(),
                    r.counselorName(),
                    r.plan().id().toString(),
                    String.join(", ", r.plan().debts().stream().map(d -> d.label()).toList()),
                    r.plan().status().name(),
                    r.missedUnpaid(),
                    r.oldestMissedDue().map(Object::toString).orElse(null),
                    PlanViews.text(r.unpaid()),
                    PlanViews.text(r.plan().remaining()),
                    r.plan().agreedTotal().currency().getCurrencyCode(),
                    r.plan().statusOn() == null ? null : r.plan().statusOn().toString(),
                    r.plan().statusReason()))
        .toList();
  }

  @Operation(summary = "The case's plans and their instalments as CSV")
  @Get(value = "/cases/{id}/plans/export.csv", produces = "text/csv")
  @Secured({Roles.COUNSELOR, Roles.SUPERVISOR, Roles.CLIENT})
  public HttpResponse<byte[]> exportPlans(@PathVariable String id, Authentication auth) {
    var caseId = Inputs.caseId(id);
    var today = plans.today();
    var csv =
        new Csv(
            "plan_id",
            "kind",
            "status",
            "debts",
            "currency",
            "balance_before",
            "waived",
            "agreed_total",
            "agreed_on",
            "instalment",
            "due_on",
            "amount",
            "paid",
            "state",
            "paid_in_full_on",
            "missed_on");
    for (var plan :
        plans.exported(
            caseId,
            Principals.actor(auth),
            org.clearpath.domain.audit.AccessEntry.Access.PLANS_CSV)) {
      for (var s : plan.standings(today)) {
        csv.row(
            plan.id().toString(),
            plan.kind().name(),
            plan.status().name(),
            debtLabels(plan),
            plan.agreedTotal().currency().getCurrencyCode(),
            PlanViews.text(plan.balanceBefore()),
            PlanViews.text(plan.waived()),
            PlanViews.text(plan.agreedTotal()),
            plan.agreedOn() == null ? "" : plan.agreedOn().toString(),
            String.valueOf(s.instalment().number()),
            s.instalment().dueOn().toString(),
            PlanViews.text(s.instalment().amount()),
            PlanViews.text(s.paid()),
            s.state().name(),
            s.paidInFullOn() == null ? "" : s.paidInFullOn().toString(),
            s.instalment().missedOn() == null ? "" : s.instalment().missedOn().toString());
      }
    }
    return download(csv, "plans-" + caseId + ".csv");
  }

  @Operation(summary = "Every payment under the case's plans as CSV")
  @Get(value = "/cases/{id}/plans/payments.csv", produces = "text/csv")
  @Secured({Roles.COUNSELOR, Roles.SUPERVISOR, Roles.CLIENT})
  public HttpResponse<byte[]> exportPayments(@PathVariable String id, Authentication auth) {
    var caseId = Inputs.caseId(id);
    var csv =
        new Csv(
            "payment_id",
            "plan_id",
            "debts",
            "paid_on",
            "amount",
            "currency",
            "note",
            "recorded_by",
            "recorded_at");
    var actor = Principals.actor(auth);
    // a client's copy leaves out the staff's notes and names
    var client = actor.is(org.clearpath.domain.shared.Role.CLIENT);
    for (var plan :
        plans.exported(caseId, actor, org.clearpath.domain.audit.AccessEntry.Access.PAYMENTS_CSV)) {
      for (var p : plan.payments()) {
        csv.row(
            p.id().toString(),
            plan.id().toString(),
            debtLabels(plan),
            p.paidOn().toString(),
            PlanViews.text(p.amount()),
            p.amount().currency().getCurrencyCode(),
            client ? "" : p.note(),
            client ? "" : p.recordedByName(),
            p.recordedAt().toString());
      }
    }
    return download(csv, "payments-" + caseId + ".csv");
  }

  private static String debtLabels(Plan plan) {
    return String.join("; ", plan.debts().stream().map(d -> d.label()).toList());
  }

  private static HttpResponse<byte[]> download(Csv csv, String name) {
    return HttpResponse.ok(csv.bytes())
        .contentType(new MediaType("text/csv; charset=utf-8"))
        .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .header("Cache-Control", "no-store");
  }

  private PlanView view(Plan plan) {
    return PlanViews.view(plan, plans.today(), plans.approval(plan.id()).orElse(null));
  }

  @Serdeable
  public record ApprovalRequest(
      @Nullable String decision, @Nullable String note, @Nullable Long version) {}

  @Operation(
      summary =
          "A supervisor approves a proposal that needs it (decision APPROVE) or returns it with a"
              + " reason (RETURN); audited")
  @Post("/plans/{planId}/approval")
  @Secured(Roles.SUPERVISOR)
  public PlanView decide(
      @PathVariable String planId, @Body @Nullable ApprovalRequest request, Authentication auth) {
    var actor = Principals.actor(auth);
    var id = Inputs.pathId("plan", planId);
    if (request == null || request.decision() == null) {
      throw new InvalidInput("decision", "approve or return", Message.of("input.required"));
    }
    var approve =
        switch (request.decision()) {
          case "APPROVE" -> true;
          case "RETURN" -> false;
          default ->
              throw new InvalidInput(
                  "decision",
                  "APPROVE or RETURN",
                  Message.of("input.one-of", "allowed", "APPROVE, RETURN"));
        };
    plans.decide(id, approve, request.note(), Inputs.version(request.version()), actor);
    return view(plans.get(id, actor));
  }
}
