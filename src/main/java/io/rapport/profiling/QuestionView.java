package io.rapport.profiling;

import java.math.BigDecimal;
import java.util.List;

/**
 * One question as a page shows it, in the reader's language. Every text is shown escaped. Public
 * because the pages' expressions call its methods.
 *
 * @param field the form field's name
 * @param kind the input kind's import-file name, such as {@code single-choice}
 * @param htmlType the {@code type} of the input element for typed kinds
 * @param values what the field holds: the offered value, or what was sent before an error
 * @param offered the inferred value to confirm or correct, as the reader should read it; or null
 * @param error why the answer sent was refused; or null
 */
public record QuestionView(
    String id,
    String field,
    String kind,
    String htmlType,
    String text,
    String help,
    List<Option> options,
    List<String> values,
    String offered,
    String error,
    boolean required,
    Integer minLength,
    Integer maxLength,
    BigDecimal min,
    BigDecimal max) {

  public QuestionView {
    options = List.copyOf(options);
    values = List.copyOf(values);
  }

  /** The single value a text, number, date or country field holds; empty when none. */
  public String value() {
    return values.isEmpty() ? "" : values.get(0);
  }

  public boolean selected(String value) {
    return values.contains(value);
  }

  /** One answer offered by a choice, yes-no or country question. */
  public record Option(String value, String label) {}
}
