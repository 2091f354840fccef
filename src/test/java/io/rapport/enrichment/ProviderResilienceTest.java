package io.rapport.enrichment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.rapport.identity.AccountService;
import io.rapport.identity.UserAccount;
import io.rapport.identity.UserAccounts;
import io.rapport.platform.AuditEventType;
import io.rapport.platform.AuditLog;
import io.rapport.platform.testing.MutableClock;
import io.rapport.platform.testing.RapportAppTest;
import io.rapport.profile.AttributeCatalog;
import io.rapport.profile.ProfileService;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the pipeline does when a provider's service misbehaves: a refused key, a 429 with {@code
 * Retry-After}, a provider that hangs, one that keeps failing, and a spent budget. Services are
 * stood in for by a loopback HTTP server or by a counting provider type.
 */
@RapportAppTest
class ProviderResilienceTest {

  @Autowired EnrichmentConsent consent;
  @Autowired AccountService accounts;
  @Autowired UserAccounts userAccounts;
  @Autowired ProfileService profiles;
  @Autowired EmailDomains domains;
  @Autowired ProviderStore store;
  @Autowired LookupCache cache;
  @Autowired LookupLedger ledger;
  @Autowired ProviderLimits limits;
  @Autowired AuditLog audit;
  @Autowired EnrichmentProperties properties;
  @Autowired AttributeCatalog catalog;
  @Autowired EmailDomainProviderType emailDomain;
  @Autowired EnrichmentJobs jobs;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;

  private final MutableClock clock = new MutableClock(Instant.now());
  private final CountingProviderType companies =
      new CountingProviderType(Subject.COMPANY, CountingProviderType::company);
  private final String id = "paid-" + UUID.randomUUID().toString().substring(0, 8);
  private final AtomicInteger requests = new AtomicInteger();
  private volatile int status = 200;
  private volatile String retryAfter;
  private HttpServer server;
  private EnrichmentPipeline pipeline;

  @BeforeEach
  void companyService() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/companies",
        exchange -> {
          requests.incrementAndGet();
          byte[] body = "Acme Analytics".getBytes(StandardCharsets.UTF_8);
          if (retryAfter != null) {
            exchange.getResponseHeaders().add("Retry-After", retryAfter);
          }
          exchange.sendResponseHeaders(status, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    pipeline =
        new EnrichmentPipeline(
            userAccounts,
            profiles,
            domains,
            new Providers(store, List.of(emailDomain, companies, new HttpCompanyProviderType())),
            cache,
            ledger,
            new ProviderCaller(limits, new ProviderCircuits(clock), store, audit),
            properties,
            catalog,
            consent);
  }

  @AfterEach
  void stopService() {
    server.stop(0);
    InstalledProviders.restore(store);
  }

  @Test
  void aRefusedKeyDisablesTheProviderOnceAndTellsTheAdministrator() {
    status = 401;
    store.save(httpSettings(), "test");

    ProviderRun run = runOf(pipeline.enrich(signUp().id()).orElseThrow());
    pipeline.enrich(signUp().id());

    assertThat(run.outcome()).isEqualTo(LookupOutcome.ERROR);
    assertThat(run.result().refused()).isTrue();
    assertThat(requests).as("asked once, then left alone").hasValue(1);
    ProviderSettings stored = stored();
    assertThat(stored.enabled()).isFalse();
    assertThat(store.disabledReason(id)).contains("HTTP 401 from the service");
    assertThat(auditEvents(AuditEventType.ENRICHMENT_PROVIDER_DISABLED))
        .singleElement()
        .asString()
        .contains(id)
        .contains("HTTP 401")
        .doesNotContain("secret-key");
  }

  @Test
  void a429WithRetryAfterBringsTheJobBackWhenTheServiceSaid() {
    status = 429;
    retryAfter = "120";
    store.save(httpSettings(), "test");
    UserAccount user = signUp();
    // Jobs of other tests' sign-ups in the shared database would run against this pipeline too.
    jdbc.sql("DELETE FROM scheduled_tasks WHERE task_instance <> ?").param(user.id()).update();
    Instant before = Instant.now();

    try (JobNodes node = new JobNodes().start(1, dataSource, pipeline, properties)) {
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> executionTime(user.id()).isAfter(before.plusSeconds(100)));
    }

    assertThat(executionTime(user.id()))
        .isBetween(before.plusSeconds(119), Instant.now().plusSeconds(121));
    assertThat(requests).as("no retry within the job").hasValue(1);
    assertThat(
            jdbc.sql("SELECT outcome FROM enrichment_lookup WHERE user_id = ? AND provider_id = ?")
                .params(user.id(), id)
                .query(String.class)
                .list())
        .containsExactly("ERROR");
  }

  @Test
  void aProviderThatHangsIsGivenUpAfterItsTimeoutAndAskedAgainLater() {
    store.save(countingSettings(0, Duration.ofMillis(300)), "test");
    CountDownLatch gate = companies.hold();
    long start = System.nanoTime();

    ProviderRun run = runOf(pipeline.enrich(signUp().id()).orElseThrow());

    Duration took = Duration.ofNanos(System.nanoTime() - start);
    gate.countDown();
    assertThat(run.outcome()).isEqualTo(LookupOutcome.ERROR);
    assertThat(run.result().reason()).isEqualTo("no answer within 300 ms");
    assertThat(run.result().retryAfter()).as("worth retrying").isEqualTo(Duration.ZERO);
    assertThat(took).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void aProviderThatKeepsFailingIsLeftAloneThenTriedAgain() {
    store.save(countingSettings(0, Duration.ofSeconds(5)), "test");
    companies.answer(lookup -> LookupResult.error("HTTP 503", Duration.ZERO));
    for (int i = 0; i < ProviderCircuits.MINIMUM_CALLS; i++) {
      pipeline.enrich(signUp().id());
    }

    ProviderRun open = runOf(pipeline.enrich(signUp().id()).orElseThrow());

    assertThat(companies.calls).hasValue(ProviderCircuits.MINIMUM_CALLS);
    assertThat(open.skipped()).isEqualTo(ProviderCaller.CIRCUIT_OPEN);
    assertThat(open.result().retryAfter()).isEqualTo(ProviderCircuits.OPEN_FOR);

    clock.advance(ProviderCircuits.OPEN_FOR.plusSeconds(1));
    companies.answer(CountingProviderType::company);
    for (int i = 0; i < ProviderCircuits.TRIAL_CALLS + 1; i++) {
      assertThat(runOf(pipeline.enrich(signUp().id()).orElseThrow()).outcome())
          .isEqualTo(LookupOutcome.MATCH);
    }
    assertThat(companies.calls).hasValue(ProviderCircuits.MINIMUM_CALLS + 3);
  }

  @Test
  void aSpentMonthlyBudgetStopsCallsAndIsReportedOnce() {
    store.save(countingSettings(2, Duration.ofSeconds(5)), "test");

    List<ProviderRun> runs =
        java.util.stream.IntStream.range(0, 4)
            .mapToObj(i -> runOf(pipeline.enrich(signUp().id()).orElseThrow()))
            .toList();

    assertThat(companies.calls).hasValue(2);
    assertThat(runs)
        .extracting(ProviderRun::outcome, ProviderRun::skipped)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(LookupOutcome.MATCH, null),
            org.assertj.core.groups.Tuple.tuple(LookupOutcome.MATCH, null),
            org.assertj.core.groups.Tuple.tuple(null, ProviderCaller.BUDGET_SPENT),
            org.assertj.core.groups.Tuple.tuple(null, ProviderCaller.BUDGET_SPENT));
    assertThat(auditEvents(AuditEventType.ENRICHMENT_BUDGET_SPENT)).hasSize(1);
    assertThat(lookupsOf(id)).as("skipped lookups are not recorded").isEqualTo(2);
  }

  private ProviderRun runOf(EnrichmentRun run) {
    return run.providers().stream()
        .filter(provider -> provider.providerId().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private UserAccount signUp() {
    String email = "jane@firm-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    return accounts.signUp(
        email, "Analytical-Engine-1843", "http://localhost", Locale.ENGLISH, "127.0.0.1");
  }

  private ProviderSettings httpSettings() {
    return new ProviderSettings(
        id,
        HttpCompanyProviderType.TYPE,
        10,
        true,
        "http://127.0.0.1:" + server.getAddress().getPort(),
        "secret-key",
        0,
        Duration.ofSeconds(5),
        0,
        Duration.ofDays(30));
  }

  private ProviderSettings countingSettings(int monthlyBudget, Duration timeout) {
    return new ProviderSettings(
        id,
        CountingProviderType.TYPE,
        10,
        true,
        null,
        null,
        0,
        timeout,
        monthlyBudget,
        Duration.ofDays(30));
  }

  private ProviderSettings stored() {
    return store.list().stream()
        .filter(settings -> settings.id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private List<String> auditEvents(AuditEventType type) {
    return jdbc.sql("SELECT detail FROM audit_event WHERE event_type = ? AND detail LIKE ?")
        .params(type.name(), "%" + id + "%")
        .query(String.class)
        .list();
  }

  private int lookupsOf(String providerId) {
    return jdbc.sql("SELECT COUNT(*) FROM enrichment_lookup WHERE provider_id = ?")
        .param(providerId)
        .query(Integer.class)
        .single();
  }

  private Instant executionTime(String userId) {
    return jdbc.sql(
            "SELECT execution_time FROM scheduled_tasks WHERE task_name = ? AND task_instance = ?")
        .params(EnrichmentJobs.TASK, userId)
        .query(OffsetDateTime.class)
        .optional()
        .map(OffsetDateTime::toInstant)
        .orElse(Instant.EPOCH);
  }
}
