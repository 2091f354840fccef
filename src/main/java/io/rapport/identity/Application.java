package io.rapport.identity;

import java.time.Instant;
import java.util.List;

/**
 * A registered application as the console and the API show it; never carries its secret.
 *
 * @param confidential whether it authenticates with a secret
 * @param origin {@code import} when the YAML file declares it, {@code console} otherwise
 */
public record Application(
    String clientId,
    String name,
    boolean confidential,
    List<String> redirectUris,
    List<String> postLogoutRedirectUris,
    List<String> grantTypes,
    List<String> scopes,
    List<String> claims,
    String origin,
    Instant createdAt) {}
