package io.rapport.enrichment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rapport.identity.AccountService;
import io.rapport.identity.UserAccount;
import io.rapport.platform.testing.TestApplicationInitializer;
import io.rapport.platform.testing.TestDatabases;
import io.rapport.profile.ProfileService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Enrichment jobs on PostgreSQL, the production store: queued while no node runs them (as across a
 * restart), then run by two nodes at once, each job by one of them only.
 */
@SpringBootTest
@ContextConfiguration(initializers = TestApplicationInitializer.class)
class PostgresEnrichmentJobsTest {

  private static final int USERS = 40;

  @Autowired AccountService accounts;
  @Autowired ProfileService profiles;
  @Autowired EnrichmentJobs jobs;
  @Autowired EnrichmentPipeline pipeline;
  @Autowired EnrichmentProperties properties;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.postgresProperties().forEach((name, value) -> registry.add(name, () -> value));
  }

  @Test
  void queuedJobsSurviveUntilANodeRunsThemAndTwoNodesRunEachOnce() {
    List<UserAccount> users = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      users.add(
          accounts.signUp(
              "person" + i + "@firm" + (i % 4) + ".example",
              "Analytical-Engine-1843",
              "http://localhost",
              Locale.ENGLISH,
              "127.0.0.1"));
    }
    assertThat(users).allMatch(user -> jobs.queued(user.id()));

    try (JobNodes nodes = new JobNodes().start(2, dataSource, pipeline, properties)) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> users.stream().noneMatch(user -> jobs.queued(user.id())));
    }

    assertThat(users)
        .allSatisfy(
            user ->
                assertThat(profiles.profileOf(user.id()).value("email_type")).contains("company"));
    assertThat(
            jdbc.sql(
                    """
                    SELECT COUNT(*) FROM enrichment_lookup
                    WHERE provider_id = 'email-domain'
                    GROUP BY user_id HAVING COUNT(*) > 1""")
                .query(Integer.class)
                .list())
        .as("users enriched more than once")
        .isEmpty();
    assertThat(
            jdbc.sql(
                    """
                    SELECT provider_id, COUNT(*) FROM enrichment_lookup GROUP BY provider_id
                    ORDER BY provider_id""")
                .query((row, number) -> row.getString(1) + "=" + row.getInt(2))
                .list())
        .as("one lookup per user and default provider")
        .containsExactly("email-domain=" + USERS, "website=" + USERS);
  }
}
