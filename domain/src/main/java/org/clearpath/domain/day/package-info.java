/** A counselor's or supervisor's day: what is due, new or quiet across the cases they hold. */
package org.clearpath.domain.day;
