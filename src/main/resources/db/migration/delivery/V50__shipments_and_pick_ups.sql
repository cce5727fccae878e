-- delivery: how a case's result reaches its applicant (cn.onego.delivery). Cases are referenced by id only.

-- a result mailed free of charge: one shipment per case, from its hall to the applicant. The recipient's name,
-- mobile and address are sealed (SM4-GCM). The dispatcher takes open shipments by next_attempt_at: REQUESTED ones
-- to order from the courier (retried, never dropped), taken ones to follow.
CREATE TABLE shipment (
    id                UUID PRIMARY KEY,
    case_id           UUID        NOT NULL UNIQUE,
    case_number       TEXT        NOT NULL,
    hall              TEXT        NOT NULL,
    region            TEXT        NOT NULL,
    courier           TEXT        NOT NULL,
    waybill           TEXT,
    tracking_number   TEXT,
    state             TEXT        NOT NULL CHECK (state IN ('REQUESTED', 'CREATED', 'PICKED_UP', 'IN_TRANSIT',
                                                            'OUT_FOR_DELIVERY', 'SIGNED', 'RETURNED', 'FAILED')),
    cost_yuan         NUMERIC(10, 2) CHECK (cost_yuan >= 0),
    recipient_name    TEXT        NOT NULL,
    recipient_mobile  TEXT        NOT NULL,
    recipient_address TEXT        NOT NULL,
    requested_at      TIMESTAMPTZ NOT NULL,
    created_at        TIMESTAMPTZ,
    settled_at        TIMESTAMPTZ,
    attempts          INT         NOT NULL DEFAULT 0,
    next_attempt_at   TIMESTAMPTZ,
    last_error        TEXT
);
-- the dispatcher's due work: only open shipments are in it
CREATE INDEX shipment_due ON shipment (next_attempt_at) WHERE settled_at IS NULL;
-- a hall's shipments not signed for, oldest first (the staff's list of stuck ones)
CREATE INDEX shipment_hall_open ON shipment (hall, requested_at) WHERE settled_at IS NULL;
-- the statistics: shipments and their cost per region and month
CREATE INDEX shipment_region_requested ON shipment (region, requested_at) INCLUDE (cost_yuan);

-- a courier's callback names the tracking number (unique per courier, not across couriers and years)
CREATE INDEX shipment_tracking_number ON shipment (tracking_number);

-- every scan of a shipment, once (a scan told by polling and by the callback is one row)
CREATE TABLE shipment_event (
    id          BIGSERIAL PRIMARY KEY,
    shipment_id UUID        NOT NULL REFERENCES shipment (id),
    state       TEXT        NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    place       TEXT        NOT NULL,
    UNIQUE (shipment_id, state, at)
);

-- a result waiting at the window: the pick-up code (6 digits, sealed) the applicant got by SMS, and its hand-over
CREATE TABLE pick_up (
    case_id         UUID PRIMARY KEY,
    case_number     TEXT        NOT NULL,
    hall            TEXT        NOT NULL,
    code            TEXT        NOT NULL,
    state           TEXT        NOT NULL CHECK (state IN ('READY', 'HANDED_OVER')),
    failed_attempts INT         NOT NULL DEFAULT 0,
    ready_at        TIMESTAMPTZ NOT NULL,
    handed_over_at  TIMESTAMPTZ,
    handed_over_by  TEXT
);
