-- +goose Up
-- Learning (issue 5, part 1): partners and cooperation agreements, the
-- program catalogue, events (angkatan) with sessions, enrollment with its
-- waitlist, and attendance. Keep in step with migrations/sqlite.

CREATE TABLE partners (
    id            BIGSERIAL PRIMARY KEY,
    code          TEXT    NOT NULL UNIQUE,
    name          TEXT    NOT NULL UNIQUE,
    kind          TEXT    NOT NULL CHECK (kind IN ('bkpsdm', 'bpsdm_provinsi', 'lan', 'kementerian', 'universitas', 'swasta')),
    address       TEXT    NOT NULL DEFAULT '',
    contact_email TEXT    NOT NULL DEFAULT '',
    contact_phone TEXT    NOT NULL DEFAULT '',
    website       TEXT    NOT NULL DEFAULT '',
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);

-- A cooperation agreement (MoU / PKS). Its status follows from the dates;
-- terminated_on ends it early. The signed PDF lives in the row (doc_*).
CREATE TABLE agreements (
    id            BIGSERIAL PRIMARY KEY,
    partner_id    BIGINT NOT NULL REFERENCES partners (id),
    number        TEXT    NOT NULL UNIQUE,
    title         TEXT    NOT NULL DEFAULT '',
    scope         TEXT    NOT NULL DEFAULT '',
    starts_on     DATE NOT NULL,
    ends_on       DATE NOT NULL,
    terminated_on DATE,
    doc_name      TEXT    NOT NULL DEFAULT '',
    doc_type      TEXT    NOT NULL DEFAULT '',
    doc_size      BIGINT NOT NULL DEFAULT 0,
    doc           BYTEA,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    CHECK (ends_on >= starts_on)
);
CREATE INDEX agreements_partner ON agreements (partner_id);
CREATE INDEX agreements_ends ON agreements (ends_on);

-- A program of the catalogue. eligible_kinds is a comma-separated list of
-- position kinds ('' = every kind); min_attendance is the share of sessions
-- needed for completion.
CREATE TABLE programs (
    id                   BIGSERIAL PRIMARY KEY,
    code                 TEXT    NOT NULL UNIQUE,
    title                TEXT    NOT NULL,
    description          TEXT    NOT NULL DEFAULT '',
    jp                   INTEGER NOT NULL CHECK (jp >= 0),
    provider_partner_id  BIGINT NOT NULL REFERENCES partners (id),
    method               TEXT    NOT NULL CHECK (method IN ('klasikal', 'non_klasikal')),
    form                 TEXT    NOT NULL,
    delivery             TEXT    NOT NULL CHECK (delivery IN ('tatap_muka', 'daring', 'campuran')),
    cost_per_participant BIGINT NOT NULL DEFAULT 0 CHECK (cost_per_participant >= 0),
    fixed_cost_per_event BIGINT NOT NULL DEFAULT 0 CHECK (fixed_cost_per_event >= 0),
    mandatory            BOOLEAN NOT NULL DEFAULT FALSE,
    eligible_kinds       TEXT    NOT NULL DEFAULT '',
    requires_post_test   BOOLEAN NOT NULL DEFAULT FALSE,
    pass_score           DOUBLE PRECISION NOT NULL DEFAULT 0,
    min_attendance       DOUBLE PRECISION NOT NULL DEFAULT 0.8 CHECK (min_attendance > 0 AND min_attendance <= 1),
    archived             BOOLEAN NOT NULL DEFAULT FALSE,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX programs_provider ON programs (provider_partner_id);

-- The competencies a program develops: target_level is the level it raises
-- to; min_level the current level a participant needs (0 = none).
CREATE TABLE program_competencies (
    program_id    BIGINT NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    competency_id BIGINT NOT NULL REFERENCES competencies (id),
    target_level  INTEGER NOT NULL CHECK (target_level BETWEEN 1 AND 5),
    min_level     INTEGER NOT NULL DEFAULT 0 CHECK (min_level BETWEEN 0 AND 5),
    PRIMARY KEY (program_id, competency_id)
);
CREATE INDEX program_competencies_competency ON program_competencies (competency_id);

-- An event (angkatan) of a program.
CREATE TABLE events (
    id                  BIGSERIAL PRIMARY KEY,
    program_id          BIGINT NOT NULL REFERENCES programs (id),
    code                TEXT    NOT NULL UNIQUE,
    title               TEXT    NOT NULL,
    starts_on           DATE NOT NULL,
    ends_on             DATE NOT NULL,
    place               TEXT    NOT NULL DEFAULT '',
    online_url          TEXT    NOT NULL DEFAULT '',
    capacity            INTEGER NOT NULL CHECK (capacity > 0),
    registration_opens  DATE,
    registration_closes DATE,
    status              TEXT    NOT NULL CHECK (status IN ('draft', 'open', 'closed', 'running', 'finished', 'cancelled')),
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    CHECK (ends_on >= starts_on)
);
CREATE INDEX events_program ON events (program_id, starts_on);
CREATE INDEX events_starts ON events (starts_on);

-- Optional seat quota of a unit (with the units below it) in an event.
CREATE TABLE event_unit_quotas (
    event_id BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    unit_id  BIGINT NOT NULL REFERENCES org_units (id),
    quota    INTEGER NOT NULL CHECK (quota >= 0),
    PRIMARY KEY (event_id, unit_id)
);

CREATE TABLE event_sessions (
    id        BIGSERIAL PRIMARY KEY,
    event_id  BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    seq       INTEGER NOT NULL CHECK (seq >= 1),
    starts_at TIMESTAMPTZ NOT NULL,
    ends_at   TIMESTAMPTZ NOT NULL,
    topic     TEXT    NOT NULL DEFAULT '',
    UNIQUE (event_id, seq)
);

-- One enrollment of an employee in an event. waitlist_pos is set only while
-- waitlisted (1 = next to be promoted); quota_unit_id is the unit whose
-- quota the seat counts against.
CREATE TABLE enrollments (
    id            BIGSERIAL PRIMARY KEY,
    event_id      BIGINT NOT NULL REFERENCES events (id),
    employee_id   BIGINT NOT NULL REFERENCES employees (id),
    state         TEXT    NOT NULL CHECK (state IN ('nominated', 'pending_approval', 'invited', 'accepted', 'declined',
                      'waitlisted', 'attended', 'no_show', 'completed', 'not_completed', 'cancelled')),
    source        TEXT    NOT NULL CHECK (source IN ('self', 'supervisor', 'admin', 'idp', 'plan')),
    idp_item_id   BIGINT REFERENCES idp_items (id),
    quota_unit_id BIGINT REFERENCES org_units (id),
    waitlist_pos  INTEGER,
    pre_score     DOUBLE PRECISION,
    post_score    DOUBLE PRECISION,
    reason        TEXT    NOT NULL DEFAULT '',
    created_by    TEXT    NOT NULL DEFAULT '',
    decided_by    TEXT    NOT NULL DEFAULT '',
    completed_at  TIMESTAMPTZ,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
-- One live enrollment per employee and event; a declined or cancelled one
-- may be followed by a new one.
CREATE UNIQUE INDEX enrollments_live ON enrollments (event_id, employee_id)
    WHERE state NOT IN ('declined', 'cancelled');
CREATE INDEX enrollments_event ON enrollments (event_id, state);
CREATE INDEX enrollments_employee ON enrollments (employee_id, state);
CREATE INDEX enrollments_idp_item ON enrollments (idp_item_id);

CREATE TABLE attendance (
    enrollment_id BIGINT NOT NULL REFERENCES enrollments (id),
    session_id    BIGINT NOT NULL REFERENCES event_sessions (id),
    present       BOOLEAN NOT NULL,
    recorded_by   TEXT    NOT NULL DEFAULT '',
    recorded_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (enrollment_id, session_id)
);
CREATE INDEX attendance_session ON attendance (session_id);

-- +goose Down
DROP TABLE attendance;
DROP TABLE enrollments;
DROP TABLE event_sessions;
DROP TABLE event_unit_quotas;
DROP TABLE events;
DROP TABLE program_competencies;
DROP TABLE programs;
DROP TABLE agreements;
DROP TABLE partners;
