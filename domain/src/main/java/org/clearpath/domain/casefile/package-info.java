/**
 * Case files: a client's case in a counselor's caseload, who may see it, and opening one. (The
 * package is not called {@code case}: that is a Java keyword.)
 */
package org.clearpath.domain.casefile;
