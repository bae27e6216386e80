package development

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"asah/internal/competency"
)

// Status is the stage of a plan: draft → submitted → approved, or returned
// to the employee with a comment (then edited and submitted again).
type Status string

const (
	StatusDraft     Status = "draft"
	StatusSubmitted Status = "submitted"
	StatusApproved  Status = "approved"
	StatusReturned  Status = "returned"
)

// Statuses lists the stages (a fresh slice).
func Statuses() []Status {
	return []Status{StatusDraft, StatusSubmitted, StatusApproved, StatusReturned}
}

// Label is the display name of a status.
func (s Status) Label() string {
	switch s {
	case StatusDraft:
		return "Draf"
	case StatusSubmitted:
		return "Diajukan"
	case StatusApproved:
		return "Disetujui"
	case StatusReturned:
		return "Dikembalikan"
	}
	return string(s)
}

// ItemStatus is the progress of one item.
type ItemStatus string

const (
	ItemPlanned    ItemStatus = "planned"
	ItemInProgress ItemStatus = "in_progress"
	ItemDone       ItemStatus = "done"
	ItemDropped    ItemStatus = "dropped"
)

// Label is the display name of an item status.
func (s ItemStatus) Label() string {
	switch s {
	case ItemPlanned:
		return "Direncanakan"
	case ItemInProgress:
		return "Berjalan"
	case ItemDone:
		return "Selesai"
	case ItemDropped:
		return "Dibatalkan"
	}
	return string(s)
}

// ParseItemStatus reads an item status.
func ParseItemStatus(s string) (ItemStatus, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case string(ItemPlanned), "direncanakan":
		return ItemPlanned, nil
	case string(ItemInProgress), "in progress", "berjalan":
		return ItemInProgress, nil
	case string(ItemDone), "selesai":
		return ItemDone, nil
	case string(ItemDropped), "dibatalkan", "batal":
		return ItemDropped, nil
	}
	return "", fmt.Errorf("status kegiatan %q tidak dikenal (pilih planned, in_progress, done atau dropped)", s)
}

// Source says why an item is in the plan.
type Source string

const (
	SourceGap      Source = "gap"      // a shortfall against the position's standard
	SourceSKP      Source = "skp"      // a weakness named in the SKP evaluation
	SourceNineBox  Source = "ninebox"  // a recommended action of the talent box
	SourceTopUp    Source = "top_up"   // fills the yearly JP target
	SourceEmployee Source = "employee" // added by hand
)

// Label is the display name of a source.
func (s Source) Label() string {
	switch s {
	case SourceGap:
		return "Kesenjangan kompetensi"
	case SourceSKP:
		return "Kelemahan pada evaluasi SKP"
	case SourceNineBox:
		return "Rekomendasi 9-box"
	case SourceTopUp:
		return "Pemenuhan target JP"
	case SourceEmployee:
		return "Ditambahkan pegawai"
	}
	return string(s)
}

// Limits of a plan.
const (
	MaxItems     = 20
	MaxJPPerItem = 1000
	MaxReasonLen = 1000
)

// Item is one development activity of a plan.
type Item struct {
	ID           int64
	CompetencyID int64
	CurrentLevel int // 0: unassessed
	TargetLevel  int
	Form         Form
	PlannedJP    int
	// StartMonth..EndMonth (1–12, inclusive) is the timeframe within the plan year.
	StartMonth int
	EndMonth   int
	Reason     string
	Source     Source
	Status     ItemStatus
	DropReason string
}

// Timeframe renders the months ("April–Juni 2027", "Maret 2027").
func (it Item) Timeframe(year int) string {
	if it.StartMonth == it.EndMonth {
		return fmt.Sprintf("%s %d", monthName(it.StartMonth), year)
	}
	return fmt.Sprintf("%s–%s %d", monthName(it.StartMonth), monthName(it.EndMonth), year)
}

func monthName(m int) string {
	names := [...]string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
		"Agustus", "September", "Oktober", "November", "Desember"}
	if m < 1 || m > 12 {
		return "?"
	}
	return names[m-1]
}

// Validate checks one item; n is its place in the plan (from 1) for messages.
func (it Item) Validate(n int) error {
	var errs []string
	if it.CompetencyID == 0 {
		errs = append(errs, "pilih kompetensi")
	}
	if it.TargetLevel < competency.MinLevel || it.TargetLevel > competency.MaxLevel {
		errs = append(errs, fmt.Sprintf("level target %d di luar rentang 1–5", it.TargetLevel))
	}
	if !it.Form.Valid() {
		errs = append(errs, fmt.Sprintf("bentuk pengembangan %q tidak dikenal", string(it.Form)))
	}
	if it.PlannedJP < 0 || it.PlannedJP > MaxJPPerItem {
		errs = append(errs, fmt.Sprintf("JP rencana %d di luar rentang 0–%d", it.PlannedJP, MaxJPPerItem))
	}
	if it.StartMonth < 1 || it.StartMonth > 12 || it.EndMonth < 1 || it.EndMonth > 12 {
		errs = append(errs, "bulan pelaksanaan harus 1–12")
	} else if it.StartMonth > it.EndMonth {
		errs = append(errs, "bulan mulai sesudah bulan selesai")
	}
	if utf8.RuneCountInString(it.Reason) > MaxReasonLen {
		errs = append(errs, fmt.Sprintf("alasan lebih dari %d karakter", MaxReasonLen))
	}
	if len(errs) > 0 {
		return fmt.Errorf("kegiatan ke-%d: %s", n, strings.Join(errs, ", "))
	}
	return nil
}

// Plan is the development plan of one employee for one year.
type Plan struct {
	ID         int64
	EmployeeID int64
	Year       int
	Status     Status
	TargetJP   int // the yearly right: 20 JP for PNS by default
	Items      []Item
	// Comment is the supervisor's comment on the last return or approval.
	Comment     string
	SubmittedAt time.Time
	DecidedAt   time.Time
	DecidedBy   string
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// PlannedJP sums the planned JP of the items not dropped.
func (p *Plan) PlannedJP() int {
	n := 0
	for _, it := range p.Items {
		if it.Status != ItemDropped {
			n += it.PlannedJP
		}
	}
	return n
}

// DoneJP sums the planned JP of the items done.
func (p *Plan) DoneJP() int {
	n := 0
	for _, it := range p.Items {
		if it.Status == ItemDone {
			n += it.PlannedJP
		}
	}
	return n
}

// MeetsTarget reports whether the planned JP reach the target.
func (p *Plan) MeetsTarget() bool { return p.PlannedJP() >= p.TargetJP }

// Action is a step on a plan.
type Action string

const (
	ActEdit     Action = "edit"
	ActSubmit   Action = "submit"
	ActApprove  Action = "approve"
	ActReturn   Action = "return"
	ActProgress Action = "progress"
)

// TransitionError is an action refused in the plan's current stage.
type TransitionError struct {
	From   Status
	Action Action
	Msg    string
}

func (e *TransitionError) Error() string { return e.Msg }

func refuse(s Status, a Action, format string, args ...any) (Status, error) {
	return s, &TransitionError{From: s, Action: a, Msg: fmt.Sprintf(format, args...)}
}

// Next is the plan workflow: the status after action a, or a
// *TransitionError. Legal moves:
//
//	draft, returned  edit     → unchanged
//	draft, returned  submit   → submitted
//	submitted        approve  → approved
//	submitted        return   → returned
//	approved         progress → approved
func Next(s Status, a Action) (Status, error) {
	switch a {
	case ActEdit:
		if s == StatusDraft || s == StatusReturned {
			return s, nil
		}
		return refuse(s, a, "rencana pengembangan berstatus %s tidak dapat diubah", s.Label())
	case ActSubmit:
		if s == StatusDraft || s == StatusReturned {
			return StatusSubmitted, nil
		}
		return refuse(s, a, "rencana pengembangan berstatus %s tidak dapat diajukan", s.Label())
	case ActApprove, ActReturn:
		if s == StatusSubmitted {
			if a == ActApprove {
				return StatusApproved, nil
			}
			return StatusReturned, nil
		}
		verb := "disetujui"
		if a == ActReturn {
			verb = "dikembalikan"
		}
		return refuse(s, a, "rencana pengembangan berstatus %s tidak dapat %s: hanya rencana yang diajukan", s.Label(), verb)
	case ActProgress:
		if s == StatusApproved {
			return s, nil
		}
		return refuse(s, a, "kemajuan kegiatan dicatat setelah rencana disetujui atasan (status sekarang %s)", s.Label())
	}
	return refuse(s, a, "tindakan %q tidak dikenal", string(a))
}

// NextItem is the progress of one item: planned → in_progress, done or
// dropped; in_progress → done or dropped; done and dropped are final.
func NextItem(from, to ItemStatus) error {
	ok := false
	switch from {
	case ItemPlanned:
		ok = to == ItemInProgress || to == ItemDone || to == ItemDropped
	case ItemInProgress:
		ok = to == ItemDone || to == ItemDropped
	}
	if ok {
		return nil
	}
	if from == ItemDone || from == ItemDropped {
		return &ItemTransitionError{From: from, To: to,
			Msg: fmt.Sprintf("kegiatan sudah %s: statusnya tidak dapat diubah lagi", strings.ToLower(from.Label()))}
	}
	return &ItemTransitionError{From: from, To: to,
		Msg: fmt.Sprintf("status kegiatan tidak dapat diubah dari %s menjadi %s", from.Label(), to.Label())}
}

// ItemTransitionError is a move of an item's progress that its current
// progress does not allow (done back to in progress, say).
type ItemTransitionError struct {
	From, To ItemStatus
	Msg      string
}

func (e *ItemTransitionError) Error() string { return e.Msg }

// ErrNoSuchItem is returned for an item ID the plan does not hold.
var ErrNoSuchItem = errors.New("kegiatan tidak ada dalam rencana ini")

// SetItems replaces the items of a draft or returned plan (their progress
// starts at planned). Items keep their IDs when the caller passes them.
func (p *Plan) SetItems(items []Item, at time.Time) error {
	if _, err := Next(p.Status, ActEdit); err != nil {
		return err
	}
	if len(items) > MaxItems {
		return fmt.Errorf("paling banyak %d kegiatan dalam satu rencana", MaxItems)
	}
	var errs []string
	clean := make([]Item, len(items))
	for i, it := range items {
		it.Reason = strings.TrimSpace(it.Reason)
		it.Status, it.DropReason = ItemPlanned, ""
		if it.Source == "" {
			it.Source = SourceEmployee
		}
		if err := it.Validate(i + 1); err != nil {
			errs = append(errs, err.Error())
		}
		clean[i] = it
	}
	if len(errs) > 0 {
		return errors.New(strings.Join(errs, "; "))
	}
	p.Items = clean
	p.UpdatedAt = at
	return nil
}

// Submit hands a draft or returned plan to the supervisor.
func (p *Plan) Submit(at time.Time) error {
	st, err := Next(p.Status, ActSubmit)
	if err != nil {
		return err
	}
	if len(p.Items) == 0 {
		return &TransitionError{From: p.Status, Action: ActSubmit, Msg: "rencana pengembangan belum berisi kegiatan: tambahkan sedikitnya satu sebelum mengajukan"}
	}
	p.Status, p.SubmittedAt, p.UpdatedAt = st, at, at
	return nil
}

// Decide approves a submitted plan or returns it with a comment (required
// when returning).
func (p *Plan) Decide(approve bool, comment, by string, at time.Time) error {
	a := ActApprove
	if !approve {
		a = ActReturn
	}
	st, err := Next(p.Status, a)
	if err != nil {
		return err
	}
	comment = strings.TrimSpace(comment)
	if !approve && comment == "" {
		return errors.New("tuliskan alasan pengembalian agar pegawai dapat memperbaiki rencananya")
	}
	if utf8.RuneCountInString(comment) > MaxReasonLen {
		return fmt.Errorf("komentar lebih dari %d karakter", MaxReasonLen)
	}
	p.Status, p.Comment, p.DecidedBy, p.DecidedAt, p.UpdatedAt = st, comment, by, at, at
	return nil
}

// SetProgress moves one item of an approved plan; dropping needs a reason.
func (p *Plan) SetProgress(itemID int64, to ItemStatus, reason string, at time.Time) error {
	if _, err := Next(p.Status, ActProgress); err != nil {
		return err
	}
	for i := range p.Items {
		it := &p.Items[i]
		if it.ID != itemID {
			continue
		}
		if err := NextItem(it.Status, to); err != nil {
			return err
		}
		reason = strings.TrimSpace(reason)
		if to == ItemDropped && reason == "" {
			return errors.New("tuliskan alasan pembatalan kegiatan")
		}
		if utf8.RuneCountInString(reason) > MaxReasonLen {
			return fmt.Errorf("alasan lebih dari %d karakter", MaxReasonLen)
		}
		it.Status = to
		if to == ItemDropped {
			it.DropReason = reason
		}
		p.UpdatedAt = at
		return nil
	}
	return fmt.Errorf("kegiatan %d: %w", itemID, ErrNoSuchItem)
}
