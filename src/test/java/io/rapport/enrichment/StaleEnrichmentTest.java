package io.rapport.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.identity.AccountService;
import io.rapport.identity.UserAccount;
import io.rapport.platform.testing.RapportAppTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/** A sign-in queues an enrichment when the last one is older than refresh-after (90 days). */
@RapportAppTest
class StaleEnrichmentTest {

  private static final String PASSWORD = "Analytical-Engine-1843";

  @Autowired AccountService accounts;
  @Autowired AuthenticationManager signIn;
  @Autowired EnrichmentJobs jobs;
  @Autowired JdbcClient jdbc;

  private UserAccount user;

  /** A user whose sign-up job has run (it is no longer queued). */
  @BeforeEach
  void enrichedUser() {
    String email = "stale-" + UUID.randomUUID() + "@acme-analytics.example";
    user = accounts.signUp(email, PASSWORD, "http://localhost", Locale.ENGLISH, "127.0.0.1");
    jdbc.sql("DELETE FROM scheduled_tasks WHERE task_instance = ?").param(user.id()).update();
  }

  @Test
  void signInAfterALongTimeQueuesAnEnrichment() {
    lookedUp(Duration.ofDays(91));

    signIn();

    assertThat(jobs.queued(user.id())).isTrue();
  }

  @Test
  void signInSoonAfterAnEnrichmentQueuesNothing() {
    lookedUp(Duration.ofDays(89));

    signIn();

    assertThat(jobs.queued(user.id())).isFalse();
  }

  @Test
  void userNeverEnrichedIsEnrichedAtTheNextSignIn() {
    signIn();

    assertThat(jobs.queued(user.id())).isTrue();
  }

  private void signIn() {
    signIn.authenticate(new UsernamePasswordAuthenticationToken(user.email(), PASSWORD));
  }

  private void lookedUp(Duration ago) {
    jdbc.sql(
            """
            INSERT INTO enrichment_lookup
              (provider_id, subject_kind, user_id, outcome, cache_hit, duration_ms, occurred_at)
            VALUES ('email-domain', 'PERSON', ?, 'MATCH', false, 0, ?)""")
        .params(user.id(), Instant.now().minus(ago).atOffset(ZoneOffset.UTC))
        .update();
  }
}
