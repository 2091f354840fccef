package io.rapport.profiling;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * How the questions fare, counted from the prompt events: how often each was shown, answered,
 * skipped and abandoned, by question and by moment. Counted in the database at each call; nothing
 * is cached.
 */
@Component
public final class PromptFigures {

  private final PromptJournal journal;

  PromptFigures(PromptJournal journal) {
    this.journal = journal;
  }

  /** Every figure recorded, for questions in the plan and for those removed from it since. */
  public Figures all() {
    Map<String, Counts> byQuestion = new TreeMap<>();
    Map<String, Counts> byMoment = new TreeMap<>();
    for (PromptEvents.EventCount count : journal.counts()) {
      byQuestion.merge(count.questionId(), Counts.of(count), Counts::plus);
      byMoment.merge(count.moment(), Counts.of(count), Counts::plus);
    }
    return new Figures(byQuestion, byMoment);
  }

  /**
   * The figures of every question and every moment that has events.
   *
   * @param byQuestion by question id, in the order of the ids
   * @param byMoment by moment, in the order of the names
   */
  public record Figures(Map<String, Counts> byQuestion, Map<String, Counts> byMoment) {

    public Figures {
      byQuestion = Collections.unmodifiableMap(new TreeMap<>(byQuestion));
      byMoment = Collections.unmodifiableMap(new TreeMap<>(byMoment));
    }

    /** The question's figures; all zero when it was never shown. */
    public Counts question(String questionId) {
      return byQuestion.getOrDefault(questionId, Counts.NONE);
    }
  }

  /**
   * What became of a question, or of the questions of a moment, each time it was shown. A question
   * is shown once per prompt, however often the user sees that prompt again; answered, skipped and
   * abandoned count what became of it in those prompts, and a prompt still open counts in none of
   * them yet.
   */
  public record Counts(long shown, long answered, long skipped, long abandoned) {

    public static final Counts NONE = new Counts(0, 0, 0, 0);

    static Counts of(PromptEvents.EventCount count) {
      long events = count.events();
      return switch (count.type()) {
        case SHOWN -> new Counts(events, 0, 0, 0);
        case ANSWERED -> new Counts(0, events, 0, 0);
        case SKIPPED -> new Counts(0, 0, events, 0);
        case ABANDONED -> new Counts(0, 0, 0, events);
      };
    }

    Counts plus(Counts other) {
      return new Counts(
          shown + other.shown,
          answered + other.answered,
          skipped + other.skipped,
          abandoned + other.abandoned);
    }

    /** Answered of shown, from 0 to 1; null when it was never shown. */
    public Double answerRate() {
      return shown == 0 ? null : (double) answered / shown;
    }
  }
}
