package io.rapport.platform.egress;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of outbound HTTP.
 *
 * @param allowPrivateAddresses whether calls may reach loopback, private, link-local and other
 *     non-public addresses (RAPPORT_EGRESS_ALLOW_PRIVATE_ADDRESSES); for a network where the
 *     services Rapport calls live on private addresses
 * @param hostOverrides hosts whose calls go to another server instead, as host: base URL (such as
 *     {@code api.fullcontact.com: "http://127.0.0.1:9999"}), for a mock or a staging endpoint; the
 *     target may be a private address
 */
@ConfigurationProperties("rapport.egress")
public record EgressProperties(
    @DefaultValue("false") boolean allowPrivateAddresses, Map<String, String> hostOverrides) {

  public EgressProperties {
    hostOverrides = validated(hostOverrides == null ? Map.of() : hostOverrides);
  }

  /** The overrides by host in lower case, each target checked: an absolute http(s) URL. */
  private static Map<String, String> validated(Map<String, String> overrides) {
    Map<String, String> checked = new TreeMap<>();
    overrides.forEach(
        (host, target) -> {
          String key = host.trim().toLowerCase(Locale.ROOT);
          String name = key.startsWith("*.") ? key.substring(2) : key;
          if (name.isEmpty() || name.contains("*") || name.contains("/") || name.contains(":")) {
            throw new IllegalArgumentException(
                "rapport.egress.host-overrides: '"
                    + host
                    + "' is not a host name; write the host alone, such as api.fullcontact.com,"
                    + " or *. and a domain for every host under it, such as *.staging.example");
          }
          checkTarget(host, target);
          checked.put(key, target.trim());
        });
    return Map.copyOf(checked);
  }

  private static void checkTarget(String host, String target) {
    String problem = null;
    try {
      URI uri = new URI(target == null ? "" : target.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        problem = "is not an absolute http or https URL";
      } else if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
        problem = "may not have a query or a fragment";
      }
    } catch (URISyntaxException e) {
      problem = "is not an absolute http or https URL";
    }
    if (problem != null) {
      throw new IllegalArgumentException(
          "rapport.egress.host-overrides: the target of '"
              + host
              + "' ('"
              + target
              + "') "
              + problem
              + "; write a base URL such as http://127.0.0.1:9999");
    }
  }
}
