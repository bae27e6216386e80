package store

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// Sessions live in the database so that every `asah serve` replica on one
// database shares them. The session data is opaque (scs encodes it); the
// user_id column maps a session to its account so that all of an account's
// sessions can be ended at once.
//
// A row is in one of three states:
//   - live: data is not empty;
//   - pending: data is empty and user_id is set — SetSessionUser ran before
//     scs committed the new session at the end of the login request;
//   - ended: data is empty and user_id is NULL — Delete or
//     DeleteSessionsOfUser ended it. The row stays until endedTTL has passed
//     so that a request that loaded the session before it ended cannot write
//     it back when scs commits at the end of that request.

// endedTTL keeps an ended session's row: longer than any request runs.
const endedTTL = time.Hour

// SessionStore is the scs session store (scs.Store and scs.CtxStore) over a
// Store. Expiry is judged by the store's clock.
type SessionStore struct{ s *Store }

// Sessions returns the scs store over s.
func (s *Store) Sessions() *SessionStore { return &SessionStore{s: s} }

// Find returns the data of a live, unexpired session.
func (ss *SessionStore) Find(token string) ([]byte, bool, error) {
	return ss.FindCtx(context.Background(), token)
}

// FindCtx is Find with a context.
func (ss *SessionStore) FindCtx(ctx context.Context, token string) ([]byte, bool, error) {
	s := ss.s
	var b []byte
	err := s.queryRow(ctx, `SELECT data FROM sessions WHERE token = $1 AND expiry > $2`, token, stampArg(s, s.now())).Scan(&b)
	if err != nil {
		if isNoRows(err) {
			return nil, false, nil
		}
		return nil, false, err
	}
	if len(b) == 0 { // pending or ended
		return nil, false, nil
	}
	return b, true, nil
}

// Commit stores a session's data and expiry. It never revives an ended
// session.
func (ss *SessionStore) Commit(token string, b []byte, expiry time.Time) error {
	return ss.CommitCtx(context.Background(), token, b, expiry)
}

// CommitCtx is Commit with a context.
func (ss *SessionStore) CommitCtx(ctx context.Context, token string, b []byte, expiry time.Time) error {
	s := ss.s
	if b == nil {
		b = []byte{}
	}
	return s.InTx(ctx, func(tx *Tx) error {
		_, err := tx.Exec(ctx, `INSERT INTO sessions (token, data, expiry) VALUES ($1, $2, $3)
			ON CONFLICT (token) DO UPDATE SET data = excluded.data, expiry = excluded.expiry
			WHERE length(sessions.data) > 0 OR sessions.user_id IS NOT NULL`, token, b, stampArg(s, expiry))
		return err
	})
}

// Delete ends a session (logout, token renewal). Deleting an unknown token
// does nothing.
func (ss *SessionStore) Delete(token string) error {
	return ss.DeleteCtx(context.Background(), token)
}

// DeleteCtx is Delete with a context.
func (ss *SessionStore) DeleteCtx(ctx context.Context, token string) error {
	s := ss.s
	return s.InTx(ctx, func(tx *Tx) error {
		_, err := tx.Exec(ctx, `UPDATE sessions SET data = $1, user_id = NULL, expiry = $2 WHERE token = $3`,
			[]byte{}, stampArg(s, s.now().Add(endedTTL)), token)
		return err
	})
}

// SetSessionUser binds a session token to an account. Called at login after
// the token was renewed; it works whether or not scs has committed the
// session yet.
func (s *Store) SetSessionUser(ctx context.Context, token string, userID int64) error {
	return s.InTx(ctx, func(tx *Tx) error {
		_, err := tx.Exec(ctx, `INSERT INTO sessions (token, data, expiry, user_id) VALUES ($1, $2, $3, $4)
			ON CONFLICT (token) DO UPDATE SET user_id = excluded.user_id
			WHERE length(sessions.data) > 0 OR sessions.user_id IS NOT NULL`,
			token, []byte{}, stampArg(s, s.now().Add(endedTTL)), userID)
		return err
	})
}

// DeleteSessionsOfUser ends every session of an account at once and returns
// how many it ended.
func (s *Store) DeleteSessionsOfUser(ctx context.Context, userID int64) (int64, error) {
	var n int64
	err := s.InTx(ctx, func(tx *Tx) error {
		var err error
		n, err = endSessions(ctx, tx, userID)
		return err
	})
	return n, err
}

func endSessionsOfUser(ctx context.Context, tx *Tx, userID int64) error {
	_, err := endSessions(ctx, tx, userID)
	return err
}

func endSessions(ctx context.Context, tx *Tx, userID int64) (int64, error) {
	s := tx.s
	res, err := tx.Exec(ctx, `UPDATE sessions SET data = $1, user_id = NULL, expiry = $2 WHERE user_id = $3`,
		[]byte{}, stampArg(s, s.now().Add(endedTTL)), userID)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// CountSessionsOfUser counts an account's live, unexpired sessions.
func (s *Store) CountSessionsOfUser(ctx context.Context, userID int64) (int, error) {
	var n int
	err := s.queryRow(ctx, `SELECT count(*) FROM sessions WHERE user_id = $1 AND expiry > $2 AND length(data) > 0`,
		userID, stampArg(s, s.now())).Scan(&n)
	return n, err
}

// DeleteExpiredSessions removes expired rows (ended ones included once their
// guard time has passed) and returns how many it removed.
func (s *Store) DeleteExpiredSessions(ctx context.Context) (int64, error) {
	var n int64
	err := s.InTx(ctx, func(tx *Tx) error {
		res, err := tx.Exec(ctx, `DELETE FROM sessions WHERE expiry <= $1`, stampArg(s, s.now()))
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	return n, err
}

func isNoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }
