-- The case's facts that the live views of open tasks show or filter by — its number, applicant, region,
-- hall, matter and channel — copied onto each task when it is dispatched (none of them ever changes).
-- The reviewer's queue, the dashboard's yellow and red tasks and the deadline scan then read the tasks
-- alone: joined to case_file, a city's warnings read every warned task of the province and looked up its
-- case, 300 ms at 10 million cases ("10 million cases" in docs/PERFORMANCE.md).
ALTER TABLE case_task
    ADD COLUMN case_number    TEXT,
    ADD COLUMN applicant_name TEXT,
    ADD COLUMN region         TEXT,
    ADD COLUMN hall           TEXT,
    ADD COLUMN matter         TEXT,
    ADD COLUMN channel        TEXT;

-- Those views read only tasks still open, so only those are filled here: rewriting every settled task of a
-- large installation would hold the upgrade for nothing. Settled tasks from before this version keep NULL.
UPDATE case_task t
SET case_number = c.number, applicant_name = c.applicant_name, region = c.region, hall = c.hall, matter = c.matter,
    channel = c.channel
FROM case_file c
WHERE c.id = t.case_id AND t.state IN ('WAITING', 'PENDING', 'CLAIMED', 'AWAITING_SUPPLEMENT', 'SUSPENDED');

-- the warned tasks of a region (a city reads only its own), counted by colour without visiting the table
CREATE INDEX case_task_warned_region ON case_task (region text_pattern_ops, colour, due_on)
    WHERE colour <> 'GREEN' AND state IN ('PENDING', 'CLAIMED');
