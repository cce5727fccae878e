-- Official documents (受理通知书, 不予受理通知书, 一次性告知补正通知书, 准予/不予许可决定书, 办结通知, 送达回证):
-- what each says is a template, stored as data per hall or department (document_template, over the defaults shipped
-- in documents/templates.yaml), and each document issued is kept as it was issued (official_document), so that it is
-- downloaded again byte for byte and verified against its seal.

CREATE TABLE document_template (
    kind       text        NOT NULL,
    -- 'default', or the code of the hall or department whose text it is
    scope      text        NOT NULL,
    body       jsonb       NOT NULL,
    updated_by text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, scope)
);

CREATE SEQUENCE official_document_seq;

CREATE TABLE official_document (
    id                uuid        PRIMARY KEY,
    number            text        NOT NULL UNIQUE,
    kind              text        NOT NULL,
    case_id           uuid        NOT NULL,
    task_id           uuid,
    -- the event it was made for: one document of a kind per event, however often the event is delivered
    event_key         text        NOT NULL,
    issuer            text        NOT NULL,
    issuer_code       text        NOT NULL,
    issued_at         timestamptz NOT NULL,
    -- the canonical content the seal covers and the PDF as issued: personal data, sealed (SM4-GCM)
    content           text        NOT NULL,
    pdf               text        NOT NULL,
    -- SM3 of the canonical content and of the PDF's bytes, hex
    content_hash      text        NOT NULL,
    pdf_hash          text        NOT NULL,
    key_id            uuid        NOT NULL,
    algorithm         text        NOT NULL,
    signature         text        NOT NULL,
    -- what the QR carries besides the number, so that numbers cannot be tried out
    verification_code text        NOT NULL,
    UNIQUE (kind, event_key)
);

-- a case's documents, oldest first (the applicant's and the staff's list)
CREATE INDEX official_document_case ON official_document (case_id, issued_at);
-- an uploaded copy is looked up by its hash
CREATE INDEX official_document_pdf_hash ON official_document (pdf_hash);
