/**
 * Evidence files (recordings, screenshots, letters, PDFs): accepted by what their content is, not
 * by their name, hashed with SHA-256 on arrival and checked against that hash whenever they leave.
 */
package org.clearpath.domain.evidence;
