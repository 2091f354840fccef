package io.rapport.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.platform.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProfileServiceTest {

  private static final Source CLEARBIT = Source.enrichment("clearbit");
  private static final Source HUNTER = Source.enrichment("hunter");

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void observeStoresTheNormalisedValueWithTheClocksTime(TestDatabase database) {
    ProfileFixture fixture = new ProfileFixture(database.dataSource());
    String user = fixture.newUser();

    Observation stored =
        fixture.service.observe(
            new NewObservation(user, "phone_number", "+49 30 123-456", Source.USER, 0.5));

    assertThat(stored.value()).isEqualTo("+4930123456");
    assertThat(stored.confidence()).isEqualTo(1.0);
    assertThat(stored.observedAt()).isEqualTo(ProfileFixture.START);
    assertThat(fixture.service.profileOf(user).values().get("phone_number").effective())
        .isEqualTo(stored);
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void observeAppendsHistoryAndNeverOverwrites(TestDatabase database) {
    ProfileFixture fixture = new ProfileFixture(database.dataSource());
    String user = fixture.newUser();

    Observation first = observe(fixture, user, "job_title", "Engineer", Source.USER, 1);
    fixture.clock.advance(Duration.ofDays(30));
    Observation second = observe(fixture, user, "job_title", "Engineering Manager", Source.USER, 1);

    ProfileValue title = fixture.service.profileOf(user).values().get("job_title");
    assertThat(title.value()).isEqualTo("Engineering Manager");
    assertThat(title.observations()).containsExactly(second, first);
    assertThat(fixture.observationCount()).isEqualTo(2);
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void declaredValueBeatsInferredValueOfHigherConfidence(TestDatabase database) {
    ProfileFixture fixture = new ProfileFixture(database.dataSource());
    String user = fixture.newUser();

    observe(fixture, user, "company_size", "50", Source.USER, 1);
    fixture.clock.advance(Duration.ofDays(1));
    observe(fixture, user, "company_size", "5000", CLEARBIT, 1.0);

    assertThat(fixture.service.profileOf(user).value("company_size")).contains("50");
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void inferredValuesAreChosenByConfidenceThenTime(TestDatabase database) {
    ProfileFixture fixture = new ProfileFixture(database.dataSource());
    String user = fixture.newUser();

    observe(fixture, user, "industry", "Software", CLEARBIT, 0.9);
    fixture.clock.advance(Duration.ofDays(1));
    observe(fixture, user, "industry", "Media", HUNTER, 0.6);
    observe(fixture, user, "company_name", "Acme", CLEARBIT, 0.7);
    fixture.clock.advance(Duration.ofDays(1));
    observe(fixture, user, "company_name", "Acme Corp", HUNTER, 0.7);

    Profile profile = fixture.service.profileOf(user);
    assertThat(profile.value("industry")).contains("Software");
    assertThat(profile.value("company_name")).contains("Acme Corp");
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void profileListsAttributesInCatalogOrderWithTypedValues(TestDatabase database) {
    ProfileFixture fixture = new ProfileFixture(database.dataSource());
    fixture.catalog.define(
        new Attribute(
            "beta_tester", ValueType.BOOLEAN, Sensitivity.PUBLIC, Map.of("en", "Beta"), false));
    String user = fixture.newUser();

    observe(fixture, user, "beta_tester", "TRUE", Source.ADMIN, 1);
    observe(fixture, user, "country", "de", Source.USER, 1);
    observe(fixture, user, "company_size", "2.5E+2", Source.IMPORT, 0.8);

    Profile profile = fixture.service.profileOf(user);
    assertThat(profile.values()).containsOnlyKeys("company_size", "country", "beta_tester");
    assertThat(profile.values().keySet()).containsExactly("company_size", "country", "beta_tester");
    assertThat(profile.values().get("company_size").typedValue()).isEqualTo(250L);
    assertThat(profile.values().get("beta_tester").typedValue()).isEqualTo(true);
    assertThat(profile.value("country")).contains("DE");
    assertThat(profile.values().get("country").attribute().labels()).containsKeys("en", "de");
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void profileOfAUserWithNothingIsEmpty(TestDatabase database) {
    ProfileFixture fixture = new ProfileFixture(database.dataSource());
    String user = fixture.newUser();

    Profile profile = fixture.service.profileOf(user);

    assertThat(profile.userId()).isEqualTo(user);
    assertThat(profile.values()).isEmpty();
    assertThat(profile.value("name")).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void profilesOfReadsSeveralUsersInTheOrderGiven(TestDatabase database) {
    ProfileFixture fixture = new ProfileFixture(database.dataSource());
    String ada = fixture.newUser();
    String grace = fixture.newUser();
    String nobody = fixture.newUser();
    observe(fixture, ada, "given_name", "Ada", Source.USER, 1);
    observe(fixture, grace, "given_name", "Grace", Source.USER, 1);
    observe(fixture, grace, "job_role", "Engineering", CLEARBIT, 0.7);

    Map<String, Profile> profiles = fixture.service.profilesOf(List.of(nobody, grace, ada, grace));

    assertThat(profiles.keySet()).containsExactly(nobody, grace, ada);
    assertThat(profiles.get(ada).values().keySet()).containsExactly("given_name");
    assertThat(profiles.get(ada).value("given_name")).contains("Ada");
    assertThat(profiles.get(grace).value("job_role")).contains("Engineering");
    assertThat(profiles.get(nobody).values()).isEmpty();
    assertThat(fixture.service.profilesOf(List.of())).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void batchIsStoredWhole(TestDatabase database) {
    ProfileFixture fixture = new ProfileFixture(database.dataSource());
    String user = fixture.newUser();

    List<Observation> stored =
        fixture.service.observe(
            List.of(
                new NewObservation(user, "company_name", "Acme", CLEARBIT, 0.9),
                new NewObservation(user, "company_domain", "acme.example", CLEARBIT, 0.9),
                new NewObservation(user, "website", "https://acme.example/", CLEARBIT, 0.8)));

    assertThat(stored)
        .extracting(Observation::attributeKey)
        .containsExactly("company_name", "company_domain", "website");
    assertThat(stored).extracting(Observation::id).doesNotHaveDuplicates();
    assertThat(fixture.service.profileOf(user).values()).hasSize(3);
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void batchWithOneInvalidValueWritesNothing(TestDatabase database) {
    ProfileFixture fixture = new ProfileFixture(database.dataSource());
    String user = fixture.newUser();
    List<NewObservation> batch =
        List.of(
            new NewObservation(user, "company_name", "Acme", CLEARBIT, 0.9),
            new NewObservation(user, "country", "Atlantis", CLEARBIT, 0.9));

    assertThatThrownBy(() -> fixture.service.observe(batch))
        .isInstanceOf(InvalidObservationException.class)
        .hasMessageStartingWith("Observation 2 of 2: Attribute 'country'")
        .hasMessageNotContaining("Atlantis");
    assertThat(fixture.observationCount()).isZero();
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void batchWithAnUnknownAttributeWritesNothing(TestDatabase database) {
    ProfileFixture fixture = new ProfileFixture(database.dataSource());
    String user = fixture.newUser();
    List<NewObservation> batch =
        List.of(
            new NewObservation(user, "company_name", "Acme", CLEARBIT, 0.9),
            new NewObservation(user, "shoe_size", "44", CLEARBIT, 0.9));

    assertThatThrownBy(() -> fixture.service.observe(batch))
        .isInstanceOf(UnknownAttributeException.class)
        .hasMessageContaining("'shoe_size'");
    assertThat(fixture.observationCount()).isZero();
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void batchForAMissingUserWritesNothing(TestDatabase database) {
    ProfileFixture fixture = new ProfileFixture(database.dataSource());
    String user = fixture.newUser();
    List<NewObservation> batch =
        List.of(
            new NewObservation(user, "company_name", "Acme", CLEARBIT, 0.9),
            new NewObservation("no-such-user", "company_name", "Acme", CLEARBIT, 0.9));

    assertThatThrownBy(() -> fixture.service.observe(batch))
        .isInstanceOf(InvalidObservationException.class)
        .hasMessageContaining("No user with id 'no-such-user'");
    assertThat(fixture.observationCount()).isZero();
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void observeOfAnInvalidValueWritesNothingAndNamesTheAttribute(TestDatabase database) {
    ProfileFixture fixture = new ProfileFixture(database.dataSource());
    String user = fixture.newUser();
    NewObservation observation =
        new NewObservation(user, "linkedin", "linkedin.com/in/ada", Source.USER, 1);

    assertThatThrownBy(() -> fixture.service.observe(observation))
        .isInstanceOf(InvalidObservationException.class)
        .hasMessage(
            "Attribute 'linkedin' (url) expects an absolute http or https URL such as"
                + " https://example.com/; the value given is not");
    assertThat(fixture.observationCount()).isZero();
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void observeOfNothingIsRefusedClearly(TestDatabase database) {
    ProfileFixture fixture = new ProfileFixture(database.dataSource());

    assertThatThrownBy(() -> fixture.service.observe((NewObservation) null))
        .isInstanceOf(InvalidObservationException.class)
        .hasMessage("No observation given");
    assertThat(fixture.service.observe(List.of())).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void confidenceAndTimeSurviveTheRoundTrip(TestDatabase database) {
    ProfileFixture fixture = new ProfileFixture(database.dataSource());
    String user = fixture.newUser();
    fixture.clock.advance(Duration.ofNanos(123_456_789));

    Observation stored = observe(fixture, user, "seniority", "Senior", HUNTER, 0.8765);

    Observation read = fixture.service.profileOf(user).values().get("seniority").effective();
    assertThat(read).isEqualTo(stored);
    assertThat(read.confidence()).isEqualTo(0.877);
    assertThat(read.observedAt()).isEqualTo(ProfileFixture.START.plusNanos(123_456_000));
  }

  private static Observation observe(
      ProfileFixture fixture,
      String user,
      String key,
      String value,
      Source source,
      double confidence) {
    return fixture.service.observe(new NewObservation(user, key, value, source, confidence));
  }
}
