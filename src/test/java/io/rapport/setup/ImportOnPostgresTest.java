package io.rapport.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.identity.Application;
import io.rapport.identity.ApplicationRegistry;
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
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

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
