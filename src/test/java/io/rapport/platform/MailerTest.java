package io.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.rapport.platform.testing.MutableClock;
import io.rapport.platform.testing.TestDatabase;
import io.rapport.platform.testing.TestDatabases;
import io.rapport.platform.testing.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

class MailerTest {

  private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
  private static final String FROM = "Rapport <no-reply@localhost>";

  private final MutableClock clock = new MutableClock(START);

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void withoutSmtpMailIsKeptInTheOutboxNewestFirst(TestDatabase database) {
    Mailer mailer = new Mailer(properties(null, 25), jdbc(database), clock);
    assertThat(mailer.usesOutbox()).isTrue();

    assertThat(mailer.send("ada@example.com", "First", "Hello Ada")).isTrue();
    clock.advance(Duration.ofMinutes(1));
    assertThat(mailer.send("grace@example.com", "Second", "Hello Grace")).isTrue();
    assertThat(mailer.send("alan@example.com", "Third", "Hello Alan\nline two")).isTrue();

    List<Mailer.OutboxMessage> newest = mailer.outbox(2);
    assertThat(newest).extracting(Mailer.OutboxMessage::subject).containsExactly("Third", "Second");
    Mailer.OutboxMessage third = newest.get(0);
    assertThat(third.recipient()).isEqualTo("alan@example.com");
    assertThat(third.body()).isEqualTo("Hello Alan\nline two");
    assertThat(third.createdAt()).isEqualTo(START.plus(Duration.ofMinutes(1)));
    assertThat(mailer.outbox(10)).hasSize(3);
  }

  @Test
  void withSmtpMailIsDelivered() throws Exception {
    try (TestDatabase database = TestDatabases.h2()) {
      Mailer mailer =
          new Mailer(properties("127.0.0.1", TestMailServer.port()), jdbc(database), clock);
      String recipient = "smtp-" + UUID.randomUUID() + "@example.com";
      assertThat(mailer.usesOutbox()).isFalse();

      assertThat(mailer.send(recipient, "Welcome", "Follow https://id.example/verify?token=abc"))
          .isTrue();

      MimeMessage message = TestMailServer.awaitMessageTo(recipient, 1);
      assertThat(message.getSubject()).isEqualTo("Welcome");
      assertThat(message.getFrom()[0].toString()).contains("no-reply@localhost");
      assertThat(GreenMailUtil.getBody(message)).contains("Follow");
      assertThat(TestMailServer.linkIn(message)).isEqualTo("https://id.example/verify?token=abc");
      assertThat(mailer.outbox(10)).isEmpty();
    }
  }

  @Test
  void unreachableSmtpServerIsReportedWithoutThrowing() throws IOException {
    try (TestDatabase database = TestDatabases.h2()) {
      Mailer mailer = new Mailer(properties("127.0.0.1", closedPort()), jdbc(database), clock);

      assertThatCode(() -> assertThat(mailer.send("ada@example.com", "Hi", "Body")).isFalse())
          .doesNotThrowAnyException();
      assertThat(mailer.outbox(10)).isEmpty();
    }
  }

  private static RapportProperties properties(String smtpHost, int smtpPort) {
    RapportProperties.Mail mail =
        new RapportProperties.Mail(FROM, smtpHost, smtpPort, "", "", false);
    return new RapportProperties(Path.of("unused"), null, null, null, null, mail);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static JdbcClient jdbc(TestDatabase database) {
    return JdbcClient.create(database.dataSource());
  }
}
