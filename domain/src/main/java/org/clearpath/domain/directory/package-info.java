/**
 * The collector directory: the agencies and numbers that contact entries name, normalized (numbers
 * with libphonenumber, agency names case- and width-insensitive), with how many of the office's
 * clients each reached and the flags and complaints raised against it. Counselors see the counts
 * across the office and only their own cases behind them; supervisors merge entries that are one
 * collector.
 */
package org.clearpath.domain.directory;
