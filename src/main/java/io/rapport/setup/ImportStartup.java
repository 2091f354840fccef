package io.rapport.setup;

import io.rapport.platform.RapportProperties;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Applies the import file named by {@code RAPPORT_IMPORT} at every start, before the web server
 * takes requests, so that no request meets an application the file declares but that is not
 * registered yet. An invalid file stops the start.
 */
@Component
final class ImportStartup implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ImportStartup.class);

  private final ImportFileApplier applier;
  private final RapportProperties properties;
  private volatile boolean running;

  ImportStartup(ImportFileApplier applier, RapportProperties properties) {
    this.applier = applier;
    this.properties = properties;
  }

  @Override
  public void start() {
    Path file = properties.importFile();
    if (file != null) {
      ImportFileApplier.ImportSummary summary = applier.apply(file);
      log.info("Applied import file {}: {}", file, summary.counts());
    }
    running = true;
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /**
   * After identity's start-up (phase {@code Integer.MIN_VALUE + 1000}) and long before the web
   * server, which starts in one of the last phases.
   */
  @Override
  public int getPhase() {
    return Integer.MIN_VALUE + 2000;
  }
}
