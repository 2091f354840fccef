package io.rapport.profile;

import io.rapport.platform.testing.MutableClock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The profile feature wired by hand over one data source, with a clock the test moves. */
final class ProfileFixture {

  static final Instant START = Instant.parse("2026-01-15T09:00:00Z");

  final MutableClock clock = new MutableClock(START);
  final JdbcClient jdbc;
  final AttributeCatalog catalog;
  final ProfileService service;

  ProfileFixture(DataSource dataSource) {
    DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
    jdbc = JdbcClient.create(dataSource);
    catalog = new AttributeCatalog(jdbc, transactions);
    service = new ProfileService(jdbc, catalog, clock, transactions);
  }

  /** Adds a minimal user account and returns its id. */
  String newUser() {
    String id = UUID.randomUUID().toString();
    jdbc.sql("INSERT INTO user_account (id, email, created_at) VALUES (?, ?, ?)")
        .params(id, id + "@example.com", clock.instant().atOffset(ZoneOffset.UTC))
        .update();
    return id;
  }

  long observationCount() {
    return jdbc.sql("SELECT COUNT(*) FROM observation").query(Long.class).single();
  }
}
