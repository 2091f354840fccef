package io.rapport.profile;

import java.time.Instant;

/**
 * One stored value of one attribute for one user, from one source. Observations are only ever
 * added, so a profile's history stays complete.
 *
 * @param id the database id; higher ids were recorded later
 * @param userId the user the value is about
 * @param attributeKey the attribute the value belongs to
 * @param value the normalised value, as text
 * @param source where the value came from
 * @param confidence how sure the source is, from 0 to 1; always 1 for declared values
 * @param observedAt when Rapport recorded the value
 */
public record Observation(
    long id,
    String userId,
    String attributeKey,
    String value,
    Source source,
    double confidence,
    Instant observedAt) {}
