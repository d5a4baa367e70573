/**
 * Supervision: a supervisor's review of a case (what was checked, a note, actions for the counselor
 * with due dates, which become the counselor's tasks) and when each case is due for its next one
 * (an interval per stage after the last review, or after the case was opened).
 */
package org.clearpath.domain.supervision;
