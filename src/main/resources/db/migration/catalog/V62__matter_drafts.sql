-- Matters composed on the administration page: the draft as structured data (the shape of a matter file),
-- who wrote it and who reviewed it (four eyes), and the catalogue version that published it.
CREATE TABLE matter_draft (
    id                 UUID        PRIMARY KEY,
    code               TEXT        NOT NULL,
    replaces           TEXT,
    content            JSONB       NOT NULL,
    state              TEXT        NOT NULL CHECK (state IN ('DRAFT', 'IN_REVIEW', 'PUBLISHED')),
    author             TEXT        NOT NULL,
    reviewer           TEXT,
    sent_back_reason   TEXT,
    catalogue_version  BIGINT,
    version            INT         NOT NULL DEFAULT 0,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX matter_draft_state ON matter_draft (state, updated_at DESC);
