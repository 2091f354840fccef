package io.rapport.enrichment;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * A company provider over HTTP, written to the contract of {@link LookupResult} as a paid provider
 * would be: 200 a match, 404 no match, 401 and 403 refused, 429 and 5xx an error to retry after the
 * service's {@code Retry-After}. Tests point its {@code base-url} at a loopback server.
 */
final class HttpCompanyProviderType implements ProviderType {

  static final String TYPE = "http-companies";

  private final HttpClient http = HttpClient.newHttpClient();

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public boolean needsApiKey() {
    return true;
  }

  @Override
  public EnrichmentProvider create(ProviderSettings settings) {
    return new EnrichmentProvider() {
      @Override
      public String id() {
        return settings.id();
      }

      @Override
      public Subject subject() {
        return Subject.COMPANY;
      }

      @Override
      public boolean accepts(EmailClass email) {
        return email.kind().organisation();
      }

      @Override
      public boolean cached() {
        return true;
      }

      @Override
      public LookupResult lookUp(Lookup lookup) {
        String domain = URLEncoder.encode(lookup.domain(), StandardCharsets.UTF_8);
        HttpRequest request =
            HttpRequest.newBuilder(URI.create(settings.baseUrl() + "/companies?domain=" + domain))
                .header("Authorization", "Bearer " + settings.apiKey())
                .build();
        try {
          return answer(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
          return LookupResult.error(e.getClass().getSimpleName(), java.time.Duration.ZERO);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return LookupResult.error("interrupted", java.time.Duration.ZERO);
        }
      }
    };
  }

  private static LookupResult answer(HttpResponse<String> response) {
    int status = response.statusCode();
    if (status == 200) {
      return LookupResult.match(List.of(new Finding("company_name", response.body(), 0.9)));
    }
    if (status == 404) {
      return LookupResult.noMatch();
    }
    if (status == 401 || status == 403) {
      return LookupResult.refused("HTTP " + status + " from the service");
    }
    if (status == 429 || status >= 500) {
      String header = response.headers().firstValue("Retry-After").orElse(null);
      return LookupResult.error("HTTP " + status, RetryAfter.parse(header, Instant.now()));
    }
    return LookupResult.error("HTTP " + status, null);
  }
}
