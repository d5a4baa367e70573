package org.clearpath.api.debt;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.clearpath.api.problem.Inputs;
import org.clearpath.api.security.Principals;
import org.clearpath.api.security.Roles;
import org.clearpath.api.stage.StageSettings;
import org.clearpath.domain.debt.Amounts;
import org.clearpath.domain.debt.Debt;
import org.clearpath.domain.debt.DebtId;
import org.clearpath.domain.debt.DebtStatus;
import org.clearpath.domain.debt.Due;
import org.clearpath.domain.debt.LenderId;
import org.clearpath.domain.debt.NewDebt;
import org.clearpath.domain.debt.Repayment;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;
import org.clearpath.domain.shared.NotFound;

/**
 * A case's debts. Everyone who may see the case sees them (the client too: they are the client's
 * own debts); only the case's counselor records and changes them. Amounts travel as decimal strings
 * ("1234.50"), never as floating-point numbers.
 */
@Controller("/api")
@Tag(name = "debts")
public class DebtController {
  private final DebtService service;
  private final StageSettings settings;
  private final org.clearpath.domain.plan.Plans plans;

  DebtController(
      DebtService service, StageSettings settings, org.clearpath.domain.plan.Plans plans) {
    this.service = service;
    this.settings = settings;
    this.plans = plans;
  }

  @Serdeable
  public record AmountOn(String date, String amount) {}

  @Serdeable
  public record DebtView(
      String id,
      String lenderId,
      String lenderName,
      String lenderKind,
      @Nullable String product,
      String currency,
      String principal,
      String interest,
      String penaltyInterest,
      String fees,
      String total,
      String repaid,
      String outstanding,
      String status,
      int daysPastDue,
      String stage,
      List<AmountOn> dues,
      List<AmountOn> repayments,
      @Nullable String planId,
      @Nullable String planStatus,
      long version) {}

  /**
   * While an agreed or active plan covers the debt, its days past due count from the plan's oldest
   * missed instalment, as the stage job counts them.
   */
  DebtView view(Debt d) {
    return view(d, d.status().isOpen() ? plans.ofCase(d.caseId()) : List.of());
  }

  /** {@code casePlans}: the plans of the debt's case, read once for a whole list of debts. */
  DebtView view(Debt d, List<org.clearpath.domain.plan.Plan> casePlans) {
    var today = service.today();
    var a = d.amounts();
    var plan =
        d.status().isOpen()
            ? casePlans.stream()
                .filter(p -> p.status().inForce())
                .filter(p -> p.debts().stream().anyMatch(x -> x.debt().equals(d.id())))
                .findFirst()
            : java.util.Optional.<org.clearpath.domain.plan.Plan>empty();
    var dpd =
        plan.map(
                p ->
                    p.missed(today).stream()
                        .findFirst()
                        .map(
                            s ->
                                (int)
                                    java.time.temporal.ChronoUnit.DAYS.between(
                                        s.instalment().dueOn(), today))
                        .orElse(0))
            .orElseGet(() -> d.daysPastDue(today));
    return new DebtView(
        d.id().toString(),
        d.lender().id().toString(),
        d.lender().name(),
        d.lender().kind().name(),
        d.product(),
        a.currency().getCurrencyCode(),
        a.principal().amount().toPlainString(),
        a.interest().amount().toPlainString(),
        a.penaltyInterest().amount().toPlainString(),
        a.fees().amount().toPlainString(),
        a.total().amount().toPlainString(),
        d.repaid().amount().toPlainString(),
        d.outstanding().amount().toPlainString(),
        d.status().name(),
        dpd,
        d.status().isOpen() ? settings.thresholds().stageFor(dpd).name() : "RESOLVED",
        d.dues().stream()
            .map(x -> new AmountOn(x.dueDate().toString(), x.amount().amount().toPlainString()))
            .toList(),
        d.repayments().stream()
            .map(x -> new AmountOn(x.paidOn().toString(), x.amount().amount().toPlainString()))
            .toList(),
        plan.map(p -> p.id().toString()).orElse(null),
        plan.map(p -> p.status().name()).orElse(null),
        d.version());
  }

  @Serdeable
  public record NewDebtRequest(
      @Nullable String lenderId,
      @Nullable String product,
      @Nullable String currency,
      @Nullable String principal,
      @Nullable String interest,
      @Nullable String penaltyInterest,
      @Nullable String fees,
      @Nullable List<AmountOn> dues) {}

  @Serdeable
  public record RepaymentRequest(
      @Nullable String paidOn, @Nullable String amount, @Nullable Long version) {}

  @Serdeable
  public record CorrectionRequest(
      @Nullable String product,
      @Nullable String principal,
      @Nullable String interest,
      @Nullable String penaltyInterest,
      @Nullable String fees,
      @Nullable Long version) {}

  @Serdeable
  public record StatusRequest(@Nullable String status, @Nullable Long version) {}

  private static DebtId debtId(String id) {
    return DebtId.parse(id).orElseThrow(() -> new NotFound("debt " + id));
  }

  @Operation(summary = "A case's debts, with days past due and stage as of today")
  @Get("/cases/{id}/debts")
  @Secured({Roles.COUNSELOR, Roles.SUPERVISOR, Roles.CLIENT})
  public List<DebtView> list(@PathVariable String id, Authentication authentication) {
    var caseId = Inputs.caseId(id);
    var read = service.ofCase(caseId, Principals.actor(authentication));
    return read.debts().stream().map(d -> view(d, read.plans())).toList();
  }

  @Operation(summary = "Record a debt on a case (the case's counselor)")
  @Post("/cases/{id}/debts")
  @Secured(Roles.COUNSELOR)
  public HttpResponse<DebtView> add(
      @PathVariable String id,
      @Body @Nullable NewDebtRequest request,
      Authentication authentication) {
    if (request == null) {
      throw new InvalidInput(
          "lenderId",
          "choose a lender from the directory",
          org.clearpath.domain.shared.Message.of("input.required"));
    }
    var lender =
        LenderId.parse(Inputs.required("lenderId", request.lenderId()))
            .orElseThrow(LenderId::unknown);
    var currency =
        Inputs.currency("currency", request.currency() == null ? "CNY" : request.currency());
    var amounts =
        new Amounts(
            Inputs.money("principal", request.principal(), currency, false),
            Inputs.money("interest", request.interest(), currency, true),
            Inputs.money("penaltyInterest", request.penaltyInterest(), currency, true),
            Inputs.money("fees", request.fees(), currency, true));
    var latestDue = service.today().plusYears(30);
    var dues = new java.util.ArrayList<Due>();
    var given = request.dues() == null ? List.<AmountOn>of() : request.dues();
    for (int i = 0; i < given.size(); i++) {
      var due = given.get(i);
      var amount = Inputs.money("dues[" + i + "].amount", due.amount(), currency, false);
      if (!amount.isPositive()) {
        throw new InvalidInput(
            "dues[" + i + "].amount",
            "a due amount must be more than zero",
            Message.of("refusal.a-due-amount-must-be-more-than-zero"));
      }
      dues.add(new Due(Inputs.date("dues[" + i + "].date", due.date(), latestDue), amount));
    }
    var debt =
        service.add(
            Inputs.caseId(id),
            new NewDebt(lender, request.product(), amounts, dues),
            Principals.actor(authentication));
    return HttpResponse.created(view(debt), URI.create("/api/debts/" + debt.id()));
  }

  @Operation(
      summary = "Record a repayment on a debt (the case's counselor); 409 on a stale version")
  @Post("/debts/{id}/repayments")
  @Secured(Roles.COUNSELOR)
  public DebtView repay(
      @PathVariable String id,
      @Body @Nullable RepaymentRequest request,
      Authentication authentication) {
    var debtId = debtId(id);
    if (request == null) {
      throw new InvalidInput("amount", "this is required", Message.of("input.required"));
    }
    var actor = Principals.actor(authentication);
    var current = service.get(debtId, actor);
    var paidOn = Inputs.date("paidOn", request.paidOn(), service.today());
    var amount = Inputs.money("amount", request.amount(), current.amounts().currency(), false);
    if (!amount.isPositive()) {
      throw new InvalidInput(
          "amount",
          "a repayment must be more than zero",
          org.clearpath.domain.shared.Message.of("input.positive"));
    }
    return view(
        service.repay(
            debtId, new Repayment(paidOn, amount), Inputs.version(request.version()), actor));
  }

  @Operation(
      summary =
          "Correct a debt's product and amounts (the case's counselor); 409 on a stale version")
  @Put("/debts/{id}")
  @Secured(Roles.COUNSELOR)
  public DebtView correct(
      @PathVariable String id,
      @Body @Nullable CorrectionRequest request,
      Authentication authentication) {
    if (request == null) {
      throw new InvalidInput("principal", "this is required", Message.of("input.required"));
    }
    var debtId = debtId(id);
    var actor = Principals.actor(authentication);
    var currency = service.get(debtId, actor).amounts().currency();
    var amounts =
        new Amounts(
            Inputs.money("principal", request.principal(), currency, false),
            Inputs.money("interest", request.interest(), currency, true),
            Inputs.money("penaltyInterest", request.penaltyInterest(), currency, true),
            Inputs.money("fees", request.fees(), currency, true));
    return view(
        service.correct(
            debtId, request.product(), amounts, Inputs.version(request.version()), actor));
  }

  @Operation(summary = "Close or reopen a debt (the case's counselor); 409 on a stale version")
  @Put("/debts/{id}/status")
  @Secured(Roles.COUNSELOR)
  public DebtView status(
      @PathVariable String id,
      @Body @Nullable StatusRequest request,
      Authentication authentication) {
    if (request == null || request.status() == null) {
      throw new InvalidInput(
          "status",
          "one of OPEN, PAID_OFF, SETTLED, WRITTEN_OFF",
          Message.of("input.one-of", "allowed", "OPEN, PAID_OFF, SETTLED, WRITTEN_OFF"));
    }
    DebtStatus status;
    try {
      status = DebtStatus.valueOf(request.status());
    } catch (IllegalArgumentException e) {
      throw new InvalidInput(
          "status",
          "one of OPEN, PAID_OFF, SETTLED, WRITTEN_OFF",
          Message.of("input.one-of", "allowed", "OPEN, PAID_OFF, SETTLED, WRITTEN_OFF"));
    }
    return view(
        service.changeStatus(
            debtId(id),
            status,
            Inputs.version(request.version()),
            Principals.actor(authentication)));
  }
}
