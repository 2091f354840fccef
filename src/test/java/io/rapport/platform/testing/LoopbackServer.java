package io.rapport.platform.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 for tests of outbound calls: handlers by path, and the requests
 * it received, in order.
 */
public final class LoopbackServer implements AutoCloseable {

  /** What one request brought: method, path with query, and body. */
  public record Received(String method, String pathAndQuery, String host, String body) {}

  public final List<Received> received = new CopyOnWriteArrayList<>();
  private final HttpServer server;

  public LoopbackServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
  }

  /** Serves the path (and everything below it) with the handler, counting each request. */
  public LoopbackServer on(String path, HttpHandler handler) {
    server.createContext(
        path,
        exchange -> {
          String query = exchange.getRequestURI().getRawQuery();
          received.add(
              new Received(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query),
                  exchange.getRequestHeaders().getFirst("Host"),
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
          try {
            handler.handle(exchange);
          } finally {
            exchange.close();
          }
        });
    return this;
  }

  /** Answers with the status, the content type and the body. */
  public static void respond(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
  }

  /** Answers with a redirect to the location. */
  public static void redirect(HttpExchange exchange, int status, String location)
      throws IOException {
    exchange.getResponseHeaders().set("Location", location);
    exchange.sendResponseHeaders(status, -1);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The base URL, such as {@code http://127.0.0.1:41234}. */
  public String url() {
    return "http://127.0.0.1:" + port();
  }

  public long requestsTo(String path) {
    return received.stream().filter(request -> request.pathAndQuery().equals(path)).count();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
