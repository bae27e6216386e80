-- +goose Up
-- Employee lists are sorted by name by default, within the whole city or a
-- unit: these indexes let the database read one page in order instead of
-- sorting every employee.
CREATE INDEX employees_name ON employees (name, id);
CREATE INDEX employees_unit_name ON employees (unit_id, name, id);

-- +goose Down
DROP INDEX employees_unit_name;
DROP INDEX employees_name;
