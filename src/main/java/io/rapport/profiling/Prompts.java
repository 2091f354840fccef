package io.rapport.profiling;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The SQL of the {@code profiling_prompt} table. */
final class Prompts {

  private static final String COLUMNS =
      "prompt_id, user_id, moment, client_id, login_number, question_ids, state, created_at";

  private final JdbcClient jdbc;

  Prompts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Prompt prompt) {
    jdbc.sql("INSERT INTO profiling_prompt (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            prompt.id(),
            prompt.userId(),
            prompt.moment(),
            prompt.clientId(),
            prompt.loginNumber(),
            String.join(",", prompt.questionIds()),
            prompt.state().name(),
            prompt.createdAt().atOffset(ZoneOffset.UTC))
        .update();
  }

  Optional<Prompt> find(String promptId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM profiling_prompt WHERE prompt_id = ?")
        .param(promptId)
        .query(Prompts::map)
        .optional();
  }

  List<Prompt> open(String userId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM profiling_prompt WHERE user_id = ? AND state = ? ORDER BY created_at")
        .params(userId, PromptState.OPEN.name())
        .query(Prompts::map)
        .list();
  }

  /** The user's prompts made since the instant or at the login. */
  List<Prompt> recent(String userId, Instant since, int loginNumber) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + """
                 FROM profiling_prompt
                WHERE user_id = ? AND (created_at >= ? OR login_number = ?)
                ORDER BY created_at""")
        .params(userId, since.atOffset(ZoneOffset.UTC), loginNumber)
        .query(Prompts::map)
        .list();
  }

  /** Closes an open prompt; false when it was not open, so that only one closing counts. */
  boolean close(String promptId, PromptState state, Instant at) {
    return jdbc.sql(
                """
                UPDATE profiling_prompt SET state = ?, closed_at = ?
                WHERE prompt_id = ? AND state = ?""")
            .params(state.name(), at.atOffset(ZoneOffset.UTC), promptId, PromptState.OPEN.name())
            .update()
        == 1;
  }

  private static Prompt map(ResultSet row, int number) throws SQLException {
    String ids = row.getString("question_ids");
    return new Prompt(
        row.getString("prompt_id"),
        row.getString("user_id"),
        row.getString("moment"),
        row.getString("client_id"),
        row.getInt("login_number"),
        ids.isEmpty() ? List.of() : Arrays.asList(ids.split(",")),
        PromptState.valueOf(row.getString("state")),
        row.getObject("created_at", OffsetDateTime.class).toInstant());
  }
}
