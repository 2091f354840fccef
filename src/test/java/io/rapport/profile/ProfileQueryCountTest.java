package io.rapport.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.platform.testing.CountingDataSource;
import io.rapport.platform.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reading a profile costs one statement however many attributes and observations it has: the
 * statements that reach the database are counted through a proxy data source.
 */
class ProfileQueryCountTest {

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void profileOfIssuesOneQueryRegardlessOfTheNumberOfAttributes(TestDatabase database) {
    CountingDataSource counting = new CountingDataSource(database.dataSource());
    ProfileFixture fixture = new ProfileFixture(counting);
    String small = fixture.newUser();
    String large = fixture.newUser();
    observeAttributes(fixture, small, 1);
    observeAttributes(fixture, large, 25);

    counting.reset();
    Profile smallProfile = fixture.service.profileOf(small);
    int smallCount = counting.count();
    counting.reset();
    Profile largeProfile = fixture.service.profileOf(large);

    assertThat(smallProfile.values()).hasSize(1);
    assertThat(largeProfile.values()).hasSize(25);
    assertThat(smallCount).isEqualTo(1);
    assertThat(counting.executed()).hasSize(1);
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void profilesOfIssuesOneQueryForManyUsers(TestDatabase database) {
    CountingDataSource counting = new CountingDataSource(database.dataSource());
    ProfileFixture fixture = new ProfileFixture(counting);
    List<String> users = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      users.add(fixture.newUser());
    }
    users.forEach(user -> observeAttributes(fixture, user, 3));

    counting.reset();
    Map<String, Profile> profiles = fixture.service.profilesOf(users);

    assertThat(profiles).hasSize(30);
    assertThat(profiles.values()).allSatisfy(profile -> assertThat(profile.values()).hasSize(3));
    assertThat(counting.executed()).hasSize(1);
  }

  /** Defines {@code count} custom attributes, each with a German label, and observes each twice. */
  private static void observeAttributes(ProfileFixture fixture, String user, int count) {
    List<NewObservation> batch = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String key = "custom_" + i;
      fixture.catalog.define(
          new Attribute(
              key, ValueType.TEXT, Sensitivity.PUBLIC, Map.of("en", key, "de", key), false));
      batch.add(new NewObservation(user, key, "inferred " + i, Source.IMPORT, 0.5));
      batch.add(new NewObservation(user, key, "declared " + i, Source.USER, 1));
    }
    fixture.service.observe(batch);
  }
}
