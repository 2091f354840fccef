package io.rapport.bench.selection;

import io.rapport.profile.Attribute;
import io.rapport.profile.Sensitivity;
import io.rapport.profile.ValueType;
import io.rapport.profiling.InputKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The attribute catalog of the benchmark plan: Rapport's 18 built-in attributes and 132 of the
 * company's own, 150 in all, each with the input kind its first question asks with.
 */
final class BenchCatalog {

  static final int COMPANY_ATTRIBUTES = 132;

  /** The kinds company attributes cycle through: single choices are the most common. */
  private static final List<InputKind> KINDS =
      List.of(
          InputKind.SINGLE_CHOICE,
          InputKind.TEXT,
          InputKind.YES_NO,
          InputKind.NUMBER,
          InputKind.MULTIPLE_CHOICE,
          InputKind.SINGLE_CHOICE,
          InputKind.DATE,
          InputKind.EMAIL,
          InputKind.URL,
          InputKind.PHONE,
          InputKind.COUNTRY,
          InputKind.SINGLE_CHOICE);

  /** An attribute and the input kind of the plan's questions for it. */
  record Entry(Attribute attribute, InputKind input) {

    String key() {
      return attribute.key();
    }
  }

  private BenchCatalog() {}

  static List<Entry> entries() {
    List<Entry> entries = new ArrayList<>(builtIns());
    for (int i = 1; i <= COMPANY_ATTRIBUTES; i++) {
      InputKind input = KINDS.get(i % KINDS.size());
      String key = String.format(Locale.ROOT, "bench_%03d", i);
      Map<String, String> labels = new LinkedHashMap<>();
      labels.put("en", "Bench attribute " + i);
      labels.put("de", "Bench-Attribut " + i);
      entries.add(
          new Entry(new Attribute(key, type(input), Sensitivity.PERSONAL, labels, false), input));
    }
    return List.copyOf(entries);
  }

  static Map<String, Attribute> attributes() {
    Map<String, Attribute> attributes = new LinkedHashMap<>();
    entries().forEach(entry -> attributes.put(entry.key(), entry.attribute()));
    return attributes;
  }

  private static ValueType type(InputKind input) {
    return switch (input) {
      case TEXT, SINGLE_CHOICE, MULTIPLE_CHOICE -> ValueType.TEXT;
      case EMAIL -> ValueType.EMAIL;
      case URL -> ValueType.URL;
      case PHONE -> ValueType.PHONE;
      case NUMBER -> ValueType.NUMBER;
      case DATE -> ValueType.DATE;
      case YES_NO -> ValueType.BOOLEAN;
      case COUNTRY -> ValueType.COUNTRY;
    };
  }

  /** The built-ins as the migrations define them (types and sensitivities), English labels only. */
  private static List<Entry> builtIns() {
    return List.of(
        builtIn("name", ValueType.TEXT, InputKind.TEXT),
        builtIn("given_name", ValueType.TEXT, InputKind.TEXT),
        builtIn("family_name", ValueType.TEXT, InputKind.TEXT),
        builtIn("locale", ValueType.TEXT, InputKind.SINGLE_CHOICE),
        builtIn("company_name", ValueType.TEXT, InputKind.TEXT),
        builtIn("company_domain", ValueType.TEXT, InputKind.TEXT),
        builtIn("company_size", ValueType.NUMBER, InputKind.SINGLE_CHOICE),
        builtIn("industry", ValueType.TEXT, InputKind.SINGLE_CHOICE),
        builtIn("job_title", ValueType.TEXT, InputKind.TEXT),
        builtIn("job_role", ValueType.TEXT, InputKind.SINGLE_CHOICE),
        builtIn("seniority", ValueType.TEXT, InputKind.SINGLE_CHOICE),
        builtIn("country", ValueType.COUNTRY, InputKind.COUNTRY),
        builtIn("city", ValueType.TEXT, InputKind.TEXT),
        builtIn("phone_number", ValueType.PHONE, InputKind.PHONE),
        builtIn("linkedin", ValueType.URL, InputKind.URL),
        builtIn("twitter", ValueType.TEXT, InputKind.TEXT),
        builtIn("github", ValueType.TEXT, InputKind.TEXT),
        builtIn("website", ValueType.URL, InputKind.URL));
  }

  private static Entry builtIn(String key, ValueType type, InputKind input) {
    Map<String, String> labels = Map.of("en", key.replace('_', ' '));
    return new Entry(new Attribute(key, type, Sensitivity.PERSONAL, labels, true), input);
  }
}
