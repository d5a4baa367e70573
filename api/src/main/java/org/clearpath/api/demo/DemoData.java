package org.clearpath.api.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;
import org.clearpath.api.casefile.CaseFileService;
import org.clearpath.api.keycloak.KeycloakClientPortalAccounts;
import org.clearpath.domain.casefile.ClientName;
import org.clearpath.domain.casefile.OpenCase;
import org.clearpath.domain.shared.Actor;
import org.clearpath.domain.shared.Role;
import org.clearpath.domain.shared.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo cases for the local stack ({@code clearpath.demo-data=true}), opened through the same use
 * case as a counselor would, for the demo users of the dev realm. Only when there are no cases yet.
 */
@Singleton
@Requires(property = "clearpath.demo-data", value = "true")
public class DemoData {
  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
  private final CaseFileService cases;
  private final KeycloakClientPortalAccounts accounts;
  private final org.clearpath.api.debt.DebtService debts;
  private final org.clearpath.domain.debt.Lenders lenders;
  private final org.clearpath.domain.stage.RecordingLegalMilestones legal;
  private final org.clearpath.domain.contact.LoggingContacts contacts;
  private final org.clearpath.domain.budget.KeepingBudgets budgets;
  private final org.clearpath.domain.plan.KeepingPlans plans;
  private final org.clearpath.domain.evidence.HandlingEvidence evidence;

  DemoData(
      CaseFileService cases,
      KeycloakClientPortalAccounts accounts,
      org.clearpath.api.debt.DebtService debts,
      org.clearpath.domain.debt.Lenders lenders,
      org.clearpath.domain.stage.RecordingLegalMilestones legal,
      org.clearpath.domain.contact.LoggingContacts contacts,
      org.clearpath.domain.budget.KeepingBudgets budgets,
      org.clearpath.domain.plan.KeepingPlans plans,
      org.clearpath.domain.evidence.HandlingEvidence evidence) {
    this.cases = cases;
    this.accounts = accounts;
    this.debts = debts;
    this.lenders = lenders;
    this.legal = legal;
    this.contacts = contacts;
    this.budgets = budgets;
    this.plans = plans;
    this.evidence = evidence;
  }

  /** In one transaction: the demo office is there whole, or not at all (and tried again). */
  @EventListener
  @io.micronaut.transaction.annotation.Transactional
  void onStartup(StartupEvent event) {
    var supervisor = new Actor(new UserId("demo-data"), "demo-data", Set.of(Role.SUPERVISOR));
    if (cases.page(org.clearpath.domain.casefile.CaseQuery.firstPage(1), supervisor).total() > 0) {
      LOG.info("demo data: cases exist already, nothing added");
      return;
    }
    var wang = counselor("counselor.wang");
    var li = counselor("counselor.li");
    var zhaolian = lender("招联金融", org.clearpath.domain.debt.LenderKind.CONSUMER_FINANCE);
    var huabei = lender("花呗", org.clearpath.domain.debt.LenderKind.BNPL);
    var cmb = lender("招商银行信用卡", org.clearpath.domain.debt.LenderKind.BANK_CARD);
    var fenqile = lender("分期乐", org.clearpath.domain.debt.LenderKind.INSTALMENT_LOAN);
    var today = debts.today();

    var chen = open(wang, "陈小明 Chen Xiaoming", "client.chen");
    debt(chen, zhaolian, "好期贷", "8000.00", "640.00", "85.20", today.minusDays(45), "1200.00", wang);
    debt(chen, huabei, null, "1500.00", "0", "0", today.minusDays(5), "600.00", wang);
    var liu = open(wang, "刘芳 Liu Fang", "client.liu");
    var card =
        debt(
            liu,
            cmb,
            "信用卡账单",
            "23000.00",
            "1380.00",
            "460.00",
            today.minusDays(12),
            "2300.00",
            wang);
    var zhang = open(li, "张伟 Zhang Wei", null);
    debt(zhang, fenqile, null, "12000.00", "960.00", "0", today.minusDays(95), "1000.00", li);
    legal.record(
        zhang,
        new org.clearpath.domain.stage.LegalMilestone(
            org.clearpath.domain.stage.LegalMilestone.Kind.LAWSUIT_FILED,
            today.minusDays(20),
            null),
        today,
        li);
    demoContacts(chen, zhaolian, today.minusDays(1), wang);
    demoPlan(liu, card, today, wang);
    LOG.info(
        "demo data: 3 cases with debts opened, contacts logged on 陈小明's, a budget and an active"
            + " plan on 刘芳's");
  }

  /** 刘芳's budget, and an interest-stop plan for her card with the penalty and interest waived. */
  private void demoPlan(
      org.clearpath.domain.shared.CaseId caseId,
      org.clearpath.domain.debt.DebtId card,
      java.time.LocalDate today,
      Actor counselor) {
    var cny = java.util.Currency.getInstance("CNY");
    java.util.function.Function<String, org.clearpath.domain.shared.Money> m =
        amount -> org.clearpath.domain.shared.Money.of(amount, "CNY");
    budgets.save(
        caseId,
        new org.clearpath.domain.budget.BudgetLines(
            cny,
            java.util.List.of(
                new org.clearpath.domain.budget.Income(
                    org.clearpath.domain.budget.IncomeKind.WAGES, "超市收银", m.apply("6800.00"))),
            java.util.List.of(
                expense(org.clearpath.domain.budget.ExpenseCategory.HOUSING, "合租房租", "2200.00"),
                expense(org.clearpath.domain.budget.ExpenseCategory.FOOD, "", "1500.00"),
                expense(org.clearpath.domain.budget.ExpenseCategory.UTILITIES, "", "300.00"),
                expense(org.clearpath.domain.budget.ExpenseCategory.TRANSPORT, "地铁", "300.00"),
                expense(org.clearpath.domain.budget.ExpenseCategory.LEISURE, "", "300.00")),
            java.util.List.of(
                new org.clearpath.domain.budget.Asset(
                    org.clearpath.domain.budget.AssetKind.SAVINGS, "", m.apply("1200.00"))),
            "工作稳定，无其他借款"),
        0,
        counselor);
    var plan =
        plans.propose(
            caseId,
            new org.clearpath.domain.plan.PlanProposal(
                org.clearpath.domain.plan.PlanKind.INTEREST_STOP,
                java.util.List.of(card),
                java.util.List.of(
                    new org.clearpath.domain.plan.Waiver(
                        org.clearpath.domain.plan.WaiverKind.PENALTY_INTEREST, m.apply("460.00")),
                    new org.clearpath.domain.plan.Waiver(
                        org.clearpath.domain.plan.WaiverKind.INTEREST, m.apply("1380.00"))),
                m.apply("23000.00"),
                24,
                today.minusDays(20),
                "停息挂账 24 期，免除罚息和利息；逾期两期以上协议失效。"),
            counselor);
    var agreement =
        evidence.upload(
            caseId,
            null,
            "还款协议（已签署）.pdf",
            "signed agreement",
            "%PDF-1.4\n还款协议 signed\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
            counselor);
    var agreed =
        plans.agree(plan.id(), today.minusDays(25), agreement.id(), plan.version(), counselor);
    plans.pay(
        plan.id(), today.minusDays(21), m.apply("958.34"), "银行转账", agreed.version(), counselor);
  }

  private static org.clearpath.domain.budget.Expense expense(
      org.clearpath.domain.budget.ExpenseCategory category, String label, String amount) {
    return new org.clearpath.domain.budget.Expense(
        category,
        label,
        org.clearpath.domain.shared.Money.of(amount, "CNY"),
        category.essentialByDefault());
  }

  /** A day of collection calls that the rules flag: seven calls, one late SMS, the employer. */
  private void demoContacts(
      org.clearpath.domain.shared.CaseId caseId,
      org.clearpath.domain.debt.LenderId lender,
      java.time.LocalDate day,
      Actor counselor) {
    var zone = java.time.ZoneId.of("Asia/Shanghai");
    for (int hour = 9; hour <= 15; hour++) {
      contact(
          caseId,
          lender,
          day.atTime(hour, 5).atZone(zone).toInstant(),
          org.clearpath.domain.contact.Channel.PHONE,
          org.clearpath.domain.contact.Party.CLIENT,
          "催收员来电催还款，语气强硬",
          counselor);
    }
    contact(
        caseId,
        lender,
        day.atTime(22, 40).atZone(zone).toInstant(),
        org.clearpath.domain.contact.Channel.SMS,
        org.clearpath.domain.contact.Party.CLIENT,
        "深夜短信：明天不还就上门",
        counselor);
    contact(
        caseId,
        lender,
        day.atTime(11, 30).atZone(zone).toInstant(),
        org.clearpath.domain.contact.Channel.PHONE,
        org.clearpath.domain.contact.Party.EMPLOYER,
        "打电话到单位人事部，告知欠款",
        counselor);
  }

  private Actor counselor(String username) {
    var id = accounts.findByUsername(username).orElseThrow(() -> missing(username));
    return new Actor(id, username, Set.of(Role.COUNSELOR));
  }

  private org.clearpath.domain.debt.LenderId lender(
      String name, org.clearpath.domain.debt.LenderKind kind) {
    var existing = lenders.all().stream().filter(l -> l.name().equals(name)).findFirst();
    if (existing.isPresent()) {
      return existing.get().id();
    }
    var lender =
        new org.clearpath.domain.debt.Lender(
            new org.clearpath.domain.debt.LenderId(java.util.UUID.randomUUID()), name, kind);
    lenders.add(lender);
    return lender.id();
  }

  private org.clearpath.domain.debt.DebtId debt(
      org.clearpath.domain.shared.CaseId caseId,
      org.clearpath.domain.debt.LenderId lender,
      String product,
      String principal,
      String interest,
      String penalty,
      java.time.LocalDate due,
      String dueAmount,
      Actor counselor) {
    var cny = java.util.Currency.getInstance("CNY");
    var zero = org.clearpath.domain.shared.Money.zero(cny);
    var amounts =
        new org.clearpath.domain.debt.Amounts(
            new org.clearpath.domain.shared.Money(new java.math.BigDecimal(principal), cny),
            new org.clearpath.domain.shared.Money(new java.math.BigDecimal(interest), cny),
            new org.clearpath.domain.shared.Money(new java.math.BigDecimal(penalty), cny),
            zero);
    var dues = new java.util.ArrayList<org.clearpath.domain.debt.Due>();
    for (int month = 0; month < 6; month++) {
      dues.add(
          new org.clearpath.domain.debt.Due(
              due.plusMonths(month),
              new org.clearpath.domain.shared.Money(new java.math.BigDecimal(dueAmount), cny)));
    }
    return debts
        .add(
            caseId,
            new org.clearpath.domain.debt.NewDebt(lender, product, amounts, dues),
            counselor)
        .id();
  }

  private org.clearpath.domain.shared.CaseId open(
      Actor counselor, String clientName, String clientUsername) {
    Optional<UserId> login =
        clientUsername == null
            ? Optional.empty()
            : Optional.of(
                accounts.findByUsername(clientUsername).orElseThrow(() -> missing(clientUsername)));
    return cases.open(new OpenCase(new ClientName(clientName), login), counselor).id();
  }

  private static IllegalStateException missing(String username) {
    return new IllegalStateException(
        "demo user " + username + " is not in the realm; start Keycloak with the dev import");
  }

  private void contact(
      org.clearpath.domain.shared.CaseId caseId,
      org.clearpath.domain.debt.LenderId lender,
      java.time.Instant at,
      org.clearpath.domain.contact.Channel channel,
      org.clearpath.domain.contact.Party party,
      String summary,
      Actor counselor) {
    contacts.log(
        caseId,
        new org.clearpath.domain.contact.ContactDetails(
            at,
            java.time.ZoneId.of("Asia/Shanghai"),
            lender,
            null,
            "某某资产管理有限公司",
            "张经理",
            "0755-88886666",
            org.clearpath.domain.contact.Direction.INBOUND,
            channel,
            party,
            party == org.clearpath.domain.contact.Party.CLIENT ? "138 0013 8000" : null,
            false,
            summary,
            org.clearpath.domain.contact.Outcome.REFUSED,
            null),
        counselor);
  }
}
