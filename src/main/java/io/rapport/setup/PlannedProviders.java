package io.rapport.setup;

import io.rapport.enrichment.ProviderSettings;
import io.rapport.enrichment.ProviderType;
import io.rapport.platform.yaml.Value;
import io.rapport.platform.yaml.YamlFields;
import io.rapport.platform.yaml.YamlWalker;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The {@code enrichment.providers} section: the providers in waterfall order, each read into the
 * settings the provider store takes. The file's order is the order they are asked in (positions 0,
 * 10, 20...). A file with this section declares the whole list: providers it does not name are
 * removed. A file without it leaves the stored providers as they are.
 *
 * @param providers in the file's order
 * @param ids each provider's id as the file gives it (or its type, when it gives none), for
 *     duplicates
 */
record PlannedProviders(List<ProviderSettings> providers, List<Value> ids) {

  static final String ENRICHMENT = "enrichment";
  static final String PROVIDERS = "providers";
  static final Set<String> SECTION_KEYS =
      Set.of(PROVIDERS, PlannedConsent.BASIS, PlannedConsent.EXCLUDED_REGIONS);

  static final String TYPE = "type";
  static final String ID = "id";
  static final String API_KEY = "api-key";
  static final String BASE_URL = "base-url";
  static final String REQUESTS_PER_MINUTE = "requests-per-minute";
  static final String TIMEOUT = "timeout";
  static final String MONTHLY_BUDGET = "monthly-budget";
  static final String CACHE_FOR = "cache-for";
  static final String ENABLED = "enabled";

  static final Set<String> KEYS =
      Set.of(
          TYPE,
          ID,
          API_KEY,
          BASE_URL,
          REQUESTS_PER_MINUTE,
          TIMEOUT,
          MONTHLY_BUDGET,
          CACHE_FOR,
          ENABLED);

  /** Waterfall positions leave room for a provider the console puts in between. */
  static final int POSITION_STEP = 10;

  /** As observations name their source ({@code enrichment:<id>}), within the id column's width. */
  private static final Pattern PROVIDER_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");
  private static final Duration LONGEST_TIMEOUT = Duration.ofMinutes(5);
  private static final int LONGEST_TEXT = 2000;

  PlannedProviders {
    providers = List.copyOf(providers);
    ids = List.copyOf(ids);
  }

  /**
   * The keys of the {@code enrichment} section, read once for the providers and the consent keys.
   *
   * @param node the value of {@code enrichment}
   * @return null when the file has no such section, or it is not a mapping (which is reported)
   */
  static Map<String, Node> section(YamlWalker walker, Node node) {
    if (node == null || YamlWalker.isNull(node)) {
      return null;
    }
    return walker.mapping(node, ENRICHMENT, SECTION_KEYS);
  }

  /**
   * @param section the keys of {@code enrichment}, from {@link #section}
   * @param types the provider types this version of Rapport knows
   * @return null when the file has no {@code enrichment.providers}, which leaves the providers as
   *     they are
   */
  static PlannedProviders read(
      YamlWalker walker, Map<String, Node> section, List<ProviderType> types) {
    if (section == null || !section.containsKey(PROVIDERS)) {
      return null;
    }
    String listPath = ENRICHMENT + "." + PROVIDERS;
    Node list = section.get(PROVIDERS);
    if (YamlWalker.isNull(list)) {
      walker.report(list, listPath, "must be a list of providers; write [] for none");
      return new PlannedProviders(List.of(), List.of());
    }
    List<Node> items = walker.sequence(list, listPath);
    List<ProviderSettings> providers = new ArrayList<>();
    List<Value> ids = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Entry entry = new Entry(walker, types, listPath + "[" + i + "]", i * POSITION_STEP);
      entry.read(items.get(i)).ifPresent(providers::add);
      entry.id.ifPresent(ids::add);
    }
    return new PlannedProviders(providers, ids);
  }

  /** The ids, in waterfall order. */
  List<String> providerIds() {
    return providers.stream().map(ProviderSettings::id).toList();
  }

  /** Without the settings, which hold API keys. */
  @Override
  public String toString() {
    return "PlannedProviders" + providerIds();
  }

  /** One item of the list: reads its keys, notes every problem, and makes its settings. */
  private static final class Entry {

    private final YamlWalker walker;
    private final YamlFields fields;
    private final List<ProviderType> types;
    private final String path;
    private final int position;
    private Optional<Value> id = Optional.empty();

    Entry(YamlWalker walker, List<ProviderType> types, String path, int position) {
      this.walker = walker;
      this.fields = new YamlFields(walker);
      this.types = types;
      this.path = path;
      this.position = position;
    }

    /** Empty when the entry cannot make settings; its problems are noted in the walker. */
    Optional<ProviderSettings> read(Node node) {
      Map<String, Node> entries = walker.mapping(node, path, KEYS);
      if (entries == null) {
        return Optional.empty();
      }
      walker.require(entries, TYPE, node, path);
      Optional<Value> typeName = fields.text(entries, TYPE, path);
      Optional<ProviderType> type = typeName.flatMap(this::knownType);
      id = fields.text(entries, ID, path).or(() -> typeName);
      boolean validId = id.map(this::checkId).orElse(false);
      String apiKey = apiKey(entries, node, type);
      String baseUrl = baseUrl(entries);
      Integer requestsPerMinute = count(entries, REQUESTS_PER_MINUTE);
      Integer monthlyBudget = count(entries, MONTHLY_BUDGET);
      Duration timeout = duration(entries, TIMEOUT, ProviderSettings.DEFAULT_TIMEOUT);
      Duration cacheFor = duration(entries, CACHE_FOR, ProviderSettings.DEFAULT_CACHE);
      boolean enabled = fields.flag(entries, ENABLED, path, true);
      if (type.isEmpty() || !validId) {
        return Optional.empty();
      }
      return Optional.of(
          new ProviderSettings(
              id.get().text(),
              type.get().type(),
              position,
              enabled,
              baseUrl,
              apiKey,
              requestsPerMinute == null ? 0 : requestsPerMinute,
              timeout,
              monthlyBudget == null ? 0 : monthlyBudget,
              cacheFor));
    }

    private Optional<ProviderType> knownType(Value name) {
      Optional<ProviderType> type =
          types.stream().filter(known -> known.type().equals(name.text())).findFirst();
      if (type.isEmpty()) {
        Set<String> known = new TreeSet<>(types.stream().map(ProviderType::type).toList());
        walker.report(
            name.place(),
            "unknown provider type '%s'; known types: %s"
                .formatted(name.written(), known.isEmpty() ? "none" : String.join(", ", known)));
      }
      return type;
    }

    private boolean checkId(Value value) {
      if (PROVIDER_ID.matcher(value.text()).matches()) {
        return true;
      }
      walker.report(
          value.place(),
          "'%s' is not a provider id: lower-case letters, digits, '.', '_' and '-', starting"
                  .formatted(value.written())
              + " with a letter or digit, at most 64 characters");
      return false;
    }

    /** Required when the type calls a paid API; refused when it needs none, to avoid doubt. */
    private String apiKey(Map<String, Node> entries, Node node, Optional<ProviderType> type) {
      Optional<Value> key = fields.text(entries, API_KEY, path);
      if (type.isEmpty()) {
        return null;
      }
      if (type.get().needsApiKey() && key.isEmpty()) {
        walker.report(
            YamlWalker.place(node, path),
            "missing key '%s': provider type '%s' needs an API key"
                .formatted(API_KEY, type.get().type()));
      } else if (!type.get().needsApiKey() && key.isPresent()) {
        walker.report(
            key.get().place(),
            "provider type '%s' takes no API key; remove '%s'"
                .formatted(type.get().type(), API_KEY));
      } else if (key.isPresent() && key.get().text().isBlank()) {
        walker.report(key.get().place(), "the API key is empty");
      } else if (key.isPresent() && key.get().text().length() > LONGEST_TEXT) {
        walker.report(key.get().place(), "the API key is longer than 2000 characters");
      }
      return key.map(Value::text).orElse(null);
    }

    private String baseUrl(Map<String, Node> entries) {
      Optional<Value> value = fields.text(entries, BASE_URL, path);
      if (value.isEmpty()) {
        return null;
      }
      String text = value.get().text().strip();
      if (!absoluteHttpUrl(text) || text.length() > LONGEST_TEXT) {
        walker.report(
            value.get().place(),
            "'%s' must be an absolute http or https URL, such as https://person.clearbit.com"
                .formatted(value.get().written()));
        return null;
      }
      return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static boolean absoluteHttpUrl(String text) {
      try {
        URI uri = new URI(text);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https"))
            && uri.getHost() != null
            && uri.getRawQuery() == null
            && uri.getRawFragment() == null;
      } catch (URISyntaxException e) {
        return false;
      }
    }

    /** A whole number of calls, 0 for no limit. */
    private Integer count(Map<String, Node> entries, String key) {
      Integer count = fields.integer(entries, key, path);
      if (count != null && count < 0) {
        walker.report(fields.places().get(path + "." + key), "must be 0 (no limit) or more");
        return null;
      }
      return count;
    }

    /** {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, {@code 30d}. */
    private Duration duration(Map<String, Node> entries, String key, Duration absent) {
      Optional<Value> value = fields.text(entries, key, path);
      if (value.isEmpty()) {
        return absent;
      }
      Matcher matcher = DURATION.matcher(value.get().text().strip());
      Duration duration = matcher.matches() ? parse(matcher) : null;
      if (duration == null) {
        walker.report(
            value.get().place(),
            "'%s' must be a duration such as 500ms, 5s, 2m, 1h or 30d"
                .formatted(value.get().written()));
        return absent;
      }
      if (key.equals(TIMEOUT) && (duration.isZero() || duration.compareTo(LONGEST_TIMEOUT) > 0)) {
        walker.report(value.get().place(), "a timeout must be above 0 and at most 5m");
        return absent;
      }
      return duration;
    }

    private static Duration parse(Matcher matcher) {
      long amount = Long.parseLong(matcher.group(1));
      return switch (matcher.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      };
    }
  }
}
