package org.clearpath.api.budget;

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
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.function.Function;
import org.clearpath.api.problem.Inputs;
import org.clearpath.api.security.Principals;
import org.clearpath.api.security.Roles;
import org.clearpath.domain.budget.Asset;
import org.clearpath.domain.budget.AssetKind;
import org.clearpath.domain.budget.Budget;
import org.clearpath.domain.budget.BudgetLines;
import org.clearpath.domain.budget.Expense;
import org.clearpath.domain.budget.ExpenseCategory;
import org.clearpath.domain.budget.Income;
import org.clearpath.domain.budget.IncomeKind;
import org.clearpath.domain.budget.KeepingBudgets;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;
import org.clearpath.domain.shared.Money;

/** A case's budget: staff only; every save is a new version. */
@Controller("/api/cases/{id}/budget")
@Tag(name = "budget")
public class BudgetController {
  private final KeepingBudgets budgets;

  BudgetController(KeepingBudgets budgets) {
    this.budgets = budgets;
  }

  @Serdeable
  public record LineView(String kind, String label, String amount, boolean essential) {}

  @Serdeable
  public record BudgetView(
      int version,
      String currency,
      List<LineView> incomes,
      List<LineView> expenses,
      List<LineView> assets,
      @Nullable String note,
      String income,
      String essentialExpenses,
      String otherExpenses,
      String afterEssentials,
      String disposable,
      String assetsTotal,
      String liquidSavings,
      String fundTargetLow,
      String fundTargetHigh,
      String recordedByName,
      String recordedAt) {}

  @Serdeable
  public record LineRequest(
      @Nullable String kind,
      @Nullable String label,
      @Nullable String amount,
      @Nullable Boolean essential) {}

  @Serdeable
  public record BudgetRequest(
      @Nullable Integer basedOn,
      @Nullable String currency,
      @Nullable List<LineRequest> incomes,
      @Nullable List<LineRequest> expenses,
      @Nullable List<LineRequest> assets,
      @Nullable String note) {}

  @Operation(summary = "Every version of the case's budget, newest first (empty: none yet)")
  @Get
  @io.micronaut.data.connection.annotation.Connectable
  @Secured({Roles.COUNSELOR, Roles.SUPERVISOR, Roles.CLIENT})
  public List<BudgetView> history(@PathVariable String id, Authentication auth) {
    return budgets.history(Inputs.caseId(id), Principals.actor(auth)).stream()
        .map(BudgetController::view)
        .toList();
  }

  @Operation(summary = "Save the next version (basedOn: the version edited, 0 for the first)")
  @Post
  @Secured(Roles.COUNSELOR)
  public HttpResponse<BudgetView> save(
      @PathVariable String id, @Body @Nullable BudgetRequest request, Authentication auth) {
    if (request == null) {
      throw new InvalidInput("currency", "send the budget", Message.of("refusal.send-the-budget"));
    }
    if (request.basedOn() == null) {
      throw new InvalidInput(
          "basedOn",
          "send the version you edited (0 for the first)",
          Message.of("refusal.send-the-version"));
    }
    var currency = Inputs.currency("currency", request.currency());
    var lines =
        new BudgetLines(
            currency,
            lines(
                "incomes",
                request.incomes(),
                (field, l) ->
                    new Income(
                        Inputs.oneOf(field + ".kind", l.kind(), IncomeKind.class),
                        l.label(),
                        amount(field, l, currency))),
            lines(
                "expenses",
                request.expenses(),
                (field, l) -> {
                  var category = Inputs.oneOf(field + ".kind", l.kind(), ExpenseCategory.class);
                  return new Expense(
                      category,
                      l.label(),
                      amount(field, l, currency),
                      l.essential() == null ? category.essentialByDefault() : l.essential());
                }),
            lines(
                "assets",
                request.assets(),
                (field, l) ->
                    new Asset(
                        Inputs.oneOf(field + ".kind", l.kind(), AssetKind.class),
                        l.label(),
                        amount(field, l, currency))),
            request.note());
    var saved = budgets.save(Inputs.caseId(id), lines, request.basedOn(), Principals.actor(auth));
    return HttpResponse.created(view(saved));
  }

  private interface LineReader<T> {
    T read(String field, LineRequest line);
  }

  private static <T> List<T> lines(String name, List<LineRequest> requests, LineReader<T> reader) {
    var lines = new ArrayList<T>();
    if (requests == null) {
      return lines;
    }
    for (int i = 0; i < requests.size(); i++) {
      var field = name + "[" + i + "]";
      var request = requests.get(i);
      if (request == null) {
        throw new InvalidInput(field, "an empty line", Message.of("refusal.an-empty-line"));
      }
      try {
        lines.add(reader.read(field, request));
      } catch (InvalidInput e) {
        throw e.field().equals("label") ? new InvalidInput(field + ".label", e.getMessage()) : e;
      }
    }
    return lines;
  }

  private static Money amount(String field, LineRequest line, Currency currency) {
    return Inputs.money(field + ".amount", line.amount(), currency, false);
  }

  private static BudgetView view(Budget b) {
    Function<Money, String> text = m -> m.amount().toPlainString();
    return new BudgetView(
        b.version(),
        b.currency().getCurrencyCode(),
        b.incomes().stream()
            .map(l -> new LineView(l.kind().name(), l.label(), text.apply(l.monthly()), false))
            .toList(),
        b.expenses().stream()
            .map(
                l ->
                    new LineView(
                        l.category().name(), l.label(), text.apply(l.monthly()), l.essential()))
            .toList(),
        b.assets().stream()
            .map(l -> new LineView(l.kind().name(), l.label(), text.apply(l.value()), false))
            .toList(),
        b.note(),
        text.apply(b.income()),
        text.apply(b.essentialExpenses()),
        text.apply(b.otherExpenses()),
        text.apply(b.afterEssentials()),
        text.apply(b.disposable()),
        text.apply(b.assetsTotal()),
        text.apply(b.liquidSavings()),
        text.apply(b.fundTargetLow()),
        text.apply(b.fundTargetHigh()),
        b.recordedByName(),
        b.recordedAt().toString());
  }
}
