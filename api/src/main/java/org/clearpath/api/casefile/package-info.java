/** Case files over HTTP: the caseload, opening a case (with a client portal login), one case. */
package org.clearpath.api.casefile;
