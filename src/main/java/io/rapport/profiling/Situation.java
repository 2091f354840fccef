package io.rapport.profiling;

import io.rapport.profile.Profile;
import java.time.Instant;

/**
 * What the choice of questions looks at, besides the plan and the time.
 *
 * @param profile what is known of the user, with provenance
 * @param logins the user's password sign-ins so far: 0 during sign-up, 1 at the first login
 * @param signedUpAt when the account was created
 * @param moment {@code signup}, {@code login} or a named moment such as {@code purchase}
 * @param clientId the application asking; null when none is known
 * @param history what the user was asked before
 */
public record Situation(
    Profile profile,
    int logins,
    Instant signedUpAt,
    String moment,
    String clientId,
    PromptHistory history) {}
