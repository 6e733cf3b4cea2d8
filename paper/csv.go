package paper

import (
	"encoding/csv"
	"fmt"
	"io"

	"examday/i18n"
)

// bom makes Excel read the file as UTF-8: without it, the Windows laptops
// of the region open a CSV as CP1251 and every Kazakh letter is lost.
const bom = "\ufeff"

// Record kinds: the first cell of every data row. A section's header row
// has the kind with a "#" before it.
const (
	KindHall         = "hall"
	KindInterruption = "interruption"
	KindExaminee     = "examinee"
	KindViolation    = "violation"
	KindOffer        = "offer"
	KindCorrection   = "correction"
	KindSheet        = "sheet"
)

// column is one column of a section: its stable id (the package comment
// lists them), its title in the catalogue, and its cell.
type column[T any] struct {
	id, title string
	cell      func(w words, x T) string
}

// examineeColumns and the other lists below are the CSV's columns after
// the record kind, in order. Their ids are the contract with a script; the
// titles are for a person.
var examineeColumns = []column[Examinee]{
	{"seat", "paper.col.seat", func(_ words, x Examinee) string { return x.Seat }},
	{"id", "paper.col.id", func(_ words, x Examinee) string { return x.ID }},
	{"full_name", "paper.col.full_name", func(_ words, x Examinee) string { return x.FullName }},
	{"programme", "paper.col.programme", func(_ words, x Examinee) string { return x.Programme }},
	{"status", "paper.col.status", func(w words, x Examinee) string { return w.status(x.Status) }},
	{"arrived", "paper.col.arrived", func(w words, x Examinee) string { return w.arrived(x) }},
	{"admitted_late", "paper.col.admitted_late", func(w words, x Examinee) string { return w.yes(x.AdmittedLate) }},
	{"materials", "paper.col.materials", func(w words, x Examinee) string { return w.clock(x.Materials) }},
	{"ticket", "paper.col.ticket", func(_ words, x Examinee) string { return x.Ticket }},
	{"packet", "paper.col.packet", func(_ words, x Examinee) string { return x.Packet }},
	{"theory_in", "paper.col.theory_in", func(w words, x Examinee) string { return w.clock(x.TheoryIn) }},
	{"break_out", "paper.col.break_out", func(w words, x Examinee) string { return w.clock(x.BreakOut) }},
	{"break_back", "paper.col.break_back", func(w words, x Examinee) string { return w.clock(x.BreakBack) }},
	{"break_overrun", "paper.col.break_overrun", func(_ words, x Examinee) string { return nonZero(x.BreakOverrun) }},
	{"medical_exits", "paper.col.medical", func(w words, x Examinee) string { return w.medical(x) }},
	{"situational_ticket", "paper.col.situational_ticket", func(_ words, x Examinee) string { return x.SituationalTicket }},
	{"situational_at", "paper.col.situational_at", func(w words, x Examinee) string { return w.clock(x.SituationalAt) }},
	{"code_out", "paper.col.code_out", func(w words, x Examinee) string { return w.clock(x.CodeOut) }},
	{"code_back", "paper.col.code_back", func(w words, x Examinee) string { return w.codeBack(x) }},
	{"handed_in", "paper.col.handed_in", func(w words, x Examinee) string { return w.clock(x.HandedIn) }},
	{"late_by", "paper.col.late_by", func(_ words, x Examinee) string { return nonZero(x.LateBy) }},
	{"forced_reason", "paper.col.forced", func(_ words, x Examinee) string { return x.Forced }},
	{"without_situational", "paper.col.without_situational", func(w words, x Examinee) string { return w.yes(x.WithoutSituational) }},
	{"seat_changes", "paper.col.seat_changes", func(w words, x Examinee) string { return w.seatChanges(x) }},
	{"without_situational_reason", "paper.col.without_situational_reason", func(_ words, x Examinee) string { return x.WithoutSituationalReason }},
	{"removed", "paper.col.removed", func(w words, x Examinee) string { return w.clock(x.Removed) }},
	{"violations", "paper.col.violations", func(_ words, x Examinee) string { return fmt.Sprint(x.Violations) }},
}

var violationColumns = []column[Violation]{
	{"seq", "paper.v.seq", func(_ words, v Violation) string { return fmt.Sprint(v.Seq) }},
	{"at", "paper.v.at", func(w words, v Violation) string { return w.clock(v.At) }},
	{"seat", "paper.col.seat", func(_ words, v Violation) string { return v.Who.Seat }},
	{"id", "paper.col.id", func(_ words, v Violation) string { return v.Who.ID }},
	{"full_name", "paper.col.full_name", func(_ words, v Violation) string { return v.Who.FullName }},
	{"clause", "paper.v.clause", func(_ words, v Violation) string { return v.Clause }},
	{"clause_text", "paper.v.clause_text", func(w words, v Violation) string { return w.clause(v.Clause) }},
	{"description", "paper.v.description", func(_ words, v Violation) string { return v.Description }},
	{"witnesses", "paper.v.witnesses", func(_ words, v Violation) string { return v.Witnesses }},
	{"action_taken", "paper.v.action", func(_ words, v Violation) string { return v.ActionTaken }},
	{"decision", "paper.v.decision", func(w words, v Violation) string { return w.decision(v.Decision) }},
	{"agreed_by", "paper.v.agreed_by", func(_ words, v Violation) string { return v.AgreedBy }},
	{"recorded_by", "paper.v.recorded_by", func(_ words, v Violation) string { return v.RecordedBy }},
	{"offer", "paper.v.offer", func(_ words, v Violation) string { return seqOrEmpty(v.Offer) }},
}

var offerColumns = []column[Offer]{
	{"seq", "paper.v.seq", func(_ words, o Offer) string { return fmt.Sprint(o.Seq) }},
	{"at", "paper.v.at", func(w words, o Offer) string { return w.clock(o.At) }},
	{"seat", "paper.col.seat", func(_ words, o Offer) string { return o.Who.Seat }},
	{"id", "paper.col.id", func(_ words, o Offer) string { return o.Who.ID }},
	{"full_name", "paper.col.full_name", func(_ words, o Offer) string { return o.Who.FullName }},
	{"clause", "paper.v.clause", func(_ words, o Offer) string { return o.Clause }},
	{"reason", "paper.o.reason", func(w words, o Offer) string { return w.offerReason(o) }},
	{"over_by", "paper.o.over", func(_ words, o Offer) string { return duration(o.Over) }},
	{"fate", "paper.o.fate", func(w words, o Offer) string { return w.fate(o) }},
	{"decided_at", "paper.o.fate_at", func(w words, o Offer) string { return w.clock(o.FateAt) }},
	{"decided_by", "paper.o.fate_by", func(_ words, o Offer) string { return o.FateBy }},
	{"dismissed_reason", "paper.o.dismissed", func(_ words, o Offer) string { return o.Dismissed }},
}

var correctionColumns = []column[Correction]{
	{"seq", "paper.v.seq", func(_ words, c Correction) string { return fmt.Sprint(c.Seq) }},
	{"at", "paper.v.at", func(w words, c Correction) string { return w.clock(c.At) }},
	{"seat", "paper.col.seat", func(_ words, c Correction) string { return c.Who.Seat }},
	{"id", "paper.col.id", func(_ words, c Correction) string { return c.Who.ID }},
	{"full_name", "paper.col.full_name", func(_ words, c Correction) string { return c.Who.FullName }},
	{"cancelled_seq", "paper.c.cancelled_seq", func(_ words, c Correction) string { return fmt.Sprint(c.Cancelled) }},
	{"cancelled_entry", "paper.c.entry_type", func(w words, c Correction) string { return w.eventType(c.CancelledType) }},
	{"cancelled_at", "paper.c.cancelled_at", func(w words, c Correction) string { return w.clock(c.CancelledAt) }},
	{"reason", "paper.c.reason", func(_ words, c Correction) string { return c.Reason }},
	{"agreed_by", "paper.c.agreed_by", func(_ words, c Correction) string { return c.AgreedBy }},
	{"recorded_by", "paper.v.recorded_by", func(_ words, c Correction) string { return c.By }},
}

var interruptionColumns = []column[Interruption]{
	{"seq", "paper.v.seq", func(_ words, i Interruption) string { return fmt.Sprint(i.Seq) }},
	{"kind", "paper.i.kind", func(w words, i Interruption) string { return w.kind(i.Kind) }},
	{"reason", "paper.c.reason", func(_ words, i Interruption) string { return i.Reason }},
	{"from", "paper.i.from", func(w words, i Interruption) string { return w.clock(i.Start) }},
	{"to", "paper.i.to", func(w words, i Interruption) string { return w.interruptionEnd(i) }},
	{"length", "paper.i.length", func(_ words, i Interruption) string { return nonZero(i.Length) }},
	{"new_end", "paper.i.new_end", func(w words, i Interruption) string { return w.clock(i.NewEnd) }},
	{"agreed_by", "paper.c.agreed_by", func(_ words, i Interruption) string { return i.AgreedBy }},
}

func seqOrEmpty(seq uint64) string {
	if seq == 0 {
		return ""
	}
	return fmt.Sprint(seq)
}

// hallRow is one line of the hall section: a stable field id, its title,
// a value and a detail.
type hallRow struct{ field, title, value, detail string }

// hallRows are the hall section's lines. Single facts are always there,
// empty if not (yet) known; repeated ones (programmes, members, warnings,
// clock jumps, outstanding items) once each.
func hallRows(w words, r Report) []hallRow {
	h := r.Hall
	row := func(field, key, value, detail string) hallRow { return hallRow{field, w.t(key), value, detail} }
	rows := []hallRow{
		row("name", "paper.hall.name", h.Name, ""),
		row("date", "paper.hall.date", h.Date, ""),
		row("protocol", "paper.hall.protocol", h.Protocol, ""),
		row("place", "paper.hall.place", h.Place, ""),
	}
	for _, p := range h.Programmes {
		rows = append(rows, row("programme", "paper.col.programme", p, w.programme(p)))
	}
	rows = append(rows,
		row("officer", "paper.hall.officer", h.Officer, ""),
		row("chairman", "paper.hall.chairman", h.Chairman, ""))
	for _, m := range h.Members {
		rows = append(rows, row("member", "paper.hall.member", m, ""))
	}
	rows = append(rows,
		row("phase", "paper.hall.phase", w.phase(h.Phase), ""),
		row("proposed_start", "paper.hall.proposed_start", w.clock(h.ProposedStart), ""),
		row("start", "paper.hall.start", w.clock(h.Start), h.StartCorrection),
		row("planned_end", "paper.hall.planned_end", w.clock(h.PlannedEnd), ""),
		row("end", "paper.hall.end", w.clock(h.End), ""),
		row("interrupted", "paper.hall.interrupted", nonZero(h.Interrupted), ""))
	for _, x := range r.Warnings {
		rows = append(rows, row("warning", "paper.hall.warning", fmt.Sprint(x.MinutesLeft), w.warning(x)))
	}
	rows = append(rows, row("time_up", "paper.hall.time_up", w.clock(h.TimeUpAt), ""))
	for _, j := range r.ClockJumps {
		rows = append(rows, row("clock_jump", "paper.hall.clock_jump", signed(j.Jump), w.clock(j.At)))
	}
	for _, x := range r.WrongPINs {
		rows = append(rows, row("wrong_pin", "paper.hall.wrong_pin", w.keyed("paper.pin.purpose.", x.Purpose), w.wrongPIN(x)))
	}
	rows = append(rows, row("closed", "paper.hall.closed", w.clock(h.ClosedAt), ""))
	for _, o := range r.Outstanding {
		rows = append(rows, row("outstanding", "paper.section.outstanding", w.outstanding(o), ""))
	}
	full := ""
	if r.Log.Events > 0 {
		full = fmt.Sprintf("%x", r.Log.Root)
	}
	rows = append(rows,
		row("log_events", "paper.log.events", fmt.Sprint(r.Log.Events), ""),
		row("log_root", "paper.log.root", r.Log.HashPrefix(), full),
		row("generated", "paper.hall.generated", w.dateTime(r.Generated), w.zoneName(r.Generated)))
	if r.Unverified != "" {
		rows = append(rows, row("unverified", "paper.warning", w.t("paper.unverified", r.Unverified), ""))
	}
	return rows
}

// WriteCSV writes the report as one CSV file: UTF-8 with a BOM, comma
// separated, quoted as RFC 4180 says, in sections (the package comment
// describes them).
func WriteCSV(out io.Writer, r Report, cat i18n.Catalogue) error {
	w := newWords(r, cat)
	if _, err := io.WriteString(out, bom); err != nil {
		return err
	}
	cw := csv.NewWriter(out)
	cw.UseCRLF = true
	put := func(kind string, cells ...string) {
		cw.Write(append([]string{kind}, cells...))
	}

	put("#"+KindHall, w.t("paper.csv.field"), w.t("paper.csv.item"), w.t("paper.csv.value"), w.t("paper.csv.detail"))
	for _, x := range hallRows(w, r) {
		put(KindHall, x.field, x.title, x.value, x.detail)
	}
	section(cw, w, KindInterruption, interruptionColumns, r.Interruptions)
	section(cw, w, KindExaminee, examineeColumns, r.Examinees)
	section(cw, w, KindViolation, violationColumns, r.Violations)
	section(cw, w, KindOffer, offerColumns, r.Offers)
	section(cw, w, KindCorrection, correctionColumns, r.Corrections)
	section(cw, w, KindSheet, sheetColumns, r.Sheets)
	cw.Flush()
	return cw.Error()
}

// section writes a header row and a row per item. An empty section keeps
// its header, so that "none" is visibly none and not a missing part.
func section[T any](cw *csv.Writer, w words, kind string, cols []column[T], items []T) {
	header := make([]string, 0, len(cols)+1)
	header = append(header, "#"+kind)
	for _, c := range cols {
		header = append(header, w.t(c.title))
	}
	cw.Write(header)
	for _, x := range items {
		row := make([]string, 0, len(cols)+1)
		row = append(row, kind)
		for _, c := range cols {
			row = append(row, c.cell(w, x))
		}
		cw.Write(row)
	}
}

// ColumnIDs returns the stable ids of a section's columns after the record
// kind, for scripts and tests; nil for an unknown kind. The hall section's
// are field, item, value, detail.
func ColumnIDs(kind string) []string {
	switch kind {
	case KindHall:
		return []string{"field", "item", "value", "detail"}
	case KindInterruption:
		return ids(interruptionColumns)
	case KindExaminee:
		return ids(examineeColumns)
	case KindViolation:
		return ids(violationColumns)
	case KindOffer:
		return ids(offerColumns)
	case KindCorrection:
		return ids(correctionColumns)
	case KindSheet:
		return ids(sheetColumns)
	}
	return nil
}

func ids[T any](cols []column[T]) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.id
	}
	return out
}
