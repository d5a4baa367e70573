/**
 * A client's monthly budget: income, essential and other expenses, assets; what is left for debts
 * (disposable income), the emergency-fund target, and whether plans are affordable.
 */
package org.clearpath.domain.budget;
