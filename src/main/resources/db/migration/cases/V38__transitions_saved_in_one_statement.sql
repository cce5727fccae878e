-- cases: a transition is a value, and Cases.save writes everything one transaction did to a case — the case,
-- its tasks, the history steps, the applicant's messages, the counts for supervision, the open deadlines — in
-- one statement (docs/adr/0009-one-statement-per-transition.md).

-- Every save checks and bumps the case's revision: the case and its tasks are read together without a lock,
-- and of two saves that read the same revision only the first is written (the other is computed again). The
-- version stays the one clients send back, changed only when the case itself changes.
ALTER TABLE case_file ADD COLUMN revision INT NOT NULL DEFAULT 0;

-- How many times the applicant was asked to supply something (the round of each request's message). NULL for
-- cases opened before it was counted: their history is counted once, when they are asked again.
ALTER TABLE case_file ADD COLUMN supplement_rounds INT;

-- The deadlines of the running tasks (PENDING or CLAIMED with a due day), with the colour the scanner marked
-- and the case's facts the warnings are listed and filtered by. The scanner and the dashboards read and mark
-- this small table instead of case_task: at 10 million cases a near day's 6,500–12,000 colour changes were
-- each a new row version of the 14 GB case_task and entries in all its indexes ("10 million cases" in
-- docs/PERFORMANCE.md). A row is written when its task starts or resumes and removed when it stops or settles.
CREATE TABLE open_deadline (
    task_id     UUID PRIMARY KEY,
    case_id     UUID NOT NULL,
    case_number TEXT NOT NULL,
    item        TEXT NOT NULL,
    department  TEXT NOT NULL,
    region      TEXT NOT NULL,
    hall        TEXT NOT NULL,
    matter      TEXT NOT NULL,
    channel     TEXT NOT NULL,
    due_on      DATE NOT NULL,
    warn_on     DATE,
    colour      TEXT NOT NULL DEFAULT 'GREEN' CHECK (colour IN ('GREEN', 'YELLOW', 'RED'))
);
-- the scanner's candidates: tasks whose warning day came, tasks past their due day
CREATE INDEX open_deadline_warn ON open_deadline (warn_on) WHERE colour = 'GREEN';
CREATE INDEX open_deadline_overdue ON open_deadline (due_on) WHERE colour <> 'RED';
-- the warned tasks of a region (a city reads only its own), counted by colour without visiting the table
CREATE INDEX open_deadline_warned ON open_deadline (region text_pattern_ops, colour, due_on) WHERE colour <> 'GREEN';

INSERT INTO open_deadline (task_id, case_id, case_number, item, department, region, hall, matter, channel, due_on, warn_on, colour)
SELECT t.id, t.case_id, c.number, t.item, t.department, c.region, c.hall, c.matter, c.channel, t.due_on, t.warn_on, t.colour
FROM case_task t JOIN case_file c ON c.id = t.case_id
WHERE t.state IN ('PENDING', 'CLAIMED') AND t.due_on IS NOT NULL;

-- the colour is the open deadline's now; with it go the partial indexes that served the scanner and the
-- dashboard's warnings (case_task_warn, case_task_overdue, case_task_colour, case_task_warned_region), which every
-- task update had to maintain
-- (the operators' gauges of V36 count a running task's colour from open_deadline now)
DROP INDEX case_task_open_work;
ALTER TABLE case_task DROP COLUMN colour;
CREATE INDEX case_task_open_work ON case_task (department, state) WHERE state IN ('PENDING', 'CLAIMED');

-- The counts each transition adds to supervision's aggregates are facts of the case, written by the transition's
-- own statement: the table of deltas becomes the case flow's ledger of them, which supervision takes in batches
-- through cases' API (CaseFacts) instead of being written by a listener of every event. Pending rows keep counting.
ALTER TABLE supervision_delta RENAME TO case_fact;
ALTER SEQUENCE supervision_delta_id_seq RENAME TO case_fact_id_seq;
ALTER INDEX supervision_delta_pkey RENAME TO case_fact_pkey;
