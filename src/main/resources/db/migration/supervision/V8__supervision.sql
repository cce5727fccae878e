-- supervision: daily aggregates maintained as the cases' events happen, so that dashboards never scan
-- all cases. Each event is counted once: its key is claimed in the same transaction as the counts.
CREATE TABLE supervision_case_day (
    day          DATE NOT NULL,
    region       TEXT NOT NULL,
    hall         TEXT NOT NULL,
    matter       TEXT NOT NULL,
    channel      TEXT NOT NULL,
    submitted    INT  NOT NULL DEFAULT 0,
    accepted     INT  NOT NULL DEFAULT 0,
    not_accepted INT  NOT NULL DEFAULT 0,
    issued       INT  NOT NULL DEFAULT 0,
    refused      INT  NOT NULL DEFAULT 0,
    PRIMARY KEY (day, region, hall, matter, channel)
);

CREATE TABLE supervision_task_day (
    day                   DATE   NOT NULL,
    region                TEXT   NOT NULL,
    hall                  TEXT   NOT NULL,
    department            TEXT   NOT NULL,
    matter                TEXT   NOT NULL,
    channel               TEXT   NOT NULL,
    decided               INT    NOT NULL DEFAULT 0,
    on_time               INT    NOT NULL DEFAULT 0,
    late                  INT    NOT NULL DEFAULT 0,
    late_on_critical_path INT    NOT NULL DEFAULT 0,
    handling_days         BIGINT NOT NULL DEFAULT 0,
    limit_days            BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (day, region, hall, department, matter, channel)
);

CREATE TABLE supervision_processed (
    event_key TEXT PRIMARY KEY,
    at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- the tasks currently yellow or red, for the live warning list
CREATE INDEX case_task_colour ON case_task (colour, due_on) WHERE colour <> 'GREEN' AND state IN ('PENDING', 'CLAIMED');
