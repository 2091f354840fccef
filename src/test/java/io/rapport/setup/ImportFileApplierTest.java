package io.rapport.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.enrichment.ConsentPolicyStore;
import io.rapport.enrichment.ProviderStore;
import io.rapport.enrichment.Providers;
import io.rapport.identity.Application;
import io.rapport.identity.ApplicationRegistry;
import io.rapport.platform.AuditLog;
import io.rapport.platform.testing.RapportAppTest;
import io.rapport.profile.AttributeCatalog;
import io.rapport.profiling.Plan;
import io.rapport.profiling.PlanStore;
import io.rapport.profiling.Policy;
import io.rapport.profiling.Question;
import io.rapport.profiling.QuestionOnlyFor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The importer against the real services and database of the shared test application. Client ids
 * and attribute keys carry a random suffix, since other test classes share the database.
 */
@RapportAppTest
class ImportFileApplierTest {

  private static final String SECRET = "a-secret-of-the-ops-tool";

  @Autowired ApplicationRegistry registry;
  @Autowired AttributeCatalog catalog;
  @Autowired PlanStore plans;
  @Autowired AuditLog audit;
  @Autowired Providers providers;
  @Autowired ProviderStore providerStore;
  @Autowired ConsentPolicyStore consentPolicies;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired JdbcClient jdbc;
  @Autowired PasswordEncoder encoder;

  @TempDir Path directory;

  private final String suffix = UUID.randomUUID().toString().substring(0, 8);

  /** Other test classes share the database: leave no plan behind that could ask them anything. */
  @AfterEach
  void removePlan() {
    plans.replace(Plan.EMPTY);
  }

  @Test
  void applyingTheSameFileTwiceKeepsOneClientEachAndTheSecretHash() throws IOException {
    Path file =
        write(
            """
            applications:
              - client-id: video-%1$s
                redirect-uris: [http://localhost:3000/callback]
              - client-id: ops-%1$s
                client-secret: ${OPS_TOOL_SECRET}
                grant-types: [client_credentials]
                scopes: [users:read]
            """);
    ImportFileApplier importer = applier(Map.of("OPS_TOOL_SECRET", SECRET));

    importer.apply(file);
    String firstHash = secretHash("ops-" + suffix);
    importer.apply(file);

    assertThat(rows("oauth2_registered_client", "video-" + suffix)).isOne();
    assertThat(rows("oauth2_registered_client", "ops-" + suffix)).isOne();
    assertThat(rows("application", "ops-" + suffix)).isOne();
    assertThat(secretHash("ops-" + suffix)).isEqualTo(firstHash);
    assertThat(encoder.matches(SECRET, firstHash)).isTrue();
    assertThat(registry.find("video-" + suffix).orElseThrow())
        .returns(false, Application::confidential)
        .returns(ApplicationRegistry.ORIGIN_IMPORT, Application::origin);
  }

  @Test
  void applicationMayClaimAnAttributeTheSameFileDefines() throws IOException {
    Path file =
        write(
            """
            applications:
              - client-id: video-%1$s
                redirect-uris: [http://localhost:3000/callback]
                claims: [company_name, colour_%1$s]
            attributes:
              - key: colour_%1$s
                type: text
                sensitivity: personal
                labels: { en: Favourite colour, de: Lieblingsfarbe }
            """);

    ImportFileApplier.ImportSummary summary = applier(Map.of()).apply(file);

    assertThat(summary).isEqualTo(new ImportFileApplier.ImportSummary(1, 1));
    assertThat(registry.claimsOf("video-" + suffix))
        .containsExactly("colour_" + suffix, "company_name");
    assertThat(catalog.require("colour_" + suffix).labels())
        .isEqualTo(Map.of("en", "Favourite colour", "de", "Lieblingsfarbe"));
  }

  @Test
  void refusedApplicationLeavesNothingOfTheFileWritten() throws IOException {
    Path file =
        write(
            """
            attributes:
              - { key: colour_%1$s, type: text, sensitivity: public, labels: { en: Colour } }
            applications:
              - client-id: video-%1$s
                redirect-uris: [http://localhost:3000/callback]
              - client-id: other-%1$s
                redirect-uris: [/callback]
            """);

    assertThatThrownBy(() -> applier(Map.of()).apply(file))
        .isInstanceOf(InvalidImportFileException.class)
        .hasMessageEndingWith(
            file
                + ":7:21: applications[1].redirect-uris[0]: '/callback' must be an absolute URI"
                + " without a fragment, such as https://app.example.com/callback");

    assertThat(registry.find("video-" + suffix)).isEmpty();
    assertThat(rows("application", "video-" + suffix)).isZero();
    assertThat(catalog.find("colour_" + suffix)).isEmpty();
    assertThat(importAudits()).isEmpty();
  }

  @Test
  void everyRefusalOfTheServicesIsReportedWithItsPlace() throws IOException {
    Path file =
        write(
            """
            attributes:
              - key: company_size
                type: text
                sensitivity: public
                labels: { en: Company size }
              - key: colour_%1$s
                type: text
                sensitivity: public
                labels: { de: Farbe }
            applications:
              - client-id: ops-%1$s
                client-secret: too-short
                grant-types: [client_credentials]
              - client-id: video-%1$s
                scopes: [openid, "bad scope"]
                redirect-uris: [http://localhost:3000/callback]
              - client-id: bare-%1$s
            """);

    InvalidImportFileException failure = failure(file, Map.of());

    assertThat(failure.problems())
        .extracting(ImportProblem::toString)
        .containsExactly(
            file
                + ":2:5: attributes[0]: Attribute 'company_size' is built-in: its type stays"
                + " number and cannot become text",
            file
                + ":6:5: attributes[1]: Attribute 'colour_"
                + suffix
                + "' needs a label in English (language 'en')",
            file + ":12:20: applications[0].client-secret: must be at least 16 characters",
            file
                + ":15:22: applications[1].scopes[1]: 'bad scope' is not a valid scope"
                + " (RFC 6749, section 3.3)",
            file
                + ":17:5: applications[2].redirect-uris: an application that signs users in"
                + " needs at least one redirect URI");
    assertThat(catalog.require("company_size").type().name()).isEqualTo("NUMBER");
  }

  @Test
  void refusalOfAValueFromAVariableShowsTheReferenceNotTheValue() throws IOException {
    Path file =
        write(
            """
            applications:
              - client-id: video-%1$s
                redirect-uris: ["${APP_URL}/callback"]
            """);

    InvalidImportFileException failure =
        failure(file, Map.of("APP_URL", "private-host.example.org"));

    assertThat(failure.problems())
        .extracting(ImportProblem::toString)
        .containsExactly(
            file
                + ":3:21: applications[0].redirect-uris[0]: '${APP_URL}/callback' must be an"
                + " absolute URI without a fragment, such as https://app.example.com/callback");
    assertThat(failure.getMessage()).doesNotContain("private-host.example.org");
  }

  @Test
  void applyingIsAuditedWithTheFileNameAndCountsButNoSecret() throws IOException {
    Path file =
        write(
            """
            applications:
              - client-id: ops-%1$s
                client-secret: ${OPS_TOOL_SECRET}
                grant-types: [client_credentials]
            """);

    applier(Map.of("OPS_TOOL_SECRET", SECRET)).apply(file);

    assertThat(importAudits())
        .containsExactly(
            "import: import file " + file.getFileName() + ": 1 applications, 0 attributes");
  }

  @Test
  void profilingPlanMayAskForAnAttributeTheSameFileDefines() throws IOException {
    Path file =
        write(
            """
            attributes:
              - { key: colour_%1$s, type: text, sensitivity: public, labels: { en: Colour } }
            profiling:
              policy: { max-questions: 1 }
              questions:
                - id: colour
                  attribute: colour_%1$s
                  input: single-choice
                  text: { en: Your favourite colour }
                  options: [{ value: blue, label: { en: Blue } }]
                  applications: [video-%1$s]
            """);

    ImportFileApplier.ImportSummary summary = applier(Map.of()).apply(file);

    assertThat(summary).isEqualTo(new ImportFileApplier.ImportSummary(0, 1, 1));
    assertThat(plans.current().policy().maxQuestions()).isEqualTo(1);
    assertThat(plans.current().questions())
        .extracting(Question::attribute)
        .containsExactly("colour_" + suffix);
    assertThat(importAudits())
        .containsExactly(
            "import: import file "
                + file.getFileName()
                + ": 0 applications, 1 attributes, a profiling plan of 1 questions");
  }

  @Test
  void refusedPlanIsReportedAtEachValueAndLeavesNothingOfTheFileWritten() throws IOException {
    Plan before =
        plans.replace(
            new Plan(Policy.DEFAULT, List.of(QuestionOnlyFor.client("before-" + suffix))));
    Path file =
        write(
            """
            attributes:
              - { key: colour_%1$s, type: text, sensitivity: public, labels: { en: Colour } }
            profiling:
              questions:
                - id: size
                  attribute: company_size
                  input: single-choice
                  text: { en: Company size }
                  options:
                    - { value: 1, label: { en: "1-10" } }
                    - { value: 11-50, label: { en: "11-50" } }
                - id: role
                  attribute: jobrole
                  input: text
                  text: { en: Role }
                - id: team
                  attribute: company_name
                  input: text
                  text: { en: Company }
                  when: { attribute: given_name }
                - id: name
                  attribute: given_name
                  input: yes-no
                  text: { en: Name }
                  when: { attribute: company_name, equals: Acme }
            """);

    InvalidImportFileException failure = failure(file, Map.of());

    assertThat(failure.problems())
        .extracting(ImportProblem::toString)
        .containsExactly(
            file
                + ":11:20: profiling.questions[0].options[1].value: '11-50' is not a value of"
                + " attribute 'company_size' (number): expected a decimal number such as 250 or"
                + " -12.5",
            file
                + ":13:18: profiling.questions[1].attribute: unknown attribute 'jobrole': the"
                + " attribute catalog defines no such key",
            file
                + ":20:26: profiling.questions[2].when.attribute: conditions form a cycle, so none"
                + " of them is asked: question 'team' asks for company_name only when given_name"
                + " is known; question 'name' asks for given_name only when company_name is known",
            file
                + ":23:14: profiling.questions[3].input: yes-no cannot ask for attribute"
                + " 'given_name' of type text; use text, email, url, phone, single-choice,"
                + " multiple-choice");
    assertThat(catalog.find("colour_" + suffix)).isEmpty();
    assertThat(plans.current()).isEqualTo(before);
    assertThat(importAudits()).isEmpty();
  }

  private ImportFileApplier applier(Map<String, Object> variables) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", variables));
    return new ImportFileApplier(
        environment,
        registry,
        catalog,
        plans,
        providers.types(),
        providerStore,
        consentPolicies,
        audit,
        transactionManager);
  }

  private InvalidImportFileException failure(Path file, Map<String, Object> variables) {
    try {
      applier(variables).apply(file);
    } catch (InvalidImportFileException e) {
      return e;
    }
    throw new AssertionError("the file was applied");
  }

  private Path write(String template) throws IOException {
    return Files.writeString(
        directory.resolve("rapport-" + suffix + ".yaml"), template.formatted(suffix));
  }

  private long rows(String table, String clientId) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE client_id = ?")
        .param(clientId)
        .query(Long.class)
        .single();
  }

  private String secretHash(String clientId) {
    return jdbc.sql("SELECT client_secret FROM oauth2_registered_client WHERE client_id = ?")
        .param(clientId)
        .query(String.class)
        .single();
  }

  /** Actor and detail of the import events about this test's file. */
  private List<String> importAudits() {
    return jdbc.sql(
            "SELECT actor, detail FROM audit_event WHERE event_type = 'IMPORT_APPLIED'"
                + " AND detail LIKE ?")
        .param("%rapport-" + suffix + ".yaml%")
        .query((rs, row) -> rs.getString("actor") + ": " + rs.getString("detail"))
        .list();
  }
}
