package io.rapport.profile;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads profiles and records observations. Observations are appended and never changed; a profile's
 * effective values are chosen when it is read, by {@link EffectiveValuePolicy}.
 */
@Component
public final class ProfileService {

  /**
   * Users per statement in {@link #profilesOf}: far below PostgreSQL's limit of bind parameters,
   * and more than any page of an admin list.
   */
  static final int USERS_PER_QUERY = 1000;

  private static final Logger log = LoggerFactory.getLogger(ProfileService.class);

  private final ObservationRepository observations;
  private final AttributeCatalog catalog;
  private final Clock clock;
  private final TransactionTemplate transactions;

  public ProfileService(
      JdbcClient jdbc,
      AttributeCatalog catalog,
      Clock clock,
      PlatformTransactionManager transactionManager) {
    this.observations = new ObservationRepository(jdbc);
    this.catalog = catalog;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /** The user's profile, read with one statement; empty when nothing is known about the user. */
  public Profile profileOf(String userId) {
    Objects.requireNonNull(userId, "userId");
    return profilesOf(List.of(userId)).get(userId);
  }

  /**
   * The profiles of several users, in the order given, each present even when empty. One statement
   * reads up to {@value #USERS_PER_QUERY} users.
   */
  public Map<String, Profile> profilesOf(Collection<String> userIds) {
    List<String> distinct = List.copyOf(new LinkedHashSet<>(userIds));
    Map<String, Profile> profiles = new LinkedHashMap<>();
    for (int from = 0; from < distinct.size(); from += USERS_PER_QUERY) {
      List<String> chunk =
          distinct.subList(from, Math.min(from + USERS_PER_QUERY, distinct.size()));
      profiles.putAll(ProfileAssembler.assemble(chunk, observations.findByUsers(chunk)));
    }
    return profiles;
  }

  /**
   * Checks, normalises and appends one observation.
   *
   * @throws UnknownAttributeException when the attribute is not in the catalog
   * @throws InvalidObservationException when the value, source, confidence or user is wrong
   */
  public Observation observe(NewObservation observation) {
    return observe(Collections.singletonList(observation)).get(0);
  }

  /**
   * Checks every observation, then appends them all in one transaction: when one is wrong, nothing
   * is written.
   *
   * @throws UnknownAttributeException when an attribute is not in the catalog
   * @throws InvalidObservationException when a value, source, confidence or user is wrong; the
   *     message names the position of the observation in the batch
   */
  public List<Observation> observe(List<NewObservation> batch) {
    List<NewObservation> valid = validate(batch);
    if (valid.isEmpty()) {
      return List.of();
    }
    List<Observation> stored = transactions.execute(status -> store(valid));
    log.debug("Recorded {} observations", stored.size());
    return stored;
  }

  /**
   * Deletes everything enrichment providers observed about the user (sources {@code enrichment:*}),
   * for a user who objects to being looked up; what the user, an administrator or an import
   * declared stays.
   *
   * @return how many observations were deleted
   */
  public int forgetEnrichment(String userId) {
    Objects.requireNonNull(userId, "userId");
    return observations.deleteBySourcePrefix(userId, Source.ENRICHMENT_PREFIX);
  }

  private List<NewObservation> validate(List<NewObservation> batch) {
    Map<String, Attribute> attributes =
        catalog.all().stream().collect(Collectors.toMap(Attribute::key, Function.identity()));
    ObservationValidator validator = new ObservationValidator(key -> known(attributes, key));
    List<NewObservation> valid = new ArrayList<>(batch.size());
    for (int index = 0; index < batch.size(); index++) {
      valid.add(validateItem(validator, batch, index));
    }
    return valid;
  }

  private static NewObservation validateItem(
      ObservationValidator validator, List<NewObservation> batch, int index) {
    try {
      return validator.validate(batch.get(index));
    } catch (InvalidObservationException e) {
      if (batch.size() == 1) {
        throw e;
      }
      throw new InvalidObservationException(
          "Observation %d of %d: %s".formatted(index + 1, batch.size(), e.getMessage()));
    }
  }

  private static Attribute known(Map<String, Attribute> attributes, String key) {
    Attribute attribute = attributes.get(key);
    if (attribute == null) {
      throw new UnknownAttributeException(key);
    }
    return attribute;
  }

  private List<Observation> store(List<NewObservation> valid) {
    checkUsersExist(valid);
    // Microseconds: the precision both databases keep, so what is returned is what is read back.
    Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    return valid.stream().map(observation -> observations.insert(observation, now)).toList();
  }

  private void checkUsersExist(List<NewObservation> valid) {
    Set<String> wanted = valid.stream().map(NewObservation::userId).collect(Collectors.toSet());
    Set<String> found = observations.existingUsers(wanted);
    wanted.stream()
        .filter(userId -> !found.contains(userId))
        .findFirst()
        .ifPresent(
            userId -> {
              throw new InvalidObservationException("No user with id '" + userId + "'");
            });
  }
}
