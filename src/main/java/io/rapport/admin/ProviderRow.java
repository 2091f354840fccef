package io.rapport.admin;

import io.rapport.enrichment.ProviderAdministration;
import io.rapport.enrichment.ProviderSettings;
import io.rapport.enrichment.ProviderStore.StoredProvider;

/**
 * A provider as its row on the providers page shows it.
 *
 * @param callsThisMonth calls made this calendar month (UTC), cache hits aside
 */
record ProviderRow(StoredProvider provider, boolean first, boolean last, long callsThisMonth) {

  static ProviderRow of(StoredProvider provider, int index, int count, long callsThisMonth) {
    return new ProviderRow(provider, index == 0, index == count - 1, callsThisMonth);
  }

  public ProviderSettings settings() {
    return provider.settings();
  }

  public String limit() {
    int perMinute = settings().requestsPerMinute();
    return perMinute == 0 ? "no limit" : perMinute + " a minute";
  }

  public String timeout() {
    return ProviderAdministration.text(settings().timeout());
  }

  public String cacheFor() {
    return ProviderAdministration.text(settings().cacheFor());
  }

  /** {@code 120 of 1000 calls}, or the calls alone when there is no budget. */
  public String budget() {
    int budget = settings().monthlyBudget();
    String calls = callsThisMonth + (callsThisMonth == 1 ? " call" : " calls");
    return budget == 0 ? calls + ", no budget" : callsThisMonth + " of " + budget + " calls";
  }
}
