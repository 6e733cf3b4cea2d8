package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"examday/barcode"
	"examday/exam"
	"examday/i18n"
	"examday/store"
	"examday/store/storetest"
)

// rosterCSV is rows as a roster file.
func rosterCSV(rows []exam.RosterRow) string {
	var b strings.Builder
	b.WriteString("id,full_name,programme,id_document,seat\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "%s,%s,%s,%s,%s\n", r.ID, r.FullName, r.Programme, r.IDDocument, r.Seat)
	}
	return b.String()
}

// hallOf creates a hall of rows with the CLI and returns its file.
func hallOf(t *testing.T, rows []exam.RosterRow) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "hall.db")
	if code, _, errOut := runCLI(t, "4321\n", createArgs(db, writeFile(t, "r.csv", rosterCSV(rows)))...); code != 0 {
		t.Fatalf("hall create: exit %d: %s", code, errOut)
	}
	return db
}

// loggedSheets reads the log with "examday events --json", as a script
// would, and returns the codes printed and not voided since, and the
// number of sheets.printed entries.
func loggedSheets(t *testing.T, db string) (codes map[string]bool, prints int) {
	t.Helper()
	code, out, errOut := runCLI(t, "", "events", "--json", "--db", db)
	if code != 0 {
		t.Fatalf("events: exit %d: %s", code, errOut)
	}
	codes = map[string]bool{}
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var ev struct {
			Type string          `json:"type"`
			Data json.RawMessage `json:"data"`
		}
		if err := json.Unmarshal(sc.Bytes(), &ev); err != nil {
			t.Fatalf("%v: %s", err, sc.Bytes())
		}
		switch ev.Type {
		case exam.TypeSheetsPrinted:
			prints++
			var d exam.SheetsPrintedData
			if err := json.Unmarshal(ev.Data, &d); err != nil {
				t.Fatal(err)
			}
			for _, c := range d.Voided {
				delete(codes, c.String())
			}
			for _, p := range d.Packets {
				for _, c := range p.Codes {
					codes[c.String()] = true
				}
			}
			for _, c := range d.Spares {
				codes[c.String()] = true
			}
		case exam.TypeSheetVoided:
			var d exam.SheetVoidedData
			if err := json.Unmarshal(ev.Data, &d); err != nil {
				t.Fatal(err)
			}
			delete(codes, d.Code.String())
		}
	}
	return codes, prints
}

var groupedCode = regexp.MustCompile(`\b\d{4} \d{4} \d{4}\b`)

// pdfText is the text of a PDF as pdftotext reads it.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	out, err := exec.Command(bin, "-layout", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// printedCodes are the 12 digits of every grouped code on the pages,
// and the number of pages.
func printedCodes(t *testing.T, path string) (map[string]bool, int) {
	t.Helper()
	text := pdfText(t, path)
	codes := map[string]bool{}
	for _, g := range groupedCode.FindAllString(text, -1) {
		codes[strings.ReplaceAll(g, " ", "")] = true
	}
	return codes, strings.Count(text, "\f")
}

// scannedCodes rasterises the PDF at 150 dpi and reads each page with
// zbarimg: the codes a scanner would read off the paper.
func scannedCodes(t *testing.T, path string) map[string]bool {
	t.Helper()
	ppm, err1 := exec.LookPath("pdftoppm")
	zbar, err2 := exec.LookPath("zbarimg")
	if err1 != nil || err2 != nil {
		t.Skip("pdftoppm (poppler-utils) or zbarimg (zbar-tools) is not installed")
	}
	dir := t.TempDir()
	if out, err := exec.Command(ppm, "-png", "-r", "150", path, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v: %s", err, out)
	}
	pngs, _ := filepath.Glob(filepath.Join(dir, "page-*.png"))
	var mu sync.Mutex
	var wg sync.WaitGroup
	codes := map[string]bool{}
	sem := make(chan struct{}, 8)
	for _, png := range pngs {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			out, _ := exec.Command(zbar, "--raw", "-q", png).Output()
			found := strings.Fields(string(out))
			mu.Lock()
			defer mu.Unlock()
			if len(found) != 1 {
				t.Errorf("%s: zbarimg read %q, want one code", filepath.Base(png), found)
			}
			for _, c := range found {
				codes[c] = true
			}
		})
	}
	wg.Wait()
	return codes
}

func sortedKeys(m map[string]bool) []string { return slices.Sorted(maps.Keys(m)) }

func sameCodes(t *testing.T, what string, got, want map[string]bool) {
	t.Helper()
	if !maps.Equal(got, want) {
		t.Errorf("%s: %d codes, the log %d\n got  %v\n want %v", what, len(got), len(want), sortedKeys(got), sortedKeys(want))
	}
}

// A print is recorded, then printed: the codes on the paper — as text
// and as bars — are the codes the log holds. Printing again prints the
// same codes and records nothing; more spares add only spares; --new voids
// every sheet not given out and prints new codes for them.
func TestSheetsPrintIsRecordedAndReprintsTheSameCodes(t *testing.T) {
	db := hallOf(t, storetest.Roster(3)) // 7M04203, 7M12301, 7M12303: three master's packets
	dir := t.TempDir()
	first := filepath.Join(dir, "sheets.pdf")

	code, out, errOut := runCLI(t, "", "sheets", "print", "--db", db, "--out", first, "--spares", "2")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "3 new packets, 2 new spare sheets, 0 old sheets voided") ||
		!strings.Contains(out, "14 answer sheets — 3 packets and 2 spares") {
		t.Errorf("stdout = %q", out)
	}
	logged, prints := loggedSheets(t, db)
	if prints != 1 || len(logged) != 14 {
		t.Fatalf("the log holds %d prints of %d codes, want 1 of 14", prints, len(logged))
	}
	onPaper, pages := printedCodes(t, first)
	if pages != 14 {
		t.Errorf("%d pages, want 14", pages)
	}
	sameCodes(t, "printed digits", onPaper, logged)
	sameCodes(t, "scanned bars", scannedCodes(t, first), logged)

	t.Run("again prints the same codes and records nothing", func(t *testing.T) {
		again := filepath.Join(dir, "again.pdf")
		// Without --spares too: a reprint adds no default spares.
		code, out, errOut := runCLI(t, "", "sheets", "print", "--db", db, "--out", again)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		if !strings.Contains(out, "Nothing new to record") {
			t.Errorf("stdout = %q", out)
		}
		if _, n := loggedSheets(t, db); n != 1 {
			t.Errorf("a reprint recorded a print: %d in the log", n)
		}
		codes, _ := printedCodes(t, again)
		sameCodes(t, "reprint", codes, onPaper)
	})

	t.Run("more spares add only spares", func(t *testing.T) {
		more := filepath.Join(dir, "more.pdf")
		code, out, errOut := runCLI(t, "", "sheets", "print", "--db", db, "--out", more, "--spares", "5")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		if !strings.Contains(out, "0 new packets, 3 new spare sheets, 0 old sheets voided") {
			t.Errorf("stdout = %q", out)
		}
		logged, _ := loggedSheets(t, db)
		codes, _ := printedCodes(t, more)
		sameCodes(t, "with more spares", codes, logged)
		for c := range onPaper {
			if !codes[c] {
				t.Errorf("code %s of the first print is gone", c)
			}
		}
		if len(codes) != 17 {
			t.Errorf("%d codes, want the 14 and 3 more spares", len(codes))
		}
	})

	t.Run("--new voids the unissued sheets and prints new codes", func(t *testing.T) {
		before, _ := loggedSheets(t, db)
		renewed := filepath.Join(dir, "new.pdf")
		code, out, errOut := runCLI(t, "", "sheets", "print", "--db", db, "--out", renewed, "--spares", "2", "--new")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		if !strings.Contains(out, "3 new packets, 2 new spare sheets, 17 old sheets voided") || !strings.Contains(out, "Destroy the 17 sheets") {
			t.Errorf("stdout = %q", out)
		}
		logged, _ := loggedSheets(t, db)
		codes, _ := printedCodes(t, renewed)
		sameCodes(t, "renewed", codes, logged)
		sameCodes(t, "renewed bars", scannedCodes(t, renewed), logged)
		for c := range codes {
			if before[c] {
				t.Errorf("code %s printed again after --new", c)
			}
		}
		s, err := store.Open(db, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		for c := range before {
			code, err := barcode.Parse(c, s.Hall().Session)
			if err != nil {
				t.Fatal(err)
			}
			if sh, ok := s.Hall().Sheet(code); !ok || sh.State != exam.SheetVoided {
				t.Errorf("old sheet %s is not void", c)
			}
		}
	})
}

// The sheets name nobody: no examinee's name, document, id or seat of
// the roster is anywhere in the PDF's text.
func TestSheetsPrintNamesNoExaminee(t *testing.T) {
	rows := storetest.Roster(10)
	db := hallOf(t, rows)
	out := filepath.Join(t.TempDir(), "sheets.pdf")
	if code, _, errOut := runCLI(t, "", "sheets", "print", "--db", db, "--out", out); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	text := pdfText(t, out)
	for _, r := range rows {
		for _, secret := range append(strings.Fields(r.FullName), r.IDDocument, r.ID) {
			if strings.Contains(text, secret) {
				t.Errorf("the sheets' text contains %q of %s", secret, r.ID)
			}
		}
	}
	// The default spares: one for every five examinees, at least five.
	logged, _ := loggedSheets(t, db)
	var want int
	for _, r := range rows {
		p, _ := exam.ProgrammeByCode(r.Programme)
		want += exam.SheetsPerPacket(p.Level)
	}
	if len(logged) != want+5 {
		t.Errorf("%d sheets, want %d in packets and 5 spares", len(logged), want)
	}
}

// closedHall makes a hall of goodRoster, prints its sheets, runs its day
// — Әлия sits and hands in every sheet, Иван is absent — and closes it.
func closedHall(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "hall.db")
	if code, _, errOut := runCLI(t, "4321\n", createArgs(db, writeFile(t, "r.csv", goodRoster))...); code != 0 {
		t.Fatalf("hall create: exit %d: %s", code, errOut)
	}
	if code, _, errOut := runCLI(t, "", "sheets", "print", "--db", db, "--out", filepath.Join(t.TempDir(), "s.pdf")); code != 0 {
		t.Fatalf("sheets print: exit %d: %s", code, errOut)
	}
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	at := time.Date(2027, 8, 12, 3, 0, 0, 0, time.UTC)
	step := func(decide store.Decision) {
		t.Helper()
		at = at.Add(time.Minute)
		if _, err := s.Do(decide); err != nil {
			t.Fatal(err)
		}
	}
	one := func(decide func(h *exam.Hall) (exam.Event, error)) {
		t.Helper()
		step(func(h *exam.Hall) ([]exam.Event, error) {
			ev, err := decide(h)
			return []exam.Event{ev}, err
		})
	}
	var packet *exam.Sheet
	for _, sh := range s.Hall().Sheets() {
		if sh.Level == exam.Master && sh.Question == 1 {
			packet = sh
			break
		}
	}
	one(func(h *exam.Hall) (exam.Event, error) { return h.Arrive("1", at, "Capt. Seitkali") })
	one(func(h *exam.Hall) (exam.Event, error) { return h.MarkAbsent("2", at, "Capt. Seitkali") })
	one(func(h *exam.Hall) (exam.Event, error) {
		return h.IssueMaterialsWithSheet("1", "12", packet.Code, at, "Capt. Seitkali")
	})
	materials := at
	one(func(h *exam.Hall) (exam.Event, error) { return h.StartExam(materials, "", at, "Capt. Seitkali") })
	for _, sh := range s.Hall().SheetsOf("1") {
		step(func(h *exam.Hall) ([]exam.Event, error) { return storetest.HandBack(h, sh.Code, at, "Capt. Seitkali") })
	}
	one(func(h *exam.Hall) (exam.Event, error) { return h.CloseHall(true, at, "Capt. Seitkali") })
	if s.Hall().Phase != exam.PhaseClosed {
		t.Fatalf("the hall is %s, not closed", s.Hall().Phase)
	}
	return db
}

// A refused print writes nothing: no entry in the log, no file.
func TestSheetsPrintRefusalsWriteNothing(t *testing.T) {
	open := hallOf(t, storetest.Roster(2))
	closed := closedHall(t)
	for _, tc := range []struct {
		name, db string
		args     []string
		says     string
	}{
		{"a closed hall", closed, nil, "The hall is closed: its record is read-only."},
		{"negative spares", open, []string{"--spares", "-1"}, "Spare sheets: from 0 to 500 (not -1)."},
		{"too many spares", open, []string{"--spares", "501"}, "Spare sheets: from 0 to 500 (not 501)."},
		{"not a PDF", open, []string{"--out", "sheets.docx"}, "--out must end in .pdf"},
		{"no such folder", open, []string{"--out", filepath.Join("no", "such", "folder", "s.pdf")}, "does not exist: nothing was printed or recorded"},
		{"no --out", open, []string{"--out", ""}, "Say where to write the sheets"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "sheets.pdf")
			args := append([]string{"sheets", "print", "--db", tc.db, "--out", out}, tc.args...)
			if slices.Contains(tc.args, "--out") {
				// A relative --out is taken in the test's folder.
				for i, a := range args {
					if i > 0 && args[i-1] == "--out" && a != "" && !filepath.IsAbs(a) {
						args[i] = filepath.Join(dir, a)
					}
				}
			}
			_, before := loggedSheets(t, tc.db)
			beforeBytes, _ := os.ReadFile(tc.db)
			code, stdout, stderr := runCLI(t, "", args...)
			if code == 0 {
				t.Fatalf("exit 0: %s", stdout)
			}
			if !strings.Contains(stderr, tc.says) {
				t.Errorf("stderr = %q, want %q", stderr, tc.says)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 0 {
				t.Errorf("a refused print left %d file(s)", len(entries))
			}
			if _, after := loggedSheets(t, tc.db); after != before {
				t.Errorf("a refused print was recorded: %d prints, was %d", after, before)
			}
			if tc.db == closed {
				if afterBytes, _ := os.ReadFile(tc.db); !bytes.Equal(beforeBytes, afterBytes) {
					t.Error("a refused print changed the closed hall's file")
				}
			}
		})
	}
}

// A file whose log does not verify opens read-only: nothing is printed,
// because the print could not be recorded.
func TestSheetsPrintRefusesAReadOnlyFile(t *testing.T) {
	db := demoHall(t)
	tamperLastEvent(t, db)
	before, _ := os.ReadFile(db)
	dir := t.TempDir()
	code, _, stderr := runCLI(t, "", "sheets", "print", "--demo", "--db", db, "--out", filepath.Join(dir, "s.pdf"))
	if code == 0 || !strings.Contains(stderr, "Nothing was printed") || !strings.Contains(stderr, "read-only") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a refused print left %d file(s)", len(entries))
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("a refused print changed the file")
	}
}

// The graders' list: the codes of the sheets received, by code, with
// their level and question, and nothing of whose they are.
func TestSheetsGradersListsReceivedCodesByCodeWithoutNames(t *testing.T) {
	db := closedHall(t)
	dir := t.TempDir()

	var received []string
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, sh := range s.Hall().Sheets() {
		if sh.State == exam.SheetReceived {
			received = append(received, sh.Code.Grouped())
		}
	}
	s.Close()
	slices.Sort(received)
	if len(received) != 4 {
		t.Fatalf("%d sheets received, want the 4 of a master's packet", len(received))
	}

	csvPath := filepath.Join(dir, "codes.csv")
	code, stdout, stderr := runCLI(t, "", "sheets", "graders", "--db", db, "--out", csvPath)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "4 codes of received sheets written to "+csvPath) {
		t.Errorf("stdout = %q", stdout)
	}
	b, err := os.ReadFile(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for i, row := range rows[1:] {
		codes = append(codes, row[0])
		if len(row) != 4 || row[1] != "master's" {
			t.Errorf("row %d = %q", i+1, row)
		}
	}
	if !slices.Equal(codes, received) {
		t.Errorf("codes %q, want the received ones by code %q", codes, received)
	}

	txtPath := filepath.Join(dir, "codes.txt")
	if code, _, stderr := runCLI(t, "", "sheets", "graders", "--db", db, "--out", txtPath, "--lang", "ru"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	txt, _ := os.ReadFile(txtPath)
	if !strings.Contains(string(txt), "Ситуационная задача") || !strings.Contains(string(txt), "Вопрос 3 из 3") {
		t.Errorf("the Russian list:\n%s", txt)
	}
	for _, list := range [][]byte{b, txt} {
		for _, secret := range []string{"Әлия", "Нұрланова", "Иван", "Петров", "N1", "A1", "A2", "Omarova", "Seitkali", "Audience 204"} {
			if bytes.Contains(list, []byte(secret)) {
				t.Errorf("the graders' list contains %q", secret)
			}
		}
	}

	for _, tc := range []struct {
		name string
		args []string
		says string
	}{
		{"a .pdf", []string{"--db", db, "--out", filepath.Join(dir, "codes.pdf")}, "is a .csv or a .txt file"},
		{"nothing received yet", []string{"--db", hallOf(t, storetest.Roster(2)), "--out", filepath.Join(dir, "none.csv")}, "No answer sheet has been received back yet"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, "", append([]string{"sheets", "graders"}, tc.args...)...)
			if code == 0 || !strings.Contains(stderr, tc.says) {
				t.Errorf("exit %d, stderr %q", code, stderr)
			}
		})
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("%d files in the folder, want the two lists", len(entries))
	}
}

// The demo hall prints with --demo, and in Kazakh says so in Kazakh.
func TestSheetsPrintTheDemoHallInKazakh(t *testing.T) {
	db := demoHall(t)
	out := filepath.Join(t.TempDir(), "demo.pdf")
	code, stdout, stderr := runCLI(t, "", "sheets", "print", "--demo", "--db", db, "--out", out, "--lang", "kk")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "Журналға жазылды: жаңа пакеттер — 12") {
		t.Errorf("stdout = %q", stdout)
	}
	codes, pages := printedCodes(t, out)
	// 8 master's packets of 4, 4 doctoral of 3, and 5 spares.
	if pages != 8*4+4*3+5 || len(codes) != pages {
		t.Errorf("%d pages, %d codes", pages, len(codes))
	}
}

// tamperLastEvent edits the last event of the log behind the store's
// back: the file then opens read-only.
func tamperLastEvent(t *testing.T, db string) {
	t.Helper()
	bdb, err := bolt.Open(db, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer bdb.Close()
	err = bdb.Update(func(tx *bolt.Tx) error {
		events := tx.Bucket([]byte("events"))
		k, v := events.Cursor().Last()
		edited := bytes.Replace(append([]byte(nil), v...), []byte("Әлия"), []byte("Алия"), 1)
		if bytes.Equal(edited, v) {
			return fmt.Errorf("the last event has no Әлия to edit")
		}
		return events.Put(append([]byte(nil), k...), edited)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// The sheet speaks the three languages at once, and the command speaks
// the officer's: every word of both is in Kazakh, Russian and English.
func TestEveryWordOfTheSheetsIsInEveryLanguage(t *testing.T) {
	n := 0
	for _, k := range i18n.Keys() {
		if !strings.HasPrefix(k, "paper.sheet.") && !strings.HasPrefix(k, "paper.graders.") && !strings.HasPrefix(k, "cli.sheets.") {
			continue
		}
		n++
		if !i18n.Complete(k) {
			t.Errorf("%s is not in all three languages", k)
		}
	}
	if n < 40 {
		t.Errorf("only %d keys of the sheets", n)
	}
}
