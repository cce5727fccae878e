-- The deadline scan's steps of a case's timeline (黄牌 close to the limit, 红牌 overdue) in a table of their own. A
-- near day brings thousands of them at the first scan after midnight, and at 10 million cases each one written into
-- case_history cost an entry at a random leaf of its (case_id, id) index — 86 million rows, gigabytes, mostly not in
-- memory: two thirds of the scan's time (docs/PERFORMANCE.md, "10 million cases after round two"). Here the index
-- holds only the warnings, a small fraction of the steps, mostly of the cases running now. The ids come from
-- case_history's sequence, so that a case's timeline (Cases.history) is both tables in one order. Steps written into
-- case_history by earlier scans stay there and are read as before.
CREATE TABLE case_deadline_step (
    id      BIGINT PRIMARY KEY DEFAULT nextval('case_history_id_seq'),
    case_id UUID        NOT NULL,
    task_id UUID        NOT NULL,
    at      TIMESTAMPTZ NOT NULL,
    action  TEXT        NOT NULL CHECK (action IN ('WARNING', 'OVERDUE')),
    message JSONB       NOT NULL
);
CREATE INDEX case_deadline_step_case ON case_deadline_step (case_id, id);
