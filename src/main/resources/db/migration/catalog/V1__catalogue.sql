-- Catalogue versions: every accepted catalogue is kept whole, so that what was in force at any
-- moment can be shown, and a restart comes back to the latest accepted version.
CREATE TABLE catalogue_version (
    id          BIGSERIAL PRIMARY KEY,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    origin      TEXT        NOT NULL CHECK (origin IN ('BUNDLED', 'IMPORTED')),
    checksum    TEXT        NOT NULL,
    imported_by TEXT,
    note        TEXT,
    file_count  INT         NOT NULL,
    files       JSONB       NOT NULL
);
CREATE INDEX catalogue_version_bundled_checksum ON catalogue_version (checksum) WHERE origin = 'BUNDLED';

-- Reference tables mirrored from the catalogue in force, for other modules' reports and joins by code.
CREATE TABLE region (
    code   TEXT PRIMARY KEY,
    name   TEXT NOT NULL,
    level  TEXT NOT NULL,
    parent TEXT
);
CREATE INDEX region_parent ON region (parent);

CREATE TABLE department (
    code   TEXT PRIMARY KEY,
    name   TEXT NOT NULL,
    type   TEXT NOT NULL,
    region TEXT NOT NULL,
    park   TEXT
);
CREATE INDEX department_region_type ON department (region, type);
