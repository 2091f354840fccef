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
 * server. A test class may still override these with {@code @DynamicPropertySource} (the PostgreSQL
 * variants do).
 */
public final class TestApplicationInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  /**
   * The name Spring gives the {@code @DynamicPropertySource} values (package-private constant of
   * {@code DynamicValuesPropertySource}); they are in place before this initializer runs, and must
   * stay above the defaults set here.
   */
  private static final String DYNAMIC_PROPERTIES = "Dynamic Test Properties";

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
            String.valueOf(TestMailServer.port()));
    MutablePropertySources sources = context.getEnvironment().getPropertySources();
    MapPropertySource defaults = new MapPropertySource("rapport-test", properties);
    if (sources.contains(DYNAMIC_PROPERTIES)) {
      sources.addAfter(DYNAMIC_PROPERTIES, defaults);
    } else {
      sources.addFirst(defaults);
    }
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
