package org.clearpath.api.casefile;

import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.clearpath.api.stage.StageSettings;
import org.clearpath.domain.audit.AuditEntry;
import org.clearpath.domain.audit.AuditTrail;
import org.clearpath.domain.casefile.CaseAccessPolicy;
import org.clearpath.domain.casefile.CaseFile;
import org.clearpath.domain.casefile.ClientName;
import org.clearpath.domain.casefile.ClientPortalAccounts;
import org.clearpath.domain.casefile.OpenCase;
import org.clearpath.domain.casefile.OpeningCase;
import org.clearpath.domain.casefile.PortalLogin;
import org.clearpath.domain.casefile.ViewingCases;
import org.clearpath.domain.shared.Actor;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.NotPermitted;

/** Transaction boundaries around the case-file use cases. */
@Singleton
public class CaseFileService {
  private final OpeningCase openingCase;
  private final ViewingCases viewingCases;
  private final AuditTrail auditTrail;
  private final CaseAccessPolicy policy;
  private final StageSettings stageSettings;
  private final Clock clock;

  CaseFileService(
      OpeningCase openingCase,
      ViewingCases viewingCases,
      AuditTrail auditTrail,
      CaseAccessPolicy policy,
      StageSettings stageSettings,
      Clock clock) {
    this.openingCase = openingCase;
    this.viewingCases = viewingCases;
    this.auditTrail = auditTrail;
    this.policy = policy;
    this.stageSettings = stageSettings;
    this.clock = clock;
  }

  /** The case, its audit entry and its first stage period, together or not at all. */
  @Transactional
  public CaseFile open(OpenCase command, Actor counselor) {
    return openingCase.open(command, counselor);
  }

  /**
   * A page of the caseload the actor may see, and how many cases match in all (one connection, no
   * transaction: see the adapter).
   */
  @io.micronaut.data.connection.annotation.Connectable
  public org.clearpath.domain.casefile.CasePage page(
      org.clearpath.domain.casefile.CaseQuery query, Actor actor) {
    return viewingCases.page(query, actor);
  }

  /** Cases per counselor and stage (supervisors). */
  @ReadOnly
  public List<org.clearpath.domain.casefile.StageCount> counts(Actor actor) {
    return viewingCases.counts(actor);
  }

  /** The office's zone and today in it: days in filters are the office's days. */
  public java.time.ZoneId zone() {
    return stageSettings.zoneId();
  }

  public java.time.LocalDate today() {
    return stageSettings.today(clock);
  }

  // one statement: on a connection, with no transaction to begin and commit around it
  @io.micronaut.data.connection.annotation.Connectable
  public CaseFile get(CaseId id, Actor actor) {
    return viewingCases.get(id, actor);
  }

  /** Staff only: the client never sees the audit trail, nor any other internals. */
  @io.micronaut.data.connection.annotation.Connectable
  public List<AuditEntry> auditTrail(CaseId id, Actor actor) {
    var caseFile = viewingCases.get(id, actor);
    if (!policy.seesInternals(actor, caseFile)) {
      throw new NotPermitted("the audit trail is for counselors and supervisors");
    }
    return auditTrail.ofCase(id);
  }

  /** Opening a case with a new portal login for the client: the login first, undone on failure. */
  @Singleton
  public static class WithPortalLogin {
    private final CaseFileService service;
    private final ClientPortalAccounts accounts;
    private final CaseAccessPolicy policy;

    WithPortalLogin(
        CaseFileService service, ClientPortalAccounts accounts, CaseAccessPolicy policy) {
      this.service = service;
      this.accounts = accounts;
      this.policy = policy;
    }

    public record Opened(CaseFile caseFile, Optional<ClientPortalAccounts.NewAccount> account) {}

    public Opened open(ClientName name, Optional<PortalLogin> login, Actor counselor) {
      if (!policy.toOpenCase(counselor).granted()) {
        throw new NotPermitted("only counselors open cases");
      }
      if (login.isEmpty()) {
        return new Opened(
            service.open(new OpenCase(name, Optional.empty()), counselor), Optional.empty());
      }
      var account = accounts.create(login.get(), name);
      try {
        var caseFile = service.open(new OpenCase(name, Optional.of(account.id())), counselor);
        return new Opened(caseFile, Optional.of(account));
      } catch (RuntimeException e) {
        accounts.remove(account.id());
        throw e;
      }
    }
  }
}
