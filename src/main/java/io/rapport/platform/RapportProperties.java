package io.rapport.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Installation-wide settings.
 *
 * @param dataDir where the embedded database and the generated master key live (RAPPORT_DATA_DIR)
 * @param issuer the issuer URL put in tokens and discovery; empty means derived from each request,
 *     which suits a single node (RAPPORT_ISSUER)
 * @param importFile the YAML file of applications, attributes and the profiling plan applied at
 *     every start (RAPPORT_IMPORT)
 * @param masterKey base64 of 32 bytes that encrypt stored secrets; empty means a key generated once
 *     in the data directory (RAPPORT_MASTER_KEY)
 * @param admin the first administrator, created on first start when both values are set
 * @param mail how outgoing mail is addressed
 */
@ConfigurationProperties("rapport")
public record RapportProperties(
    Path dataDir, String issuer, Path importFile, String masterKey, Admin admin, Mail mail) {

  public RapportProperties {
    dataDir = dataDir == null ? Path.of("data") : dataDir;
    issuer = issuer == null || issuer.isBlank() ? null : issuer;
    importFile = importFile == null || importFile.toString().isBlank() ? null : importFile;
    admin = admin == null ? new Admin(null, null) : admin;
    mail =
        mail == null ? new Mail("Rapport <no-reply@localhost>", null, 25, null, null, false) : mail;
  }

  /**
   * @param email the first administrator's email address (RAPPORT_ADMIN_EMAIL)
   * @param password the first administrator's password (RAPPORT_ADMIN_PASSWORD)
   */
  public record Admin(String email, String password) {}

  /**
   * @param from the From header of every message Rapport sends (RAPPORT_MAIL_FROM)
   * @param smtpHost the SMTP server; empty keeps mail in the console's outbox (RAPPORT_SMTP_HOST)
   * @param smtpPort the SMTP port (RAPPORT_SMTP_PORT)
   * @param smtpUser the SMTP user name, if the server wants one (RAPPORT_SMTP_USER)
   * @param smtpPassword the SMTP password (RAPPORT_SMTP_PASSWORD)
   * @param smtpStarttls whether to require STARTTLS (RAPPORT_SMTP_STARTTLS)
   */
  public record Mail(
      String from,
      String smtpHost,
      int smtpPort,
      String smtpUser,
      String smtpPassword,
      boolean smtpStarttls) {

    public boolean smtpConfigured() {
      return smtpHost != null && !smtpHost.isBlank();
    }
  }
}
