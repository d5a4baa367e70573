package org.clearpath.api.harassment;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * One configured complaint body ({@code clearpath.complaints.bodies.<code>.*}). When none is
 * configured, the mainland-China defaults apply (12378, 12363, NIFA, police).
 */
@EachProperty("clearpath.complaints.bodies")
public record ComplaintBodySettings(
    @Parameter String code,
    String nameZh,
    String nameEn,
    @Nullable String contact,
    @Bindable(defaultValue = "15") int answerDays) {}
