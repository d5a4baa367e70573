package org.clearpath.deploy;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.keycloak.admin.client.Keycloak;

/**
 * The whole stack, for real: PostgreSQL 17, Keycloak 26 from Maven Central with the dev realm, the
 * app, and headless Chromium logging in through Keycloak's own login page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WholeStackIT {
  @RegisterExtension static final Browser browser = new Browser();

  private static final String NEW_CLIENT_PASSWORD = "Chen-new-Passw0rd";
  private E2eStack stack;
  private KeycloakServer keycloak;
  private ApplicationContext app;
  private ObjectNode realm;
  private String appUrl;
  private String chensCaseId;
  private String liusCaseId;

  @BeforeAll
  void startTheStack() {
    stack = E2eStack.start();
    keycloak = stack.keycloak;
    app = stack.app;
    realm = stack.realm;
    appUrl = stack.appUrl;
  }

  @AfterAll
  void stopTheStack() {
    browser.close();
    if (stack != null) {
      stack.close();
    }
  }

  /** Through the app's start page and Keycloak's real login form. */
  private Page logIn(String username, String password) {
    return browser.logIn(appUrl, keycloak.url(), username, password);
  }

  /** Keycloak's own administrator, as its console would act. */
  private Keycloak masterAdmin() {
    return Keycloak.getInstance(
        keycloak.url(), "master", keycloak.adminUsername(), keycloak.adminPassword(), "admin-cli");
  }

  private static String caseIdFrom(Page page) {
    var path = URI.create(page.url()).getPath();
    return path.substring(path.lastIndexOf('/') + 1);
  }

  @Test
  @Order(1)
  void a_counselor_logs_in_through_keycloak_and_opens_cases_for_two_clients() {
    var page = logIn("counselor.wang", "Counselor-demo-1");
    page.waitForURL(appUrl + "/");
    assertThat(page.getByTestId("who")).containsText("王");
    // the home is the day's work; the caseload is one click away
    assertThat(page.getByTestId("my-day")).isVisible();
    openCases(page);
    assertThat(page.getByTestId("empty-caseload")).isVisible();

    // bad input is refused with the field named, and nothing is created
    page.getByTestId("new-case").click();
    var form = page.getByTestId("new-case-form");
    page.getByTestId("new-case-form-save").click();
    assertThat(field(form, "clientName").locator(".ant-form-item-explain-error")).isVisible();
    assertThat(page.getByTestId("empty-caseload")).isVisible();

    form.locator("#new-case-form_clientName").fill("陈小明");
    form.locator("#new-case-form_portalUsername").fill("chen.e2e");
    page.getByTestId("new-case-form-save").click();
    assertThat(form).isHidden();
    assertThat(page.getByTestId("case-created")).isVisible();
    assertThat(page.getByTestId("temp-username")).hasText("chen.e2e");
    var chensPassword = page.getByTestId("temp-password").textContent();

    page.getByTestId("new-case").click();
    form.locator("#new-case-form_clientName").fill("刘芳");
    form.locator("#new-case-form_portalUsername").fill("liu.e2e");
    page.getByTestId("new-case-form-save").click();
    assertThat(page.getByTestId("temp-username")).hasText("liu.e2e");
    assertThat(page.getByTestId("case-row")).hasCount(2);

    page.getByTestId("caseload")
        .getByRole(
            AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("刘芳"))
        .click();
    assertThat(page.getByTestId("case-client-name")).hasText("刘芳");
    liusCaseId = caseIdFrom(page);
    page.goBack();
    page.getByTestId("caseload")
        .getByRole(
            AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("陈小明"))
        .click();
    assertThat(page.getByTestId("case-client-name")).hasText("陈小明");
    assertThat(page.getByTestId("audit")).containsText("Case opened");
    chensCaseId = caseIdFrom(page);

    // the session is an HttpOnly cookie: nothing token-like is readable by the page's script
    var scriptCookies = (String) page.evaluate("document.cookie");
    assertThat(scriptCookies).doesNotContain("JWT=").doesNotContain("eyJ");
    assertThat(page.context().cookies())
        .filteredOn(c -> c.name.equals("JWT"))
        .singleElement()
        .satisfies(c -> assertThat(c.httpOnly).isTrue());

    // the client's first login, with the temporary password the app made through the admin API
    var chen = logIn("chen.e2e", chensPassword);
    chen.locator("#password-new").fill(NEW_CLIENT_PASSWORD);
    chen.locator("#password-confirm").fill(NEW_CLIENT_PASSWORD);
    chen.locator("#password-confirm").press("Enter");
    chen.waitForURL(appUrl + "/my-case");
    assertThat(chen.getByTestId("case-client-name")).hasText("陈小明");
    assertThat(chen.getByTestId("my-case")).containsText("counselor.wang");
  }

  @Test
  @Order(2)
  void a_counselor_records_a_debt_and_the_stage_timeline_follows() {
    var page = logIn("counselor.wang", "Counselor-demo-1");
    page.waitForURL(appUrl + "/");
    page.navigate(appUrl + "/cases/" + chensCaseId);
    assertThat(page.getByTestId("case-stage")).containsText("Current");
    tab(page, "debts");

    page.getByTestId("add-debt").click();
    var form = page.getByTestId("new-debt-form");
    form.locator("#new-debt-form_lenderName").fill("招联金融");
    choose(page, "new-debt-form_lenderKind", "Consumer finance");
    page.getByTestId("add-lender").click();
    assertThat(field(form, "lenderId")).containsText("招联金融 (Consumer finance)");
    form.locator("#new-debt-form_product").fill("好期贷");
    form.locator("#new-debt-form_principal").fill("5000.00");
    form.locator("#new-debt-form_interest").fill("120.50");
    var due = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(40);
    pickDay(form.locator("#new-debt-form_dues_0_date"), due);
    form.locator("#new-debt-form_dues_0_amount").fill("-3");
    page.getByTestId("new-debt-form-save").click();
    // the server's "dues[0].amount" is said under that due's amount
    assertThat(field(form, "dues_0_amount").locator(".ant-form-item-explain-error"))
        .containsText("negative");
    form.locator("#new-debt-form_dues_0_amount").fill("900.00");
    page.getByTestId("new-debt-form-save").click();
    assertThat(form).isHidden();

    assertThat(page.getByTestId("debt-row")).hasCount(1);
    assertThat(page.getByTestId("debt-dpd")).hasText("40");
    assertThat(page.getByTestId("case-stage")).containsText("Late");
    assertThat(page.locator("[data-testid=stage-timeline] rect[data-stage=LATE]")).hasCount(1);
    assertThat(page.getByTestId("stage-period").last()).containsText("招联金融 is 40 days past due");
    assertThat(page.getByTestId("stage-checklist")).containsText("Assess the legal risk");

    // a mistyped interest is corrected in place
    page.getByTestId("edit-debt").click();
    var correct = page.getByTestId("correct-debt-form");
    correct.locator("#correct-debt-form_interest").fill("120.00");
    page.getByTestId("correct-debt-form-save").click();
    assertThat(correct).isHidden();
    assertThat(page.getByTestId("debt-outstanding")).hasText("5120.00 CNY");
    assertThat(page.getByTestId("audit")).containsText("Debt corrected");

    page.getByTestId("repay-debt").click();
    var repay = page.getByTestId("repay-form");
    repay.locator("#repay-form_amount").fill("1000.00");
    repay.locator("#repay-form_amount").press("Enter");
    assertThat(repay).isHidden();
    assertThat(page.getByTestId("debt-outstanding")).hasText("4120.00 CNY");
    assertThat(page.getByTestId("audit")).containsText("Repayment recorded");
    // the first due (900.00) is paid, none other is due: the case is current again
    assertThat(page.getByTestId("debt-dpd")).hasText("0");
    assertThat(page.getByTestId("case-stage")).containsText("Current");
    assertThat(page.locator("[data-testid=stage-timeline] rect[data-stage=LATE]")).hasCount(1);
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(artifact("counselor-case-page.png"))
            .setFullPage(true));

    // tick off a recommended action; it stays ticked, with who did it
    tab(page, "overview");
    page.getByTestId("todo-check-debts").check();
    page.reload();
    assertThat(page.getByTestId("todo-check-debts")).isChecked();
    assertThat(page.getByTestId("stage-checklist")).containsText("done by counselor.wang");

    // set the stage by hand: a reason is required; the history shows who set it
    page.getByTestId("set-stage").click();
    var setStage = page.getByTestId("set-stage-form");
    choose(page, "set-stage-form_stage", "Early (1–7 days)");
    page.getByTestId("set-stage-form-save").click();
    assertThat(field(setStage, "reason").locator(".ant-form-item-explain-error")).isVisible();
    setStage
        .locator("#set-stage-form_reason")
        .fill("the lender reports a missed payment not yet in our records");
    page.getByTestId("set-stage-form-save").click();
    assertThat(setStage).isHidden();
    assertThat(page.getByTestId("case-stage")).containsText("Early");
    assertThat(page.getByTestId("stage-period").last()).containsText("counselor.wang");
    page.getByTestId("set-stage").click();
    choose(page, "set-stage-form_stage", "Current / at risk");
    setStage.locator("#set-stage-form_reason").fill("the lender confirmed the payment arrived");
    page.getByTestId("set-stage-form-save").click();
    assertThat(page.getByTestId("case-stage")).containsText("Current");

    // the client record: the ID number stays masked until revealed; notes are internal
    tab(page, "record");
    page.getByTestId("edit-record").click();
    var record = page.getByTestId("record-form");
    record.locator("#record-form_phone").fill("138 0013 8000");
    record.locator("#record-form_idNumber").fill("11010519491231002X");
    record.locator("#record-form_householdNotes").fill("两个孩子，丈夫失业");
    // she lives in Hong Kong: contacts on her case are logged in her local time
    choose(page, "record-form_zone", "Asia/Hong_Kong");
    page.getByTestId("record-form-save").click();
    assertThat(record).isHidden();
    assertThat(page.getByTestId("record-message")).hasText("Saved.");
    assertThat(page.getByTestId("id-number")).hasText("110***********002X");
    page.getByTestId("reveal-id").click();
    assertThat(page.getByTestId("id-number")).hasText("11010519491231002X");
    // her loans could fall under another jurisdiction's rules; back to the office's
    assertThat(page.getByTestId("client-jurisdiction"))
        .hasText("the office's (Mainland China (CN))");
    page.getByTestId("edit-record").click();
    choose(page, "record-form_jurisdiction", "United States (US)");
    page.getByTestId("record-form-save").click();
    assertThat(record).isHidden();
    assertThat(page.getByTestId("client-jurisdiction")).hasText("United States (US)");
    page.getByTestId("edit-record").click();
    choose(page, "record-form_jurisdiction", "the office's (Mainland China (CN))");
    page.getByTestId("record-form-save").click();
    assertThat(record).isHidden();
    assertThat(page.getByTestId("client-jurisdiction"))
        .hasText("the office's (Mainland China (CN))");
    page.getByTestId("change-status").click();
    var status = page.getByTestId("status-form");
    choose(page, "status-form_status", "In negotiation");
    page.getByTestId("status-form-save").click();
    assertThat(field(status, "reason").locator(".ant-form-item-explain-error")).isVisible();
    status.locator("#status-form_reason").fill("lender agreed to talk");
    page.getByTestId("status-form-save").click();
    assertThat(status).isHidden();
    assertThat(page.getByTestId("case-record")).containsText("lender agreed to talk");
    assertThat(page.getByTestId("audit")).containsText("Full ID number viewed");

    // a lawsuit against 刘芳 three days ago puts her case in the legal stage
    page.navigate(appUrl + "/cases/" + liusCaseId);
    tab(page, "debts");
    page.getByTestId("add-legal").click();
    var legal = page.getByTestId("legal-form");
    choose(page, "legal-form_kind", "Lawsuit filed");
    pickDay(legal.locator("#legal-form_on"), due.plusDays(37));
    page.getByTestId("legal-form-save").click();
    assertThat(legal).isHidden();
    assertThat(page.getByTestId("legal-step")).containsText("Lawsuit filed");
    assertThat(page.getByTestId("case-stage")).containsText("Legal");
    assertThat(page.getByTestId("stage-checklist")).containsText("court deadline");

    page.navigate(appUrl + "/cases");
    choose(page, "stage-filter", "Late (31+ days)");
    assertThat(page.getByTestId("case-row")).hasCount(0);
    choose(page, "stage-filter", "Legal");
    assertThat(page.getByTestId("case-row")).hasCount(1);
    assertThat(page.getByTestId("case-row")).containsText("刘芳");
    choose(page, "stage-filter", "Current / at risk");
    assertThat(page.getByTestId("case-row")).hasCount(1);
    choose(page, "stage-filter", "All stages");
    page.getByTestId("case-search").fill("13800138000");
    assertThat(
            page.getByTestId("case-row")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("刘芳")))
        .hasCount(0);
    assertThat(page.getByTestId("case-row")).hasCount(1);
    assertThat(page.getByTestId("case-row").first()).containsText("陈小明");
    page.getByTestId("case-search").fill("");
    assertThat(page.getByTestId("case-row")).hasCount(2);
    page.getByTestId("case-search").fill("刘");
    assertThat(
            page.getByTestId("case-row")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("陈小明")))
        .hasCount(0);
    assertThat(page.getByTestId("case-row")).hasCount(1);
    assertThat(page.getByTestId("case-row").first()).containsText("刘芳");
  }

  /** From anywhere to the caseload. */
  private void openCases(Page page) {
    page.getByTestId("nav-cases").click();
    page.waitForURL(appUrl + "/cases");
    assertThat(page.getByTestId("case-sort").or(page.getByTestId("empty-caseload"))).isVisible();
  }

  /** The form item holding a field: its control, label and error. */
  private static com.microsoft.playwright.Locator field(
      com.microsoft.playwright.Locator form, String name) {
    return form.locator(".ant-form-item:has([id$='_" + name + "'])");
  }

  /**
   * Picks an option of an Ant Design select by its label, by keyboard as a person would: the list
   * shows only some options at a time, so it steps through them until the one wanted is active.
   */
  private static void choose(Page page, String selectId, String label) {
    var select = page.locator("#" + selectId);
    var shown = page.locator(".ant-select:has(#" + selectId + ")");
    select.click();
    var active =
        page.locator(".ant-select-dropdown:visible .ant-select-item-option-active").first();
    active.waitFor();
    for (int step = 0; step < 80 && !label.equals(active.getAttribute("title")); step++) {
      select.press("ArrowDown");
    }
    org.assertj.core.api.Assertions.assertThat(active.getAttribute("title"))
        .as("an option labelled %s in %s", label, selectId)
        .isEqualTo(label);
    select.press("Enter");
    assertThat(shown).containsText(label);
  }

  /** A Windows program under a picture's name and type: the server must refuse it. */
  private static com.microsoft.playwright.options.FilePayload programCalled(String name) {
    return new com.microsoft.playwright.options.FilePayload(
        name, "image/jpeg", "MZ\u0090\u0000 not a picture".getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Types a day into an Ant Design date picker and moves on (Enter would send the form). */
  private static void pickDay(com.microsoft.playwright.Locator picker, java.time.LocalDate day) {
    picker.fill(day.toString());
    picker.press("Tab");
  }

  /** Opens a tab of the case workspace. */
  private static void tab(Page page, String key) {
    page.getByTestId("tab-" + key).click();
    assertThat(page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setSelected(true)))
        .containsText(page.getByTestId("tab-" + key).textContent());
  }

  private static Path artifact(String name) {
    return Path.of(System.getProperty("e2e.artifacts", "target/e2e-artifacts")).resolve(name);
  }

  @Test
  @Order(3)
  void a_client_cannot_open_another_clients_case() {
    var chen = logIn("chen.e2e", NEW_CLIENT_PASSWORD);
    chen.waitForURL(appUrl + "/my-case");

    assertThat(chen.getByTestId("my-stage")).containsText("Current");
    assertThat(chen.getByTestId("my-next")).containsText("Nothing is overdue");
    assertThat(chen.getByTestId("debt-row")).hasCount(1);
    assertThat(chen.getByTestId("repay-debt")).hasCount(0);
    assertThat(chen.locator("body")).not().containsText("丈夫失业");
    assertThat(chen.locator("body")).not().containsText("002X");
    assertThat(chen.request().get(appUrl + "/api/cases/" + chensCaseId + "/record").status())
        .isEqualTo(403);
    chen.screenshot(
        new Page.ScreenshotOptions().setPath(artifact("client-my-case.png")).setFullPage(true));

    chen.navigate(appUrl + "/cases/" + liusCaseId);
    assertThat(chen.getByTestId("case-not-found")).isVisible();
    assertThat(chen.locator("body")).not().containsText("刘芳");
    assertThat(chen.request().get(appUrl + "/api/cases/" + liusCaseId).status()).isEqualTo(404);
    assertThat(chen.request().get(appUrl + "/api/cases/" + chensCaseId + "/audit").status())
        .isEqualTo(403);
    assertThat(chen.request().get(appUrl + "/api/cases").text())
        .contains(chensCaseId)
        .doesNotContain(liusCaseId);

    chen.navigate(appUrl + "/cases/" + chensCaseId);
    assertThat(chen.getByTestId("case-client-name")).hasText("陈小明");
    assertThat(chen.getByTestId("audit")).hasCount(0);
  }

  @Test
  @Order(4)
  void a_supervisor_sees_both_cases_in_either_language_and_logs_out() throws Exception {
    var page = logIn("supervisor.zhao", "Supervisor-demo-1");
    page.waitForURL(appUrl + "/");
    // a supervisor's day has the complaints waiting for review too
    assertThat(page.getByTestId("day-COMPLAINT_REVIEW")).isVisible();
    openCases(page);
    assertThat(page.getByTestId("case-row")).hasCount(2);
    assertThat(page.getByTestId("caseload")).containsText("陈小明");
    assertThat(page.getByTestId("caseload")).containsText("刘芳");
    assertThat(page.getByTestId("caseload")).containsText("counselor.wang");
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .hasText("All cases");
    assertThat(page.getByTestId("count-counselor.wang-CURRENT")).hasText("1");
    assertThat(page.getByTestId("count-counselor.wang-LEGAL")).hasText("1");
    assertThat(page.getByTestId("count-counselor.wang-LATE")).hasText("0");
    // the server pages and sorts: the pager says how many there are, the order follows the choice
    assertThat(page.getByTestId("page-info")).hasText("Page 1 of 1, 2 cases");
    choose(page, "case-sort", "Client name (A–Z)");
    var firstByName = page.getByTestId("case-row").first().locator("a").textContent();
    choose(page, "case-sort", "Client name (Z–A)");
    assertThat(page.getByTestId("case-row").first().locator("a")).not().hasText(firstByName);
    choose(page, "case-sort", "Newest first");
    var caseload = page.waitForDownload(() -> page.getByTestId("caseload-csv").click());
    assertThat(java.nio.file.Files.readString(caseload.path(), StandardCharsets.UTF_8))
        .contains("\"陈小明\"")
        .contains("\"刘芳\"");
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(artifact("supervisor-caseload.png"))
            .setFullPage(true));

    page.getByTestId("entered-stage").selectOption("LEGAL");
    assertThat(page.getByTestId("entered-case")).hasCount(1);
    assertThat(page.getByTestId("entered-case")).containsText("刘芳");

    // reassign 刘芳's case to counselor.li (the list of counselors comes from Keycloak)
    page.getByTestId("caseload")
        .getByRole(
            AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("刘芳"))
        .click();
    tab(page, "record");
    page.getByTestId("reassign").click();
    choose(page, "assign-form_counselorId", "counselor.li");
    page.getByTestId("assign-form-save").click();
    assertThat(page.getByTestId("record-message")).hasText("Saved.");
    assertThat(page.getByTestId("case-header")).containsText("counselor.li");
    assertThat(page.getByTestId("household-notes")).hasText("—");
    page.navigate(appUrl + "/cases");
    assertThat(page.getByTestId("count-counselor.li-LEGAL")).hasText("1");
    assertThat(page.getByTestId("count-counselor.wang-LEGAL")).hasText("0");

    page.getByTestId("lang-switch").getByText("中文").click();
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .hasText("全部个案");

    page.getByTestId("logout").click();
    page.waitForURL(appUrl + "/");
    assertThat(page.getByTestId("login")).isVisible();
    assertThat(page.request().get(appUrl + "/api/me").status()).isEqualTo(401);
    // the Keycloak session ended too: logging in again asks for the password
    page.getByTestId("login").click();
    assertThat(page.locator("#password")).isVisible();
  }

  @Test
  @Order(5)
  void the_app_made_the_client_logins_with_the_client_role_in_keycloak() {
    try (var admin = masterAdmin()) {
      var users = admin.realm(RealmFiles.REALM).users();
      var chen = users.searchByUsername("chen.e2e", true);
      assertThat(chen).singleElement();
      var roles = users.get(chen.getFirst().getId()).roles().realmLevel().listEffective();
      assertThat(roles).extracting(r -> r.getName()).contains("client").doesNotContain("counselor");
      assertThat(chen.getFirst().getRequiredActions()).isEmpty(); // the password was changed
    }
  }

  @Test
  @Order(6)
  void an_api_client_uses_a_bearer_token_from_keycloak() throws Exception {
    var http = HttpClient.newHttpClient();
    var form =
        "grant_type=password&client_id="
            + RealmFiles.DEV_CLI_CLIENT
            + "&username=supervisor.zhao&password="
            + URLEncoder.encode("Supervisor-demo-1", StandardCharsets.UTF_8);
    var tokenResponse =
        http.send(
            HttpRequest.newBuilder(URI.create(keycloak.issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(tokenResponse.statusCode()).isEqualTo(200);
    var token = new ObjectMapper().readTree(tokenResponse.body()).path("access_token").asText();

    var cases =
        http.send(
            HttpRequest.newBuilder(URI.create(appUrl + "/api/cases"))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(cases.statusCode()).isEqualTo(200);
    assertThat(cases.body()).contains(chensCaseId, liusCaseId);

    var tampered =
        http.send(
            HttpRequest.newBuilder(URI.create(appUrl + "/api/cases"))
                .header(
                    "Authorization", "Bearer " + token.substring(0, token.length() - 4) + "AAAA")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(tampered.statusCode()).isEqualTo(401);
    assertThat(
            Pattern.compile("application/problem\\+json")
                .matcher(tampered.headers().firstValue("Content-Type").orElse(""))
                .find())
        .isTrue();
  }

  @Test
  @Order(7)
  void logged_contacts_become_a_reviewed_complaint_with_a_downloadable_evidence_bundle()
      throws Exception {
    var letter = "%PDF-1.4\n律师函 from the collector\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
    var yesterday = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1);
    var page = logIn("counselor.wang", "Counselor-demo-1");
    page.waitForURL(appUrl + "/");
    page.navigate(appUrl + "/cases/" + chensCaseId);
    tab(page, "contacts");

    // a collector phoned the client's mother at 23:15 the client's time; the letter is attached
    page.getByTestId("log-call").click();
    var form = page.getByTestId("contact-form");
    var time = form.locator("#contact-form_localTime");
    time.fill(yesterday + " 23:15");
    time.press("Tab");
    // the form presets the client's time zone from her record, not the browser's
    assertThat(field(form, "zone")).containsText("Asia/Hong_Kong");
    assertThat(field(form, "channel")).containsText("Phone");
    choose(page, "contact-form_contacted", "Family member");
    // he told her mother of the debt: the rules allow asking a third party only where she is
    choose(page, "contact-form_thirdPartyPurpose", "Told them of the debt or asked them to pay");
    form.locator("#contact-form_agency").fill("某某资产管理公司");
    form.locator("#contact-form_collectorName").fill("张三");
    form.locator("#contact-form_collectorNumber").fill("0755-1234 5678");
    form.locator("#contact-form_summary").fill("打电话给母亲，说不还钱就起诉");
    form.locator("input[type=file]")
        .setInputFiles(
            new com.microsoft.playwright.options.FilePayload("律师函.pdf", "application/pdf", letter));
    page.getByTestId("contact-form-save").click();
    assertThat(form).isHidden();
    assertThat(page.getByTestId("contact-entry")).hasCount(1);
    assertThat(page.getByTestId("contacts")).containsText("律师函.pdf");
    assertThat(page.locator("[data-testid=finding][data-rule='cn.quiet-hours']")).hasCount(1);
    assertThat(page.locator("[data-testid=finding][data-rule='cn.third-party']"))
        .containsText("the collector told a third party (Family member) of the debt");
    assertThat(page.getByTestId("third-party-purpose"))
        .hasText("Told them of the debt or asked them to pay");
    // each finding names its rule pack and the document its rule comes from
    assertThat(
            page.locator(
                "[data-testid=finding][data-rule='cn.quiet-hours'] [data-testid=finding-citation]"))
        .containsText("CN-CBA-2026 v1");
    assertThat(
            page.locator(
                "[data-testid=finding][data-rule='cn.quiet-hours'] [data-testid=finding-citation]"))
        .containsText(
            "China Banking Association, Guidelines on the Collection of Personal Consumer");

    // a correction is a new entry; the old one stays, marked
    page.getByTestId("correct-contact").click();
    form.locator("#contact-form_summary").fill("打电话给母亲和姐姐，说不还钱就起诉");
    page.getByTestId("contact-form-save").click();
    // the reason is required: the server says so under the field
    assertThat(field(form, "reason").locator(".ant-form-item-explain-error")).isVisible();
    form.locator("#contact-form_reason").fill("the sister was called too");
    page.getByTestId("contact-form-save").click();
    assertThat(form).isHidden();
    assertThat(page.getByTestId("contact-entry")).hasCount(2);
    assertThat(page.locator("[data-testid=contact-entry][data-corrected=yes]")).hasCount(1);

    // the log filters by who was contacted
    choose(page, "filter-party", "The client");
    assertThat(page.getByTestId("contact-entry")).hasCount(0);
    choose(page, "filter-party", "Family member");
    assertThat(page.getByTestId("contact-entry")).hasCount(2);
    page.getByTestId("clear-filters").click();
    assertThat(page.getByTestId("contact-entry")).hasCount(2);

    // an entry whose attachment is refused is saved once: trying again only retries the file
    page.getByTestId("log-call").click();
    form.locator("#contact-form_localTime").fill(yesterday + " 10:30");
    form.locator("#contact-form_localTime").press("Tab");
    form.locator("#contact-form_summary").fill("客户来电询问进展");
    // the same collector's number, written another way: the office's directory knows its agency
    form.locator("#contact-form_collectorNumber").fill("+86 755 12345678");
    assertThat(form.getByTestId("known-number")).containsText("某某资产管理公司");
    form.getByTestId("use-known-number").click();
    assertThat(form.locator("#contact-form_agency")).hasValue("某某资产管理公司");
    form.locator("input[type=file]").setInputFiles(programCalled("来电.jpg"));
    page.getByTestId("contact-form-save").click();
    assertThat(page.getByTestId("contact-saved")).isVisible();
    assertThat(form.locator(".ant-form-item-explain-error")).containsText("来电.jpg");
    page.getByTestId("contact-form-save").click();
    assertThat(page.getByTestId("contact-saved")).isVisible();
    page.getByTestId("contact-form-cancel").click();
    assertThat(page.getByTestId("contact-entry")).hasCount(3);

    // a program dressed up as a screenshot is refused, and nothing is stored
    tab(page, "files");
    page.getByTestId("upload-file").click();
    var evidence = page.getByTestId("evidence-form");
    evidence.locator("input[type=file]").setInputFiles(programCalled("screenshot.jpg"));
    page.getByTestId("evidence-form-save").click();
    // the refusal is said under the file
    assertThat(evidence.locator(".ant-form-item-explain-error")).containsText("screenshot.jpg");
    page.getByTestId("evidence-form-cancel").click();
    assertThat(evidence).isHidden();
    assertThat(page.getByTestId("evidence-file")).hasCount(1);

    tab(page, "harassment");
    page.locator("[data-testid=finding][data-rule='cn.quiet-hours']")
        .getByTestId("flag-finding")
        .click();
    assertThat(page.getByTestId("flag")).hasCount(1);
    page.getByTestId("select-flag").check();
    page.getByTestId("draft-complaint").click();
    var drafting = page.getByTestId("complaint-form");
    assertThat(drafting).containsText("1");
    page.getByTestId("complaint-form-save").click();
    assertThat(drafting).isHidden();
    assertThat(page.getByTestId("complaint-status")).hasText("Drafted");

    // a flag raised by hand, with the entry that shows it; dismissed again, with a reason
    page.getByTestId("raise-flag").click();
    var raising = page.getByTestId("flag-form");
    choose(page, "flag-form_kind", "Insults");
    raising.locator("#flag-form_description").fill("说要到她单位去闹");
    raising.getByRole(AriaRole.CHECKBOX).first().check();
    page.getByTestId("flag-form-save").click();
    assertThat(raising).isHidden();
    assertThat(page.locator("[data-testid=flag][data-kind=INSULTS]")).hasCount(1);
    page.locator("[data-testid=flag][data-kind=INSULTS]").getByTestId("dismiss-flag").click();
    page.getByTestId("dismiss-form-save").click();
    assertThat(
            field(page.getByTestId("dismiss-form"), "reason")
                .locator(".ant-form-item-explain-error"))
        .isVisible();
    page.getByTestId("dismiss-form").locator("#dismiss-form_reason").fill("已核实为误会");
    page.getByTestId("dismiss-form-save").click();
    assertThat(page.locator("[data-testid=flag][data-kind=INSULTS]")).containsText("已核实为误会");
    page.screenshot(
        new Page.ScreenshotOptions().setPath(artifact("harassment-section.png")).setFullPage(true));

    // the counselor asks how 陈小明 is coping: thoughts of self-harm on several days is a crisis
    tab(page, "wellbeing");
    assertThat(page.getByTestId("wellbeing-none")).isVisible();
    page.getByTestId("check-wellbeing").click();
    var check = page.getByTestId("wellbeing-form");
    for (var question : List.of("stress", "sleep", "shame")) {
      field(check, question).getByText("Very much").click();
    }
    field(check, "selfHarm").getByText("Several days").click();
    check.locator("#wellbeing-form_note").fill("催收电话打到母亲那里后整夜睡不着");
    page.getByTestId("wellbeing-form-save").click();
    assertThat(check).isHidden();
    assertThat(page.getByTestId("wellbeing-crisis")).isVisible();
    assertThat(page.getByTestId("referrals")).containsText("12356");
    assertThat(page.getByTestId("wellbeing-row")).hasCount(1);
    assertThat(page.getByTestId("wellbeing-row")).containsText("At intake");
    tab(page, "harassment");

    // a supervisor reviews it in the queue
    var zhao = logIn("supervisor.zhao", "Supervisor-demo-1");
    zhao.waitForURL(appUrl + "/");
    // her crisis comes first in the supervisor's day, and is closed once acted on
    assertThat(zhao.getByTestId("day-CRISIS").getByTestId("day-item")).containsText("陈小明");
    zhao.getByTestId("nav-complaints").click();
    var queued = zhao.getByTestId("complaint");
    assertThat(queued).containsText("陈小明");
    assertThat(queued.getByTestId("complaint-text")).containsText("某某资产管理公司");
    zhao.screenshot(
        new Page.ScreenshotOptions()
            .setPath(artifact("complaint-review-queue.png"))
            .setFullPage(true));
    zhao.getByTestId("approve-complaint").click();
    zhao.locator("#review-form_note").fill("证据充分，可以提交");
    zhao.getByTestId("review-form-save").click();
    assertThat(zhao.getByTestId("complaint-status")).hasText("Reviewed");
    // the collector directory: the agency reached 陈小明, and the supervisor sees her case behind it
    zhao.getByTestId("nav-directory").click();
    var agency =
        zhao.getByTestId("directory-entry")
            .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("某某资产管理公司"));
    assertThat(agency.getByTestId("directory-clients")).hasText("1");
    agency.getByTestId("directory-open").click();
    assertThat(zhao.getByTestId("directory-case")).containsText("陈小明");
    zhao.keyboard().press("Escape");
    zhao.getByTestId("directory-numbers").click();
    assertThat(zhao.getByTestId("directory-label").first()).hasText("+86 755 1234 5678");

    // the counselor files it and downloads the bundle
    page.reload();
    var complaint = page.getByTestId("complaint");
    assertThat(complaint.getByTestId("complaint-status")).hasText("Reviewed");
    assertThat(complaint.getByTestId("review-note")).containsText("证据充分");
    page.getByTestId("file-complaint").click();
    page.locator("#filing-form_reference").fill("NFRA-2026-000777");
    page.getByTestId("filing-form-save").click();
    assertThat(page.getByTestId("complaint-status")).hasText("Filed");
    var download = page.waitForDownload(() -> page.getByTestId("bundle-zip").click());
    var zipFile = artifact("complaint-bundle.zip");
    download.saveAs(zipFile);
    var files = new java.util.HashMap<String, byte[]>();
    try (var in =
        new java.util.zip.ZipInputStream(
            java.nio.file.Files.newInputStream(zipFile), StandardCharsets.UTF_8)) {
      for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        files.put(e.getName(), in.readAllBytes());
      }
    }
    assertThat(files.get("evidence/01-律师函.pdf")).isEqualTo(letter);
    var sha =
        java.util.HexFormat.of()
            .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(letter));
    assertThat(new String(files.get("SHA256SUMS"), StandardCharsets.UTF_8))
        .contains(sha + "  evidence/01-律师函.pdf");
    // the corrected entry stays in the record, next to the correction that names it
    assertThat(new String(files.get("contacts.csv"), StandardCharsets.UTF_8))
        .contains("打电话给母亲和姐姐")
        .contains("打电话给母亲，说不还钱就起诉")
        .contains("the sister was called too");
    assertThat(files.get("complaint.pdf")).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
    page.reload();
    assertThat(page.getByTestId("audit")).containsText("Evidence bundle downloaded");

    // the client reports an incident from the portal, with a screenshot
    var chen = logIn("chen.e2e", NEW_CLIENT_PASSWORD);
    chen.waitForURL(appUrl + "/my-case");
    var report = chen.getByTestId("incident-report");
    report.locator("select[name=kind]").selectOption("THREATS");
    report.locator("textarea[name=description]").fill("催收员在微信上说要到我单位闹");
    report
        .locator("input[name=files]")
        .setInputFiles(
            new com.microsoft.playwright.options.FilePayload(
                "微信截图.png",
                "image/png",
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13}));
    chen.getByTestId("send-incident").click();
    assertThat(chen.getByTestId("incident-sent")).isVisible();
    assertThat(chen.getByTestId("my-incident")).containsText("Threats");
    assertThat(chen.getByTestId("my-case")).not().containsText("某某资产管理公司");

    page.reload();
    assertThat(page.locator("[data-testid=flag][data-kind=THREATS]"))
        .containsText("reported by the client");
    assertThat(page.getByTestId("evidence")).containsText("微信截图.png");

    // the counselor's day: the client's report, and the finding nobody flagged yet, each a link
    // straight to where to act
    page.getByTestId("nav-day").click();
    var incidents = page.getByTestId("day-INCIDENT");
    assertThat(incidents.getByTestId("day-item")).hasCount(1);
    assertThat(incidents).containsText("陈小明");
    assertThat(incidents).containsText("Threats");
    var findings = page.getByTestId("day-FINDING");
    assertThat(findings.getByTestId("day-item")).hasCount(1);
    assertThat(findings).containsText("third party");
    page.screenshot(
        new Page.ScreenshotOptions().setPath(artifact("counselor-my-day.png")).setFullPage(true));
    findings.getByRole(AriaRole.LINK).first().click();
    assertThat(page.locator("[data-testid=finding][data-rule='cn.third-party']")).isVisible();
  }

  @Test
  @Order(8)
  void a_budget_leads_to_an_agreed_plan_whose_payment_the_client_sees_with_a_calendar_feed()
      throws Exception {
    var today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    var page = logIn("counselor.wang", "Counselor-demo-1");
    page.waitForURL(appUrl + "/");
    page.navigate(appUrl + "/cases/" + chensCaseId);
    tab(page, "plans");

    // the budget: a bad amount is named; the saved one shows what is left for debts
    page.getByTestId("edit-budget").click();
    var budget = page.getByTestId("budget-form");
    budget.locator("#budget-form_incomes_0_amount").fill("5200.00");
    budget.locator("#budget-form_expenses_0_amount").fill("1800.00");
    page.getByTestId("add-expenses").click();
    choose(page, "budget-form_expenses_1_kind", "Food");
    budget.locator("#budget-form_expenses_1_amount").fill("1400.00");
    page.getByTestId("add-expenses").click();
    choose(page, "budget-form_expenses_2_kind", "Leisure");
    // leisure is not essential: the box follows the kind
    assertThat(budget.locator("#budget-form_expenses_2_essential")).not().isChecked();
    assertThat(budget.locator("#budget-form_expenses_1_essential")).isChecked();
    budget.locator("#budget-form_expenses_2_amount").fill("3OO");
    page.getByTestId("budget-form-save").click();
    assertThat(field(budget, "expenses_2_amount").locator(".ant-form-item-explain-error"))
        .isVisible();
    budget.locator("#budget-form_expenses_2_amount").fill("300.00");
    page.getByTestId("budget-form-save").click();
    assertThat(budget).isHidden();
    assertThat(page.getByTestId("budget-disposable")).containsText("1,700.00");
    assertThat(page.getByTestId("budget-fund")).containsText("9,600.00");

    // a plan asking 2,000.00 a month is more than the 1,700.00 left: warned, then withdrawn
    page.getByTestId("propose").click();
    var propose = page.getByTestId("propose-form");
    propose.getByRole(AriaRole.CHECKBOX).first().check();
    choose(page, "propose-form_kind", "Interest-stop instalments");
    propose.locator("#propose-form_agreedTotal").fill("4000.00");
    propose.locator("#propose-form_instalments").fill("2");
    pickDay(propose.locator("#propose-form_firstDue"), today.plusDays(5));
    // 1,200.00 of the 5,000.00 principal waived (24 %): more than a counselor agrees alone
    page.getByTestId("add-waiver").click();
    choose(page, "propose-form_waivers_0_kind", "Principal reduced");
    propose.locator("#propose-form_waivers_0_amount").fill("1200.00");
    page.getByTestId("propose-form-save").click();
    assertThat(propose).isHidden();
    assertThat(page.getByTestId("proposal-warning")).isVisible();
    assertThat(page.getByTestId("affordability-warning")).isVisible();
    var first = page.getByTestId("plan").first();
    assertThat(first.getByTestId("plan-status")).hasText("Proposed");
    assertThat(first.getByTestId("plan-approval")).containsText("24.0 % of the principal");
    assertThat(first.getByTestId("agree-plan")).hasCount(0);
    // the supervisor finds it in her day and sends it back, saying why
    var reviewer = logIn("supervisor.zhao", "Supervisor-demo-1");
    reviewer.waitForURL(appUrl + "/");
    reviewer.getByTestId("day-PLAN_APPROVAL").getByRole(AriaRole.LINK).first().click();
    reviewer.getByTestId("return-plan").click();
    reviewer.locator("#return-form_note").fill("先争取减免罚息，本金减免太多");
    reviewer.getByTestId("return-form-save").click();
    assertThat(reviewer.getByTestId("plan-approval").first())
        .hasAttribute("data-status", "RETURNED");
    page.reload();
    first = page.getByTestId("plan").first();
    assertThat(first.getByTestId("plan-approval")).containsText("先争取减免罚息");
    first.getByTestId("withdraw-plan").click();
    page.locator("#withdraw-form_reason").fill("the lender wants three months");
    page.getByTestId("withdraw-form-save").click();
    assertThat(page.getByTestId("plan").first().getByTestId("plan-status")).hasText("Withdrawn");

    // three instalments with 120.00 of interest waived: exact to the fen, the first takes the rest
    page.getByTestId("propose").click();
    propose.getByRole(AriaRole.CHECKBOX).first().check();
    choose(page, "propose-form_kind", "Interest-stop instalments");
    propose.locator("#propose-form_agreedTotal").fill("4000.00");
    propose.locator("#propose-form_instalments").fill("3");
    pickDay(propose.locator("#propose-form_firstDue"), today.plusDays(5));
    page.getByTestId("add-waiver").click();
    choose(page, "propose-form_waivers_0_kind", "Interest waived");
    propose.locator("#propose-form_waivers_0_amount").fill("120.00");
    propose.locator("#propose-form_terms").fill("停息挂账 3 期，免除利息");
    page.getByTestId("propose-form-save").click();
    assertThat(propose).isHidden();
    var plan = page.getByTestId("plan").first();
    assertThat(plan.getByTestId("plan-status")).hasText("Proposed");
    assertThat(page.getByTestId("affordability-warning")).hasCount(0);
    assertThat(plan.getByTestId("instalment")).hasCount(3);
    assertThat(plan.getByTestId("instalment").first()).containsText("1,333.34");
    assertThat(plan.getByTestId("instalment").last()).containsText("1,333.33");

    // agreed only with the signed agreement attached
    var signed = "%PDF-1.4\n还款协议 signed by both\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
    plan.getByTestId("agree-plan").click();
    var agree = page.getByTestId("agree-form");
    page.getByTestId("agree-form-save").click();
    assertThat(agree.locator(".ant-form-item-explain-error")).isVisible();
    agree
        .locator("input[type=file]")
        .setInputFiles(
            new com.microsoft.playwright.options.FilePayload(
                "还款协议.pdf", "application/pdf", signed));
    page.getByTestId("agree-form-save").click();
    assertThat(agree).isHidden();
    assertThat(plan.getByTestId("plan-status")).hasText("Agreed");
    assertThat(plan.getByTestId("plan-agreement")).isVisible();

    // a partial payment fills the first instalment; the rest of it is the next payment
    plan.getByTestId("record-payment").click();
    var pay = page.getByTestId("payment-form");
    pay.locator("#payment-form_amount").fill("1000.00");
    pay.locator("#payment-form_note").fill("微信转账");
    page.getByTestId("payment-form-save").click();
    assertThat(pay).isHidden();
    assertThat(plan.getByTestId("plan-status")).hasText("Active");
    assertThat(plan.getByTestId("plan-paid")).containsText("1,000.00");
    assertThat(plan.locator("[data-testid=instalment][data-state=PARTLY_PAID]")).hasCount(1);
    assertThat(plan.getByTestId("plan-next")).containsText("333.34");
    page.getByTestId("budget")
        .screenshot(
            new com.microsoft.playwright.Locator.ScreenshotOptions()
                .setPath(artifact("budget-section.png")));
    page.getByTestId("plans")
        .screenshot(
            new com.microsoft.playwright.Locator.ScreenshotOptions()
                .setPath(artifact("plan-section.png")));
    var download = page.waitForDownload(() -> page.getByTestId("payments-csv").click());
    var csv = java.nio.file.Files.readString(download.path(), StandardCharsets.UTF_8);
    assertThat(csv).contains("\"1000.00\"").contains("\"微信转账\"");
    page.reload();
    assertThat(page.getByTestId("audit")).containsText("Plan payment recorded");
    assertThat(page.getByTestId("audit")).containsText("Plan agreed");
    // the rest of the first instalment is due within the week: it is on the counselor's day
    page.getByTestId("nav-day").click();
    assertThat(page.getByTestId("day-INSTALMENT").getByTestId("day-item")).hasCount(1);
    assertThat(page.getByTestId("day-INSTALMENT")).containsText("333.34");

    // the client sees the plan, the next payment and the history, never the budget
    var chen = logIn("chen.e2e", NEW_CLIENT_PASSWORD);
    chen.waitForURL(appUrl + "/my-case");
    var mine = chen.getByTestId("plans");
    assertThat(mine.getByTestId("plan")).hasCount(1);
    assertThat(mine.getByTestId("plan-next")).containsText("333.34");
    // the payment, without the counselor's note on it or who recorded it
    assertThat(mine.getByTestId("plan-payment")).containsText("1,000.00");
    assertThat(mine.getByTestId("plan-payment")).not().containsText("微信转账");
    assertThat(mine.getByTestId("plan-payment")).not().containsText("counselor.wang");
    assertThat(chen.getByTestId("budget")).hasCount(0);
    assertThat(chen.getByTestId("propose")).hasCount(0);

    // a calendar feed at a secret URL that needs no login, until it is revoked
    chen.getByTestId("calendar-create").click();
    var url = chen.getByTestId("calendar-url").textContent().strip();
    var http = java.net.http.HttpClient.newHttpClient();
    var feed =
        http.send(
            java.net.http.HttpRequest.newBuilder(URI.create(url)).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(feed.statusCode()).isEqualTo(200);
    var ics = feed.body().replace("\r\n ", "");
    assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(4);
    assertThat(ics).contains("333.34 CNY").contains("1333.33 CNY");
    chen.screenshot(
        new Page.ScreenshotOptions().setPath(artifact("client-plan.png")).setFullPage(true));
    chen.getByTestId("calendar-revoke").click();
    assertThat(chen.getByTestId("calendar-revoke")).hasCount(0);
    var revoked =
        http.send(
            java.net.http.HttpRequest.newBuilder(URI.create(url)).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(revoked.statusCode()).isEqualTo(404);

    // the supervisor's dashboard: counted by the server, each chart also a table and a CSV
    var zhao = logIn("supervisor.zhao", "Supervisor-demo-1");
    zhao.waitForURL(appUrl + "/");
    // the supervisor reviews 陈小明's case; her action becomes the counselor's task
    zhao.navigate(appUrl + "/cases/" + chensCaseId + "?tab=reviews");
    assertThat(zhao.getByTestId("review-due")).containsText("every 30 days");
    zhao.getByTestId("add-review").click();
    var reviewForm = zhao.getByTestId("review-form");
    reviewForm.getByText("Contact log").click();
    reviewForm.getByText("Plans").click();
    reviewForm.locator("#review-form_note").fill("方案已达成；继续记录催收电话");
    zhao.getByTestId("add-action").click();
    reviewForm.locator("#review-form_actions_0_text").fill("下周与当事人核对还款凭证");
    pickDay(reviewForm.locator("#review-form_actions_0_dueOn"), today.plusDays(7));
    zhao.getByTestId("review-form-save").click();
    assertThat(reviewForm).isHidden();
    assertThat(zhao.getByTestId("review")).hasCount(1);
    assertThat(zhao.getByTestId("review-action")).containsText("下周与当事人核对还款凭证");
    zhao.getByTestId("nav-dashboard").click();
    // 陈小明 was just reviewed, 刘芳's case (opened today) is not due yet: none overdue
    assertThat(zhao.getByTestId("reviews-overdue")).containsText("Case reviews overdue: 0");
    var plans = zhao.getByTestId("figure-plans");
    assertThat(plans.locator("canvas")).hasCount(1);
    plans.getByTestId("table-plans").click();
    assertThat(
            plans
                .locator("tr")
                .filter(
                    new com.microsoft.playwright.Locator.FilterOptions().setHasText("On track")))
        .containsText("1");
    var lenders = zhao.getByTestId("figure-lenders");
    lenders.getByTestId("table-lenders").click();
    assertThat(lenders).containsText("某某资产管理公司");
    var lendersCsv = zhao.waitForDownload(() -> lenders.getByTestId("csv-lenders").click());
    assertThat(java.nio.file.Files.readString(lendersCsv.path(), StandardCharsets.UTF_8))
        .startsWith("\uFEFF\"Lender\",\"Agency\",\"Flags\"")
        .contains("\"某某资产管理公司\"");
    assertThat(zhao.getByTestId("figure-workload")).isVisible();
    zhao.screenshot(
        new Page.ScreenshotOptions()
            .setPath(artifact("supervisor-dashboard.png"))
            .setFullPage(true));
  }

  /**
   * English sentences on a page, outside what people typed (marked user-text): three or more Latin
   * words in a row, in text, placeholders, labels and titles. Names, numbers and ids pass.
   */
  private static final String ENGLISH_SENTENCES =
      """
      () => {
        const sentence = /[A-Za-z][A-Za-z']+(?:[\\s,.:;()\\/-]+[A-Za-z][A-Za-z']+){2,}/;
        const found = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
          const node = walker.currentNode;
          const element = node.parentElement;
          if (!element || element.closest('.user-text, script, style, code')) continue;
          const match = node.textContent.match(sentence);
          if (match) found.push(match[0] + '  <-  ' + node.textContent.trim().slice(0, 100));
        }
        for (const element of document.querySelectorAll('[placeholder], [aria-label], [title]')) {
          if (element.closest('.user-text')) continue;
          for (const name of ['placeholder', 'aria-label', 'title']) {
            const value = element.getAttribute(name);
            if (value && sentence.test(value)) found.push(name + ': ' + value);
          }
        }
        return found;
      }
      """;

  /** axe-core's serious and critical violations on what the page shows (WCAG 2.1 A and AA). */
  private static List<String> accessibilityProblems(Page page) {
    // colours are judged once drawers and buttons have finished fading in (antd animates them)
    page.waitForFunction(
        "() => document.getAnimations().every(a => a.playState !== 'running'"
            + " || a.effect?.getTiming().iterations === Infinity)");
    var results =
        new com.deque.html.axecore.playwright.AxeBuilder(page)
            .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
            .analyze();
    return results.getViolations().stream()
        .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
        .map(
            v ->
                v.getId()
                    + " ("
                    + v.getNodes().size()
                    + "): "
                    + v.getNodes().stream()
                        .limit(3)
                        .map(n -> String.valueOf(n.getTarget()))
                        .toList())
        .toList();
  }

  private static List<String> englishSentences(Page page) {
    @SuppressWarnings("unchecked")
    var found = (List<String>) page.evaluate(ENGLISH_SENTENCES);
    return found;
  }

  @Test
  @Order(9)
  void every_page_in_chinese_says_nothing_in_english() throws Exception {
    var pages = new java.util.LinkedHashMap<String, List<String>>();
    var access = new java.util.LinkedHashMap<String, List<String>>();
    var wang = logIn("counselor.wang", "Counselor-demo-1");
    wang.waitForURL(appUrl + "/");
    wang.getByTestId("lang-switch").getByText("中文").click();
    assertThat(wang.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .hasText("我的今日");
    assertThat(wang.getByTestId("day-INCIDENT").getByTestId("day-item")).hasCount(1);
    pages.put("counselor's day", englishSentences(wang));
    access.put("counselor's day", accessibilityProblems(wang));
    wang.screenshot(
        new Page.ScreenshotOptions()
            .setPath(artifact("zh-counselor-my-day.png"))
            .setFullPage(true));
    openCases(wang);
    assertThat(wang.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .hasText("我的个案");
    pages.put("counselor's caseload", englishSentences(wang));
    access.put("counselor's caseload", accessibilityProblems(wang));
    wang.screenshot(
        new Page.ScreenshotOptions()
            .setPath(artifact("zh-counselor-caseload.png"))
            .setFullPage(true));
    wang.navigate(appUrl + "/cases/" + chensCaseId);
    assertThat(wang.getByTestId("case-header")).containsText("欠款");
    // every tab is rendered (hidden until chosen), so one look covers the whole workspace
    assertThat(wang.getByTestId("audit")).not().hasCount(0);
    assertThat(wang.getByTestId("wellbeing-row")).not().hasCount(0);
    assertThat(wang.getByTestId("review")).not().hasCount(0);
    pages.put("chen's case", englishSentences(wang));
    // axe looks at what is shown: every tab in turn, and by keyboard alone
    for (var key :
        List.of(
            "overview", "debts", "contacts", "harassment", "plans", "files", "record", "history")) {
      tab(wang, key);
      access.put("case tab " + key, accessibilityProblems(wang));
    }
    // by keyboard alone: the tab list takes the arrow keys, Enter opens the tab
    wang.navigate(appUrl + "/cases/" + chensCaseId);
    var selected = new Page.GetByRoleOptions().setSelected(true);
    wang.getByRole(AriaRole.TAB, selected).focus();
    wang.keyboard().press("ArrowRight");
    wang.keyboard().press("Enter");
    assertThat(wang.getByRole(AriaRole.TAB, selected).getByTestId("tab-debts")).hasCount(1);
    assertThat(wang.getByTestId("add-debt")).isVisible();
    wang.keyboard().press("ArrowRight");
    wang.keyboard().press("Enter");
    assertThat(wang.getByRole(AriaRole.TAB, selected).getByTestId("tab-contacts")).hasCount(1);
    assertThat(wang).hasURL(java.util.regex.Pattern.compile(".*[?]tab=contacts$"));
    // a form opens from the keyboard in a drawer, in Chinese, and Escape closes it
    wang.getByTestId("log-call").focus();
    wang.keyboard().press("Enter");
    var drawer = wang.getByTestId("contact-form");
    assertThat(drawer).isVisible();
    assertThat(wang.locator(".ant-drawer-title")).hasText("记录通话");
    pages.put("log a call", englishSentences(wang));
    access.put("log a call", accessibilityProblems(wang));
    wang.screenshot(
        new Page.ScreenshotOptions().setPath(artifact("zh-log-a-call.png")).setFullPage(true));
    wang.keyboard().press("Escape");
    assertThat(drawer).isHidden();
    wang.navigate(appUrl + "/cases/" + chensCaseId + "?tab=harassment");
    assertThat(wang.getByTestId("flag").first()).isVisible();
    wang.screenshot(
        new Page.ScreenshotOptions().setPath(artifact("zh-case-harassment.png")).setFullPage(true));
    wang.navigate(appUrl + "/cases/" + chensCaseId);
    assertThat(wang.getByTestId("stage-period").first()).isVisible();
    wang.screenshot(
        new Page.ScreenshotOptions().setPath(artifact("zh-case-overview.png")).setFullPage(true));
    wang.getByTestId("nav-complaints").click();
    assertThat(wang.getByTestId("review-queue")).isVisible();
    pages.put("complaints", englishSentences(wang));
    access.put("complaints", accessibilityProblems(wang));

    var zhao = logIn("supervisor.zhao", "Supervisor-demo-1");
    zhao.waitForURL(appUrl + "/");
    zhao.getByTestId("lang-switch").getByText("中文").click();
    assertThat(zhao.getByTestId("day-COMPLAINT_REVIEW")).isVisible();
    pages.put("supervisor's day", englishSentences(zhao));
    access.put("supervisor's day", accessibilityProblems(zhao));
    openCases(zhao);
    assertThat(zhao.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .hasText("全部个案");
    pages.put("supervisor's caseload", englishSentences(zhao));
    access.put("supervisor's caseload", accessibilityProblems(zhao));
    zhao.navigate(appUrl + "/cases/" + liusCaseId);
    assertThat(zhao.getByTestId("case-header")).containsText("欠款");
    assertThat(zhao.getByTestId("legal-step")).not().hasCount(0);
    pages.put("liu's case (supervisor)", englishSentences(zhao));
    // who looked at chen's case: the counselor read the contact log and the record above; another
    // counselor, with a Bearer token of their own, is told there is no such case, and that is kept
    var liToken = stack.accessToken("counselor.li", "Counselor-demo-2");
    var refused =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(appUrl + "/api/cases/" + chensCaseId))
                    .header("Authorization", "Bearer " + liToken)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(404);
    zhao.navigate(appUrl + "/cases/" + chensCaseId + "?tab=access");
    var accessLog = zhao.getByTestId("access-log");
    assertThat(accessLog).containsText("counselor.wang");
    assertThat(accessLog).containsText("联络记录");
    assertThat(accessLog).containsText("客户资料");
    assertThat(
            accessLog
                .locator("tr")
                .filter(
                    new com.microsoft.playwright.Locator.FilterOptions().setHasText("counselor.li"))
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("试图打开本案"))
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("被拒绝")))
        .hasCount(1);
    pages.put("access log (supervisor)", englishSentences(zhao));
    access.put("access log (supervisor)", accessibilityProblems(zhao));
    zhao.screenshot(
        new Page.ScreenshotOptions().setPath(artifact("zh-access-log.png")).setFullPage(true));
    zhao.getByTestId("nav-directory").click();
    assertThat(zhao.getByTestId("directory-entry")).not().hasCount(0);
    pages.put("collector directory", englishSentences(zhao));
    access.put("collector directory", accessibilityProblems(zhao));
    zhao.getByTestId("nav-staff").click();
    assertThat(zhao.getByTestId("staff-member")).not().hasCount(0);
    pages.put("staff", englishSentences(zhao));
    access.put("staff", accessibilityProblems(zhao));
    zhao.getByTestId("nav-dashboard").click();
    assertThat(zhao.getByTestId("figure-stages").locator("canvas")).hasCount(1);
    pages.put("dashboard", englishSentences(zhao));
    access.put("dashboard", accessibilityProblems(zhao));
    zhao.screenshot(
        new Page.ScreenshotOptions()
            .setPath(artifact("zh-supervisor-dashboard.png"))
            .setFullPage(true));

    var chen = logIn("chen.e2e", NEW_CLIENT_PASSWORD);
    chen.waitForURL(appUrl + "/my-case");
    chen.getByTestId("lang-switch").getByText("中文").click();
    assertThat(chen.getByTestId("my-case")).containsText("我的");
    // everything held about her, on request: one ZIP with the data, a PDF in her language, hashes
    var export = chen.waitForDownload(() -> chen.getByTestId("export-my-data").click());
    var exported = new java.util.LinkedHashMap<String, byte[]>();
    try (var zip =
        new java.util.zip.ZipInputStream(java.nio.file.Files.newInputStream(export.path()))) {
      for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        exported.put(entry.getName(), zip.readAllBytes());
      }
    }
    assertThat(exported).containsKeys("data.json", "summary.pdf", "SHA256SUMS", "README.txt");
    assertThat(new String(exported.get("data.json"), StandardCharsets.UTF_8))
        .contains("陈小明")
        .doesNotContain("丈夫失业");
    // the portal on a phone (390 × 844): one column, nothing wider than the screen
    chen.setViewportSize(390, 844);
    chen.reload();
    assertThat(chen.getByTestId("my-case")).containsText("我的");
    assertThat(chen.locator("input[name=photo][capture=environment]")).hasCount(1);
    var tooWide =
        chen.evaluate(
            """
            () => [...document.querySelectorAll('body *')]
              .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1
                && getComputedStyle(e).position !== 'fixed'
                && !e.closest('table.cases'))
              .slice(0, 5)
              .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))
            """);
    assertThat(
            (Boolean)
                chen.evaluate(
                    "() => document.documentElement.scrollWidth >"
                        + " document.documentElement.clientWidth"))
        .as("the portal scrolls sideways on a phone: %s", tooWide)
        .isFalse();
    pages.put("client portal", englishSentences(chen));
    access.put("client portal", accessibilityProblems(chen));
    chen.screenshot(
        new Page.ScreenshotOptions().setPath(artifact("zh-client-phone.png")).setFullPage(true));

    pages.values().removeIf(List::isEmpty);
    access.values().removeIf(List::isEmpty);
    System.out.println("[a11y] " + access);
    assertThat(pages).isEmpty();
    assertThat(access).isEmpty();
  }

  @Test
  @Order(10)
  void an_admin_invites_a_counselor_who_logs_in_once_with_the_one_time_password_then_leaves()
      throws Exception {
    var zhao = logIn("supervisor.zhao", "Supervisor-demo-1");
    zhao.waitForURL(appUrl + "/");
    zhao.getByTestId("nav-staff").click();
    assertThat(zhao.locator("[data-testid=staff-member][data-username='counselor.wang']"))
        .isVisible();
    zhao.getByTestId("invite").click();
    var invite = zhao.getByTestId("invite-form");
    invite.locator("#invite-form_username").fill("counselor.zhou");
    invite.locator("#invite-form_firstName").fill("周");
    invite.locator("#invite-form_lastName").fill("敏");
    invite.locator("#invite-form_email").fill("zhou@clearpath.invalid");
    zhao.getByTestId("invite-form-save").click();
    String password = zhao.getByTestId("one-time-password").textContent().strip();
    assertThat(zhao.getByTestId("one-time")).containsText("counselor.zhou");
    zhao.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("OK")).click();
    var zhou = zhao.locator("[data-testid=staff-member][data-username='counselor.zhou']");
    assertThat(zhou).containsText("Counselor");

    // that was done with zhao's own Keycloak rights, by the grant her sign-in left (sealed); with
    // it gone, a staff change asks her to sign in again, then is done
    try (var connection =
            java.sql.DriverManager.getConnection(
                stack.database.jdbcUrl(), stack.database.username(), stack.database.password());
        var statement = connection.createStatement()) {
      try (var kept = statement.executeQuery("select sealed from admin_sign_in")) {
        assertThat(kept.next()).isTrue();
        assertThat(new String(kept.getBytes(1), java.nio.charset.StandardCharsets.ISO_8859_1))
            .doesNotContain("eyJ");
      }
      statement.executeUpdate("delete from admin_sign_in");
    }
    zhou.getByTestId("reset-password").click();
    assertThat(zhao.getByTestId("sign-in-again")).isVisible();
    zhao.getByTestId("sign-in-again").click();
    zhao.waitForURL(appUrl + "/");
    zhao.getByTestId("nav-staff").click();
    zhou.getByTestId("reset-password").click();
    assertThat(zhao.getByTestId("one-time")).containsText("counselor.zhou");
    password = zhao.getByTestId("one-time-password").textContent().strip();
    zhao.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("OK")).click();

    // the first login asks for a password of her own
    var newcomer = logIn("counselor.zhou", password);
    newcomer.locator("#password-new").fill("Counselor-new-7");
    newcomer.locator("#password-confirm").fill("Counselor-new-7");
    newcomer.locator("#password-confirm").press("Enter");
    newcomer.waitForURL(appUrl + "/");
    assertThat(newcomer.getByTestId("my-day")).isVisible();
    assertThat(newcomer.getByTestId("nav-staff")).hasCount(0);

    // she leaves: deactivated, she cannot log in again, and the change is listed
    zhou.getByTestId("deactivate").click();
    zhao.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Deactivate"))
        .last()
        .click();
    assertThat(zhou.getByTestId("staff-inactive")).isVisible();
    assertThat(zhao.getByTestId("staff-changes")).containsText("Deactivated");
    var again = logIn("counselor.zhou", "Counselor-new-7");
    // Keycloak's login page says so, and she never reaches the app
    assertThat(again.locator("body")).containsText("disabled");
    try (var admin = masterAdmin()) {
      var users = admin.realm(RealmFiles.REALM).users().searchByUsername("counselor.zhou", true);
      assertThat(users).singleElement().satisfies(u -> assertThat(u.isEnabled()).isFalse());
    }
  }

  @Test
  @Order(11)
  void a_supervisor_of_another_team_does_not_see_a_teams_cases_until_the_team_is_removed() {
    var zhao = logIn("supervisor.zhao", "Supervisor-demo-1");
    zhao.waitForURL(appUrl + "/");
    openCases(zhao);
    zhao.getByTestId("caseload")
        .getByRole(
            AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("陈小明"))
        .click();
    zhao.waitForURL(url -> url.contains("/cases/"));
    var chensCase = caseIdFrom(zhao);

    // a second supervisor joins the office
    zhao.getByTestId("nav-staff").click();
    zhao.getByTestId("invite").click();
    var invite = zhao.getByTestId("invite-form");
    invite.locator("#invite-form_username").fill("supervisor.qian");
    invite.locator("#invite-form_firstName").fill("钱");
    invite.locator("#invite-form_email").fill("qian@clearpath.invalid");
    choose(zhao, "invite-form_role", "Supervisor");
    zhao.getByTestId("invite-form-save").click();
    var password = zhao.getByTestId("one-time-password").textContent().strip();
    zhao.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("OK")).click();

    // 赵 leads 东区, and 王 (who holds 陈小明's case) is in it; 李 is in no team
    assertThat(zhao.getByTestId("teams")).containsText("No teams yet");
    zhao.getByTestId("new-team").click();
    zhao.locator("#team-form_name").fill("东区");
    choose(zhao, "team-form_supervisors", "supervisor.zhao");
    // a list of several stays open after a choice: a click on the name above closes it
    zhao.locator("#team-form_name").click();
    choose(zhao, "team-form_counselors", "counselor.wang");
    zhao.locator("#team-form_name").click();
    zhao.getByTestId("team-form-save").click();
    var east = zhao.locator("[data-testid=team][data-name='东区']");
    assertThat(east.getByTestId("team-supervisor")).hasText("supervisor.zhao");
    assertThat(east.getByTestId("team-counselor")).hasText("counselor.wang");
    assertThat(zhao.getByTestId("in-no-team")).containsText("counselor.li");
    assertThat(zhao.getByTestId("staff-changes")).containsText("Team changed");

    // 钱 leads no team: she sees 李's case (no team), not 王's, not even by its address
    var qian = logIn("supervisor.qian", password);
    qian.locator("#password-new").fill("Supervisor-new-7");
    qian.locator("#password-confirm").fill("Supervisor-new-7");
    qian.locator("#password-confirm").press("Enter");
    qian.waitForURL(appUrl + "/");
    openCases(qian);
    assertThat(qian.getByTestId("case-row")).hasCount(1);
    assertThat(qian.getByTestId("caseload")).containsText("刘芳");
    assertThat(qian.getByTestId("caseload")).not().containsText("陈小明");
    qian.navigate(appUrl + "/cases/" + chensCase);
    assertThat(qian.getByTestId("case-not-found")).isVisible();
    assertThat(qian.locator("body")).not().containsText("陈小明");
    // 赵 still sees both
    openCases(zhao);
    assertThat(zhao.getByTestId("case-row")).hasCount(2);

    // the team removed, every supervisor sees every case again
    zhao.getByTestId("nav-staff").click();
    east.getByTestId("remove-team").click();
    zhao.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove")).last().click();
    assertThat(zhao.getByTestId("team")).hasCount(0);
    openCases(qian);
    assertThat(qian.getByTestId("case-row")).hasCount(2);
    assertThat(qian.getByTestId("caseload")).containsText("陈小明");

    // disabled in Keycloak's own console while her page is open: her session ends with the next
    // check (every 2 s here, a minute by default) and the page shows the login
    try (var admin = masterAdmin()) {
      var users = admin.realm(RealmFiles.REALM).users();
      var id = users.searchByUsername("supervisor.qian", true).getFirst().getId();
      var user = users.get(id).toRepresentation();
      user.setEnabled(false);
      users.get(id).update(user);
    }
    for (int i = 0; i < 30 && qian.getByTestId("login").count() == 0; i++) {
      qian.waitForTimeout(1000);
      qian.reload();
    }
    assertThat(qian.getByTestId("login")).isVisible();
    assertThat(qian.request().get(appUrl + "/api/me").status()).isEqualTo(401);
  }

  @Test
  @Order(12)
  void the_apps_service_account_manages_client_logins_only_never_staff_nor_any_staff_role() {
    // the stack narrowed it as it started; doing it again (as every start does) changes nothing
    try (var again = new RealmAdmin(keycloak)) {
      again.narrowServiceAccount();
    }
    // the service account as the app uses it: client credentials
    try (var service =
            org.keycloak.admin.client.KeycloakBuilder.builder()
                .serverUrl(keycloak.url())
                .realm(RealmFiles.REALM)
                .grantType(org.keycloak.OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(RealmFiles.SERVICE_CLIENT)
                .clientSecret(RealmFiles.clientSecret(realm, RealmFiles.SERVICE_CLIENT))
                .build();
        var master = masterAdmin()) {
      var asService = service.realm(RealmFiles.REALM);
      var asMaster = master.realm(RealmFiles.REALM);
      var li = asMaster.users().searchByUsername("counselor.li", true).getFirst().getId();
      var self =
          asMaster
              .clients()
              .get(asMaster.clients().findByClientId(RealmFiles.SERVICE_CLIENT).getFirst().getId())
              .getServiceAccountUser()
              .getId();
      var staff =
          asMaster.groups().groups(RealmAdmin.STAFF_GROUP, true, 0, 10, true).getFirst().getId();
      // every demo member of staff is in the group, clients are not
      assertThat(asMaster.groups().group(staff).members(0, 100, true))
          .extracting(u -> u.getUsername())
          .contains("counselor.wang", "counselor.li", "supervisor.zhao")
          .doesNotContain("client.chen");

      // a client portal login, as the app makes one: made, given a password and the client role,
      // then removed
      var login = new org.keycloak.representations.idm.UserRepresentation();
      login.setUsername("portal.check");
      login.setEnabled(true);
      String made;
      try (var response = asService.users().create(login)) {
        assertThat(response.getStatus()).isEqualTo(201);
        made = org.keycloak.admin.client.CreatedResponseUtil.getCreatedId(response);
      }
      var password = new org.keycloak.representations.idm.CredentialRepresentation();
      password.setType("password");
      password.setValue("Portal-check-7a");
      password.setTemporary(true);
      asService.users().get(made).resetPassword(password);
      asService
          .users()
          .get(made)
          .roles()
          .realmLevel()
          .add(List.of(asService.roles().get("client").toRepresentation()));
      // nor can it make that login staff
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> asService.users().get(made).joinGroup(staff))
          .isInstanceOf(jakarta.ws.rs.ForbiddenException.class);

      // no staff role, to a login, to staff, or to itself
      for (var role : List.of("counselor", "supervisor", "admin", "director")) {
        var representation = asMaster.roles().get(role).toRepresentation();
        for (var user : List.of(made, li, self)) {
          var roles = asService.users().get(user).roles().realmLevel();
          org.assertj.core.api.Assertions.assertThatThrownBy(
                  () -> roles.add(List.of(representation)))
              .as("%s to %s", role, user)
              .isInstanceOf(jakarta.ws.rs.ForbiddenException.class);
        }
      }
      // nor Keycloak's own administration roles
      var management = asMaster.clients().findByClientId("realm-management").getFirst().getId();
      var manageUsers =
          asMaster.clients().get(management).roles().get("manage-users").toRepresentation();
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  asService
                      .users()
                      .get(self)
                      .roles()
                      .clientLevel(management)
                      .add(List.of(manageUsers)))
          .isInstanceOf(jakarta.ws.rs.ForbiddenException.class);

      // a member of staff: seen (the session recheck reads her), never changed
      var counselorLi = asService.users().get(li);
      assertThat(counselorLi.toRepresentation().getUsername()).isEqualTo("counselor.li");
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> counselorLi.resetPassword(password))
          .isInstanceOf(jakarta.ws.rs.ForbiddenException.class);
      var disabled = counselorLi.toRepresentation();
      disabled.setEnabled(false);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> counselorLi.update(disabled))
          .isInstanceOf(jakarta.ws.rs.ForbiddenException.class);
      org.assertj.core.api.Assertions.assertThatThrownBy(counselorLi::logout)
          .isInstanceOf(jakarta.ws.rs.ForbiddenException.class);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> counselorLi.leaveGroup(staff))
          .isInstanceOf(jakarta.ws.rs.ForbiddenException.class);
      try (var response = asService.users().delete(li)) {
        assertThat(response.getStatus()).isEqualTo(403);
      }
      assertThat(asMaster.users().get(li).toRepresentation().isEnabled()).isTrue();
      assertThat(asMaster.users().get(li).roles().realmLevel().listEffective())
          .extracting(r -> r.getName())
          .contains("counselor")
          .doesNotContain("supervisor", "admin", "director");

      try (var response = asService.users().delete(made)) {
        assertThat(response.getStatus()).isEqualTo(204);
      }
    }
  }

  @Test
  @Order(13)
  void sessions_ended_in_keycloak_end_in_clearpath_at_once_by_back_channel() {
    var li = logIn("counselor.li", "Counselor-demo-2");
    li.waitForURL(appUrl + "/");
    assertThat(li.request().get(appUrl + "/api/me").status()).isEqualTo(200);
    // an administrator ends her sessions in Keycloak; she stays enabled with her roles, so only
    // Keycloak's back-channel logout to the app can end the session she has here
    try (var admin = masterAdmin()) {
      var users = admin.realm(RealmFiles.REALM).users();
      var id = users.searchByUsername("counselor.li", true).getFirst().getId();
      users.get(id).logout();
    }
    li.reload();
    assertThat(li.getByTestId("login")).isVisible();
    assertThat(li.request().get(appUrl + "/api/me").status()).isEqualTo(401);
    // a new login is a new session, and it works
    li.getByTestId("login").click();
    li.waitForURL(url -> url.startsWith(keycloak.url()));
    li.locator("#username").fill("counselor.li");
    li.locator("#password").fill("Counselor-demo-2");
    li.locator("#kc-login").click();
    li.waitForURL(appUrl + "/");
    assertThat(li.request().get(appUrl + "/api/me").status()).isEqualTo(200);
  }

  @Test
  @Order(14)
  void a_counselor_asks_for_erasure_a_hold_stops_it_and_a_supervisor_erases_the_case()
      throws Exception {
    // the counselor asks, on the case's record (刘芳's is 李's since Order 4)
    var li = logIn("counselor.li", "Counselor-demo-2");
    li.waitForURL(appUrl + "/");
    li.navigate(appUrl + "/cases/" + liusCaseId + "?tab=record");
    assertThat(li.getByTestId("case-client-name")).hasText("刘芳");
    li.getByTestId("request-erasure").click();
    li.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask for erasure"))
        .last()
        .click();
    assertThat(li.getByTestId("erasure-requested")).containsText("counselor.li");
    assertThat(li.getByTestId("approve-erasure")).hasCount(0);
    li.context().close();

    // a supervisor's legal hold stops it, with its reason on the case
    var zhao = logIn("supervisor.zhao", "Supervisor-demo-1");
    zhao.waitForURL(appUrl + "/");
    // the supervisor's day lists it, a link to the case's record
    var waiting = zhao.getByTestId("day-ERASURE");
    assertThat(waiting).containsText("刘芳");
    assertThat(waiting).containsText("the counselor");
    waiting.getByRole(AriaRole.LINK).first().click();
    assertThat(zhao.getByTestId("case-client-name")).hasText("刘芳");
    zhao.navigate(appUrl + "/cases/" + liusCaseId + "?tab=record");
    assertThat(zhao.getByTestId("erasure-requested")).isVisible();
    zhao.getByTestId("set-legal-hold").click();
    zhao.locator("#legal-hold-form_reason").fill("法院诉讼进行中");
    zhao.getByTestId("legal-hold-form-save").click();
    assertThat(zhao.getByTestId("legal-hold")).containsText("法院诉讼进行中");
    zhao.getByTestId("approve-erasure").click();
    zhao.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Erase the case"))
        .last()
        .click();
    assertThat(zhao.getByTestId("erasure"))
        .containsText("it cannot be erased until the hold is lifted");
    assertThat(zhao.getByTestId("case-client-name")).hasText("刘芳");

    // lifted, saying why: the case is erased and gone
    zhao.getByTestId("lift-legal-hold").click();
    zhao.locator("#legal-hold-form_reason").fill("诉讼已结束");
    zhao.getByTestId("legal-hold-form-save").click();
    assertThat(zhao.getByTestId("legal-hold")).hasCount(0);
    zhao.getByTestId("approve-erasure").click();
    zhao.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Erase the case"))
        .last()
        .click();
    zhao.waitForURL(appUrl + "/cases");
    assertThat(zhao.getByTestId("caseload")).not().containsText("刘芳");
    assertThat(zhao.request().get(appUrl + "/api/cases/" + liusCaseId).status()).isEqualTo(404);
    zhao.navigate(appUrl + "/cases/" + liusCaseId);
    assertThat(zhao.getByTestId("case-not-found")).isVisible();
    try (var connection =
            java.sql.DriverManager.getConnection(
                stack.database.jdbcUrl(), stack.database.username(), stack.database.password());
        var statement = connection.createStatement();
        var rows =
            statement.executeQuery(
                "select client_name, erased_at is not null, client_record is null from case_file"
                    + " where id = '"
                    + liusCaseId
                    + "'")) {
      rows.next();
      assertThat(rows.getString(1)).isEqualTo("—");
      assertThat(rows.getBoolean(2)).isTrue();
      assertThat(rows.getBoolean(3)).isTrue();
    }
    // 刘芳's portal login is gone from Keycloak (right after the erasure, in the background)
    try (var admin = masterAdmin()) {
      var users = admin.realm(RealmFiles.REALM).users();
      var deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
      while (!users.searchByUsername("liu.e2e", true).isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(250);
      }
      assertThat(users.searchByUsername("liu.e2e", true)).isEmpty();
      // and the other clients' are not
      assertThat(users.searchByUsername("chen.e2e", true)).hasSize(1);
    }
  }

  @Test
  @Order(15)
  void staff_give_a_one_time_code_after_the_password_and_an_admin_resets_a_lost_authenticator() {
    var phones = new AuthenticatorApp();
    // what every start of an install does (the demo's dev overlay does not)
    try (var realmAdmin = new RealmAdmin(keycloak)) {
      realmAdmin.requireStaffSecondFactor(true);
      realmAdmin.requireStaffSecondFactor(true);
    }
    try {
      // a counselor without an authenticator app sets one up at the login, after the password
      var li = logIn("counselor.li", "Counselor-demo-2");
      assertThat(li.locator("#kc-totp-secret-qr-code")).isVisible();
      phones.setUp(li, "counselor.li");
      li.waitForURL(appUrl + "/");
      assertThat(li.getByTestId("my-day")).isVisible();
      li.context().close();

      // the next login asks for a code: a wrong one is refused, the app's one lets her in
      var again = logIn("counselor.li", "Counselor-demo-2");
      // (five digits: never the code)
      again.locator("input[name=otp]").fill("00000");
      again.locator("#kc-login").click();
      assertThat(again.locator("#input-error-otp")).containsText("Invalid authenticator code");
      phones.enterCode(again, "counselor.li");
      again.waitForURL(appUrl + "/");
      assertThat(again.getByTestId("my-day")).isVisible();
      again.context().close();

      // a client is not asked for one
      var chen = logIn("chen.e2e", NEW_CLIENT_PASSWORD);
      chen.waitForURL(appUrl + "/my-case");
      chen.context().close();

      // li lost her phone: an admin (who gives her own code first) resets it from the Staff page
      var zhao = logIn("supervisor.zhao", "Supervisor-demo-1");
      phones.setUp(zhao, "supervisor.zhao");
      zhao.waitForURL(appUrl + "/");
      zhao.getByTestId("nav-staff").click();
      zhao.locator("[data-testid=staff-member][data-username='counselor.li']")
          .getByTestId("reset-second-factor")
          .click();
      zhao.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reset two-step login"))
          .last()
          .click();
      assertThat(zhao.getByTestId("staff-changes")).containsText("Two-step login reset");
      try (var admin = masterAdmin()) {
        var users = admin.realm(RealmFiles.REALM).users();
        var id = users.searchByUsername("counselor.li", true).getFirst().getId();
        assertThat(users.get(id).credentials())
            .extracting(org.keycloak.representations.idm.CredentialRepresentation::getType)
            .containsExactly("password");
      }
      // her password stays; her next login sets up her new phone
      var lost = logIn("counselor.li", "Counselor-demo-2");
      assertThat(lost.locator("#kc-totp-secret-qr-code")).isVisible();
      phones.setUp(lost, "counselor.li");
      lost.waitForURL(appUrl + "/");
      lost.context().close();
    } finally {
      try (var realmAdmin = new RealmAdmin(keycloak)) {
        realmAdmin.requireStaffSecondFactor(false);
      }
    }
    // turned off, as in the demo: the password alone
    var wang = logIn("counselor.wang", "Counselor-demo-1");
    wang.waitForURL(appUrl + "/");
    assertThat(wang.getByTestId("my-day")).isVisible();
  }
}
