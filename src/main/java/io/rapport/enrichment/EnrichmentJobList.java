package io.rapport.enrichment;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The enrichment jobs as the console lists them: running, waiting, retrying and failed, with the
 * reason of the last try.
 *
 * <p>It reads db-scheduler's table directly, with a limit, rather than through its client, which
 * fetches every execution of a task: after a burst of sign-ups there may be many thousands. The
 * table's layout is db-scheduler's published schema, which this project creates itself (V4).
 */
@Component
public final class EnrichmentJobList {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;
  private final Clock clock;

  EnrichmentJobList(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** How many jobs are in each state now. */
  public Counts counts() {
    OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
    return jdbc.sql(
            """
            SELECT
              COALESCE(SUM(CASE WHEN picked THEN 1 ELSE 0 END), 0) AS running,
              COALESCE(SUM(CASE WHEN NOT picked AND execution_time <= ? THEN 1 ELSE 0 END), 0)
                AS waiting,
              COALESCE(SUM(CASE WHEN NOT picked AND execution_time > ? THEN 1 ELSE 0 END), 0)
                AS retrying,
              (SELECT COUNT(*) FROM enrichment_failure) AS failed
            FROM scheduled_tasks WHERE task_name = ?""")
        .params(now, now, EnrichmentJobs.TASK)
        .query(
            (row, number) ->
                new Counts(
                    row.getLong("running"),
                    row.getLong("waiting"),
                    row.getLong("retrying"),
                    row.getLong("failed")))
        .single();
  }

  /**
   * The queued jobs, soonest first: running and waiting ones are due now; a retrying one is due
   * when its providers asked to be asked again.
   */
  public List<Job> queued(int limit) {
    Instant now = clock.instant();
    return jdbc.sql(
            """
            SELECT t.task_instance, u.email, t.task_data, t.execution_time, t.picked
            FROM scheduled_tasks t LEFT JOIN user_account u ON u.id = t.task_instance
            WHERE t.task_name = ? ORDER BY t.execution_time, t.task_instance
            FETCH FIRST ? ROWS ONLY""")
        .params(EnrichmentJobs.TASK, limit)
        .query(
            (row, number) -> {
              JsonNode data = JSON.readTree(row.getBytes("task_data"));
              Instant due = row.getObject("execution_time", OffsetDateTime.class).toInstant();
              State state =
                  row.getBoolean("picked")
                      ? State.RUNNING
                      : due.isAfter(now) ? State.RETRYING : State.WAITING;
              return new Job(
                  row.getString("task_instance"),
                  row.getString("email"),
                  state,
                  data.path("trigger").asString(""),
                  data.path("attempt").asInt(1),
                  data.path("reason").isString() ? data.get("reason").asString() : null,
                  due);
            })
        .list();
  }

  /** The jobs that gave up, latest first. */
  public List<Job> failed(int limit) {
    return jdbc.sql(
            """
            SELECT f.user_id, u.email, f.job_trigger, f.attempts, f.reason, f.failed_at
            FROM enrichment_failure f JOIN user_account u ON u.id = f.user_id
            ORDER BY f.failed_at DESC, f.user_id FETCH FIRST ? ROWS ONLY""")
        .param(limit)
        .query(
            (row, number) ->
                new Job(
                    row.getString("user_id"),
                    row.getString("email"),
                    State.FAILED,
                    row.getString("job_trigger"),
                    row.getInt("attempts"),
                    row.getString("reason"),
                    row.getObject("failed_at", OffsetDateTime.class).toInstant()))
        .list();
  }

  public enum State {
    RUNNING,
    WAITING,
    RETRYING,
    FAILED
  }

  public record Counts(long running, long waiting, long retrying, long failed) {}

  /**
   * One user's job.
   *
   * @param email the user's address, for the administrator; null when the user is gone
   * @param attempt the try it is at (queued) or the tries it made (failed)
   * @param reason why the last try did not finish; null before the first
   * @param at when it runs (queued) or when it gave up (failed)
   */
  public record Job(
      String userId,
      String email,
      State state,
      String trigger,
      int attempt,
      String reason,
      Instant at) {}
}
