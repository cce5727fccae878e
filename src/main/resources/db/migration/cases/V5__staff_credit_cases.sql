-- identity: staff accounts created by administrators (besides the demo users of the data file).
CREATE TABLE staff_account (
    username      TEXT PRIMARY KEY,
    password_hash TEXT        NOT NULL,
    display_name  TEXT        NOT NULL,
    roles         TEXT[]      NOT NULL,
    region        TEXT        NOT NULL,
    hall          TEXT,
    department    TEXT,
    created_by    TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- credit: the blacklist (失信名单). An applicant on it gets neither 容缺 nor 告知承诺 until lifted (信用修复).
CREATE TABLE credit_blacklist (
    id              UUID PRIMARY KEY,
    subject         TEXT        NOT NULL,
    reason          TEXT        NOT NULL,
    evidence_case   UUID,
    evidence_number TEXT,
    listed_by       TEXT        NOT NULL,
    listed_at       TIMESTAMPTZ NOT NULL,
    lifted_by       TEXT,
    lifted_at       TIMESTAMPTZ
);
CREATE INDEX credit_blacklist_subject ON credit_blacklist (subject) WHERE lifted_at IS NULL;

-- cases: one case per application (一事一号), one task per applicable item, the full history, the
-- post-verifications of commitment-based approvals, and the applicant's messages.
CREATE SEQUENCE case_number_seq;

CREATE TABLE case_file (
    id                 UUID PRIMARY KEY,
    number             TEXT        NOT NULL UNIQUE,
    application_id     UUID        NOT NULL UNIQUE,
    matter             TEXT        NOT NULL,
    applicant_id       TEXT        NOT NULL,
    applicant_name     TEXT        NOT NULL,
    applicant_username TEXT        NOT NULL,
    region             TEXT        NOT NULL,
    hall               TEXT        NOT NULL,
    channel            TEXT        NOT NULL,
    state              TEXT        NOT NULL,
    mode               TEXT        NOT NULL DEFAULT 'STANDARD',
    gaps               JSONB       NOT NULL DEFAULT '[]',
    gap_deadline       DATE,
    gaps_overdue       BOOLEAN     NOT NULL DEFAULT false,
    commitments        JSONB       NOT NULL DEFAULT '[]',
    supplement         JSONB,
    refusal            JSONB,
    promised_date      DATE,
    delivery           JSONB,
    issue              JSONB,
    submitted_at       TIMESTAMPTZ NOT NULL,
    accepted_at        TIMESTAMPTZ,
    closed_at          TIMESTAMPTZ,
    version            INT         NOT NULL DEFAULT 0
);
CREATE INDEX case_file_hall_state ON case_file (hall, state, submitted_at);
CREATE INDEX case_file_applicant ON case_file (applicant_id, submitted_at DESC);
CREATE INDEX case_file_gap_deadline ON case_file (gap_deadline) WHERE gap_deadline IS NOT NULL AND NOT gaps_overdue;

CREATE TABLE case_task (
    id            UUID PRIMARY KEY,
    case_id       UUID        NOT NULL REFERENCES case_file (id),
    item          TEXT        NOT NULL,
    department    TEXT        NOT NULL,
    mandatory     BOOLEAN     NOT NULL,
    commitment    BOOLEAN     NOT NULL DEFAULT false,
    state         TEXT        NOT NULL,
    prerequisites JSONB       NOT NULL,
    inputs        JSONB       NOT NULL DEFAULT '{}',
    result        JSONB,
    decision      JSONB,
    claimed_by    TEXT,
    auto_rule     TEXT,
    started_on    DATE,
    due_on        DATE,
    decided_at    TIMESTAMPTZ,
    version       INT         NOT NULL DEFAULT 0,
    UNIQUE (case_id, item)
);
CREATE INDEX case_task_queue ON case_task (department, state, due_on);

CREATE TABLE case_history (
    id         BIGSERIAL PRIMARY KEY,
    case_id    UUID        NOT NULL,
    task_id    UUID,
    at         TIMESTAMPTZ NOT NULL,
    actor      TEXT        NOT NULL,
    action     TEXT        NOT NULL,
    from_state TEXT,
    to_state   TEXT,
    detail     TEXT
);
CREATE INDEX case_history_case ON case_history (case_id, id);

CREATE TABLE verification (
    id          UUID PRIMARY KEY,
    case_id     UUID        NOT NULL,
    task_id     UUID        NOT NULL UNIQUE,
    department  TEXT        NOT NULL,
    due_on      DATE,
    state       TEXT        NOT NULL CHECK (state IN ('PENDING', 'PASSED', 'FAILED')),
    finding     TEXT,
    decided_by  TEXT,
    decided_at  TIMESTAMPTZ
);
CREATE INDEX verification_department ON verification (department, state, due_on);

CREATE TABLE notification (
    id         BIGSERIAL PRIMARY KEY,
    event_key  TEXT        NOT NULL UNIQUE,
    recipient  TEXT        NOT NULL,
    case_id    UUID,
    channel    TEXT        NOT NULL,
    text_zh    TEXT        NOT NULL,
    text_en    TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX notification_recipient ON notification (recipient, id DESC);
