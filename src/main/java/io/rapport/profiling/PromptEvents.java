package io.rapport.profiling;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL of the {@code profiling_event} table: what happened to each question of each prompt, for
 * the snooze rules and for reports per question and per moment. Answers are never copied here.
 */
final class PromptEvents {

  private final JdbcClient jdbc;

  PromptEvents(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void record(Prompt prompt, String questionId, EventType type, Instant at) {
    jdbc.sql(
            """
            INSERT INTO profiling_event
              (prompt_id, user_id, question_id, moment, event_type, login_number, occurred_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(
            prompt.id(),
            prompt.userId(),
            questionId,
            prompt.moment(),
            type.name(),
            prompt.loginNumber(),
            at.atOffset(ZoneOffset.UTC))
        .update();
  }

  /** What happened to each question the user was shown, by question id. */
  Map<String, PromptHistory.QuestionHistory> historyOf(String userId) {
    Map<String, PromptHistory.QuestionHistory> histories = new HashMap<>();
    jdbc.sql(
            """
            SELECT question_id, event_type, COUNT(*) AS events,
                   MAX(occurred_at) AS last_at, MAX(login_number) AS last_login
            FROM profiling_event WHERE user_id = ?
            GROUP BY question_id, event_type""")
        .param(userId)
        .query(
            row -> {
              String questionId = row.getString("question_id");
              PromptHistory.QuestionHistory so =
                  histories.getOrDefault(questionId, PromptHistory.QuestionHistory.NEVER_SHOWN);
              histories.put(
                  questionId,
                  add(
                      so,
                      EventType.valueOf(row.getString("event_type")),
                      row.getInt("events"),
                      row.getObject("last_at", OffsetDateTime.class).toInstant(),
                      row.getInt("last_login")));
            });
    return histories;
  }

  /** How often each question was shown, answered, skipped and abandoned, at each moment. */
  List<EventCount> counts() {
    return jdbc.sql(
            """
            SELECT question_id, moment, event_type, COUNT(*) AS events
            FROM profiling_event GROUP BY question_id, moment, event_type
            ORDER BY question_id, moment, event_type""")
        .query(
            (row, number) ->
                new EventCount(
                    row.getString("question_id"),
                    row.getString("moment"),
                    EventType.valueOf(row.getString("event_type")),
                    row.getLong("events")))
        .list();
  }

  private static PromptHistory.QuestionHistory add(
      PromptHistory.QuestionHistory so, EventType type, int events, Instant lastAt, int lastLogin) {
    return switch (type) {
      case SHOWN ->
          new PromptHistory.QuestionHistory(
              events, so.answered(), so.skips(), so.lastSkipAt(), so.lastSkipLogin());
      case ANSWERED ->
          new PromptHistory.QuestionHistory(
              so.shown(), events, so.skips(), so.lastSkipAt(), so.lastSkipLogin());
      case SKIPPED ->
          new PromptHistory.QuestionHistory(so.shown(), so.answered(), events, lastAt, lastLogin);
      case ABANDONED -> so;
    };
  }

  /** One figure of the prompt reports. */
  record EventCount(String questionId, String moment, EventType type, long events) {}
}
