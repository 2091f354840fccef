package io.rapport.enrichment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.sun.net.httpserver.HttpExchange;
import io.rapport.platform.egress.Egress;
import io.rapport.platform.egress.EgressProperties;
import io.rapport.platform.testing.LoopbackServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The website provider against a real server on loopback that serves small company home pages, each
 * company's domain mapped to it by a host override.
 */
class WebsiteProviderTest {

  private final LoopbackServer server = new LoopbackServer();
  private final Map<String, String> overrides = new HashMap<>();
  private Egress egress;

  @AfterEach
  void close() throws IOException {
    server.close();
    if (egress != null) {
      egress.close();
    }
  }

  @Test
  void jsonLdOrganizationInAGraphGivesNameDescriptionLogoAndProfiles() {
    site("acme-widgets.example", "acme-widgets.html");

    LookupResult result = lookUp("acme-widgets.example");

    assertThat(result.outcome()).isEqualTo(LookupOutcome.MATCH);
    assertThat(result.findings())
        .extracting(Finding::attribute, Finding::value, Finding::confidence)
        .containsExactlyInAnyOrder(
            tuple("company_name", "Acme Widgets GmbH", 0.85),
            tuple(
                "company_description",
                "Acme Widgets makes precision widgets & sprockets for the machine-building"
                    + " industry, from its works in Chemnitz.",
                0.85),
            tuple("company_logo", "https://acme-widgets.example/assets/acme-logo.svg", 0.85),
            tuple("company_linkedin", "https://www.linkedin.com/company/acme-widgets/", 0.85),
            tuple("company_twitter", "https://x.com/acmewidgets", 0.85),
            tuple("company_facebook", "https://www.facebook.com/acmewidgets", 0.85),
            tuple("company_github", "https://github.com/acme-widgets", 0.85),
            tuple("company_website", "https://acme-widgets.example/", 0.8));
    assertThat(server.requestsTo("/acme-widgets.example/")).isEqualTo(1);
  }

  @Test
  void openGraphAloneGivesNameDescriptionAndImageWithLessConfidence() {
    site("northwind-traders.example", "northwind-traders.html");

    LookupResult result = lookUp("northwind-traders.example");

    assertThat(result.findings())
        .extracting(Finding::attribute, Finding::value, Finding::confidence)
        .containsExactlyInAnyOrder(
            tuple("company_name", "Northwind Traders", 0.65),
            tuple(
                "company_description",
                "Speciality foods from around the world, delivered to restaurants and shops.",
                0.65),
            tuple("company_logo", "https://cdn.northwind-traders.example/og/northwind.png", 0.5),
            tuple("company_website", "https://northwind-traders.example/", 0.8));
  }

  @Test
  void aTitleAloneGivesTheNameWithoutThePageNameAndTheMetaDescription() {
    site("globex.example", "globex.html");

    LookupResult result = lookUp("globex.example");

    assertThat(result.findings())
        .extracting(Finding::attribute, Finding::value, Finding::confidence)
        .containsExactlyInAnyOrder(
            tuple("company_name", "Globex Corporation", 0.45),
            tuple(
                "company_description",
                "Globex Corporation: global solutions for a global world.",
                0.45),
            tuple("company_website", "https://globex.example/", 0.8));
  }

  @Test
  void aBrokenPageWithMalformedAndWronglyTypedJsonLdIsANoMatch() {
    site("initech.example", "initech.html");

    LookupResult result = lookUp("initech.example");

    assertThat(result.outcome()).isEqualTo(LookupOutcome.NO_MATCH);
    assertThat(result.findings()).isEmpty();
  }

  @Test
  void malformedJsonLdIsSkippedAndTheNextScriptRead() {
    site("hooli.example", "hooli.html");

    LookupResult result = lookUp("hooli.example");

    assertThat(result.findings())
        .extracting(Finding::attribute, Finding::value)
        .contains(
            tuple("company_name", "Hooli XYZ"),
            tuple("company_logo", "https://hooli.example/img/hooli.png"),
            tuple("company_twitter", "https://twitter.com/hooli"));
  }

  @Test
  void aRedirectedHomePageResolvesRelativeLinksAgainstWhereItEnded() {
    overrides.put("acme-widgets.example", server.url() + "/bare");
    overrides.put("www.acme-widgets.example", server.url() + "/www");
    server.on(
        "/bare/",
        exchange -> LoopbackServer.redirect(exchange, 301, "https://www.acme-widgets.example/en/"));
    server.on("/www/en/", exchange -> serve(exchange, "acme-widgets.html"));

    LookupResult result = lookUp("acme-widgets.example");

    assertThat(result.findings())
        .extracting(Finding::attribute, Finding::value)
        .contains(
            tuple("company_logo", "https://www.acme-widgets.example/assets/acme-logo.svg"),
            tuple("company_website", "https://www.acme-widgets.example/"));
  }

  @Test
  void theWwwNameIsAskedWhenTheBareDomainDoesNotResolve() {
    overrides.put("www.initrode.invalid", server.url() + "/www");
    server.on("/www/", exchange -> serve(exchange, "globex.html"));

    LookupResult result = lookUp("initrode.invalid");

    assertThat(result.outcome()).isEqualTo(LookupOutcome.MATCH);
    assertThat(result.findings())
        .extracting(Finding::attribute, Finding::value)
        .contains(tuple("company_website", "https://www.initrode.invalid/"));
  }

  @Test
  void aRedirectLoopOrTooManyRedirectsIsANoMatch() {
    overrides.put("loop.example", server.url() + "/loop");
    overrides.put("far.example", server.url() + "/far");
    server.on("/loop/", exchange -> LoopbackServer.redirect(exchange, 302, "/again"));
    server.on("/loop/again", exchange -> LoopbackServer.redirect(exchange, 302, "/"));
    for (int hop = 0; hop < 5; hop++) {
      String next = "/" + (hop + 1);
      server.on(
          "/far/" + (hop == 0 ? "" : hop),
          exchange -> LoopbackServer.redirect(exchange, 302, next));
    }

    assertThat(lookUp("loop.example").outcome()).isEqualTo(LookupOutcome.NO_MATCH);
    assertThat(lookUp("far.example").outcome()).isEqualTo(LookupOutcome.NO_MATCH);
    assertThat(server.received.stream().filter(r -> r.pathAndQuery().startsWith("/far")))
        .hasSize(4);
  }

  @Test
  void aServerErrorIsAnErrorToRetryWhenTheSiteSays() {
    overrides.put("down.example", server.url() + "/down");
    overrides.put("busy.example", server.url() + "/busy");
    server.on("/down/", exchange -> LoopbackServer.respond(exchange, 500, "text/html", "<h1>500"));
    server.on(
        "/busy/",
        exchange -> {
          exchange.getResponseHeaders().set("Retry-After", "120");
          LoopbackServer.respond(exchange, 503, "text/html", "<h1>Maintenance</h1>");
        });

    LookupResult down = lookUp("down.example");
    LookupResult busy = lookUp("busy.example");

    assertThat(down.outcome()).isEqualTo(LookupOutcome.ERROR);
    assertThat(down.reason()).isEqualTo("HTTP 500 from the website");
    assertThat(down.retryAfter()).isEqualTo(WebsiteProviderType.RETRY_AFTER_FAULT);
    assertThat(busy.retryAfter()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void aSiteThatDoesNotAnswerInTimeIsAnErrorToRetry() {
    overrides.put("slow.example", server.url() + "/slow");
    server.on("/slow/", exchange -> pause(Duration.ofSeconds(5)));

    long start = System.nanoTime();
    LookupResult result = lookUp("slow.example");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertThat(result.outcome()).isEqualTo(LookupOutcome.ERROR);
    assertThat(result.reason()).isEqualTo("website: timeout");
    assertThat(result.retryAfter()).isEqualTo(WebsiteProviderType.RETRY_AFTER_FAULT);
  }

  @Test
  void aPageOfMegabytesIsReadOnlyUpToTheLimitAndIsANoMatch() {
    overrides.put("huge.example", server.url() + "/huge");
    server.on(
        "/huge/",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "text/html");
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write("<html><head><title>Huge Corp</title></head><body>".getBytes());
            byte[] filler = "<p>lorem ipsum dolor sit amet</p>\n".repeat(1000).getBytes();
            for (int i = 0; i < 200; i++) {
              out.write(filler);
            }
          } catch (IOException clientStoppedReading) {
            // expected: the provider reads 2 MiB at most
          }
        });

    LookupResult result = lookUp("huge.example");

    assertThat(result.outcome()).isEqualTo(LookupOutcome.NO_MATCH);
  }

  @Test
  void somethingOtherThanAnHtmlPageOrAMissingPageIsANoMatch() {
    overrides.put("image.example", server.url() + "/image");
    overrides.put("gone.example", server.url() + "/gone");
    server.on("/image/", exchange -> LoopbackServer.respond(exchange, 200, "image/png", "PNG"));
    server.on("/gone/", exchange -> LoopbackServer.respond(exchange, 404, "text/html", "<title>x"));

    assertThat(lookUp("image.example").outcome()).isEqualTo(LookupOutcome.NO_MATCH);
    assertThat(lookUp("gone.example").outcome()).isEqualTo(LookupOutcome.NO_MATCH);
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void aDomainThatResolvesToLoopbackIsRefusedAndIsANoMatch(CapturedOutput output) {
    LookupResult result = lookUp("localhost");

    assertThat(result.outcome()).isEqualTo(LookupOutcome.NO_MATCH);
    assertThat(output.getAll())
        .contains("RAPPORT-EGRESS-001 Refused a call: its host resolves to a loopback address")
        .doesNotContain("https://localhost");
  }

  @Test
  void onlyOrganisationDomainsAreLookedUp() {
    EnrichmentProvider provider = provider();

    assertThat(provider.subject()).isEqualTo(Subject.COMPANY);
    assertThat(provider.accepts(email("acme.example", DomainKind.COMPANY))).isTrue();
    assertThat(provider.accepts(email("mit.edu", DomainKind.ACADEMIC))).isTrue();
    assertThat(provider.accepts(email("gmail.com", DomainKind.FREE_MAIL))).isFalse();
    assertThat(provider.accepts(email("mailinator.com", DomainKind.DISPOSABLE))).isFalse();
  }

  @Test
  void theNameInATitleIsTheFirstPartThatIsNotAPageName() {
    assertThat(CompanyPage.nameFromTitle("Home | Globex Corporation"))
        .contains("Globex Corporation");
    assertThat(CompanyPage.nameFromTitle("Acme Widgets – Industrial widgets since 1920"))
        .contains("Acme Widgets");
    assertThat(CompanyPage.nameFromTitle("Welcome to Initrode")).contains("Initrode");
    assertThat(CompanyPage.nameFromTitle("Startseite · Müller &amp; Söhne KG"))
        .contains("Müller & Söhne KG");
    assertThat(CompanyPage.nameFromTitle("")).isEmpty();
    assertThat(CompanyPage.nameFromTitle("Home")).isEmpty();
  }

  private void site(String domain, String page) {
    overrides.put(domain, server.url() + "/" + domain);
    server.on("/" + domain + "/", exchange -> serve(exchange, page));
  }

  private LookupResult lookUp(String domain) {
    return provider().lookUp(new Lookup("jane@" + domain, email(domain, DomainKind.COMPANY)));
  }

  private EnrichmentProvider provider() {
    if (egress == null) {
      egress = new Egress(new EgressProperties(false, overrides));
    }
    return new WebsiteProviderType(egress)
        .create(
            new ProviderSettings(
                "website",
                "website",
                10,
                true,
                null,
                null,
                0,
                Duration.ofMillis(800),
                0,
                Duration.ofDays(30)));
  }

  private static EmailClass email(String domain, DomainKind kind) {
    return new EmailClass(domain, kind, false, null);
  }

  static void serve(HttpExchange exchange, String page) throws IOException {
    LoopbackServer.respond(exchange, 200, "text/html; charset=utf-8", page(page));
  }

  static String page(String name) {
    try (InputStream in =
        WebsiteProviderTest.class.getResourceAsStream("/enrichment/website/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
