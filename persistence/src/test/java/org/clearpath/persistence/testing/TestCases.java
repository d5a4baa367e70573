package org.clearpath.persistence.testing;

import java.time.Instant;
import org.clearpath.domain.casefile.CaseFile;
import org.clearpath.domain.casefile.CaseFiles;
import org.clearpath.domain.casefile.CaseStatus;
import org.clearpath.domain.casefile.ClientName;
import org.clearpath.domain.shared.CaseId;
import org.clearpath.domain.shared.Stage;
import org.clearpath.domain.shared.UserId;

/** Cases for adapter tests: 陈小明's, held by {@code counselor}, opened at {@code at}. */
public final class TestCases {
  private TestCases() {}

  public static CaseId open(CaseFiles caseFiles, String counselor, Instant at) {
    var id = CaseId.random();
    caseFiles.add(
        new CaseFile(
            id,
            new ClientName("陈小明"),
            new UserId(counselor),
            counselor,
            null,
            org.clearpath.domain.casefile.ClientRecord.EMPTY,
            CaseStatus.OPEN,
            null,
            Stage.CURRENT,
            at,
            0));
    return id;
  }
}
