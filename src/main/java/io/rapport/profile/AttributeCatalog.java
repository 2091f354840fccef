package io.rapport.profile;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The attribute catalog: which kinds of profile data exist, their types, labels and sensitivity.
 *
 * <p>Catalog order, used by {@link #all()} and by every {@link Profile}, is built-in attributes
 * first, then the company's own, each group sorted by key. The order is decided here rather than in
 * SQL because H2 and PostgreSQL collate {@code _} differently.
 *
 * <p>Nothing is cached: every node reads the database, so a definition made on one node is seen by
 * all at once.
 */
@Component
public final class AttributeCatalog {

  /** Built-ins first, then by key. */
  static final Comparator<Attribute> ORDER =
      Comparator.comparing((Attribute attribute) -> !attribute.builtin())
          .thenComparing(Attribute::key);

  private static final Logger log = LoggerFactory.getLogger(AttributeCatalog.class);

  private static final String SELECT_ATTRIBUTES =
      """
      SELECT a.attribute_key, a.value_type, a.sensitivity, a.builtin, l.language, l.label
      FROM attribute a
      LEFT JOIN attribute_label l ON l.attribute_key = a.attribute_key
      """;

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  public AttributeCatalog(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /** Every attribute, in catalog order. */
  public List<Attribute> all() {
    AttributeRows rows = new AttributeRows();
    jdbc.sql(SELECT_ATTRIBUTES).query(rows::add);
    return rows.attributes().values().stream().sorted(ORDER).toList();
  }

  public Optional<Attribute> find(String key) {
    AttributeRows rows = new AttributeRows();
    jdbc.sql(SELECT_ATTRIBUTES + "WHERE a.attribute_key = ?").param(key).query(rows::add);
    return Optional.ofNullable(rows.attributes().get(key));
  }

  /**
   * The attribute with the given key.
   *
   * @throws UnknownAttributeException when there is none
   */
  public Attribute require(String key) {
    return find(key).orElseThrow(() -> new UnknownAttributeException(key));
  }

  /**
   * Adds an attribute, or changes the one with the same key: its type, sensitivity and whole set of
   * labels, in one transaction. The built-in flag is never changed here: built-ins come with
   * Rapport's migrations only.
   *
   * @throws InvalidAttributeException when the key, type, sensitivity or labels break a rule, when
   *     a new attribute claims to be built-in, or when the type of a built-in attribute or of an
   *     attribute that already has observations would change
   */
  public void define(Attribute attribute) {
    AttributeDefinitionRules.check(attribute);
    transactions.executeWithoutResult(status -> store(attribute));
    log.debug("Attribute {} defined", attribute.key());
  }

  private void store(Attribute attribute) {
    Optional<StoredType> existing = lockExisting(attribute.key());
    if (existing.isPresent()) {
      checkTypeChange(existing.get(), attribute);
      update(attribute);
    } else {
      insert(attribute);
    }
    replaceLabels(attribute);
  }

  /** Locks the row so that two nodes defining the same key do not interleave their labels. */
  private Optional<StoredType> lockExisting(String key) {
    return jdbc.sql(
            """
            SELECT value_type, builtin FROM attribute
            WHERE attribute_key = ? FOR UPDATE""")
        .param(key)
        .query(
            (row, number) ->
                new StoredType(
                    key,
                    ValueType.fromStored(row.getString("value_type")),
                    row.getBoolean("builtin")))
        .optional();
  }

  private void checkTypeChange(StoredType existing, Attribute attribute) {
    if (existing.type() == attribute.type()) {
      return;
    }
    if (existing.builtin()) {
      throw new InvalidAttributeException(typeChangeRefused(existing, attribute, "is built-in"));
    }
    if (hasObservations(existing.key())) {
      throw new InvalidAttributeException(
          typeChangeRefused(existing, attribute, "already has observations"));
    }
  }

  private static String typeChangeRefused(StoredType existing, Attribute attribute, String why) {
    return "Attribute '%s' %s: its type stays %s and cannot become %s"
        .formatted(existing.key(), why, existing.type().stored(), attribute.type().stored());
  }

  private boolean hasObservations(String key) {
    return jdbc.sql("SELECT COUNT(*) FROM observation WHERE attribute_key = ?")
            .param(key)
            .query(Long.class)
            .single()
        > 0;
  }

  private void insert(Attribute attribute) {
    if (attribute.builtin()) {
      throw new InvalidAttributeException(
          "Attribute '"
              + attribute.key()
              + "' cannot be added as built-in: built-in attributes come with Rapport");
    }
    jdbc.sql(
            """
            INSERT INTO attribute (attribute_key, value_type, sensitivity, builtin)
            VALUES (?, ?, ?, false)""")
        .params(attribute.key(), attribute.type().stored(), attribute.sensitivity().stored())
        .update();
  }

  private void update(Attribute attribute) {
    jdbc.sql("UPDATE attribute SET value_type = ?, sensitivity = ? WHERE attribute_key = ?")
        .params(attribute.type().stored(), attribute.sensitivity().stored(), attribute.key())
        .update();
  }

  private void replaceLabels(Attribute attribute) {
    jdbc.sql("DELETE FROM attribute_label WHERE attribute_key = ?").param(attribute.key()).update();
    attribute
        .labels()
        .forEach(
            (language, label) ->
                jdbc.sql(
                        """
                        INSERT INTO attribute_label (attribute_key, language, label)
                        VALUES (?, ?, ?)""")
                    .params(attribute.key(), language, label.strip())
                    .update());
  }

  /** What an attribute's row says before a definition changes it. */
  private record StoredType(String key, ValueType type, boolean builtin) {}
}
