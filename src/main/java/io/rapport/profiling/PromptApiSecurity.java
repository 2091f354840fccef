package io.rapport.profiling;

import io.rapport.identity.ApplicationOrigins;
import io.rapport.identity.SigningKeys;
import io.rapport.platform.BearerTokenChains;
import io.rapport.platform.ProblemResponses;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The chain of the signed-in user's API ({@value #PATHS}): stateless, bearer access tokens that an
 * application got for its user with the authorization-code grant and the {@value #SCOPE} scope,
 * callable from the application's pages in the browser (CORS for registered origins). It comes
 * before the management API's chain, which would refuse a user's token.
 */
@Configuration(proxyBeanMethods = false)
class PromptApiSecurity {

  /** The scope an application asks for, beside {@code openid}, to use this API for its user. */
  static final String SCOPE = "questions";

  static final String PATHS = "/api/v1/me/**";

  private static final String NO_TOKEN =
      "A valid bearer token of a signed-in user is required: the application gets one with the"
          + " authorization-code grant and the scope '"
          + SCOPE
          + "'";
  private static final String NO_SCOPE =
      "The token lacks the scope '"
          + SCOPE
          + "': the application must ask for it when it signs"
          + " the user in, and be allowed it";

  @Bean
  @Order(2)
  SecurityFilterChain promptApiChain(
      HttpSecurity http, ProblemResponses problems, SigningKeys keys, ApplicationOrigins origins)
      throws Exception {
    http.securityMatcher(PATHS);
    http.authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority("SCOPE_" + SCOPE));
    http.cors(cors -> cors.configurationSource(origins));
    BearerTokenChains.statelessBearer(http, userTokenDecoder(keys), problems, NO_TOKEN, NO_SCOPE);
    return http.build();
  }

  /**
   * Accepts Rapport's tokens issued for a user, and no other. The authorization server makes the
   * client both the subject and the only audience of a client-credentials token; a user's token
   * names the user as subject and the application as audience.
   */
  static JwtDecoder userTokenDecoder(SigningKeys keys) {
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).build();
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            JwtValidators.createDefault(), PromptApiSecurity::issuedForAUser));
    return decoder;
  }

  private static OAuth2TokenValidatorResult issuedForAUser(Jwt token) {
    String subject = token.getSubject();
    List<String> audience = token.getAudience();
    if (subject != null
        && audience != null
        && audience.size() == 1
        && !audience.contains(subject)) {
      return OAuth2TokenValidatorResult.success();
    }
    return OAuth2TokenValidatorResult.failure(
        new OAuth2Error(
            OAuth2ErrorCodes.INVALID_TOKEN, "This API takes tokens of signed-in users only", null));
  }
}
