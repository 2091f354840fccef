package io.rapport.enrichment;

import io.rapport.platform.egress.Egress;
import io.rapport.platform.egress.EgressException;
import io.rapport.platform.egress.EgressRequest;
import io.rapport.platform.egress.EgressResponse;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The {@code clearbit} provider: Clearbit's combined person and company lookup by email, {@code GET
 * /v2/combined/find?email=...} with the key as a Bearer token, read by {@link ClearbitMapping}.
 *
 * <p>Clearbit answers 202 while it is still looking: the lookup is queued and asked again by the
 * job, and, when Rapport knows its public address, Clearbit is given the lookup's callback URL as
 * {@code webhook_url} and POSTs the answer there when it has it ({@link #readCallback}: {@code id},
 * {@code status}, {@code type}, {@code body}, signed in {@code X-Request-Signature} with an
 * HMAC-SHA1 of the body keyed by the API key, which is checked besides the URL's secret).
 *
 * <p>A lookup is a person lookup, cached by the address's hash, since the call is made by address
 * and answers for that person; the company part of the answer is stored with the person's and not
 * shared with the company's other users through the cache.
 */
@Component
final class ClearbitProviderType implements ProviderType {

  static final String TYPE = "clearbit";
  static final String DEFAULT_BASE_URL = "https://person.clearbit.com";

  /** When to ask again after a 202: Clearbit's lookups usually finish within a minute. */
  static final Duration QUEUED_RETRY = Duration.ofSeconds(30);

  /** After a 402 (the plan's quota is spent): asked again when the job's backoff says. */
  static final Duration QUOTA_RETRY = Duration.ofHours(1);

  static final String SIGNATURE_HEADER = "x-request-signature";

  private static final Logger log = LoggerFactory.getLogger(ClearbitProviderType.class);

  private final Egress egress;

  ClearbitProviderType(Egress egress) {
    this.egress = egress;
  }

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
    return new Provider(settings);
  }

  private final class Provider implements EnrichmentProvider {

    private final ProviderSettings settings;

    Provider(ProviderSettings settings) {
      this.settings = settings;
    }

    @Override
    public String id() {
      return settings.id();
    }

    @Override
    public Subject subject() {
      return Subject.PERSON;
    }

    /** Any person's address but a role's; a disposable address belongs to no one findable. */
    @Override
    public boolean accepts(EmailClass email) {
      return !email.role() && email.kind() != DomainKind.DISPOSABLE;
    }

    @Override
    public boolean cached() {
      return true;
    }

    @Override
    public boolean acceptsCallbacks() {
      return true;
    }

    @Override
    public LookupResult lookUp(Lookup lookup) {
      String query = "email=" + encode(lookup.email());
      if (lookup.callbackUrl() != null) {
        query += "&webhook_url=" + encode(lookup.callbackUrl());
      }
      EgressRequest request =
          EgressRequest.get(
                  URI.create(settings.baseUrlOr(DEFAULT_BASE_URL) + "/v2/combined/find?" + query))
              .withHeader("Authorization", "Bearer " + settings.apiKey())
              .withHeader("Accept", "application/json")
              .withTimeout(settings.timeout())
              .withRedirects(0)
              .withMaxBodyBytes(CombinedApiAnswers.MAX_ANSWER_BYTES);
      try {
        return answer(egress.send(request));
      } catch (EgressException e) {
        if (e.kind() == EgressException.Kind.BODY_TOO_LARGE) {
          return CombinedApiAnswers.unusable(id(), "an answer over 1 MiB");
        }
        return CombinedApiAnswers.failed(id(), e);
      }
    }

    private LookupResult answer(EgressResponse response) {
      int status = response.status();
      return switch (status) {
        case 200 -> CombinedApiAnswers.matched(id(), response, false);
        case 202 -> LookupResult.queued(QUEUED_RETRY);
        // 404: Clearbit knows no such person; 422: the address is not one it can look up (it
        // will not become one), kept as a no-match so that it is not asked again soon.
        case 404, 422 -> LookupResult.noMatch();
        case 401, 403 -> LookupResult.refused("HTTP " + status + " from Clearbit: key refused");
        case 402 -> LookupResult.error("HTTP 402 from Clearbit: plan quota spent", QUOTA_RETRY);
        default ->
            status == 429 || status >= 500
                ? CombinedApiAnswers.retryLater(id(), response)
                : CombinedApiAnswers.unusable(id(), "HTTP " + status);
      };
    }

    @Override
    public LookupResult readCallback(byte[] body, Map<String, List<String>> headers) {
      if (!signedWithKey(body, headers.getOrDefault(SIGNATURE_HEADER, List.of()))) {
        log.warn(
            "RAPPORT-ENRICH-043 A callback for provider '{}' is not signed with its key; refused",
            id());
        return LookupResult.error("signature does not match", null);
      }
      JsonNode webhook;
      try {
        webhook = ClearbitMapping.tree(body);
      } catch (ClearbitMapping.UnreadableAnswerException e) {
        return CombinedApiAnswers.unusable(id(), "callback " + e.getMessage());
      }
      int status = webhook.path("status").asInt(0);
      if (status == 404 || status == 422) {
        return LookupResult.noMatch();
      }
      JsonNode answer = webhook.path("body");
      if (status != 200 || !answer.isObject()) {
        return CombinedApiAnswers.unusable(id(), "callback of status " + status + " or no body");
      }
      // A combined answer has person and company; a person's or a company's alone is the body.
      String type = webhook.path("type").asString("");
      JsonNode combined =
          answer.has("person") || answer.has("company")
              ? answer
              : ClearbitMapping.wrap(type.equals("company") ? "company" : "person", answer);
      List<Finding> findings = ClearbitMapping.findings(combined);
      return findings.isEmpty() ? LookupResult.noMatch() : LookupResult.match(findings);
    }

    /** Clearbit's signature: {@code sha1=} and the hex HMAC-SHA1 of the body, keyed by the key. */
    private boolean signedWithKey(byte[] body, List<String> signatures) {
      if (signatures.size() != 1 || settings.apiKey() == null) {
        return false;
      }
      try {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(settings.apiKey().getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String expected = "sha1=" + HexFormat.of().formatHex(mac.doFinal(body));
        return MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII),
            signatures.getFirst().strip().getBytes(StandardCharsets.US_ASCII));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA1 is not available", e);
      }
    }
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
