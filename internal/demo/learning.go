package demo

import (
	"context"
	"time"

	"asah/internal/learning"
)

// LearningSink receives the learning data of the dataset once every
// employee and assessment has been emitted: the providers and their
// cooperation agreements, the program catalogue, a past year of events
// (plus one running and a few open for registration) with their sessions,
// enrollments, attendance per session, certificates, reaction surveys, the
// supervisors' follow-ups (the supervisor assessments recorded with them
// arrive through Sink.Assessments just before) and claims of external
// learning. Every record carries its ID. A Sink that also implements
// LearningSink gets them; the rest of the stream is the same either way
// (the data comes from a random stream of its own).
type LearningSink interface {
	Partners(ctx context.Context, ps []learning.Partner) error
	Agreements(ctx context.Context, as []Agreement) error
	Programs(ctx context.Context, ps []learning.Program) error
	// Events carry their sessions (with IDs) and unit quotas.
	Events(ctx context.Context, es []learning.Event) error
	Enrollments(ctx context.Context, es []learning.Enrollment) error
	Attendance(ctx context.Context, as []Attendance) error
	Certificates(ctx context.Context, cs []Certificate) error
	Reactions(ctx context.Context, rs []Reaction) error
	FollowUps(ctx context.Context, fs []FollowUp) error
	// Claims carry their evidence file.
	Claims(ctx context.Context, cs []learning.Claim) error
}

// Agreement is a cooperation agreement with its signed document (a PDF).
type Agreement struct {
	learning.Agreement
	Data []byte
}

// Attendance is one participant's presence at one session.
type Attendance struct {
	EnrollmentID int64
	SessionID    int64
	Present      bool
	RecordedBy   string
	RecordedAt   time.Time
}

// Certificate is the certificate of a completed enrollment: its number
// (certificate.Number of Year and Seq) and verification code.
type Certificate struct {
	ID           int64
	EnrollmentID int64
	Year         int
	Seq          int
	Number       string
	Code         string
	IssuedAt     time.Time
	IssuedBy     string
}

// Reaction is an attendee's answer to the reaction survey.
type Reaction struct {
	ID           int64
	EnrollmentID int64
	learning.Reaction
	SubmittedAt time.Time
}

// FollowUp is a supervisor's follow-up three months after an event;
// AssessmentID is the supervisor assessment recorded with it (0: none).
type FollowUp struct {
	ID           int64
	EnrollmentID int64
	Applied      learning.Applied
	Comment      string
	AssessmentID int64
	RecordedBy   string
	RecorderName string
	RecordedAt   time.Time
}

// streamLearning seeds the learning data's random stream.
const streamLearning = 0x70656c617469686e // "pelatihn"

// Shares of the participation model.
const (
	// neverShare of the staff never attend anything: nominated less often,
	// and when they are, they decline or do not show up.
	neverShare = 0.15
	// claimShare of the others claimed external learning in the year.
	claimShare = 0.05
	// maxPerPerson bounds one person's enrollments in the year.
	maxPerPerson = 6
)

// demoActor labels the records the dataset writes in place of a user.
const demoActor = "demo"

// adminName decides for the admin BKPSDM where no supervisor does.
const adminName = "Admin BKPSDM Kota Bandung"

// AtasanPosition is the position whose holder is the demo atasan account
// (app.DemoAccounts): the Kepala DLHK. The pegawai account is the first
// employee below them who supervises nobody; the learning data gives both
// accounts the records a demo needs.
const AtasanPosition = "DLHK-KADIS"
