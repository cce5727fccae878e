-- reform: the reform office's what-if drafts (改革方案草案): a named list of operations on the catalogue in force,
-- tried in memory and never published; kept with author and region so each supervisor sees their region's drafts.
CREATE TABLE reform_draft (
    id         UUID PRIMARY KEY,
    name       TEXT        NOT NULL,
    region     TEXT        NOT NULL,
    author     TEXT        NOT NULL,
    operations JSONB       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX reform_draft_region ON reform_draft (region text_pattern_ops, created_at DESC);
