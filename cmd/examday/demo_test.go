package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"examday/exam"
	"examday/store"
	"examday/store/storetest"
)

// firstEventData is the data of the first event of the log at db, as
// `examday events --json` prints it.
func firstEventData(t *testing.T, db string) map[string]any {
	t.Helper()
	code, out, errOut := runCLI(t, "", "events", "--json", "--db", db)
	if code != 0 {
		t.Fatalf("events: exit %d: %s", code, errOut)
	}
	var ev struct {
		Type string         `json:"type"`
		Data map[string]any `json:"data"`
	}
	line, _, _ := strings.Cut(out, "\n")
	if err := json.Unmarshal([]byte(line), &ev); err != nil || ev.Type != exam.TypeHallCreated {
		t.Fatalf("the first event is not hall.created: %s (%v)", line, err)
	}
	return ev.Data
}

// Issue 9: a demo hall says so in its own signed first event, set by the
// demo alone; a real hall's first event says nothing of it.
func TestDemoHallIsMarkedInItsSignedFirstEvent(t *testing.T) {
	isolateDataDir(t)
	if demo, ok := firstEventData(t, demoHall(t))["demo"]; demo != true {
		t.Errorf("the demo's hall.created has demo = %v (present %v), want true", demo, ok)
	}
	real := filepath.Join(t.TempDir(), "hall.db")
	if code, _, errOut := runCLI(t, "4321\n", createArgs(real, writeFile(t, "r.csv", goodRoster))...); code != 0 {
		t.Fatalf("hall create: %s", errOut)
	}
	if demo, ok := firstEventData(t, real)["demo"]; ok {
		t.Errorf("a real hall's hall.created carries demo = %v", demo)
	}
}

// Issue 9: neither `demo` nor `demo --reset` touches a file that holds a
// real hall, named with --db or with EXAMDAY_DB; the refusal names it.
func TestDemoNeverTouchesARealHall(t *testing.T) {
	data := isolateDataDir(t)
	real := filepath.Join(t.TempDir(), "real.db")
	storetest.BuildHall(t, real, 4, 2)
	files := []string{real, store.KeyPath(real)}
	for _, args := range [][]string{
		{"demo", "--reset", "--yes", "--no-tui", "--db", real},
		{"demo", "--reset", "--no-tui", "--db", real},
		{"demo", "--no-tui", "--db", real},
	} {
		before := snapshot(files...)
		code, out, errOut := runCLI(t, "y\n", args...)
		if code == 0 || !strings.Contains(errOut, real) || !strings.Contains(errOut, "not a demo hall") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
		sameSnapshot(t, before)
	}

	// EXAMDAY_DB names the real hall: the demo keeps to its own file.
	t.Setenv("EXAMDAY_DB", real)
	before := snapshot(files...)
	code, out, errOut := runCLI(t, "", "demo", "--reset", "--yes", "--no-tui")
	if code != 0 {
		t.Fatalf("demo --reset with EXAMDAY_DB set: exit %d: %s", code, errOut)
	}
	sameSnapshot(t, before)
	own := filepath.Join(data, "demo.db")
	if !strings.Contains(out, own) {
		t.Errorf("the demo was not made in its own file %s: %q", own, out)
	}
	if demo := firstEventData(t, own)["demo"]; demo != true {
		t.Errorf("%s is not a demo hall", own)
	}
}

// legacyDemo makes a demo hall as examday made one before the flag: the
// demo's name and roster, and no demo flag in hall.created.
func legacyDemo(t *testing.T, path string, roster []exam.RosterRow) {
	t.Helper()
	s, err := store.Open(path, store.Options{Create: true, Program: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	now := time.Now()
	_, err = s.Do(func(h *exam.Hall) ([]exam.Event, error) {
		events, err := h.CreateHall(exam.HallSetup{
			Name: "Audience 204 (demo)", Date: now.Format(exam.DateLayout),
			Officer: "Capt. Aibek Seitkali", Chairman: "Prof. Gulnara Omarova",
		}, roster, now, "Capt. Aibek Seitkali")
		if err == nil && strings.Contains(string(events[0].Data), `"demo"`) {
			t.Fatal("CreateHall set the demo flag for a setup without it")
		}
		return events, err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// A demo file made before the demo flag is known by the demo's name AND
// its exact roster; a real hall that only shares the name is not a demo.
func TestDemoKnowsADemoFileMadeBeforeTheFlag(t *testing.T) {
	isolateDataDir(t)
	dir := t.TempDir()
	old := filepath.Join(dir, "old.db")
	legacyDemo(t, old, demoRoster)
	if code, _, errOut := runCLI(t, "", "demo", "--reset", "--yes", "--no-tui", "--db", old); code != 0 {
		t.Fatalf("reset of an old demo file: exit %d: %s", code, errOut)
	}
	if firstEventData(t, old)["demo"] != true {
		t.Error("the reset did not make a flagged demo hall")
	}

	alike := filepath.Join(dir, "alike.db")
	roster := append([]exam.RosterRow(nil), demoRoster...)
	roster[3].FullName = "Ерұлан Бауыржанұлы Төлеуов-Ким"
	legacyDemo(t, alike, roster)
	before := snapshot(alike, store.KeyPath(alike))
	if code, _, errOut := runCLI(t, "", "demo", "--reset", "--yes", "--no-tui", "--db", alike); code == 0 || !strings.Contains(errOut, "not a demo hall") {
		t.Errorf("a hall named as the demo with another roster was reset: exit %d, %q", code, errOut)
	}
	sameSnapshot(t, before)
}

// A file examday cannot read as a hall is not known to be a demo: reset
// leaves it as it is and says so.
func TestDemoResetLeavesAFileItCannotRead(t *testing.T) {
	isolateDataDir(t)
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := os.WriteFile(path, []byte("the commission's notes"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI(t, "", "demo", "--reset", "--yes", "--no-tui", "--db", path)
	if code == 0 {
		t.Error("a file that is not a hall was reset")
	}
	if b, _ := os.ReadFile(path); string(b) != "the commission's notes" {
		t.Errorf("the file was replaced (%d bytes now): %s", len(b), errOut)
	}
}
