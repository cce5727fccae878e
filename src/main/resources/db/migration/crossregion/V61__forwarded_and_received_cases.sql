-- 远程流转 between platforms (docs/FEDERATION.md). On the receiving side, the cases this platform's halls accepted
-- for a region a partner platform serves, with what the partner last reported; on the handling side, the cases a
-- partner's hall received for a region served here, with where they came from.
CREATE TABLE forwarded_case (
    case_id        UUID PRIMARY KEY,
    partner        TEXT        NOT NULL,
    forwarded_at   TIMESTAMPTZ NOT NULL,
    partner_number TEXT,
    partner_state  TEXT,
    partner_reason TEXT,
    reported_at    TIMESTAMPTZ
);

CREATE TABLE received_case (
    case_id        UUID PRIMARY KEY,
    partner        TEXT        NOT NULL,
    origin_case_id UUID        NOT NULL,
    origin_number  TEXT        NOT NULL,
    hall           JSONB,
    received_at    TIMESTAMPTZ NOT NULL,
    UNIQUE (partner, origin_case_id)
);
