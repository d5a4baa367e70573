package org.clearpath.api.directory;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
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
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.clearpath.api.problem.Inputs;
import org.clearpath.api.security.Principals;
import org.clearpath.api.security.Roles;
import org.clearpath.domain.audit.OfficeAuditTrail;
import org.clearpath.domain.directory.CollectorDirectory;
import org.clearpath.domain.directory.DirectoryEntry;
import org.clearpath.domain.directory.UsingTheDirectory;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;

/**
 * The collector directory: agencies and numbers across the office's cases (staff). Counts are the
 * office's; the cases behind an entry are those the reader may see. Supervisors merge entries.
 */
@Controller("/api/directory")
@Tag(name = "directory")
@Secured({Roles.COUNSELOR, Roles.SUPERVISOR})
public class DirectoryController {
  private final UsingTheDirectory directory;
  private final OfficeAuditTrail audit;

  DirectoryController(UsingTheDirectory directory, OfficeAuditTrail audit) {
    this.directory = directory;
    this.audit = audit;
  }

  @Factory
  static class Configuration {
    @Singleton
    UsingTheDirectory usingTheDirectory(
        CollectorDirectory directory,
        OfficeAuditTrail audit,
        org.clearpath.domain.shared.Transactions transactions,
        Clock clock,
        @Value("${clearpath.directory.region:CN}") String region,
        org.clearpath.domain.shared.Oversight oversight) {
      return new UsingTheDirectory(directory, audit, transactions, clock, region, oversight);
    }
  }

  @Serdeable
  public record EntryView(
      String id,
      String kind,
      String label,
      String key,
      int clients,
      int flags,
      int complaints,
      List<String> lenders,
      long version) {
    static EntryView of(DirectoryEntry e) {
      return new EntryView(
          e.id().toString(),
          e.kind().name(),
          e.label(),
          e.key(),
          e.clients(),
          e.flags(),
          e.complaints(),
          e.lenders(),
          e.version());
    }
  }

  @Serdeable
  public record ReachedView(
      String caseId, String clientName, String counselorName, int contacts, String last) {}

  @Serdeable
  public record KnownView(
      @Nullable String agency,
      @Nullable String lenderId,
      @Nullable String lenderName,
      int contacts) {}

  @Serdeable
  public record MergeRequest(@Nullable String into, @Nullable Long version) {}

  @Serdeable
  public record MergeView(String actorName, String at, String kind, String from, String into) {}

  @Operation(
      summary =
          "Agencies or numbers (kind=AGENCY|NUMBER), most clients reached first; counts across the"
              + " office; X-Total-Count")
  @Get
  public MutableHttpResponse<List<EntryView>> page(
      @Nullable @QueryValue String kind,
      @Nullable @QueryValue String q,
      @Nullable @QueryValue String page,
      @Nullable @QueryValue String size,
      Authentication auth) {
    var actor = Principals.actor(auth);
    var which =
        kind == null || kind.isBlank()
            ? DirectoryEntry.Kind.AGENCY
            : Inputs.oneOf("kind", kind, DirectoryEntry.Kind.class);
    var rows = Inputs.size(size, 20);
    var found = directory.page(actor, which, q, Inputs.page(page) * rows, rows);
    return Inputs.paged(found.items().stream().map(EntryView::of).toList(), found.total());
  }

  @Operation(summary = "The agency and lender a collector's number was logged with most often")
  @Get("/known")
  public HttpResponse<KnownView> known(@Nullable @QueryValue String number, Authentication auth) {
    var actor = Principals.actor(auth);
    if (number != null && number.length() > 40) {
      throw new InvalidInput(
          "number", "at most 40 characters", Message.of("input.max-length", "max", 40));
    }
    return directory
        .known(actor, number)
        .<HttpResponse<KnownView>>map(
            k ->
                HttpResponse.ok(
                    new KnownView(k.agency(), k.lenderId(), k.lenderName(), k.contacts())))
        .orElseGet(HttpResponse::noContent);
  }

  @Operation(summary = "The latest merges of directory entries (supervisors)")
  @Get("/merges")
  @Secured(Roles.SUPERVISOR)
  public List<MergeView> merges() {
    return audit.latest(List.of("directory.merged"), 50).stream()
        .map(
            e ->
                new MergeView(
                    e.actorName(),
                    e.at().toString(),
                    e.details().get("kind"),
                    e.details().get("from"),
                    e.details().get("into")))
        .toList();
  }

  @Operation(summary = "One entry (an entry merged into another answers as that other)")
  @Get("/{id}")
  public EntryView entry(@PathVariable String id, Authentication auth) {
    var actor = Principals.actor(auth);
    return EntryView.of(directory.entry(actor, Inputs.pathId("directory entry", id)));
  }

  @Operation(
      summary =
          "The cases the entry reached that the reader may see (a counselor: their own), latest"
              + " first; X-Total-Count")
  @Get("/{id}/cases")
  public MutableHttpResponse<List<ReachedView>> cases(
      @PathVariable String id,
      @Nullable @QueryValue String page,
      @Nullable @QueryValue String size,
      Authentication auth) {
    var actor = Principals.actor(auth);
    var entry = Inputs.pathId("directory entry", id);
    var rows = Inputs.size(size, 20);
    var found = directory.reached(actor, entry, Inputs.page(page) * rows, rows);
    return Inputs.paged(
        found.items().stream()
            .map(
                r ->
                    new ReachedView(
                        r.caseId().toString(),
                        r.clientName(),
                        r.counselorName(),
                        r.contacts(),
                        r.last().toString()))
            .toList(),
        found.total());
  }

  @Operation(summary = "Merge this entry into another of its kind (supervisors); audited")
  @Post("/{id}/merge")
  @Secured(Roles.SUPERVISOR)
  public EntryView merge(
      @PathVariable String id, @Body @Nullable MergeRequest request, Authentication auth) {
    var actor = Principals.actor(auth);
    var from = Inputs.pathId("directory entry", id);
    var into = Inputs.uuid("into", request == null ? null : request.into());
    if (into == null) {
      throw new InvalidInput("into", "say which entry it joins", Message.of("input.required"));
    }
    var version = Inputs.version(request.version());
    return EntryView.of(directory.merge(actor, from, into, version));
  }
}
