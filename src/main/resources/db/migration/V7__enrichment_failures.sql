-- Enrichment jobs that gave up: the console lists them with the reason, and offers to try again.
-- A job that is still retrying is in scheduled_tasks, with its last reason in its data.
CREATE TABLE enrichment_failure (
    user_id     varchar(36)  NOT NULL PRIMARY KEY REFERENCES user_account (id) ON DELETE CASCADE,
    job_trigger varchar(40)  NOT NULL,
    attempts    integer      NOT NULL,
    reason      varchar(1000) NOT NULL,
    failed_at   timestamp with time zone NOT NULL
);
CREATE INDEX enrichment_failure_failed_ix ON enrichment_failure (failed_at);
