-- crossregion: messages between OneGo instances (cn.onego.crossregion, docs/FEDERATION.md). Cases and other
-- records are named by the subject's text only: no foreign key into another module's tables.

-- what this instance sends: written in the transaction of its cause, so a message is never lost between the cause
-- and the partner and never sent for a cause that was rolled back. One row per (partner, message id): the same
-- message enqueued twice stays one. body is the exact JSON sent (and signed) at every attempt, sealed (SM4-GCM,
-- cn.onego.platform.crypto.PersonalData): a forwarded case's form is personal data. response is the partner's answer.
CREATE TABLE federation_outbox (
    id              UUID PRIMARY KEY,
    partner_id      TEXT        NOT NULL,
    kind            TEXT        NOT NULL,
    message_id      TEXT        NOT NULL,
    subject         TEXT        NOT NULL,
    body            TEXT        NOT NULL,
    state           TEXT        NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'REFUSED')),
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ,
    last_error      TEXT,
    response        JSONB,
    created_at      TIMESTAMPTZ NOT NULL,
    delivered_at    TIMESTAMPTZ,
    CONSTRAINT federation_outbox_once UNIQUE (partner_id, message_id)
);
-- the sender takes the due messages: only the pending ones are in this index
CREATE INDEX federation_outbox_due ON federation_outbox (next_attempt_at) WHERE state = 'PENDING';
-- staff look a subject's messages up (a case's), oldest first
CREATE INDEX federation_outbox_subject ON federation_outbox (subject, created_at);
-- the warnings and the gauge: pending messages by age
CREATE INDEX federation_outbox_pending_age ON federation_outbox (created_at) WHERE state = 'PENDING';

-- what this instance received and handled, once per (sender, message id): a retry after a lost answer finds the
-- row and gets the stored response, and the handler is not called again. body_sm3 tells a retry from a different
-- message sent under the same id.
CREATE TABLE federation_inbox (
    partner_id  TEXT        NOT NULL,
    message_id  TEXT        NOT NULL,
    kind        TEXT        NOT NULL,
    body_sm3    TEXT        NOT NULL,
    response    JSONB       NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (partner_id, message_id)
);

-- the nonces of signed requests seen in the last minutes: the same nonce from a sender twice is a replay. Older
-- requests are refused by their timestamp anyway, so rows are deleted after twice the window.
CREATE TABLE federation_nonce (
    partner_id TEXT        NOT NULL,
    nonce      TEXT        NOT NULL,
    seen_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (partner_id, nonce)
);
CREATE INDEX federation_nonce_seen ON federation_nonce (seen_at);
