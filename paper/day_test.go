package paper_test

import (
	"path/filepath"
	"testing"
	"time"

	"examday/exam"
	"examday/store"
)

// The test hall sits in Almaty's zone, UTC+5, with no daylight saving;
// its events are stored in UTC. Every time the report shows is local.
var (
	almaty = time.FixedZone("UTC+5", 5*3600)
	// t0 is 08:00 local on the exam day.
	t0 = time.Date(2027, 8, 12, 3, 0, 0, 0, time.UTC)
	// generated is when the test's reports are made.
	generated = time.Date(2027, 8, 12, 12, 5, 0, 0, almaty)
)

func at(d time.Duration) time.Time { return t0.Add(d) }

const (
	officer  = "Серікбаев Д."
	chairman = "Жұмабеков Қ. Т."
	pin      = "2468"
)

var hallSetup = exam.HallSetup{
	Name: "Аудитория 214", Date: "2027-08-12", Officer: officer, Chairman: chairman,
	Members: []string{"Смирнова О. В.", "Omarov A."},
}

// The roster spells every letter of Kazakh that Russian lacks: Ә Ғ Қ Ң Ө
// Ұ Ү Һ І.
var roster = []exam.RosterRow{
	{ID: "K1", FullName: "Әлия Қасымқызы Нұрланова", Programme: "7M04203", IDDocument: "N04512837", Seat: "1"},
	{ID: "R1", FullName: "Иван Сергеевич Петров", Programme: "7M12301", IDDocument: "N05128846", Seat: "2"},
	{ID: "D1", FullName: "Құралай Һадиқызы Үсенова", Programme: "8D04201", IDDocument: "N09937261", Seat: "3"},
	{ID: "D2", FullName: "Ғалым Өмірзақұлы Сәрсенбаев", Programme: "8D12301", IDDocument: "N07745012", Seat: "4"},
	{ID: "K3", FullName: "Іңкәр Ерланқызы Мұхамедиярова", Programme: "7M12303", IDDocument: "N05573619", Seat: "5"},
	{ID: "L1", FullName: "Madina Kairatovna Ibraeva", Programme: "7M04203", IDDocument: "N06681347", Seat: "6"},
}

// day is a hall file being written through the store, the way the
// application writes it.
type day struct {
	t     *testing.T
	s     *store.Store
	agree exam.Agreement
}

func newDay(t *testing.T) *day {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "hall.db"), store.Options{Create: true, Program: "paper test"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	hash, err := exam.HashPIN(pin)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.DoWithSecret(store.SecretChairmanPIN, hash, func(h *exam.Hall) ([]exam.Event, error) {
		return h.CreateHall(hallSetup, roster, t0, officer)
	}); err != nil {
		t.Fatal(err)
	}
	// The chairman types the PIN once; the agreement is checked against the
	// hash the store keeps, as on the laptop.
	agree, ok := s.Hall().Agree(s.Secret(store.SecretChairmanPIN), pin)
	if !ok {
		t.Fatal("the chairman's PIN does not verify")
	}
	return &day{t: t, s: s, agree: agree}
}

// do records one decision and returns the records it appended.
func (d *day) do(decide func(h *exam.Hall) ([]exam.Event, error)) []store.Record {
	d.t.Helper()
	recs, err := d.s.Do(decide)
	if err != nil {
		d.t.Fatalf("refused: %v", err)
	}
	return recs
}

// one records a decision that returns a single event, and returns its seq.
func (d *day) one(decide func(h *exam.Hall) (exam.Event, error)) uint64 {
	d.t.Helper()
	recs := d.do(func(h *exam.Hall) ([]exam.Event, error) {
		ev, err := decide(h)
		return []exam.Event{ev}, err
	})
	return recs[0].Event.Seq
}

func (d *day) records() []store.Record {
	d.t.Helper()
	var out []store.Record
	if err := d.s.Events(1, func(r store.Record) error { out = append(out, r); return nil }); err != nil {
		d.t.Fatal(err)
	}
	return out
}

// seqs are the numbers of the entries the tests look for.
type seqs struct {
	mistakenTheory, correction  uint64
	breakOffer, breakViolation  uint64
	removal                     uint64
	lateOfferR1, dismissal      uint64
	lateOfferL1, interruptStart uint64
}

// fullDay is the whole day of the test hall, in order:
//
//	08:05–08:09:30  arrivals; D1 and L1 absent
//	08:10–08:13     materials to K1 (ticket 17), R1 (5), D2 (9), K3 (21)
//	08:14           start confirmed at 08:12:30, corrected from the proposed 08:13:00
//	08:20           L1 admitted late (chairman), materials 08:21 (ticket 30)
//	08:40–08:55     R1 out for emergency medical care: nosebleed
//	09:10           D2's theory "handed in" by mistake; 09:11 cancelled
//	09:30           K1 theory in; break 09:31–09:43: 2 minutes over, offered (d)
//	09:35           D2 theory in, for real
//	09:40           K3 removed: smartphone (a), phone confiscated
//	09:44           K1's overrun confirmed as a violation, warned (chairman)
//	09:45–10:15     R1 theory in, situational 7, Criminal Code out
//	09:50–10:30     K1 situational 3, Code out 09:51, back 10:30
//	10:00–10:15     power cut: the end moves from 11:12:30 to 11:27:30
//	10:20           D2 hands in without the situational problem
//	10:25           the system clock jumps 60 s
//	10:30–10:32     L1 theory in, situational 11, Criminal Code out
//	10:40           K1 hands in
//	10:57:30, 11:12:30, 11:22:30  warnings at 30, 15, 5 minutes
//	11:25           R1 returns the Code
//	11:27:30        time is up
//	11:29:30        L1 hands in 2:00 late, forced without the Code back:
//	                offered (i), left open
//	11:31:30        R1 hands in 4:00 late: offered (i); 11:33 dismissed
//	11:40           the hall is closed, L1's Code and open offer acknowledged
func fullDay(t *testing.T) (*day, seqs) {
	d := newDay(t)
	var n seqs
	m := time.Minute
	for i, id := range []string{"K1", "R1", "D2", "K3"} {
		d.one(func(h *exam.Hall) (exam.Event, error) { return h.Arrive(id, at(time.Duration(5+i)*m), officer) })
	}
	d.one(func(h *exam.Hall) (exam.Event, error) { return h.MarkAbsent("D1", at(9*m), officer) })
	d.one(func(h *exam.Hall) (exam.Event, error) { return h.MarkAbsent("L1", at(9*m+30*time.Second), officer) })
	for i, x := range []struct{ id, ticket string }{{"K1", "17"}, {"R1", "5"}, {"D2", "9"}, {"K3", "21"}} {
		d.one(func(h *exam.Hall) (exam.Event, error) {
			return h.IssueMaterials(x.id, x.ticket, "", at(time.Duration(10+i)*m), officer)
		})
	}
	d.one(func(h *exam.Hall) (exam.Event, error) {
		return h.StartExam(at(12*m+30*time.Second), "the last ticket was handed out before it was recorded", at(14*m), officer)
	})
	d.one(func(h *exam.Hall) (exam.Event, error) { return h.AdmitLate("L1", d.agree, at(20*m), officer) })
	d.one(func(h *exam.Hall) (exam.Event, error) { return h.IssueMaterials("L1", "30", "", at(21*m), officer) })

	d.one(func(h *exam.Hall) (exam.Event, error) { return h.LeaveRoom("R1", true, "nosebleed", at(40*m), officer) })
	d.do(func(h *exam.Hall) ([]exam.Event, error) { return h.ComeBack("R1", at(55*m), officer) })

	n.mistakenTheory = d.one(func(h *exam.Hall) (exam.Event, error) { return h.HandTheoryIn("D2", at(70*m), officer) })
	n.correction = d.one(func(h *exam.Hall) (exam.Event, error) {
		target, err := d.s.Event(n.mistakenTheory)
		if err != nil {
			return exam.Event{}, err
		}
		return h.Cancel(target, "the sheets of seat 5 were scanned under seat 4", nil, d.s.History(), at(71*m), officer)
	})

	d.one(func(h *exam.Hall) (exam.Event, error) { return h.HandTheoryIn("K1", at(90*m), officer) })
	d.one(func(h *exam.Hall) (exam.Event, error) { return h.LeaveRoom("K1", false, "", at(91*m), officer) })
	d.one(func(h *exam.Hall) (exam.Event, error) { return h.HandTheoryIn("D2", at(95*m), officer) })
	n.removal = d.one(func(h *exam.Hall) (exam.Event, error) {
		return h.RecordViolation("K3", exam.ViolationInput{
			Clause: "a", Description: "used a smartphone during the theoretical part",
			Witnesses: "Omarov A., Смирнова О. В.", ActionTaken: "phone confiscated", Decision: exam.DecisionRemoved,
		}, d.agree, at(100*m), officer)
	})
	back := d.do(func(h *exam.Hall) ([]exam.Event, error) { return h.ComeBack("K1", at(103*m), officer) })
	if len(back) != 2 || back[1].Event.Type != exam.TypeViolationOffered {
		t.Fatalf("a 12-minute break offered no violation (d): %+v", back)
	}
	n.breakOffer = back[1].Event.Seq
	n.breakViolation = d.one(func(h *exam.Hall) (exam.Event, error) {
		return h.RecordViolation("K1", exam.ViolationInput{
			Clause: "d", Description: "came back two minutes after the 10-minute break",
			Witnesses: "Смирнова О. В.", Decision: exam.DecisionWarned, Offer: n.breakOffer,
		}, d.agree, at(104*m), officer)
	})

	d.one(func(h *exam.Hall) (exam.Event, error) { return h.HandTheoryIn("R1", at(105*m), officer) })
	d.one(func(h *exam.Hall) (exam.Event, error) { return h.DrawSituational("K1", "3", false, at(110*m), officer) })
	d.one(func(h *exam.Hall) (exam.Event, error) { return h.HandOutCode("K1", at(111*m), officer) })
	d.one(func(h *exam.Hall) (exam.Event, error) { return h.DrawSituational("R1", "7", false, at(112*m), officer) })
	d.one(func(h *exam.Hall) (exam.Event, error) { return h.HandOutCode("R1", at(113*m), officer) })

	n.interruptStart = d.one(func(h *exam.Hall) (exam.Event, error) {
		return h.StartInterruption(exam.InterruptPowerCut, "power cut in the building", d.agree, at(120*m), officer)
	})
	d.one(func(h *exam.Hall) (exam.Event, error) { return h.EndInterruption(d.agree, at(135*m), officer) })

	d.do(func(h *exam.Hall) ([]exam.Event, error) {
		return h.HandInWithoutSituational("D2", "отказался от ситуационной задачи", at(140*m), officer)
	})
	d.one(func(h *exam.Hall) (exam.Event, error) { return h.ClockJumped(65*time.Second, 5*time.Second, at(145*m)) })
	d.one(func(h *exam.Hall) (exam.Event, error) { return h.TakeBackCode("K1", at(150*m), officer) })
	d.one(func(h *exam.Hall) (exam.Event, error) { return h.HandTheoryIn("L1", at(150*m), officer) })
	d.one(func(h *exam.Hall) (exam.Event, error) {
		return h.DrawSituational("L1", "11", false, at(151*m), officer)
	})
	d.one(func(h *exam.Hall) (exam.Event, error) { return h.HandOutCode("L1", at(152*m), officer) })
	d.do(func(h *exam.Hall) ([]exam.Event, error) { return h.HandIn("K1", "", at(160*m), officer) })

	end := at(12*m + 30*time.Second + 3*time.Hour + 15*m)
	for _, mark := range []time.Duration{30, 15, 5} {
		d.do(func(h *exam.Hall) ([]exam.Event, error) { return h.DueClockEvents(end.Add(-mark * m)), nil })
	}
	d.one(func(h *exam.Hall) (exam.Event, error) {
		return h.TakeBackCode("R1", end.Add(-150*time.Second), officer)
	})
	d.do(func(h *exam.Hall) ([]exam.Event, error) { return h.DueClockEvents(end), nil })

	late := d.do(func(h *exam.Hall) ([]exam.Event, error) {
		return h.HandIn("L1", "left in a hurry; the Code is not on the desk", end.Add(2*m), officer)
	})
	n.lateOfferL1 = late[1].Event.Seq
	late = d.do(func(h *exam.Hall) ([]exam.Event, error) { return h.HandIn("R1", "", end.Add(4*m), officer) })
	if len(late) != 2 {
		t.Fatalf("a hand-in 4 minutes late offered no violation (i): %+v", late)
	}
	n.lateOfferR1 = late[1].Event.Seq
	n.dismissal = d.one(func(h *exam.Hall) (exam.Event, error) {
		return h.DismissOffer(n.lateOfferR1, "the hall's wall clock was 4 minutes behind; the commission saw it", d.agree, end.Add(5*m+30*time.Second), officer)
	})
	d.one(func(h *exam.Hall) (exam.Event, error) { return h.CloseHall(true, at(220*m), officer) })
	return d, n
}
