package org.clearpath.api.debt;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.clearpath.domain.debt.Debts;
import org.clearpath.domain.debt.Lenders;
import org.clearpath.domain.debt.RecordingDebts;

@Factory
class DebtConfiguration {

  @Singleton
  RecordingDebts recordingDebts(
      org.clearpath.domain.casefile.GuardedCases cases, Debts debts, Lenders lenders) {
    return new RecordingDebts(cases, debts, lenders);
  }
}
