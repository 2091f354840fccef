package io.rapport.identity;

import io.rapport.profile.AttributeCatalog;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks an application definition and fills in the defaults, or says what is wrong. */
final class ApplicationValidator {

  static final String AUTHORIZATION_CODE = "authorization_code";
  static final String REFRESH_TOKEN = "refresh_token";
  static final String CLIENT_CREDENTIALS = "client_credentials";
  private static final Set<String> GRANT_TYPES =
      Set.of(AUTHORIZATION_CODE, REFRESH_TOKEN, CLIENT_CREDENTIALS);
  private static final List<String> DEFAULT_GRANTS = List.of(AUTHORIZATION_CODE, REFRESH_TOKEN);
  private static final List<String> DEFAULT_SCOPES = List.of("openid", "profile", "email");

  private static final Pattern USER_ID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  /** RFC 6749, section 3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ). */
  private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,100}");

  private static final int MIN_SECRET_LENGTH = 16;

  private final AttributeCatalog catalog;

  ApplicationValidator(AttributeCatalog catalog) {
    this.catalog = catalog;
  }

  ApplicationDefinition validate(ApplicationDefinition definition) {
    String clientId = requireClientId(definition.clientId());
    String name = requireName(definition.name(), clientId);
    List<String> grants = grantTypes(definition.grantTypes());
    String secret = secret(definition.clientSecret(), grants);
    List<String> redirects = uris("redirect-uris", definition.redirectUris());
    if (grants.contains(AUTHORIZATION_CODE) && redirects.isEmpty()) {
      throw new InvalidApplicationException(
          "redirect-uris",
          -1,
          "an application that signs users in needs at least one redirect URI");
    }
    List<String> logoutRedirects =
        uris("post-logout-redirect-uris", definition.postLogoutRedirectUris());
    List<String> scopes = scopes(definition.scopes(), grants);
    List<String> claims = claims(definition.claims());
    return new ApplicationDefinition(
        clientId, name, redirects, logoutRedirects, secret, grants, scopes, claims);
  }

  private static String requireClientId(String clientId) {
    if (clientId != null && USER_ID.matcher(clientId).matches()) {
      // A client-credentials token's subject is its client id, and the API tells such tokens
      // from users' tokens by that subject: a client id may never look like a user id.
      throw new InvalidApplicationException(
          "client-id", -1, "must not have the form of a UUID, which Rapport uses for user ids");
    }
    if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
      throw new InvalidApplicationException(
          "client-id",
          -1,
          "must be 1 to 100 letters, digits, dots, dashes or underscores, starting with a letter"
              + " or digit");
    }
    return clientId;
  }

  private static String requireName(String name, String clientId) {
    if (name == null || name.isBlank()) {
      return clientId;
    }
    if (name.length() > 200) {
      throw new InvalidApplicationException("name", -1, "must be at most 200 characters");
    }
    return name.strip();
  }

  private static List<String> grantTypes(List<String> declared) {
    if (declared.isEmpty()) {
      return DEFAULT_GRANTS;
    }
    for (int i = 0; i < declared.size(); i++) {
      if (!GRANT_TYPES.contains(declared.get(i))) {
        throw new InvalidApplicationException(
            "grant-types",
            i,
            "unknown grant type '" + declared.get(i) + "'; known: " + GRANT_TYPES);
      }
    }
    if (declared.contains(REFRESH_TOKEN) && !declared.contains(AUTHORIZATION_CODE)) {
      throw new InvalidApplicationException(
          "grant-types", -1, "refresh_token needs authorization_code beside it");
    }
    return List.copyOf(new LinkedHashSet<>(declared));
  }

  private static String secret(String secret, List<String> grants) {
    if (secret == null || secret.isEmpty()) {
      if (grants.contains(CLIENT_CREDENTIALS)) {
        throw new InvalidApplicationException(
            "client-secret", -1, "client_credentials needs a client secret");
      }
      return null;
    }
    if (secret.length() < MIN_SECRET_LENGTH) {
      throw new InvalidApplicationException(
          "client-secret", -1, "must be at least " + MIN_SECRET_LENGTH + " characters");
    }
    return secret;
  }

  /** Redirect URIs are compared exactly (RFC 9700, section 4.1.3), so they must be exact. */
  private static List<String> uris(String field, List<String> declared) {
    List<String> uris = new ArrayList<>();
    for (int i = 0; i < declared.size(); i++) {
      String value = declared.get(i);
      URI uri = parse(field, i, value);
      if (!uri.isAbsolute()
          || uri.isOpaque()
          || uri.getFragment() != null
          || uri.getRawSchemeSpecificPart().isEmpty()) {
        throw new InvalidApplicationException(
            field,
            i,
            "'"
                + value
                + "' must be an absolute URI without a fragment, such as"
                + " https://app.example.com/callback");
      }
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() == null) {
        throw new InvalidApplicationException(field, i, "'" + value + "' has no host");
      }
      uris.add(value);
    }
    return List.copyOf(new LinkedHashSet<>(uris));
  }

  private static URI parse(String field, int index, String value) {
    try {
      return new URI(value == null ? "" : value);
    } catch (URISyntaxException e) {
      throw new InvalidApplicationException(
          field, index, "'" + value + "' is not a valid URI: " + e.getReason());
    }
  }

  private static List<String> scopes(List<String> declared, List<String> grants) {
    if (declared.isEmpty()) {
      return grants.contains(AUTHORIZATION_CODE) ? DEFAULT_SCOPES : List.of();
    }
    for (int i = 0; i < declared.size(); i++) {
      if (declared.get(i) == null || !SCOPE.matcher(declared.get(i)).matches()) {
        throw new InvalidApplicationException(
            "scopes", i, "'" + declared.get(i) + "' is not a valid scope (RFC 6749, section 3.3)");
      }
    }
    List<String> scopes = new ArrayList<>(declared);
    if (grants.contains(AUTHORIZATION_CODE) && !scopes.contains("openid")) {
      scopes.add(0, "openid");
    }
    return List.copyOf(new LinkedHashSet<>(scopes));
  }

  private List<String> claims(List<String> declared) {
    for (int i = 0; i < declared.size(); i++) {
      String key = declared.get(i);
      if (key == null || catalog.find(key).isEmpty()) {
        throw new InvalidApplicationException(
            "claims", i, "'" + key + "' is not an attribute of the catalog");
      }
    }
    return List.copyOf(new LinkedHashSet<>(declared));
  }
}
