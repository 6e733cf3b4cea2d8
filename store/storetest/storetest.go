// Package storetest builds hall files for tests and benchmarks: a roster of
// any size, and a hall file with a given number of examinees and events,
// made through the store's own Do so that every file it builds is one the
// store itself could have written.
package storetest

import (
	"fmt"
	"testing"
	"time"

	"examday/exam"
	"examday/store"
)

// Base is the instant the first event of a built hall is recorded at; each
// later event is Step after the one before.
var Base = time.Date(2027, 8, 12, 8, 0, 0, 0, time.UTC)

// Step is the time between two consecutive events of a built hall.
const Step = 10 * time.Millisecond

// Officer is the actor of the events a built hall's officer records.
const Officer = "Серікбаев Д."

// EventsPerDo is how many events BuildHall appends per Do: one fsync per
// thousand events makes a file of 100,000 events in seconds.
const EventsPerDo = 1000

// Names mix Kazakh, Russian and Latin spellings, so a roster exercises the
// letters a real hall has (Ә Ғ Қ Ң Ө Ұ Ү Һ І).
var (
	surnames = []string{
		"Әбілқайыр", "Нұрланұлы", "Қасымов", "Ғабдуллина", "Өтепов", "Ұлықбекова", "Үсенов",
		"Иванов", "Смирнова", "Кузнецов", "Петрова", "Seitkali", "Omarova", "Һашимов", "Іскендіров",
	}
	givenNames = []string{
		"Айгерім", "Ержан", "Мәдина", "Нұрсұлтан", "Ғалия", "Қуаныш", "Әлихан", "Іңкәр",
		"Дмитрий", "Анна", "Сергей", "Ольга", "Aruzhan", "Timur",
	}
)

// Roster returns n valid roster rows spread over every programme of §1.2,
// with unique ids, seats and identity documents.
func Roster(n int) []exam.RosterRow {
	progs := exam.Programmes()
	rows := make([]exam.RosterRow, n)
	for i := range rows {
		rows[i] = exam.RosterRow{
			ID:         fmt.Sprintf("E%06d", i+1),
			FullName:   surnames[i%len(surnames)] + " " + givenNames[(i/len(surnames))%len(givenNames)],
			Programme:  progs[i%len(progs)].Code,
			IDDocument: fmt.Sprintf("N%08d", 10000000+i*7),
			Seat:       fmt.Sprintf("%d-%02d", i/40+1, i%40+1), // row-place, 40 places a row
		}
	}
	return rows
}

// Absent reports whether examinee i (0-based) of a built hall is marked
// absent rather than present: every twentieth is.
func Absent(i int) bool { return i%20 == 19 }

// BuildHall creates a hall file at path with the given number of examinees
// and exactly events events, and closes it. The events are those of a real
// morning, in order, until the count is reached: hall.created and
// roster.imported; every examinee arrived or absent; materials for every
// present examinee; exam.started; then clock.jump events as padding. A
// count too small for a stage stops in the middle of it.
func BuildHall(tb testing.TB, path string, examinees, events int) {
	tb.Helper()
	if examinees < 1 || events < 2 {
		tb.Fatalf("BuildHall: need at least 1 examinee and 2 events, got %d and %d", examinees, events)
	}
	s, err := store.Open(path, store.Options{Create: true, Program: "storetest"})
	if err != nil {
		tb.Fatalf("BuildHall: %v", err)
	}
	defer func() {
		if err := s.Close(); err != nil {
			tb.Fatalf("BuildHall: close: %v", err)
		}
	}()

	b := &builder{tb: tb, s: s, left: events}
	roster := Roster(examinees)
	b.do(func(h *exam.Hall, at func() time.Time) ([]exam.Event, error) {
		return h.CreateHall(exam.HallSetup{
			Name: "Аудитория 214", Date: Base.Format(exam.DateLayout),
			Officer: Officer, Chairman: "Жұмабеков Қ. Т.", Members: []string{"Смирнова О. В.", "Omarov A."},
		}, roster, at(), Officer)
	}, 2)

	// One stage per loop: each Do takes up to EventsPerDo of what is left.
	for from := 0; from < examinees && b.left > 0; {
		n := min(EventsPerDo, examinees-from, b.left)
		b.do(func(h *exam.Hall, at func() time.Time) ([]exam.Event, error) {
			out := make([]exam.Event, 0, n)
			for i := from; i < from+n; i++ {
				mark := h.Arrive
				if Absent(i) {
					mark = h.MarkAbsent
				}
				ev, err := mark(roster[i].ID, at(), Officer)
				if err != nil {
					return nil, err
				}
				out = append(out, ev)
			}
			return out, nil
		}, n)
		from += n
	}
	var present []int
	for i := range examinees {
		if !Absent(i) {
			present = append(present, i)
		}
	}
	for from := 0; from < len(present) && b.left > 0; {
		n := min(EventsPerDo, len(present)-from, b.left)
		b.do(func(h *exam.Hall, at func() time.Time) ([]exam.Event, error) {
			out := make([]exam.Event, 0, n)
			for _, i := range present[from : from+n] {
				ev, err := h.IssueMaterials(roster[i].ID, fmt.Sprintf("%d", 1+i%40), "", at(), Officer)
				if err != nil {
					return nil, err
				}
				out = append(out, ev)
			}
			return out, nil
		}, n)
		from += n
	}
	if b.left > 0 {
		b.do(func(h *exam.Hall, at func() time.Time) ([]exam.Event, error) {
			proposed, err := h.ProposeStart()
			if err != nil {
				return nil, err
			}
			ev, err := h.StartExam(proposed, "", at(), Officer)
			return []exam.Event{ev}, err
		}, 1)
	}
	for b.left > 0 {
		n := min(EventsPerDo, b.left)
		b.do(func(h *exam.Hall, at func() time.Time) ([]exam.Event, error) {
			out := make([]exam.Event, n)
			for i := range out {
				var err error
				out[i], err = h.ClockJumped(6*time.Second, time.Second, at())
				if err != nil {
					return nil, err
				}
			}
			return out, nil
		}, n)
	}
}

type builder struct {
	tb   testing.TB
	s    *store.Store
	left int // events still to append
	seq  int // events appended so far, for the next instant
}

// do appends the events decide returns, which must be exactly want.
func (b *builder) do(decide func(h *exam.Hall, at func() time.Time) ([]exam.Event, error), want int) {
	b.tb.Helper()
	next := b.seq
	at := func() time.Time {
		t := Base.Add(time.Duration(next) * Step)
		next++
		return t
	}
	recs, err := b.s.Do(func(h *exam.Hall) ([]exam.Event, error) { return decide(h, at) })
	if err != nil {
		b.tb.Fatalf("BuildHall: after %d events: %v", b.seq, err)
	}
	if len(recs) != want {
		b.tb.Fatalf("BuildHall: after %d events: appended %d, want %d", b.seq, len(recs), want)
	}
	b.seq += len(recs)
	b.left -= len(recs)
}
