-- The working-day clock of each task: its limit, the days lost to pauses (补正, special procedures),
-- the current pause, the day the warning begins, and the colour last marked. Partial indexes let the
-- scanner read only the tasks whose colour is due to change.
ALTER TABLE case_task
    ADD COLUMN limit_days  INT,
    ADD COLUMN lost_days   INT  NOT NULL DEFAULT 0,
    ADD COLUMN paused_on   DATE,
    ADD COLUMN warn_on     DATE,
    ADD COLUMN colour      TEXT NOT NULL DEFAULT 'GREEN';

CREATE INDEX case_task_warn ON case_task (warn_on) WHERE colour = 'GREEN' AND state IN ('PENDING', 'CLAIMED');
CREATE INDEX case_task_overdue ON case_task (due_on) WHERE colour <> 'RED' AND state IN ('PENDING', 'CLAIMED');
