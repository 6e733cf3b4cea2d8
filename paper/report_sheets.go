package paper

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"examday/barcode"
	"examday/exam"
)

// Sheet is one answer sheet printed for the hall (§1.5) and what became
// of it: to whom it was given, for which question, and whether it came
// back, was voided or was never used.
type Sheet struct {
	Code barcode.Code
	// Who is the examinee it was given to; empty for a sheet never given
	// out (a packet nobody took, a spare not used).
	Who      Who
	Packet   string
	Level    exam.Level
	Question int // 1..T theory, T+1 the situational problem; 0 for a loose spare
	Spare    bool
	State    exam.SheetState
	Issued   time.Time
	Received time.Time
	Voided   time.Time
	// VoidReason is why it was voided ("reprinted" for an unissued sheet
	// a new print replaced).
	VoidReason string
	ReplacedBy barcode.Code // the spare that took its place
	Replaces   barcode.Code // for a spare: the spoilt sheet it replaced
	// NotMarked: received from an examinee removed from the exam (§2.3),
	// kept but not to be marked (exam.Hall.ToBeMarked).
	NotMarked bool
	// Blank: a situational sheet handed back without the situational
	// problem, and why (exam.Sheet.Blank).
	Blank       bool
	BlankReason string
}

// Situational reports whether the sheet is the situational problem's.
func (s Sheet) Situational() bool {
	return s.Question > 0 && s.Question == exam.TheoryQuestions(s.Level)+1
}

// sheetsOf lists every sheet of h in the order a commission checks them
// against the roster: each examinee's sheets in roster order and question
// order (a voided sheet before the spare that replaced it), then the
// packets nobody took, then the loose spares.
func sheetsOf(h *exam.Hall, who func(string) Who) []Sheet {
	ordinal := map[string]int{}
	for _, e := range h.Examinees() {
		ordinal[e.ID] = e.Ordinal
	}
	// h.Sheets is in packet and question order, loose spares last; the
	// sort below only moves the sheets given out, and keeps that order for
	// the rest.
	all := h.Sheets()
	out := make([]Sheet, 0, len(all))
	for _, s := range all {
		x := Sheet{
			Code: s.Code, Packet: s.Packet, Level: s.Level, Question: s.Question, Spare: s.Spare, State: s.State,
			Issued: s.IssuedAt, Received: s.ReceivedAt, Voided: s.VoidedAt, VoidReason: s.VoidReason,
			ReplacedBy: s.ReplacedBy, Replaces: s.Replaces,
			NotMarked: s.State == exam.SheetReceived && !h.ToBeMarked(s),
			Blank:     s.Blank, BlankReason: s.BlankReason,
		}
		if s.Examinee != "" {
			x.Who = who(s.Examinee)
		}
		out = append(out, x)
	}
	rank := func(s Sheet) int {
		if s.Who.ID == "" {
			return len(ordinal)
		}
		if o, ok := ordinal[s.Who.ID]; ok {
			return o
		}
		return len(ordinal)
	}
	slices.SortStableFunc(out, func(a, b Sheet) int {
		ra, rb := rank(a), rank(b)
		if ra != rb || ra == len(ordinal) {
			return cmp.Compare(ra, rb)
		}
		return cmp.Or(
			cmp.Compare(a.Question, b.Question),
			a.Issued.Compare(b.Issued),
			strings.Compare(a.Code.String(), b.Code.String()),
		)
	})
	return out
}

// SheetCounts are the sheets of a report by where they are.
type SheetCounts struct {
	Printed, Received, Out, Voided, NotGiven, SparesUnused int
	// NotMarked of the received: those of examinees removed (§2.3).
	NotMarked int
}

// Counts counts r's sheets: received, given out and not received (the
// shortfall), voided, printed in a packet and never given out, and loose
// spares not used.
func (r Report) Counts() SheetCounts {
	var n SheetCounts
	for _, s := range r.Sheets {
		n.Printed++
		switch {
		case s.State == exam.SheetReceived:
			n.Received++
			if s.NotMarked {
				n.NotMarked++
			}
		case s.State == exam.SheetIssued:
			n.Out++
		case s.State == exam.SheetVoided:
			n.Voided++
		case s.Spare:
			n.SparesUnused++
		default:
			n.NotGiven++
		}
	}
	return n
}

// question is the sheet's question as printed on it: "Question 2 of 3",
// "Situational problem", "Spare sheet".
func (w words) question(s Sheet) string {
	switch {
	case s.Situational():
		return w.t("paper.sheet.situational")
	case s.Question > 0:
		return w.t("paper.sheet.question", s.Question, exam.TheoryQuestions(s.Level))
	}
	return w.t("paper.sheet.spare")
}

func (w words) level(l exam.Level) string { return w.keyed("level.", string(l)) }

// sheetState is where a sheet is, in words, with the replacement of a
// voided sheet and the sheet a spare replaced.
func (w words) sheetState(s Sheet) string {
	var state string
	switch {
	case s.State == exam.SheetReceived && s.NotMarked:
		state = w.t("paper.sh.state.received_not_marked")
	case s.State == exam.SheetReceived && s.Blank:
		state = w.t("paper.sh.state.received_blank", w.reasonOrNone(s.BlankReason))
	case s.State == exam.SheetReceived:
		state = w.t("paper.sh.state.received")
	case s.State == exam.SheetIssued:
		state = w.t("paper.sh.state.issued")
	case s.State == exam.SheetVoided && s.ReplacedBy.IsZero():
		// Never given out: a new print replaced it (exam.PrintSheets).
		state = w.t("paper.sh.state.reprinted")
	case s.State == exam.SheetVoided:
		state = w.t("paper.sh.state.voided", s.VoidReason, s.ReplacedBy.Grouped())
	case s.Spare:
		state = w.t("paper.sh.state.spare")
	default:
		state = w.t("paper.sh.state.printed")
	}
	if !s.Replaces.IsZero() {
		state += "; " + w.t("paper.sh.state.replaces", s.Replaces.Grouped())
	}
	return state
}

// sheetsSummary is the line over the list: how many sheets, and where.
func (w words) sheetsSummary(n SheetCounts) string {
	text := w.t("paper.sh.summary", n.Printed, n.Received, n.Out, n.Voided, n.NotGiven, n.SparesUnused)
	if n.NotMarked > 0 {
		text += " " + w.t("paper.sh.summary_not_marked", n.NotMarked)
	}
	return text
}

var sheetColumns = []column[Sheet]{
	{"code", "paper.sheet.code", func(_ words, s Sheet) string { return s.Code.Grouped() }},
	{"seat", "paper.col.seat", func(_ words, s Sheet) string { return s.Who.Seat }},
	{"id", "paper.col.id", func(_ words, s Sheet) string { return s.Who.ID }},
	{"full_name", "paper.col.full_name", func(_ words, s Sheet) string { return s.Who.FullName }},
	{"level", "paper.graders.col.level", func(w words, s Sheet) string { return w.level(s.Level) }},
	{"question", "paper.graders.col.question", func(_ words, s Sheet) string { return questionNumber(s) }},
	{"question_label", "paper.graders.col.label", func(w words, s Sheet) string { return w.question(s) }},
	{"state", "paper.sh.state", func(w words, s Sheet) string { return w.sheetState(s) }},
	{"issued", "paper.sh.issued", func(w words, s Sheet) string { return w.clock(s.Issued) }},
	{"received", "paper.sh.received", func(w words, s Sheet) string { return w.clock(s.Received) }},
	{"voided", "paper.sh.voided", func(w words, s Sheet) string { return w.clock(s.Voided) }},
	{"void_reason", "paper.sh.void_reason", func(_ words, s Sheet) string { return s.VoidReason }},
	{"replaced_by", "paper.sh.replaced_by", func(_ words, s Sheet) string { return groupedOrEmpty(s.ReplacedBy) }},
	{"replaces", "paper.sh.replaces", func(_ words, s Sheet) string { return groupedOrEmpty(s.Replaces) }},
	{"packet", "paper.col.packet", func(_ words, s Sheet) string { return s.Packet }},
}

func questionNumber(s Sheet) string {
	if s.Question == 0 {
		return ""
	}
	return fmt.Sprint(s.Question)
}

func groupedOrEmpty(c barcode.Code) string {
	if c.IsZero() {
		return ""
	}
	return c.Grouped()
}

// sheetsTable prints every sheet: its code in the groups printed under its
// barcode, whose it is, its question, where it is and when it came back.
func (d *pdfDoc) sheetsTable() {
	w := d.w
	d.heading(w.t("paper.section.sheets"), rowsNeed(len(d.r.Sheets))+4)
	if len(d.r.Sheets) == 0 {
		d.noneLine()
		return
	}
	d.legend(w.sheetsSummary(d.r.Counts()))
	cols := []pdfCol{
		{w.t("paper.sheet.code"), 27, "L"}, {w.t("paper.abbr.seat"), 10, "C"}, {w.t("paper.abbr.name"), 62, "L"},
		{w.t("paper.graders.col.level"), 24, "L"}, {w.t("paper.graders.col.label"), 32, "L"}, {w.t("paper.sh.state"), 86, "L"},
		{w.t("paper.sh.issued"), 18, "C"}, {w.t("paper.sh.received"), 18, "C"},
	}
	rows := make([][]string, len(d.r.Sheets))
	for i, s := range d.r.Sheets {
		rows[i] = []string{s.Code.Grouped(), s.Who.Seat, s.Who.FullName, w.level(s.Level), w.question(s), w.sheetState(s),
			w.clock(s.Issued), w.clock(s.Received)}
	}
	d.printTable(cols, rows)
}
