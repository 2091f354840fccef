package io.rapport.profiling;

import io.rapport.profile.ValueType;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * How a question asks for its value, and which attribute types it can fill. Stored by name in the
 * plan's documents: rename only with a migration.
 */
public enum InputKind {
  TEXT(Set.of(ValueType.TEXT)),
  EMAIL(Set.of(ValueType.EMAIL, ValueType.TEXT)),
  URL(Set.of(ValueType.URL, ValueType.TEXT)),
  PHONE(Set.of(ValueType.PHONE, ValueType.TEXT)),
  NUMBER(Set.of(ValueType.NUMBER)),
  DATE(Set.of(ValueType.DATE)),
  SINGLE_CHOICE(
      Set.of(
          ValueType.TEXT,
          ValueType.NUMBER,
          ValueType.DATE,
          ValueType.EMAIL,
          ValueType.URL,
          ValueType.PHONE,
          ValueType.COUNTRY)),
  /** The chosen values are stored as one text, joined by commas in the order of the options. */
  MULTIPLE_CHOICE(Set.of(ValueType.TEXT)),
  YES_NO(Set.of(ValueType.BOOLEAN)),
  COUNTRY(Set.of(ValueType.COUNTRY));

  /** What separates the chosen values of a multiple-choice answer in the stored value. */
  static final String SEPARATOR = ",";

  private final Set<ValueType> types;

  InputKind(Set<ValueType> types) {
    this.types = types;
  }

  /** The name written in the import file, such as {@code single-choice}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<InputKind> fromKey(String key) {
    return Arrays.stream(values()).filter(kind -> kind.key().equals(key)).findFirst();
  }

  /** Whether answers of this kind can be values of an attribute of the type. */
  public boolean fits(ValueType type) {
    return types.contains(type);
  }

  /** Whether the answer is chosen among the question's options. */
  public boolean hasOptions() {
    return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
  }

  /** Whether length and pattern rules apply: the answer is typed as text. */
  public boolean typed() {
    return this == TEXT || this == EMAIL || this == URL || this == PHONE;
  }

  /** The kind that asks for a value of the type when no question says otherwise. */
  public static InputKind forType(ValueType type) {
    return switch (type) {
      case TEXT -> TEXT;
      case NUMBER -> NUMBER;
      case DATE -> DATE;
      case BOOLEAN -> YES_NO;
      case EMAIL -> EMAIL;
      case URL -> URL;
      case PHONE -> PHONE;
      case COUNTRY -> COUNTRY;
    };
  }
}
