package io.rapport.enrichment;

import java.time.Duration;

/**
 * The settings of one configured provider.
 *
 * @param id the provider's name in observations ({@code enrichment:<id>}); by default its type
 * @param type its {@link ProviderType}
 * @param position its place in the waterfall: lower is asked first
 * @param baseUrl where its API is, to point at a staging or mock endpoint; null for the default
 * @param apiKey its credential, decrypted; null when it needs none. Never logged or shown in full.
 * @param requestsPerMinute the most calls a minute, across all nodes; 0 for no limit
 * @param timeout how long one call may take
 * @param monthlyBudget the most calls in a calendar month (UTC); 0 for no limit
 * @param cacheFor how long a result is kept before the subject is looked up again
 */
public record ProviderSettings(
    String id,
    String type,
    int position,
    boolean enabled,
    String baseUrl,
    String apiKey,
    int requestsPerMinute,
    Duration timeout,
    int monthlyBudget,
    Duration cacheFor) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_CACHE = Duration.ofDays(30);

  /**
   * Where the provider's API is: the settings' base URL, else its own, without trailing slashes.
   */
  public String baseUrlOr(String providersOwn) {
    return (baseUrl == null ? providersOwn : baseUrl).replaceAll("/+$", "");
  }

  /** The API key as a console may show it: its last four characters. */
  public String maskedApiKey() {
    if (apiKey == null) {
      return null;
    }
    return apiKey.length() <= 8 ? "••••" : "••••" + apiKey.substring(apiKey.length() - 4);
  }

  @Override
  public String toString() {
    return "ProviderSettings[" + id + ", " + type + ", key " + maskedApiKey() + "]";
  }
}
