package io.rapport.platform.egress;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Sends the calls for a host to the base URL the operator mapped it to. */
final class HostOverrides {

  private final Map<String, URI> targets;

  HostOverrides(Map<String, String> overrides) {
    this.targets =
        overrides.entrySet().stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    Map.Entry::getKey, entry -> URI.create(entry.getValue())));
  }

  /**
   * Where a call to this URL really goes: {@code https://api.fullcontact.com/v3/person.enrich} with
   * {@code api.fullcontact.com: http://127.0.0.1:9999} goes to {@code
   * http://127.0.0.1:9999/v3/person.enrich}. Empty when the host is not mapped.
   */
  Optional<URI> target(URI uri) {
    URI base = baseFor(uri.getHost().toLowerCase(Locale.ROOT));
    if (base == null) {
      return Optional.empty();
    }
    String basePath = base.getRawPath() == null ? "" : base.getRawPath();
    if (basePath.endsWith("/")) {
      basePath = basePath.substring(0, basePath.length() - 1);
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    try {
      return Optional.of(
          new URI(base.getScheme() + "://" + base.getRawAuthority() + basePath + path + query));
    } catch (URISyntaxException e) {
      throw new IllegalStateException("A checked override made an invalid URL", e);
    }
  }

  /**
   * The host's own mapping, else that of the nearest {@code *.}suffix it lies under: {@code
   * *.bench.example} maps {@code firm1.bench.example} and {@code a.firm1.bench.example}, not {@code
   * bench.example} itself.
   */
  private URI baseFor(String host) {
    URI exact = targets.get(host);
    if (exact != null) {
      return exact;
    }
    for (int dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
      URI wildcard = targets.get("*" + host.substring(dot));
      if (wildcard != null) {
        return wildcard;
      }
    }
    return null;
  }

  int size() {
    return targets.size();
  }

  @Override
  public String toString() {
    return targets.keySet().toString();
  }
}
