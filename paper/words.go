package paper

import (
	"fmt"
	"strings"
	"time"

	"examday/exam"
	"examday/i18n"
)

// words puts a report's facts into one language: what the CSV and the PDF
// both say, said once.
type words struct {
	cat  i18n.Catalogue
	zone *time.Location
}

func newWords(r Report, cat i18n.Catalogue) words {
	zone := r.Zone
	if zone == nil {
		zone = time.Local
	}
	return words{cat: cat, zone: zone}
}

func (w words) t(key string, args ...any) string { return w.cat.T(key, args...) }

// clock is a time of day on the laptop's clock, "" for no time.
func (w words) clock(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(w.zone).Format("15:04:05")
}

// dateTime is a date and a time of day, for the one instant that may fall
// on another day than the exam: the report's own generation. This is the
// CSV's, ISO-ordered for scripts; the PDF's is printedDateTime.
func (w words) dateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(w.zone).Format("2006-01-02 15:04:05")
}

// printedDateTime is dateTime as the paper writes it: the date as
// DD.MM.YYYY, the time HH:MM:SS.
func (w words) printedDateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(w.zone).Format("02.01.2006 15:04:05")
}

// zoneName is the laptop's offset from UTC at t, "UTC+05:00".
func (w words) zoneName(t time.Time) string {
	return "UTC" + t.In(w.zone).Format("-07:00")
}

// duration is a length of time as H:MM:SS, which a spreadsheet reads as a
// duration and nobody takes for a time of day.
func duration(d time.Duration) string {
	d = d.Round(time.Second)
	sign := ""
	if d < 0 {
		sign, d = "-", -d
	}
	s := int64(d / time.Second)
	return fmt.Sprintf("%s%d:%02d:%02d", sign, s/3600, s/60%60, s%60)
}

// signed is a duration with its sign always shown: a clock jump.
func signed(d time.Duration) string {
	if d >= 0 {
		return "+" + duration(d)
	}
	return duration(d)
}

// nonZero is duration(d), or "" for none.
func nonZero(d time.Duration) string {
	if d <= 0 {
		return ""
	}
	return duration(d)
}

// keyed is the catalogue's text for prefix+code, or code itself if the
// catalogue has none (a code from a newer examday).
func (w words) keyed(prefix, code string) string {
	if code == "" {
		return ""
	}
	if !i18n.Has(prefix + code) {
		return code
	}
	return w.t(prefix + code)
}

// wrongPIN is a wrong PIN in words: when, for what, and the lock it
// started.
func (w words) wrongPIN(x WrongPIN) string {
	text := w.t("paper.pin.wrong", w.clock(x.At), w.keyed("paper.pin.purpose.", x.Purpose))
	if !x.LockedUntil.IsZero() {
		text += " — " + w.t("paper.pin.locked", x.Lock, w.clock(x.LockedUntil))
	}
	return text
}

func (w words) status(s exam.Status) string { return w.keyed("status.", string(s)) }
func (w words) programme(code string) string {
	return w.keyed("programme.", code)
}
func (w words) clause(c string) string    { return w.keyed("violation.", c) }
func (w words) decision(d string) string  { return w.keyed("decision.", d) }
func (w words) kind(k string) string      { return w.keyed("interruption.", k) }
func (w words) eventType(t string) string { return w.keyed("paper.event.", t) }
func (w words) phase(p exam.Phase) string { return w.keyed("phase.", string(p)) }

func (w words) who(x Who) string {
	if x.FullName == "" {
		return x.ID
	}
	return w.t("paper.who", x.FullName, x.Seat)
}

func (w words) yes(b bool) string {
	if b {
		return w.t("paper.yes")
	}
	return ""
}

func (w words) arrived(x Examinee) string {
	if x.Absent {
		return w.t("paper.absent")
	}
	return w.clock(x.Arrived)
}

func (w words) medical(x Examinee) string {
	parts := make([]string, len(x.MedicalExits))
	for i, m := range x.MedicalExits {
		back := w.clock(m.Back)
		if back == "" {
			back = w.t("paper.not_back")
		}
		parts[i] = w.clock(m.Out) + "–" + back + ": " + m.Reason
	}
	return strings.Join(parts, "; ")
}

func (w words) codeBack(x Examinee) string {
	if x.CodeStillOut {
		return w.t("paper.code_not_back")
	}
	return w.clock(x.CodeBack)
}

func (w words) offerReason(o Offer) string {
	if !i18n.Has("offer." + o.Reason) {
		return o.Reason
	}
	return w.t("offer."+o.Reason, duration(o.Over))
}

func (w words) fate(o Offer) string {
	switch o.Fate {
	case OfferConfirmed:
		return w.t("paper.fate.confirmed", o.FateSeq)
	case OfferDismissed:
		return w.t("paper.fate.dismissed", o.Dismissed)
	case OfferReopened:
		return w.t("paper.fate.reopened", o.FateSeq, o.CancelledBy)
	}
	return w.t("paper.fate.open")
}

func (w words) cancelledEntry(c Correction) string {
	return w.t("paper.c.entry", c.Cancelled, w.eventType(c.CancelledType))
}

func (w words) warning(x Warning) string {
	s := w.t("paper.hall.warning_value", x.MinutesLeft, w.clock(x.At))
	if x.LateBy > 0 {
		s += " (" + w.t("paper.hall.warning_late", duration(x.LateBy)) + ")"
	}
	return s
}

// outstanding says one unsettled item. Its instants are shown in the
// report's zone, as every other time on it.
func (w words) outstanding(o exam.Outstanding) string {
	args := make([]any, len(o.Args))
	for i, a := range o.Args {
		if t, ok := a.(time.Time); ok {
			a = w.clock(t)
		}
		args[i] = a
	}
	return w.t(o.Key, args...)
}

func (w words) closed(h Hall) string {
	if h.ClosedAt.IsZero() {
		return w.t("paper.hall.not_closed")
	}
	return w.clock(h.ClosedAt)
}

func (w words) interruptionEnd(i Interruption) string {
	if i.End.IsZero() {
		return w.t("paper.i.not_ended")
	}
	return w.clock(i.End)
}

// reasonOrNone is a reason as the officer gave it, or words saying none
// is on record (a file from before the reason was asked).
func (w words) reasonOrNone(reason string) string {
	if reason == "" {
		return w.t("paper.no_reason_recorded")
	}
	return reason
}

// seatChanges are an examinee's moves to another seat, in order.
func (w words) seatChanges(x Examinee) string {
	parts := make([]string, len(x.SeatChanges))
	for i, m := range x.SeatChanges {
		parts[i] = w.t("paper.seat_change", m.From, m.To, w.clock(m.At), m.Why)
	}
	return strings.Join(parts, "; ")
}

// withoutSituational is a hand-in without the situational problem, with
// its reason when one is on record.
func (w words) withoutSituational(x Examinee) string {
	if x.WithoutSituationalReason == "" {
		return w.t("paper.without_situational")
	}
	return w.t("paper.without_situational_reason", x.WithoutSituationalReason)
}
