-- +goose Up
-- Accounts, database-backed sessions, API tokens and login throttling.
CREATE TABLE users (
    id            BIGSERIAL PRIMARY KEY,
    nip           TEXT UNIQUE,
    email         TEXT UNIQUE,
    name          TEXT        NOT NULL,
    password_hash TEXT        NOT NULL,
    role          TEXT        NOT NULL CHECK (role IN ('admin_bkpsdm', 'admin_opd', 'atasan', 'pegawai', 'pimpinan', 'mitra')),
    unit_id       BIGINT REFERENCES org_units (id),
    employee_id   BIGINT REFERENCES employees (id),
    partner       TEXT        NOT NULL DEFAULT '',
    totp_secret   TEXT        NOT NULL DEFAULT '',
    disabled      BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    CHECK (nip IS NOT NULL OR email IS NOT NULL)
);
CREATE INDEX users_employee ON users (employee_id);

-- scs session data is opaque: user_id maps a session to its account so that
-- logout elsewhere and account disabling can end every session at once.
CREATE TABLE sessions (
    token   TEXT PRIMARY KEY,
    data    BYTEA       NOT NULL,
    expiry  TIMESTAMPTZ NOT NULL,
    user_id BIGINT REFERENCES users (id)
);
CREATE INDEX sessions_expiry ON sessions (expiry);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
    id           BIGSERIAL PRIMARY KEY,
    user_id      BIGINT      NOT NULL REFERENCES users (id),
    name         TEXT        NOT NULL DEFAULT '',
    token_hash   TEXT        NOT NULL UNIQUE,
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ,
    last_used_at TIMESTAMPTZ
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE login_failures (
    id  BIGSERIAL PRIMARY KEY,
    key TEXT        NOT NULL,
    at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX login_failures_key ON login_failures (key, at);

-- +goose Down
DROP TABLE login_failures;
DROP TABLE api_tokens;
DROP TABLE sessions;
DROP TABLE users;
