-- 原件流转: the paper originals a cross-region case's competent departments keep travel from the hall that accepted
-- the case (异地收件) to the competent region's hall, as one parcel per case: awaiting dispatch → in transit (courier
-- and tracking number, by a clerk of the accepting hall) → received (by a clerk of the receiving hall, who may note a
-- discrepancy). One transfer at most per case: the listener that opens it may be delivered twice.
CREATE TABLE paper_transfer (
    id              UUID PRIMARY KEY,
    case_id         UUID NOT NULL UNIQUE REFERENCES case_file (id),
    case_number     TEXT NOT NULL,
    from_hall       TEXT NOT NULL,
    to_hall         TEXT NOT NULL,
    -- [{material, name: {zh, en}, originals}]: the names as the catalogue had them when the case was accepted
    materials       JSONB NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('AWAITING_DISPATCH', 'IN_TRANSIT', 'RECEIVED')),
    created_at      TIMESTAMPTZ NOT NULL,
    courier         TEXT,
    tracking_number TEXT,
    dispatched_by   TEXT,
    dispatched_at   TIMESTAMPTZ,
    received_by     TEXT,
    received_at     TIMESTAMPTZ,
    discrepancy     TEXT,
    version         INT NOT NULL DEFAULT 0,
    CHECK (from_hall <> to_hall)
);

-- a hall's lists: what it sends (outgoing) and what it is to sign for (incoming), each by state; a hall holds few
-- transfers at a time, so the hall leads and the state narrows
CREATE INDEX paper_transfer_outgoing ON paper_transfer (from_hall, state);
CREATE INDEX paper_transfer_incoming ON paper_transfer (to_hall, state);
