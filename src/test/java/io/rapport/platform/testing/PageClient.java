package io.rapport.platform.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a screen: plain HTTP that keeps cookies per host, follows redirects itself and
 * submits forms with the CSRF token of the page they are on. For tests that need to see status
 * codes and headers, or that need no JavaScript or rendering.
 *
 * <p>Unlike {@link java.net.CookieManager}, it sends {@code Secure} cookies over plain HTTP, as
 * browsers do for {@code localhost}; the test server has no TLS.
 */
public final class PageClient {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final int MAX_REDIRECTS = 10;
  private static final Pattern CSRF =
      Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]*)\"");

  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(TIMEOUT)
          .build();
  private final Map<String, Map<String, String>> cookies = new ConcurrentHashMap<>();

  /** Fetches the URL without following a redirect. */
  public Page get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET(), URI.create(url));
  }

  /** Fetches the URL and follows redirects, as a browser does; returns the last page. */
  public Page navigate(String url) {
    return follow(get(url));
  }

  /** Follows the page's redirects, if it is one. */
  public Page follow(Page page) {
    Page current = page;
    for (int hops = 0; current.isRedirect(); hops++) {
      if (hops == MAX_REDIRECTS) {
        throw new AssertionError("More than " + MAX_REDIRECTS + " redirects from " + page.url());
      }
      current = get(current.location());
    }
    return current;
  }

  /**
   * Posts the fields to the URL as a form, adding the CSRF token found on {@code from}, without
   * following the redirect that usually answers.
   */
  public Page submit(Page from, String url, Map<String, String> fields) {
    Map<String, String> form = new LinkedHashMap<>(fields);
    csrfToken(from).ifPresent(token -> form.put("_csrf", token));
    return post(url, form);
  }

  /** Posts exactly these fields as a form, without following a redirect. */
  public Page post(String url, Map<String, String> form) {
    URI uri = URI.create(url);
    return send(
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(OidcClient.formBody(form))),
        uri);
  }

  /** The value of a cookie this client holds for the host. */
  public Optional<String> cookie(String host, String name) {
    return Optional.ofNullable(cookies.getOrDefault(host, Map.of()).get(name));
  }

  /** Sets a cookie for the host, as if a server had set it: to replay or swap a session. */
  public void setCookie(String host, String name, String value) {
    cookies.computeIfAbsent(host, ignored -> new LinkedHashMap<>()).put(name, value);
  }

  /** The CSRF token of the page's forms, if it has one. */
  public static Optional<String> csrfToken(Page page) {
    Matcher matcher = CSRF.matcher(page.body());
    return matcher.find() ? Optional.of(unescape(matcher.group(1))) : Optional.empty();
  }

  private Page send(HttpRequest.Builder request, URI uri) {
    String cookieHeader = cookieHeader(uri.getHost());
    if (!cookieHeader.isEmpty()) {
      request.header("Cookie", cookieHeader);
    }
    request.header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
    try {
      HttpResponse<String> response =
          http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
      store(uri.getHost(), response.headers().allValues("Set-Cookie"));
      return new Page(uri, response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new AssertionError("Request to " + uri + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String cookieHeader(String host) {
    return cookies.getOrDefault(host, Map.of()).entrySet().stream()
        .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
        .collect(Collectors.joining("; "));
  }

  private void store(String host, List<String> setCookies) {
    Map<String, String> jar = cookies.computeIfAbsent(host, ignored -> new LinkedHashMap<>());
    for (String header : setCookies) {
      SetCookie cookie = SetCookie.parse(header);
      if (cookie.expired()) {
        jar.remove(cookie.name());
      } else {
        jar.put(cookie.name(), cookie.value());
      }
    }
  }

  private static String unescape(String html) {
    return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
  }

  /** One response. */
  public record Page(URI url, int status, HttpHeaders headers, String body) {

    public boolean isRedirect() {
      return status >= 300 && status < 400 && headers.firstValue("Location").isPresent();
    }

    /** The redirect target, resolved against the request URL. */
    public String location() {
      return url.resolve(headers.firstValue("Location").orElseThrow()).toString();
    }

    /** Whether the HTML has an element with this id. */
    public boolean has(String id) {
      return body.contains("id=\"" + id + "\"");
    }

    /** The text inside the element with this id, tags removed. */
    public String text(String id) {
      Matcher matcher =
          Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</", Pattern.DOTALL)
              .matcher(body);
      if (!matcher.find()) {
        throw new AssertionError("No element with id '" + id + "' at " + url + ":\n" + body);
      }
      return unescape(matcher.group(1).replaceAll("<[^>]*>", "").strip());
    }

    /** The parsed Set-Cookie headers of this response. */
    public List<SetCookie> setCookies() {
      List<SetCookie> parsed = new ArrayList<>();
      headers.allValues("Set-Cookie").forEach(header -> parsed.add(SetCookie.parse(header)));
      return parsed;
    }
  }

  /**
   * One Set-Cookie header (RFC 6265 section 4.1).
   *
   * @param attributes the attributes by lower-case name; flags such as {@code secure} map to ""
   */
  public record SetCookie(String name, String value, Map<String, String> attributes) {

    static SetCookie parse(String header) {
      String[] parts = header.split(";");
      String[] pair = parts[0].split("=", 2);
      Map<String, String> attributes = new LinkedHashMap<>();
      for (int i = 1; i < parts.length; i++) {
        String[] attribute = parts[i].strip().split("=", 2);
        attributes.put(
            attribute[0].toLowerCase(Locale.ROOT), attribute.length > 1 ? attribute[1] : "");
      }
      return new SetCookie(pair[0].strip(), pair.length > 1 ? pair[1].strip() : "", attributes);
    }

    public boolean has(String attribute) {
      return attributes.containsKey(attribute.toLowerCase(Locale.ROOT));
    }

    public Optional<String> attribute(String name) {
      return Optional.ofNullable(attributes.get(name.toLowerCase(Locale.ROOT)));
    }

    boolean expired() {
      return "0".equals(attributes.get("max-age")) || value.isEmpty();
    }
  }
}
