package io.rapport.profiling;

import io.rapport.identity.UserAccounts;
import io.rapport.platform.testing.MutableClock;
import io.rapport.profile.Attribute;
import io.rapport.profile.AttributeCatalog;
import io.rapport.profile.ProfileService;
import io.rapport.profile.Sensitivity;
import io.rapport.profile.ValueType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The profiling feature wired by hand over one data source, with a clock the test moves. */
final class ProfilingFixture {

  static final Instant START = Instant.parse("2026-02-02T10:00:00Z");

  final MutableClock clock = new MutableClock(START);
  final DataSourceTransactionManager transactions;
  final JdbcClient jdbc;
  final AttributeCatalog catalog;
  final ProfileService profiles;
  final PlanStore plans;

  ProfilingFixture(DataSource dataSource) {
    transactions = new DataSourceTransactionManager(dataSource);
    jdbc = JdbcClient.create(dataSource);
    catalog = new AttributeCatalog(jdbc, transactions);
    profiles = new ProfileService(jdbc, catalog, clock, transactions);
    plans = new PlanStore(jdbc, catalog, clock, transactions);
  }

  /** Defines the company attribute the Acme Video plan asks for. */
  ProfilingFixture withAcmeAttributes() {
    catalog.define(
        new Attribute(
            "use_case", ValueType.TEXT, Sensitivity.PUBLIC, Map.of("en", "Use case"), false));
    return this;
  }

  /** Adds a minimal user account with the login count, and returns its id. */
  String newUser(int logins) {
    String id = UUID.randomUUID().toString();
    jdbc.sql("INSERT INTO user_account (id, email, created_at, logins_count) VALUES (?, ?, ?, ?)")
        .params(id, id + "@example.com", clock.instant().atOffset(ZoneOffset.UTC), logins)
        .update();
    return id;
  }

  /** The user signs in once more. */
  void login(String userId) {
    jdbc.sql("UPDATE user_account SET logins_count = logins_count + 1 WHERE id = ?")
        .param(userId)
        .update();
  }

  PromptJournal journal() {
    return new PromptJournal(jdbc, clock, transactions);
  }

  PromptSubmissions submissions() {
    return new PromptSubmissions(plans, catalog, profiles, journal(), transactions);
  }

  PromptService prompts() {
    return new PromptService(plans, new UserAccounts(jdbc, clock), profiles, journal(), clock);
  }

  long count(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }
}
