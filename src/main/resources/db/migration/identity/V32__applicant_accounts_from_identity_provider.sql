-- identity: applicants sign in at an OpenID Connect provider only. An account is the verified person of a
-- provider (issuer + subject); it holds no password any more. Accounts opened before with a password keep
-- their cases and are found again by their ID number at the person's first sign-in through the provider.
ALTER TABLE account ALTER COLUMN password_hash DROP NOT NULL;
UPDATE account SET password_hash = NULL;
ALTER TABLE account ADD COLUMN issuer TEXT;
ALTER TABLE account ADD COLUMN subject TEXT;
ALTER TABLE account ADD COLUMN last_sign_in TIMESTAMPTZ;
CREATE UNIQUE INDEX account_provider_subject ON account (issuer, subject);
