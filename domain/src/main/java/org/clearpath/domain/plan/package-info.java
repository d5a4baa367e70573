/**
 * Agreed repayment plans: terms, the instalment schedule, payments against it, missed instalments
 * and broken plans, and the pro-rata split of what a client can pay across creditors.
 */
package org.clearpath.domain.plan;
