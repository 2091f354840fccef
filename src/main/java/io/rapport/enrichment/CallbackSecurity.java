package io.rapport.enrichment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The security chain of the providers' callback endpoint ({@link CallbackController}): open to
 * anyone, since a provider has no account here, and so without sessions, CSRF tokens or a saved
 * request; the per-lookup secret in the URL is what is checked. Ordered before the pages' chain,
 * which would send a caller without a session to the login page.
 */
@Configuration(proxyBeanMethods = false)
final class CallbackSecurity {

  @Bean
  @Order(0)
  SecurityFilterChain enrichmentCallbackChain(HttpSecurity http) throws Exception {
    http.securityMatcher(CallbackRegistry.PATH + "**");
    http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
    http.sessionManagement(
        sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    http.csrf(csrf -> csrf.disable());
    http.requestCache(cache -> cache.disable());
    return http.build();
  }
}
