package io.rapport.profiling;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Questions for tests, with only what each test cares about spelled out. */
final class QuestionBuilder {

  private final String id;
  private final String attribute;
  private InputKind input = InputKind.TEXT;
  private Map<String, String> text;
  private final List<ChoiceOption> options = new ArrayList<>();
  private boolean required;
  private Integer minLength;
  private Integer maxLength;
  private BigDecimal min;
  private BigDecimal max;
  private String pattern;
  private List<String> moments = List.of(Moments.LOGIN);
  private Integer fromLogin;
  private Integer atLogin;
  private Integer afterDays;
  private List<String> applications = List.of();
  private Condition condition;
  private AskMode ask;
  private Double belowConfidence;
  private int priority;
  private boolean gate;
  private boolean enabled = true;

  private QuestionBuilder(String id, String attribute) {
    this.id = id;
    this.attribute = attribute;
    this.text = Map.of("en", "Question " + id + "?", "de", "Frage " + id + "?");
  }

  static QuestionBuilder ask(String id, String attribute) {
    return new QuestionBuilder(id, attribute);
  }

  QuestionBuilder input(InputKind kind) {
    this.input = kind;
    return this;
  }

  QuestionBuilder text(Map<String, String> wording) {
    this.text = wording;
    return this;
  }

  QuestionBuilder option(String value) {
    options.add(new ChoiceOption(value, Map.of("en", "Option " + value)));
    return this;
  }

  QuestionBuilder required() {
    this.required = true;
    return this;
  }

  QuestionBuilder length(Integer least, Integer most) {
    this.minLength = least;
    this.maxLength = most;
    return this;
  }

  QuestionBuilder range(String least, String most) {
    this.min = least == null ? null : new BigDecimal(least);
    this.max = most == null ? null : new BigDecimal(most);
    return this;
  }

  QuestionBuilder pattern(String regex) {
    this.pattern = regex;
    return this;
  }

  QuestionBuilder moments(String... names) {
    this.moments = List.of(names);
    return this;
  }

  QuestionBuilder fromLogin(int login) {
    this.fromLogin = login;
    return this;
  }

  QuestionBuilder atLogin(int login) {
    this.atLogin = login;
    return this;
  }

  QuestionBuilder afterDays(int days) {
    this.afterDays = days;
    return this;
  }

  QuestionBuilder applications(String... clientIds) {
    this.applications = List.of(clientIds);
    return this;
  }

  QuestionBuilder when(String conditionAttribute, String... values) {
    this.condition = new Condition(conditionAttribute, List.of(values));
    return this;
  }

  QuestionBuilder lowConfidence(double below) {
    this.ask = AskMode.LOW_CONFIDENCE;
    this.belowConfidence = below;
    return this;
  }

  QuestionBuilder priority(int value) {
    this.priority = value;
    return this;
  }

  QuestionBuilder gate() {
    this.gate = true;
    return this;
  }

  QuestionBuilder disabled() {
    this.enabled = false;
    return this;
  }

  Question build() {
    return new Question(
        id,
        attribute,
        input,
        text,
        Map.of(),
        options,
        new AnswerRules(required, minLength, maxLength, min, max, pattern),
        new AskRules(
            moments, fromLogin, atLogin, afterDays, applications, condition, ask, belowConfidence),
        priority,
        gate,
        enabled);
  }
}
