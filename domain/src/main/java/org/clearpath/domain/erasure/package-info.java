/**
 * Erasing a case's personal data: on a supervisor's approval of a request by the client or the
 * counselor, or at the end of its retention period.
 */
package org.clearpath.domain.erasure;
