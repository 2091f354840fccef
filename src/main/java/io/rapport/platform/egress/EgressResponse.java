package io.rapport.platform.egress;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a server answered, whatever its status: a caller maps 401, 404, 429 and 5xx itself.
 *
 * @param uri the URL that answered, after any redirects, as the caller would write it (before a
 *     host override), so that relative links in the body resolve against it
 * @param headers by name, case-insensitive
 * @param body the whole body, at most the request's limit
 */
public record EgressResponse(int status, URI uri, Map<String, List<String>> headers, byte[] body) {

  public EgressResponse {
    Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> byName.put(name, List.copyOf(values)));
    headers = Collections.unmodifiableMap(byName);
  }

  /** The first value of the header, if it was sent. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  public boolean successful() {
    return status >= 200 && status < 300;
  }

  /** The charset the Content-Type names, if it names one this JVM knows. */
  public Optional<Charset> charset() {
    return header("Content-Type").flatMap(EgressResponse::charsetOf);
  }

  /** The body as text, in the charset of its Content-Type, else UTF-8. */
  public String bodyText() {
    return new String(body, charset().orElse(StandardCharsets.UTF_8));
  }

  private static Optional<Charset> charsetOf(String contentType) {
    for (String part : contentType.split(";")) {
      String parameter = part.trim();
      if (parameter.regionMatches(true, 0, "charset=", 0, 8)) {
        String name = parameter.substring(8).replace("\"", "").trim();
        try {
          return Optional.of(Charset.forName(name));
        } catch (IllegalArgumentException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "EgressResponse[" + status + " " + uri.getHost() + ", " + body.length + " bytes]";
  }
}
