package org.clearpath.api.casefile;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearpath.api.problem.Inputs;
import org.clearpath.api.security.Principals;
import org.clearpath.api.security.Roles;
import org.clearpath.domain.audit.AuditEntry;
import org.clearpath.domain.casefile.CaseFile;
import org.clearpath.domain.casefile.CaseQuery;
import org.clearpath.domain.casefile.ClientName;
import org.clearpath.domain.casefile.PortalLogin;
import org.clearpath.domain.shared.InvalidInput;

/**
 * Case files. Counselors see and open cases in their caseload, supervisors see every case, clients
 * see their own case. Any case someone may not see answers 404, exactly like one that does not
 * exist.
 */
@Controller("/api/cases")
@Tag(name = "cases")
public class CaseFileController {
  private final CaseFileService service;
  private final CaseFileService.WithPortalLogin opening;

  CaseFileController(CaseFileService service, CaseFileService.WithPortalLogin opening) {
    this.service = service;
    this.opening = opening;
  }

  /** What anyone allowed to see a case sees of it: nothing internal. */
  @Serdeable
  public record CaseView(
      String id,
      String clientName,
      String status,
      String stage,
      Instant openedAt,
      String counselorName,
      boolean hasPortalLogin,
      long version) {
    public static CaseView of(CaseFile c) {
      return of(org.clearpath.domain.casefile.CaseSummary.of(c));
    }

    static CaseView of(org.clearpath.domain.casefile.CaseSummary c) {
      return new CaseView(
          c.id().toString(),
          c.clientName().value(),
          c.status().name(),
          c.stage().name(),
          c.openedAt(),
          c.counselorName(),
          c.hasPortalLogin(),
          c.version());
    }
  }

  @Serdeable
  public record PortalLoginRequest(@Nullable String username, @Nullable String email) {}

  @Serdeable
  public record OpenCaseRequest(
      @Nullable String clientName, @Nullable PortalLoginRequest portalLogin) {}

  /**
   * The new case; when a portal login was made, its username and the one-time temporary password
   * that the counselor hands to the client (shown once, never stored by Clearpath).
   */
  @Serdeable
  public record OpenedCase(
      CaseView caseFile, @Nullable String portalUsername, @Nullable String temporaryPassword) {}

  @Serdeable
  public record AuditView(
      String action,
      String actorName,
      @io.swagger.v3.oas.annotations.media.Schema(
              description =
                  "the change was made by one of the app's daily jobs (stage-job, plan-job), not"
                      + " by a person; the UI names the job in the user's language")
          @Nullable
          String job,
      Instant at,
      Map<String, String> details) {
    static AuditView of(AuditEntry e) {
      var actor = e.actor().value();
      return new AuditView(
          e.action(),
          e.actorName(),
          actor.startsWith("system:") ? actor.substring("system:".length()) : null,
          e.at(),
          e.details());
    }
  }

  @Operation(
      summary =
          "One page of the cases visible to the caller (the header X-Total-Count gives how many"
              + " match in all). q searches client name, phone or ID number; sort is client, stage,"
              + " days-in-stage, last-contact or opened, with a leading - for descending (default"
              + " -opened); noContactDays keeps cases without a contact in that many days")
  @Get("{?q,page,size,sort,stage,status,counselor,openedFrom,openedTo,noContactDays}")
  @Secured({Roles.COUNSELOR, Roles.SUPERVISOR, Roles.CLIENT})
  public HttpResponse<List<CaseView>> list(
      @Nullable @QueryValue String q,
      @Nullable @QueryValue String page,
      @Nullable @QueryValue String size,
      @Nullable @QueryValue String sort,
      @Nullable @QueryValue String stage,
      @Nullable @QueryValue String status,
      @Nullable @QueryValue String counselor,
      @Nullable @QueryValue String openedFrom,
      @Nullable @QueryValue String openedTo,
      @Nullable @QueryValue String noContactDays,
      Authentication authentication) {
    var actor = Principals.actor(authentication);
    var query =
        query(q, page, size, sort, stage, status, counselor, openedFrom, openedTo, noContactDays);
    var found = service.page(query, actor);
    return Inputs.paged(found.cases().stream().map(c -> CaseView.of(c)).toList(), found.total());
  }

  /** The filters, order and page that a caseload request asks for, checked field by field. */
  private CaseQuery query(
      @Nullable String q,
      @Nullable String page,
      @Nullable String size,
      @Nullable String sort,
      @Nullable String stage,
      @Nullable String status,
      @Nullable String counselor,
      @Nullable String openedFrom,
      @Nullable String openedTo,
      @Nullable String noContactDays) {
    var zone = service.zone();
    var latest = service.today().plusDays(1);
    var sortText = sort == null || sort.isBlank() ? "-opened" : sort.strip();
    var descending = sortText.startsWith("-");
    var sortBy =
        Inputs.oneOf(
            "sort",
            sortText
                .substring(descending ? 1 : 0)
                .toUpperCase(java.util.Locale.ROOT)
                .replace('-', '_'),
            CaseQuery.Sort.class);
    // an office day from its first moment; openedTo includes its whole day
    var from = optionalDay("openedFrom", openedFrom, latest).map(day -> day.atStartOfDay(zone));
    var before =
        optionalDay("openedTo", openedTo, latest).map(day -> day.plusDays(1).atStartOfDay(zone));
    var quietDays = Inputs.wholeNumber("noContactDays", noContactDays, 1, 3650, 0);
    return new CaseQuery(
        java.util.Optional.ofNullable(q).filter(text -> !text.isBlank()),
        optionalEnum("stage", stage, org.clearpath.domain.shared.Stage.class),
        optionalEnum("status", status, org.clearpath.domain.casefile.CaseStatus.class),
        java.util.Optional.ofNullable(counselor)
            .filter(text -> !text.isBlank())
            .map(text -> new org.clearpath.domain.shared.UserId(text.strip())),
        from.map(java.time.ZonedDateTime::toInstant),
        before.map(java.time.ZonedDateTime::toInstant),
        quietDays == 0
            ? java.util.Optional.empty()
            : java.util.Optional.of(
                service.today().minusDays(quietDays - 1L).atStartOfDay(zone).toInstant()),
        java.util.Optional.empty(),
        sortBy,
        descending,
        Inputs.wholeNumber("page", page, 0, CaseQuery.MAX_PAGE, 0),
        Inputs.wholeNumber("size", size, 1, CaseQuery.MAX_SIZE, 50),
        org.clearpath.domain.shared.Reach.everyone());
  }

  @Operation(
      summary =
          "The whole filtered, sorted caseload as CSV, streamed page by page (same filters as the"
              + " list; page and size are ignored)")
  @Get(
      value = "/export.csv{?q,sort,stage,status,counselor,openedFrom,openedTo,noContactDays}",
      produces = "text/csv")
  @Secured({Roles.COUNSELOR, Roles.SUPERVISOR})
  public HttpResponse<io.micronaut.http.server.types.files.StreamedFile> export(
      @Nullable @QueryValue String q,
      @Nullable @QueryValue String sort,
      @Nullable @QueryValue String stage,
      @Nullable @QueryValue String status,
      @Nullable @QueryValue String counselor,
      @Nullable @QueryValue String openedFrom,
      @Nullable @QueryValue String openedTo,
      @Nullable @QueryValue String noContactDays,
      Authentication authentication) {
    var actor = Principals.actor(authentication);
    var first =
        query(q, "0", "200", sort, stage, status, counselor, openedFrom, openedTo, noContactDays);
    var csv = new CaseCsv(service, first, actor);
    return HttpResponse.ok(
            new io.micronaut.http.server.types.files.StreamedFile(
                csv, new io.micronaut.http.MediaType("text/csv; charset=utf-8")))
        .header("Content-Disposition", "attachment; filename=\"cases.csv\"");
  }

  private static java.util.Optional<java.time.LocalDate> optionalDay(
      String field, @Nullable String text, java.time.LocalDate latest) {
    return text == null || text.isBlank()
        ? java.util.Optional.empty()
        : java.util.Optional.of(Inputs.date(field, text, latest));
  }

  private static <E extends Enum<E>> java.util.Optional<E> optionalEnum(
      String field, @Nullable String text, Class<E> type) {
    return text == null || text.isBlank()
        ? java.util.Optional.empty()
        : java.util.Optional.of(Inputs.oneOf(field, text, type));
  }

  /** How many cases each counselor has in each stage, counted by the database. */
  @Serdeable
  public record StageCountView(String counselorName, String stage, long cases) {}

  @Operation(summary = "Cases per counselor and stage (supervisors)")
  @Get("/counts")
  @Secured(Roles.SUPERVISOR)
  public List<StageCountView> counts(Authentication authentication) {
    return service.counts(Principals.actor(authentication)).stream()
        .map(c -> new StageCountView(c.counselorName(), c.stage().name(), c.cases()))
        .toList();
  }

  @Operation(summary = "Open a case in the caller's caseload (counselors)")
  @ApiResponse(responseCode = "201", description = "opened")
  @ApiResponse(responseCode = "400", description = "a field is missing or wrong")
  @ApiResponse(responseCode = "409", description = "the portal username is taken")
  @Post
  @Status(io.micronaut.http.HttpStatus.CREATED)
  @Secured(Roles.COUNSELOR)
  public HttpResponse<OpenedCase> open(
      @Body @Nullable OpenCaseRequest request, Authentication authentication) {
    if (request == null) {
      throw new InvalidInput(
          "clientName",
          "the client's name is required",
          org.clearpath.domain.shared.Message.of("input.required"));
    }
    var name = new ClientName(request.clientName());
    Optional<PortalLogin> login =
        Optional.ofNullable(request.portalLogin())
            .filter(p -> p.username() != null && !p.username().isBlank())
            .map(p -> new PortalLogin(p.username(), p.email()));
    var opened = opening.open(name, login, Principals.actor(authentication));
    var body =
        new OpenedCase(
            CaseView.of(opened.caseFile()),
            opened.account().map(a -> a.username()).orElse(null),
            opened.account().map(a -> a.temporaryPassword()).orElse(null));
    return HttpResponse.created(body, URI.create("/api/cases/" + opened.caseFile().id()));
  }

  @Operation(summary = "One case, if the caller may see it")
  @ApiResponse(responseCode = "404", description = "no such case, or not the caller's to see")
  @Get("/{id}")
  @Secured({Roles.COUNSELOR, Roles.SUPERVISOR, Roles.CLIENT})
  public CaseView get(@PathVariable String id, Authentication authentication) {
    return CaseView.of(
        service.get(org.clearpath.api.problem.Inputs.caseId(id), Principals.actor(authentication)));
  }

  @Operation(summary = "A case's audit trail, oldest first (counselor of the case, supervisors)")
  @Get("/{id}/audit")
  @Secured({Roles.COUNSELOR, Roles.SUPERVISOR, Roles.CLIENT})
  public List<AuditView> audit(@PathVariable String id, Authentication authentication) {
    return service
        .auditTrail(org.clearpath.api.problem.Inputs.caseId(id), Principals.actor(authentication))
        .stream()
        .map(AuditView::of)
        .toList();
  }
}
