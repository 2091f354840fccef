package io.rapport.enrichment;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Which company attribute a link to a social network's profile fills: a LinkedIn company page, a
 * Twitter / X account, a Facebook page, a GitHub organisation. Links that share, follow or point at
 * a person (LinkedIn's {@code /in/}) are not the company's profile.
 */
final class SocialProfile {

  private SocialProfile() {}

  static Optional<String> attributeOf(URI link) {
    String host = network(link.getHost());
    String path = link.getPath() == null ? "" : link.getPath().toLowerCase(Locale.ROOT);
    String first = firstSegment(path);
    if (first.isEmpty()) {
      return Optional.empty();
    }
    return switch (host) {
      case "linkedin.com" ->
          first.equals("company") || first.equals("school") || first.equals("showcase")
              ? Optional.of("company_linkedin")
              : Optional.empty();
      case "twitter.com", "x.com" ->
          first.equals("intent") || first.equals("share") || first.equals("home")
              ? Optional.empty()
              : Optional.of("company_twitter");
      case "facebook.com", "fb.com" ->
          first.startsWith("sharer") || first.equals("share") || first.equals("dialog")
              ? Optional.empty()
              : Optional.of("company_facebook");
      case "github.com" -> Optional.of("company_github");
      default -> Optional.empty();
    };
  }

  /** The network's own domain: {@code de.linkedin.com} and {@code www.x.com} are theirs. */
  private static String network(String host) {
    String lower = host == null ? "" : host.toLowerCase(Locale.ROOT);
    for (String network :
        new String[] {
          "linkedin.com", "twitter.com", "x.com", "facebook.com", "fb.com", "github.com"
        }) {
      if (lower.equals(network) || lower.endsWith("." + network)) {
        return network;
      }
    }
    return lower;
  }

  private static String firstSegment(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    int slash = trimmed.indexOf('/');
    return slash < 0 ? trimmed : trimmed.substring(0, slash);
  }
}
