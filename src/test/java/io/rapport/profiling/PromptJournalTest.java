package io.rapport.profiling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.platform.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PromptJournalTest {

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void openedPromptIsStoredWithAShownEventPerQuestion(TestDatabase database) {
    ProfilingFixture fixture = new ProfilingFixture(database.dataSource());
    PromptJournal journal = journal(fixture);
    String user = fixture.newUser(1);

    Prompt prompt = journal.open(user, "login", "acme-video", 1, List.of("first-name", "use-case"));

    assertThat(journal.find(prompt.id())).contains(prompt);
    assertThat(prompt.state()).isEqualTo(PromptState.OPEN);
    assertThat(prompt.createdAt()).isEqualTo(ProfilingFixture.START);
    assertThat(journal.openAt(user, "login", 1)).contains(prompt);
    assertThat(journal.openAt(user, "login", 2)).isEmpty();
    assertThat(journal.openAt(user, "purchase", 1)).isEmpty();
    assertThat(journal.history(user, ProfilingFixture.START, 1).questions())
        .containsEntry("first-name", new PromptHistory.QuestionHistory(1, 0, 0, null, 0))
        .containsEntry("use-case", new PromptHistory.QuestionHistory(1, 0, 0, null, 0));
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void promptStillOpenWhenTheNextIsMadeIsAbandoned(TestDatabase database) {
    ProfilingFixture fixture = new ProfilingFixture(database.dataSource());
    PromptJournal journal = journal(fixture);
    String user = fixture.newUser(2);
    String other = fixture.newUser(1);
    Prompt first = journal.open(user, "login", "acme-video", 1, List.of("first-name"));
    Prompt othersPrompt = journal.open(other, "login", "acme-video", 1, List.of("first-name"));

    fixture.clock.advance(Duration.ofDays(1));
    journal.open(user, "login", "acme-video", 2, List.of("first-name", "company-name"));

    assertThat(journal.find(first.id()).orElseThrow().state()).isEqualTo(PromptState.ABANDONED);
    assertThat(journal.find(othersPrompt.id()).orElseThrow().state()).isEqualTo(PromptState.OPEN);
    assertThat(journal.counts())
        .contains(
            new PromptEvents.EventCount("first-name", "login", EventType.ABANDONED, 1),
            new PromptEvents.EventCount("first-name", "login", EventType.SHOWN, 3),
            new PromptEvents.EventCount("company-name", "login", EventType.SHOWN, 1));
    assertThatThrownBy(() -> journal.close(first, PromptState.ANSWERED, Map.of()))
        .isInstanceOf(PromptClosedException.class);
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void closingRecordsAnswersAndSkipsWithTheTimeAndLoginOfTheSkip(TestDatabase database) {
    ProfilingFixture fixture = new ProfilingFixture(database.dataSource());
    PromptJournal journal = journal(fixture);
    String user = fixture.newUser(3);
    Prompt prompt =
        journal.open(user, "login", "acme-video", 3, List.of("company-size", "country"));
    fixture.clock.advance(Duration.ofMinutes(2));

    journal.close(
        prompt,
        PromptState.ANSWERED,
        Map.of("company-size", EventType.ANSWERED, "country", EventType.SKIPPED));

    Instant skippedAt = ProfilingFixture.START.plus(Duration.ofMinutes(2));
    assertThat(journal.find(prompt.id()).orElseThrow().state()).isEqualTo(PromptState.ANSWERED);
    assertThat(journal.history(user, ProfilingFixture.START, 3).questions())
        .containsEntry("company-size", new PromptHistory.QuestionHistory(1, 1, 0, null, 0))
        .containsEntry("country", new PromptHistory.QuestionHistory(1, 0, 1, skippedAt, 3));
    assertThat(journal.counts())
        .containsExactly(
            new PromptEvents.EventCount("company-size", "login", EventType.ANSWERED, 1),
            new PromptEvents.EventCount("company-size", "login", EventType.SHOWN, 1),
            new PromptEvents.EventCount("country", "login", EventType.SHOWN, 1),
            new PromptEvents.EventCount("country", "login", EventType.SKIPPED, 1));
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void replayOfAClosedPromptIsRefusedAndRecordsNothing(TestDatabase database) {
    ProfilingFixture fixture = new ProfilingFixture(database.dataSource());
    PromptJournal journal = journal(fixture);
    String user = fixture.newUser(1);
    Prompt prompt = journal.open(user, "login", null, 1, List.of("first-name"));
    journal.close(prompt, PromptState.SKIPPED, Map.of("first-name", EventType.SKIPPED));
    long events = fixture.count("profiling_event");

    assertThatThrownBy(
            () ->
                journal.close(
                    prompt, PromptState.ANSWERED, Map.of("first-name", EventType.ANSWERED)))
        .isInstanceOf(PromptClosedException.class);

    assertThat(fixture.count("profiling_event")).isEqualTo(events);
    assertThat(journal.find(prompt.id()).orElseThrow().state()).isEqualTo(PromptState.SKIPPED);
  }

  @ParameterizedTest
  @MethodSource("io.rapport.platform.testing.TestDatabases#both")
  void historyListsThePromptsSinceTheInstantAndThoseAtTheLogin(TestDatabase database) {
    ProfilingFixture fixture = new ProfilingFixture(database.dataSource());
    PromptJournal journal = journal(fixture);
    String user = fixture.newUser(5);
    journal.open(user, "login", null, 3, List.of("a"));
    fixture.clock.advance(Duration.ofDays(10));
    journal.open(user, "purchase", null, 4, List.of("b"));
    fixture.clock.advance(Duration.ofDays(10));
    Instant since = fixture.clock.instant().minus(Duration.ofDays(15));

    List<PromptHistory.PastPrompt> prompts = journal.history(user, since, 3).prompts();

    assertThat(prompts)
        .containsExactly(
            new PromptHistory.PastPrompt("login", 3, ProfilingFixture.START),
            new PromptHistory.PastPrompt(
                "purchase", 4, ProfilingFixture.START.plus(Duration.ofDays(10))));
    assertThat(journal.history(user, fixture.clock.instant(), 9).prompts()).isEmpty();
  }

  private static PromptJournal journal(ProfilingFixture fixture) {
    return new PromptJournal(fixture.jdbc, fixture.clock, fixture.transactions);
  }
}
