package store

import (
	"context"
	"encoding/json"
	"time"
)

func jsonMarshal(v any) (string, error) {
	b, err := json.Marshal(v)
	return string(b), err
}

func jsonUnmarshal(s string, v any) error { return json.Unmarshal([]byte(s), v) }

// audit writes one append-only audit row inside the caller's transaction.
// before/after are JSON-encoded; nil gives an empty string.
func audit(ctx context.Context, tx *Tx, actor, action, targetType, targetID string, before, after any) error {
	enc := func(v any) (string, error) {
		if v == nil {
			return "", nil
		}
		return jsonMarshal(v)
	}
	b, err := enc(before)
	if err != nil {
		return err
	}
	a, err := enc(after)
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, `INSERT INTO audit_log (at, actor, action, target_type, target_id, before_json, after_json)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`, timeArg(tx.s, tx.s.now()), actor, action, targetType, targetID, b, a)
	return err
}

// AuditEntry is one row of the audit trail.
type AuditEntry struct {
	ID         int64
	At         time.Time
	Actor      string
	Action     string
	TargetType string
	TargetID   string
	Before     string
	After      string
}

// AuditTrail lists the newest audit rows for a target (all targets when targetType is "").
func (s *Store) AuditTrail(ctx context.Context, targetType, targetID string, limit int) ([]AuditEntry, error) {
	rows, err := s.query(ctx, `SELECT id, at, actor, action, target_type, target_id, before_json, after_json FROM audit_log
		WHERE ($1 = '' OR (target_type = $1 AND target_id = $2)) ORDER BY id DESC LIMIT $3`, targetType, targetID, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		if err := rows.Scan(&e.ID, timeCol{&e.At}, &e.Actor, &e.Action, &e.TargetType, &e.TargetID, &e.Before, &e.After); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
