package io.rapport.setup;

import io.rapport.identity.ApplicationDefinition;
import io.rapport.identity.InvalidApplicationException;
import io.rapport.platform.yaml.Place;
import io.rapport.platform.yaml.Value;
import io.rapport.platform.yaml.YamlWalker;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * One entry of {@code applications}, read into the definition that the registry takes, with the
 * place of each value so that the registry's verdict can be traced back to the file.
 *
 * @param keyPlaces where the value of each key present starts
 * @param values the values of each key present, one for a single value, one per item for a list
 */
record PlannedApplication(
    ApplicationDefinition definition,
    Place entry,
    Map<String, Place> keyPlaces,
    Map<String, List<Value>> values) {

  static final String CLIENT_ID = "client-id";
  static final String NAME = "name";
  static final String REDIRECT_URIS = "redirect-uris";
  static final String POST_LOGOUT_REDIRECT_URIS = "post-logout-redirect-uris";
  static final String CLIENT_SECRET = "client-secret";
  static final String GRANT_TYPES = "grant-types";
  static final String SCOPES = "scopes";
  static final String CLAIMS = "claims";

  static final Set<String> KEYS =
      Set.of(
          CLIENT_ID,
          NAME,
          REDIRECT_URIS,
          POST_LOGOUT_REDIRECT_URIS,
          CLIENT_SECRET,
          GRANT_TYPES,
          SCOPES,
          CLAIMS);

  /** Null when the entry is not a mapping; its problems are noted in the walker. */
  static PlannedApplication read(YamlWalker walker, Node node, String path) {
    Map<String, Node> entries = walker.mapping(node, path, KEYS);
    if (entries == null) {
      return null;
    }
    Fields fields = new Fields(walker, entries, path);
    walker.require(entries, CLIENT_ID, node, path);
    ApplicationDefinition definition =
        new ApplicationDefinition(
            fields.text(CLIENT_ID),
            fields.text(NAME),
            fields.texts(REDIRECT_URIS),
            fields.texts(POST_LOGOUT_REDIRECT_URIS),
            fields.text(CLIENT_SECRET),
            fields.texts(GRANT_TYPES),
            fields.texts(SCOPES),
            fields.texts(CLAIMS));
    return new PlannedApplication(
        definition, YamlWalker.place(node, path), fields.keyPlaces, fields.values);
  }

  /** The client id as the file writes it; empty when it is missing. */
  List<Value> clientId() {
    return values.getOrDefault(CLIENT_ID, List.of());
  }

  /**
   * The registry's refusal, placed at the value it names: the list item when it gives an index,
   * else the key's value, else the entry when the key is missing.
   */
  ImportProblem problem(String file, InvalidApplicationException refusal) {
    Place keyPlace = keyPlaces.get(refusal.field());
    List<Value> fieldValues = values.getOrDefault(refusal.field(), List.of());
    String reason = refusal.getMessage();
    if (keyPlace == null) {
      return new ImportProblem(file, entryPlace(refusal.field()), reason);
    }
    if (refusal.index() >= 0 && refusal.index() < fieldValues.size()) {
      Value item = fieldValues.get(refusal.index());
      return new ImportProblem(file, item.place(), item.redact(reason));
    }
    for (Value value : fieldValues) {
      reason = value.redact(reason);
    }
    return new ImportProblem(file, keyPlace, reason);
  }

  /** Without the definition, which holds the client secret. */
  @Override
  public String toString() {
    return "PlannedApplication[" + entry + "]";
  }

  private Place entryPlace(String field) {
    return new Place(entry.child(field), entry.line(), entry.column());
  }

  /** Reads each key once, and keeps where its values were written. */
  private static final class Fields {

    private final YamlWalker walker;
    private final Map<String, Node> entries;
    private final String path;
    private final Map<String, Place> keyPlaces = new LinkedHashMap<>();
    private final Map<String, List<Value>> values = new LinkedHashMap<>();

    Fields(YamlWalker walker, Map<String, Node> entries, String path) {
      this.walker = walker;
      this.entries = entries;
      this.path = path;
    }

    String text(String key) {
      Node node = entries.get(key);
      if (node == null) {
        return null;
      }
      keyPlaces.put(key, YamlWalker.place(node, path + "." + key));
      Value value = walker.text(node, path + "." + key).orElse(null);
      if (value == null) {
        return null;
      }
      values.put(key, List.of(value));
      return value.text();
    }

    List<String> texts(String key) {
      Node node = entries.get(key);
      if (node == null) {
        return List.of();
      }
      keyPlaces.put(key, YamlWalker.place(node, path + "." + key));
      List<Value> items = walker.texts(node, path + "." + key);
      values.put(key, items);
      return items.stream().map(Value::text).toList();
    }
  }
}
