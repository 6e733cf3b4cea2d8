package admission

import (
	"encoding/json"
	"fmt"
	"reflect"
	"time"

	"examday/exam"
)

// The admission campaign's events, for the central record's own signed
// log. As in package exam, each type is declared once: its name (stable:
// written into the log, never renamed), its payload type, and what it
// changes (Desk.Apply); its words are in the catalogue ("ui.event_type."
// and "paper.event." + the type).

const (
	// TypeCampaignSet: the campaign's settings, whole, as set or changed.
	TypeCampaignSet = "campaign.set"
	// TypeApplicantsImported: the applicants, whole, as a file imported
	// them.
	TypeApplicantsImported = "applicants.imported"
)

// Event is one fact of the admission campaign. Seq and Prev are given by
// the log that appends it; Data is the type's payload as JSON. Applicant
// names the applicant an event is about, "" for the campaign's own.
type Event struct {
	Seq       uint64
	At        time.Time
	Type      string
	Applicant string
	Actor     string
	Data      json.RawMessage
	Prev      string
}

// CampaignSetData is a campaign set: the first (Revision 1) or a change,
// which names its reason. The settings are whole, not a difference, so
// the log keeps every revision as it was in force.
type CampaignSetData struct {
	Revision int      `json:"revision"`
	Reason   string   `json:"reason,omitempty"`
	Campaign Campaign `json:"campaign"`
	// PINRecords commit the log to each chair's PIN record, kept beside it
	// (the SHA-256 of the stored record, exam.PINRecordDigest), by chair's
	// role (ChairRole); the records themselves never enter the log.
	PINRecords map[string]string `json:"pin_records_sha256"`
	// Source is the SHA-256 of the campaign file as read.
	Source string `json:"source_sha256,omitempty"`
}

// ApplicantsImportedData is an import of the applicants file: the whole
// list, which replaces the one before (Revision 1 is the first import).
// An import after the first names its reason, and says whom it added,
// removed and changed, so the log reads what each import did.
type ApplicantsImportedData struct {
	Revision   int         `json:"revision"`
	Reason     string      `json:"reason,omitempty"`
	Applicants []Applicant `json:"applicants"`
	Added      []string    `json:"added,omitempty"`
	Removed    []string    `json:"removed,omitempty"`
	Changed    []string    `json:"changed,omitempty"`
	// Source is the SHA-256 of the applicants file as read.
	Source string `json:"source_sha256,omitempty"`
	// CampaignRevision is the campaign the file was checked against.
	CampaignRevision int `json:"campaign_revision"`
}

// eventKinds declares every event type once: its payload's type.
var eventKinds = map[string]reflect.Type{
	TypeCampaignSet:        reflect.TypeFor[CampaignSetData](),
	TypeApplicantsImported: reflect.TypeFor[ApplicantsImportedData](),
}

// EventTypes is every event type of the admission campaign, in no
// particular order.
func EventTypes() []string {
	out := make([]string, 0, len(eventKinds))
	for t := range eventKinds {
		out = append(out, t)
	}
	return out
}

// PayloadError is an event whose payload does not read as its type's:
// the exam day's own type, so that an unreadable entry is one kind of
// error wherever it is met.
type PayloadError = exam.PayloadError

// Decode is ev's payload as T, the payload type declared for ev.Type.
func Decode[T any](ev Event) (T, error) {
	var v T
	want, known := eventKinds[ev.Type]
	switch {
	case !known:
		return v, &PayloadError{Seq: ev.Seq, Type: ev.Type, Err: fmt.Errorf("unknown event type")}
	case want != reflect.TypeFor[T]():
		return v, &PayloadError{Seq: ev.Seq, Type: ev.Type, Err: fmt.Errorf("decoded as %v, declared %v", reflect.TypeFor[T](), want)}
	}
	if err := json.Unmarshal(ev.Data, &v); err != nil {
		return v, &PayloadError{Seq: ev.Seq, Type: ev.Type, Err: err}
	}
	return v, nil
}

// Payload is ev's payload as a value of its declared type, for a screen or
// a report that words every type in one switch.
func (ev Event) Payload() (any, error) {
	want, known := eventKinds[ev.Type]
	if !known {
		return nil, &PayloadError{Seq: ev.Seq, Type: ev.Type, Err: fmt.Errorf("unknown event type")}
	}
	p := reflect.New(want)
	if err := json.Unmarshal(ev.Data, p.Interface()); err != nil {
		return nil, &PayloadError{Seq: ev.Seq, Type: ev.Type, Err: err}
	}
	return p.Elem().Interface(), nil
}

func newEvent(typ, applicant, actor string, at time.Time, payload any) Event {
	b, err := json.Marshal(payload)
	if err != nil {
		// Payloads are our own plain structs; failing to marshal one is a
		// programming error, not bad input.
		panic("admission: marshal " + typ + ": " + err.Error())
	}
	return Event{At: at.UTC().Round(0), Type: typ, Applicant: applicant, Actor: actor, Data: b}
}
