package io.rapport.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.enrichment.ConsentPolicyStore;
import io.rapport.enrichment.ProviderSettings;
import io.rapport.enrichment.ProviderStore;
import io.rapport.enrichment.ProviderType;
import io.rapport.enrichment.Providers;
import io.rapport.identity.Application;
import io.rapport.identity.ApplicationRegistry;
import io.rapport.platform.AuditLog;
import io.rapport.platform.testing.TestDatabases;
import io.rapport.profile.AttributeCatalog;
import io.rapport.profiling.AcmeVideoPlan;
import io.rapport.profiling.PlanStore;
import io.rapport.profiling.Question;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The import's SQL on PostgreSQL: at start-up with the example file, and applied directly. A mock
 * web environment rather than none, because the security chains need a servlet application; no
 * server is started either way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
class ImportOnPostgresTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) throws IOException {
    TestDatabases.postgresProperties().forEach((name, value) -> registry.add(name, () -> value));
    Path dataDirectory = Files.createTempDirectory("rapport-import-pg-");
    dataDirectory.toFile().deleteOnExit();
    registry.add("rapport.data-dir", dataDirectory::toString);
    registry.add("rapport.import-file", () -> EXAMPLE);
    registry.add("OPS_TOOL_SECRET", () -> "the-ops-tool-secret-on-postgres");
  }

  private static final String EXAMPLE = "examples/acme-video/rapport.yaml";

  @Autowired ImportFileApplier applier;
  @Autowired PlanStore plans;
  @Autowired ApplicationRegistry registry;
  @Autowired AttributeCatalog catalog;
  @Autowired JdbcClient jdbc;
  @Autowired Providers providers;
  @Autowired ProviderStore providerStore;
  @Autowired ConsentPolicyStore consentPolicies;
  @Autowired AuditLog audit;
  @Autowired PlatformTransactionManager transactionManager;

  @TempDir Path directory;

  private final String suffix = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void exampleFileIsAppliedAtStart() {
    assertThat(registry.find("acme-video").orElseThrow().claims())
        .containsExactly("company_name", "given_name", "job_role");
    assertThat(registry.find("ops-tool").orElseThrow())
        .returns(true, Application::confidential)
        .returns(List.of("client_credentials"), Application::grantTypes)
        .returns(List.of("profiles:read", "users:read"), Application::scopes);
    assertThat(catalog.require("use_case").label(java.util.Locale.GERMAN))
        .isEqualTo("Einsatz von Acme Video");
    assertThat(providerStore.list())
        .extracting(ProviderSettings::id)
        .containsExactly("email-domain", "website");
  }

  @Test
  void enrichmentProvidersAreStoredAndAKeyRefusedStaysRefused() throws IOException {
    Path file =
        write(
            """
            enrichment:
              providers:
                - type: email-domain
                - { type: paid-test, id: paid-%1$s, api-key: "${PAID_KEY}", monthly-budget: 100 }
            """);
    ImportFileApplier withPaid = applierWith(Map.of("PAID_KEY", "sk-live-on-postgres"));

    withPaid.apply(file);
    providerStore.disable("paid-" + suffix, "HTTP 403 from the service");
    withPaid.apply(file);

    ProviderSettings paid = providerStore.list().get(1);
    assertThat(paid.id()).isEqualTo("paid-" + suffix);
    assertThat(paid.apiKey()).isEqualTo("sk-live-on-postgres");
    assertThat(paid.monthlyBudget()).isEqualTo(100);
    assertThat(paid.enabled()).isFalse();
    assertThat(providerStore.disabledReason(paid.id())).contains("HTTP 403 from the service");

    applier.apply(Path.of(EXAMPLE));
    assertThat(providerStore.list())
        .extracting(ProviderSettings::id)
        .containsExactly("email-domain", "website");
  }

  private ImportFileApplier applierWith(Map<String, Object> variables) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", variables));
    List<ProviderType> types = new ArrayList<>(providers.types());
    types.add(new PaidProviderType());
    return new ImportFileApplier(
        environment,
        registry,
        catalog,
        plans,
        types,
        providerStore,
        consentPolicies,
        audit,
        transactionManager);
  }

  @Test
  void applyingAgainChangesNothingAndARefusalWritesNothing() throws IOException {
    String hash = secretHash("ops-tool");
    applier.apply(Path.of(EXAMPLE));
    assertThat(secretHash("ops-tool")).isEqualTo(hash);
    assertThat(plans.current()).isEqualTo(AcmeVideoPlan.plan());
    assertThat(registry.list()).filteredOn(app -> app.clientId().equals("ops-tool")).hasSize(1);

    Path invalid =
        write(
            """
            attributes:
              - { key: colour_%1$s, type: text, sensitivity: public, labels: { en: Colour } }
            applications:
              - { client-id: video-%1$s, redirect-uris: [http://localhost:3000/callback] }
              - { client-id: other-%1$s, redirect-uris: [http://localhost:3000/#fragment] }
            """);
    assertThatThrownBy(() -> applier.apply(invalid))
        .isInstanceOf(InvalidImportFileException.class)
        .hasMessageContaining(":5:50: applications[1].redirect-uris[0]:");
    assertThat(registry.find("video-" + suffix)).isEmpty();
    assertThat(catalog.find("colour_" + suffix)).isEmpty();
    assertThat(plans.current()).isEqualTo(AcmeVideoPlan.plan());
  }

  /** Nodes started together apply the same file at the same moment. */
  @Test
  void concurrentAppliesOfTheSameFileBothSucceed() throws Exception {
    for (int round = 0; round < 3; round++) {
      Path file =
          write(
              """
              attributes:
                - { key: colour_%1$s_%2$d, type: text, sensitivity: public, labels: { en: C } }
              applications:
                - client-id: video-%1$s-%2$d
                  redirect-uris: [http://localhost:3000/callback]
                  claims: [colour_%1$s_%2$d]
              profiling:
                questions:
                  - id: colour
                    attribute: colour_%1$s_%2$d
                    input: text
                    text: { en: 'Your favourite colour?' }
                    applications: [video-%1$s-%2$d]
              """
                  .formatted(suffix, round)
                  .replace("%", "%%"));

      applyTwiceAtOnce(file);

      assertThat(registry.claimsOf("video-" + suffix + "-" + round)).hasSize(1);
      assertThat(plans.current().questions())
          .extracting(Question::attribute)
          .containsExactly("colour_" + suffix + "_" + round);
    }
  }

  private void applyTwiceAtOnce(Path file) throws Exception {
    CyclicBarrier together = new CyclicBarrier(2);
    try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
      List<Future<ImportFileApplier.ImportSummary>> results = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        results.add(
            threads.submit(
                () -> {
                  together.await();
                  return applier.apply(file);
                }));
      }
      for (Future<ImportFileApplier.ImportSummary> result : results) {
        assertThat(result.get()).isEqualTo(new ImportFileApplier.ImportSummary(1, 1, 1));
      }
    }
  }

  private Path write(String template) throws IOException {
    return Files.writeString(
        directory.resolve("rapport-" + UUID.randomUUID() + ".yaml"), template.formatted(suffix));
  }

  private String secretHash(String clientId) {
    return jdbc.sql("SELECT client_secret FROM oauth2_registered_client WHERE client_id = ?")
        .param(clientId)
        .query(String.class)
        .single();
  }
}
