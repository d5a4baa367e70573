/** The audit trail: who changed which case data, when and how. Written in the same transaction. */
package org.clearpath.domain.audit;
