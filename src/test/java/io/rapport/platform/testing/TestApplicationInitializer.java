package io.rapport.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

/**
 * Points an application test at its own in-memory database, data directory and the embedded SMTP
 * server, with enrichment jobs not running. A test class may still override these with
 * {@code @DynamicPropertySource} (the PostgreSQL variants do).
 */
public final class TestApplicationInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  /**
   * Spring Boot names the property sources of application.yaml "Config resource ..."; the test
   * defaults go just above them, so that they beat application.yaml but yield to
   * {@code @TestPropertySource} and {@code @DynamicPropertySource}.
   */
  private static final String APPLICATION_CONFIG = "Config resource";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    Path dataDir = temporaryDirectory();
    Map<String, Object> properties =
        Map.of(
            "spring.datasource.url",
            "jdbc:h2:mem:app-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
            "rapport.data-dir",
            dataDir.toString(),
            "rapport.mail.smtp-host",
            "127.0.0.1",
            "rapport.mail.smtp-port",
            String.valueOf(TestMailServer.port()),
            // Jobs queue but do not run, so that no enrichment writes to a profile while a test
            // reads it; the enrichment tests run them themselves or turn them on.
            "rapport.enrichment.enabled",
            "false");
    MutablePropertySources sources = context.getEnvironment().getPropertySources();
    MapPropertySource defaults = new MapPropertySource("rapport-test", properties);
    sources.stream()
        .filter(source -> source.getName().startsWith(APPLICATION_CONFIG))
        .findFirst()
        .ifPresentOrElse(
            config -> sources.addBefore(config.getName(), defaults),
            () -> sources.addLast(defaults));
  }

  private static Path temporaryDirectory() {
    try {
      Path directory = Files.createTempDirectory("rapport-test-");
      directory.toFile().deleteOnExit();
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
