package io.rapport.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The management API's chain: stateless, bearer tokens from the client-credentials grant, one scope
 * per area and access. Failures are answered as RFC 9457 problem details.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

  static final String USERS_READ = "users:read";
  static final String PROFILES_READ = "profiles:read";

  @Bean
  @Order(2)
  SecurityFilterChain apiChain(HttpSecurity http, ProblemResponses problems) throws Exception {
    http.securityMatcher("/api/**");
    http.authorizeHttpRequests(
        requests ->
            requests
                .requestMatchers(HttpMethod.GET, "/api/v1/users/*/profile")
                .hasAuthority("SCOPE_" + PROFILES_READ)
                .requestMatchers(HttpMethod.GET, "/api/v1/users", "/api/v1/users/*")
                .hasAuthority("SCOPE_" + USERS_READ)
                .anyRequest()
                .denyAll());
    http.sessionManagement(
        sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    http.csrf(csrf -> csrf.disable());
    http.oauth2ResourceServer(
        resourceServer ->
            resourceServer
                .jwt(jwt -> {})
                .authenticationEntryPoint(problems::unauthorized)
                .accessDeniedHandler(problems::forbidden));
    http.exceptionHandling(
        exceptions ->
            exceptions
                .authenticationEntryPoint(problems::unauthorized)
                .accessDeniedHandler(problems::forbidden));
    return http.build();
  }
}
