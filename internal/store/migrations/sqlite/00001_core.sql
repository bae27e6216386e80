-- +goose Up
-- Core competency schema. Dates are ISO text (YYYY-MM-DD); timestamps are
-- UTC RFC 3339 text, so that text order is time order.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE org_units (
    id        INTEGER PRIMARY KEY,
    code      TEXT    NOT NULL UNIQUE,
    name      TEXT    NOT NULL,
    kind      TEXT    NOT NULL,
    parent_id INTEGER REFERENCES org_units (id)
);
CREATE INDEX org_units_parent ON org_units (parent_id);

CREATE TABLE competencies (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL CHECK (kind IN ('manajerial', 'sosial_kultural', 'teknis')),
    name        TEXT NOT NULL,
    name_en     TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT ''
);

CREATE TABLE competency_levels (
    competency_id INTEGER NOT NULL REFERENCES competencies (id) ON DELETE CASCADE,
    level         INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    title         TEXT    NOT NULL,
    descriptor    TEXT    NOT NULL,
    indicators    TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (competency_id, level)
);

CREATE TABLE positions (
    id      INTEGER PRIMARY KEY,
    code    TEXT    NOT NULL UNIQUE,
    title   TEXT    NOT NULL,
    kind    TEXT    NOT NULL CHECK (kind IN ('jpt', 'administrator', 'pengawas', 'pelaksana', 'fungsional')),
    jenjang TEXT    NOT NULL DEFAULT '',
    unit_id INTEGER NOT NULL REFERENCES org_units (id),
    is_key  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX positions_unit ON positions (unit_id);

CREATE TABLE position_standards (
    position_id    INTEGER NOT NULL REFERENCES positions (id) ON DELETE CASCADE,
    competency_id  INTEGER NOT NULL REFERENCES competencies (id),
    required_level INTEGER NOT NULL CHECK (required_level BETWEEN 1 AND 5),
    PRIMARY KEY (position_id, competency_id)
);

CREATE TABLE employees (
    id              INTEGER PRIMARY KEY,
    nip             TEXT    NOT NULL UNIQUE,
    name            TEXT    NOT NULL,
    front_title     TEXT    NOT NULL DEFAULT '',
    back_title      TEXT    NOT NULL DEFAULT '',
    kind            TEXT    NOT NULL CHECK (kind IN ('pns', 'pppk')),
    sex             INTEGER NOT NULL CHECK (sex IN (1, 2)),
    birth_date      TEXT    NOT NULL,
    golongan        TEXT    NOT NULL,
    position_id     INTEGER NOT NULL REFERENCES positions (id),
    unit_id         INTEGER NOT NULL REFERENCES org_units (id),
    supervisor_id   INTEGER REFERENCES employees (id),
    retirement_date TEXT    NOT NULL
);
CREATE INDEX employees_unit ON employees (unit_id);
CREATE INDEX employees_position ON employees (position_id);
CREATE INDEX employees_supervisor ON employees (supervisor_id);

CREATE TABLE assessments (
    id            INTEGER PRIMARY KEY,
    employee_id   INTEGER NOT NULL REFERENCES employees (id),
    competency_id INTEGER NOT NULL REFERENCES competencies (id),
    source        TEXT    NOT NULL CHECK (source IN ('assessment_center', 'supervisor', '360', 'self')),
    level         INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    assessor      TEXT    NOT NULL DEFAULT '',
    assessed_on   TEXT    NOT NULL,
    evidence      TEXT    NOT NULL DEFAULT '',
    status        TEXT    NOT NULL CHECK (status IN ('draft', 'final')),
    recorded_at   TEXT    NOT NULL
);
CREATE INDEX assessments_employee ON assessments (employee_id, competency_id);

-- +goose Down
DROP TABLE assessments;
DROP TABLE employees;
DROP TABLE position_standards;
DROP TABLE positions;
DROP TABLE competency_levels;
DROP TABLE competencies;
DROP TABLE org_units;
DROP TABLE settings;
