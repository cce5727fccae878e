-- platform: text messages handed to the SMS gateway (cn.onego.platform.sms). In the simulated mode, the
-- embedded default, every message stays here with the state SIMULATED and is shown on the demo inbox page;
-- a real gateway will add PENDING, SENT and FAILED.
CREATE TABLE sms_outbox (
    id         BIGSERIAL PRIMARY KEY,
    recipient  TEXT        NOT NULL,
    text       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    state      TEXT        NOT NULL CHECK (state IN ('SIMULATED', 'PENDING', 'SENT', 'FAILED'))
);
-- the inbox page reads the latest messages of one number: an index scan of that number's newest rows
CREATE INDEX sms_outbox_recipient ON sms_outbox (recipient, created_at DESC);
