-- clock: the working-day calendar. A year exists only when loaded; days are the exceptions to the
-- Monday–Friday rule, nationally (region '') or for one region (a local closure or extra working day).
CREATE TABLE calendar_year (
    year       INT PRIMARY KEY,
    source     TEXT        NOT NULL,
    loaded_by  TEXT        NOT NULL,
    loaded_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE calendar_day (
    day       DATE        NOT NULL,
    region    TEXT        NOT NULL DEFAULT '',
    kind      TEXT        NOT NULL CHECK (kind IN ('OFF', 'WORK')),
    name      TEXT        NOT NULL,
    added_by  TEXT        NOT NULL,
    added_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (day, region)
);

-- Every change an administrator makes to the calendar, for audit.
CREATE TABLE calendar_change (
    id      BIGSERIAL PRIMARY KEY,
    at      TIMESTAMPTZ NOT NULL,
    actor   TEXT        NOT NULL,
    action  TEXT        NOT NULL,
    detail  TEXT        NOT NULL
);
