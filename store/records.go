package store

import (
	"encoding/hex"
	"encoding/json"
	"time"

	"examday/barcode"
	"examday/exam"
)

// The hall's state as the file keeps it: the store's own records, not the
// exam package's types. The state's bytes are the file format, under the
// schema version; the domain's types are free to change their fields and
// JSON names, and only a change here, with the schema version, changes
// the file. Each record names its fields as the schema-4 examday wrote
// them (that examday marshalled exam.Hall, exam.Examinee and exam.Sheet
// directly), so files written by it read as they are, and what this
// code writes is byte for byte what it wrote (TestStateRecordsAsWritten).
//
// A field added to the domain and not here would be lost between a commit
// and the next open: TestStateRecordsCoverTheDomain fails first, and the
// state check at open (CheckProjection) would find it.

// hallRecord is the "state" record of the hall bucket: the hall without
// its examinees and sheets, which are records of their own.
type hallRecord struct {
	Name              string            `json:"name"`
	Date              string            `json:"date"`
	Officer           string            `json:"officer"`
	Chairman          string            `json:"chairman"`
	Members           []string          `json:"members,omitempty"`
	Demo              bool              `json:"demo,omitempty"`
	Programmes        []string          `json:"programmes"`
	Phase             string            `json:"phase"`
	Start             time.Time         `json:"start,omitzero"`
	End               time.Time         `json:"end,omitzero"`
	ProposedStart     time.Time         `json:"proposed_start,omitzero"`
	StartCorrection   string            `json:"start_correction,omitempty"`
	Warnings          []int             `json:"warnings,omitempty"`
	TimeUpAt          time.Time         `json:"time_up_at,omitzero"`
	ClockJumps        int               `json:"clock_jumps"`
	LastJumpSeconds   float64           `json:"last_jump_s,omitempty"`
	LastJumpAt        time.Time         `json:"last_jump_at,omitzero"`
	Interrupted       bool              `json:"interrupted,omitempty"`
	InterruptedAt     time.Time         `json:"interrupted_at,omitzero"`
	InterruptionKind  string            `json:"interruption_kind,omitempty"`
	InterruptedTotalS int64             `json:"interrupted_total_s,omitempty"`
	Offers            []offerRecord     `json:"offers,omitempty"`
	Cancelled         map[uint64]uint64 `json:"cancelled,omitempty"`
	PINFailures       int               `json:"pin_failures,omitempty"`
	PINLockedUntil    time.Time         `json:"pin_locked_until,omitzero"`
	PINLocks          int               `json:"pin_locks,omitempty"`
	PINRecord         string            `json:"pin_record,omitempty"`
	ClosedAt          time.Time         `json:"closed_at,omitzero"`
	LastSeq           uint64            `json:"last_seq"`
	Session           string            `json:"session,omitempty"`
	// LastHash is the hash of event LastSeq, in hex, since schema 6: the
	// records are of the log up to an event (they lag it), and this says
	// which, so that records claiming an earlier event than they were
	// made of are found at every open, not only by the state check.
	LastHash string `json:"last_hash,omitempty"`
}

// offerRecord is one offer of the hall's, inside its record.
type offerRecord struct {
	Seq      uint64    `json:"seq"`
	Examinee string    `json:"examinee"`
	Clause   string    `json:"clause"`
	Reason   string    `json:"reason"`
	Seconds  int64     `json:"seconds"`
	At       time.Time `json:"at"`
}

// examineeRecord is one record of the examinees bucket.
type examineeRecord struct {
	Ordinal                  int       `json:"ordinal"`
	ID                       string    `json:"id"`
	FullName                 string    `json:"full_name"`
	Programme                string    `json:"programme"`
	IDDocument               string    `json:"id_document"`
	Seat                     string    `json:"seat"`
	Status                   string    `json:"status"`
	ArrivedAt                time.Time `json:"arrived_at,omitzero"`
	AbsentAt                 time.Time `json:"absent_at,omitzero"`
	MaterialsAt              time.Time `json:"materials_at,omitzero"`
	Ticket                   string    `json:"ticket,omitempty"`
	Packet                   string    `json:"packet,omitempty"`
	AdmittedLate             bool      `json:"admitted_late,omitempty"`
	TheoryInAt               time.Time `json:"theory_in_at,omitzero"`
	BreakTaken               bool      `json:"break_taken,omitempty"`
	OutMedical               bool      `json:"out_medical,omitempty"`
	OutReason                string    `json:"out_reason,omitempty"`
	ReturnTo                 string    `json:"return_to,omitempty"`
	OutAt                    time.Time `json:"out_at,omitzero"`
	BackAt                   time.Time `json:"back_at,omitzero"`
	BreakOutAt               time.Time `json:"break_out_at,omitzero"`
	BreakBackAt              time.Time `json:"break_back_at,omitzero"`
	SituationalTicket        string    `json:"situational_ticket,omitempty"`
	SituationalAt            time.Time `json:"situational_at,omitzero"`
	CodeOut                  bool      `json:"code_out,omitempty"`
	CodeOutAt                time.Time `json:"code_out_at,omitzero"`
	CodeBackAt               time.Time `json:"code_back_at,omitzero"`
	HandedInAt               time.Time `json:"handed_in_at,omitzero"`
	HandInLateBy             int64     `json:"hand_in_late_s,omitempty"`
	HandInForced             string    `json:"hand_in_forced,omitempty"`
	WithoutSituational       bool      `json:"without_situational,omitempty"`
	WithoutSituationalReason string    `json:"without_situational_reason,omitempty"`
	Violations               int       `json:"violations,omitempty"`
	LateOffered              bool      `json:"late_offered,omitempty"`
	RemovedAt                time.Time `json:"removed_at,omitzero"`
	Seqs                     []uint64  `json:"seqs,omitempty"`
}

// sheetRecord is one record of the sheets bucket. Codes are their 12
// digits; a code a sheet does not have is "" (the schema-4 examday wrote
// it so: omitempty never left out its barcode.Code, a struct).
type sheetRecord struct {
	Code        string    `json:"code"`
	Packet      string    `json:"packet,omitempty"`
	Level       string    `json:"level,omitempty"`
	Question    int       `json:"question,omitempty"`
	Spare       bool      `json:"spare,omitempty"`
	State       string    `json:"state"`
	Examinee    string    `json:"examinee,omitempty"`
	IssuedAt    time.Time `json:"issued_at,omitzero"`
	ReceivedAt  time.Time `json:"received_at,omitzero"`
	Blank       bool      `json:"blank,omitempty"`
	BlankReason string    `json:"blank_reason,omitempty"`
	VoidedAt    time.Time `json:"voided_at,omitzero"`
	VoidReason  string    `json:"void_reason,omitempty"`
	Replaces    string    `json:"replaces"`
	ReplacedBy  string    `json:"replaced_by"`
}

// encodeHall is the bytes of the hall's record; last is the hash of its
// last event (nil: a record of a file before schema 6, which names none).
func encodeHall(h *exam.Hall, last []byte) ([]byte, error) {
	r := hallRecord{
		Name: h.Name, Date: h.Date, Officer: h.Officer, Chairman: h.Chairman, Members: h.Members, Demo: h.Demo,
		Programmes: h.Programmes, Phase: string(h.Phase), Start: h.Start, End: h.End, ProposedStart: h.ProposedStart,
		StartCorrection: h.StartCorrection, Warnings: h.Warnings, TimeUpAt: h.TimeUpAt, ClockJumps: h.ClockJumps,
		LastJumpSeconds: h.LastJumpSeconds, LastJumpAt: h.LastJumpAt, Interrupted: h.Interrupted,
		InterruptedAt: h.InterruptedAt, InterruptionKind: h.InterruptionKind, InterruptedTotalS: h.InterruptedTotalS,
		Cancelled: h.Cancelled, PINFailures: h.PINFailures, PINLockedUntil: h.PINLockedUntil, PINLocks: h.PINLocks,
		PINRecord: h.PINRecord, ClosedAt: h.ClosedAt, LastSeq: h.LastSeq, Session: h.Session,
	}
	if h.LastSeq > 0 && last != nil {
		r.LastHash = hex.EncodeToString(last)
	}
	if h.Offers != nil {
		r.Offers = make([]offerRecord, len(h.Offers))
		for i, o := range h.Offers {
			r.Offers[i] = offerRecord{Seq: o.Seq, Examinee: o.Examinee, Clause: o.Clause, Reason: o.Reason, Seconds: o.Seconds, At: o.At}
		}
	}
	return json.Marshal(r)
}

// decodeHall reads the hall's record into h, a hall with no examinees
// and sheets yet, and returns the hash of its last event it holds ("" in
// a file of a schema before 6).
func decodeHall(b []byte, h *exam.Hall) (lastHash string, err error) {
	var r hallRecord
	if err := json.Unmarshal(b, &r); err != nil {
		return "", err
	}
	h.Name, h.Date, h.Officer, h.Chairman, h.Members, h.Demo = r.Name, r.Date, r.Officer, r.Chairman, r.Members, r.Demo
	h.Programmes, h.Phase, h.Start, h.End, h.ProposedStart = r.Programmes, exam.Phase(r.Phase), r.Start, r.End, r.ProposedStart
	h.StartCorrection, h.Warnings, h.TimeUpAt, h.ClockJumps = r.StartCorrection, r.Warnings, r.TimeUpAt, r.ClockJumps
	h.LastJumpSeconds, h.LastJumpAt, h.Interrupted = r.LastJumpSeconds, r.LastJumpAt, r.Interrupted
	h.InterruptedAt, h.InterruptionKind, h.InterruptedTotalS = r.InterruptedAt, r.InterruptionKind, r.InterruptedTotalS
	h.Cancelled, h.PINFailures, h.PINLockedUntil, h.PINLocks = r.Cancelled, r.PINFailures, r.PINLockedUntil, r.PINLocks
	h.PINRecord, h.ClosedAt, h.LastSeq, h.Session = r.PINRecord, r.ClosedAt, r.LastSeq, r.Session
	h.Offers = nil
	if r.Offers != nil {
		h.Offers = make([]exam.Offer, len(r.Offers))
		for i, o := range r.Offers {
			h.Offers[i] = exam.Offer{Seq: o.Seq, Examinee: o.Examinee, Clause: o.Clause, Reason: o.Reason, Seconds: o.Seconds, At: o.At}
		}
	}
	return r.LastHash, nil
}

// encodeExaminee is the bytes of an examinee's record.
func encodeExaminee(e *exam.Examinee) ([]byte, error) {
	return json.Marshal(examineeRecord{
		Ordinal: e.Ordinal, ID: e.ID, FullName: e.FullName, Programme: e.Programme, IDDocument: e.IDDocument,
		Seat: e.Seat, Status: string(e.Status), ArrivedAt: e.ArrivedAt, AbsentAt: e.AbsentAt,
		MaterialsAt: e.MaterialsAt, Ticket: e.Ticket, Packet: e.Packet, AdmittedLate: e.AdmittedLate,
		TheoryInAt: e.TheoryInAt, BreakTaken: e.BreakTaken, OutMedical: e.OutMedical, OutReason: e.OutReason,
		ReturnTo: string(e.ReturnTo), OutAt: e.OutAt, BackAt: e.BackAt, BreakOutAt: e.BreakOutAt,
		BreakBackAt: e.BreakBackAt, SituationalTicket: e.SituationalTicket, SituationalAt: e.SituationalAt,
		CodeOut: e.CodeOut, CodeOutAt: e.CodeOutAt, CodeBackAt: e.CodeBackAt, HandedInAt: e.HandedInAt,
		HandInLateBy: e.HandInLateBy, HandInForced: e.HandInForced, WithoutSituational: e.WithoutSituational,
		WithoutSituationalReason: e.WithoutSituationalReason, Violations: e.Violations,
		LateOffered: e.LateOffered, RemovedAt: e.RemovedAt, Seqs: e.Seqs,
	})
}

// decodeExaminee reads an examinee's record.
func decodeExaminee(b []byte) (*exam.Examinee, error) {
	var r examineeRecord
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, err
	}
	return &exam.Examinee{
		Ordinal: r.Ordinal, ID: r.ID, FullName: r.FullName, Programme: r.Programme, IDDocument: r.IDDocument,
		Seat: r.Seat, Status: exam.Status(r.Status), ArrivedAt: r.ArrivedAt, AbsentAt: r.AbsentAt,
		MaterialsAt: r.MaterialsAt, Ticket: r.Ticket, Packet: r.Packet, AdmittedLate: r.AdmittedLate,
		TheoryInAt: r.TheoryInAt, BreakTaken: r.BreakTaken, OutMedical: r.OutMedical, OutReason: r.OutReason,
		ReturnTo: exam.Status(r.ReturnTo), OutAt: r.OutAt, BackAt: r.BackAt, BreakOutAt: r.BreakOutAt,
		BreakBackAt: r.BreakBackAt, SituationalTicket: r.SituationalTicket, SituationalAt: r.SituationalAt,
		CodeOut: r.CodeOut, CodeOutAt: r.CodeOutAt, CodeBackAt: r.CodeBackAt, HandedInAt: r.HandedInAt,
		HandInLateBy: r.HandInLateBy, HandInForced: r.HandInForced, WithoutSituational: r.WithoutSituational,
		WithoutSituationalReason: r.WithoutSituationalReason, Violations: r.Violations,
		LateOffered: r.LateOffered, RemovedAt: r.RemovedAt, Seqs: r.Seqs,
	}, nil
}

// encodeSheet is the bytes of a sheet's record.
func encodeSheet(s *exam.Sheet) ([]byte, error) {
	return json.Marshal(sheetRecord{
		Code: s.Code.String(), Packet: s.Packet, Level: string(s.Level), Question: s.Question, Spare: s.Spare,
		State: string(s.State), Examinee: s.Examinee, IssuedAt: s.IssuedAt, ReceivedAt: s.ReceivedAt,
		Blank: s.Blank, BlankReason: s.BlankReason, VoidedAt: s.VoidedAt, VoidReason: s.VoidReason,
		Replaces: s.Replaces.String(), ReplacedBy: s.ReplacedBy.String(),
	})
}

// decodeSheet reads a sheet's record. Its codes are checked as any code
// read is (barcode.Code's own check), "" for none.
func decodeSheet(b []byte) (*exam.Sheet, error) {
	var r sheetRecord
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, err
	}
	s := &exam.Sheet{
		Packet: r.Packet, Level: exam.Level(r.Level), Question: r.Question, Spare: r.Spare,
		State: exam.SheetState(r.State), Examinee: r.Examinee, IssuedAt: r.IssuedAt, ReceivedAt: r.ReceivedAt,
		Blank: r.Blank, BlankReason: r.BlankReason, VoidedAt: r.VoidedAt, VoidReason: r.VoidReason,
	}
	for _, c := range []struct {
		text string
		into *barcode.Code
	}{{r.Code, &s.Code}, {r.Replaces, &s.Replaces}, {r.ReplacedBy, &s.ReplacedBy}} {
		if err := c.into.UnmarshalText([]byte(c.text)); err != nil {
			return nil, err
		}
	}
	return s, nil
}
