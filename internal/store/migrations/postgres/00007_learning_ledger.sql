-- +goose Up
-- Learning (issue 5, part 2): claims of external learning with their
-- evidence, certificates of completed enrollments, the Kirkpatrick
-- evaluation (reaction survey, supervisor follow-up) and the employees'
-- calendar feed tokens. The JP ledger itself is a query over completed
-- enrollments, approved claims and done plan items: nothing here copies
-- it. Keep in step with migrations/sqlite.

-- A claim of external learning (seminar, course …). claimed_minutes is the
-- duration as entered (hours × 60, or JP × 45, see claimed_unit);
-- credit_minutes what it credits once approved (the credit table's JP for a
-- non-classroom form, else the duration), fixed when submitted so that the
-- approver sees the figure that will count. idp_item_id links the plan item
-- it fulfils, which then does not credit again.
CREATE TABLE jp_claims (
    id               BIGSERIAL   PRIMARY KEY,
    employee_id      BIGINT      NOT NULL REFERENCES employees (id),
    title            TEXT        NOT NULL,
    organiser        TEXT        NOT NULL,
    form             TEXT        NOT NULL,
    activity_on      DATE        NOT NULL,
    claimed_unit     TEXT        NOT NULL CHECK (claimed_unit IN ('hours', 'jp')),
    claimed_minutes  INTEGER     NOT NULL CHECK (claimed_minutes > 0),
    credit_minutes   INTEGER     NOT NULL CHECK (credit_minutes >= 0),
    note             TEXT        NOT NULL DEFAULT '',
    idp_item_id      BIGINT      REFERENCES idp_items (id),
    status           TEXT        NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
    decision_comment TEXT        NOT NULL DEFAULT '',
    decided_by       TEXT        NOT NULL DEFAULT '',
    decider_name     TEXT        NOT NULL DEFAULT '',
    decided_at       TIMESTAMPTZ,
    created_by       TEXT        NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);
-- The ledger reads approved claims per employee and year from the index alone.
CREATE INDEX jp_claims_ledger ON jp_claims (employee_id, status, activity_on, credit_minutes);
CREATE INDEX jp_claims_status ON jp_claims (status, created_at);
-- Partial: most claims fulfil no plan item, and an index full of NULLs
-- misleads SQLite's planner once ANALYZE has run (it then scans the table
-- for every plan item the ledger checks).
CREATE INDEX jp_claims_idp_item ON jp_claims (idp_item_id, status) WHERE idp_item_id IS NOT NULL;

-- The evidence file of a claim (PDF, JPEG or PNG, checked by content).
CREATE TABLE jp_claim_evidence (
    claim_id     BIGINT  PRIMARY KEY REFERENCES jp_claims (id) ON DELETE CASCADE,
    name         TEXT    NOT NULL,
    content_type TEXT    NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    size         INTEGER NOT NULL CHECK (size > 0),
    data         BYTEA   NOT NULL
);

-- A certificate of a completed enrollment: number ASAH/<year>/<seq>, and a
-- random verification code for the public page.
CREATE TABLE certificates (
    id            BIGSERIAL   PRIMARY KEY,
    enrollment_id BIGINT      NOT NULL UNIQUE REFERENCES enrollments (id),
    year          INTEGER     NOT NULL,
    seq           INTEGER     NOT NULL CHECK (seq > 0),
    number        TEXT        NOT NULL UNIQUE,
    code          TEXT        NOT NULL UNIQUE,
    issued_at     TIMESTAMPTZ NOT NULL,
    issued_by     TEXT        NOT NULL,
    revoked_at    TIMESTAMPTZ,
    revoked_by    TEXT        NOT NULL DEFAULT '',
    revoke_reason TEXT        NOT NULL DEFAULT '',
    UNIQUE (year, seq)
);

-- Kirkpatrick level 1: one reaction survey per attending enrollment.
CREATE TABLE reaction_surveys (
    id            BIGSERIAL   PRIMARY KEY,
    enrollment_id BIGINT      NOT NULL UNIQUE REFERENCES enrollments (id),
    relevance     INTEGER     NOT NULL CHECK (relevance BETWEEN 1 AND 5),
    content       INTEGER     NOT NULL CHECK (content BETWEEN 1 AND 5),
    facilitator   INTEGER     NOT NULL CHECK (facilitator BETWEEN 1 AND 5),
    organisation  INTEGER     NOT NULL CHECK (organisation BETWEEN 1 AND 5),
    comment       TEXT        NOT NULL DEFAULT '',
    submitted_at  TIMESTAMPTZ NOT NULL
);

-- Kirkpatrick level 3: the supervisor's follow-up three months after the
-- event; assessment_id is the supervisor assessment recorded with it.
CREATE TABLE evaluation_followups (
    id            BIGSERIAL   PRIMARY KEY,
    enrollment_id BIGINT      NOT NULL UNIQUE REFERENCES enrollments (id),
    applied       TEXT        NOT NULL CHECK (applied IN ('yes', 'partly', 'no')),
    comment       TEXT        NOT NULL DEFAULT '',
    assessment_id BIGINT      REFERENCES assessments (id),
    recorded_by   TEXT        NOT NULL,
    recorder_name TEXT        NOT NULL DEFAULT '',
    recorded_at   TIMESTAMPTZ NOT NULL
);

-- The secret of an employee's calendar feed URL, stored hashed.
CREATE TABLE calendar_tokens (
    employee_id BIGINT      PRIMARY KEY REFERENCES employees (id),
    token_hash  TEXT        NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ NOT NULL
);

-- The ledger reads completed enrollments per employee and year, with their
-- event, and the done items of approved plans, from indexes alone; whether
-- an enrollment carries a plan item from a partial index (see
-- jp_claims_idp_item).
CREATE INDEX enrollments_ledger ON enrollments (employee_id, state, completed_at, event_id);
CREATE INDEX enrollments_ledger_item ON enrollments (idp_item_id, state) WHERE idp_item_id IS NOT NULL;
CREATE INDEX idps_ledger ON idps (employee_id, year, status);
CREATE INDEX idp_items_ledger ON idp_items (idp_id, status, form);

-- +goose Down
DROP INDEX idp_items_ledger;
DROP INDEX idps_ledger;
DROP INDEX enrollments_ledger_item;
DROP INDEX enrollments_ledger;
DROP TABLE calendar_tokens;
DROP TABLE evaluation_followups;
DROP TABLE reaction_surveys;
DROP TABLE certificates;
DROP TABLE jp_claim_evidence;
DROP TABLE jp_claims;
