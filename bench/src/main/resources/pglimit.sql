-- PostgreSQL's own limit for one 6-department case: the minimal writes, in the transactions OneGo uses
-- (submit; open; accept with 6 tasks; claim and approve of each task; issue).
BEGIN;
INSERT INTO b_application (form) VALUES (jsonb_build_object('APPLICANT_NAME', '张三', 'APPLICANT_ID_NUMBER', '11010519491231002X', 'CONTACT_MOBILE', '13800138000', 'PAD', repeat('x', 900))) RETURNING id AS app \gset
COMMIT;
BEGIN;
INSERT INTO b_case (application_id, state) VALUES (:app, 'AWAITING_ACCEPTANCE') RETURNING id AS c \gset
INSERT INTO b_event (case_id, payload) VALUES (:c, '{"event":"CaseOpened"}');
COMMIT;
BEGIN;
UPDATE b_case SET state = 'IN_PROGRESS' WHERE id = :c;
INSERT INTO b_task (case_id, item, state) SELECT :c, g, 'PENDING' FROM generate_series(1, 6) g;
INSERT INTO b_event (case_id, payload) VALUES (:c, '{"event":"CaseAccepted"}');
COMMIT;
BEGIN; UPDATE b_task SET state = 'CLAIMED' WHERE case_id = :c AND item = 1; COMMIT;
BEGIN; UPDATE b_task SET state = 'APPROVED' WHERE case_id = :c AND item = 1; INSERT INTO b_event (case_id, payload) VALUES (:c, '{"event":"TaskDecided"}'); COMMIT;
BEGIN; UPDATE b_task SET state = 'CLAIMED' WHERE case_id = :c AND item = 2; COMMIT;
BEGIN; UPDATE b_task SET state = 'APPROVED' WHERE case_id = :c AND item = 2; INSERT INTO b_event (case_id, payload) VALUES (:c, '{"event":"TaskDecided"}'); COMMIT;
BEGIN; UPDATE b_task SET state = 'CLAIMED' WHERE case_id = :c AND item = 3; COMMIT;
BEGIN; UPDATE b_task SET state = 'APPROVED' WHERE case_id = :c AND item = 3; INSERT INTO b_event (case_id, payload) VALUES (:c, '{"event":"TaskDecided"}'); COMMIT;
BEGIN; UPDATE b_task SET state = 'CLAIMED' WHERE case_id = :c AND item = 4; COMMIT;
BEGIN; UPDATE b_task SET state = 'APPROVED' WHERE case_id = :c AND item = 4; INSERT INTO b_event (case_id, payload) VALUES (:c, '{"event":"TaskDecided"}'); COMMIT;
BEGIN; UPDATE b_task SET state = 'CLAIMED' WHERE case_id = :c AND item = 5; COMMIT;
BEGIN; UPDATE b_task SET state = 'APPROVED' WHERE case_id = :c AND item = 5; INSERT INTO b_event (case_id, payload) VALUES (:c, '{"event":"TaskDecided"}'); COMMIT;
BEGIN; UPDATE b_task SET state = 'CLAIMED' WHERE case_id = :c AND item = 6; COMMIT;
BEGIN; UPDATE b_task SET state = 'APPROVED' WHERE case_id = :c AND item = 6; INSERT INTO b_event (case_id, payload) VALUES (:c, '{"event":"TaskDecided"}'); COMMIT;
BEGIN;
UPDATE b_case SET state = 'ISSUED' WHERE id = :c;
INSERT INTO b_event (case_id, payload) VALUES (:c, '{"event":"CaseIssued"}');
COMMIT;
