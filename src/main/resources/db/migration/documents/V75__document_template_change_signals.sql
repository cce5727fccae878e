-- Each node keeps the document texts it read (Templates, KeptWhileHeard), for every document of a batch asks for its
-- issuer's text. A text stored by an administrator, or changed by an operator's SQL, must be the one the next document
-- on every node is made with: every change of the table tells every node when it commits (NOTIFY; ChangeSignals
-- listens). Nodes forget all the texts they kept then: a change of the default text concerns every issuer.

CREATE FUNCTION document_template_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('onego_document_template', '');
    RETURN NULL;
END $$;

CREATE TRIGGER document_template_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON document_template
    FOR EACH STATEMENT EXECUTE FUNCTION document_template_changed();
