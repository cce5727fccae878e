-- audit: the tamper-evident audit trail. Records form SM3 hash chains, one per day (of the platform's clock)
-- and shard: a transaction appends to one shard it draws, under a transaction-scoped advisory lock on that
-- (day, shard), so concurrent writers mostly take different chains. Each record holds the hash of the record
-- before it in its chain (prev_hash) and its own hash over all its fields (see cn.onego.audit.Chain).
CREATE TABLE audit_record (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    day DATE NOT NULL,
    shard SMALLINT NOT NULL,
    seq BIGINT NOT NULL,
    at TIMESTAMPTZ NOT NULL,
    actor TEXT NOT NULL,
    role TEXT NOT NULL,
    scope TEXT,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    reason TEXT,
    request_id TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    -- the chain's head (ORDER BY seq DESC LIMIT 1 under the lock: one index probe), the verification's scan of a
    -- chain in order, and the loose index scans over days and chains of anchoring and verification
    CONSTRAINT audit_record_position UNIQUE (day, shard, seq)
);

-- who did what to a case, an application, a registry read: the auditors' question, answered by target
CREATE INDEX audit_record_target ON audit_record (target);

-- the daily anchors: the heads of a finished day's chains (shard:records:hash;…) signed with the platform's
-- SM2 key (SM3withSM2, Base64 DER), and the id of the key
CREATE TABLE audit_anchor (
    day DATE PRIMARY KEY,
    heads TEXT NOT NULL,
    anchored_at TIMESTAMPTZ NOT NULL,
    key_id TEXT NOT NULL,
    signature TEXT NOT NULL
);

-- the application's role may add to the trail and read it, never change or remove what is written (it was
-- given SELECT, INSERT, UPDATE, DELETE by the owner's default privileges; TRUNCATE, REFERENCES and TRIGGER never)
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_record, audit_anchor FROM ${app_role};
