package io.rapport.platform.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.zaxxer.hikari.HikariConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server that tests use, and one throwaway schema per test database on it.
 *
 * <p>Settings are read from a system property, else an environment variable, of the same name:
 * {@code RAPPORT_TEST_PG_URL} (default {@value #DEFAULT_URL}), {@code RAPPORT_TEST_PG_USER}
 * (default {@code postgres}) and {@code RAPPORT_TEST_PG_PASSWORD} (default none, for trust
 * authentication).
 */
final class PostgresServer {

  static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";

  /** CI sets it to {@code true} so that a missing PostgreSQL fails the build. */
  static final String REQUIRED_PROPERTY = "rapport.test.postgres.required";

  private static final int CONNECT_TIMEOUT_SECONDS = 5;

  private static final Set<String> schemasToDropAtExit = ConcurrentHashMap.newKeySet();
  private static final AtomicBoolean exitHookAdded = new AtomicBoolean();

  private PostgresServer() {}

  static String url() {
    return setting("RAPPORT_TEST_PG_URL", DEFAULT_URL);
  }

  static String user() {
    return setting("RAPPORT_TEST_PG_USER", "postgres");
  }

  static String password() {
    return setting("RAPPORT_TEST_PG_PASSWORD", "");
  }

  /**
   * Returns when PostgreSQL answers; otherwise aborts the running test (reported as skipped) or,
   * when {@value #REQUIRED_PROPERTY} is true, fails it. The server is tried once per JVM.
   */
  static void requireReachable() {
    String problem = Reachability.PROBLEM;
    if (problem == null) {
      return;
    }
    String reason =
        "PostgreSQL not reachable at %s (%s); set RAPPORT_TEST_PG_URL or start PostgreSQL."
            .formatted(url(), problem);
    if (Boolean.getBoolean(REQUIRED_PROPERTY)) {
      fail(reason + " PostgreSQL is required here (" + REQUIRED_PROPERTY + "=true).");
    }
    Assumptions.abort(reason + " CI runs these tests.");
  }

  /** Creates a schema with a random name and returns the name. */
  static String createSchema() {
    String schema = "t_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    execute("CREATE SCHEMA " + schema);
    return schema;
  }

  static void dropSchema(String schema) {
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  /** For schemas handed to a Spring context, which outlives any one test. */
  static void dropAtExit(String schema) {
    if (exitHookAdded.compareAndSet(false, true)) {
      Runtime.getRuntime().addShutdownHook(new Thread(PostgresServer::dropSchemasLeft));
    }
    schemasToDropAtExit.add(schema);
  }

  /** The server's URL with the schema as the connection's only search path. */
  static String urlFor(String schema) {
    String url = url();
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  static HikariConfig poolFor(String schema) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(urlFor(schema));
    config.setUsername(user());
    if (!password().isEmpty()) {
      config.setPassword(password());
    }
    config.setPoolName("test-" + schema);
    return config;
  }

  private static void dropSchemasLeft() {
    schemasToDropAtExit.forEach(PostgresServer::dropSchema);
  }

  private static void execute(String sql) {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL refused: " + sql, e);
    }
  }

  private static Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user());
    if (!password().isEmpty()) {
      properties.setProperty("password", password());
    }
    properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
    properties.setProperty("loginTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
    return DriverManager.getConnection(url(), properties);
  }

  private static String setting(String name, String fallback) {
    String value = System.getProperty(name, System.getenv(name));
    return value == null || value.isBlank() ? fallback : value;
  }

  /** Tried when first needed, once per JVM: the holder idiom makes the check thread-safe. */
  private static final class Reachability {

    /** Null when the server answers, otherwise why it does not. */
    static final String PROBLEM = check();

    private static String check() {
      try (Connection connection = connect()) {
        return connection.isValid(CONNECT_TIMEOUT_SECONDS) ? null : "connection not valid";
      } catch (SQLException e) {
        return rootMessage(e);
      }
    }

    private static String rootMessage(Throwable failure) {
      Throwable root = failure;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
  }
}
