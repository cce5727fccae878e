-- documents: a transition that calls for a document writes its order here, in the transition's own transaction (one
-- row, no commit of its own); a worker takes the orders in batches and issues them (numbered, rendered, sealed,
-- stored), many in one transaction (docs/adr/0012-documents-ordered-in-the-transition.md). Before, each document was
-- an event publication of its own: four statements in the registry, a commit, and its reads of the case.
CREATE TABLE document_order (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- the event that calls for the document (CaseEvents' simple name) and the event itself as JSON
    event_type      text        NOT NULL,
    event           jsonb       NOT NULL,
    case_id         uuid        NOT NULL,
    ordered_at      timestamptz NOT NULL,
    -- an order that could not be issued waits (not_before) and is tried again; its last error is kept for operators
    attempts        int         NOT NULL DEFAULT 0,
    not_before      timestamptz NOT NULL,
    last_error      text
);
-- the worker takes the oldest orders that may be tried now
CREATE INDEX document_order_waiting ON document_order (not_before, id);
