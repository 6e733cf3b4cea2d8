package tui

import (
	"strings"

	"examday/exam"
	"examday/i18n"
)

// The entries of an examinee's day in words, as the detail view lists
// them. Each is read from the event the file holds.

// eventName is the short name of an entry's type.
func (c *Context) eventName(typ string) string {
	if key := "ui.event_type." + typ; i18n.Has(key) {
		return c.Cat.T(key)
	}
	return typ
}

// entryText is one entry in words. entries are the examinee's other
// entries by sequence number, for those that refer to another (a
// correction, a dismissed offer).
func (c *Context) entryText(ev exam.Event, entries map[uint64]exam.Event) string {
	T := c.Cat.T
	p, err := ev.Payload()
	if err != nil {
		// Shown as what it is, never dropped: an entry this program cannot
		// read (a newer program's, or one changed by hand).
		return T("ui.event.unreadable", c.eventName(ev.Type), c.ErrorText(err))
	}
	switch d := p.(type) {
	case exam.ArrivedData:
		return T("ui.event.arrived", d.IDDocument)
	case exam.AdmittedLateData:
		return T("ui.event.admitted_late", c.spanSeconds(d.LateBySeconds), d.AgreedBy)
	case exam.MaterialsIssuedData:
		if d.Packet != "" {
			return T("ui.event.materials_packet", d.Ticket, groupDigits(d.Packet))
		}
		return T("ui.event.materials", d.Ticket)
	case exam.SheetReceivedData:
		question := T("ui.sheet.question_short", d.Question)
		if s, ok := c.Hall.Sheet(d.Code); ok {
			question = c.questionText(s)
		}
		text := T("ui.event.sheet_received", d.Code.Grouped(), question)
		if d.Blank {
			text = T("ui.event.sheet_received_blank", d.Code.Grouped(), question, c.reasonOrNone(d.Reason))
		}
		if d.LateBySeconds > 0 {
			text += "; " + T("ui.event.hand_in_late", c.spanSeconds(d.LateBySeconds))
		}
		return text
	case exam.SheetVoidedData:
		return T("ui.event.sheet_voided", d.Code.Grouped(), d.Replacement.Grouped(), d.AgreedBy, d.Reason)
	case exam.BreakOutData:
		if d.Medical {
			return T("ui.event.out_medical", d.Reason)
		}
		return T("ui.event.out_break")
	case exam.BreakInData:
		switch {
		case d.Medical:
			return T("ui.event.back_medical", c.spanSeconds(d.OutSeconds))
		case d.OverrunSeconds > 0:
			return T("ui.event.back_over", c.spanSeconds(d.OutSeconds), c.spanSeconds(d.OverrunSeconds))
		}
		return T("ui.event.back", c.spanSeconds(d.OutSeconds))
	case exam.SituationalData:
		if d.Duplicate {
			return T("ui.event.situational_duplicate", d.Ticket)
		}
		return T("ui.event.situational", d.Ticket)
	case exam.HandedInData:
		parts := []string{T("ui.event.hand_in")}
		if d.WithoutSituational && d.WithoutSituationalReason != "" {
			parts = append(parts, T("ui.event.hand_in_without_reason", d.WithoutSituationalReason))
		} else if d.WithoutSituational {
			parts = append(parts, T("ui.event.hand_in_without"))
		}
		if d.LateBySeconds > 0 {
			parts = append(parts, T("ui.event.hand_in_late", c.spanSeconds(d.LateBySeconds)))
		}
		if d.Forced != "" {
			parts = append(parts, T("ui.event.hand_in_forced", d.Forced))
		}
		return strings.Join(parts, "; ")
	case exam.OfferData:
		return T("ui.event.offered", c.clauseLabel(d.Clause), T("offer."+d.Reason, c.spanSeconds(d.Seconds)))
	case exam.DismissData:
		clause := ""
		if o, ok := entries[d.Offer]; ok {
			if od, err := exam.Decode[exam.OfferData](o); err == nil {
				clause = c.clauseLabel(od.Clause)
			}
		}
		return T("ui.event.dismissed", clause, d.Reason)
	case exam.ViolationData:
		return T("ui.event.violation", c.clauseLabel(d.Clause), T("decision."+d.Decision), d.AgreedBy, d.Description)
	case exam.CancelData:
		when := "--:--:--"
		if target, ok := entries[d.Seq]; ok {
			when = clockText(target.At)
		}
		text := T("ui.event.cancelled", when, c.eventName(d.Type), d.Reason)
		if d.AgreedBy != "" {
			text += T("ui.event.agreed_by", d.AgreedBy)
		}
		return text
	case exam.SeatChangedData:
		return T("ui.event.seat_changed", d.From, d.To, d.Reason)
	}
	switch ev.Type {
	case exam.TypeAbsent:
		return T("ui.event.absent")
	case exam.TypeTheoryIn:
		return T("ui.event.theory_in")
	case exam.TypeCodeOut:
		return T("ui.event.code_out")
	case exam.TypeCodeBack:
		return T("ui.event.code_back")
	}
	return c.eventName(ev.Type)
}

// groupDigits writes a code's digits in groups of four, as printed.
func groupDigits(s string) string {
	var b strings.Builder
	for i, r := range s {
		if i > 0 && i%4 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}
