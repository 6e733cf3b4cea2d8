//go:build linux

package tui

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"examday/barcode"
	"examday/exam"
	"examday/store"
)

// A busy laptop's scanner at the materials step, through a real terminal:
// the built binary on a pseudo-terminal, the CPU kept busy by spinning
// goroutines on every core, and for each examinee the officer's keys (m,
// the ticket number typed at a person's pace) and then the packet's
// sheet scanned key by key with gaps drawn at random between 5 and 60 ms,
// then Enter to record. Every scan must land as a scan: each examinee's
// ticket is the number typed and their packet the one scanned — no code,
// and no part of one, ever typed into the ticket field.
func TestScansWithUnevenGapsUnderLoadNeverLandInTheTicketField(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and types for half a minute")
	}
	dir := t.TempDir()
	bin := buildExamday(t, dir)
	const n = 24
	path, packets := materialsHall(t, dir, n)

	// The load: a spinning goroutine per core, for as long as the test types.
	var stop atomic.Bool
	defer stop.Store(true)
	for range runtime.NumCPU() {
		go func() {
			x := 0
			for !stop.Load() {
				x++
			}
			_ = x
		}()
	}

	run := startOnPTY(t, bin, dir, path, 100, 30)
	master, term, exited := run.master, run.term, run.exited
	if !term.waitFor(func() bool { return strings.Contains(string(term.out), "Packets 24") }, 20*time.Second) {
		t.Fatalf("no first frame:\n%q", term.tail())
	}
	write := func(s string) {
		if _, err := master.Write([]byte(s)); err != nil {
			t.Fatal(err)
		}
	}
	rng := rand.New(rand.NewPCG(20261203, 17))
	layouts := []string{"us", "ru", "kz"}
	var gaps []time.Duration
	// Each step waits for the screen to answer it, never for a fixed
	// time: the machine is busy on purpose.
	mark := 0
	waitScreen := func(want string) {
		t.Helper()
		ok := term.waitFor(func() bool {
			return strings.Contains(string(term.out[min(mark, len(term.out)):]), want)
		}, 20*time.Second)
		if !ok {
			t.Fatalf("the screen never said %q:\n%q", want, term.tail())
		}
		term.mu.Lock()
		mark = len(term.out)
		term.mu.Unlock()
	}
	for i := range n {
		name := fmt.Sprintf("Examinee %03d", i+1)
		if i == 0 {
			write("\x1b[H") // Home: the first row
		} else {
			write("\x1b[B") // Down: the next examinee
		}
		time.Sleep(100 * time.Millisecond)
		write("m")
		waitScreen("Issue materials: " + name)
		for _, r := range fmt.Sprint(i + 1) { // the ticket, at a person's pace
			write(string(r))
			time.Sleep(180 * time.Millisecond)
		}
		time.Sleep(300 * time.Millisecond)
		for _, r := range barcode.Keystrokes(packets[i], layouts[i%3]) {
			write(string(r))
			g := time.Duration(5+rng.IntN(56)) * time.Millisecond
			gaps = append(gaps, g)
			time.Sleep(g)
		}
		write("\r") // the scanner's Enter
		// An accepted scan rings the bell once; a scan typed into the
		// field rings none, and is counted when the file is read.
		term.waitFor(func() bool { return term.bells >= i+1 }, 5*time.Second)
		time.Sleep(200 * time.Millisecond)
		write("\r") // the officer's: record
		// The screen draws only what changed, so the status line's words
		// cannot be waited for whole; the commit is milliseconds.
		time.Sleep(800 * time.Millisecond)
	}
	stop.Store(true)
	write("\x1b") // Esc: a dialog a refusal left open
	time.Sleep(300 * time.Millisecond)
	write("q")
	select {
	case <-exited:
	case <-time.After(10 * time.Second):
		t.Fatalf("examday did not quit:\n%q", term.tail())
	}

	s, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	h := s.Hall()
	asScans, intoField := 0, 0
	for i, e := range h.Examinees() {
		switch {
		case e.Ticket == fmt.Sprint(i+1) && e.Packet == packets[i].String():
			asScans++
		default:
			intoField++
			t.Errorf("%s: ticket %q, packet %q; want ticket %d and packet %s", e.ID, e.Ticket, e.Packet, i+1, packets[i])
		}
	}
	slowest := time.Duration(0)
	for _, g := range gaps {
		slowest = max(slowest, g)
	}
	t.Logf("%d scans sent (gaps 5–%v, %d cores spinning): %d taken as scans, %d typed into a field", n, slowest, runtime.NumCPU(), asScans, intoField)
}

// materialsHall is a hall of n master's examinees, all present, the
// sheets printed and nobody's materials issued yet, started by no one:
// the materials step ahead. It returns the file and, for each examinee,
// the first sheet of a packet of their own.
func materialsHall(t *testing.T, dir string, n int) (string, []barcode.Code) {
	t.Helper()
	s, err := store.Open(filepath.Join(dir, "materials.db"), store.Options{Create: true, Program: "tui test"})
	if err != nil {
		t.Fatal(err)
	}
	roster := make([]exam.RosterRow, n)
	for i := range roster {
		roster[i] = exam.RosterRow{ID: fmt.Sprintf("M-%03d", i+1), FullName: fmt.Sprintf("Examinee %03d", i+1),
			Programme: "7M04203", IDDocument: fmt.Sprintf("N%08d", i+1), Seat: fmt.Sprint(i + 1)}
	}
	t0 := time.Now().Add(-10 * time.Minute)
	if _, err := s.DoWithSecret(store.SecretChairmanPIN, pinHash(), func(h *exam.Hall) ([]exam.Event, error) {
		return h.CreateHall(exam.HallSetup{Name: "Packets 24", Date: t0.Format(exam.DateLayout), Officer: officer, Chairman: chairman}, roster, t0, officer)
	}); err != nil {
		t.Fatal(err)
	}
	rng := rand.NewChaCha8([32]byte{30})
	rec(t, s, func(h *exam.Hall) ([]exam.Event, error) { return h.PrintSheets(0, false, rng, t0, officer) })
	d := decode[exam.SheetsPrintedData](t, ofType(events(t, s), exam.TypeSheetsPrinted)[0])
	rec(t, s, func(h *exam.Hall) ([]exam.Event, error) {
		var out []exam.Event
		for _, r := range roster {
			ev, err := h.Arrive(r.ID, t0, officer)
			if err != nil {
				return nil, err
			}
			out = append(out, ev)
		}
		return out, nil
	})
	codes := make([]barcode.Code, n)
	for i := range codes {
		codes[i] = d.Packets[i].Codes[0]
	}
	path := s.Path()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path, codes
}
