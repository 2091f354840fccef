package io.rapport.profiling;

import static io.rapport.profiling.QuestionBuilder.ask;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What each input kind accepts, whatever the page's own checks did. */
class AnswerValidatorTest {

  @Test
  void typedAnswersAreCheckedForLengthPatternAndType() {
    Question website =
        ask("site", "website").input(InputKind.URL).length(12, 40).pattern("https://.*").build();

    assertThat(check(website, " https://acme.example "))
        .isEqualTo(accepted("https://acme.example"));
    assertThat(check(website, "https://a.io")).isEqualTo(accepted("https://a.io"));
    assertThat(check(website, "https://a.i")).isEqualTo(refused("prompt.error.tooShort", 12));
    assertThat(check(website, "https://" + "a".repeat(40)))
        .isEqualTo(refused("prompt.error.tooLong", 40));
    assertThat(check(website, "http://acme.example")).isEqualTo(refused("prompt.error.pattern"));
    assertThat(check(website, "https://")).isEqualTo(refused("prompt.error.tooShort", 12));
    assertThat(check(ask("site", "website").input(InputKind.URL).build(), "acme dot com"))
        .isEqualTo(refused("prompt.error.type.url"));
  }

  @Test
  void textWithoutAMaximumStopsAtTheLongestValueTheProfileKeeps() {
    Question name = ask("name", "given_name").build();

    assertThat(check(name, "A".repeat(1000))).isInstanceOf(AnswerCheck.Accepted.class);
    assertThat(check(name, "A".repeat(1001))).isEqualTo(refused("prompt.error.tooLong", 1000));
    assertThat(check(name, "Ada\u0007")).isEqualTo(refused("prompt.error.type.text"));
    assertThat(check(name, "<b>Ada</b>")).isEqualTo(accepted("<b>Ada</b>"));
  }

  @Test
  void numbersAreCheckedAgainstTheirRange() {
    Question team = ask("team", "team_size").input(InputKind.NUMBER).range("1", "500").build();

    assertThat(check(team, "12.0")).isEqualTo(accepted("12"));
    assertThat(check(team, "0")).isEqualTo(refused("prompt.error.belowMin", "1"));
    assertThat(check(team, "501")).isEqualTo(refused("prompt.error.aboveMax", "500"));
    assertThat(check(team, "twelve")).isEqualTo(refused("prompt.error.type.number"));
  }

  @Test
  void choicesMustBeAmongTheOptions() {
    Question size =
        ask("size", "company_size").input(InputKind.SINGLE_CHOICE).option("1").option("11").build();
    Question languages =
        ask("languages", "languages")
            .input(InputKind.MULTIPLE_CHOICE)
            .option("java")
            .option("python")
            .option("go")
            .build();

    assertThat(check(size, "11.0")).isEqualTo(accepted("11"));
    assertThat(check(size, "12")).isEqualTo(refused("prompt.error.notAnOption"));
    assertThat(check(size, "1", "11")).isEqualTo(refused("prompt.error.oneValue"));
    assertThat(check(languages, "go", "java", "go")).isEqualTo(accepted("java,go"));
    assertThat(check(languages, "go", "cobol")).isEqualTo(refused("prompt.error.notAnOption"));
  }

  @Test
  void yesNoDateAndCountryTakeTheirAttributesForms() {
    assertThat(check(ask("news", "newsletter").input(InputKind.YES_NO).build(), "TRUE"))
        .isEqualTo(accepted("true"));
    assertThat(check(ask("news", "newsletter").input(InputKind.YES_NO).build(), "maybe"))
        .isEqualTo(refused("prompt.error.type.boolean"));
    assertThat(check(ask("born", "birthday").input(InputKind.DATE).build(), "2024-02-30"))
        .isEqualTo(refused("prompt.error.type.date"));
    assertThat(check(ask("country", "country").input(InputKind.COUNTRY).build(), "gb"))
        .isEqualTo(accepted("GB"));
    assertThat(check(ask("country", "country").input(InputKind.COUNTRY).build(), "XX"))
        .isEqualTo(refused("prompt.error.type.country"));
    assertThat(check(ask("phone", "phone_number").input(InputKind.PHONE).build(), "+49 30 1234567"))
        .isEqualTo(accepted("+49301234567"));
  }

  @Test
  void emptyAnswersAreSkipsUnlessRequired() {
    assertThat(check(ask("name", "given_name").build(), "  "))
        .isInstanceOf(AnswerCheck.Empty.class);
    assertThat(check(ask("name", "given_name").build())).isInstanceOf(AnswerCheck.Empty.class);
    assertThat(check(ask("name", "given_name").required().build(), ""))
        .isEqualTo(refused("prompt.error.required"));
    assertThat(check(ask("name", "given_name").gate().build()))
        .isEqualTo(refused("prompt.error.required"));
  }

  private static AnswerCheck check(Question question, String... raw) {
    return AnswerValidator.check(
        question, Profiles.CATALOG.get(question.attribute()), List.of(raw));
  }

  private static AnswerCheck accepted(String value) {
    return new AnswerCheck.Accepted(value);
  }

  private static AnswerCheck refused(String key, Object... arguments) {
    return new AnswerCheck.Refused(MessageRef.of(key, arguments));
  }
}
