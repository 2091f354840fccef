package io.rapport.identity;

import java.time.Instant;

/**
 * A person who signs in through Rapport. The profile lives apart, in the profile store.
 *
 * @param id stable identifier, also the {@code sub} claim of tokens
 * @param email normalised (trimmed, lower-case) address, unique
 */
public record UserAccount(
    String id,
    String email,
    boolean emailVerified,
    boolean administrator,
    Instant createdAt,
    Instant lastLoginAt,
    int loginsCount) {}
