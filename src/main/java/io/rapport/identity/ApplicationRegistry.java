package io.rapport.identity;

import io.rapport.platform.AuditEventType;
import io.rapport.platform.AuditLog;
import io.rapport.profile.AttributeCatalog;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers applications: Spring's registered client for the protocol, plus what Rapport adds (a
 * display name, the profile claims it receives, where it was declared).
 */
@Service
public class ApplicationRegistry {

  public static final String ORIGIN_IMPORT = "import";
  public static final String ORIGIN_CONSOLE = "console";

  private final RegisteredClientRepository clients;
  private final JdbcClient jdbc;
  private final PasswordEncoder encoder;
  private final ApplicationValidator validator;
  private final IdentityProperties properties;
  private final AuditLog audit;
  private final Clock clock;

  ApplicationRegistry(
      RegisteredClientRepository clients,
      JdbcClient jdbc,
      PasswordEncoder encoder,
      AttributeCatalog catalog,
      IdentityProperties properties,
      AuditLog audit,
      Clock clock) {
    this.clients = clients;
    this.jdbc = jdbc;
    this.encoder = encoder;
    this.validator = new ApplicationValidator(catalog);
    this.properties = properties;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Creates or updates the application with this client id, so that applying one definition twice
   * changes nothing.
   *
   * @throws InvalidApplicationException naming the field at fault; nothing is written then
   */
  @Transactional
  public Application register(ApplicationDefinition definition, String origin, String actor) {
    ApplicationDefinition valid = validator.validate(definition);
    RegisteredClient existing = clients.findByClientId(valid.clientId());
    clients.save(toRegisteredClient(valid, existing));
    upsertApplication(valid, origin);
    audit.record(
        AuditEventType.APPLICATION_REGISTERED, actor, null, null, "client " + valid.clientId());
    return find(valid.clientId()).orElseThrow();
  }

  public Optional<Application> find(String clientId) {
    RegisteredClient client = clients.findByClientId(clientId);
    if (client == null) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT name, origin, created_at FROM application WHERE client_id = ?")
        .param(clientId)
        .query(
            (rs, row) ->
                toApplication(
                    client,
                    rs.getString("name"),
                    rs.getString("origin"),
                    rs.getObject("created_at", OffsetDateTime.class).toInstant()))
        .optional();
  }

  public List<Application> list() {
    List<String> ids =
        jdbc.sql("SELECT client_id FROM application ORDER BY name, client_id")
            .query(String.class)
            .list();
    return ids.stream().map(this::find).flatMap(Optional::stream).toList();
  }

  /** The attribute keys the application receives as claims, sorted by key. */
  public List<String> claimsOf(String clientId) {
    return jdbc.sql(
            "SELECT attribute_key FROM application_claim WHERE client_id = ? ORDER BY attribute_key")
        .param(clientId)
        .query(String.class)
        .list();
  }

  private Application toApplication(
      RegisteredClient client, String name, String origin, Instant createdAt) {
    boolean confidential =
        !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE);
    return new Application(
        client.getClientId(),
        name,
        confidential,
        List.copyOf(client.getRedirectUris()),
        List.copyOf(client.getPostLogoutRedirectUris()),
        client.getAuthorizationGrantTypes().stream()
            .map(AuthorizationGrantType::getValue)
            .sorted()
            .toList(),
        client.getScopes().stream().sorted().toList(),
        claimsOf(client.getClientId()),
        origin,
        createdAt);
  }

  private RegisteredClient toRegisteredClient(
      ApplicationDefinition definition, RegisteredClient existing) {
    RegisteredClient.Builder builder =
        existing == null
            ? RegisteredClient.withId(UUID.randomUUID().toString())
            : RegisteredClient.from(existing);
    builder
        .clientId(definition.clientId())
        .clientName(definition.name())
        .clientAuthenticationMethods(methods -> methods.clear())
        .authorizationGrantTypes(grants -> grants.clear())
        .redirectUris(uris -> uris.clear())
        .postLogoutRedirectUris(uris -> uris.clear())
        .scopes(scopes -> scopes.clear());
    definition
        .grantTypes()
        .forEach(grant -> builder.authorizationGrantType(new AuthorizationGrantType(grant)));
    definition.redirectUris().forEach(builder::redirectUri);
    definition.postLogoutRedirectUris().forEach(builder::postLogoutRedirectUri);
    definition.scopes().forEach(builder::scope);
    applySecret(builder, definition.clientSecret(), existing);
    builder.clientSettings(
        ClientSettings.builder()
            .requireProofKey(definition.clientSecret() == null)
            .requireAuthorizationConsent(false)
            .build());
    builder.tokenSettings(tokenSettings());
    return builder.build();
  }

  /**
   * Keeps the stored hash when the secret did not change, so that re-applying the import file at
   * every start does not rewrite it.
   */
  private void applySecret(
      RegisteredClient.Builder builder, String secret, RegisteredClient existing) {
    if (secret == null) {
      builder.clientSecret(null).clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
      return;
    }
    String stored = existing == null ? null : existing.getClientSecret();
    boolean unchanged = stored != null && encoder.matches(secret, stored);
    builder
        .clientSecret(unchanged ? stored : encoder.encode(secret))
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
  }

  private TokenSettings tokenSettings() {
    IdentityProperties.Tokens tokens = properties.tokens();
    return TokenSettings.builder()
        .accessTokenTimeToLive(tokens.accessToken())
        .idTokenSignatureAlgorithm(
            org.springframework.security.oauth2.jose.jws.SignatureAlgorithm.RS256)
        .refreshTokenTimeToLive(tokens.refreshToken())
        .authorizationCodeTimeToLive(tokens.authorizationCode())
        .reuseRefreshTokens(false)
        .build();
  }

  private void upsertApplication(ApplicationDefinition definition, String origin) {
    int updated =
        jdbc.sql("UPDATE application SET name = ?, origin = ? WHERE client_id = ?")
            .params(definition.name(), origin, definition.clientId())
            .update();
    if (updated == 0) {
      jdbc.sql("INSERT INTO application (client_id, name, origin, created_at) VALUES (?, ?, ?, ?)")
          .params(
              definition.clientId(),
              definition.name(),
              origin,
              clock.instant().atOffset(ZoneOffset.UTC))
          .update();
    }
    jdbc.sql("DELETE FROM application_claim WHERE client_id = ?")
        .param(definition.clientId())
        .update();
    for (String claim : definition.claims()) {
      jdbc.sql("INSERT INTO application_claim (client_id, attribute_key) VALUES (?, ?)")
          .params(definition.clientId(), claim)
          .update();
    }
  }
}
