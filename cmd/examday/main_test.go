package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"examday/exam"
	"examday/i18n"
	"examday/store"
)

// runCLI runs examday with args and stdin, as a user at a shell would.
func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

const goodRoster = "\ufeffid;full_name;programme;id_document;seat\n" +
	"1;Әлия Нұрланова;7M04203;N1;A1\n" +
	"2;Иван Петров;8D12301;N2;A2\n"

func createArgs(db, roster string) []string {
	return []string{"hall", "create", "--db", db, "--name", "Audience 204", "--date", "2027-08-12",
		"--roster", roster, "--chairman", "Prof. Omarova", "--officer", "Capt. Seitkali",
		"--member", "Maj. Kuznetsov", "--pin-stdin"}
}

func TestHallCreateImportsRosterAndKeepsPINOutOfTheLog(t *testing.T) {
	db := filepath.Join(t.TempDir(), "hall.db")
	code, out, errOut := runCLI(t, "4321\n", createArgs(db, writeFile(t, "r.csv", goodRoster))...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "Audience 204") || !strings.Contains(out, "2 examinees") {
		t.Errorf("stdout = %q", out)
	}
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	h := s.Hall()
	if h.Name != "Audience 204" || len(h.Examinees()) != 2 || h.Examinees()[0].FullName != "Әлия Нұрланова" {
		t.Errorf("hall = %+v", h)
	}
	if !exam.VerifyPIN(s.Secret(store.SecretChairmanPIN), "4321") {
		t.Error("the chairman's PIN does not verify against the stored hash")
	}
	s.Events(1, func(r store.Record) error {
		if bytes.Contains(r.Body, []byte("argon2")) || bytes.Contains(r.Body, []byte("4321")) {
			t.Errorf("event %d carries the PIN or its hash: %s", r.Event.Seq, r.Body)
		}
		return nil
	})
}

func TestHallCreateWithBadRosterListsEveryRowAndCreatesNothing(t *testing.T) {
	db := filepath.Join(t.TempDir(), "hall.db")
	bad := "id,full_name,programme,id_document,seat\n" +
		"1,Әлия,7M04203,N1,A1\n" +
		"2,,7M04203,N2,A2\n" + // line 3: empty name
		"3,Иван,9X99999,N3,A3\n" + // line 4: unknown programme
		"1,Dana,8D04201,N4,A4\n" + // line 5: duplicate id
		"5,Timur,8D04201,N5\n" // line 6: four columns
	code, _, errOut := runCLI(t, "4321\n", createArgs(db, writeFile(t, "r.csv", bad))...)
	if code == 0 {
		t.Fatal("a roster with bad rows was accepted")
	}
	for _, line := range []string{"line 3", "line 4", "line 5", "line 6"} {
		if !strings.Contains(errOut, line) {
			t.Errorf("the message does not name %s:\n%s", line, errOut)
		}
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("a hall file was created from a bad roster (stat: %v)", err)
	}
}

func TestHallCreateRefusesAnExistingFileAndAShortPIN(t *testing.T) {
	db := filepath.Join(t.TempDir(), "hall.db")
	roster := writeFile(t, "r.csv", goodRoster)
	if code, _, errOut := runCLI(t, "12\n", createArgs(db, roster)...); code == 0 || !strings.Contains(errOut, "at least 4 digits") {
		t.Errorf("short PIN: exit %d, %q", code, errOut)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Error("a refused PIN left a file behind")
	}
	if code, _, errOut := runCLI(t, "4321\n", createArgs(db, roster)...); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	before, _ := os.ReadFile(db)
	if code, _, errOut := runCLI(t, "4321\n", createArgs(db, roster)...); code == 0 || !strings.Contains(errOut, "already exists") {
		t.Errorf("second create: exit %d, %q", code, errOut)
	}
	after, _ := os.ReadFile(db)
	if !bytes.Equal(before, after) {
		t.Error("a refused second create changed the file")
	}
}

func TestEventsJSONHasEveryField(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	if code, _, errOut := runCLI(t, "", "demo", "--no-tui", "--db", db); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, errOut)
	}
	code, out, errOut := runCLI(t, "", "events", "--json", "--db", db)
	if code != 0 {
		t.Fatalf("events: exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("a new demo hall has %d events, want 2 (hall.created, roster.imported)", len(lines))
	}
	at := regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$`)
	for i, line := range lines {
		var ev map[string]any
		if err := json.Unmarshal([]byte(line), &ev); err != nil {
			t.Fatalf("line %d is not JSON: %v", i+1, err)
		}
		for _, k := range []string{"seq", "at", "type", "actor", "data", "prev", "hash"} {
			if _, ok := ev[k]; !ok {
				t.Errorf("line %d lacks %q: %s", i+1, k, line)
			}
		}
		if s, _ := ev["at"].(string); !at.MatchString(s) {
			t.Errorf("line %d: at = %q, want RFC 3339 UTC with nanoseconds", i+1, s)
		}
	}
}

func TestDemoReopensTheSameHallAndResetsOnlyWhenConfirmed(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	code, out, errOut := runCLI(t, "", "demo", "--no-tui", "--db", db)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "12 examinees") {
		t.Errorf("stdout = %q", out)
	}
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	levels, codes := map[exam.Level]int{}, map[string]bool{}
	for _, e := range s.Hall().Examinees() {
		levels[e.Level()]++
		codes[e.Programme] = true
	}
	// The demo shows every programme of §1.2, at both levels.
	if len(codes) != 5 || levels[exam.Master] == 0 || levels[exam.Doctoral] == 0 {
		t.Errorf("demo programmes %v, levels %v", codes, levels)
	}
	_, err = s.Do(func(h *exam.Hall) ([]exam.Event, error) {
		ev, err := h.Arrive("M-001", time.Now(), h.Officer)
		return []exam.Event{ev}, err
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	countEvents := func() int {
		_, out, _ := runCLI(t, "", "events", "--json", "--db", db)
		return strings.Count(out, "\n")
	}
	runCLI(t, "", "demo", "--no-tui", "--db", db)
	if n := countEvents(); n != 3 {
		t.Errorf("after reopening: %d events, want the 3 recorded", n)
	}
	if code, _, _ := runCLI(t, "n\n", "demo", "--reset", "--no-tui", "--db", db); code == 0 {
		t.Error("reset went ahead although the answer was no")
	}
	if n := countEvents(); n != 3 {
		t.Errorf("after a refused reset: %d events, want 3", n)
	}
	if code, _, errOut := runCLI(t, "y\n", "demo", "--reset", "--no-tui", "--db", db); code != 0 {
		t.Fatalf("confirmed reset: exit %d: %s", code, errOut)
	}
	if n := countEvents(); n != 2 {
		t.Errorf("after reset: %d events, want a fresh hall's 2", n)
	}
}

func TestSecondCopyIsToldTheFileIsInUse(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	runCLI(t, "", "demo", "--no-tui", "--db", db)
	s, err := store.Open(db, store.Options{Program: "examday (test holder)"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	code, _, errOut := runCLI(t, "", "events", "--db", db)
	if code == 0 || !strings.Contains(errOut, "in use by another program") || !strings.Contains(errOut, "test holder") {
		t.Errorf("exit %d, %q", code, errOut)
	}
}

func TestMissingHallFileSaysHowToStart(t *testing.T) {
	db := filepath.Join(t.TempDir(), "none.db")
	code, _, errOut := runCLI(t, "", "--db", db)
	if code == 0 || !strings.Contains(errOut, "examday demo") {
		t.Errorf("exit %d, %q", code, errOut)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Error("opening a missing hall created a file")
	}
}

func TestUnknownLanguageIsRefused(t *testing.T) {
	code, _, errOut := runCLI(t, "", "events", "--lang", "de", "--db", filepath.Join(t.TempDir(), "x.db"))
	if code == 0 || !strings.Contains(errOut, "Unknown language") {
		t.Errorf("exit %d, %q", code, errOut)
	}
}

func TestMessagesFollowTheLanguage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "none.db")
	_, _, errOut := runCLI(t, "", "--db", db, "--lang", "kk")
	if !strings.Contains(errOut, "аудитория жоқ") {
		t.Errorf("Kazakh message expected, got %q", errOut)
	}
}

// The frame of the help pages is in the language asked for, cobra's own
// words included: no "Usage:" or "Flags:" left in English.
func TestHelpFrameIsInTheLanguageAskedFor(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.RU, i18n.KK} {
		c := i18n.New(lang)
		for _, args := range [][]string{{"--help"}, {"help", "sheets", "print"}, {"completion", "--help"}} {
			code, out, errOut := runCLI(t, "", append([]string{"--lang", string(lang)}, args...)...)
			if code != 0 {
				t.Fatalf("%s %v: exit %d: %s", lang, args, code, errOut)
			}
			for _, english := range []string{"Usage:", "Flags:", "Global Flags:", "Available Commands:", "help for ", "for more information"} {
				if strings.Contains(out, english) {
					t.Errorf("%s %v: %q is left in English:\n%s", lang, args, english, out)
				}
			}
			if !strings.Contains(out, c.T("cli.usage.usage")+":") || !strings.Contains(out, c.T("cli.usage.help_flag")) {
				t.Errorf("%s %v: the frame is not the catalogue's:\n%s", lang, args, out)
			}
		}
	}
}

// A file that cannot be opened is said in the officer's language, what
// was found included: not "not an examday file" on a Kazakh screen.
func TestAnOpenErrorReadsInTheOfficersLanguage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "notes.db")
	if err := os.WriteFile(db, []byte(strings.Repeat("not a hall file\n", 512)), 0o600); err != nil {
		t.Fatal(err)
	}
	kk := i18n.New(i18n.KK)
	code, _, errOut := runCLI(t, "", "events", "--db", db, "--lang", "kk")
	if code == 0 || !strings.Contains(errOut, kk.T("cli.open.not_examday", db)) || !strings.Contains(errOut, kk.T("store.not_examday")) ||
		strings.Contains(errOut, "not an examday file") {
		t.Errorf("exit %d, %q", code, errOut)
	}
}
