package io.rapport.profiling;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.platform.yaml.Place;
import io.rapport.platform.yaml.YamlWalker;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The plan written in the import file's format, and one question or the policy as the console edits
 * them.
 */
class PlanYamlTest {

  @Test
  void everyQuestionWrittenAloneReadsBackTheSame() {
    List<Question> questions = new ArrayList<>(PlanSamples.everyKey().questions());
    questions.addAll(AcmeVideoPlan.plan().questions());

    for (Question question : questions) {
      YamlWalker walker = YamlWalker.literal();
      String yaml = PlanYaml.question(question);

      Question read = PlanYaml.readQuestion(walker, YamlWalker.compose(yaml)).value();

      assertThat(walker.problems()).as(yaml).isEmpty();
      assertThat(read).as(yaml).isEqualTo(question);
    }
  }

  @Test
  void policyWrittenAloneReadsBackTheSame() {
    for (Policy policy :
        List.of(Policy.DEFAULT, PlanSamples.everyKey().policy(), AcmeVideoPlan.plan().policy())) {
      YamlWalker walker = YamlWalker.literal();

      Policy read =
          PlanYaml.readPolicy(walker, YamlWalker.compose(PlanYaml.policy(policy))).value();

      assertThat(walker.problems()).isEmpty();
      assertThat(read).isEqualTo(policy);
    }
  }

  @Test
  void aQuestionIsWrittenWithTheKeysOfTheImportFileInTheirOrderAndOnlyThoseThatAreSet() {
    assertThat(PlanYaml.question(AcmeVideoPlan.companyName()))
        .isEqualTo(
            """
            id: company-name
            attribute: company_name
            input: text
            text:
              en: Which company do you work for?
              de: Für welches Unternehmen arbeiten Sie?
            max-length: 200
            moments:
              - login
              - purchase
            from-login: 2
            ask: low-confidence
            below-confidence: 0.8
            """);
  }

  @Test
  void theImportSectionEscapesVariableReferencesTheConsoleShowsAsTheyAre() {
    Plan plan = PlanSamples.everyKey();

    assertThat(PlanYaml.importSection(plan))
        .startsWith("profiling:\n  policy:\n    max-questions: 3\n")
        .contains("Price: $${PRICE} or $$${LITERAL}");
    assertThat(PlanYaml.question(plan.questions().get(2)))
        .contains("Price: ${PRICE} or $${LITERAL}");
  }

  @Test
  void aProblemIsPlacedAtTheValueItNamesElseAtTheNearestValueAroundIt() {
    String yaml =
        """
        id: role
        attribute: job_role
        input: single-choice
        text: { en: Your role }
        options:
          - { value: hr, label: { en: HR } }
          - value: ops
            label: { en: Ops }
        """;

    PlanYaml.Reading<Question> reading =
        PlanYaml.readQuestion(YamlWalker.literal(), YamlWalker.compose(yaml));

    assertThat(reading.placeOf("options[1].value")).isEqualTo(new Place("options[1].value", 7, 12));
    assertThat(reading.placeOf("options[1].label.de"))
        .isEqualTo(new Place("options[1].label.de", 8, 12));
    assertThat(reading.placeOf("when.attribute")).isEqualTo(new Place("when.attribute", 1, 1));
  }
}
