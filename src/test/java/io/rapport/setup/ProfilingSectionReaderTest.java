package io.rapport.setup;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.profiling.AcmeVideoPlan;
import io.rapport.profiling.AskMode;
import io.rapport.profiling.Condition;
import io.rapport.profiling.Plan;
import io.rapport.profiling.Policy;
import io.rapport.profiling.Question;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code profiling} section read for shape, before anything is checked against Rapport. */
class ProfilingSectionReaderTest {

  private static final String FILE = "rapport.yaml";

  private final ImportFileReader reader =
      new ImportFileReader(
          new VariableExpander(Map.of("OPS_TOOL_SECRET", "a-secret-of-the-ops-tool")::get),
          List.of(new KeylessProviderType("email-domain"), new KeylessProviderType("website")));

  @Test
  void acmeVideoExampleReadsIntoItsPlan() {
    ImportPlan plan = reader.read(Path.of("examples/acme-video/rapport.yaml"));

    assertThat(plan.profiling().plan()).isEqualTo(AcmeVideoPlan.plan());
    assertThat(plan.providers().providerIds()).containsExactly("email-domain", "website");
  }

  @Test
  void everyKeyOfAQuestionAndOfThePolicyIsRead() {
    Plan plan =
        reader
            .parse(
                FILE,
                """
                profiling:
                  policy:
                    max-questions: 3
                    friction-budget: { prompts: 2, days: 7 }
                    snooze: { days: 14, stop-after-skips: 1 }
                  questions:
                    - id: team
                      attribute: team_size
                      input: number
                      text: { en: 'How many people do you manage?' }
                      help: { en: Roughly. }
                      required: true
                      min: 1
                      max: 10000
                      moments: [login, purchase]
                      at-login: 4
                      after-days: 30
                      applications: [acme-video]
                      when: { attribute: job_role, in: [hr, executive] }
                      ask: low-confidence
                      below-confidence: 0.5
                      priority: 7
                      gate: true
                      enabled: false
                    - id: website
                      attribute: website
                      input: url
                      text: { en: 'Your website?' }
                      min-length: 10
                      max-length: 200
                      pattern: 'https://.*'
                      when: { attribute: job_role, equals: sales }
                """)
            .profiling()
            .plan();

    assertThat(plan.policy())
        .isEqualTo(new Policy(3, new Policy.FrictionBudget(2, 7), new Policy.Snooze(null, 14, 1)));
    Question team = plan.questions().get(0);
    assertThat(team.rules().required()).isTrue();
    assertThat(team.rules().min()).isEqualTo(new BigDecimal("1"));
    assertThat(team.rules().max()).isEqualTo(new BigDecimal("10000"));
    assertThat(team.when().moments()).containsExactly("login", "purchase");
    assertThat(team.when().atLogin()).isEqualTo(4);
    assertThat(team.when().afterDays()).isEqualTo(30);
    assertThat(team.when().applications()).containsExactly("acme-video");
    assertThat(team.when().condition())
        .isEqualTo(new Condition("job_role", List.of("hr", "executive")));
    assertThat(team.when().ask()).isEqualTo(AskMode.LOW_CONFIDENCE);
    assertThat(team.when().belowConfidence()).isEqualTo(0.5);
    assertThat(team)
        .returns(7, Question::priority)
        .returns(true, Question::gate)
        .returns(false, Question::enabled)
        .returns(Map.of("en", "Roughly."), Question::help);
    Question website = plan.questions().get(1);
    assertThat(website.rules().minLength()).isEqualTo(10);
    assertThat(website.rules().maxLength()).isEqualTo(200);
    assertThat(website.rules().pattern()).isEqualTo("https://.*");
    assertThat(website.when().condition()).isEqualTo(new Condition("job_role", List.of("sales")));
  }

  @Test
  void fileWithoutAProfilingSectionLeavesThePlanAlone() {
    assertThat(reader.parse(FILE, "attributes: []\n").profiling()).isNull();
  }

  @Test
  void shapeProblemsOfTheSectionAreReportedWithTheirPlaces() {
    assertProblems(
        """
        profiling:
          policy: { max-questions: two, snooze: { logins: 2, weeks: 1 } }
          questions:
            - id: role
              attribute: job_role
              input: dropdown
              text: { en: 'Role?' }
              gate: yes
              when: { attribute: company_name, equals: Acme, in: [Acme] }
              options:
                - { value: hr }
            - attribute: company_name
              input: text
              text: Company?
              colour: red
        """,
        "rapport.yaml:2:28: profiling.policy.max-questions: 'two' must be a whole number, such as 2",
        "rapport.yaml:2:54: profiling.policy.snooze: unknown key 'weeks'; known keys: days,"
            + " logins, stop-after-skips",
        "rapport.yaml:6:14: profiling.questions[0].input: 'dropdown' is not one of text, email,"
            + " url, phone, number, date, single-choice, multiple-choice, yes-no, country",
        "rapport.yaml:8:13: profiling.questions[0].gate: 'yes' must be true or false",
        "rapport.yaml:9:58: profiling.questions[0].when.in: give equals or in, not both",
        "rapport.yaml:11:11: profiling.questions[0].options[0]: missing key 'label'",
        "rapport.yaml:12:7: profiling.questions[1]: missing key 'id'",
        "rapport.yaml:14:13: profiling.questions[1].text: must be a mapping of keys to values, not"
            + " a single value",
        "rapport.yaml:15:7: profiling.questions[1]: unknown key 'colour'; known keys: after-days,"
            + " applications, ask, at-login, attribute, below-confidence, enabled, from-login,"
            + " gate, help, id, input, max, max-length, min, min-length, moments, options,"
            + " pattern, priority, required, text, when");
  }

  private void assertProblems(String yaml, String... expected) {
    try {
      reader.parse(FILE, yaml);
    } catch (InvalidImportFileException e) {
      assertThat(e.problems()).extracting(ImportProblem::toString).containsExactly(expected);
      return;
    }
    throw new AssertionError("the file was read without problems");
  }
}
