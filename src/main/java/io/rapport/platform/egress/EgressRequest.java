package io.rapport.platform.egress;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One outbound call: GET, or POST with a JSON body. Made with {@link #get} or {@link #postJson} and
 * refined with the {@code with...} methods, each returning a new request.
 *
 * @param headers sent as given; may carry an API key, so a request never prints them
 * @param jsonBody the body of a POST, null for a GET
 * @param timeout the most the whole call may take, redirects and body included
 * @param maxRedirects how many redirects to follow; 0 (the default, right for APIs) returns a 3xx
 *     response as it is
 * @param maxBodyBytes the largest body accepted; a larger one fails the call rather than being cut
 *     off where a caller might parse half of it
 */
public record EgressRequest(
    String method,
    URI uri,
    Map<String, String> headers,
    String jsonBody,
    Duration timeout,
    int maxRedirects,
    int maxBodyBytes) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

  /** Enough for any chain of redirects a well-run site or API sends. */
  public static final int MOST_REDIRECTS = 10;

  public EgressRequest {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new IllegalArgumentException("An outbound call needs an absolute http(s) URL");
    }
    if (!(method.equals("GET") || method.equals("POST"))) {
      throw new IllegalArgumentException("An outbound call is a GET or a POST, not " + method);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("An outbound call's timeout must be positive");
    }
    if (maxRedirects < 0 || maxRedirects > MOST_REDIRECTS) {
      throw new IllegalArgumentException("Redirects to follow: 0 to " + MOST_REDIRECTS);
    }
    if (maxBodyBytes <= 0) {
      throw new IllegalArgumentException("An outbound call's body limit must be positive");
    }
    headers = Map.copyOf(headers);
  }

  public static EgressRequest get(URI uri) {
    return new EgressRequest(
        "GET", uri, Map.of(), null, DEFAULT_TIMEOUT, 0, DEFAULT_MAX_BODY_BYTES);
  }

  public static EgressRequest postJson(URI uri, String json) {
    return new EgressRequest(
        "POST", uri, Map.of(), json, DEFAULT_TIMEOUT, 0, DEFAULT_MAX_BODY_BYTES);
  }

  public EgressRequest withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new EgressRequest(method, uri, more, jsonBody, timeout, maxRedirects, maxBodyBytes);
  }

  public EgressRequest withTimeout(Duration timeout) {
    return new EgressRequest(method, uri, headers, jsonBody, timeout, maxRedirects, maxBodyBytes);
  }

  public EgressRequest withRedirects(int maxRedirects) {
    return new EgressRequest(method, uri, headers, jsonBody, timeout, maxRedirects, maxBodyBytes);
  }

  public EgressRequest withMaxBodyBytes(int maxBodyBytes) {
    return new EgressRequest(method, uri, headers, jsonBody, timeout, maxRedirects, maxBodyBytes);
  }

  /** The method and host only: a path or a query may carry personal data, headers a key. */
  @Override
  public String toString() {
    return "EgressRequest[" + method + " " + uri.getHost() + "]";
  }
}
