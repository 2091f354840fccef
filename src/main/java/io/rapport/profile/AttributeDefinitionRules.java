package io.rapport.profile;

import java.util.Map;
import java.util.regex.Pattern;

/** The rules an attribute definition must follow before the catalog stores it. */
final class AttributeDefinitionRules {

  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  /** A BCP 47 language tag of at most 10 characters, the width of the language column. */
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{1,8})*");

  private static final int MAX_LANGUAGE_LENGTH = 10;
  private static final int MAX_LABEL_LENGTH = 200;

  private AttributeDefinitionRules() {}

  static void check(Attribute attribute) {
    if (attribute == null) {
      throw new InvalidAttributeException("No attribute given");
    }
    checkKey(attribute.key());
    if (attribute.type() == null || attribute.sensitivity() == null) {
      throw new InvalidAttributeException(
          "Attribute '" + attribute.key() + "' needs both a value type and a sensitivity");
    }
    checkLabels(attribute.key(), attribute.labels());
  }

  private static void checkKey(String key) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw new InvalidAttributeException(
          "Attribute key '"
              + key
              + "' must start with a lower-case letter and have at most 64 lower-case letters,"
              + " digits or '_'");
    }
  }

  private static void checkLabels(String key, Map<String, String> labels) {
    if (!labels.containsKey(Attribute.DEFAULT_LANGUAGE)) {
      throw new InvalidAttributeException(
          "Attribute '" + key + "' needs a label in English (language 'en')");
    }
    labels.forEach((language, label) -> checkLabel(key, language, label));
  }

  private static void checkLabel(String key, String language, String label) {
    if (language.length() > MAX_LANGUAGE_LENGTH || !LANGUAGE.matcher(language).matches()) {
      throw new InvalidAttributeException(
          "Attribute '"
              + key
              + "' has a label for '"
              + language
              + "', which is not a language tag such as en, de or pt-BR");
    }
    if (label == null || label.isBlank() || label.strip().length() > MAX_LABEL_LENGTH) {
      throw new InvalidAttributeException(
          "Attribute '"
              + key
              + "' has a '"
              + language
              + "' label that is empty or longer than "
              + MAX_LABEL_LENGTH
              + " characters");
    }
  }
}
