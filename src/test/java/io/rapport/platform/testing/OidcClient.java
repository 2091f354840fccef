package io.rapport.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What an application does with Rapport over the protocol, written from the OAuth 2.1 and OIDC
 * specifications rather than from Rapport's code: builds authorization requests with PKCE (RFC
 * 7636, S256), state and nonce; redeems codes, refreshes and asks for client credentials at the
 * token endpoint; calls userinfo; and checks ID tokens as OIDC Core section 3.1.3.7 says (signature
 * against the published JWKS, issuer, audience, expiry, nonce).
 *
 * <p>A public client sends its {@code client_id} in the body; a confidential one authenticates with
 * HTTP Basic ({@code client_secret_basic}).
 */
public final class OidcClient {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final String issuer;
  private final String clientId;
  private final String clientSecret;
  private final String redirectUri;
  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(TIMEOUT)
          .build();

  private OidcClient(String issuer, String clientId, String clientSecret, String redirectUri) {
    this.issuer = issuer.replaceAll("/+$", "");
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.redirectUri = redirectUri;
  }

  /** A client without a secret, such as a single-page or mobile application. */
  public static OidcClient publicClient(String issuer, String clientId, String redirectUri) {
    return new OidcClient(issuer, clientId, null, redirectUri);
  }

  /** A client that keeps a secret on its server. */
  public static OidcClient confidentialClient(
      String issuer, String clientId, String clientSecret, String redirectUri) {
    return new OidcClient(issuer, clientId, clientSecret, redirectUri);
  }

  public String issuer() {
    return issuer;
  }

  public String clientId() {
    return clientId;
  }

  /**
   * A new authorization request for the scopes, with a fresh state, nonce and PKCE verifier. Change
   * it with {@link AuthorizationRequest#with} and {@link AuthorizationRequest#without}.
   */
  public AuthorizationRequest authorizationRequest(String scope) {
    String verifier = random(32);
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("response_type", "code");
    parameters.put("client_id", clientId);
    parameters.put("redirect_uri", redirectUri);
    parameters.put("scope", scope);
    parameters.put("state", random(16));
    parameters.put("nonce", random(16));
    parameters.put("code_challenge", s256(verifier));
    parameters.put("code_challenge_method", "S256");
    return new AuthorizationRequest(issuer + "/oauth2/authorize", parameters, verifier);
  }

  /** Redeems a code (RFC 6749 section 4.1.3, with the PKCE verifier of RFC 7636 section 4.5). */
  public TokenResponse exchange(String code, String codeVerifier) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", redirectUri);
    if (codeVerifier != null) {
      form.put("code_verifier", codeVerifier);
    }
    return token(form);
  }

  /** RFC 6749 section 6. */
  public TokenResponse refresh(String refreshToken) {
    return token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
  }

  /** RFC 6749 section 4.4. */
  public TokenResponse clientCredentials(String scope) {
    return token(Map.of("grant_type", "client_credentials", "scope", scope));
  }

  /** The userinfo endpoint's answer (OIDC Core section 5.3); fails unless it answers 200. */
  public Map<String, Object> userInfo(String accessToken) {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(issuer + "/userinfo"))
                .header("Authorization", "Bearer " + accessToken)
                .GET());
    assertThat(response.statusCode()).as("userinfo status: %s", response.body()).isEqualTo(200);
    return json(response.body());
  }

  /**
   * Checks an ID token as a client must before trusting it, and returns its claims: signed by a key
   * of the issuer's JWKS, issued by the issuer, for this client, not expired, with the nonce of the
   * request.
   */
  public JWTClaimsSet verifyIdToken(String idToken, String expectedNonce) {
    JWTClaimsSet claims = verifySignature(idToken);
    assertThat(claims.getAudience()).as("aud").contains(clientId);
    assertThat(claims.getClaim("nonce")).as("nonce").isEqualTo(expectedNonce);
    return claims;
  }

  /**
   * Checks an ID token from a refresh like {@link #verifyIdToken(String, String)}, except for the
   * nonce, which belongs to the original authentication only (OIDC Core section 12.2).
   */
  public JWTClaimsSet verifyRefreshedIdToken(String idToken) {
    JWTClaimsSet claims = verifySignature(idToken);
    assertThat(claims.getAudience()).as("aud").contains(clientId);
    return claims;
  }

  /** Checks a JWT access token's signature, issuer and expiry, and returns its claims. */
  public JWTClaimsSet verifyAccessToken(String accessToken) {
    return verifySignature(accessToken);
  }

  private JWTClaimsSet verifySignature(String token) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      JWK key = jwks().getKeyByKeyId(jwt.getHeader().getKeyID());
      assertThat(key).as("JWKS key for kid %s", jwt.getHeader().getKeyID()).isNotNull();
      assertThat(jwt.verify(new RSASSAVerifier((RSAKey) key)))
          .as("signature verifies with the published key")
          .isTrue();
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      assertThat(claims.getIssuer()).as("iss").isEqualTo(issuer);
      assertThat(claims.getExpirationTime()).as("exp").isNotNull();
      assertThat(claims.getExpirationTime().toInstant()).as("exp").isAfter(Instant.now());
      return claims;
    } catch (ParseException | JOSEException e) {
      throw new AssertionError("Not a valid signed JWT: " + e.getMessage(), e);
    }
  }

  private JWKSet jwks() throws ParseException {
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/jwks")).GET());
    assertThat(response.statusCode()).as("JWKS status").isEqualTo(200);
    return JWKSet.parse(response.body());
  }

  private TokenResponse token(Map<String, String> parameters) {
    Map<String, String> form = new LinkedHashMap<>(parameters);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json");
    if (clientSecret == null) {
      form.put("client_id", clientId);
    } else {
      // RFC 6749 section 2.3.1: both parts are form-encoded before Base64.
      String credentials = encode(clientId) + ":" + encode(clientSecret);
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<String> response =
        send(request.POST(HttpRequest.BodyPublishers.ofString(formBody(form))));
    return new TokenResponse(response.statusCode(), json(response.body()));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("Request to Rapport failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> json(String body) {
    if (body == null || body.isBlank()) {
      return Map.of();
    }
    try {
      return JSONObjectUtils.parse(body);
    } catch (ParseException e) {
      throw new AssertionError("Not a JSON object: " + body, e);
    }
  }

  static String formBody(Map<String, String> form) {
    return form.entrySet().stream()
        .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String random(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }

  /** RFC 7636 section 4.2: BASE64URL(SHA256(ASCII(code_verifier))). */
  private static String s256(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * One authorization request: its URL, and what the client keeps to check the answer.
   *
   * @param codeVerifier the PKCE verifier to send with the code
   */
  public record AuthorizationRequest(
      String endpoint, Map<String, String> parameters, String codeVerifier) {

    public AuthorizationRequest {
      parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public String url() {
      return endpoint + "?" + formBody(parameters);
    }

    public String state() {
      return parameters.get("state");
    }

    public String nonce() {
      return parameters.get("nonce");
    }

    /** A copy with the parameter set to the value. */
    public AuthorizationRequest with(String name, String value) {
      Map<String, String> changed = new LinkedHashMap<>(parameters);
      changed.put(name, value);
      return new AuthorizationRequest(endpoint, changed, codeVerifier);
    }

    /** A copy without the parameter. */
    public AuthorizationRequest without(String name) {
      Map<String, String> changed = new LinkedHashMap<>(parameters);
      changed.remove(name);
      return new AuthorizationRequest(endpoint, changed, codeVerifier);
    }
  }

  /** The token endpoint's answer: the tokens (RFC 6749 section 5.1) or an error (section 5.2). */
  public record TokenResponse(int status, Map<String, Object> body) {

    public String accessToken() {
      return string("access_token");
    }

    public String idToken() {
      return string("id_token");
    }

    public String refreshToken() {
      return string("refresh_token");
    }

    public String scope() {
      return string("scope");
    }

    public String error() {
      return string("error");
    }

    /** Fails with the error Rapport gave unless the request succeeded. */
    public TokenResponse requireSuccess() {
      assertThat(status).as("token endpoint answered %s", body).isEqualTo(200);
      return this;
    }

    private String string(String name) {
      Object value = body.get(name);
      return value == null ? null : value.toString();
    }
  }
}
