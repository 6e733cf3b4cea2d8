package tui

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"examday/barcode"
	"examday/exam"
	"examday/i18n"
	"examday/store"
)

// bigSheetsHall is a hall of n master's examinees, every one present with
// a packet of four sheets bound, created at t0 and started half an hour
// later: 4n sheets given out. It returns the store and every sheet's code.
func bigSheetsHall(t testing.TB, dir string, n int, t0 time.Time) (*store.Store, []barcode.Code) {
	t.Helper()
	s, err := store.Open(filepath.Join(dir, "big.db"), store.Options{Create: true, Program: "tui test"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	roster := make([]exam.RosterRow, n)
	for i := range roster {
		roster[i] = exam.RosterRow{ID: fmt.Sprintf("M-%03d", i+1), FullName: fmt.Sprintf("Examinee %03d", i+1),
			Programme: "7M04203", IDDocument: fmt.Sprintf("N%08d", i+1), Seat: fmt.Sprint(i + 1)}
	}
	at0, issued, started := t0, t0.Add(29*time.Minute), t0.Add(30*time.Minute)
	_, err = s.DoWithSecret(store.SecretChairmanPIN, pinHash(), func(h *exam.Hall) ([]exam.Event, error) {
		return h.CreateHall(exam.HallSetup{Name: "Hall 250", Date: t0.Format(exam.DateLayout), Officer: officer, Chairman: chairman}, roster, at0, officer)
	})
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.NewChaCha8([32]byte{250})
	rec(t, s, func(h *exam.Hall) ([]exam.Event, error) { return h.PrintSheets(0, false, rng, at0, officer) })
	d := decode[exam.SheetsPrintedData](t, ofType(events(t, s), exam.TypeSheetsPrinted)[0])
	rec(t, s, func(h *exam.Hall) ([]exam.Event, error) {
		var out []exam.Event
		for _, r := range roster {
			ev, err := h.Arrive(r.ID, at0, officer)
			if err != nil {
				return nil, err
			}
			out = append(out, ev)
		}
		return out, nil
	})
	// One decision for all: each examinee their own packet, so none is
	// checked against another's binding.
	rec(t, s, func(h *exam.Hall) ([]exam.Event, error) {
		var out []exam.Event
		for i, r := range roster {
			ev, err := h.IssueMaterialsWithSheet(r.ID, "1", d.Packets[i].Codes[0], issued, officer)
			if err != nil {
				return nil, err
			}
			out = append(out, ev)
		}
		return out, nil
	})
	rec1(t, s, func(h *exam.Hall) (exam.Event, error) {
		return h.StartExam(issued, "", started, officer)
	})
	// Every examinee has handed the theory in by the keys and drawn a
	// situational ticket (§1.5–§1.6), so that a stack in any order is
	// only scans: no situational sheet asks what happened to its ticket.
	rec(t, s, func(h *exam.Hall) ([]exam.Event, error) {
		var out []exam.Event
		for _, r := range roster {
			in, err := h.HandTheoryIn(r.ID, started.Add(time.Minute), officer)
			if err != nil {
				return nil, err
			}
			out = append(out, in)
		}
		return out, nil
	})
	rec(t, s, func(h *exam.Hall) ([]exam.Event, error) {
		var out []exam.Event
		for _, r := range roster {
			ev, err := h.DrawSituational(r.ID, "1", true, started.Add(2*time.Minute), officer)
			if err != nil {
				return nil, err
			}
			out = append(out, ev)
		}
		return out, nil
	})
	var codes []barcode.Code
	for _, p := range d.Packets {
		codes = append(codes, p.Codes...)
	}
	return s, codes
}

// A thousand scans typed into the running program as keystroke bursts,
// key by key 5–10 ms apart, on the US, Russian and Kazakh layouts, ending
// with Enter or Tab, in a random order: every sheet is received exactly
// once, no scan is split or refused, and nothing is left typed anywhere.
func TestThousandScansAreEachReceivedOnce(t *testing.T) {
	s, codes := bigSheetsHall(t, t.TempDir(), 250, at("08:30:00"))
	if len(codes) != 1000 {
		t.Fatalf("%d sheets", len(codes))
	}
	order := append([]barcode.Code(nil), codes...)
	shuffle := rand.New(rand.NewPCG(1, 2))
	shuffle.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })

	a := run(t, s, newClock("10:00:00"), i18n.EN, 80, 24)
	layouts := []string{"us", "kz", "ru"}
	terms := []string{"enter", "enter", "tab"}
	start := time.Now()
	go func() {
		for i, code := range order {
			a.burst(barcode.Keystrokes(code, layouts[i%3]), terms[i%3])
		}
	}()
	seen := map[barcode.Code]int{}
	for range order {
		m := a.waitScanned()
		if m.err != nil {
			t.Fatalf("scan of %s refused: %v", m.code.Grouped(), m.err)
		}
		seen[m.code]++
	}
	t.Logf("1000 scans typed and committed in %v", time.Since(start).Round(time.Millisecond))
	m := a.final()

	got := received(t, s)
	if len(got) != len(codes) {
		t.Errorf("%d sheet.received events, want %d", len(got), len(codes))
	}
	inLog := map[barcode.Code]int{}
	for _, c := range got {
		inLog[c]++
	}
	for _, c := range codes {
		if inLog[c] != 1 || seen[c] != 1 {
			t.Errorf("sheet %s: %d in the log, %d answers", c.Grouped(), inLog[c], seen[c])
		}
	}
	if len(m.burst.keys) != 0 || m.typed != "" || m.dialog != nil || m.active != pageDashboard {
		t.Errorf("left over: %d keys held, typed %q, dialog %T, page %d", len(m.burst.keys), m.typed, m.dialog, m.active)
	}
	if short := m.ctx.Hall.Shortfall(); len(short) != 0 {
		t.Errorf("%d sheets still out", len(short))
	}
}
