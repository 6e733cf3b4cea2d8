package storetest

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"examday/barcode"
	"examday/exam"
	"examday/store"
)

// PIN is the chairman's PIN of a hall BuildDay makes.
const PIN = "2468"

// BuildDay creates a hall file at path with the given number of examinees
// and closes it: the chairman's PIN among the secrets, answer sheets
// printed and every present examinee's packet bound at the materials
// step, the start; then for every every-th examinee present the rest of
// the day — every theory sheet received, a break for some, the
// situational ticket, the Criminal Code out and back for some, a warning
// with the chairman's agreement for a few, the situational sheet received
// (which hands them in) — while the others are still writing; then jumps
// clock.jump events; and a language setting and an enrolment beside the
// log. Every bucket of the file holds something, and for a few hundred
// examinees the log, its signatures and tree, the examinees and the
// sheets each take many pages. Each step is one Do for every examinee it
// concerns, so the file is built in a second or two.
func BuildDay(tb testing.TB, path string, examinees, every, jumps int) {
	tb.Helper()
	s, err := store.Open(path, store.Options{Create: true, Program: "storetest"})
	if err != nil {
		tb.Fatalf("BuildDay: %v", err)
	}
	defer func() {
		if err := s.Close(); err != nil {
			tb.Fatalf("BuildDay: close: %v", err)
		}
	}()
	pinHash, err := exam.HashPIN(PIN)
	if err != nil {
		tb.Fatal(err)
	}
	at := Base
	now := func() time.Time { at = at.Add(time.Second); return at }
	roster := Roster(examinees)
	_, err = s.DoWithSecret(store.SecretChairmanPIN, pinHash, func(h *exam.Hall) ([]exam.Event, error) {
		return h.CreateHall(exam.HallSetup{
			Name: "Аудитория 214", Date: Base.Format(exam.DateLayout),
			Officer: Officer, Chairman: "Жұмабеков Қ. Т.", Members: []string{"Смирнова О. В.", "Omarov A."},
		}, roster, now(), Officer)
	})
	if err != nil {
		tb.Fatalf("BuildDay: creating the hall: %v", err)
	}
	agreement, ok := s.Hall().Agree(pinHash, PIN)
	if !ok {
		tb.Fatal("BuildDay: the PIN does not verify against its own hash")
	}

	// each records, in one Do, the events step gives for every examinee
	// it gives any for.
	each := func(what string, step func(h *exam.Hall, i int, e *exam.Examinee) ([]exam.Event, error)) {
		tb.Helper()
		_, err := s.Do(func(h *exam.Hall) ([]exam.Event, error) {
			var out []exam.Event
			for i, e := range h.Examinees() {
				evs, err := step(h, i, e)
				if err != nil {
					return nil, fmt.Errorf("examinee %s: %w", e.ID, err)
				}
				out = append(out, evs...)
			}
			return out, nil
		})
		if err != nil {
			tb.Fatalf("BuildDay: %s: %v", what, err)
		}
	}
	one := func(ev exam.Event, err error) ([]exam.Event, error) { return []exam.Event{ev}, err }
	present := func(e *exam.Examinee) bool { return e.Status != exam.Absent }
	sitting := func(i int, e *exam.Examinee) bool { return present(e) && i%every == 0 }

	// The codes are drawn from a seeded source, so that every file built
	// lays its records out alike (the key and its signatures are new).
	codes := rand.NewChaCha8([32]byte{'s', 't', 'o', 'r', 'e', 't', 'e', 's', 't'})
	if _, err := s.Do(func(h *exam.Hall) ([]exam.Event, error) {
		return h.PrintSheets(min(500, max(5, examinees/5)), false, codes, now(), Officer)
	}); err != nil {
		tb.Fatalf("BuildDay: printing the sheets: %v", err)
	}
	each("arrivals", func(h *exam.Hall, i int, e *exam.Examinee) ([]exam.Event, error) {
		if Absent(i) {
			return one(h.MarkAbsent(e.ID, now(), Officer))
		}
		return one(h.Arrive(e.ID, now(), Officer))
	})
	// Every packet is given to one examinee of its level: the first sheet
	// of each, by level, in the order printed.
	free := map[exam.Level][]barcode.Code{}
	for _, sh := range s.Hall().Sheets() {
		if !sh.Spare && sh.Question == 1 {
			free[sh.Level] = append(free[sh.Level], sh.Code)
		}
	}
	each("materials", func(h *exam.Hall, i int, e *exam.Examinee) ([]exam.Event, error) {
		if !present(e) {
			return nil, nil
		}
		code := free[e.Level()][0]
		free[e.Level()] = free[e.Level()][1:]
		return one(h.IssueMaterialsWithSheet(e.ID, fmt.Sprint(1+i%40), code, now(), Officer))
	})
	if _, err := s.Do(func(h *exam.Hall) ([]exam.Event, error) {
		proposed, err := h.ProposeStart()
		if err != nil {
			return nil, err
		}
		return one(h.StartExam(proposed, "", now(), Officer))
	}); err != nil {
		tb.Fatalf("BuildDay: the start: %v", err)
	}
	// receive takes back each present examinee's sheet of question q; the
	// last theory sheet hands the theory in, the situational one the
	// whole exam.
	receive := func(q func(e *exam.Examinee) int) func(h *exam.Hall, i int, e *exam.Examinee) ([]exam.Event, error) {
		return func(h *exam.Hall, i int, e *exam.Examinee) ([]exam.Event, error) {
			if !sitting(i, e) {
				return nil, nil
			}
			for _, sh := range h.SheetsOf(e.ID) {
				if sh.Question == q(e) {
					return h.ReceiveSheet(sh.Code, now(), Officer)
				}
			}
			return nil, nil
		}
	}
	for q := 1; q <= exam.TheoryQuestions(exam.Master); q++ {
		each(fmt.Sprintf("theory sheets %d", q), receive(func(e *exam.Examinee) int {
			if q > exam.TheoryQuestions(e.Level()) {
				return 0
			}
			return q
		}))
	}
	each("breaks", func(h *exam.Hall, i int, e *exam.Examinee) ([]exam.Event, error) {
		if !sitting(i, e) || i/every%3 != 0 {
			return nil, nil
		}
		return one(h.LeaveRoom(e.ID, false, "", now(), Officer))
	})
	each("returns", func(h *exam.Hall, i int, e *exam.Examinee) ([]exam.Event, error) {
		if e.Status != exam.OnBreak {
			return nil, nil
		}
		return h.ComeBack(e.ID, now(), Officer)
	})
	each("situational tickets", func(h *exam.Hall, i int, e *exam.Examinee) ([]exam.Event, error) {
		if !sitting(i, e) {
			return nil, nil
		}
		return one(h.DrawSituational(e.ID, fmt.Sprint(1+i%exam.MaxSituationalTicket), true, now(), Officer))
	})
	each("the Criminal Code out", func(h *exam.Hall, i int, e *exam.Examinee) ([]exam.Event, error) {
		if !sitting(i, e) || i/every%2 != 0 {
			return nil, nil
		}
		return one(h.HandOutCode(e.ID, now(), Officer))
	})
	each("the Criminal Code back", func(h *exam.Hall, i int, e *exam.Examinee) ([]exam.Event, error) {
		if !e.CodeOut {
			return nil, nil
		}
		return one(h.TakeBackCode(e.ID, now(), Officer))
	})
	each("warnings", func(h *exam.Hall, i int, e *exam.Examinee) ([]exam.Event, error) {
		if !sitting(i, e) || i/every%25 != 7 {
			return nil, nil
		}
		return one(h.RecordViolation(e.ID, exam.ViolationInput{Clause: "f", Description: "notes under the desk",
			Witnesses: "Смирнова О. В.", Decision: exam.DecisionWarned}, agreement, now(), Officer))
	})
	each("situational sheets", receive(func(e *exam.Examinee) int { return exam.TheoryQuestions(e.Level()) + 1 }))
	for left := jumps; left > 0; {
		n := min(EventsPerDo, left)
		if _, err := s.Do(func(h *exam.Hall) ([]exam.Event, error) {
			out := make([]exam.Event, n)
			for i := range out {
				var err error
				if out[i], err = h.ClockJumped(6*time.Second, time.Second, now()); err != nil {
					return nil, err
				}
			}
			return out, nil
		}); err != nil {
			tb.Fatalf("BuildDay: clock jumps: %v", err)
		}
		left -= n
	}
	if err := s.SetSetting("lang", "kk"); err != nil {
		tb.Fatal(err)
	}
	if err := s.SetEnrolment("https://central.example/", "examday-central/0+00000000+AAAA", "214", now()); err != nil {
		tb.Fatal(err)
	}
}

// Declined is the reason the examinees of the fixtures give for handing
// their situational sheet back blank.
const Declined = "declined the situational problem"

// HandBack receives a sheet as the fixtures' examinees hand it back: the
// situational sheet of someone who drew no situational ticket comes back
// blank, Declined (the officer's answer to the question ReceiveSheet
// asks); every other sheet is scanned.
func HandBack(h *exam.Hall, c barcode.Code, at time.Time, actor string) ([]exam.Event, error) {
	if s, ok := h.Sheet(c); ok && s.Situational() {
		if e, ok := h.Examinee(s.Examinee); ok && e.SituationalTicket == "" && e.Status.Sitting() {
			return h.ReceiveBlankSituational(c, Declined, at, actor)
		}
	}
	return h.ReceiveSheet(c, at, actor)
}
