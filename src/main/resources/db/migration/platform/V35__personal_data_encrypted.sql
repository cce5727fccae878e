-- Personal data at rest (docs/SECURITY.md, "Personal data at rest"). ID numbers, mobile numbers, addresses, the
-- values of forms and registry records are stored sealed with SM4-GCM under a key held outside the database
-- (cn.onego.platform.crypto): 'k<key id>:<Base64(nonce | ciphertext | tag)>', in TEXT columns. A look-up by ID
-- number or mobile compares a blind index instead (HMAC-SM3 under a key of its own, the *_index columns):
-- unique where the plain value was unique.
--
-- SQL cannot seal (the key is not here), so this migration only shapes the tables and lists the columns whose
-- existing rows are still plain in sealing_pending; at start-up, before any request, OneGo seals those rows and
-- fills their index in batches (cn.onego.platform.crypto.Resealing) and empties the list. Until then a value
-- without the envelope is read as it is.
CREATE TABLE sealing_pending (
    table_name  TEXT NOT NULL,
    column_name TEXT NOT NULL,
    PRIMARY KEY (table_name, column_name)
);

-- identity: the applicants' accounts, found by ID number at a first sign-in through another provider
ALTER TABLE account DROP CONSTRAINT account_id_number_key;
ALTER TABLE account ADD COLUMN id_number_index TEXT;
CREATE UNIQUE INDEX account_id_number_index ON account (id_number_index);
INSERT INTO sealing_pending VALUES ('account', 'id_number'), ('account', 'mobile');

-- idp: the people of the demo identity provider, their registrations, codes and attempts
ALTER TABLE idp_person DROP CONSTRAINT idp_person_id_number_key;
ALTER TABLE idp_person ADD COLUMN id_number_index TEXT;
CREATE UNIQUE INDEX idp_person_id_number_index ON idp_person (id_number_index);
ALTER TABLE idp_registration ADD COLUMN id_number_index TEXT;
CREATE INDEX idp_registration_id_number_index ON idp_registration (id_number_index);
-- the sending limits count a number's codes since midnight: by the number's index now
ALTER TABLE idp_code ADD COLUMN mobile_index TEXT;
DROP INDEX idp_code_mobile;
CREATE INDEX idp_code_mobile_index ON idp_code (mobile_index, sent_at DESC);
-- login: the ID number or username typed, kept sealed for an investigation; found by its index
ALTER TABLE idp_attempt ADD COLUMN login_index TEXT;
DROP INDEX idp_attempt_login;
CREATE INDEX idp_attempt_login_index ON idp_attempt (login_index, at DESC);
INSERT INTO sealing_pending VALUES ('idp_person', 'id_number'), ('idp_person', 'mobile'),
    ('idp_registration', 'id_number'), ('idp_registration', 'mobile'), ('idp_code', 'mobile'), ('idp_attempt', 'login');

-- platform: the simulated SMS outbox, read by the demo inbox page by number (its index); the text holds codes
ALTER TABLE sms_outbox ADD COLUMN recipient_index TEXT;
DROP INDEX sms_outbox_recipient;
CREATE INDEX sms_outbox_recipient_index ON sms_outbox (recipient_index, created_at DESC);
INSERT INTO sealing_pending VALUES ('sms_outbox', 'recipient'), ('sms_outbox', 'text');

-- sharing: the registries' records (an ID number or credit code, and the record itself, both sealed), consents,
-- the data-access log and the authorisations to act for someone, each found by the subject's index
ALTER TABLE registry_record DROP CONSTRAINT registry_record_pkey;
ALTER TABLE registry_record ADD COLUMN subject_index TEXT;
ALTER TABLE registry_record ALTER COLUMN data TYPE TEXT USING data::text;
CREATE UNIQUE INDEX registry_record_subject_index ON registry_record (registry, subject_index);
ALTER TABLE consent ADD COLUMN subject_index TEXT;
DROP INDEX consent_subject;
CREATE INDEX consent_subject_index ON consent (subject_index, granted_at DESC);
ALTER TABLE data_access ADD COLUMN subject_index TEXT;
DROP INDEX data_access_subject;
CREATE INDEX data_access_subject_index ON data_access (subject_index, at DESC);
ALTER TABLE representation ADD COLUMN subject_index TEXT;
DROP INDEX representation_username;
DROP INDEX representation_subject;
CREATE INDEX representation_username ON representation (username, subject_index);
CREATE INDEX representation_subject_index ON representation (subject_index, recorded_at DESC);
INSERT INTO sealing_pending VALUES ('registry_record', 'subject'), ('registry_record', 'data'), ('consent', 'subject'),
    ('data_access', 'subject'), ('representation', 'subject');

-- credit: the blacklist; licences: the holders of e-licences
ALTER TABLE credit_blacklist ADD COLUMN subject_index TEXT;
DROP INDEX credit_blacklist_subject;
CREATE INDEX credit_blacklist_subject_index ON credit_blacklist (subject_index) WHERE lifted_at IS NULL;
ALTER TABLE e_licence ADD COLUMN holder_index TEXT;
DROP INDEX e_licence_holder;
CREATE INDEX e_licence_holder_index ON e_licence (holder_index, licence_type);
INSERT INTO sealing_pending VALUES ('credit_blacklist', 'subject'), ('e_licence', 'holder');

-- application: who applies (found by index), who acts, the agent, the form's values and the delivery, each sealed
-- whole (the JSON columns become text: PostgreSQL cannot read inside them any more, and no query did)
ALTER TABLE application ADD COLUMN applicant_id_index TEXT;
DROP INDEX application_applicant;
CREATE INDEX application_applicant_index ON application (applicant_id_index, updated_at DESC);
ALTER TABLE application ALTER COLUMN agent TYPE TEXT USING agent::text;
ALTER TABLE application ALTER COLUMN form TYPE TEXT USING form::text;
ALTER TABLE application ALTER COLUMN delivery TYPE TEXT USING delivery::text;
INSERT INTO sealing_pending VALUES ('application', 'applicant_id'), ('application', 'acting_person'),
    ('application', 'agent'), ('application', 'form'), ('application', 'delivery');

-- cases: the applicant's number (found by index, with the username in a BitmapOr as before) and the delivery
ALTER TABLE case_file ADD COLUMN applicant_id_index TEXT;
DROP INDEX case_file_applicant;
CREATE INDEX case_file_applicant_index ON case_file (applicant_id_index, submitted_at DESC);
ALTER TABLE case_file ALTER COLUMN delivery TYPE TEXT USING delivery::text;
INSERT INTO sealing_pending VALUES ('case_file', 'applicant_id'), ('case_file', 'delivery');
-- a visitor without an account is told by SMS to the form's mobile: named by the application now, not by the number
UPDATE notification n SET recipient = 'SMS:' || c.application_id
FROM case_file c WHERE n.case_id = c.id AND n.recipient LIKE 'SMS:1%';
UPDATE case_file SET applicant_username = 'SMS:' || application_id WHERE applicant_username LIKE 'SMS:1%';
-- the history names a blacklisted applicant's number masked, as lists and logs do
UPDATE case_history SET detail = left(detail, 4) || repeat('*', length(detail) - 8) || right(detail, 4)
WHERE action = 'BLACKLISTED' AND detail ~ '^[0-9]{17}[0-9X]$';
-- events are stored in the clear: ApplicationSubmitted carries no ID number any more
UPDATE event_publication SET serialized_event = (serialized_event::jsonb - 'applicantId')::text
WHERE event_type LIKE '%ApplicationSubmitted' AND serialized_event LIKE '{%';
UPDATE event_publication_archive SET serialized_event = (serialized_event::jsonb - 'applicantId')::text
WHERE event_type LIKE '%ApplicationSubmitted' AND serialized_event LIKE '{%';

-- idp: Spring Authorization Server's codes and tokens keep the JSON of their attributes and of each token's
-- metadata (the claims: ID number, name, mobile) sealed; the token values stay, looked up by value
INSERT INTO sealing_pending VALUES ('oauth2_authorization', 'attributes'),
    ('oauth2_authorization', 'authorization_code_metadata'), ('oauth2_authorization', 'access_token_metadata'),
    ('oauth2_authorization', 'oidc_id_token_metadata'), ('oauth2_authorization', 'refresh_token_metadata'),
    ('oauth2_authorization', 'user_code_metadata'), ('oauth2_authorization', 'device_code_metadata');
