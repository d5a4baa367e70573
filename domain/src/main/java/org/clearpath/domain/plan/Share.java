package org.clearpath.domain.plan;

import org.clearpath.domain.debt.DebtId;
import org.clearpath.domain.shared.Money;

/** One creditor's part of an amount split pro rata. */
public record Share(DebtId debt, String label, Money outstanding, Money share) {}
