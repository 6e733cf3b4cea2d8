package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"examday/exam"
	"examday/i18n"
	"examday/store"
	"examday/tui"
)

// The files made from the screen are the commands' own work, on the store
// the screen holds open (which no second program could open): the print
// recorded in the log and its PDF written, the report and the graders'
// list, a bundle that verifies, a sync whose receipt the file keeps — in
// the screen's language, with the commands' checks on the path: the hall
// file and its key are refused and nothing is written.
func TestTheScreensFilesAreTheCommandsOwnWork(t *testing.T) {
	cdb, url := startCentral(t)
	quickRetries(t, 5, nil)
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	if code, _, errOut := runCLI(t, "", "demo", "--no-tui", "--db", db); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	if code, _, errOut := runCLI(t, "", "enroll", "--db", db, "--central", url, "--token", token(t, cdb, "Audience 204")); code != 0 {
		t.Fatalf("enroll: %s", errOut)
	}
	// The screen's store, held open for the whole test.
	s, err := store.Open(db, store.Options{Program: "screen test"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a := newApp(nil, nil, &bytes.Buffer{}, &bytes.Buffer{})
	a.dbPath = db
	files := screenFiles{a}
	ru := i18n.New(i18n.RU)
	run := func(f tui.FileAction) ([]string, error) {
		var lines []string
		err := files.Run(context.Background(), s, f, ru, func(l string) { lines = append(lines, l) })
		return lines, err
	}
	now := time.Date(2026, 12, 4, 9, 5, 0, 0, time.Local)

	sheets := files.DefaultPath(s, tui.FileSheets, now)
	if want := filepath.Join(dir, "demo-sheets-20261204-0905.pdf"); sheets != want {
		t.Errorf("the sheets go to %s by default, want %s beside the file", sheets, want)
	}
	lines, err := run(tui.FileAction{Kind: tui.FileSheets, Path: sheets})
	if err != nil {
		t.Fatalf("print: %v", err)
	}
	h := s.Hall()
	spares := 0
	for _, sh := range h.Sheets() {
		if sh.Spare {
			spares++
		}
	}
	if len(h.Sheets()) == 0 || !strings.Contains(strings.Join(lines, "\n"), ru.T("cli.sheets.written", h.Name, len(h.Sheets()), len(h.Examinees()), spares, h.Session, sheets)) {
		t.Errorf("print said (ru):\n%s", strings.Join(lines, "\n"))
	}
	if b, err := os.ReadFile(sheets); err != nil || !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Errorf("the sheets' PDF: %v", err)
	}

	report := files.DefaultPath(s, tui.FileReport, now)
	if _, err := run(tui.FileAction{Kind: tui.FileReport, Path: report, Protocol: "7", Place: "Алматы"}); err != nil {
		t.Fatalf("report: %v", err)
	}
	if b, err := os.ReadFile(report); err != nil || !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Errorf("the report's PDF: %v", err)
	}
	csv := filepath.Join(dir, "report.csv")
	if _, err := run(tui.FileAction{Kind: tui.FileReport, Path: csv, Protocol: "7", Place: "Алматы"}); err != nil {
		t.Fatalf("report CSV: %v", err)
	}
	if b, _ := os.ReadFile(csv); !strings.Contains(string(b), "Алматы") {
		t.Errorf("the CSV report does not carry its place")
	}

	if _, err := run(tui.FileAction{Kind: tui.FileGraders, Path: filepath.Join(dir, "graders.csv")}); err == nil || !strings.Contains(err.Error(), ru.T("cli.sheets.graders.none")) {
		t.Errorf("the graders' list with no sheet received: %v", err)
	}

	before, _ := os.ReadFile(db)
	for _, out := range []string{db, db + ".key", db + ".owner"} {
		_, err := run(tui.FileAction{Kind: tui.FileExport, Path: out})
		switch {
		case err == nil:
			t.Errorf("an export onto %s was not refused", out)
		case strings.Contains(err.Error(), "--out") || !strings.HasSuffix(err.Error(), ru.T("ui.files.out_advice")):
			t.Errorf("the screen's refusal speaks of the command line: %v", err)
		}
	}
	if _, err := run(tui.FileAction{Kind: tui.FileSheets, Path: db}); err == nil {
		t.Errorf("a print onto the hall file was not refused")
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Errorf("a refused file action changed the hall file")
	}
	lines, err = run(tui.FileAction{Kind: tui.FileExport, Path: dir})
	if err != nil || !strings.Contains(strings.Join(lines, "\n"), ru.T("cli.export.not_delivered")) {
		t.Errorf("export: %v\n%s", err, strings.Join(lines, "\n"))
	}

	n := s.Hall().LastSeq
	lines, err = run(tui.FileAction{Kind: tui.FileSync})
	if err != nil || !strings.Contains(strings.Join(lines, "\n"), ru.T("cli.sync.sent", 1, n, n, url)) {
		t.Errorf("sync: %v\n%s", err, strings.Join(lines, "\n"))
	}
	if d := s.Delivery(); uint64(d.Delivered) != n {
		t.Errorf("after the sync the file keeps a receipt for %d events, want %d", d.Delivered, n)
	}
	if got := s.Hall(); got.Phase != exam.PhaseSetup {
		t.Errorf("the hall is %s after its files", got.Phase)
	}
}

// A hall file the user may not write opens read-only on the screen, and
// its report, made from the screen, is a verified report: the file cannot
// be written here, its record is not in doubt. (Root writes through
// permissions: CI runs this as the user nobody.)
func TestAScreensReportOfAFileThatCannotBeWrittenIsVerified(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes through permissions; CI runs this test as nobody")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	if code, _, errOut := runCLI(t, "", "demo", "--no-tui", "--db", db); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	for _, p := range []string{db, db + ".key", db + ".owner"} {
		if err := os.Chmod(p, 0o400); err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o700)
	s, err := store.Open(db, store.Options{Program: "screen test"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if !errors.Is(s.Broken(), store.ErrCannotWrite) {
		t.Fatalf("opened with %v, want read-only for want of writing", s.Broken())
	}
	out := filepath.Join(t.TempDir(), "report.csv")
	a := newApp(nil, nil, &bytes.Buffer{}, &bytes.Buffer{})
	a.dbPath = db
	// The path offered is where it can be written: not beside the file.
	if p := (screenFiles{a}).DefaultPath(s, tui.FileReport, time.Now()); filepath.Dir(p) == dir || !writableDir(filepath.Dir(p)) {
		t.Errorf("the screen offers %s for the report, beside a file that cannot be written", p)
	}
	en := i18n.New(i18n.EN)
	if err := (screenFiles{a}).Run(context.Background(), s, tui.FileAction{Kind: tui.FileReport, Path: out}, en, func(string) {}); err != nil {
		t.Fatalf("report: %v", err)
	}
	b, _ := os.ReadFile(out)
	if strings.Contains(string(b), en.T("paper.unverified_short")) || strings.Contains(string(b), "does not verify") {
		t.Errorf("the report of a file that cannot be written calls its log unverified:\n%s", b)
	}
}
