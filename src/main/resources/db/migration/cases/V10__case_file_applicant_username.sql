-- The applicant's cases are read by ID number OR by account (an enterprise's handler files under the
-- enterprise's credit code). Only the ID number had an index, so the OR made PostgreSQL scan the whole
-- case_file: at 10 million cases that is seconds per call (bench: ScaleQueries, docs/PERFORMANCE.md).
-- With both sides indexed the planner combines them in a BitmapOr.
CREATE INDEX case_file_applicant_username ON case_file (applicant_username, submitted_at DESC);
