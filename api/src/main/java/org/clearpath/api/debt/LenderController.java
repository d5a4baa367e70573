package org.clearpath.api.debt;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.clearpath.api.security.Roles;
import org.clearpath.domain.debt.Lender;
import org.clearpath.domain.debt.LenderId;
import org.clearpath.domain.debt.LenderKind;
import org.clearpath.domain.debt.Lenders;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;

/** The lender directory shared by all cases (staff only). */
@Controller("/api/lenders")
@Tag(name = "lenders")
@Secured({Roles.COUNSELOR, Roles.SUPERVISOR})
public class LenderController {
  private final Lenders lenders;

  LenderController(Lenders lenders) {
    this.lenders = lenders;
  }

  @Serdeable
  public record LenderView(String id, String name, String kind) {
    static LenderView of(Lender l) {
      return new LenderView(l.id().toString(), l.name(), l.kind().name());
    }
  }

  @Serdeable
  public record NewLender(@Nullable String name, @Nullable String kind) {}

  @Operation(summary = "All lenders, by name")
  @Get
  public List<LenderView> all() {
    return lenders.all().stream().map(LenderView::of).toList();
  }

  @Operation(summary = "Add a lender to the directory; 400 when the name is taken")
  @Post
  public HttpResponse<LenderView> add(@Body @Nullable NewLender request) {
    if (request == null) {
      throw new InvalidInput(
          "name",
          "the lender's name is required",
          org.clearpath.domain.shared.Message.of("input.required"));
    }
    LenderKind kind;
    try {
      kind = LenderKind.valueOf(request.kind() == null ? "" : request.kind());
    } catch (IllegalArgumentException e) {
      throw new InvalidInput(
          "kind",
          "one of " + java.util.Arrays.toString(LenderKind.values()),
          Message.of("input.one-of", "allowed", java.util.Arrays.toString(LenderKind.values())));
    }
    var lender = new Lender(new LenderId(UUID.randomUUID()), request.name(), kind);
    lenders.add(lender);
    return HttpResponse.created(LenderView.of(lender), URI.create("/api/lenders/" + lender.id()));
  }
}
