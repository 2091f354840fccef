package io.rapport.enrichment;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The findings of a person API's answer, each written as its catalog attribute's type expects
 * (docs/profile.md): a value that would not pass the catalog is left out here, so that a provider
 * whose service sends a number where it documents a string, or a country nobody knows, never
 * answers a finding of the wrong type. What was left out is counted, for the provider's log line.
 */
final class PersonFindings {

  /** The catalog's longest text. */
  private static final int MOST_TEXT = 1000;

  /** The catalog's longest URL. */
  private static final int MOST_URL = 2000;

  private static final Map<String, String> COUNTRIES_BY_NAME = countriesByName();

  private final List<Finding> findings = new ArrayList<>();
  private final Set<String> attributes = new LinkedHashSet<>();
  private int dropped;

  /** A text attribute, trimmed and with runs of whitespace made one space. */
  PersonFindings text(String attribute, Optional<String> value, double confidence) {
    Optional<String> clean = value.map(PersonFindings::collapse).filter(text -> !text.isEmpty());
    if (clean.isPresent() && clean.get().length() <= MOST_TEXT) {
      add(attribute, clean.get(), confidence);
    } else if (clean.isPresent()) {
      dropped++;
    }
    return this;
  }

  /**
   * A URL attribute: an http or https URL with a host. Services that write a URL without its scheme
   * ({@code linkedin.com/in/someone}) get {@code https://} in front.
   */
  PersonFindings url(String attribute, Optional<String> value, double confidence) {
    value
        .map(String::strip)
        .filter(text -> !text.isEmpty())
        .ifPresent(text -> url(attribute, text, confidence));
    return this;
  }

  /** A country attribute from an ISO 3166-1 alpha-2 code, or from a country's English name. */
  PersonFindings country(String attribute, Optional<String> value, double confidence) {
    value
        .map(String::strip)
        .filter(text -> !text.isEmpty())
        .ifPresent(
            text -> {
              Optional<String> code = countryCode(text);
              if (code.isPresent()) {
                add(attribute, code.get(), confidence);
              } else {
                dropped++;
              }
            });
    return this;
  }

  /** A number attribute, written plainly. */
  PersonFindings number(String attribute, Optional<Long> value, double confidence) {
    value.ifPresent(number -> add(attribute, Long.toString(number), confidence));
    return this;
  }

  /**
   * Counts a value the service sent that no attribute could take (a wrong type, an unknown word).
   */
  PersonFindings drop() {
    dropped++;
    return this;
  }

  List<Finding> findings() {
    return List.copyOf(findings);
  }

  /** How many values were left out as not fitting their attribute. */
  int dropped() {
    return dropped;
  }

  /**
   * Whether a person lookup can find anyone for the address: not a role address such as {@code
   * info@}, which is nobody's, nor a disposable one, which no data service knows.
   */
  static boolean person(EmailClass email) {
    return !email.role() && email.kind() != DomainKind.DISPOSABLE;
  }

  /**
   * The string of a field, counting a value of another type (a number, an object, {@code true}) as
   * dropped; {@code null} and a missing field are simply absent.
   */
  Optional<String> stringOrDrop(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || value.isNull() || value.isMissingNode()) {
      return Optional.empty();
    }
    if (!value.isString()) {
      dropped++;
      return Optional.empty();
    }
    return Optional.of(value.asString());
  }

  /** Capitalises each word of a name a service sent in lower case: {@code sean thorne}. */
  static String capitalised(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean start = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(start ? Character.toTitleCase(c) : c);
      start = Character.isWhitespace(c) || c == '-' || c == '\'';
    }
    return out.toString();
  }

  /**
   * The last path segment of a profile URL ({@code twitter.com/jdoe} gives {@code jdoe}), for the
   * {@code twitter} and {@code github} attributes, which hold the account name.
   */
  static Optional<String> handle(String profileUrl) {
    String text = profileUrl.strip();
    if (text.startsWith("@")) {
      text = text.substring(1);
    }
    int query = text.indexOf('?');
    if (query >= 0) {
      text = text.substring(0, query);
    }
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    String last = text.substring(text.lastIndexOf('/') + 1);
    return last.matches("[A-Za-z0-9_.-]{1,100}") ? Optional.of(last) : Optional.empty();
  }

  private void url(String attribute, String text, double confidence) {
    String withScheme = text.contains("://") ? text : "https://" + text;
    try {
      URI uri = new URI(withScheme);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https"))
          && uri.getHost() != null
          && withScheme.length() <= MOST_URL) {
        add(attribute, withScheme, confidence);
        return;
      }
    } catch (URISyntaxException notAUrl) {
      // counted below
    }
    dropped++;
  }

  /** Adds the first value of each attribute only: a service's first answer is its best. */
  private void add(String attribute, String value, double confidence) {
    if (attributes.add(attribute)) {
      findings.add(new Finding(attribute, value, confidence));
    }
  }

  private static String collapse(String text) {
    return text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
  }

  private static Optional<String> countryCode(String text) {
    String upper = text.toUpperCase(Locale.ROOT);
    if (upper.length() == 2 && Set.of(Locale.getISOCountries()).contains(upper)) {
      return Optional.of(upper);
    }
    return Optional.ofNullable(COUNTRIES_BY_NAME.get(text.toLowerCase(Locale.ROOT)));
  }

  private static Map<String, String> countriesByName() {
    Map<String, String> byName = new HashMap<>();
    for (String code : Locale.getISOCountries()) {
      byName.put(
          Locale.of("", code).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
    }
    // Names services write that Java's English names spell otherwise.
    byName.put("united states of america", "US");
    byName.put("usa", "US");
    byName.put("uk", "GB");
    byName.put("great britain", "GB");
    byName.put("russia", "RU");
    byName.put("south korea", "KR");
    byName.put("czech republic", "CZ");
    byName.put("vietnam", "VN");
    return Map.copyOf(byName);
  }
}
