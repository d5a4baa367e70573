package org.clearpath.domain.task;

/** A task with the case it is on, for lists. */
public record TaskLine(Task task, String clientName, String counselorName) {}
