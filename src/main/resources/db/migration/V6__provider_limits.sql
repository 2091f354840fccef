-- What providers may still be asked, counted in the database so that a limit holds across every
-- node on it: calls per short window (the rate limit, requests-per-minute) and per calendar month
-- in UTC (the monthly budget). A node takes a call with one conditional UPDATE of its window's row,
-- which succeeds only while the window has room.
CREATE TABLE enrichment_provider_window (
    provider_id   varchar(64) NOT NULL,
    window_kind   varchar(10) NOT NULL,
    window_start  timestamp with time zone NOT NULL,
    calls         integer     NOT NULL,
    -- Set by the first node that found the window full, so that a full budget is reported once.
    full_reported boolean     NOT NULL,
    PRIMARY KEY (provider_id, window_kind, window_start)
);
