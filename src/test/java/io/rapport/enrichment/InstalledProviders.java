package io.rapport.enrichment;

import java.util.List;

/**
 * The providers of a fresh installation (V4 and V5), put back by tests that change them: the
 * application contexts of the tests share one database.
 */
public final class InstalledProviders {

  private InstalledProviders() {}

  public static void restore(ProviderStore store) {
    store.retainOnly(List.of(EmailDomainProviderType.TYPE, WebsiteProviderType.TYPE));
    store.save(row(EmailDomainProviderType.TYPE, 0, true), "default");
    store.save(row(WebsiteProviderType.TYPE, 10, true), "default");
  }

  /** A default row as the migrations insert it, enabled or not. */
  static ProviderSettings row(String type, int position, boolean enabled) {
    return new ProviderSettings(
        type,
        type,
        position,
        enabled,
        null,
        null,
        0,
        ProviderSettings.DEFAULT_TIMEOUT,
        0,
        ProviderSettings.DEFAULT_CACHE);
  }
}
