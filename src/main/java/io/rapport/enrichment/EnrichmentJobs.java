package io.rapport.enrichment;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The enrichment jobs, in db-scheduler's table: one job per user, run once across all nodes,
 * surviving restarts. A job is queued in the caller's transaction (the sign-up's), so that it
 * exists exactly when the user does. A job whose providers asked to be asked again (queued answers,
 * failures worth retrying) runs again later, with a growing delay, at most {@code maxTries} times.
 */
@Component
public final class EnrichmentJobs implements SmartLifecycle {

  static final String TASK = "enrich-user";

  /** The trigger of a job an administrator ran again after it gave up. */
  static final String RETRY = "retry";

  /**
   * How long a stopping node waits for its running jobs; one still running then is taken up again
   * by a node once its heartbeat is missed.
   */
  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(20);

  private static final Logger log = LoggerFactory.getLogger(EnrichmentJobs.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final EnrichmentPipeline pipeline;
  private final EnrichmentProperties properties;
  private final Clock clock;
  private final JobFailures failures;
  private final CustomTask<JobData> task;
  private final SchedulerClient client;
  private final Scheduler scheduler;

  EnrichmentJobs(
      DataSource dataSource,
      EnrichmentPipeline pipeline,
      EnrichmentProperties properties,
      Clock clock,
      JobFailures failures) {
    this.pipeline = pipeline;
    this.failures = failures;
    this.properties = properties;
    this.clock = clock;
    this.task =
        Tasks.custom(TASK, JobData.class)
            .onFailure(
                new FailureHandler.MaxRetriesFailureHandler<>(
                    properties.maxTries(),
                    new FailureHandler.ExponentialBackoffFailureHandler<>(properties.retryDelay())))
            .execute(this::execute);
    // Transaction-aware, so that a job queued during a sign-up commits or rolls back with it.
    DataSource transactional = new TransactionAwareDataSourceProxy(dataSource);
    this.client =
        SchedulerClient.Builder.create(transactional, task)
            .serializer(new JsonSerializer())
            .build();
    this.scheduler =
        properties.enabled()
            ? Scheduler.create(dataSource, task)
                .serializer(new JsonSerializer())
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                .enableImmediateExecution()
                .schedulerName(new SchedulerName.Hostname())
                .shutdownMaxWait(SHUTDOWN_WAIT)
                .build()
            : null;
  }

  /**
   * Queues the enrichment of a user, to run at once; nothing when one is queued already.
   *
   * @param trigger what asked for it: {@code signup}, {@code email-verified}, {@code admin}
   * @return whether a job was queued
   */
  public boolean enqueue(String userId, String trigger) {
    boolean queued =
        client.scheduleIfNotExists(
            task.instance(userId, new JobData(trigger, 1, null)), clock.instant());
    log.debug("Enrichment job for a user {}: {}", queued ? "queued" : "already queued", trigger);
    return queued;
  }

  /**
   * Removes the user's waiting job and forgets a failed one, for a user who may no longer be looked
   * up. A job running at this moment cannot be removed; it finishes its run (the pipeline checked
   * the user before it began) and is not run again, since the next run checks again.
   *
   * @return whether a waiting job was removed
   */
  public boolean cancel(String userId) {
    failures.remove(userId);
    TaskInstanceId id = TaskInstanceId.of(TASK, userId);
    try {
      if (client.getScheduledExecution(id).isEmpty()) {
        return false;
      }
      client.cancel(id);
      return true;
    } catch (RuntimeException e) {
      // db-scheduler refuses to cancel a picked (running) execution.
      log.debug(
          "RAPPORT-ENRICH-071 A running enrichment job could not be removed: {}", e.toString());
      return false;
    }
  }

  /** Whether the user has a job queued or running. */
  public boolean queued(String userId) {
    return client.getScheduledExecution(TaskInstanceId.of(TASK, userId)).isPresent();
  }

  /**
   * Runs the job again now: a job that gave up is queued anew, one waiting to retry is brought
   * forward.
   *
   * @return false when the user has no job, waiting or failed
   */
  public boolean retryNow(String userId) {
    if (failures.remove(userId)) {
      client.scheduleIfNotExists(
          task.instance(userId, new JobData(RETRY, 1, null)), clock.instant());
      return true;
    }
    TaskInstanceId id = TaskInstanceId.of(TASK, userId);
    if (client.getScheduledExecution(id).isEmpty()) {
      return false;
    }
    client.reschedule(id, clock.instant());
    return true;
  }

  private CompletionHandler<JobData> execute(
      TaskInstance<JobData> instance, ExecutionContext context) {
    JobData data = instance.getData();
    String userId = instance.getId();
    Duration retry;
    String reason;
    try {
      Optional<EnrichmentRun> run = pipeline.enrich(userId);
      retry = run.flatMap(EnrichmentRun::retryAfter).orElse(null);
      reason = run.map(EnrichmentRun::unfinishedReasons).orElse(null);
    } catch (RuntimeException e) {
      // A fault of Rapport's own, such as the database going away mid-run: tried again like a
      // provider's failure, and listed with its kind, never its message (it may quote data).
      log.warn("RAPPORT-ENRICH-005 An enrichment job failed: {}", e.getClass().getName());
      log.debug("Enrichment job failure", e);
      retry = properties.retryDelay();
      reason = "failed: " + e.getClass().getSimpleName();
    }
    if (retry == null) {
      failures.remove(userId);
      return new CompletionHandler.OnCompleteRemove<>();
    }
    if (data.attempt() >= properties.maxTries()) {
      failures.record(userId, data.trigger(), data.attempt(), reason);
      log.info(
          "RAPPORT-ENRICH-006 An enrichment job gave up after {} tries; listed in the console",
          data.attempt());
      return new CompletionHandler.OnCompleteRemove<>();
    }
    Duration backoff = properties.retryDelay().multipliedBy(1L << Math.min(20, data.attempt() - 1));
    Duration delay = retry.compareTo(backoff) > 0 ? retry : backoff;
    JobData next = data.next(reason);
    return (complete, operations) ->
        operations.reschedule(complete, clock.instant().plus(delay), next);
  }

  @Override
  public void start() {
    if (scheduler != null) {
      scheduler.start();
    }
  }

  @Override
  public void stop() {
    if (scheduler != null) {
      scheduler.stop();
    }
  }

  @Override
  public boolean isRunning() {
    return scheduler != null
        && scheduler.getSchedulerState().isStarted()
        && !scheduler.getSchedulerState().isShuttingDown();
  }

  /**
   * A job's data, stored as JSON.
   *
   * @param attempt 1 for the first run, then one more for each run again
   * @param reason why the last run did not finish (provider by provider); null before the first
   */
  record JobData(String trigger, int attempt, String reason) {

    JobData next(String reason) {
      return new JobData(trigger, attempt + 1, reason);
    }
  }

  /** Job data as JSON rather than Java serialization: readable, and safe across versions. */
  private static final class JsonSerializer implements Serializer {

    @Override
    public byte[] serialize(Object data) {
      return JSON.writeValueAsBytes(data);
    }

    @Override
    public <T> T deserialize(Class<T> type, byte[] serialized) {
      return JSON.readValue(serialized, type);
    }
  }
}
