/** The supervisor's view of the office over time: counted by the database, never row by row. */
package org.clearpath.domain.dashboard;
