-- What each case event adds to the daily aggregates, written in the transaction of the transition itself.
-- Append-only, so concurrent transitions never wait for one another on a shared counter row; a scheduled
-- fold moves the deltas into supervision_case_day / supervision_task_day in batches. Because a delta
-- commits or rolls back with its transition, every event counts exactly once and the table of claimed
-- event keys is no longer needed.
CREATE TABLE supervision_delta (
    id                    BIGSERIAL PRIMARY KEY,
    kind                  TEXT NOT NULL CHECK (kind IN ('submitted', 'accepted', 'not_accepted', 'issued', 'refused', 'decided')),
    day                   DATE NOT NULL,
    region                TEXT NOT NULL,
    hall                  TEXT NOT NULL,
    department            TEXT,
    matter                TEXT NOT NULL,
    channel               TEXT NOT NULL,
    late                  BOOLEAN NOT NULL DEFAULT false,
    late_on_critical_path BOOLEAN NOT NULL DEFAULT false,
    handling_days         INT NOT NULL DEFAULT 0,
    limit_days            INT NOT NULL DEFAULT 0,
    CHECK ((kind = 'decided') = (department IS NOT NULL))
);

DROP TABLE supervision_processed;
