/** Debts on a case: lenders, amounts, dues, repayments and days past due. */
package org.clearpath.domain.debt;
