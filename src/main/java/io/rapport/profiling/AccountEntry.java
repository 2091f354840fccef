package io.rapport.profiling;

/**
 * One line of the account page: an attribute Rapport knows about the user. Public because the
 * page's expressions read it.
 *
 * @param value the effective value as the user should read it
 * @param source where it came from, in the user's words: "You said", "From Clearbit"
 * @param observedAt when Rapport recorded it, in UTC
 */
public record AccountEntry(
    String key, String label, String value, String source, String observedAt) {}
