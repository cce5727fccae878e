-- sharing: the shared-resource catalogue (政务数据资源目录), departments' access to its conditional resources,
-- and the legal basis of every read.

-- One row per resource of sharing/shared-resources.yaml, created or updated by its code at start-up. The
-- catalogue has tens of rows and is searched in Java with the data elements' labels, so no search index.
CREATE TABLE shared_resource (
    code             TEXT PRIMARY KEY,
    registry         TEXT        NOT NULL,
    provider         TEXT        NOT NULL,
    name_zh          TEXT        NOT NULL,
    name_en          TEXT        NOT NULL,
    description_zh   TEXT        NOT NULL,
    description_en   TEXT        NOT NULL,
    elements         TEXT[]      NOT NULL,
    update_frequency TEXT        NOT NULL CHECK (update_frequency IN ('REAL_TIME', 'DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'YEARLY')),
    sharing          TEXT        NOT NULL CHECK (sharing IN ('UNCONDITIONAL', 'CONDITIONAL', 'NOT_SHARED')),
    condition_zh     TEXT,
    condition_en     TEXT,
    assumption       TEXT,
    updated_at       TIMESTAMPTZ NOT NULL
);

-- A department's request for a conditional resource and its answer (requested → approved | refused;
-- approved → revoked). Departments are codes of the catalogue (no foreign key across modules).
CREATE TABLE resource_access (
    id                UUID PRIMARY KEY,
    resource          TEXT        NOT NULL REFERENCES shared_resource (code),
    requester         TEXT        NOT NULL,
    provider          TEXT        NOT NULL,
    purpose           TEXT        NOT NULL,
    legal_basis       TEXT        NOT NULL,
    requested_by      TEXT        NOT NULL,
    requested_at      TIMESTAMPTZ NOT NULL,
    answer_due        DATE,
    state             TEXT        NOT NULL CHECK (state IN ('REQUESTED', 'APPROVED', 'REFUSED', 'REVOKED')),
    valid_until       DATE,
    decided_by        TEXT,
    decided_at        TIMESTAMPTZ,
    reason            TEXT,
    revoked_by        TEXT,
    revoked_at        TIMESTAMPTZ,
    revocation_reason TEXT,
    version           INT         NOT NULL DEFAULT 0
);
-- a read asks "does this department hold approved access to this resource": one index answers it
CREATE INDEX resource_access_requester ON resource_access (requester, resource, state);
-- the provider's inbox
CREATE INDEX resource_access_provider ON resource_access (provider, requested_at DESC);
-- one open request per department and resource: asking twice is refused, not queued twice
CREATE UNIQUE INDEX resource_access_one_open ON resource_access (requester, resource) WHERE state = 'REQUESTED';

-- every read states its legal basis: the applicant's consent for the once-only machinery, the department's
-- stated basis for a department's read; reads logged before this migration say so
ALTER TABLE data_access ADD COLUMN legal_basis TEXT;
ALTER TABLE data_access ADD COLUMN department TEXT;
UPDATE data_access SET legal_basis = CASE WHEN consent_id IS NOT NULL THEN '申请人的授权同意'
    ELSE '未记录（V44 之前的读取）' END;
ALTER TABLE data_access ALTER COLUMN legal_basis SET NOT NULL;
