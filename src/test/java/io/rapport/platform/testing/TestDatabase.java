package io.rapport.platform.testing;

import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An empty database migrated with Rapport's Flyway migrations, for one test. Get one from {@link
 * TestDatabases}; closing it throws the database away.
 *
 * <p>The database is created on the first call to {@link #dataSource()} or {@link #jdbc()}, so that
 * a PostgreSQL invocation that cannot connect is skipped (or fails, when PostgreSQL is required)
 * inside the test rather than while JUnit lists the invocations.
 */
public interface TestDatabase extends AutoCloseable {

  /** {@code h2} or {@code postgresql}. */
  String name();

  DataSource dataSource();

  JdbcClient jdbc();

  /** Drops the database or schema and closes its connections; safe to call more than once. */
  @Override
  void close();
}
