package io.rapport.platform.testing;

import com.zaxxer.hikari.HikariConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Fresh, migrated databases for tests, on H2 and on PostgreSQL: Rapport's SQL must run unchanged on
 * both.
 *
 * <p>Repository and service tests run on both databases:
 *
 * <pre>{@code
 * @ParameterizedTest
 * @MethodSource("io.rapport.platform.testing.TestDatabases#both")
 * void storesSomething(TestDatabase database) {
 *   var service = new SomeService(database.jdbc(), ...);
 * }
 * }</pre>
 *
 * <p>JUnit closes each {@link TestDatabase} after its invocation, which throws it away. H2 is an
 * in-memory database with a unique name. PostgreSQL is a new schema on the server named by {@code
 * RAPPORT_TEST_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test}), with {@code
 * RAPPORT_TEST_PG_USER} (default {@code postgres}) and {@code RAPPORT_TEST_PG_PASSWORD} (default
 * none), each read from a system property or else the environment.
 *
 * <p>When PostgreSQL cannot be reached, its invocations are reported as skipped with the reason;
 * with the system property {@code rapport.test.postgres.required=true}, as CI sets it, they fail.
 *
 * <p>Tests of the whole application use {@link #postgresProperties()} from a
 * {@code @DynamicPropertySource} method, and {@link #requirePostgres()} from a {@code @BeforeAll}
 * method so that they are skipped rather than failed when PostgreSQL is absent:
 *
 * <pre>{@code
 * @BeforeAll
 * static void postgresAnswers() {
 *   TestDatabases.requirePostgres();
 * }
 *
 * @DynamicPropertySource
 * static void database(DynamicPropertyRegistry registry) {
 *   TestDatabases.postgresProperties().forEach((name, value) -> registry.add(name, () -> value));
 * }
 * }</pre>
 */
public final class TestDatabases {

  private TestDatabases() {}

  /** One H2 and one PostgreSQL database, for {@code @MethodSource}. */
  public static Stream<TestDatabase> both() {
    return Stream.of(h2(), postgresql());
  }

  /** A fresh in-memory H2 database. */
  public static TestDatabase h2() {
    return new MigratedDatabase("h2", new H2Setup());
  }

  /** A fresh schema on the test PostgreSQL server, dropped with everything in it on close. */
  public static TestDatabase postgresql() {
    return new MigratedDatabase("postgresql", new PostgresSetup());
  }

  /**
   * Returns when the test PostgreSQL server answers; otherwise skips the calling test, or fails it
   * with {@code rapport.test.postgres.required=true}. Call it before an application context on
   * PostgreSQL loads: an abort thrown while the context loads is reported as an error, not a skip.
   */
  public static void requirePostgres() {
    PostgresServer.requireReachable();
  }

  /**
   * Spring Boot data source properties ({@code spring.datasource.url}, {@code username}, {@code
   * password}) for a fresh, empty schema on the test PostgreSQL server, which the application's own
   * Flyway migrates. The schema is dropped when the JVM exits, since a Spring test context outlives
   * the test that made it. Skips or fails the calling test like {@link #both()} when PostgreSQL
   * cannot be reached, but only when called before the context loads: see {@link
   * #requirePostgres()}.
   */
  public static Map<String, Object> postgresProperties() {
    PostgresServer.requireReachable();
    String schema = PostgresServer.createSchema();
    PostgresServer.dropAtExit(schema);
    return Map.of(
        "spring.datasource.url", PostgresServer.urlFor(schema),
        "spring.datasource.username", PostgresServer.user(),
        "spring.datasource.password", PostgresServer.password());
  }

  /** An in-memory database with a unique name. */
  private static final class H2Setup implements MigratedDatabase.Setup {

    private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @Override
    public HikariConfig create() {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(url);
      config.setUsername("sa");
      config.setPoolName("test-h2");
      return config;
    }

    /** The database outlives its connections (DB_CLOSE_DELAY=-1) until told to shut down. */
    @Override
    public void dispose() {
      try (Connection connection = DriverManager.getConnection(url, "sa", "");
          Statement statement = connection.createStatement()) {
        statement.execute("SHUTDOWN");
      } catch (SQLException e) {
        throw new IllegalStateException("Could not shut down " + url, e);
      }
    }
  }

  /** A schema of its own on the test server. */
  private static final class PostgresSetup implements MigratedDatabase.Setup {

    private String schema;

    @Override
    public HikariConfig create() {
      PostgresServer.requireReachable();
      schema = PostgresServer.createSchema();
      return PostgresServer.poolFor(schema);
    }

    @Override
    public void dispose() {
      PostgresServer.dropSchema(schema);
    }
  }
}
