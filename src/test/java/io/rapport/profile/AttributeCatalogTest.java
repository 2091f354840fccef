package io.rapport.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.platform.testing.TestDatabase;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AttributeCatalogTest {

  private static final List<String> BUILTIN_KEYS =
      List.of(
          "city",
          "company_description",
          "company_domain",
          "company_facebook",
          "company_github",
          "company_linkedin",
          "company_logo",
          "company_name",
          "company_size",
          "company_twitter",
          "company_website",
          "country",
          "email_type",
          "family_name",
          "github",
          "given_name",
          "industry",
          "job_role",
          "job_title",
          "linkedin",
          "locale",
          "name",
          "phone_number",
          "role_address",
          "seniority",
          "twitter",
          "website");

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void builtInsArePresentWithEnglishAndGermanLabels(TestDatabase database) {
    AttributeCatalog catalog = new ProfileFixture(database.dataSource()).catalog;

    List<Attribute> all = catalog.all();

    assertThat(all).extracting(Attribute::key).containsExactlyElementsOf(BUILTIN_KEYS);
    assertThat(all).allSatisfy(attribute -> assertThat(attribute.builtin()).isTrue());
    assertThat(all)
        .allSatisfy(attribute -> assertThat(attribute.labels()).containsOnlyKeys("en", "de"));
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void builtInsKeepTheirTypesAndSensitivity(TestDatabase database) {
    AttributeCatalog catalog = new ProfileFixture(database.dataSource()).catalog;

    Attribute phone = catalog.require("phone_number");

    assertThat(phone.type()).isEqualTo(ValueType.PHONE);
    assertThat(phone.sensitivity()).isEqualTo(Sensitivity.SENSITIVE);
    assertThat(phone.label(Locale.GERMAN)).isEqualTo("Telefonnummer");
    assertThat(catalog.require("company_size").type()).isEqualTo(ValueType.NUMBER);
    assertThat(catalog.require("country").type()).isEqualTo(ValueType.COUNTRY);
    assertThat(catalog.require("website").type()).isEqualTo(ValueType.URL);
    assertThat(catalog.require("role_address").type()).isEqualTo(ValueType.BOOLEAN);
    assertThat(catalog.require("company_logo").type()).isEqualTo(ValueType.URL);
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void unknownKeysAreNotFound(TestDatabase database) {
    AttributeCatalog catalog = new ProfileFixture(database.dataSource()).catalog;

    assertThat(catalog.find("shoe_size")).isEmpty();
    assertThatThrownBy(() -> catalog.require("shoe_size"))
        .isInstanceOf(UnknownAttributeException.class)
        .hasMessageContaining("'shoe_size'");
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void defineAddsACustomAttributeAfterTheBuiltIns(TestDatabase database) {
    AttributeCatalog catalog = new ProfileFixture(database.dataSource()).catalog;

    catalog.define(custom("annual_budget", ValueType.NUMBER, Map.of("en", "Annual budget")));
    catalog.define(custom("a_first_by_key", ValueType.TEXT, Map.of("en", "First")));

    assertThat(catalog.require("annual_budget"))
        .isEqualTo(
            new Attribute(
                "annual_budget",
                ValueType.NUMBER,
                Sensitivity.PERSONAL,
                Map.of("en", "Annual budget"),
                false));
    assertThat(catalog.all())
        .extracting(Attribute::key)
        .endsWith("website", "a_first_by_key", "annual_budget");
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void defineReplacesTheWholeLabelSet(TestDatabase database) {
    AttributeCatalog catalog = new ProfileFixture(database.dataSource()).catalog;
    catalog.define(custom("team", ValueType.TEXT, Map.of("en", "Team", "de", "Team", "fr", "x")));

    catalog.define(
        new Attribute(
            "team",
            ValueType.TEXT,
            Sensitivity.PUBLIC,
            Map.of("en", " Team name ", "nl", "Ploeg"),
            false));

    Attribute team = catalog.require("team");
    assertThat(team.labels()).isEqualTo(Map.of("en", "Team name", "nl", "Ploeg"));
    assertThat(team.sensitivity()).isEqualTo(Sensitivity.PUBLIC);
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void defineChangesLabelsAndSensitivityOfABuiltIn(TestDatabase database) {
    AttributeCatalog catalog = new ProfileFixture(database.dataSource()).catalog;

    catalog.define(
        new Attribute(
            "job_role",
            ValueType.TEXT,
            Sensitivity.PUBLIC,
            Map.of("en", "Department", "de", "Abteilung"),
            true));

    Attribute role = catalog.require("job_role");
    assertThat(role.label(Locale.ENGLISH)).isEqualTo("Department");
    assertThat(role.sensitivity()).isEqualTo(Sensitivity.PUBLIC);
    assertThat(role.builtin()).isTrue();
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void defineRefusesToChangeTheTypeOfABuiltIn(TestDatabase database) {
    AttributeCatalog catalog = new ProfileFixture(database.dataSource()).catalog;
    Attribute asText =
        new Attribute(
            "company_size", ValueType.TEXT, Sensitivity.PUBLIC, Map.of("en", "Size"), true);

    assertThatThrownBy(() -> catalog.define(asText))
        .isInstanceOf(InvalidAttributeException.class)
        .hasMessageContaining("'company_size' is built-in")
        .hasMessageContaining("stays number");
    assertThat(catalog.require("company_size").label(Locale.ENGLISH))
        .isEqualTo("Company size (employees)");
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void defineChangesTheTypeOfACustomAttributeOnlyWhileItHasNoObservations(TestDatabase database) {
    ProfileFixture fixture = new ProfileFixture(database.dataSource());
    fixture.catalog.define(custom("seats", ValueType.TEXT, Map.of("en", "Seats")));
    fixture.catalog.define(custom("seats", ValueType.NUMBER, Map.of("en", "Seats")));
    fixture.service.observe(new NewObservation(fixture.newUser(), "seats", "12", Source.USER, 1));

    assertThatThrownBy(
            () -> fixture.catalog.define(custom("seats", ValueType.TEXT, Map.of("en", "Seats"))))
        .isInstanceOf(InvalidAttributeException.class)
        .hasMessageContaining("already has observations");
    assertThat(fixture.catalog.require("seats").type()).isEqualTo(ValueType.NUMBER);
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void defineRefusesANewAttributeThatClaimsToBeBuiltIn(TestDatabase database) {
    AttributeCatalog catalog = new ProfileFixture(database.dataSource()).catalog;
    Attribute claimed =
        new Attribute("vat_id", ValueType.TEXT, Sensitivity.PUBLIC, Map.of("en", "VAT"), true);

    assertThatThrownBy(() -> catalog.define(claimed))
        .isInstanceOf(InvalidAttributeException.class)
        .hasMessageContaining("cannot be added as built-in");
    assertThat(catalog.find("vat_id")).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void defineChecksKeyAndLabelsBeforeWriting(TestDatabase database) {
    AttributeCatalog catalog = new ProfileFixture(database.dataSource()).catalog;

    assertThatThrownBy(() -> catalog.define(custom("Team", ValueType.TEXT, Map.of("en", "T"))))
        .isInstanceOf(InvalidAttributeException.class)
        .hasMessageContaining("must start with a lower-case letter");
    assertThatThrownBy(() -> catalog.define(custom("x".repeat(65), ValueType.TEXT, Map.of())))
        .isInstanceOf(InvalidAttributeException.class)
        .hasMessageContaining("at most 64");
    assertThatThrownBy(() -> catalog.define(custom("team", ValueType.TEXT, Map.of("de", "T"))))
        .isInstanceOf(InvalidAttributeException.class)
        .hasMessageContaining("needs a label in English");
    assertThatThrownBy(
            () -> catalog.define(custom("team", ValueType.TEXT, Map.of("en", "T", "De", "T"))))
        .isInstanceOf(InvalidAttributeException.class)
        .hasMessageContaining("not a language tag");
    assertThatThrownBy(() -> catalog.define(custom("team", ValueType.TEXT, Map.of("en", " "))))
        .isInstanceOf(InvalidAttributeException.class)
        .hasMessageContaining("empty or longer than 200");
    assertThatThrownBy(() -> catalog.define(custom("team", null, Map.of("en", "Team"))))
        .isInstanceOf(InvalidAttributeException.class)
        .hasMessageContaining("needs both a value type and a sensitivity");
    assertThat(catalog.find("team")).isEmpty();
  }

  private static Attribute custom(String key, ValueType type, Map<String, String> labels) {
    return new Attribute(key, type, Sensitivity.PERSONAL, labels, false);
  }
}
