package io.rapport.profiling;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.platform.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The console's figures, counted from prompts made and closed as the prompt page does. */
class PromptFiguresTest {

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void eachQuestionCountsWhatBecameOfItEachTimeItWasShown(TestDatabase database) {
    ProfilingFixture fixture = new ProfilingFixture(database.dataSource());
    PromptJournal journal = fixture.journal();
    String ada = fixture.newUser(1);
    String grace = fixture.newUser(1);
    String alan = fixture.newUser(2);

    answer(journal, ada, "login", Map.of("role", EventType.ANSWERED, "size", EventType.SKIPPED));
    answer(journal, grace, "login", Map.of("role", EventType.ANSWERED, "size", EventType.ANSWERED));
    Prompt skipped = journal.open(alan, "purchase", null, 2, List.of("role"));
    journal.close(skipped, PromptState.SKIPPED, Map.of("role", EventType.SKIPPED));
    journal.open(alan, "login", null, 2, List.of("size"));
    fixture.clock.advance(Duration.ofDays(1));
    journal.open(alan, "login", null, 3, List.of("size"));

    PromptFigures.Figures figures = new PromptFigures(journal).all();

    assertThat(figures.question("role")).isEqualTo(new PromptFigures.Counts(3, 2, 1, 0));
    assertThat(figures.question("size")).isEqualTo(new PromptFigures.Counts(4, 1, 1, 1));
    assertThat(figures.question("role").answerRate()).isEqualTo(2.0 / 3);
    assertThat(figures.question("size").answerRate()).isEqualTo(0.25);
    assertThat(figures.question("never-shown")).isEqualTo(PromptFigures.Counts.NONE);
    assertThat(figures.question("never-shown").answerRate()).isNull();
    assertThat(figures.byMoment())
        .containsExactly(
            Map.entry("login", new PromptFigures.Counts(6, 3, 1, 1)),
            Map.entry("purchase", new PromptFigures.Counts(1, 0, 1, 0)));
  }

  private static void answer(
      PromptJournal journal, String user, String moment, Map<String, EventType> outcomes) {
    Prompt prompt = journal.open(user, moment, null, 1, List.copyOf(outcomes.keySet()));
    journal.close(prompt, PromptState.ANSWERED, outcomes);
  }
}
