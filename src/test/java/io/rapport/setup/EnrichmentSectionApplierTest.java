package io.rapport.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.enrichment.InstalledProviders;
import io.rapport.enrichment.ProviderSettings;
import io.rapport.enrichment.ProviderStore;
import io.rapport.enrichment.Providers;
import io.rapport.identity.ApplicationRegistry;
import io.rapport.platform.AuditLog;
import io.rapport.platform.testing.RapportAppTest;
import io.rapport.profile.AttributeCatalog;
import io.rapport.profiling.PlanStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The import file's {@code enrichment.providers} applied to the provider store of the shared test
 * application, with a stand-in for a paid provider type.
 */
@RapportAppTest
class EnrichmentSectionApplierTest {

  private static final String KEY = "sk-live-0123456789";

  @Autowired ApplicationRegistry registry;
  @Autowired AttributeCatalog catalog;
  @Autowired PlanStore plans;
  @Autowired Providers providers;
  @Autowired ProviderStore store;
  @Autowired AuditLog audit;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired JdbcClient jdbc;

  @TempDir Path directory;

  /** Other test classes share the database: leave the built-in default behind. */
  @AfterEach
  void restoreTheDefaultProviders() {
    InstalledProviders.restore(store);
  }

  @Test
  void theFileSetsTheProvidersInItsOrderAndApplyingItAgainChangesNothing() throws IOException {
    Path file =
        write(
            """
            enrichment:
              providers:
                - type: email-domain
                - type: paid-test
                  api-key: ${PAID_API_KEY}
                  base-url: https://staging.paid.example
                  requests-per-minute: 600
            """);

    ImportFileApplier.ImportSummary summary = applier().apply(file);
    List<ProviderSettings> first = store.list();
    applier().apply(file);

    assertThat(store.list()).isEqualTo(first);
    assertThat(first)
        .extracting(ProviderSettings::id, ProviderSettings::position, ProviderSettings::enabled)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("email-domain", 0, true),
            org.assertj.core.groups.Tuple.tuple(PaidProviderType.TYPE, 10, true));
    ProviderSettings paid = first.get(1);
    assertThat(paid.apiKey()).isEqualTo(KEY);
    assertThat(paid.baseUrl()).isEqualTo("https://staging.paid.example");
    assertThat(paid.requestsPerMinute()).isEqualTo(600);
    assertThat(paid.timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(summary.counts()).endsWith("enrichment providers [email-domain, paid-test]");
    assertThat(storedCredentials(PaidProviderType.TYPE)).doesNotContain(KEY);
    assertThat(origins()).containsOnly("import");
  }

  @Test
  void providersTheFileNoLongerNamesAreRemovedButAFileWithoutTheSectionKeepsThem()
      throws IOException {
    applier()
        .apply(
            write(
                """
                enrichment:
                  providers:
                    - { type: paid-test, api-key: "${PAID_API_KEY}" }
                    - { type: email-domain, id: domain-facts }
                """));
    List<String> afterFirst = ids();
    applier().apply(write("attributes: []\n"));

    assertThat(afterFirst).containsExactly("paid-test", "domain-facts");
    assertThat(ids()).isEqualTo(afterFirst);
  }

  @Test
  void aProviderDisabledForARefusedKeyStaysDisabledUntilTheFileGivesAnotherKey()
      throws IOException {
    Path file =
        write(
            "enrichment:\n  providers:\n    - { type: paid-test, api-key: \"${PAID_API_KEY}\" }\n");
    applier().apply(file);
    store.disable(PaidProviderType.TYPE, "HTTP 401 from the service");

    applier().apply(file);
    boolean enabledWithTheRefusedKey = store.list().getFirst().enabled();
    applier(Map.of("PAID_API_KEY", "sk-live-another-key"), file);

    assertThat(enabledWithTheRefusedKey).isFalse();
    assertThat(store.list().getFirst().enabled()).isTrue();
    assertThat(store.disabledReason(PaidProviderType.TYPE)).isEmpty();
  }

  @Test
  void anInvalidProviderStopsTheFileAndLeavesTheProvidersAsTheyWere() throws IOException {
    List<ProviderSettings> before = store.list();
    Path file =
        write(
            """
            enrichment:
              providers:
                - type: email-domain
                - type: zoominfo
                  api-key: ${PAID_API_KEY}
            """);

    assertThatThrownBy(() -> applier().apply(file))
        .isInstanceOf(InvalidImportFileException.class)
        .hasMessageContaining(
            ":4:13: enrichment.providers[1].type: unknown provider type 'zoominfo'; known types:"
                + " clearbit, email-domain, hunter, paid-test");
    assertThat(store.list()).isEqualTo(before);
  }

  private ImportFileApplier applier() {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(new MapPropertySource("test", Map.of("PAID_API_KEY", KEY)));
    return applier(environment);
  }

  private void applier(Map<String, Object> variables, Path file) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", variables));
    applier(environment).apply(file);
  }

  private ImportFileApplier applier(StandardEnvironment environment) {
    List<io.rapport.enrichment.ProviderType> types = new ArrayList<>(providers.types());
    types.add(new PaidProviderType());
    return new ImportFileApplier(
        environment, registry, catalog, plans, types, store, audit, transactionManager);
  }

  private Path write(String text) throws IOException {
    return Files.writeString(Files.createTempFile(directory, "rapport-", ".yaml"), text);
  }

  private List<String> ids() {
    return store.list().stream().map(ProviderSettings::id).toList();
  }

  private List<String> origins() {
    return jdbc.sql("SELECT origin FROM enrichment_provider").query(String.class).list();
  }

  private String storedCredentials(String providerId) {
    return jdbc.sql("SELECT credentials FROM enrichment_provider WHERE provider_id = ?")
        .param(providerId)
        .query(String.class)
        .single();
  }
}
