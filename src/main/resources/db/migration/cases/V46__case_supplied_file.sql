-- cases: the files supplied for a case after it was submitted (补正 before acceptance, and what was asked or
-- accepted as missing, 容缺, while it runs), by material, so that those who handle the case open them beside
-- the application's own materials. Before, a supplement's files were referred to but not kept with the case.
-- The content stays in the application module's attachment, by its SHA-256 (no key across modules); owner is
-- the uploader's username, through which the upload's name and time are found; supplied_by is the capacity
-- the page says in words (the applicant, their agent, a window clerk), never the username.
CREATE TABLE case_supplied_file (
    case_id     UUID        NOT NULL REFERENCES case_file (id),
    material    TEXT        NOT NULL,
    hash        TEXT        NOT NULL,
    owner       TEXT        NOT NULL,
    supplied_by TEXT        NOT NULL CHECK (supplied_by IN ('APPLICANT', 'AGENT', 'WINDOW_CLERK')),
    supplied_at TIMESTAMPTZ NOT NULL,
    -- the primary key's index serves both reads: a case's files, and whether a file belongs to a case
    PRIMARY KEY (case_id, hash, material)
);
