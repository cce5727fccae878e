-- application: each upload of a file, by whom. The content stays stored once by its hash in attachment; an
-- upload row says who uploaded it (the acting user's username: an applicant, or a clerk for a visitor), under
-- which display name (sanitised; never used as a path), when, and since when an application, a draft, a
-- supplement or an authorisation refers to it. Only the uploader may refer to an upload; an upload nobody
-- referred to is deleted after onego.attachments.unreferenced-days, and a content no upload is left for with it.
CREATE TABLE attachment_upload (
    id            UUID PRIMARY KEY,
    hash          TEXT        NOT NULL REFERENCES attachment (hash),
    owner         TEXT        NOT NULL,
    display_name  TEXT,
    size          INT         NOT NULL,
    uploaded_at   TIMESTAMPTZ NOT NULL,
    referenced_at TIMESTAMPTZ
);

-- the quota: what an owner uploaded in the last 24 hours
CREATE INDEX attachment_upload_owner ON attachment_upload (owner, uploaded_at);
-- may this user refer to this file: one probe by hash and owner
CREATE INDEX attachment_upload_hash ON attachment_upload (hash, owner);
-- the clean-up reads only the uploads nobody referred to, oldest first
CREATE INDEX attachment_upload_unreferenced ON attachment_upload (uploaded_at) WHERE referenced_at IS NULL;

-- Files uploaded before owners were recorded stay, as referenced, with an owner nobody has: they cannot be
-- referred to again, and the clean-up leaves them alone.
INSERT INTO attachment_upload (id, hash, owner, size, uploaded_at, referenced_at)
SELECT gen_random_uuid(), hash, '', size, created_at, created_at FROM attachment;
