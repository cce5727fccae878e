-- The operators' gauges (queue depths, yellow and red tasks) count the open work of every hall and department
-- every 15 seconds on each node (CaseQueries.workload). Over the whole tables that would read every case and
-- task ever handled — millions of settled rows at provincial scale — to count the few thousand still open. These
-- partial indexes hold only the open rows and every column the counts group by, so each count is an index-only
-- scan whose cost follows the open work, not the history.
CREATE INDEX case_file_window_work ON case_file (hall, state)
    WHERE state IN ('AWAITING_ACCEPTANCE', 'AWAITING_SUPPLEMENT', 'READY');

CREATE INDEX case_task_open_work ON case_task (department, state, colour)
    WHERE state IN ('PENDING', 'CLAIMED');
