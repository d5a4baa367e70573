/** Identity, roles and the errors every feature shares. */
package org.clearpath.domain.shared;
