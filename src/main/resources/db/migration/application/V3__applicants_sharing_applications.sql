-- identity: applicant accounts (citizens and enterprise handlers). Staff come from the user data file
-- until real sign-in (统一身份认证) arrives.
CREATE TABLE account (
    username      TEXT PRIMARY KEY,
    password_hash TEXT        NOT NULL,
    display_name  TEXT        NOT NULL,
    id_number     TEXT        NOT NULL UNIQUE,
    mobile        TEXT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- licences: electronic licences (电子证照) held for a holder (ID number or credit code).
CREATE TABLE e_licence (
    id           UUID PRIMARY KEY,
    holder       TEXT        NOT NULL,
    licence_type TEXT        NOT NULL,
    number       TEXT        NOT NULL,
    name         TEXT        NOT NULL,
    issuer       TEXT,
    issued_on    DATE,
    valid_until  DATE,
    revoked_at   TIMESTAMPTZ,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (licence_type, number)
);
CREATE INDEX e_licence_holder ON e_licence (holder, licence_type);

-- sharing: what each shared registry (共享库) holds about a subject, the applicants' consents, and
-- every read, refused or granted (data-access transparency).
CREATE TABLE registry_record (
    registry   TEXT        NOT NULL,
    subject    TEXT        NOT NULL,
    data       JSONB       NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (registry, subject)
);

-- Who may act for whom: an enterprise's authorised handler, a relative or 帮代办 staff acting for a
-- person, each with the authorisation it rests on. A legal representative needs no row: the enterprise
-- registry says who that is.
CREATE TABLE representation (
    id            UUID PRIMARY KEY,
    subject       TEXT        NOT NULL,
    subject_name  TEXT        NOT NULL,
    username      TEXT        NOT NULL,
    capacity      TEXT        NOT NULL CHECK (capacity IN ('AUTHORISED_HANDLER', 'RELATIVE', 'ASSISTANT')),
    authorisation TEXT        NOT NULL,
    valid_until   DATE        NOT NULL,
    recorded_by   TEXT        NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL,
    revoked_at    TIMESTAMPTZ
);
CREATE INDEX representation_username ON representation (username, subject);

CREATE TABLE consent (
    id            UUID PRIMARY KEY,
    subject       TEXT        NOT NULL,
    matter        TEXT        NOT NULL,
    registries    TEXT[]      NOT NULL,
    licence_types TEXT[]      NOT NULL,
    purpose       TEXT        NOT NULL,
    granted_by    TEXT        NOT NULL,
    granted_at    TIMESTAMPTZ NOT NULL,
    valid_until   TIMESTAMPTZ NOT NULL,
    withdrawn_at  TIMESTAMPTZ
);
CREATE INDEX consent_subject ON consent (subject, granted_at DESC);

CREATE TABLE data_access (
    id          BIGSERIAL PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL,
    actor       TEXT        NOT NULL,
    subject     TEXT        NOT NULL,
    source      TEXT        NOT NULL,
    what        TEXT        NOT NULL,
    purpose     TEXT        NOT NULL,
    consent_id  UUID,
    outcome     TEXT        NOT NULL CHECK (outcome IN ('GRANTED', 'REFUSED')),
    reason      TEXT
);
CREATE INDEX data_access_subject ON data_access (subject, at DESC);

-- application: drafts and submitted applications, attachments stored once by content hash, and the
-- idempotency keys of submissions.
CREATE TABLE application (
    id                UUID PRIMARY KEY,
    status            TEXT        NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED')),
    matter            TEXT        NOT NULL,
    catalogue_version BIGINT      NOT NULL,
    applicant_kind    TEXT        NOT NULL CHECK (applicant_kind IN ('PERSON', 'ENTERPRISE')),
    applicant_id      TEXT        NOT NULL,
    applicant_name    TEXT        NOT NULL,
    acting_person     TEXT        NOT NULL,
    agent             JSONB,
    region            TEXT,
    channel           TEXT        NOT NULL,
    consent_id        UUID,
    answers           JSONB       NOT NULL,
    form              JSONB       NOT NULL,
    commitments       JSONB       NOT NULL,
    materials         JSONB       NOT NULL,
    delivery          JSONB,
    created_by        TEXT        NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    submitted_at      TIMESTAMPTZ,
    version           INT         NOT NULL DEFAULT 0
);
CREATE INDEX application_creator ON application (created_by, updated_at DESC);
CREATE INDEX application_applicant ON application (applicant_id, updated_at DESC);

CREATE TABLE attachment (
    hash         TEXT PRIMARY KEY,
    content_type TEXT        NOT NULL,
    size         INT         NOT NULL,
    content      BYTEA       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE submission_key (
    idempotency_key TEXT        NOT NULL,
    username        TEXT        NOT NULL,
    request_hash    TEXT        NOT NULL,
    application_id  UUID        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (username, idempotency_key)
);
