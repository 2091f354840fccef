package io.rapport.identity;

import java.util.Set;

/**
 * What a login step may know about the login it looks at.
 *
 * @param userId the authenticated user
 * @param clientId the application that asked for the login
 * @param scopes the scopes the application asked for
 * @param interactive false when the application asked for {@code prompt=none}
 */
public record LoginContext(
    String userId, String clientId, Set<String> scopes, boolean interactive) {}
