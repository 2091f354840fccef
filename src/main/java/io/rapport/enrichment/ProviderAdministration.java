package io.rapport.enrichment;

import io.rapport.enrichment.ProviderStore.StoredProvider;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the console does to the providers: add, change, enable, order and remove them. Every change
 * is checked whole and stored in one transaction, or refused with what is wrong and nothing stored.
 */
@Component
public final class ProviderAdministration {

  /** Where console changes come from, beside {@code default} and {@code import}. */
  public static final String ORIGIN_CONSOLE = "console";

  /** Positions are spaced so that one can be put between two by hand (in SQL or the file). */
  static final int POSITION_STEP = 10;

  private static final Pattern PROVIDER_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  private final ProviderStore store;
  private final Providers providers;
  private final TransactionTemplate transaction;

  ProviderAdministration(
      ProviderStore store, Providers providers, PlatformTransactionManager transactions) {
    this.store = store;
    this.providers = providers;
    this.transaction = new TransactionTemplate(transactions);
  }

  public List<StoredProvider> list() {
    return store.rows();
  }

  public Optional<StoredProvider> find(String providerId) {
    return store.rows().stream().filter(row -> row.settings().id().equals(providerId)).findFirst();
  }

  /** The types an administrator can add, in name order. */
  public List<ProviderType> types() {
    return providers.types();
  }

  /**
   * Adds a provider, or replaces the settings of the one of this id; a new one goes last.
   *
   * @throws InvalidProviderException with every problem; nothing is stored then
   */
  public ProviderSettings save(ProviderForm form) {
    return transaction.execute(status -> checkedSave(form));
  }

  private ProviderSettings checkedSave(ProviderForm form) {
    List<String> problems = new ArrayList<>();
    Optional<StoredProvider> existing = find(form.id());
    Optional<ProviderType> type = providers.type(form.type());
    if (existing.isEmpty() && !PROVIDER_ID.matcher(form.id()).matches()) {
      problems.add(
          "id: '"
              + form.id()
              + "' is not a provider id: lower-case letters, digits and '-', at most 64");
    }
    if (type.isEmpty()) {
      problems.add(
          "type: unknown provider type '"
              + form.type()
              + "'; known types: "
              + String.join(", ", providers.types().stream().map(ProviderType::type).toList()));
    }
    if (existing.isPresent() && !existing.get().settings().type().equals(form.type())) {
      problems.add("type: a provider keeps its type; remove it and add one of the other type");
    }
    String apiKey =
        form.apiKey().isBlank()
            ? existing.map(row -> row.settings().apiKey()).orElse(null)
            : form.apiKey().strip();
    if (type.isPresent() && type.get().needsApiKey() && apiKey == null) {
      problems.add("api-key: provider type '" + form.type() + "' needs an API key");
    }
    String baseUrl = form.baseUrl().isBlank() ? null : form.baseUrl().strip();
    if (baseUrl != null && !httpUrl(baseUrl)) {
      problems.add("base-url: '" + baseUrl + "' is not an absolute http or https URL");
    }
    int requestsPerMinute = count(form.requestsPerMinute(), "requests-per-minute", problems);
    int monthlyBudget = count(form.monthlyBudget(), "monthly-budget", problems);
    Duration timeout =
        duration(form.timeout(), "timeout", ProviderSettings.DEFAULT_TIMEOUT, problems);
    Duration cacheFor =
        duration(form.cacheFor(), "cache-for", ProviderSettings.DEFAULT_CACHE, problems);
    if (!problems.isEmpty()) {
      throw new InvalidProviderException(problems);
    }
    ProviderSettings settings =
        new ProviderSettings(
            form.id(),
            form.type(),
            existing.map(row -> row.settings().position()).orElseGet(this::nextPosition),
            existing.map(row -> row.settings().enabled()).orElse(true),
            baseUrl,
            apiKey,
            requestsPerMinute,
            timeout,
            monthlyBudget,
            cacheFor);
    store.save(settings, ORIGIN_CONSOLE);
    return settings;
  }

  /** Enables or disables the provider; enabling clears the reason Rapport disabled it for. */
  public void setEnabled(String providerId, boolean enabled) {
    transaction.executeWithoutResult(
        status -> {
          ProviderSettings settings = existing(providerId).settings();
          store.save(
              withPositionAndEnabled(settings, settings.position(), enabled), ORIGIN_CONSOLE);
        });
  }

  /** Moves the provider one place earlier (negative) or later in the waterfall. */
  public void move(String providerId, int offset) {
    transaction.executeWithoutResult(status -> reorder(providerId, offset));
  }

  private void reorder(String providerId, int offset) {
    List<ProviderSettings> order =
        new ArrayList<>(store.rows().stream().map(StoredProvider::settings).toList());
    int from = indexOf(order, providerId);
    int to = Math.clamp(from + (long) Integer.signum(offset), 0, order.size() - 1);
    order.add(to, order.remove(from));
    for (int i = 0; i < order.size(); i++) {
      ProviderSettings settings = order.get(i);
      if (settings.position() != i * POSITION_STEP) {
        store.save(
            withPositionAndEnabled(settings, i * POSITION_STEP, settings.enabled()),
            ORIGIN_CONSOLE);
      }
    }
  }

  public void remove(String providerId) {
    if (!store.delete(providerId)) {
      throw new UnknownProviderException(providerId);
    }
  }

  private StoredProvider existing(String providerId) {
    return find(providerId).orElseThrow(() -> new UnknownProviderException(providerId));
  }

  private int nextPosition() {
    return store.rows().stream()
        .mapToInt(row -> row.settings().position() + POSITION_STEP)
        .max()
        .orElse(0);
  }

  private static int indexOf(List<ProviderSettings> order, String providerId) {
    for (int i = 0; i < order.size(); i++) {
      if (order.get(i).id().equals(providerId)) {
        return i;
      }
    }
    throw new UnknownProviderException(providerId);
  }

  private static ProviderSettings withPositionAndEnabled(
      ProviderSettings settings, int position, boolean enabled) {
    return new ProviderSettings(
        settings.id(),
        settings.type(),
        position,
        enabled,
        settings.baseUrl(),
        settings.apiKey(),
        settings.requestsPerMinute(),
        settings.timeout(),
        settings.monthlyBudget(),
        settings.cacheFor());
  }

  private static boolean httpUrl(String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private static int count(String text, String field, List<String> problems) {
    if (text.isBlank()) {
      return 0;
    }
    try {
      int value = Integer.parseInt(text.strip());
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(field + ": '" + text + "' is not a whole number of 0 or more (0: no limit)");
    return 0;
  }

  private static Duration duration(
      String text, String field, Duration otherwise, List<String> problems) {
    if (text.isBlank()) {
      return otherwise;
    }
    try {
      Duration value = DurationStyle.detectAndParse(text.strip());
      if (value.isPositive()) {
        return value;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    problems.add(field + ": '" + text + "' is not a duration above zero, such as 5s, 10m or 30d");
    return otherwise;
  }

  /**
   * A duration as an administrator writes it, in its largest whole unit: {@code 30d}, {@code 5s},
   * {@code 1500ms}. Spring's own simple style prints every duration in milliseconds.
   */
  public static String text(Duration duration) {
    record Unit(String suffix, Duration size) {}
    for (Unit unit :
        List.of(
            new Unit("d", Duration.ofDays(1)),
            new Unit("h", Duration.ofHours(1)),
            new Unit("m", Duration.ofMinutes(1)),
            new Unit("s", Duration.ofSeconds(1)))) {
      if (!duration.isZero() && duration.toMillis() % unit.size().toMillis() == 0) {
        return duration.toMillis() / unit.size().toMillis() + unit.suffix();
      }
    }
    return duration.toMillis() + "ms";
  }

  /**
   * The provider form as typed; blank fields take their defaults, and a blank API key keeps the
   * stored one.
   */
  public record ProviderForm(
      String id,
      String type,
      String baseUrl,
      String apiKey,
      String requestsPerMinute,
      String timeout,
      String monthlyBudget,
      String cacheFor) {

    public ProviderForm {
      id = id == null ? "" : id.strip();
      type = type == null ? "" : type.strip();
      baseUrl = baseUrl == null ? "" : baseUrl;
      apiKey = apiKey == null ? "" : apiKey;
      requestsPerMinute = requestsPerMinute == null ? "" : requestsPerMinute;
      timeout = timeout == null ? "" : timeout;
      monthlyBudget = monthlyBudget == null ? "" : monthlyBudget;
      cacheFor = cacheFor == null ? "" : cacheFor;
    }

    /** The form of a stored provider, its key left blank (it is never shown back). */
    public static ProviderForm of(ProviderSettings settings) {
      return new ProviderForm(
          settings.id(),
          settings.type(),
          settings.baseUrl(),
          "",
          String.valueOf(settings.requestsPerMinute()),
          text(settings.timeout()),
          String.valueOf(settings.monthlyBudget()),
          text(settings.cacheFor()));
    }
  }
}
