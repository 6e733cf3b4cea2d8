package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"examday/exam"
	"examday/store"
)

// demoHall makes the demo hall in a file of its own and returns its path.
func demoHall(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "demo.db")
	if code, _, errOut := runCLI(t, "", "demo", "--no-tui", "--db", db); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, errOut)
	}
	return db
}

// onlyFile checks that dir holds exactly the file name: no temporary file
// of a report was left beside it.
func onlyFile(t *testing.T, dir, name string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if len(names) != 1 || names[0] != name {
		t.Errorf("%s holds %q, want only %s", dir, names, name)
	}
}

func TestReportWritesThePDFAndTheCSVOfTheDemoHall(t *testing.T) {
	db := demoHall(t)
	for _, tc := range []struct {
		name, file string
		extra      []string
		starts     string
		has        []string
	}{
		{"pdf from the extension", "hall.pdf", nil, "%PDF-", nil},
		{"csv from the extension", "hall.csv", nil, "\ufeff#hall,", []string{"\r\nexaminee,1,M-001,Әлия Қасымқызы Нұрланова,7M04203,", "#correction,"}},
		{"csv in Russian", "hall.CSV", []string{"--lang", "ru"}, "\ufeff#hall,Поле,", []string{"\r\nexaminee,9,D-001,Құралай Һадиқызы Үсенова,8D04201,нет отметки,"}},
		{"--format over the extension", "hall.txt", []string{"--format", "pdf"}, "%PDF-", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, tc.file)
			args := append([]string{"report", "--db", db, "--out", out}, tc.extra...)
			code, stdout, stderr := runCLI(t, "", args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			b, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(b, []byte(tc.starts)) {
				t.Errorf("%s starts %q, want %q", tc.file, b[:min(len(b), 20)], tc.starts)
			}
			for _, want := range tc.has {
				if !bytes.Contains(b, []byte(want)) {
					t.Errorf("%s does not contain %q", tc.file, want)
				}
			}
			// The demo's log: hall.created and roster.imported.
			if !strings.Contains(stdout, out) || !strings.Contains(squeezeSpace(stdout), "2 events") && !strings.Contains(stdout, "2 события") {
				t.Errorf("stdout = %q", stdout)
			}
			onlyFile(t, dir, tc.file)
		})
	}
}

func TestReportReplacesAnOlderReportWhole(t *testing.T) {
	db := demoHall(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "hall.csv")
	if err := os.WriteFile(out, []byte("an older, longer report that must not survive in part\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCLI(t, "", "report", "--db", db, "--out", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, _ := os.ReadFile(out)
	if bytes.Contains(b, []byte("older")) || !bytes.HasPrefix(b, []byte("\ufeff#hall,")) {
		t.Errorf("the report was not replaced whole: %q", b[:min(len(b), 60)])
	}
	onlyFile(t, dir, "hall.csv")
}

func TestReportRefusesWhatItCannotWrite(t *testing.T) {
	db := demoHall(t)
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"unknown extension", []string{"--out", "hall.docx"}, "Cannot tell the report's format from “hall.docx”: name the file .pdf or .csv, or give --format pdf or --format csv."},
		{"no extension", []string{"--out", "report"}, "Cannot tell the report's format from “report”"},
		{"unknown format", []string{"--out", "hall.pdf", "--format", "xlsx"}, `Unknown report format "xlsx": use pdf or csv.`},
		{"no --out", nil, "Say where to write the report: --out FILE.pdf or --out FILE.csv."},
		{"unknown extension, in Kazakh", []string{"--out", "hall.docx", "--lang", "kk"}, "«hall.docx» атауынан есептің пішімі анықталмайды"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			var args []string
			for i, a := range tc.args {
				if i > 0 && tc.args[i-1] == "--out" {
					a = filepath.Join(dir, a)
				}
				args = append(args, a)
			}
			code, _, stderr := runCLI(t, "", append([]string{"report", "--db", db}, args...)...)
			if code == 0 {
				t.Fatal("exit 0")
			}
			if !strings.Contains(stderr, tc.want) {
				t.Errorf("stderr = %q, want %q", stderr, tc.want)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 0 {
				t.Errorf("a refused report left %d file(s)", len(entries))
			}
		})
	}
}

func TestReportWithoutAHallFileSaysSo(t *testing.T) {
	db := filepath.Join(t.TempDir(), "none.db")
	code, _, stderr := runCLI(t, "", "report", "--db", db, "--out", filepath.Join(t.TempDir(), "r.pdf"))
	if code == 0 || !strings.Contains(stderr, "There is no hall in "+db) {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("a report created a hall file")
	}
}

// A file whose log was tampered with opens read-only; its report is still
// written, for the commission, and says on stderr and on itself that the
// log does not verify.
func TestReportOfATamperedFileIsWrittenWithAWarning(t *testing.T) {
	db := demoHall(t)
	bdb, err := bolt.Open(db, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = bdb.Update(func(tx *bolt.Tx) error {
		events := tx.Bucket([]byte("events"))
		k, v := events.Cursor().Last()
		edited := bytes.Replace(append([]byte(nil), v...), []byte("Әлия"), []byte("Алия"), 1)
		return events.Put(append([]byte(nil), k...), edited)
	})
	bdb.Close()
	if err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(db)
	out := filepath.Join(t.TempDir(), "hall.csv")
	code, _, stderr := runCLI(t, "", "report", "--db", db, "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "READ-ONLY") {
		t.Errorf("stderr does not warn: %q", stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte("\r\nhall,unverified,Warning,WARNING: the event log of this file does not verify")) {
		t.Errorf("the report does not say its log does not verify:\n%s", b)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("reporting on a tampered file changed it")
	}
}

func squeezeSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// A write that fails half-way leaves the file that was there as it was,
// and no temporary file beside it.
func TestWriteWholeKeepsTheOldFileWhenWritingFails(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "hall.pdf")
	if err := os.WriteFile(path, []byte("the report the commission signed"), 0o600); err != nil {
		t.Fatal(err)
	}
	full := errors.New("no space left on device")
	err := writeWhole(path, func(w io.Writer) error {
		io.WriteString(w, "%PDF-1.3 half a report")
		return full
	})
	if !errors.Is(err, full) {
		t.Errorf("err = %v, want the writer's", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "the report the commission signed" {
		t.Errorf("the old file now holds %q", b)
	}
	onlyFile(t, dir, "hall.pdf")
}

// The report of a hall whose sheets were printed and scanned back lists
// every sheet (§1.5, SPEC step 11): in the CSV a row each, with its code
// in the groups printed under the barcode, whose it is, its question and
// when it came back; in the PDF the same codes.
func TestReportListsTheHallsSheets(t *testing.T) {
	db := closedHall(t)
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	h := s.Hall()
	s.Close()
	sheets := h.Sheets()
	if len(sheets) == 0 {
		t.Fatal("the hall has no sheets")
	}
	dir := t.TempDir()
	csvPath, pdfPath := filepath.Join(dir, "hall.csv"), filepath.Join(dir, "hall.pdf")
	for _, out := range []string{csvPath, pdfPath} {
		if code, _, stderr := runCLI(t, "", "report", "--db", db, "--out", out); code != 0 {
			t.Fatalf("report %s: exit %d: %s", out, code, stderr)
		}
	}
	b, err := os.ReadFile(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	if !strings.Contains(text, "\r\n#sheet,Sheet code,") {
		t.Error("the CSV has no #sheet section")
	}
	for _, sh := range sheets {
		line := ""
		for _, l := range strings.Split(text, "\r\n") {
			if strings.HasPrefix(l, "sheet,"+sh.Code.Grouped()+",") {
				line = l
			}
		}
		switch {
		case line == "":
			t.Errorf("sheet %s is not in the CSV", sh.Code.Grouped())
		case sh.State == exam.SheetReceived:
			e, _ := h.Examinee(sh.Examinee)
			when := sh.ReceivedAt.Local().Format("15:04:05")
			state := ",received,"
			if sh.Blank {
				state = `,"received blank, without the situational problem: ` + sh.BlankReason + `",`
			}
			if !strings.Contains(line, ","+e.FullName+",") || !strings.Contains(line, state) || !strings.Contains(line, ","+when+",") {
				t.Errorf("received sheet %s: %q, want %s, received at %s", sh.Code.Grouped(), line, e.FullName, when)
			}
		case sh.Spare:
			if !strings.Contains(line, `,Spare sheet,"spare, not used",`) {
				t.Errorf("spare %s: %q", sh.Code.Grouped(), line)
			}
		}
	}
	if bin, err := exec.LookPath("pdftotext"); err == nil {
		out, err := exec.Command(bin, "-layout", "-enc", "UTF-8", pdfPath, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		for _, sh := range sheets {
			if !strings.Contains(string(out), sh.Code.Grouped()) {
				t.Errorf("sheet %s is not in the PDF", sh.Code.Grouped())
			}
		}
	}
}

// reportText is the text of a PDF report as pdftotext reads it, its runs
// of spaces squeezed; the test is skipped without pdftotext.
func reportText(t *testing.T, path string) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	out, err := exec.Command(bin, "-layout", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return squeezeSpace(string(out))
}

// --protocol and --place are printed as given, in the PDF's head and in
// the CSV's hall section; the file remembers neither: the next report
// without them leaves the lines to fill in by hand.
func TestReportPrintsTheProtocolNumberAndPlaceAsGiven(t *testing.T) {
	db := demoHall(t)
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	report := func(name string, extra ...string) string {
		t.Helper()
		out := filepath.Join(dir, name)
		args := append([]string{"report", "--db", db, "--out", out}, extra...)
		if code, _, stderr := runCLI(t, "", args...); code != 0 {
			t.Fatalf("%q: exit %d: %s", args, code, stderr)
		}
		return out
	}
	given := []string{"--lang", "ru", "--protocol", " 14/2027 ", "--place", "г. Косшы, учебный корпус"}

	csv, err := os.ReadFile(report("given.csv", given...))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"\r\nhall,protocol,Протокол №,14/2027,\r\n", "\r\nhall,place,Место проведения,\"г. Косшы, учебный корпус\",\r\n"} {
		if !bytes.Contains(csv, []byte(want)) {
			t.Errorf("the CSV does not hold %q", want)
		}
	}
	text := reportText(t, report("given.pdf", given...))
	for _, want := range []string{"ПРОТОКОЛ № 14/2027", "Место проведения: г. Косшы, учебный корпус", "Протокол № 14/2027 · "} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF does not say %q", want)
		}
	}

	csv, err = os.ReadFile(report("none.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(csv, []byte("\r\nhall,protocol,Protocol No.,,\r\n")) || !bytes.Contains(csv, []byte("\r\nhall,place,Place,,\r\n")) {
		t.Error("a report without --protocol and --place has them from an earlier report")
	}
	text = reportText(t, report("none.pdf"))
	if strings.Contains(text, "14/2027") || strings.Contains(text, "Косшы") || !strings.Contains(text, "PROTOCOL No. ____") {
		t.Errorf("a report without --protocol and --place does not leave lines to fill in:\n%s", text)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("a report changed the hall's file")
	}
}

// The report is in one language: --lang's, else the one the file
// remembers, else English (reportLang).
func TestReportIsInTheLanguageAskedElseTheFilesElseEnglish(t *testing.T) {
	t.Setenv("EXAMDAY_LANG", "")
	db := demoHall(t)
	dir := t.TempDir()
	heading := func(extra ...string) string {
		t.Helper()
		out := filepath.Join(dir, "hall.pdf")
		args := append([]string{"report", "--db", db, "--out", out, "--protocol", "3"}, extra...)
		if code, _, stderr := runCLI(t, "", args...); code != 0 {
			t.Fatalf("%q: exit %d: %s", args, code, stderr)
		}
		text := reportText(t, out)
		for _, h := range []string{"PROTOCOL No. 3", "ПРОТОКОЛ № 3", "ХАТТАМА № 3"} {
			if strings.Contains(text, h) {
				return h
			}
		}
		return ""
	}
	if got := heading(); got != "PROTOCOL No. 3" {
		t.Errorf("no language anywhere: %q, want English", got)
	}
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	err = s.SetSetting("lang", "kk")
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	if got := heading(); got != "ХАТТАМА № 3" {
		t.Errorf("the file remembers Kazakh: %q", got)
	}
	if got := heading("--lang", "ru"); got != "ПРОТОКОЛ № 3" {
		t.Errorf("--lang ru over the file's Kazakh: %q", got)
	}
}
