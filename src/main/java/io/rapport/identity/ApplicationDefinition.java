package io.rapport.identity;

import java.util.List;

/**
 * What a company declares about an application, in the console or the YAML import file. Names
 * follow the import file's keys.
 *
 * @param clientId {@code client-id}: the OAuth client id
 * @param name {@code name}: shown to users and in the console; defaults to the client id
 * @param redirectUris {@code redirect-uris}: matched exactly
 * @param postLogoutRedirectUris {@code post-logout-redirect-uris}: for RP-initiated logout
 * @param clientSecret {@code client-secret}: absent for a public client, which must use PKCE
 * @param grantTypes {@code grant-types}: default authorization_code and refresh_token
 * @param scopes {@code scopes}: default openid, profile and email
 * @param claims {@code claims}: profile attributes put into ID tokens and userinfo
 */
public record ApplicationDefinition(
    String clientId,
    String name,
    List<String> redirectUris,
    List<String> postLogoutRedirectUris,
    String clientSecret,
    List<String> grantTypes,
    List<String> scopes,
    List<String> claims) {

  public ApplicationDefinition {
    redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
    postLogoutRedirectUris =
        postLogoutRedirectUris == null ? List.of() : List.copyOf(postLogoutRedirectUris);
    grantTypes = grantTypes == null ? List.of() : List.copyOf(grantTypes);
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
    claims = claims == null ? List.of() : List.copyOf(claims);
  }
}
