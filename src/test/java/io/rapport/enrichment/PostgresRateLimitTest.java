package io.rapport.enrichment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rapport.identity.AccountService;
import io.rapport.identity.UserAccount;
import io.rapport.identity.UserAccounts;
import io.rapport.platform.AuditLog;
import io.rapport.platform.testing.TestApplicationInitializer;
import io.rapport.platform.testing.TestDatabases;
import io.rapport.profile.AttributeCatalog;
import io.rapport.profile.ProfileService;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A provider's {@code requests-per-minute} holds across two nodes on one PostgreSQL schema: each
 * node has its own pipeline, limits and circuit breakers, as two processes would, and they share
 * only the database. No lookup is lost to the limit, and the limit is used in full.
 */
@SpringBootTest
@ContextConfiguration(initializers = TestApplicationInitializer.class)
class PostgresRateLimitTest {

  private static final int USERS = 40;
  private static final int PER_MINUTE = 600;
  private static final int PER_SECOND = PER_MINUTE / 60;

  @Autowired EnrichmentConsent consent;
  @Autowired AccountService accounts;
  @Autowired UserAccounts userAccounts;
  @Autowired ProfileService profiles;
  @Autowired EmailDomains domains;
  @Autowired ProviderStore store;
  @Autowired LookupCache cache;
  @Autowired LookupLedger ledger;
  @Autowired AuditLog audit;
  @Autowired EnrichmentProperties properties;
  @Autowired AttributeCatalog catalog;
  @Autowired EmailDomainProviderType emailDomain;
  @Autowired EnrichmentJobs jobs;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;

  private final ConcurrentLinkedQueue<Long> callTimes = new ConcurrentLinkedQueue<>();

  @BeforeAll
  static void postgresAnswers() {
    TestDatabases.requirePostgres();
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.postgresProperties().forEach((name, value) -> registry.add(name, () -> value));
  }

  @Test
  void twoNodesTogetherKeepTheLimitLoseNoLookupAndUseTheLimitInFull() {
    store.save(
        new ProviderSettings(
            "paced",
            CountingProviderType.TYPE,
            10,
            true,
            null,
            null,
            PER_MINUTE,
            Duration.ofSeconds(5),
            0,
            Duration.ofDays(30)),
        "test");
    List<UserAccount> users = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      users.add(
          accounts.signUp(
              "person" + i + "@firm" + i + ".example",
              "Analytical-Engine-1843",
              "http://localhost",
              Locale.ENGLISH,
              "127.0.0.1"));
    }

    try (JobNodes first = new JobNodes().start(1, dataSource, node(), properties);
        JobNodes second = new JobNodes().start(1, dataSource, node(), properties)) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> users.stream().noneMatch(user -> jobs.queued(user.id())));
    }

    assertThat(
            jdbc.sql("SELECT outcome FROM enrichment_lookup WHERE provider_id = 'paced'")
                .query(String.class)
                .list())
        .as("every lookup made, none put off by the limit")
        .hasSize(USERS)
        .containsOnly("MATCH");
    List<Integer> windows =
        jdbc.sql(
                """
                SELECT calls FROM enrichment_provider_window
                WHERE provider_id = 'paced' AND window_kind = 'rate'""")
            .query(Integer.class)
            .list();
    assertThat(windows).allMatch(calls -> calls <= PER_SECOND);
    assertThat(windows.stream().mapToInt(Integer::intValue).sum()).isEqualTo(USERS);

    List<Long> times = callTimes.stream().sorted().toList();
    long span = times.getLast() - times.getFirst();
    // Four windows of ten: the first may be entered just before it closes, the last just opened.
    long fastestAllowed = (USERS / PER_SECOND - 2) * 1000L;
    long slowestPaced = (USERS / PER_SECOND - 1) * 1000L;
    System.out.printf(
        "Rate limit %d/min on two nodes: %d calls in %d ms (the limit allows %d ms at best),"
            + " at most %d calls in any second%n",
        PER_MINUTE, USERS, span, fastestAllowed, busiestSecond(times));
    assertThat(span).as("paced by the limit").isGreaterThanOrEqualTo(fastestAllowed - 50);
    assertThat(span).as("the limit used in full").isLessThan(slowestPaced + 1000);
    assertThat(busiestSecond(times)).isLessThanOrEqualTo(2 * PER_SECOND);
  }

  /** One node's enrichment: its own pipeline, limits and breakers, sharing only the database. */
  private EnrichmentPipeline node() {
    CountingProviderType paced =
        new CountingProviderType(
            Subject.COMPANY,
            lookup -> {
              callTimes.add(System.currentTimeMillis());
              return CountingProviderType.company(lookup);
            });
    ProviderLimits limits = new ProviderLimits(jdbc, Clock.systemUTC(), properties);
    return new EnrichmentPipeline(
        userAccounts,
        profiles,
        domains,
        new Providers(store, List.of(emailDomain, paced)),
        cache,
        ledger,
        new ProviderCaller(limits, new ProviderCircuits(Clock.systemUTC()), store, audit),
        properties,
        catalog,
        consent);
  }

  private static int busiestSecond(List<Long> sortedTimes) {
    int busiest = 0;
    int from = 0;
    for (int to = 0; to < sortedTimes.size(); to++) {
      while (sortedTimes.get(to) - sortedTimes.get(from) >= 1000) {
        from++;
      }
      busiest = Math.max(busiest, to - from + 1);
    }
    return busiest;
  }
}
