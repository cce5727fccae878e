-- credit: the blacklist becomes listings with a life of their own (issue 15). The table keeps its name: its sealed
-- subjects are bound to "credit_blacklist.subject" as associated data, and a rename would orphan them.
--   region  where the listing was made (the evidence case's region): the credit administrators of that region or
--           above manage it. Earlier listings take it from their evidence case, once, here; from now on the credit
--           module is told the region and reads no table of the cases module.
--   until   the last day the listing has effect; NULL for a lifetime listing. After it the listing has expired:
--           expiry is a matter of the date and needs no job and no row.
--   state   ACTIVE, UNDER_APPEAL (still in effect while the appeal is decided) or LIFTED (信用修复 or a granted
--           appeal); EXPIRED is never stored, it is what an ACTIVE or UNDER_APPEAL listing is after its last day.
ALTER TABLE credit_blacklist ADD COLUMN region TEXT;
ALTER TABLE credit_blacklist ADD COLUMN until DATE;
ALTER TABLE credit_blacklist ADD COLUMN state TEXT NOT NULL DEFAULT 'ACTIVE'
    CHECK (state IN ('ACTIVE', 'UNDER_APPEAL', 'LIFTED'));
ALTER TABLE credit_blacklist ADD COLUMN version INT NOT NULL DEFAULT 0;
UPDATE credit_blacklist b SET region = c.region FROM case_file c WHERE c.id = b.evidence_case;
UPDATE credit_blacklist SET region = '000000' WHERE region IS NULL;
ALTER TABLE credit_blacklist ALTER COLUMN region SET NOT NULL;
UPDATE credit_blacklist SET state = 'LIFTED' WHERE lifted_at IS NOT NULL;

-- "is this applicant listed?" before every green-channel acceptance, and the administrators' search by subject:
-- both by the blind index; the listings of one subject are few, so the state and the date are filtered after
DROP INDEX credit_blacklist_subject_index;
CREATE INDEX credit_blacklist_subject_index ON credit_blacklist (subject_index);

-- the history of each listing: listed, appealed, appeal decided, lifted (信用修复) — rows, never changed. The detail
-- (an appeal's statement, a reason) is sealed: a subject's own words may say anything about them.
CREATE TABLE credit_listing_step (
    id          BIGSERIAL PRIMARY KEY,
    listing_id  UUID        NOT NULL REFERENCES credit_blacklist (id),
    at          TIMESTAMPTZ NOT NULL,
    actor       TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    from_state  TEXT,
    to_state    TEXT        NOT NULL,
    detail      TEXT
);
CREATE INDEX credit_listing_step_listing ON credit_listing_step (listing_id, id);

-- the listings made before have their history from what their row says
INSERT INTO credit_listing_step (listing_id, at, actor, action, from_state, to_state, detail)
SELECT id, listed_at, listed_by, 'LISTED', NULL, 'ACTIVE', NULL FROM credit_blacklist;
INSERT INTO credit_listing_step (listing_id, at, actor, action, from_state, to_state, detail)
SELECT id, lifted_at, lifted_by, 'LIFTED', 'ACTIVE', 'LIFTED', NULL FROM credit_blacklist WHERE lifted_at IS NOT NULL;

-- the application may add to a listing's history and read it, never change or remove a step
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON credit_listing_step FROM ${app_role};
