package io.rapport.profile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects attributes from rows that join {@code attribute} with {@code attribute_label}: one row
 * per label, or one row with null label columns for an attribute without labels.
 *
 * <p>The rows must have the columns {@code attribute_key}, {@code value_type}, {@code sensitivity},
 * {@code builtin}, {@code language} and {@code label}.
 */
final class AttributeRows {

  private final Map<String, Attribute> headers = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> labels = new HashMap<>();

  void add(ResultSet row) throws SQLException {
    String key = row.getString("attribute_key");
    if (!headers.containsKey(key)) {
      headers.put(key, header(key, row));
      labels.put(key, new HashMap<>());
    }
    String language = row.getString("language");
    if (language != null) {
      labels.get(key).put(language, row.getString("label"));
    }
  }

  /** The attributes seen so far, by key. */
  Map<String, Attribute> attributes() {
    Map<String, Attribute> attributes = new LinkedHashMap<>();
    headers.forEach((key, header) -> attributes.put(key, withLabels(header, labels.get(key))));
    return attributes;
  }

  private static Attribute header(String key, ResultSet row) throws SQLException {
    return new Attribute(
        key,
        ValueType.fromStored(row.getString("value_type")),
        Sensitivity.fromStored(row.getString("sensitivity")),
        Map.of(),
        row.getBoolean("builtin"));
  }

  private static Attribute withLabels(Attribute header, Map<String, String> labels) {
    return new Attribute(
        header.key(), header.type(), header.sensitivity(), labels, header.builtin());
  }
}
