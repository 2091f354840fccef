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
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Puts the login pipeline in front of the authorization endpoint: once the user is authenticated,
 * and before the authorization server issues a code, every step runs.
 *
 * <p>The pipeline runs only for a request that names a registered client and a redirect URI the
 * authorization server accepts for it (one of its redirect URIs exactly, or a loopback one on
 * another port); anything else goes straight to the authorization server, which answers with the
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
    return redirectMatches(
        request.getParameter(OAuth2ParameterNames.REDIRECT_URI), client.getRedirectUris());
  }

  /**
   * Whether the authorization server will send the code to this redirect URI, by its own rule, so
   * that no request it accepts passes by the pipeline: the exact URI registered, or, for a loopback
   * IP literal (127.0.0.0/8, {@code [::1]}), the registered URI with any port (RFC 8252, section
   * 7.3, as Spring Authorization Server's {@code
   * OAuth2AuthorizationCodeRequestAuthenticationValidator} allows). {@code localhost} is matched
   * exactly, as the authorization server does.
   */
  static boolean redirectMatches(String requested, Set<String> registered) {
    if (requested == null) {
      return false;
    }
    if (registered.contains(requested)) {
      return true;
    }
    UriComponents asked;
    try {
      asked = UriComponentsBuilder.fromUriString(requested).build();
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (!isLoopbackAddress(asked.getHost())) {
      return false;
    }
    for (String uri : registered) {
      try {
        String samePort =
            UriComponentsBuilder.fromUriString(uri).port(asked.getPort()).build().toString();
        if (samePort.equals(asked.toString())) {
          return true;
        }
      } catch (IllegalArgumentException e) {
        // A registered URI that cannot be parsed matches nothing but itself, checked above.
      }
    }
    return false;
  }

  /**
   * The authorization server's test, at least as wide: it parses the octets with {@link
   * Integer#parseInt}, so must this; a host it would not call loopback costs only a pipeline run
   * for a request it then refuses.
   */
  private static boolean isLoopbackAddress(String host) {
    if (host == null) {
      return false;
    }
    if ("[::1]".equals(host) || "[0:0:0:0:0:0:0:1]".equals(host)) {
      return true;
    }
    String[] octets = host.split("\\.");
    if (octets.length != 4) {
      return false;
    }
    try {
      if (Integer.parseInt(octets[0]) != 127) {
        return false;
      }
      for (String octet : octets) {
        int value = Integer.parseInt(octet);
        if (value < 0 || value > 255) {
          return false;
        }
      }
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
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
