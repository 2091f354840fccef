package io.rapport.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.CorsUtils;

/**
 * Lets the pages of registered applications call Rapport from the browser: a single-page
 * application exchanging its code at the token endpoint, or the embedded prompt calling the API of
 * the signed-in user. An origin is allowed when one of the applications has a redirect URI there.
 *
 * <p>The origins are read from the database at each cross-origin request, so an application
 * registered on one node is allowed by all at once. No cookies cross: bearer tokens only.
 */
@Component
public final class ApplicationOrigins implements CorsConfigurationSource {

  private static final Duration PREFLIGHT_CACHE = Duration.ofMinutes(10);

  private final JdbcClient jdbc;

  ApplicationOrigins(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public CorsConfiguration getCorsConfiguration(HttpServletRequest request) {
    if (!CorsUtils.isCorsRequest(request)) {
      return null;
    }
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    if (!isRegistered(origin)) {
      return null;
    }
    CorsConfiguration configuration = new CorsConfiguration();
    configuration.addAllowedOrigin(origin);
    configuration.setAllowedMethods(List.of("GET", "POST"));
    configuration.setAllowedHeaders(
        List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT_LANGUAGE));
    configuration.setAllowCredentials(false);
    configuration.setMaxAge(PREFLIGHT_CACHE);
    return configuration;
  }

  /** Whether an application has a redirect URI at this origin (scheme, host and port). */
  boolean isRegistered(String origin) {
    if (origin == null) {
      return false;
    }
    String wanted = origin.toLowerCase(Locale.ROOT);
    return jdbc
        .sql("SELECT redirect_uris FROM oauth2_registered_client WHERE redirect_uris IS NOT NULL")
        .query(String.class)
        .list()
        .stream()
        .flatMap(uris -> StringUtils.commaDelimitedListToSet(uris).stream())
        .map(ApplicationOrigins::originOf)
        .flatMap(Optional::stream)
        .anyMatch(wanted::equals);
  }

  /** RFC 6454, section 6.1: scheme, host and the port unless it is the scheme's default. */
  static Optional<String> originOf(String uri) {
    try {
      URI parsed = URI.create(uri.trim());
      if (parsed.getScheme() == null || parsed.getHost() == null) {
        return Optional.empty();
      }
      String scheme = parsed.getScheme().toLowerCase(Locale.ROOT);
      String port = parsed.getPort() == -1 ? "" : ":" + parsed.getPort();
      return Optional.of(scheme + "://" + parsed.getHost().toLowerCase(Locale.ROOT) + port);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
