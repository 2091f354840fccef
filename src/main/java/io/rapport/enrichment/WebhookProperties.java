package io.rapport.enrichment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the callback URLs that asynchronous providers POST their answers to.
 *
 * @param baseUrl the public address at which providers reach this installation
 *     (RAPPORT_ENRICHMENT_WEBHOOKS_BASE_URL), such as {@code https://id.example.com}; when unset,
 *     the issuer ({@code rapport.issuer}); when neither is set, lookups get no callback URL and
 *     queued answers are fetched by the job asking again
 * @param expireAfter how long a callback URL is accepted after its lookup was queued
 */
@ConfigurationProperties("rapport.enrichment.webhooks")
public record WebhookProperties(String baseUrl, @DefaultValue("1d") Duration expireAfter) {

  public WebhookProperties {
    baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.strip();
  }
}
