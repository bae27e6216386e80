// Package competency holds the competency dictionary (PermenPANRB 38/2017),
// job competency standards, assessments, and the rules that turn them into a
// current level, a gap and a job-person match (JPM). It is pure.
package competency

import "time"

// Kind of competency.
type Kind string

const (
	Managerial    Kind = "manajerial"
	Sociocultural Kind = "sosial_kultural"
	Technical     Kind = "teknis"
)

// MinLevel and MaxLevel bound every competency level.
const (
	MinLevel = 1
	MaxLevel = 5
)

// Competency is one entry of the dictionary.
type Competency struct {
	ID          int64
	Code        string // M.1 … M.8, SK.1, T.xxx
	Kind        Kind
	Name        string // Bahasa Indonesia
	NameEN      string
	Description string
	Levels      []Level // exactly 5 for a complete entry, ordered 1..5
}

// Level describes one of the five proficiency levels of a competency.
type Level struct {
	Level      int
	Title      string
	Descriptor string
	Indicators []string // behaviour indicators
}

// Source of an assessment.
type Source string

const (
	SourceAssessmentCenter Source = "assessment_center" // includes uji kompetensi
	SourceSupervisor       Source = "supervisor"
	Source360              Source = "360"
	SourceSelf             Source = "self"
)

// Status of an assessment.
type Status string

const (
	Draft Status = "draft"
	Final Status = "final"
)

// Assessment is one result for one employee and one competency.
type Assessment struct {
	ID           int64
	EmployeeID   int64
	CompetencyID int64
	Source       Source
	Level        int
	Assessor     string
	AssessedOn   time.Time // civil date, UTC midnight
	Evidence     string
	Status       Status
	RecordedAt   time.Time // when it was entered; breaks same-date ties
}

// Requirement is one line of a job competency standard.
type Requirement struct {
	CompetencyID int64
	Required     int
}
