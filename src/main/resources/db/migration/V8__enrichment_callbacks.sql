-- Lookups whose provider may POST its answer later, to a callback URL that holds the lookup's id
-- and a random secret. Only a SHA-256 of the secret is kept: the URL is the credential, and a copy
-- of this table does not give it away. A row is OPEN until its answer came (by the callback or by
-- the job asking again), then DONE; rows past their expiry are deleted as new ones are opened.
CREATE TABLE enrichment_callback (
    lookup_id     varchar(36)  NOT NULL PRIMARY KEY,
    provider_id   varchar(64)  NOT NULL,
    subject_kind  varchar(10)  NOT NULL,
    subject_key   varchar(255) NOT NULL,
    user_id       varchar(36)  NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    secret_hash   varchar(64)  NOT NULL,
    state         varchar(10)  NOT NULL,
    created_at    timestamp with time zone NOT NULL,
    expires_at    timestamp with time zone NOT NULL
);
CREATE INDEX enrichment_callback_subject_ix
    ON enrichment_callback (provider_id, subject_kind, subject_key, state);
CREATE INDEX enrichment_callback_expires_ix ON enrichment_callback (expires_at);
