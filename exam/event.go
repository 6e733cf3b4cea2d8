package exam

import (
	"encoding/json"
	"time"
)

// Event types. These names are stable: they are written into the log, read
// by the central record and quoted in appeals. Add new ones; never rename.
const (
	TypeHallCreated     = "hall.created"
	TypeRosterImported  = "roster.imported"
	TypeArrived         = "examinee.arrived"
	TypeAbsent          = "examinee.absent"
	TypeMaterialsIssued = "materials.issued"
	TypeExamStarted     = "exam.started"
	TypeWarning         = "exam.warning"
	TypeTimeUp          = "exam.time_up"
	TypeClockJump       = "clock.jump"
)

// Actors that are not a person: events the program records by itself.
const ActorSystem = "examday"

// Event is one fact of the exam day. Seq and Prev are given by the store
// when it appends the event; Data is the type's payload as JSON.
type Event struct {
	Seq      uint64
	At       time.Time
	Type     string
	Examinee string
	Actor    string
	Data     json.RawMessage
	Prev     string
}

// Payloads, one per event type that carries one.

type HallCreatedData struct {
	Name     string   `json:"name"`
	Date     string   `json:"date"`
	Officer  string   `json:"officer"`
	Chairman string   `json:"chairman"`
	Members  []string `json:"members,omitempty"`
	// ChairmanPIN only says that a PIN was set. Its slow hash is kept out of
	// the log, which leaves the laptop: a hash of a short PIN is easy to
	// brute-force offline.
	ChairmanPIN bool `json:"chairman_pin_set"`
	// PINRecord commits the log to the PIN hash kept beside it: the
	// SHA-256 of the whole stored record (PINRecordDigest). The record
	// holds a random salt, so the digest alone tests no PIN: whoever holds
	// only the log (the central record) can brute-force nothing, and
	// whoever holds the file has the record itself already. A record
	// swapped for another hall's no longer matches, on open and in
	// verify-log.
	PINRecord string `json:"pin_record_sha256,omitempty"`
	// Demo: the hall is the demo's (HallSetup.Demo). Left out of a real
	// hall's event, which reads as it always did.
	Demo bool `json:"demo,omitempty"`
}

type RosterRow struct {
	ID         string `json:"id"`
	FullName   string `json:"full_name"`
	Programme  string `json:"programme"`
	IDDocument string `json:"id_document"`
	Seat       string `json:"seat"`
}

type RosterImportedData struct {
	Examinees []RosterRow `json:"examinees"`
}

type ArrivedData struct {
	// IDDocumentChecked: the officer checked the identity document named in
	// the roster before marking the examinee present.
	IDDocumentChecked bool   `json:"id_document_checked"`
	IDDocument        string `json:"id_document"`
}

type MaterialsIssuedData struct {
	Ticket string `json:"ticket"`
	// Packet is the answer-sheet packet bound in the same step; empty until
	// the sheets are scanned at issue.
	Packet string `json:"packet,omitempty"`
}

type ExamStartedData struct {
	Start    time.Time `json:"start"`
	End      time.Time `json:"end"`
	Proposed time.Time `json:"proposed"`
	// Reason is required when Start differs from Proposed.
	Reason string `json:"reason,omitempty"`
}

type WarningData struct {
	MinutesLeft int `json:"minutes_left"`
	// LateBySeconds is how long after the mark the warning was given: more
	// than a tick only if the program was not running at the mark.
	LateBySeconds int64 `json:"late_by_s,omitempty"`
}

type TimeUpData struct {
	End           time.Time `json:"end"`
	LateBySeconds int64     `json:"late_by_s,omitempty"`
}

type ClockJumpData struct {
	JumpSeconds        float64 `json:"jump_s"`
	WallElapsedSeconds float64 `json:"wall_elapsed_s"`
	MonoElapsedSeconds float64 `json:"mono_elapsed_s"`
}

func newEvent(typ, examinee, actor string, at time.Time, payload any) Event {
	ev := Event{At: at.UTC().Round(0), Type: typ, Examinee: examinee, Actor: actor}
	if payload != nil {
		b, err := json.Marshal(payload)
		if err != nil {
			// Payloads are our own plain structs; failing to marshal one is
			// a programming error, not bad input.
			panic("exam: marshal " + typ + ": " + err.Error())
		}
		ev.Data = b
	}
	return ev
}
