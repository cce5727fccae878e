-- The reviewer's queue (CaseQueries.departmentQueue) from a small table of the tasks in a queue state, as the deadline
-- scan reads open_deadline (V38). At 10 million cases the queue read a department's up to 500 oldest-due tasks out of
-- the 13 GB case_task and each one's case_file row for its submission and accepting hall: rows scattered over both
-- heaps, hundreds of pages from disk on the slow calls, 42.9 ms at p99 against < 20 ms ("10 million cases after round
-- two" in docs/PERFORMANCE.md). Here a department's queue lies together in one small heap and one index range.
--
-- One row per task that is PENDING, CLAIMED, AWAITING_SUPPLEMENT or SUSPENDED, holding everything the queue filters,
-- orders by and shows: the task whole (the queue's JSON carries the task as the case's page does), under case_task's
-- column names so that a row reads as a task the same way, and the case's facts — none of which changes once the case
-- is open. The save statement (SaveStatementRecords.queue) writes a row when a task enters a queue state, rewrites it
-- on every change while it stays (state, reviewer, clock, version) and removes it when the task leaves; the provisional
-- due days settled when a year's holidays are loaded (ProvisionalDueDays) are written here too.
CREATE TABLE queued_task (
    id             UUID PRIMARY KEY,
    case_id        UUID        NOT NULL,
    item           TEXT        NOT NULL,
    department     TEXT        NOT NULL,
    mandatory      BOOLEAN     NOT NULL,
    commitment     BOOLEAN     NOT NULL,
    state          TEXT        NOT NULL CHECK (state IN ('PENDING', 'CLAIMED', 'AWAITING_SUPPLEMENT', 'SUSPENDED')),
    prerequisites  JSONB       NOT NULL,
    inputs         JSONB       NOT NULL,
    result         JSONB,
    decision       JSONB,
    claimed_by     TEXT,
    auto_rule      TEXT,
    started_on     DATE,
    due_on         DATE,
    decided_at     TIMESTAMPTZ,
    limit_days     INT,
    lost_days      INT         NOT NULL,
    paused_on      DATE,
    warn_on        DATE,
    version        INT         NOT NULL,
    -- the case's: what the queue shows (number, matter, applicant, the accepting hall of a cross-region case) and
    -- searches by (number, applicant, day of submission)
    case_number    TEXT        NOT NULL,
    matter         TEXT        NOT NULL,
    applicant_name TEXT        NOT NULL,
    case_hall      TEXT        NOT NULL,
    cross_region   BOOLEAN     NOT NULL,
    submitted_at   TIMESTAMPTZ NOT NULL
);

-- The tasks in a queue state now, from their tables. The case's number, matter and applicant are case_task's copies
-- (V14) as the queue showed them, the case's own where a task kept none. One pass over case_task, each task's case by
-- its key; the indexes are built after the rows are in.
INSERT INTO queued_task (id, case_id, item, department, mandatory, commitment, state, prerequisites, inputs, result, decision,
    claimed_by, auto_rule, started_on, due_on, decided_at, limit_days, lost_days, paused_on, warn_on, version,
    case_number, matter, applicant_name, case_hall, cross_region, submitted_at)
SELECT t.id, t.case_id, t.item, t.department, t.mandatory, t.commitment, t.state, t.prerequisites, t.inputs, t.result, t.decision,
       t.claimed_by, t.auto_rule, t.started_on, t.due_on, t.decided_at, t.limit_days, t.lost_days, t.paused_on, t.warn_on, t.version,
       coalesce(t.case_number, c.number), coalesce(t.matter, c.matter), coalesce(t.applicant_name, c.applicant_name), c.hall,
       c.accepting_region IS NOT NULL, c.submitted_at
FROM case_task t JOIN case_file c ON c.id = t.case_id
WHERE t.state IN ('PENDING', 'CLAIMED', 'AWAITING_SUPPLEMENT', 'SUSPENDED');

-- A department's queue in its order (the id breaks ties, so that a page is the same page every time). Asked for one
-- state, a queue reads only that state's range: with the state after the department the range is exact and still
-- in order, where a filter on the first index would walk the department's other states (most of a queue is PENDING
-- and CLAIMED; a reviewer looks for the few SUSPENDED ones).
CREATE INDEX queued_task_queue ON queued_task (department, due_on, started_on, id);
CREATE INDEX queued_task_queue_state ON queued_task (department, state, due_on, started_on, id);
