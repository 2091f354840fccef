package io.rapport.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.identity.ApplicationDefinition;
import io.rapport.profile.Attribute;
import io.rapport.profile.Sensitivity;
import io.rapport.profile.ValueType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportFileReaderTest {

  private static final String FILE = "rapport.yaml";

  private final Map<String, String> environment =
      Map.of("OPS_TOOL_SECRET", "s3cret-from-the-environment", "EMPTY", "");
  private final ImportFileReader reader =
      new ImportFileReader(new VariableExpander(environment::get));

  @Test
  void readsApplicationsAndAttributesWithEveryKey() {
    ImportPlan plan =
        reader.parse(
            FILE,
            """
            applications:
              - client-id: acme-video
                name: Acme Video
                redirect-uris: [http://localhost:3000/callback]
                post-logout-redirect-uris: [http://localhost:3000/]
                claims: [company_name, job_role]
              - client-id: ops-tool
                client-secret: ${OPS_TOOL_SECRET}
                grant-types: [client_credentials]
                scopes: [users:read, profiles:read]
            attributes:
              - key: favourite_colour
                type: text
                sensitivity: personal
                labels: { en: Favourite colour, de: Lieblingsfarbe }
            """);

    assertThat(plan.applications())
        .extracting(PlannedApplication::definition)
        .containsExactly(
            new ApplicationDefinition(
                "acme-video",
                "Acme Video",
                List.of("http://localhost:3000/callback"),
                List.of("http://localhost:3000/"),
                null,
                List.of(),
                List.of(),
                List.of("company_name", "job_role")),
            new ApplicationDefinition(
                "ops-tool",
                null,
                List.of(),
                List.of(),
                "s3cret-from-the-environment",
                List.of("client_credentials"),
                List.of("users:read", "profiles:read"),
                List.of()));
    assertThat(plan.attributes())
        .extracting(PlannedAttribute::attribute)
        .containsExactly(
            new Attribute(
                "favourite_colour",
                ValueType.TEXT,
                Sensitivity.PERSONAL,
                Map.of("en", "Favourite colour", "de", "Lieblingsfarbe"),
                false));
  }

  @Test
  void fileOfCommentsOnlyDeclaresNothing() {
    ImportPlan plan = reader.parse(FILE, "# nothing yet\n");

    assertThat(plan.applications()).isEmpty();
    assertThat(plan.attributes()).isEmpty();
  }

  @Test
  void unknownKeyIsReportedWithItsLineAndColumn() {
    assertProblems(
        """
        applications:
          - client-id: acme-video
            redirect-uris: [http://localhost:3000/callback]
            colour: blue
        """,
        "rapport.yaml:4:5: applications[0]: unknown key 'colour'; known keys: claims,"
            + " client-id, client-secret, grant-types, name, post-logout-redirect-uris,"
            + " redirect-uris, scopes");
  }

  @Test
  void keyWrittenWithUnderscoresIsReportedWithTheKeyMeant() {
    assertProblems(
        """
        applications:
          - client-id: acme-video
            redirect_uris: [http://localhost:3000/callback]
        """,
        "rapport.yaml:3:5: applications[0]: unknown key 'redirect_uris';"
            + " did you mean 'redirect-uris'?");
  }

  @Test
  void unknownTopLevelKeyIsReported() {
    assertProblems(
        "application: []\n",
        "rapport.yaml:1:1: unknown key 'application'; known keys: applications, attributes,"
            + " enrichment, profiling");
  }

  @Test
  void singleValueWhereAListIsExpectedIsReported() {
    assertProblems(
        """
        applications:
          - client-id: acme-video
            redirect-uris: http://localhost:3000/callback
        """,
        "rapport.yaml:3:20: applications[0].redirect-uris: must be a list, not a single value");
  }

  @Test
  void listWhereASingleValueIsExpectedIsReported() {
    assertProblems(
        """
        applications:
          - client-id: [acme-video]
        """,
        "rapport.yaml:2:16: applications[0].client-id: must be a single value, not a list");
  }

  @Test
  void entryThatIsNotAMappingIsReported() {
    assertProblems(
        """
        applications:
          - acme-video
        attributes: { key: colour }
        """,
        "rapport.yaml:2:5: applications[0]: must be a mapping of keys to values,"
            + " not a single value",
        "rapport.yaml:3:13: attributes: must be a list, not a mapping");
  }

  @Test
  void missingRequiredKeysAreReportedAtTheirEntry() {
    assertProblems(
        """
        applications:
          - name: Acme Video
        attributes:
          - key: favourite_colour
            type:
        """,
        "rapport.yaml:2:5: applications[0]: missing key 'client-id'",
        "rapport.yaml:4:5: attributes[0]: missing key 'sensitivity'",
        "rapport.yaml:4:5: attributes[0]: missing key 'labels'",
        "rapport.yaml:5:10: attributes[0].type: needs a value");
  }

  @Test
  void emptyListItemIsReported() {
    assertProblems(
        """
        applications:
          - client-id: acme-video
            redirect-uris:
              - http://localhost:3000/callback
              -
        """,
        "rapport.yaml:5:8: applications[0].redirect-uris[1]: must not be empty");
  }

  @Test
  void unknownTypeAndSensitivityAreReportedWithTheChoices() {
    assertProblems(
        """
        attributes:
          - key: favourite_colour
            type: colour
            sensitivity: Personal
            labels: { en: Favourite colour }
        """,
        "rapport.yaml:3:11: attributes[0].type: 'colour' is not one of text, number, date,"
            + " boolean, email, url, phone, country",
        "rapport.yaml:4:18: attributes[0].sensitivity: 'Personal' is not one of public,"
            + " personal, sensitive");
  }

  @Test
  void duplicateKeyInAMappingIsReportedAtItsSecondOccurrence() {
    assertProblems(
        """
        applications:
          - client-id: acme-video
            name: Acme
            redirect-uris: [http://localhost:3000/callback]
            name: Acme Video
        """,
        "rapport.yaml:5:5: applications[0]: key 'name' appears twice; the first is at line 3");
  }

  @Test
  void duplicateLanguageInLabelsIsReported() {
    assertProblems(
        """
        attributes:
          - key: favourite_colour
            type: text
            sensitivity: personal
            labels: { en: Favourite colour, en: Favorite color }
        """,
        "rapport.yaml:5:37: attributes[0].labels: key 'en' appears twice;"
            + " the first is at line 5");
  }

  @Test
  void duplicateClientIdsAndAttributeKeysAreReported() {
    assertProblems(
        """
        applications:
          - client-id: acme-video
            redirect-uris: [http://localhost:3000/callback]
          - client-id: acme-video
            redirect-uris: [http://localhost:4000/callback]
        attributes:
          - { key: colour, type: text, sensitivity: public, labels: { en: Colour } }
          - { key: colour, type: text, sensitivity: public, labels: { en: Color } }
        """,
        "rapport.yaml:4:16: applications[1].client-id: client id 'acme-video' is declared twice;"
            + " the first is at line 2",
        "rapport.yaml:8:12: attributes[1].key: key 'colour' is declared twice;"
            + " the first is at line 7");
  }

  @Test
  void variablesAreExpandedWithDefaultsAndEscapes() {
    ImportPlan plan =
        reader.parse(
            FILE,
            """
            applications:
              - client-id: ops-tool
                name: "Ops $${NOT_EXPANDED} ${UNSET:-tool} ${EMPTY:-for ops}${EMPTY}"
                client-secret: ${OPS_TOOL_SECRET}
                grant-types: [client_credentials]
            """);

    ApplicationDefinition definition = plan.applications().getFirst().definition();
    assertThat(definition.name()).isEqualTo("Ops ${NOT_EXPANDED} tool for ops");
    assertThat(definition.clientSecret()).isEqualTo("s3cret-from-the-environment");
  }

  @Test
  void undefinedVariableIsReportedWithItsNameAndPlace() {
    assertProblems(
        """
        applications:
          - client-id: ops-tool
            client-secret: ${OPS_TOOL_SECRT}
            grant-types: [client_credentials]
        """,
        "rapport.yaml:3:20: applications[0].client-secret: environment variable OPS_TOOL_SECRT"
            + " is not set; set it, or give a default with ${OPS_TOOL_SECRT:-default}");
  }

  @Test
  void keysAreNotExpanded() {
    assertProblems(
        """
        applications:
          - client-id: acme-video
            ${OPS_TOOL_SECRET}: x
        """,
        "rapport.yaml:3:5: applications[0]: unknown key '${OPS_TOOL_SECRET}'; known keys:"
            + " claims, client-id, client-secret, grant-types, name, post-logout-redirect-uris,"
            + " redirect-uris, scopes");
  }

  @Test
  void expandedValuesNeverAppearInMessages() {
    InvalidImportFileException failure =
        failure(
            """
            attributes:
              - key: favourite_colour
                type: ${OPS_TOOL_SECRET}
                sensitivity: personal
                labels: { en: Favourite colour }
            """);

    assertThat(failure.getMessage())
        .contains("'${OPS_TOOL_SECRET}' is not one of")
        .doesNotContain("s3cret");
  }

  @Test
  void multipleProblemsAreReportedTogetherInFileOrder() {
    InvalidImportFileException failure =
        failure(
            """
            attributes:
              - key: favourite_colour
                type: text
                sensitivity: personal
                labels: { en: Favourite colour }
                lable: oops
            applications:
              - client-id: acme-video
                redirect-uris: http://localhost:3000/callback
              - client-id: ops-tool
                client-secret: ${MISSING}
            """);

    assertThat(failure.getMessage())
        .isEqualTo(
            """
            Rapport could not apply the import file rapport.yaml (RAPPORT-IMPORT-001, 3 problems):
            rapport.yaml:6:5: attributes[0]: unknown key 'lable'; known keys: key, labels,\
             sensitivity, type
            rapport.yaml:9:20: applications[0].redirect-uris: must be a list, not a single value
            rapport.yaml:11:20: applications[1].client-secret: environment variable MISSING is\
             not set; set it, or give a default with ${MISSING:-default}""");
  }

  @Test
  void syntaxErrorIsReportedWithItsPosition() {
    assertProblems(
        """
        applications:
          - client-id: acme-video
           name: Acme Video
        """,
        "rapport.yaml:3:4: while parsing a block collection: expected <block end>, but found"
            + " '<block mapping start>'");
  }

  @Test
  void secondDocumentIsRefused() {
    assertProblems(
        "applications: []\n---\nattributes: []\n",
        "rapport.yaml:2:1: expected a single document in the stream: but found another"
            + " document");
  }

  @Test
  void aliasesAndMergeKeysAreResolved() {
    ImportPlan plan =
        reader.parse(
            FILE,
            """
            applications:
              - &video
                client-id: acme-video
                redirect-uris: &callbacks [http://localhost:3000/callback]
                claims: [company_name]
              - <<: *video
                client-id: acme-video-staging
                post-logout-redirect-uris: *callbacks
            """);

    ApplicationDefinition staging = plan.applications().get(1).definition();
    assertThat(staging.clientId()).isEqualTo("acme-video-staging");
    assertThat(staging.redirectUris()).containsExactly("http://localhost:3000/callback");
    assertThat(staging.postLogoutRedirectUris()).containsExactly("http://localhost:3000/callback");
    assertThat(staging.claims()).containsExactly("company_name");
  }

  @Test
  void topLevelThatIsNotAMappingIsReported() {
    assertProblems(
        "- client-id: acme-video\n",
        "rapport.yaml:1:1: must be a mapping of keys to values, not a list");
  }

  @Test
  void missingFileIsReportedWithTheAbsolutePath(@TempDir Path directory) {
    Path missing = directory.resolve("missing.yaml");

    assertThatThrownBy(() -> reader.read(missing))
        .isInstanceOf(InvalidImportFileException.class)
        .hasMessageEndingWith(missing + ": file not found (looked for " + missing + ")");
  }

  @Test
  void fileOverOneMebibyteIsRefused(@TempDir Path directory) throws IOException {
    Path large = Files.writeString(directory.resolve("large.yaml"), "#".repeat(1024 * 1024 + 1));

    assertThatThrownBy(() -> reader.read(large))
        .isInstanceOf(InvalidImportFileException.class)
        .hasMessageEndingWith(large + ": is 1048577 bytes; an import file may have at most 1 MiB");
  }

  @Test
  void fileIsReadFromDisk(@TempDir Path directory) throws IOException {
    Path file = Files.writeString(directory.resolve(FILE), "attributes:\n  - key: [x]\n  - oops\n");

    assertThat(failure(file).problems())
        .extracting(ImportProblem::toString)
        .containsExactly(
            file + ":2:5: attributes[0]: missing key 'type'",
            file + ":2:5: attributes[0]: missing key 'sensitivity'",
            file + ":2:5: attributes[0]: missing key 'labels'",
            file + ":2:10: attributes[0].key: must be a single value, not a list",
            file + ":3:5: attributes[1]: must be a mapping of keys to values, not a single value");
  }

  private void assertProblems(String yaml, String... expected) {
    assertThat(failure(yaml).problems())
        .extracting(ImportProblem::toString)
        .containsExactly(expected);
  }

  private InvalidImportFileException failure(String yaml) {
    try {
      reader.parse(FILE, yaml);
    } catch (InvalidImportFileException e) {
      return e;
    }
    throw new AssertionError("the file was accepted");
  }

  private InvalidImportFileException failure(Path file) {
    try {
      reader.read(file);
    } catch (InvalidImportFileException e) {
      return e;
    }
    throw new AssertionError("the file was accepted");
  }
}
