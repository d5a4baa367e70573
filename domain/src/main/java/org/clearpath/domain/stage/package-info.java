/** The overdue stage of a case: thresholds, legal milestones and the stage policy. */
package org.clearpath.domain.stage;
