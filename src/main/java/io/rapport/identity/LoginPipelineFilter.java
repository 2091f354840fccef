package io.rapport.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the login pipeline in front of the authorization endpoint: once the user is authenticated,
 * and before the authorization server issues a code, every step runs.
 *
 * <p>The pipeline runs only for a request that names a registered client and one of its redirect
 * URIs exactly; anything else goes straight to the authorization server, which answers with the
 * protocol's error. A denial is handed on as a request attribute and turned into the OAuth error
 * response by the authorization server itself ({@link LoginPipelineDenials}).
 */
final class LoginPipelineFilter extends OncePerRequestFilter {

  static final String AUTHORIZATION_ENDPOINT = "/oauth2/authorize";

  /** OIDC Core, section 3.1.2.1. */
  private static final String PROMPT = "prompt";

  private final LoginPipeline pipeline;
  private final RegisteredClientRepository clients;

  LoginPipelineFilter(LoginPipeline pipeline, RegisteredClientRepository clients) {
    this.pipeline = pipeline;
    this.clients = clients;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !AUTHORIZATION_ENDPOINT.equals(request.getServletPath());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    RegisteredClient client = clientOf(request);
    if (!isSignedIn(user) || client == null || !redirectMatches(request, client)) {
      chain.doFilter(request, response);
      return;
    }
    LoginContext context =
        new LoginContext(
            user.getName(), client.getClientId(), scopesOf(request), !isSilent(request));
    switch (pipeline.run(request, context)) {
      case LoginPipeline.Outcome.Proceed ignored -> chain.doFilter(request, response);
      case LoginPipeline.Outcome.Denied denied -> {
        request.setAttribute(LoginPipelineDenials.ATTRIBUTE, denied.denial());
        chain.doFilter(request, response);
      }
      case LoginPipeline.Outcome.Redirect redirect ->
          response.sendRedirect(request.getContextPath() + redirect.location());
    }
  }

  private RegisteredClient clientOf(HttpServletRequest request) {
    String clientId = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
    return clientId == null ? null : clients.findByClientId(clientId);
  }

  private static boolean redirectMatches(HttpServletRequest request, RegisteredClient client) {
    String redirectUri = request.getParameter(OAuth2ParameterNames.REDIRECT_URI);
    return redirectUri != null && client.getRedirectUris().contains(redirectUri);
  }

  private static boolean isSignedIn(Authentication user) {
    return user != null
        && user.isAuthenticated()
        && !(user instanceof AnonymousAuthenticationToken);
  }

  private static boolean isSilent(HttpServletRequest request) {
    String prompt = request.getParameter(PROMPT);
    return prompt != null && Arrays.asList(prompt.split(" ")).contains("none");
  }

  private static Set<String> scopesOf(HttpServletRequest request) {
    String scope = request.getParameter(OAuth2ParameterNames.SCOPE);
    return scope == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(scope.split(" ")));
  }
}
