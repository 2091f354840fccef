package io.rapport.identity;

import java.util.Map;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Signs every token with the active key, and puts the user's claims into ID tokens.
 *
 * <p>The key id is set explicitly because the JWKS also publishes retired keys, and the encoder
 * must not pick one of those.
 */
final class TokenCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

  private final SigningKeys keys;
  private final ClaimsAssembler claims;

  TokenCustomizer(SigningKeys keys, ClaimsAssembler claims) {
    this.keys = keys;
    this.claims = claims;
  }

  @Override
  public void customize(JwtEncodingContext context) {
    context.getJwsHeader().keyId(keys.activeKeyId());
    if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
      return;
    }
    Map<String, Object> userClaims =
        claims.claimsFor(
            context.getPrincipal().getName(),
            context.getRegisteredClient().getClientId(),
            context.getAuthorizedScopes());
    context.getClaims().claims(existing -> existing.putAll(userClaims));
  }
}
