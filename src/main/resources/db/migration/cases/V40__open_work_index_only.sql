-- cases: the operators' gauge of the departments' open work (CaseQueries.workload, every 15 s on every node) counts
-- running tasks by department and state with their colour from open_deadline; the index of V38 lacked the task's
-- id for that join, so each running task cost a visit to its case_task page (19,037 pages, 978 ms from a cold
-- cache at 3 million cases, docs/PERFORMANCE.md). With the id in the index the count is index-only again.
DROP INDEX case_task_open_work;
CREATE INDEX case_task_open_work ON case_task (department, state) INCLUDE (id) WHERE state IN ('PENDING', 'CLAIMED');
