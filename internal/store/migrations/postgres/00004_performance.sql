-- +goose Up
-- Performance evaluation (SKP), talent 9-box reviews and individual
-- development plans (IDP). Keep in step with migrations/sqlite.

-- Evaluation periods of a performance year: the periodic ones (seq 1..n)
-- and the annual evaluation (seq 0).
CREATE TABLE skp_periods (
    id        BIGSERIAL PRIMARY KEY,
    year      INTEGER   NOT NULL,
    seq       INTEGER   NOT NULL CHECK (seq BETWEEN 0 AND 12),
    name      TEXT      NOT NULL,
    frequency TEXT      NOT NULL CHECK (frequency IN ('bulanan', 'triwulanan', 'semesteran')),
    starts_on DATE      NOT NULL,
    ends_on   DATE      NOT NULL,
    status    TEXT      NOT NULL CHECK (status IN ('pending', 'open', 'closed')),
    UNIQUE (year, seq)
);

-- One SKP per employee per year. plan_json holds the planned work results
-- with indicators and targets and the special behaviour expectations;
-- final_predikat repeats the annual evaluation's predikat once final.
CREATE TABLE skps (
    id                 BIGSERIAL   PRIMARY KEY,
    employee_id        BIGINT      NOT NULL REFERENCES employees (id),
    year               INTEGER     NOT NULL,
    rater_id           BIGINT      REFERENCES employees (id),
    status             TEXT        NOT NULL CHECK (status IN ('draft', 'agreed', 'evaluated', 'final')),
    plan_json          TEXT        NOT NULL DEFAULT '',
    final_predikat     TEXT        NOT NULL DEFAULT '',
    employee_agreed_at TIMESTAMPTZ,
    rater_agreed_at    TIMESTAMPTZ,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    UNIQUE (employee_id, year)
);
CREATE INDEX skps_rater ON skps (rater_id);
CREATE INDEX skps_year ON skps (year, status);
-- The latest final predikat of every employee (9-box, IDP) from the index alone.
CREATE INDEX skps_final ON skps (status, employee_id, year, final_predikat);

CREATE TABLE skp_evaluations (
    id              BIGSERIAL   PRIMARY KEY,
    skp_id          BIGINT      NOT NULL REFERENCES skps (id),
    period_id       BIGINT      NOT NULL REFERENCES skp_periods (id),
    hasil           TEXT        NOT NULL CHECK (hasil IN ('di_bawah', 'sesuai', 'di_atas')),
    perilaku        TEXT        NOT NULL CHECK (perilaku IN ('di_bawah', 'sesuai', 'di_atas')),
    predikat        TEXT        NOT NULL CHECK (predikat IN ('sangat_baik', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang')),
    note            TEXT        NOT NULL DEFAULT '',
    evaluated_on    DATE        NOT NULL,
    rater_id        BIGINT      REFERENCES employees (id),
    rater_name      TEXT        NOT NULL DEFAULT '',
    acknowledged_at TIMESTAMPTZ,
    UNIQUE (skp_id, period_id)
);
CREATE INDEX skp_evaluations_period ON skp_evaluations (period_id);

-- Strengths and weaknesses named in an evaluation, tagged with a competency.
CREATE TABLE skp_notes (
    id            BIGSERIAL PRIMARY KEY,
    evaluation_id BIGINT    NOT NULL REFERENCES skp_evaluations (id) ON DELETE CASCADE,
    kind          TEXT      NOT NULL CHECK (kind IN ('strength', 'weakness')),
    competency_id BIGINT    NOT NULL REFERENCES competencies (id),
    note          TEXT      NOT NULL DEFAULT ''
);
CREATE INDEX skp_notes_evaluation ON skp_notes (evaluation_id);

CREATE TABLE skp_feedback (
    id        BIGSERIAL   PRIMARY KEY,
    skp_id    BIGINT      NOT NULL REFERENCES skps (id),
    at        TIMESTAMPTZ NOT NULL,
    author_id BIGINT      REFERENCES employees (id),
    author    TEXT        NOT NULL,
    note      TEXT        NOT NULL
);
CREATE INDEX skp_feedback_skp ON skp_feedback (skp_id);

-- Assessment-center potential scores (0–100), an optional input of the
-- potential axis.
CREATE TABLE potential_scores (
    id          BIGSERIAL        PRIMARY KEY,
    employee_id BIGINT           NOT NULL REFERENCES employees (id),
    score       DOUBLE PRECISION NOT NULL CHECK (score >= 0 AND score <= 100),
    assessed_on DATE             NOT NULL,
    assessor    TEXT             NOT NULL DEFAULT '',
    recorded_at TIMESTAMPTZ      NOT NULL
);
CREATE INDEX potential_scores_employee ON potential_scores (employee_id, assessed_on);

-- A reviewer's decision on a 9-box recommendation (append-only history).
CREATE TABLE talent_reviews (
    id           BIGSERIAL   PRIMARY KEY,
    employee_id  BIGINT      NOT NULL REFERENCES employees (id),
    year         INTEGER     NOT NULL,
    computed_box SMALLINT    NOT NULL CHECK (computed_box BETWEEN 1 AND 9),
    box          SMALLINT    NOT NULL CHECK (box BETWEEN 1 AND 9),
    decision     TEXT        NOT NULL CHECK (decision IN ('confirmed', 'overridden')),
    reason       TEXT        NOT NULL DEFAULT '',
    reviewer     TEXT        NOT NULL,
    reviewed_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX talent_reviews_employee ON talent_reviews (employee_id, id);

-- One development plan per employee per year, with its items.
CREATE TABLE idps (
    id           BIGSERIAL   PRIMARY KEY,
    employee_id  BIGINT      NOT NULL REFERENCES employees (id),
    year         INTEGER     NOT NULL,
    status       TEXT        NOT NULL CHECK (status IN ('draft', 'submitted', 'approved', 'returned')),
    target_jp    INTEGER     NOT NULL CHECK (target_jp >= 0),
    comment      TEXT        NOT NULL DEFAULT '',
    submitted_at TIMESTAMPTZ,
    decided_at   TIMESTAMPTZ,
    decided_by   TEXT        NOT NULL DEFAULT '',
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    UNIQUE (employee_id, year)
);
CREATE INDEX idps_year ON idps (year, status);

CREATE TABLE idp_items (
    id            BIGSERIAL PRIMARY KEY,
    idp_id        BIGINT    NOT NULL REFERENCES idps (id) ON DELETE CASCADE,
    seq           INTEGER   NOT NULL,
    competency_id BIGINT    NOT NULL REFERENCES competencies (id),
    current_level SMALLINT  NOT NULL CHECK (current_level BETWEEN 0 AND 5),
    target_level  SMALLINT  NOT NULL CHECK (target_level BETWEEN 1 AND 5),
    form          TEXT      NOT NULL,
    planned_jp    INTEGER   NOT NULL CHECK (planned_jp >= 0),
    start_month   SMALLINT  NOT NULL CHECK (start_month BETWEEN 1 AND 12),
    end_month     SMALLINT  NOT NULL CHECK (end_month BETWEEN 1 AND 12),
    reason        TEXT      NOT NULL DEFAULT '',
    source        TEXT      NOT NULL CHECK (source IN ('gap', 'skp', 'ninebox', 'top_up', 'employee')),
    status        TEXT      NOT NULL CHECK (status IN ('planned', 'in_progress', 'done', 'dropped')),
    drop_reason   TEXT      NOT NULL DEFAULT ''
);
CREATE INDEX idp_items_idp ON idp_items (idp_id, seq);

-- The talent stream (and the gap report) read every final assessment in
-- employee order: a covering index serves them without visiting the table
-- (an index-only scan once VACUUM has set the visibility map).
CREATE INDEX assessments_stream ON assessments (employee_id, status, source, assessed_on)
    INCLUDE (competency_id, level, recorded_at, id);

-- +goose Down
DROP INDEX assessments_stream;
DROP TABLE idp_items;
DROP TABLE idps;
DROP TABLE talent_reviews;
DROP TABLE potential_scores;
DROP TABLE skp_feedback;
DROP TABLE skp_notes;
DROP TABLE skp_evaluations;
DROP TABLE skps;
DROP TABLE skp_periods;
