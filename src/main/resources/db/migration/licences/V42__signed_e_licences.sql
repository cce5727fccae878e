-- licences: electronic licences become signed documents (GB/T 36904-style identifier, the issuer's signature,
-- a verification code for the QR, the data on the licence, revocation with its kind and reason).

-- The issuing departments' signing keys, made by OneGo: the private key sealed (SM4-GCM, like personal data; the
-- data key is outside the database), the public key published. One current key per issuer and algorithm; a key
-- replaced keeps verifying what it signed, so it is retired, never deleted.
CREATE TABLE licence_signing_key (
    id          UUID PRIMARY KEY,
    issuer      TEXT        NOT NULL,
    issuer_code TEXT        NOT NULL,
    algorithm   TEXT        NOT NULL CHECK (algorithm IN ('SM2', 'ECDSA_P256')),
    public_key  TEXT        NOT NULL,
    private_key TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    retired_at  TIMESTAMPTZ
);
CREATE UNIQUE INDEX licence_signing_key_current ON licence_signing_key (issuer, algorithm) WHERE retired_at IS NULL;

-- the serial of the identifiers: one sequence, so no two licences share one whatever their issuer
CREATE SEQUENCE e_licence_serial;

ALTER TABLE e_licence
    ADD COLUMN identifier        TEXT,
    ADD COLUMN issuer_code       TEXT,
    -- the catalogue department that issued it (its head may revoke it); none for licences from a feed
    ADD COLUMN department        TEXT,
    -- the data on the licence: a small JSON object of field → text, sealed (it names the holder)
    ADD COLUMN data              TEXT,
    ADD COLUMN signing_key_id    UUID REFERENCES licence_signing_key (id),
    ADD COLUMN signature         TEXT,
    -- what the QR adds to the identifier, so that identifiers (their serials run on) cannot be tried out
    ADD COLUMN verification_code TEXT,
    -- 03 撤销, 04 注销, 07 吊销, 99 其他 (one ministry's status codes, reference-facts §3.5)
    ADD COLUMN revocation_kind   TEXT CHECK (revocation_kind IN ('RESCINDED', 'CANCELLED', 'REVOKED', 'OTHER')),
    ADD COLUMN revocation_reason TEXT,
    ADD COLUMN revoked_by        TEXT;
CREATE UNIQUE INDEX e_licence_identifier ON e_licence (identifier);
