package io.rapport.identity;

import java.util.function.Function;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.stereotype.Component;

/**
 * Answers the userinfo endpoint from the current profile, with the same claims an ID token issued
 * now would carry (Spring's default copies the ID token, which can be stale).
 */
@Component
final class UserInfoMapper implements Function<OidcUserInfoAuthenticationContext, OidcUserInfo> {

  private final ClaimsAssembler claims;
  private final RegisteredClientRepository clients;

  UserInfoMapper(ClaimsAssembler claims, RegisteredClientRepository clients) {
    this.claims = claims;
    this.clients = clients;
  }

  @Override
  public OidcUserInfo apply(OidcUserInfoAuthenticationContext context) {
    OAuth2Authorization authorization = context.getAuthorization();
    RegisteredClient client = clients.findById(authorization.getRegisteredClientId());
    String clientId = client == null ? "" : client.getClientId();
    return new OidcUserInfo(
        claims.claimsFor(
            authorization.getPrincipalName(), clientId, context.getAccessToken().getScopes()));
  }
}
