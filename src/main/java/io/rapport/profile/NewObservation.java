package io.rapport.profile;

/**
 * A value to record; {@link ProfileService#observe(NewObservation)} checks and normalises it.
 *
 * @param userId the user the value is about
 * @param attributeKey the attribute the value belongs to
 * @param value the raw value, as entered or received
 * @param source where the value came from
 * @param confidence how sure the source is, from 0 to 1; ignored for declared sources
 */
public record NewObservation(
    String userId, String attributeKey, String value, Source source, double confidence) {}
