-- Only an applicant's notice (channel SMS) is relayed, as a text message; the warnings to staff (channel INBOX) stay
-- in the inbox. The relay took and marked every notice, so the deadline scan's thousands of warnings a night were
-- each written a second time for nothing (docs/PERFORMANCE.md, "10 million cases after round two"). The partial
-- index now holds only the texts waiting for the relay.
DROP INDEX notification_to_relay;
UPDATE notification SET relayed_at = created_at WHERE relayed_at IS NULL AND channel <> 'SMS';
CREATE INDEX notification_to_relay ON notification (id) WHERE relayed_at IS NULL AND channel = 'SMS';
