-- evaluation: 好差评, one rating per case (一事一评), and the rectification of every bad rating.
CREATE TABLE rating (
    id          UUID PRIMARY KEY,
    case_id     UUID        NOT NULL UNIQUE,
    case_number TEXT        NOT NULL,
    rater       TEXT        NOT NULL,
    level       INT         NOT NULL CHECK (level BETWEEN 1 AND 5),
    channel     TEXT        NOT NULL,
    comment     TEXT,
    tags        TEXT[]      NOT NULL DEFAULT '{}',
    matter      TEXT        NOT NULL,
    hall        TEXT        NOT NULL,
    region      TEXT        NOT NULL,
    department  TEXT,
    rated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX rating_rated_at ON rating (rated_at);

CREATE TABLE rectification (
    id             UUID PRIMARY KEY,
    rating_id      UUID        NOT NULL UNIQUE REFERENCES rating (id),
    case_id        UUID        NOT NULL,
    responsible    TEXT        NOT NULL,
    state          TEXT        NOT NULL CHECK (state IN ('OPEN', 'VERIFIED', 'RECTIFIED', 'CLOSED')),
    due_on         DATE,
    finding        TEXT,
    justified      BOOLEAN,
    measures       TEXT,
    callback       TEXT,
    callback_note  TEXT,
    history        JSONB       NOT NULL DEFAULT '[]',
    opened_at      TIMESTAMPTZ NOT NULL,
    closed_at      TIMESTAMPTZ,
    version        INT         NOT NULL DEFAULT 0
);
CREATE INDEX rectification_responsible ON rectification (responsible, state, due_on);
