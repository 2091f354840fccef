package io.rapport.enrichment;

import io.rapport.platform.SecretCipher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The configured providers, in the {@code enrichment_provider} table: settings as a JSON document,
 * the API key encrypted with the master key. Read at each use, so a change on one node holds on all
 * at once.
 */
@Component
public final class ProviderStore {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The width of the {@code disabled_reason} column. */
  private static final int MAX_REASON = 500;

  private final JdbcClient jdbc;
  private final SecretCipher cipher;
  private final Clock clock;

  ProviderStore(JdbcClient jdbc, SecretCipher cipher, Clock clock) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.clock = clock;
  }

  /** Every provider, enabled or not, in waterfall order. */
  public List<ProviderSettings> list() {
    return jdbc.sql(
            """
            SELECT provider_id, provider_type, position, enabled, settings, credentials
            FROM enrichment_provider ORDER BY position, provider_id""")
        .query(this::map)
        .list();
  }

  /** Every provider with where its settings came from, in waterfall order, for the console. */
  public List<StoredProvider> rows() {
    return jdbc.sql(
            """
            SELECT provider_id, provider_type, position, enabled, settings, credentials, origin,
              disabled_reason, updated_at
            FROM enrichment_provider ORDER BY position, provider_id""")
        .query(
            (row, number) ->
                new StoredProvider(
                    map(row, number),
                    row.getString("origin"),
                    row.getString("disabled_reason"),
                    row.getObject("updated_at", OffsetDateTime.class).toInstant()))
        .list();
  }

  /** Removes the provider; whether there was one of this id. */
  public boolean delete(String providerId) {
    return jdbc.sql("DELETE FROM enrichment_provider WHERE provider_id = ?")
            .param(providerId)
            .update()
        > 0;
  }

  /**
   * Stops asking a provider, with the reason an administrator will read (a refused key).
   *
   * @return whether this call disabled it; false when it was disabled already (by another node that
   *     met the same refusal) or does not exist
   */
  public boolean disable(String providerId, String reason) {
    String kept = reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
    return jdbc.sql(
                """
                UPDATE enrichment_provider SET enabled = false, disabled_reason = ?, updated_at = ?
                WHERE provider_id = ? AND enabled = true""")
            .params(kept, clock.instant().atOffset(ZoneOffset.UTC), providerId)
            .update()
        == 1;
  }

  /** Why the provider was disabled by Rapport (a refused key); empty when it was not. */
  public Optional<String> disabledReason(String providerId) {
    return jdbc.sql("SELECT disabled_reason FROM enrichment_provider WHERE provider_id = ?")
        .param(providerId)
        .query((row, number) -> Optional.ofNullable(row.getString(1)))
        .optional()
        .flatMap(reason -> reason);
  }

  /**
   * Adds the provider, or replaces the one of this id. The reason Rapport disabled it for is kept
   * while it stays disabled, and cleared when it is enabled.
   */
  public void save(ProviderSettings settings, String origin) {
    Object[] values = {
      settings.type(),
      settings.position(),
      settings.enabled(),
      settingsDocument(settings),
      settings.apiKey() == null ? null : cipher.encrypt(settings.apiKey()),
      origin,
      clock.instant().atOffset(ZoneOffset.UTC),
      settings.id()
    };
    int updated =
        jdbc.sql(
                """
                UPDATE enrichment_provider SET provider_type = ?, position = ?, enabled = ?,
                  settings = ?, credentials = ?, origin = ?, updated_at = ?,
                  disabled_reason = CASE WHEN ? THEN NULL ELSE disabled_reason END
                WHERE provider_id = ?""")
            .params(
                values[0],
                values[1],
                values[2],
                values[3],
                values[4],
                values[5],
                values[6],
                settings.enabled(),
                values[7])
            .update();
    if (updated == 0) {
      jdbc.sql(
              """
              INSERT INTO enrichment_provider (provider_type, position, enabled, settings,
                credentials, origin, updated_at, provider_id)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(values)
          .update();
    }
  }

  /**
   * Saves the provider as a declaration states it at every start (the import file): like {@link
   * #save}, except that a provider Rapport disabled because its service refused the credentials
   * stays disabled, with its reason, while the declared key and base URL are the ones refused.
   * Another key enables it again; the same file applied at the next start does not.
   *
   * @return the reason it stays disabled; empty when it is saved as declared
   */
  public Optional<String> declare(ProviderSettings settings, String origin) {
    Optional<String> refused = refusedAsDeclared(settings);
    if (refused.isEmpty()) {
      save(settings, origin);
      return Optional.empty();
    }
    save(withEnabled(settings, false), origin);
    jdbc.sql("UPDATE enrichment_provider SET disabled_reason = ? WHERE provider_id = ?")
        .params(refused.get(), settings.id())
        .update();
    return refused;
  }

  private Optional<String> refusedAsDeclared(ProviderSettings declared) {
    if (!declared.enabled()) {
      return Optional.empty();
    }
    Optional<String> reason = disabledReason(declared.id());
    return reason.filter(
        why ->
            list().stream()
                .filter(stored -> stored.id().equals(declared.id()))
                .anyMatch(
                    stored ->
                        Objects.equals(stored.apiKey(), declared.apiKey())
                            && Objects.equals(stored.baseUrl(), declared.baseUrl())));
  }

  private static ProviderSettings withEnabled(ProviderSettings settings, boolean enabled) {
    return new ProviderSettings(
        settings.id(),
        settings.type(),
        settings.position(),
        enabled,
        settings.baseUrl(),
        settings.apiKey(),
        settings.requestsPerMinute(),
        settings.timeout(),
        settings.monthlyBudget(),
        settings.cacheFor());
  }

  /** Removes every provider not among these ids. */
  public void retainOnly(List<String> providerIds) {
    list().stream()
        .map(ProviderSettings::id)
        .filter(id -> !providerIds.contains(id))
        .forEach(
            id ->
                jdbc.sql("DELETE FROM enrichment_provider WHERE provider_id = ?")
                    .param(id)
                    .update());
  }

  private ProviderSettings map(ResultSet row, int number) throws SQLException {
    JsonNode settings = JSON.readTree(row.getString("settings"));
    String credentials = row.getString("credentials");
    return new ProviderSettings(
        row.getString("provider_id"),
        row.getString("provider_type"),
        row.getInt("position"),
        row.getBoolean("enabled"),
        text(settings, "base-url"),
        credentials == null ? null : cipher.decrypt(credentials),
        settings.path("requests-per-minute").asInt(0),
        duration(settings, "timeout", ProviderSettings.DEFAULT_TIMEOUT),
        settings.path("monthly-budget").asInt(0),
        duration(settings, "cache-for", ProviderSettings.DEFAULT_CACHE));
  }

  /**
   * A provider as stored.
   *
   * @param origin {@code default} (a migration), {@code import} (the import file) or {@code
   *     console}
   * @param disabledReason why Rapport disabled it (its key was refused); null otherwise
   */
  public record StoredProvider(
      ProviderSettings settings, String origin, String disabledReason, Instant updatedAt) {}

  private static String settingsDocument(ProviderSettings settings) {
    Map<String, Object> document = new LinkedHashMap<>();
    if (settings.baseUrl() != null) {
      document.put("base-url", settings.baseUrl());
    }
    document.put("requests-per-minute", settings.requestsPerMinute());
    document.put("timeout", settings.timeout().toString());
    document.put("monthly-budget", settings.monthlyBudget());
    document.put("cache-for", settings.cacheFor().toString());
    return JSON.writeValueAsString(document);
  }

  private static String text(JsonNode settings, String field) {
    JsonNode value = settings.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }

  private static Duration duration(JsonNode settings, String field, Duration otherwise) {
    String value = text(settings, field);
    return value == null ? otherwise : Duration.parse(value);
  }
}
