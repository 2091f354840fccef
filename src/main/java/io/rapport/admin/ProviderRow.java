package io.rapport.admin;

import io.rapport.enrichment.ProviderSettings;
import io.rapport.enrichment.ProviderStore.StoredProvider;
import org.springframework.boot.convert.DurationStyle;

/**
 * A provider as its row on the providers page shows it.
 *
 * @param callsThisMonth calls made this calendar month (UTC), cache hits aside
 */
record ProviderRow(StoredProvider provider, boolean first, boolean last, long callsThisMonth) {

  static ProviderRow of(StoredProvider provider, int index, int count, long callsThisMonth) {
    return new ProviderRow(provider, index == 0, index == count - 1, callsThisMonth);
  }

  ProviderSettings settings() {
    return provider.settings();
  }

  String limit() {
    int perMinute = settings().requestsPerMinute();
    return perMinute == 0 ? "no limit" : perMinute + " a minute";
  }

  String timeout() {
    return DurationStyle.SIMPLE.print(settings().timeout());
  }

  String cacheFor() {
    return DurationStyle.SIMPLE.print(settings().cacheFor());
  }

  /** {@code 120 of 1000 calls}, or the calls alone when there is no budget. */
  String budget() {
    int budget = settings().monthlyBudget();
    return budget == 0
        ? callsThisMonth + " calls, no budget"
        : callsThisMonth + " of " + budget + " calls";
  }
}
