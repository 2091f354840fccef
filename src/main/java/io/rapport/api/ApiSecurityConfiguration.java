package io.rapport.api;

import io.rapport.identity.SigningKeys;
import io.rapport.platform.BearerTokenChains;
import io.rapport.platform.ProblemResponses;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
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
 * The management API's chain: stateless, bearer tokens from the client-credentials grant, one scope
 * per area and access. Failures are answered as RFC 9457 problem details.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

  static final String USERS_READ = "users:read";
  static final String PROFILES_READ = "profiles:read";
  static final String ENRICHMENT_READ = "enrichment:read";
  static final String ENRICHMENT_WRITE = "enrichment:write";

  private static final String NO_TOKEN =
      "A valid bearer token is required: get one with the client-credentials grant at"
          + " /oauth2/token";
  private static final String NO_SCOPE =
      "The token lacks the scope this request needs; see docs/api.md for the scope of each"
          + " endpoint";

  @Bean
  @Order(3)
  SecurityFilterChain apiChain(HttpSecurity http, ProblemResponses problems, SigningKeys keys)
      throws Exception {
    http.securityMatcher("/api/**");
    http.authorizeHttpRequests(
        requests ->
            requests
                .requestMatchers(HttpMethod.GET, "/api/v1/users/*/profile")
                .hasAuthority("SCOPE_" + PROFILES_READ)
                .requestMatchers(HttpMethod.GET, "/api/v1/users/*/enrichment")
                .hasAuthority("SCOPE_" + ENRICHMENT_READ)
                .requestMatchers(HttpMethod.POST, "/api/v1/users/*/enrichment")
                .hasAuthority("SCOPE_" + ENRICHMENT_WRITE)
                .requestMatchers(HttpMethod.GET, "/api/v1/users", "/api/v1/users/*")
                .hasAuthority("SCOPE_" + USERS_READ)
                .anyRequest()
                .denyAll());
    BearerTokenChains.statelessBearer(http, clientTokenDecoder(keys), problems, NO_TOKEN, NO_SCOPE);
    return http.build();
  }

  /**
   * Accepts Rapport's tokens that an application got for itself with the client-credentials grant,
   * and no other: a token issued to a signed-in user must not open the management API, even when
   * its application was allowed an API scope.
   */
  static JwtDecoder clientTokenDecoder(SigningKeys keys) {
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).build();
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            JwtValidators.createDefault(), ApiSecurityConfiguration::issuedToTheClientItself));
    return decoder;
  }

  /**
   * The authorization server makes the client both the subject and the only audience of a
   * client-credentials token; a user's token names the user as subject.
   */
  private static OAuth2TokenValidatorResult issuedToTheClientItself(Jwt token) {
    String subject = token.getSubject();
    if (subject != null && List.of(subject).equals(token.getAudience())) {
      return OAuth2TokenValidatorResult.success();
    }
    return OAuth2TokenValidatorResult.failure(
        new OAuth2Error(
            OAuth2ErrorCodes.INVALID_TOKEN,
            "The management API takes client-credentials tokens only",
            null));
  }
}
