package org.clearpath.domain.casefile;

import org.clearpath.domain.shared.Stage;

/** How many cases one counselor has in one stage (supervisors' overview). */
public record StageCount(String counselorName, Stage stage, long cases) {}
