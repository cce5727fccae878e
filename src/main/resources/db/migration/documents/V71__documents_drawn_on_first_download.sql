-- documents: a document is issued when its event happens — numbered, its content rendered, sealed with the
-- issuer's SM2 signature and stored — and drawn as a PDF the first time somebody downloads it, then kept byte for
-- byte (docs/adr/0011-documents-drawn-on-first-download.md). Drawing was most of a case's CPU: nine PDFs per case,
-- each with the Chinese font subset into it, of which few are ever opened.
ALTER TABLE official_document
    ALTER COLUMN pdf DROP NOT NULL,
    ALTER COLUMN pdf_hash DROP NOT NULL,
    -- whether the PDF carries the QR of the case's progress look-up (the acceptance notice)
    ADD COLUMN with_progress boolean NOT NULL DEFAULT false;

-- What the application may change of an issued document: its PDF, added once when first drawn, and the sealed
-- columns re-sealed under a new data key (platform Resealing). Nothing else, and no document is removed.
REVOKE UPDATE, DELETE ON official_document FROM ${app_role};
GRANT UPDATE (pdf, pdf_hash, content) ON official_document TO ${app_role};

-- A PDF once kept is the document as issued: its hash never changes and its bytes are never taken away (a
-- re-sealing changes the stored form of the same bytes, not the hash).
CREATE FUNCTION official_document_drawn_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.pdf_hash IS NOT NULL AND (NEW.pdf_hash IS DISTINCT FROM OLD.pdf_hash OR NEW.pdf IS NULL) THEN
        RAISE EXCEPTION 'official document % was drawn already: its PDF is kept as it was first drawn', OLD.number
            USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.content_hash IS DISTINCT FROM OLD.content_hash THEN
        RAISE EXCEPTION 'official document %: what was sealed does not change', OLD.number USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER official_document_drawn_once BEFORE UPDATE ON official_document
    FOR EACH ROW EXECUTE FUNCTION official_document_drawn_once();
