package io.rapport.platform.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A {@link TestDatabase} made on first use: its {@link Setup} prepares an empty database, Flyway
 * migrates it, and the setup throws it away after the pool is closed.
 */
final class MigratedDatabase implements TestDatabase {

  /** Enough for a test that holds a transaction open while another connection reads. */
  private static final int POOL_SIZE = 4;

  private final String name;
  private final Setup setup;
  private HikariDataSource dataSource;
  private JdbcClient jdbc;
  private boolean closed;

  MigratedDatabase(String name, Setup setup) {
    this.name = name;
    this.setup = setup;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized DataSource dataSource() {
    if (closed) {
      throw new IllegalStateException("Test database " + name + " is closed");
    }
    if (dataSource == null) {
      dataSource = open(setup.create());
      jdbc = JdbcClient.create(dataSource);
    }
    return dataSource;
  }

  @Override
  public JdbcClient jdbc() {
    dataSource();
    return jdbc;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (dataSource != null) {
      dataSource.close();
      setup.dispose();
    }
  }

  /** Shown by JUnit as the invocation's name, such as {@code [2] postgresql}. */
  @Override
  public String toString() {
    return name;
  }

  private static HikariDataSource open(HikariConfig config) {
    config.setMaximumPoolSize(POOL_SIZE);
    config.setMinimumIdle(1);
    HikariDataSource dataSource = new HikariDataSource(config);
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .load()
          .migrate();
      return dataSource;
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  /** How one kind of database is made and thrown away. */
  interface Setup {

    /** Makes an empty database and returns how to connect to it. */
    HikariConfig create();

    /** Throws away what {@link #create} made; called only if it was called. */
    void dispose();
  }
}
