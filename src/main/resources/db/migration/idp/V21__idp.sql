-- idp: the demo identity provider (统一身份认证, cn.onego.idp). People registered after a real-name check
-- against the population registry and a one-time code sent to the mobile on record; the pending
-- registrations and their codes; every attempt (registration, code, sign-in), accepted or refused; and the
-- OAuth 2.0 authorizations of Spring Authorization Server.

-- A person known to the identity provider. subject is the stable opaque id that tokens carry as "sub";
-- the ID number never leaves in that place.
CREATE TABLE idp_person (
    subject       UUID PRIMARY KEY,
    id_number     TEXT        NOT NULL UNIQUE,
    name          TEXT        NOT NULL,
    mobile        TEXT        NOT NULL,
    username      TEXT        NOT NULL UNIQUE,
    password_hash TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    failed_logins INT         NOT NULL DEFAULT 0,
    locked_until  TIMESTAMPTZ
);

-- A registration between its first step (name and ID number matched the registry, code sent) and its end.
-- id is the SHA-256 of the handle the browser holds, so a copy of this table cannot continue anybody's
-- registration. existing_subject: the ID number already had an account when the registration started.
CREATE TABLE idp_registration (
    id               TEXT PRIMARY KEY,
    id_number        TEXT        NOT NULL,
    name             TEXT        NOT NULL,
    username         TEXT        NOT NULL,
    password_hash    TEXT,
    mobile           TEXT        NOT NULL,
    existing_subject UUID,
    state            TEXT        NOT NULL CHECK (state IN ('CODE_SENT', 'REGISTERED', 'ACCOUNT_EXISTS', 'PASSWORD_RESET')),
    created_at       TIMESTAMPTZ NOT NULL,
    verified_at      TIMESTAMPTZ
);

-- One-time codes, stored as BCrypt hashes; a newer code of the same registration supersedes the older.
CREATE TABLE idp_code (
    id              BIGSERIAL PRIMARY KEY,
    registration_id TEXT        NOT NULL REFERENCES idp_registration (id) ON DELETE CASCADE,
    mobile          TEXT        NOT NULL,
    code_hash       TEXT        NOT NULL,
    sent_at         TIMESTAMPTZ NOT NULL,
    expires_at      TIMESTAMPTZ NOT NULL,
    tries           INT         NOT NULL DEFAULT 0,
    used_at         TIMESTAMPTZ,
    superseded_at   TIMESTAMPTZ
);
CREATE INDEX idp_code_registration ON idp_code (registration_id, id DESC);
-- the sending limits (one a minute, ten a day per number) count the number's codes since midnight
CREATE INDEX idp_code_mobile ON idp_code (mobile, sent_at DESC);

-- Every attempt, accepted or refused, with the reason the person is never told (a refused real-name check
-- answers one neutral message). login: the ID number or username typed; never a password or a code.
CREATE TABLE idp_attempt (
    id      BIGSERIAL PRIMARY KEY,
    at      TIMESTAMPTZ NOT NULL,
    kind    TEXT        NOT NULL CHECK (kind IN ('REGISTRATION', 'CODE', 'RESEND', 'PASSWORD_RESET', 'SIGN_IN')),
    login   TEXT,
    subject UUID,
    outcome TEXT        NOT NULL CHECK (outcome IN ('ACCEPTED', 'REFUSED')),
    reason  TEXT        NOT NULL,
    address TEXT
);
CREATE INDEX idp_attempt_login ON idp_attempt (login, at DESC);
-- the per-address throttle counts the refused sign-ins of one address in the last minutes
CREATE INDEX idp_attempt_refused_sign_in ON idp_attempt (address, at DESC) WHERE kind = 'SIGN_IN' AND outcome = 'REFUSED';

-- The signing key when OneGo uses an external database: there is no data directory then, and every node
-- must sign with the same key. One row, written by the first node that starts. (With the embedded
-- database the key is a file in the data directory, mode 600, and this table stays empty.)
CREATE TABLE idp_signing_key (
    id         INT PRIMARY KEY CHECK (id = 1),
    jwk        TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

-- Spring Authorization Server's authorizations (JdbcOAuth2AuthorizationService), its schema with text for
-- blob and timestamptz for timestamp as its notes ask for PostgreSQL. Kept in the database so that codes,
-- tokens and refresh tokens survive a restart and are seen by every node.
CREATE TABLE oauth2_authorization (
    id                            VARCHAR(100)  NOT NULL,
    registered_client_id          VARCHAR(100)  NOT NULL,
    principal_name                VARCHAR(200)  NOT NULL,
    authorization_grant_type      VARCHAR(100)  NOT NULL,
    authorized_scopes             VARCHAR(1000) DEFAULT NULL,
    attributes                    TEXT          DEFAULT NULL,
    state                         VARCHAR(500)  DEFAULT NULL,
    authorization_code_value      TEXT          DEFAULT NULL,
    authorization_code_issued_at  TIMESTAMPTZ   DEFAULT NULL,
    authorization_code_expires_at TIMESTAMPTZ   DEFAULT NULL,
    authorization_code_metadata   TEXT          DEFAULT NULL,
    access_token_value            TEXT          DEFAULT NULL,
    access_token_issued_at        TIMESTAMPTZ   DEFAULT NULL,
    access_token_expires_at       TIMESTAMPTZ   DEFAULT NULL,
    access_token_metadata         TEXT          DEFAULT NULL,
    access_token_type             VARCHAR(100)  DEFAULT NULL,
    access_token_scopes           VARCHAR(1000) DEFAULT NULL,
    oidc_id_token_value           TEXT          DEFAULT NULL,
    oidc_id_token_issued_at       TIMESTAMPTZ   DEFAULT NULL,
    oidc_id_token_expires_at      TIMESTAMPTZ   DEFAULT NULL,
    oidc_id_token_metadata        TEXT          DEFAULT NULL,
    refresh_token_value           TEXT          DEFAULT NULL,
    refresh_token_issued_at       TIMESTAMPTZ   DEFAULT NULL,
    refresh_token_expires_at      TIMESTAMPTZ   DEFAULT NULL,
    refresh_token_metadata        TEXT          DEFAULT NULL,
    user_code_value               TEXT          DEFAULT NULL,
    user_code_issued_at           TIMESTAMPTZ   DEFAULT NULL,
    user_code_expires_at          TIMESTAMPTZ   DEFAULT NULL,
    user_code_metadata            TEXT          DEFAULT NULL,
    device_code_value             TEXT          DEFAULT NULL,
    device_code_issued_at         TIMESTAMPTZ   DEFAULT NULL,
    device_code_expires_at        TIMESTAMPTZ   DEFAULT NULL,
    device_code_metadata          TEXT          DEFAULT NULL,
    PRIMARY KEY (id)
);
-- Spring Authorization Server finds an authorization by one of its values (state, code, access, ID or
-- refresh token; all of them at once when the token type is unknown, as in revocation and introspection).
-- Without these every token request would read the whole table; hash indexes because the values are only
-- compared for equality and an access token is a JWT of about a kilobyte.
CREATE INDEX oauth2_authorization_state ON oauth2_authorization USING hash (state);
CREATE INDEX oauth2_authorization_code ON oauth2_authorization USING hash (authorization_code_value);
CREATE INDEX oauth2_authorization_access_token ON oauth2_authorization USING hash (access_token_value);
CREATE INDEX oauth2_authorization_id_token ON oauth2_authorization USING hash (oidc_id_token_value);
CREATE INDEX oauth2_authorization_refresh_token ON oauth2_authorization USING hash (refresh_token_value);
