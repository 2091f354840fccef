package io.rapport.platform;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * What every API chain of Rapport shares: stateless, no CSRF (no cookies are read, only bearer
 * tokens), JWT access tokens checked by the chain's own decoder, and failures answered as problem
 * details that say how to get a token that works.
 */
public final class BearerTokenChains {

  private BearerTokenChains() {}

  /**
   * @param noToken the 401 detail: how to get a token this API takes
   * @param noScope the 403 detail: which scope is missing and where to read about it
   */
  public static void statelessBearer(
      HttpSecurity http,
      JwtDecoder decoder,
      ProblemResponses problems,
      String noToken,
      String noScope)
      throws Exception {
    http.sessionManagement(
        sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    http.csrf(csrf -> csrf.disable());
    http.oauth2ResourceServer(
        resourceServer ->
            resourceServer
                .jwt(jwt -> jwt.decoder(decoder))
                .authenticationEntryPoint(
                    (request, response, e) -> problems.unauthorized(request, response, noToken))
                .accessDeniedHandler(
                    (request, response, e) -> problems.forbidden(request, response, noScope)));
    http.exceptionHandling(
        exceptions ->
            exceptions
                .authenticationEntryPoint(
                    (request, response, e) -> problems.unauthorized(request, response, noToken))
                .accessDeniedHandler(
                    (request, response, e) -> problems.forbidden(request, response, noScope)));
  }
}
