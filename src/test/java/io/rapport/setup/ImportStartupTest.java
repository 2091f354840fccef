package io.rapport.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.RapportApplication;
import io.rapport.identity.Application;
import io.rapport.identity.ApplicationRegistry;
import io.rapport.profiling.AcmeVideoPlan;
import io.rapport.profiling.PlanStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** Rapport started for real, as an operator starts it with {@code RAPPORT_IMPORT}. */
@ExtendWith(OutputCaptureExtension.class)
class ImportStartupTest {

  private static final String OPS_TOOL_SECRET = "the-ops-tool-secret-for-tests";

  @TempDir Path directory;

  @Test
  void invalidFileStopsTheStartNamingFileLineColumnAndReason(CapturedOutput output)
      throws IOException {
    Path file =
        Files.writeString(
            directory.resolve("bad.yaml"),
            """
            applications:
              - client-id: acme-video
                redirect-uris: http://localhost:3000/callback
            """);

    assertThatThrownBy(() -> start(file).close())
        .hasRootCauseInstanceOf(InvalidImportFileException.class)
        .rootCause()
        .hasMessageContaining(
            file + ":3:20: applications[0].redirect-uris: must be a list, not a single value");
    assertThat(output)
        .contains("Rapport could not apply the import file " + file)
        .contains("Correct the file and start again");
  }

  @Test
  void exampleFileIsAppliedBeforeTheServerTakesRequests(CapturedOutput output) throws Exception {
    try (ConfigurableApplicationContext context =
        start(Path.of("examples/acme-video/rapport.yaml"))) {
      ApplicationRegistry registry = context.getBean(ApplicationRegistry.class);

      assertThat(registry.find("acme-video").orElseThrow())
          .returns(false, Application::confidential)
          .returns(ApplicationRegistry.ORIGIN_IMPORT, Application::origin);
      assertThat(registry.claimsOf("acme-video"))
          .containsExactly("company_name", "given_name", "job_role");
      assertThat(context.getBean(PlanStore.class).current()).isEqualTo(AcmeVideoPlan.plan());
      assertThat(output)
          .contains(
              "Applied import file examples/acme-video/rapport.yaml: 2 applications, 1 attributes,"
                  + " a profiling plan of 6 questions")
          .doesNotContain(OPS_TOOL_SECRET);
      assertThat(clientCredentialsToken(context.getEnvironment().getProperty("local.server.port")))
          .contains("\"access_token\"");
    }
  }

  /**
   * Settings go in as command-line arguments: {@code application.yaml} sets the data source and the
   * import file, and it outranks the builder's default properties.
   */
  private ConfigurableApplicationContext start(Path importFile) {
    return new SpringApplicationBuilder(RapportApplication.class)
        .run(
            "--server.port=0",
            "--spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
            "--rapport.data-dir=" + directory,
            "--rapport.import-file=" + importFile,
            "--OPS_TOOL_SECRET=" + OPS_TOOL_SECRET);
  }

  private static String clientCredentialsToken(String port) throws Exception {
    String credentials =
        Base64.getEncoder()
            .encodeToString(("ops-tool:" + OPS_TOOL_SECRET).getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
            .header("Authorization", "Basic " + credentials)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build();
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      return response.body();
    }
  }
}
