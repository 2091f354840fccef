package io.rapport.enrichment;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Makes the configured providers, in waterfall order, from their settings and their types. */
@Component
public final class Providers {

  private static final Logger log = LoggerFactory.getLogger(Providers.class);

  private final ProviderStore store;
  private final Map<String, ProviderType> types;

  Providers(ProviderStore store, List<ProviderType> types) {
    this.store = store;
    this.types = types.stream().collect(Collectors.toMap(ProviderType::type, Function.identity()));
  }

  /** The enabled providers, in the order to ask them. */
  List<ConfiguredProvider> enabled() {
    return store.list().stream()
        .filter(ProviderSettings::enabled)
        .map(this::create)
        .flatMap(Optional::stream)
        .toList();
  }

  /** Every kind of provider this version of Rapport knows. */
  public List<ProviderType> types() {
    return List.copyOf(types.values());
  }

  /** The kinds of provider this version of Rapport knows, by {@code type}. */
  public Optional<ProviderType> type(String type) {
    return Optional.ofNullable(types.get(type));
  }

  private Optional<ConfiguredProvider> create(ProviderSettings settings) {
    ProviderType type = types.get(settings.type());
    if (type == null) {
      // A row written by a newer version of Rapport, or by hand.
      log.warn(
          "RAPPORT-ENRICH-002 Provider '{}' has a type this version does not know ('{}'); skipped",
          settings.id(),
          settings.type());
      return Optional.empty();
    }
    return Optional.of(new ConfiguredProvider(settings, type.create(settings)));
  }
}
