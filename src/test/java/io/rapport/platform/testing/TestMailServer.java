package io.rapport.platform.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One embedded SMTP server (GreenMail) for every application test in the JVM, on a free loopback
 * port. Tests read what Rapport sent and follow the links in it.
 */
public final class TestMailServer {

  private static final Pattern LINK = Pattern.compile("https?://\\S+");
  private static GreenMail server;

  private TestMailServer() {}

  public static synchronized GreenMail get() {
    if (server == null) {
      server = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    }
    return server;
  }

  public static int port() {
    return get().getSmtp().getPort();
  }

  /** Waits until a message to the address arrives and returns the newest one. */
  public static MimeMessage awaitMessageTo(String recipient, int expectedCount) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      List<MimeMessage> messages = messagesTo(recipient);
      if (messages.size() >= expectedCount) {
        return messages.get(messages.size() - 1);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("No message number " + expectedCount + " reached " + recipient);
  }

  public static List<MimeMessage> messagesTo(String recipient) {
    return Arrays.stream(get().getReceivedMessages())
        .filter(message -> sentTo(message, recipient))
        .toList();
  }

  /** The first http(s) link in the message's text. */
  public static String linkIn(MimeMessage message) {
    String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(message);
    String decoded = body.replace("=\r\n", "").replace("=3D", "=");
    Matcher matcher = LINK.matcher(decoded);
    if (!matcher.find()) {
      throw new AssertionError("The message has no link: " + decoded);
    }
    return matcher.group();
  }

  private static boolean sentTo(MimeMessage message, String recipient) {
    try {
      return Arrays.stream(message.getAllRecipients())
          .anyMatch(address -> address.toString().equalsIgnoreCase(recipient));
    } catch (jakarta.mail.MessagingException e) {
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
