package org.clearpath.domain.day;

import java.time.LocalDate;
import java.util.List;

/** The day's work of one person, section by section, as of their office's day. */
public record MyDay(LocalDate today, int quietDays, List<DaySection> sections) {
  public MyDay {
    sections = List.copyOf(sections);
  }
}
