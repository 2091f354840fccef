package io.rapport.identity;

import io.rapport.platform.AuditLog;
import io.rapport.platform.RapportProperties;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.jackson.SecurityJacksonModules;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * The two security filter chains of the pages and the protocol, and the beans Spring's
 * authorization server keeps in the database. The management API has its own chain in the {@code
 * api} feature.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  static final String LOGIN_PAGE = "/login";

  /**
   * Pages are served from Rapport only. No {@code form-action}: Chromium applies it to the
   * redirects that follow a form post too, and sign-in ends with a redirect to the application.
   */
  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self';"
          + " frame-ancestors 'none'";

  @Bean
  @Order(1)
  SecurityFilterChain authorizationServerChain(
      HttpSecurity http,
      LoginPipeline pipeline,
      RegisteredClientRepository clients,
      UserInfoMapper userInfo,
      ApplicationOrigins origins)
      throws Exception {
    http.oauth2AuthorizationServer(
        server -> {
          http.securityMatcher(server.getEndpointsMatcher());
          server.oidc(oidc -> oidc.userInfoEndpoint(endpoint -> endpoint.userInfoMapper(userInfo)));
          server.authorizationEndpoint(
              endpoint ->
                  endpoint.authenticationProviders(SecurityConfiguration::applyPipelineDenials));
        });
    http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
    http.cors(cors -> cors.configurationSource(origins));
    http.addFilterBefore(
        new LoginPipelineFilter(pipeline, clients), AbstractPreAuthenticatedProcessingFilter.class);
    http.exceptionHandling(
        exceptions ->
            exceptions.defaultAuthenticationEntryPointFor(
                new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE),
                new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
    http.oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()));
    securityHeaders(http);
    return http.build();
  }

  @Bean
  @Order(4)
  SecurityFilterChain pagesChain(HttpSecurity http, AuthenticationManager authenticationManager)
      throws Exception {
    http.authorizeHttpRequests(
        requests ->
            requests
                .requestMatchers(
                    "/",
                    LOGIN_PAGE,
                    "/signup",
                    "/forgot-password",
                    "/reset-password",
                    "/verify-email",
                    "/css/**",
                    "/embed/**",
                    "/favicon.ico",
                    "/error")
                .permitAll()
                .requestMatchers("/admin/**")
                .hasRole("ADMIN")
                .anyRequest()
                .authenticated());
    http.authenticationManager(authenticationManager);
    http.formLogin(
        form ->
            form.loginPage(LOGIN_PAGE)
                .usernameParameter("email")
                .failureHandler(loginFailureHandler()));
    http.logout(logout -> logout.logoutSuccessUrl(LOGIN_PAGE + "?signedOut"));
    securityHeaders(http);
    return http.build();
  }

  @Bean
  AuthenticationManager authenticationManager(
      AccountUserDetailsService users,
      PasswordEncoder encoder,
      LoginThrottle throttle,
      UserAccounts accounts,
      AuditLog audit,
      ApplicationEventPublisher events) {
    DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
    passwords.setPasswordEncoder(encoder);
    passwords.setUserDetailsPasswordService(users);
    return new ProviderManager(
        new ThrottledAuthenticationProvider(passwords, throttle, accounts, audit, events));
  }

  @Bean
  RegisteredClientRepository registeredClientRepository(JdbcTemplate jdbcTemplate) {
    return new JdbcRegisteredClientRepository(jdbcTemplate);
  }

  /**
   * Authorizations in the database, stored as JSON with type information. Profile claims of type
   * number are {@code Long} or {@code BigDecimal} values in the stored ID token; Spring Security's
   * allow-list of types does not name them, and an authorization holding one could not be read back
   * (userinfo and refresh would fail), so they are allowed here.
   */
  @Bean
  OAuth2AuthorizationService authorizationService(
      JdbcTemplate jdbcTemplate, RegisteredClientRepository clients) {
    JsonMapper json =
        JsonMapper.builder()
            .addModules(
                SecurityJacksonModules.getModules(
                    SecurityConfiguration.class.getClassLoader(),
                    BasicPolymorphicTypeValidator.builder()
                        .allowIfSubType(Long.class)
                        .allowIfSubType(BigDecimal.class)))
            .build();
    JdbcOAuth2AuthorizationService authorizations =
        new JdbcOAuth2AuthorizationService(jdbcTemplate, clients);
    authorizations.setAuthorizationRowMapper(
        new JdbcOAuth2AuthorizationService.JsonMapperOAuth2AuthorizationRowMapper(clients, json));
    authorizations.setAuthorizationParametersMapper(
        new JdbcOAuth2AuthorizationService.JsonMapperOAuth2AuthorizationParametersMapper(json));
    return authorizations;
  }

  @Bean
  OAuth2AuthorizationConsentService authorizationConsentService(
      JdbcTemplate jdbcTemplate, RegisteredClientRepository clients) {
    return new JdbcOAuth2AuthorizationConsentService(jdbcTemplate, clients);
  }

  @Bean
  AuthorizationServerSettings authorizationServerSettings(RapportProperties properties) {
    AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
    if (properties.issuer() != null) {
      settings.issuer(properties.issuer());
    }
    return settings.build();
  }

  @Bean
  JwtDecoder jwtDecoder(SigningKeys keys) {
    return NimbusJwtDecoder.withJwkSource(keys).build();
  }

  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> tokenCustomizer(
      SigningKeys keys, ClaimsAssembler claims) {
    return new TokenCustomizer(keys, claims);
  }

  /** Lets the authorization server answer a login step's denial (see LoginPipelineDenials). */
  private static void applyPipelineDenials(List<AuthenticationProvider> providers) {
    for (AuthenticationProvider provider : providers) {
      if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider codeRequests) {
        codeRequests.setAuthenticationValidator(new LoginPipelineDenials());
      }
    }
  }

  static void securityHeaders(HttpSecurity http) throws Exception {
    http.headers(
        headers ->
            headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(
                    referrer ->
                        referrer.policy(
                            ReferrerPolicyHeaderWriter.ReferrerPolicy
                                .STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
  }

  private static AuthenticationFailureHandler loginFailureHandler() {
    return (request, response, exception) -> {
      String target = LOGIN_PAGE + "?error";
      if (exception instanceof LockedOutException locked) {
        target = LOGIN_PAGE + "?locked=" + locked.retryAt().getEpochSecond();
      }
      response.sendRedirect(request.getContextPath() + target);
    };
  }
}
