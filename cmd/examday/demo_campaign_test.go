package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"examday/central"
	"examday/exam"
	"examday/store"
)

// The demo campaign is a finished exam day at the central record: both
// halls closed and delivered, with what the walk in the README needs —
// an absentee, an examinee removed under §2.3, a sheet voided and
// replaced by a spare — and it never writes over a file.
func TestTheDemoCampaignIsTwoClosedHallsDelivered(t *testing.T) {
	isolateDataDir(t)
	dir := filepath.Join(t.TempDir(), "campaign")
	code, out, errOut := runCLI(t, "", "demo", "--campaign", dir)
	if code != 0 {
		t.Fatalf("demo --campaign: exit %d: %s", code, errOut)
	}
	for _, want := range []string{"Audience 1", "Audience 2", "PIN is 2468", "central.db"} {
		if !strings.Contains(out, want) {
			t.Errorf("the demo's words lack %q:\n%s", want, out)
		}
	}

	halls := map[string]*exam.Hall{}
	for _, name := range []string{demoHall1File, demoHall2File} {
		s, err := store.Open(filepath.Join(dir, name), store.Options{ReadOnly: true})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		h := s.Hall()
		if h.Phase != exam.PhaseClosed {
			t.Errorf("%s is %s, want closed", name, h.Phase)
		}
		halls[h.Name] = h
		s.Close()
	}
	h1 := halls["Audience 1"]
	status := map[string]exam.Status{}
	for _, e := range h1.Examinees() {
		status[e.ID] = e.Status
	}
	if status["M-104"] != exam.Absent || status["M-105"] != exam.Removed || status["M-101"] != exam.Finished {
		t.Errorf("hall 1's examinees: %v", status)
	}
	if _, seated := status["M-107"]; seated {
		t.Error("M-107, below the language gate (AR 20), is seated")
	}
	voided := 0
	for _, sh := range h1.Sheets() {
		if sh.State == exam.SheetVoided && !sh.ReplacedBy.IsZero() {
			voided++
		}
	}
	if voided != 1 {
		t.Errorf("hall 1 has %d sheets voided and replaced, want 1", voided)
	}

	db, err := central.Open(filepath.Join(dir, demoCentralFile), central.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	logs, err := db.Logs()
	db.Close()
	if err != nil || len(logs) != 2 {
		t.Fatalf("the central holds %d logs (%v), want 2", len(logs), err)
	}
	for _, l := range logs {
		if l.Size == 0 || l.Receipt == "" {
			t.Errorf("log of %s: %d events, receipt %q", l.HallName, l.Size, l.Receipt)
		}
	}

	// A second demo in the same place makes nothing and changes nothing.
	before := snapshot(filepath.Join(dir, demoCentralFile), filepath.Join(dir, demoHall1File))
	if code, _, errOut := runCLI(t, "", "demo", "--campaign", dir); code == 0 || !strings.Contains(errOut, "exists already") {
		t.Errorf("a second demo --campaign: exit %d: %s", code, errOut)
	}
	sameSnapshot(t, before)
	if _, err := os.Stat(filepath.Join(dir, demoMark1File)); err == nil {
		t.Error("the refused demo made a file")
	}
}
