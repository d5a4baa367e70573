/** Work the system raises for a counselor (a missed instalment, a broken plan). */
package org.clearpath.domain.task;
