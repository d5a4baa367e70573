package org.clearpath.domain.casefile;

import java.util.List;

/** One page of cases and how many match in all. */
public record CasePage(List<CaseSummary> cases, long total) {
  public CasePage {
    cases = List.copyOf(cases);
  }
}
