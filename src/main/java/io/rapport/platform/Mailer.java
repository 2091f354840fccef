package io.rapport.platform;

import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Sends Rapport's mail: over SMTP when a server is configured, otherwise into the outbox that
 * administrators read in the console, so that the quick start works end to end without one.
 */
@Component
public final class Mailer {

  private static final Logger log = LoggerFactory.getLogger(Mailer.class);

  private final RapportProperties.Mail settings;
  private final JavaMailSenderImpl smtp;
  private final JdbcClient jdbc;
  private final Clock clock;

  public Mailer(RapportProperties properties, JdbcClient jdbc, Clock clock) {
    this.settings = properties.mail();
    this.smtp = settings.smtpConfigured() ? smtpSender(settings) : null;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public boolean usesOutbox() {
    return smtp == null;
  }

  /**
   * Sends one plain-text message. A failing SMTP server is logged (without the address or the body,
   * which may hold a one-time link) and reported as {@code false}.
   */
  public boolean send(String recipient, String subject, String body) {
    if (smtp == null) {
      jdbc.sql("INSERT INTO mail_outbox (recipient, subject, body, created_at) VALUES (?, ?, ?, ?)")
          .params(recipient, subject, body, Instant.now(clock).atOffset(ZoneOffset.UTC))
          .update();
      return true;
    }
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(settings.from());
    message.setTo(recipient);
    message.setSubject(subject);
    message.setText(body);
    try {
      smtp.send(message);
      return true;
    } catch (MailException e) {
      log.warn(
          "RAPPORT-MAIL-001 Sending mail through {} failed: {}",
          settings.smtpHost(),
          e.getClass().getSimpleName());
      return false;
    }
  }

  /** The newest messages kept in the outbox, newest first. */
  public List<OutboxMessage> outbox(int limit) {
    return jdbc.sql(
            """
            SELECT id, recipient, subject, body, created_at FROM mail_outbox
            ORDER BY id DESC FETCH FIRST :limit ROWS ONLY""")
        .param("limit", limit)
        .query(
            (rs, row) ->
                new OutboxMessage(
                    rs.getLong("id"),
                    rs.getString("recipient"),
                    rs.getString("subject"),
                    rs.getString("body"),
                    rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant()))
        .list();
  }

  /** A message kept in the outbox instead of being sent. */
  public record OutboxMessage(
      long id, String recipient, String subject, String body, Instant createdAt) {}

  private static JavaMailSenderImpl smtpSender(RapportProperties.Mail settings) {
    validateFrom(settings.from());
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost(settings.smtpHost());
    sender.setPort(settings.smtpPort());
    if (settings.smtpUser() != null && !settings.smtpUser().isBlank()) {
      sender.setUsername(settings.smtpUser());
      sender.setPassword(settings.smtpPassword());
    }
    Properties javaMail = sender.getJavaMailProperties();
    javaMail.put("mail.smtp.auth", String.valueOf(sender.getUsername() != null));
    javaMail.put("mail.smtp.starttls.required", String.valueOf(settings.smtpStarttls()));
    javaMail.put("mail.smtp.starttls.enable", String.valueOf(settings.smtpStarttls()));
    javaMail.put("mail.smtp.connectiontimeout", "5000");
    javaMail.put("mail.smtp.timeout", "10000");
    javaMail.put("mail.smtp.writetimeout", "10000");
    return sender;
  }

  private static void validateFrom(String from) {
    try {
      new InternetAddress(from, true);
    } catch (jakarta.mail.internet.AddressException e) {
      throw new IllegalStateException("RAPPORT_MAIL_FROM is not a valid address: " + from, e);
    }
  }
}
