package org.clearpath.domain.casefile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.clearpath.domain.audit.AuditEntry;
import org.clearpath.domain.audit.AuditTrail;
import org.clearpath.domain.shared.Actor;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.Role;
import org.clearpath.domain.shared.UserId;

public final class CaseFixture {
  private CaseFixture() {}

  public static Actor anyCounselor() {
    return actor(Role.COUNSELOR);
  }

  public static Actor anySupervisor() {
    return actor(Role.SUPERVISOR);
  }

  public static Actor anyClient() {
    return actor(Role.CLIENT);
  }

  public static Actor actor(Role... roles) {
    var id = UUID.randomUUID().toString();
    return new Actor(new UserId(id), "user-" + id.substring(0, 8), Set.of(roles));
  }

  public static CaseFile anyCaseOf(Actor counselor, Actor client) {
    return new CaseFile(
        CaseId.random(),
        new ClientName("陈小明"),
        counselor.id(),
        counselor.username(),
        client == null ? null : client.id(),
        ClientRecord.EMPTY,
        CaseStatus.OPEN,
        null,
        org.clearpath.domain.shared.Stage.CURRENT,
        Instant.parse("2026-11-01T08:00:00Z"),
        0);
  }

  /** An in-memory port for domain tests; persistence tests use the real database. */
  public static final class InMemoryCaseFiles implements CaseFiles {
    final List<CaseFile> stored = new ArrayList<>();

    @Override
    public void add(CaseFile caseFile) {
      stored.add(caseFile);
    }

    @Override
    public Optional<CaseFile> find(CaseId id) {
      return stored.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    @Override
    public List<CaseFile> findAll(java.util.Collection<CaseId> ids) {
      return stored.stream().filter(c -> ids.contains(c.id())).toList();
    }

    @Override
    public List<CaseFile> assignedTo(UserId counselor) {
      return stored.stream().filter(c -> c.isAssignedTo(counselor)).sorted(newestFirst()).toList();
    }

    @Override
    public List<CaseFile> ofClient(UserId client) {
      return stored.stream().filter(c -> c.belongsToClient(client)).sorted(newestFirst()).toList();
    }

    @Override
    public List<CaseFile> all() {
      return stored.stream().sorted(newestFirst()).toList();
    }

    /** Filters by counselor, stage and status only: enough for the domain's access rules. */
    @Override
    public CasePage page(CaseQuery query) {
      var matching =
          stored.stream()
              .filter(c -> query.counselor().map(c::isAssignedTo).orElse(true))
              .filter(c -> query.stage().map(s -> s == c.stage()).orElse(true))
              .filter(c -> query.status().map(s -> s == c.status()).orElse(true))
              .sorted(newestFirst())
              .toList();
      return new CasePage(
          matching.stream().skip(query.offset()).limit(query.size()).map(CaseSummary::of).toList(),
          matching.size());
    }

    @Override
    public List<StageCount> countsByCounselorAndStage() {
      return List.of();
    }

    @Override
    public java.util.Map<UserId, Long> openCasesByCounselor() {
      return stored.stream()
          .filter(c -> c.status() != CaseStatus.CLOSED && c.status() != CaseStatus.RESOLVED)
          .collect(
              java.util.stream.Collectors.groupingBy(
                  CaseFile::counselor, java.util.stream.Collectors.counting()));
    }

    @Override
    public CaseFile update(CaseFile changed) {
      var current = find(changed.id()).orElseThrow();
      if (current.version() != changed.version()) {
        throw new org.clearpath.domain.shared.StaleVersion("case " + changed.id());
      }
      var stored2 = changed.atVersion(changed.version() + 1);
      stored.replaceAll(c -> c.id().equals(changed.id()) ? stored2 : c);
      return stored2;
    }

    private static Comparator<CaseFile> newestFirst() {
      return Comparator.comparing(CaseFile::openedAt).reversed();
    }
  }

  /**
   * Units of work as the use cases open them: the work runs at once; counted, with the audit
   * entries that were recorded while a unit was open.
   */
  public static final class CountedUnits implements org.clearpath.domain.shared.Transactions {
    private final InMemoryAuditTrail audit;
    int written;
    int read;
    int auditedWithin;
    private int open;

    public CountedUnits(InMemoryAuditTrail audit) {
      this.audit = audit;
    }

    @Override
    public <T> T inOne(java.util.function.Supplier<T> work) {
      if (open == 0) {
        written++;
      }
      return run(work);
    }

    @Override
    public <T> T readOnly(java.util.function.Supplier<T> work) {
      if (open == 0) {
        read++;
      }
      return run(work);
    }

    private <T> T run(java.util.function.Supplier<T> work) {
      var before = audit.entries.size();
      open++;
      try {
        return work.get();
      } finally {
        open--;
        if (open == 0) {
          auditedWithin += audit.entries.size() - before;
        }
      }
    }
  }

  public static final class InMemoryAuditTrail implements AuditTrail {
    public final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public void record(AuditEntry entry) {
      entries.add(entry);
    }

    @Override
    public List<AuditEntry> ofCase(CaseId caseId) {
      return entries.stream().filter(e -> e.caseId().equals(caseId)).toList();
    }
  }
}
