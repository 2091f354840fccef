package io.rapport.platform.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on the loopback interface standing in for an application that signs its users
 * in through Rapport: it serves the redirect URI ({@code /callback}) and the page shown after
 * sign-out ({@code /signed-out}), and records the query parameters each received, as an OIDC client
 * would read them (code, state, error, iss).
 *
 * <p>Rapport compares redirect URIs exactly: register {@link #redirectUri()} and {@link
 * #postLogoutRedirectUri()}, with this server's port, before sending a browser to it.
 */
public final class LoopbackClientApp implements AutoCloseable {

  public static final String CALLBACK_PATH = "/callback";
  public static final String SIGNED_OUT_PATH = "/signed-out";

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final HttpServer server;
  private final List<Map<String, String>> callbacks = new CopyOnWriteArrayList<>();
  private final List<Map<String, String>> signOuts = new CopyOnWriteArrayList<>();

  private LoopbackClientApp(HttpServer server) {
    this.server = server;
  }

  /** Starts the server on a free port of 127.0.0.1. */
  public static LoopbackClientApp start() {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LoopbackClientApp app = new LoopbackClientApp(server);
    server.createContext(CALLBACK_PATH, exchange -> app.record(exchange, app.callbacks, "Back"));
    server.createContext(
        SIGNED_OUT_PATH, exchange -> app.record(exchange, app.signOuts, "Signed out"));
    server.start();
    return app;
  }

  /** {@code http://127.0.0.1:<port>/callback}. */
  public String redirectUri() {
    return base() + CALLBACK_PATH;
  }

  /** {@code http://127.0.0.1:<port>/signed-out}. */
  public String postLogoutRedirectUri() {
    return base() + SIGNED_OUT_PATH;
  }

  /** Every request to the redirect URI so far, oldest first, as its query parameters. */
  public List<Map<String, String>> callbacks() {
    return List.copyOf(callbacks);
  }

  /** Every request to the post-logout redirect URI so far, oldest first. */
  public List<Map<String, String>> signOuts() {
    return List.copyOf(signOuts);
  }

  /** Waits until the redirect URI has been called {@code number} times; returns that call. */
  public Map<String, String> awaitCallback(int number) {
    return await(callbacks, number, "redirect URI");
  }

  /** Waits until the post-logout redirect URI has been called {@code number} times. */
  public Map<String, String> awaitSignOut(int number) {
    return await(signOuts, number, "post-logout redirect URI");
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void record(HttpExchange exchange, List<Map<String, String>> calls, String heading)
      throws IOException {
    calls.add(parameters(exchange.getRequestURI().getRawQuery()));
    byte[] page =
        ("<!DOCTYPE html><html><head><title>Loopback client</title></head><body><h1 id=\"client\">"
                + heading
                + "</h1></body></html>")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.sendResponseHeaders(200, page.length);
    try (OutputStream body = exchange.getResponseBody()) {
      body.write(page);
    }
  }

  /** The query's parameters; a repeated name keeps its first value, as OAuth forbids repeats. */
  static Map<String, String> parameters(String rawQuery) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      parameters.putIfAbsent(decode(name), decode(value));
    }
    return parameters;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  private static Map<String, String> await(
      List<Map<String, String>> calls, int number, String what) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (calls.size() < number && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    if (calls.size() < number) {
      throw new AssertionError(
          "The "
              + what
              + " was called "
              + calls.size()
              + " times, expected "
              + number
              + ": "
              + new ArrayList<>(calls));
    }
    return calls.get(number - 1);
  }
}
