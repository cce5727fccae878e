-- platform: the SMS outbox now sends (cn.onego.platform.sms.SmsDispatch). A message is PENDING until a provider
-- took it (SENT, with the provider's id) and said it arrived (DELIVERED) or could not (FAILED); a provider that is
-- down leaves it PENDING with its next attempt moved back exponentially, and FAILED only after the last attempt.
-- SIMULATED rows of earlier runs stay as they were.
ALTER TABLE sms_outbox DROP CONSTRAINT sms_outbox_state_check;
ALTER TABLE sms_outbox ADD CONSTRAINT sms_outbox_state_check
    CHECK (state IN ('SIMULATED', 'PENDING', 'SENT', 'DELIVERED', 'FAILED'));
ALTER TABLE sms_outbox ADD COLUMN attempts        INT         NOT NULL DEFAULT 0;
ALTER TABLE sms_outbox ADD COLUMN next_attempt_at TIMESTAMPTZ;
ALTER TABLE sms_outbox ADD COLUMN provider_id     TEXT;
ALTER TABLE sms_outbox ADD COLUMN last_error      TEXT;
ALTER TABLE sms_outbox ADD COLUMN changed_at      TIMESTAMPTZ;
-- what the message is about ("case:<uuid>"), so that staff see a failed message next to its case
ALTER TABLE sms_outbox ADD COLUMN reference       TEXT;
-- the dispatcher takes the due messages: only the pending ones are in this index
CREATE INDEX sms_outbox_due ON sms_outbox (next_attempt_at) WHERE state = 'PENDING';
-- a delivery receipt names the provider's id
CREATE INDEX sms_outbox_provider_id ON sms_outbox (provider_id) WHERE provider_id IS NOT NULL;
-- staff list the failed ones, newest first
CREATE INDEX sms_outbox_failed ON sms_outbox (changed_at DESC) WHERE state = 'FAILED';

-- cases: a notice to be texted is relayed to the SMS outbox once (cn.onego.cases.NoticeRelay); the relay takes
-- the rows not relayed yet through this partial index, and marks them in the transaction that queues the SMS
ALTER TABLE notification ADD COLUMN relayed_at TIMESTAMPTZ;
UPDATE notification SET relayed_at = created_at;
CREATE INDEX notification_to_relay ON notification (id) WHERE relayed_at IS NULL;

-- platform: the signatures of providers' callbacks seen in the last minutes (cn.onego.platform.provider.SignedCallbacks):
-- the same signed request twice is a replay and refused; older ones are refused by their time and deleted
CREATE TABLE provider_callback (
    signature   TEXT PRIMARY KEY,
    received_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX provider_callback_received ON provider_callback (received_at);
