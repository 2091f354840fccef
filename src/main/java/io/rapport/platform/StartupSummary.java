package io.rapport.platform;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Prints one line with the effective configuration once Rapport is ready, and no secret. */
@Component
class StartupSummary {

  private static final Logger log = LoggerFactory.getLogger(StartupSummary.class);

  private final RapportProperties properties;
  private final DataSource dataSource;

  StartupSummary(RapportProperties properties, DataSource dataSource) {
    this.properties = properties;
    this.dataSource = dataSource;
  }

  @EventListener
  void onReady(ApplicationReadyEvent event) {
    int port = -1;
    if (event.getApplicationContext() instanceof WebServerApplicationContext web) {
      port = web.getWebServer().getPort();
    }
    String issuer = properties.issuer() == null ? "derived from each request" : properties.issuer();
    log.info(
        "Rapport ready: store={}, issuer={}, port={}, data directory={}, import file={}",
        describeStore(),
        issuer,
        port,
        properties.dataDir().toAbsolutePath().normalize(),
        properties.importFile() == null ? "none" : properties.importFile());
  }

  /** The database product and its URL without credentials (JDBC URLs may carry a password). */
  private String describeStore() {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName();
      String url = connection.getMetaData().getURL();
      int query = url.indexOf('?');
      int semicolon = url.indexOf(';');
      int cut = query >= 0 ? query : semicolon >= 0 ? semicolon : url.length();
      return product + " " + url.substring(0, cut);
    } catch (SQLException e) {
      return "unreachable";
    }
  }
}
