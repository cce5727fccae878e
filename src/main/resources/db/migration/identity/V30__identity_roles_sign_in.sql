-- identity: the administrator role is split in two — who maintains the catalogue and the calendar, and who
-- runs the platform (staff, feeds, operations) — so that neither needs the other's rights.
UPDATE staff_account
SET roles = array_remove(roles, 'ADMIN') || ARRAY['CATALOGUE_ADMIN', 'SYSTEM_ADMIN']
WHERE 'ADMIN' = ANY (roles);

-- Failed sign-ins per staff username (demo users included): after too many in a row the account is locked
-- for a while, whoever tries. A success clears the row.
CREATE TABLE sign_in_failure (
    username        TEXT PRIMARY KEY,
    failures        INT         NOT NULL,
    last_failure_at TIMESTAMPTZ NOT NULL,
    locked_until    TIMESTAMPTZ
);

-- Staff accounts can be disabled (a person leaves); a disabled account cannot sign in.
ALTER TABLE staff_account ADD COLUMN disabled_at TIMESTAMPTZ;

-- sharing: authorisations to act for someone can be listed and revoked by the person who gave them
ALTER TABLE representation ADD COLUMN revoked_by TEXT;
CREATE INDEX representation_subject ON representation (subject, recorded_at DESC);
