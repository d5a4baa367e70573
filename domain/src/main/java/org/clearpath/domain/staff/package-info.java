/**
 * The office's staff as Clearpath manages them in the identity provider: an admin invites
 * counselors and supervisors (with a one-time password), deactivates those who leave, resets
 * passwords, and a supervisor hands a leaving counselor's open cases to another. Every change is in
 * the office audit.
 */
package org.clearpath.domain.staff;
