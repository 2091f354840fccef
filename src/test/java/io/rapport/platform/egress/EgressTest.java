package io.rapport.platform.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.rapport.platform.testing.LoopbackServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Outbound calls against real servers on loopback. */
class EgressTest {

  private final LoopbackServer server = new LoopbackServer();
  private Egress egress;

  @AfterEach
  void close() throws IOException {
    server.close();
    if (egress != null) {
      egress.close();
    }
  }

  @Test
  void aCallToAnOverriddenHostGoesToItsMappedServerWithPathQueryHeadersAndBody() throws Exception {
    server.on(
        "/v3/person.enrich",
        exchange -> {
          assertThat(exchange.getRequestHeaders().getFirst("Authorization"))
              .isEqualTo("Bearer k-123");
          assertThat(exchange.getRequestHeaders().getFirst("Content-Type"))
              .startsWith("application/json");
          LoopbackServer.respond(exchange, 200, "application/json", "{\"fullName\":\"Ada\"}");
        });
    egress = egress(false, Map.of("api.fullcontact.com", server.url()));

    EgressResponse response =
        egress.send(
            EgressRequest.postJson(
                    URI.create("https://api.fullcontact.com/v3/person.enrich?x=1"),
                    "{\"email\":\"ada@example.com\"}")
                .withHeader("Authorization", "Bearer k-123"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyText()).isEqualTo("{\"fullName\":\"Ada\"}");
    assertThat(response.header("content-type")).contains("application/json");
    assertThat(response.uri()).hasHost("api.fullcontact.com");
    assertThat(server.received)
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.method()).isEqualTo("POST");
              assertThat(request.pathAndQuery()).isEqualTo("/v3/person.enrich?x=1");
              assertThat(request.body()).isEqualTo("{\"email\":\"ada@example.com\"}");
            });
  }

  @Test
  void anOverrideWithABasePathPutsTheCallsPathBelowIt() throws Exception {
    server.on(
        "/mock/v1/companies",
        exchange -> LoopbackServer.respond(exchange, 200, "text/plain", "ok"));
    egress = egress(false, Map.of("API.Example.COM", server.url() + "/mock/"));

    EgressResponse response = egress.send(get("https://api.example.com/v1/companies"));

    assertThat(response.bodyText()).isEqualTo("ok");
  }

  @Test
  void aWildcardOverrideMapsEveryHostUnderItsDomainAndSaysWhichHostWasMeant() throws Exception {
    server.on(
        "/",
        exchange ->
            LoopbackServer.respond(
                exchange,
                200,
                "text/plain",
                exchange.getRequestHeaders().getFirst("X-Forwarded-Host")));
    egress =
        egress(
            false,
            Map.of("*.bench.example", server.url(), "own.bench.example", server.url() + "/own/"));

    assertThat(egress.send(get("https://firm1.bench.example/")).bodyText())
        .isEqualTo("firm1.bench.example");
    assertThat(egress.send(get("https://a.firm2.bench.example/")).bodyText())
        .isEqualTo("a.firm2.bench.example");
    assertThat(server.received).extracting(request -> request.pathAndQuery()).containsOnly("/");
    egress.send(get("https://own.bench.example/"));
    assertThat(server.received.getLast().pathAndQuery())
        .as("a host's own mapping wins")
        .isEqualTo("/own/");
    assertThatThrownBy(() -> egress.send(get("https://bench.example/")))
        .as("the domain itself is not under it")
        .isInstanceOf(EgressException.class);
    assertThatThrownBy(() -> new EgressProperties(false, Map.of("*.*.example", server.url())))
        .hasMessageContaining("not a host name");
  }

  @Test
  void aStatusThatIsNotSuccessIsAResponseForTheCallerToMap() throws Exception {
    server.on(
        "/",
        exchange -> {
          exchange.getResponseHeaders().set("Retry-After", "30");
          LoopbackServer.respond(exchange, 429, "application/json", "{\"error\":\"slow down\"}");
        });
    egress = egress(false, Map.of("api.example.com", server.url()));

    EgressResponse response = egress.send(get("https://api.example.com/people"));

    assertThat(response.status()).isEqualTo(429);
    assertThat(response.successful()).isFalse();
    assertThat(response.header("Retry-After")).contains("30");
  }

  @ParameterizedTest
  @CsvSource({
    "http://127.0.0.1:{port}/, 127.0.0.1, a loopback address",
    "http://localhost:{port}/, localhost, a loopback address",
    "'http://[::1]:{port}/', '[::1]', a loopback address",
    "http://10.1.2.3/, 10.1.2.3, a private address",
    "http://192.168.1.1/, 192.168.1.1, a private address",
    "http://169.254.169.254/latest/meta-data/, 169.254.169.254, a link-local address",
    "http://100.64.0.1/, 100.64.0.1, a carrier-grade NAT address",
    "'http://[::ffff:127.0.0.1]:{port}/', '[::ffff:127.0.0.1]', a loopback address",
    "'http://[fd00::1]/', '[fd00::1]', a unique-local address",
    "http://0.0.0.0:{port}/, 0.0.0.0, an any-local"
  })
  void theGuardRefusesAddressesThatAreNotPublicAndSendsNothing(
      String url, String host, String reason) {
    server.on("/", exchange -> LoopbackServer.respond(exchange, 200, "text/plain", "inside"));
    egress = egress(false, Map.of());

    EgressRefusedException refused =
        catchThrowableOfType(
            EgressRefusedException.class,
            () -> egress.send(get(url.replace("{port}", String.valueOf(server.port())))));

    assertThat(refused.kind()).isEqualTo(EgressException.Kind.REFUSED);
    assertThat(refused.host()).isEqualTo(host);
    assertThat(refused.reason()).startsWith(reason);
    assertThat(refused.getMessage()).contains(host);
    assertThat(server.received).isEmpty();
  }

  @Test
  void allowingPrivateAddressesLetsACallReachLoopback() throws Exception {
    server.on("/", exchange -> LoopbackServer.respond(exchange, 200, "text/plain", "inside"));
    egress = egress(true, Map.of());

    EgressResponse response = egress.send(get(server.url() + "/"));

    assertThat(response.bodyText()).isEqualTo("inside");
  }

  @Test
  void redirectsAreNotFollowedUnlessTheCallAsks() throws Exception {
    server.on("/old", exchange -> LoopbackServer.redirect(exchange, 301, "/new"));
    egress = egress(false, Map.of("site.example", server.url()));

    EgressResponse response = egress.send(get("https://site.example/old"));

    assertThat(response.status()).isEqualTo(301);
    assertThat(response.header("Location")).contains("/new");
  }

  @Test
  void redirectsAreFollowedUpToTheLimitAndNoFurther() throws Exception {
    for (int hop = 1; hop <= 4; hop++) {
      String next = hop == 4 ? "/final" : "/r" + (hop + 1);
      server.on("/r" + hop, exchange -> LoopbackServer.redirect(exchange, 302, next));
    }
    server.on("/final", exchange -> LoopbackServer.respond(exchange, 200, "text/plain", "here"));
    egress = egress(false, Map.of("site.example", server.url()));

    EgressResponse fourHops = egress.send(get("https://site.example/r1").withRedirects(4));
    EgressException tooMany =
        catchThrowableOfType(
            EgressException.class,
            () -> egress.send(get("https://site.example/r1").withRedirects(3)));

    assertThat(fourHops.bodyText()).isEqualTo("here");
    assertThat(fourHops.uri()).isEqualTo(URI.create("https://site.example/final"));
    assertThat(tooMany.kind()).isEqualTo(EgressException.Kind.TOO_MANY_REDIRECTS);
    assertThat(server.requestsTo("/final")).isEqualTo(1);
  }

  @Test
  void aRedirectLoopEndsAtOnce() {
    server.on("/a", exchange -> LoopbackServer.redirect(exchange, 302, "/b"));
    server.on("/b", exchange -> LoopbackServer.redirect(exchange, 302, "/a"));
    egress = egress(false, Map.of("site.example", server.url()));

    EgressException loop =
        catchThrowableOfType(
            EgressException.class,
            () -> egress.send(get("https://site.example/a").withRedirects(10)));

    assertThat(loop.kind()).isEqualTo(EgressException.Kind.TOO_MANY_REDIRECTS);
    assertThat(loop.getMessage()).contains("loop");
    assertThat(server.received).hasSize(2);
  }

  @ParameterizedTest
  @CsvSource({
    "http://127.0.0.1:{port}/inside, 127.0.0.1",
    "http://169.254.169.254/latest/meta-data/iam/, 169.254.169.254"
  })
  void aRedirectToAPrivateAddressIsRefused(String location, String host) {
    String target = location.replace("{port}", String.valueOf(server.port()));
    server.on("/", exchange -> LoopbackServer.redirect(exchange, 302, target));
    server.on("/inside", exchange -> LoopbackServer.respond(exchange, 200, "text/plain", "secret"));
    egress = egress(false, Map.of("site.example", server.url()));

    EgressRefusedException refused =
        catchThrowableOfType(
            EgressRefusedException.class,
            () -> egress.send(get("https://site.example/").withRedirects(3)));

    assertThat(refused.host()).isEqualTo(host);
    assertThat(server.requestsTo("/inside")).isZero();
  }

  @Test
  void aRedirectToAnotherSchemeFails() {
    server.on("/", exchange -> LoopbackServer.redirect(exchange, 302, "ftp://site.example/x"));
    egress = egress(false, Map.of("site.example", server.url()));

    assertThatThrownBy(() -> egress.send(get("https://site.example/").withRedirects(3)))
        .isInstanceOfSatisfying(
            EgressException.class,
            e -> assertThat(e.kind()).isEqualTo(EgressException.Kind.BAD_REDIRECT));
  }

  @Test
  void aRedirectToAnotherHostDropsTheCallersCredentials() throws Exception {
    LoopbackServer other = new LoopbackServer();
    try (other) {
      server.on("/", exchange -> LoopbackServer.redirect(exchange, 307, "https://other.example/x"));
      other.on(
          "/x",
          exchange -> {
            assertThat(exchange.getRequestHeaders().getFirst("Authorization")).isNull();
            assertThat(exchange.getRequestHeaders().getFirst("Accept")).isEqualTo("text/html");
            LoopbackServer.respond(exchange, 200, "text/plain", "moved");
          });
      egress = egress(false, Map.of("site.example", server.url(), "other.example", other.url()));

      EgressResponse response =
          egress.send(
              get("https://site.example/")
                  .withRedirects(1)
                  .withHeader("Authorization", "Bearer secret")
                  .withHeader("Accept", "text/html"));

      assertThat(response.bodyText()).isEqualTo("moved");
    }
  }

  @Test
  void aBodyOverTheLimitFailsTheCallInsteadOfBeingCutOff() throws Exception {
    String big = "x".repeat(2 * 1024 * 1024);
    server.on("/big", exchange -> LoopbackServer.respond(exchange, 200, "text/plain", big));
    server.on(
        "/chunked",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 64; i++) {
              out.write(new byte[32 * 1024]);
            }
          } catch (IOException clientHungUp) {
            // the client stops reading at its limit
          }
        });
    server.on(
        "/fits", exchange -> LoopbackServer.respond(exchange, 200, "text/plain", "x".repeat(1000)));
    egress = egress(false, Map.of("site.example", server.url()));

    for (String path : new String[] {"/big", "/chunked"}) {
      EgressException tooLarge =
          catchThrowableOfType(
              EgressException.class,
              () -> egress.send(get("https://site.example" + path).withMaxBodyBytes(512 * 1024)));
      assertThat(tooLarge.kind()).as(path).isEqualTo(EgressException.Kind.BODY_TOO_LARGE);
    }
    EgressResponse fits = egress.send(get("https://site.example/fits").withMaxBodyBytes(1000));
    assertThat(fits.body()).hasSize(1000);
  }

  @Test
  void aServerThatDoesNotAnswerInTimeFailsTheCallAtItsTimeout() {
    server.on("/slow", exchange -> pause(Duration.ofSeconds(5)));
    server.on(
        "/drip",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 50; i++) {
              out.write('x');
              out.flush();
              pause(Duration.ofMillis(100));
            }
          } catch (IOException clientHungUp) {
            // the client gave up
          }
        });
    egress = egress(false, Map.of("site.example", server.url()));

    for (String path : new String[] {"/slow", "/drip"}) {
      long start = System.nanoTime();
      EgressException timeout =
          catchThrowableOfType(
              EgressException.class,
              () ->
                  egress.send(
                      get("https://site.example" + path).withTimeout(Duration.ofMillis(400))));
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(timeout.kind()).as(path).isEqualTo(EgressException.Kind.TIMEOUT);
      assertThat(timeout.kind().transientFault()).isTrue();
      assertThat(took).as(path).isLessThan(Duration.ofMillis(2000));
    }
  }

  @Test
  void aConnectionResetIsABrokenCall() throws Exception {
    try (ServerSocket resetting = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread.ofVirtual()
          .start(
              () -> {
                try (Socket socket = resetting.accept()) {
                  InputStream in = socket.getInputStream();
                  in.read(new byte[1024]);
                  socket.setSoLinger(true, 0);
                } catch (IOException e) {
                  // the test fails on the client's side if this goes wrong
                }
              });
      egress =
          egress(false, Map.of("site.example", "http://127.0.0.1:" + resetting.getLocalPort()));

      EgressException broken =
          catchThrowableOfType(
              EgressException.class, () -> egress.send(get("https://site.example/")));

      assertThat(broken.kind()).isEqualTo(EgressException.Kind.BROKEN);
      assertThat(broken.kind().transientFault()).isTrue();
    }
  }

  @Test
  void aPortWhereNothingListensIsAFailedConnection() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    egress = egress(false, Map.of("site.example", "http://127.0.0.1:" + closedPort));

    EgressException failed =
        catchThrowableOfType(
            EgressException.class, () -> egress.send(get("https://site.example/")));

    assertThat(failed.kind()).isEqualTo(EgressException.Kind.CONNECT_FAILED);
  }

  @Test
  void aHostThatDoesNotResolveIsUnknown() {
    egress = egress(false, Map.of());

    EgressException unknown =
        catchThrowableOfType(
            EgressException.class, () -> egress.send(get("https://no-such-host.invalid/")));

    assertThat(unknown.kind()).isEqualTo(EgressException.Kind.UNKNOWN_HOST);
    assertThat(unknown.kind().transientFault()).isFalse();
  }

  @Test
  void anOverrideMustTargetAnAbsoluteHttpUrl() {
    assertThatThrownBy(
            () -> new EgressProperties(false, Map.of("api.example.com", "127.0.0.1:9999")))
        .hasMessageContaining("api.example.com")
        .hasMessageContaining("not an absolute http or https URL");
    assertThatThrownBy(
            () -> new EgressProperties(false, Map.of("https://api.example.com", "http://x")))
        .hasMessageContaining("not a host name");
    assertThatThrownBy(() -> new EgressProperties(false, Map.of("api.example.com", "ftp://x/")))
        .hasMessageContaining("http or https");
  }

  @Test
  void overridesBindFromPropertiesWithDottedHostsAndABadOneStopsTheStart() {
    Map<String, String> good =
        Map.of("rapport.egress.host-overrides[api.fullcontact.com]", "http://127.0.0.1:9999");
    Map<String, String> bad = Map.of("rapport.egress.host-overrides[api.fullcontact.com]", "oops");

    EgressProperties bound =
        new Binder(new MapConfigurationPropertySource(good))
            .bind("rapport.egress", EgressProperties.class)
            .get();

    assertThat(bound.hostOverrides()).containsEntry("api.fullcontact.com", "http://127.0.0.1:9999");
    assertThatThrownBy(
            () ->
                new Binder(new MapConfigurationPropertySource(bad))
                    .bind("rapport.egress", EgressProperties.class))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("the target of 'api.fullcontact.com' ('oops')");
  }

  private static EgressRequest get(String url) {
    return EgressRequest.get(URI.create(url));
  }

  private static Egress egress(boolean allowPrivate, Map<String, String> overrides) {
    return new Egress(new EgressProperties(allowPrivate, overrides));
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
