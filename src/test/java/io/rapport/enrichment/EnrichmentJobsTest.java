package io.rapport.enrichment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rapport.identity.AccountService;
import io.rapport.identity.UserAccount;
import io.rapport.platform.testing.RapportAppTest;
import io.rapport.profile.ProfileService;
import io.rapport.profile.Source;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A sign-up's enrichment job, run by a job runner as a node runs it, on H2. */
@RapportAppTest
class EnrichmentJobsTest {

  @Autowired AccountService accounts;
  @Autowired ProfileService profiles;
  @Autowired EnrichmentJobs jobs;
  @Autowired EnrichmentPipeline pipeline;
  @Autowired EnrichmentProperties properties;
  @Autowired DataSource dataSource;

  @Test
  void signUpIsEnrichedByAJobAndTheJobIsDoneAfterwards() {
    String email = "jane." + UUID.randomUUID() + "@acme-analytics.example";
    UserAccount user =
        accounts.signUp(
            email, "Analytical-Engine-1843", "http://localhost", Locale.ENGLISH, "127.0.0.1");
    assertThat(jobs.queued(user.id())).isTrue();

    try (JobNodes node = new JobNodes().start(1, dataSource, pipeline, properties)) {
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> profiles.profileOf(user.id()).value("email_type").isPresent());
      await().atMost(Duration.ofSeconds(20)).until(() -> !jobs.queued(user.id()));
    }

    var domain = profiles.profileOf(user.id()).values().get("company_domain");
    assertThat(domain.value()).isEqualTo("acme-analytics.example");
    assertThat(domain.effective().source()).isEqualTo(Source.enrichment("email-domain"));
  }
}
