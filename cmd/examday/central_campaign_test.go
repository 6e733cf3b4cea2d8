package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"examday/exam"
	"examday/store"
)

// The campaign's applicants as the secretary keeps them, in a workbook:
// columns in another order than the CSV's, a certificate, a language
// score below the gate, too little service.
func applicantsWorkbook(t *testing.T, path string) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	rows := [][]any{
		{"full_name", "id", "programme", "id_document", "service_years", "language", "language_score", "certificate", "certificate_score"},
		{"Сәрсенбаева Айгерім", "A-001", "7M04203", "041234567", 3.5, "en", 34, "", ""},
		{"Өтеғали Нұрлан", "A-002", "8D12301", "041234569", 5.2, "", "", "IELTS", "5.5"},
		{"Ким Виктория", "A-003", "7M04203", "N12345678", 4, "fr", 29, "", ""},
		{"Смит Джон", "A-004", "7M04203", "041234570", 2, "en", "", "TOEFL ITP", 337},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// The admission campaign at the central record, as a secretary runs it:
// the campaign file set with the chairs' PINs (refused with every reason
// when it breaks the rules, and nothing recorded), shown; the applicants
// imported from a workbook; a hall's roster of those admitted to the
// specialty exam, which `hall create` takes; the hall delivered back,
// and its examinees matched against the applicants in `central status`;
// the book verified as a bundle.
func TestTheAdmissionCampaignFromFileToRosterToStatus(t *testing.T) {
	isolateDataDir(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "central.db")
	if code, _, errOut := runCLI(t, "", "central", "enroll", "--db", db, "--hall", "Аудитория 1"); code != 0 {
		t.Fatal(errOut)
	}
	good, err := os.ReadFile("../../admission/testdata/campaign/good_full.toml")
	if err != nil {
		t.Fatal(err)
	}
	campaign := filepath.Join(dir, "campaign.toml")
	bad := filepath.Join(dir, "bad.toml")
	os.WriteFile(campaign, good, 0o600)
	os.WriteFile(bad, []byte(strings.Replace(strings.Replace(string(good), "pass_mark = 60", "pass_mark = 160", 1), "places = 5", "places = 0", 1)), 0o600)

	code, _, errOut := runCLI(t, "", "central", "campaign", "set", bad, "--db", db, "--pin-stdin")
	if code == 0 || !strings.Contains(errOut, "2 problems") || !strings.Contains(errOut, "pass_mark") || !strings.Contains(errOut, "places") {
		t.Errorf("a campaign that breaks two rules: exit %d, %q; want both reasons", code, errOut)
	}
	code, out, errOut := runCLI(t, "2468\n1357\n9753\n8642\n", "central", "campaign", "set", campaign, "--db", db, "--pin-stdin")
	if code != 0 || !strings.Contains(out, "Campaign 2027 set: revision 1, event 1") {
		t.Fatalf("campaign set: exit %d, %q %q", code, out, errOut)
	}
	if strings.Count(errOut, "The PIN of the chair of") != 4 {
		t.Errorf("asked %d PINs; want the four chairs':\n%s", strings.Count(errOut, "The PIN of the chair of"), errOut)
	}
	code, out, _ = runCLI(t, "", "central", "campaign", "show", "--db", db, "--lang", "ru")
	if code != 0 || !strings.Contains(out, "Кампания 2027, редакция 1") || !strings.Contains(out, "7M04203: мест госзаказа — 15, проходной балл — 60") {
		t.Errorf("campaign show: exit %d, %q", code, out)
	}
	// The same file again is no change, and is refused.
	if code, _, _ := runCLI(t, "", "central", "campaign", "set", campaign, "--db", db, "--reason", "again", "--pin-stdin"); code == 0 {
		t.Error("the same campaign was set twice")
	}

	book := filepath.Join(dir, "applicants.xlsx")
	applicantsWorkbook(t, book)
	code, out, errOut = runCLI(t, "", "central", "applicants", "import", book, "--db", db)
	if code != 0 || !strings.Contains(out, "4 applicants imported") {
		t.Fatalf("applicants import: exit %d, %q %q", code, out, errOut)
	}
	if !strings.Contains(out, "below the gate: 1") || !strings.Contains(out, "exempt (AR 22): 2") || !strings.Contains(out, "(AR 7–8): 1") {
		t.Errorf("the import's counts: %q", out)
	}

	roster := filepath.Join(dir, "roster.csv")
	code, out, errOut = runCLI(t, "", "central", "roster", "--db", db, "--hall", "Аудитория 1", "--programme", "7M04203", "--out", roster)
	if code != 0 || !strings.Contains(out, "2 seated") || !strings.Contains(out, "A-003 Ким Виктория — AR 20") || !strings.Contains(out, "flagged, seated: A-004") {
		t.Fatalf("roster: exit %d, %q %q", code, out, errOut)
	}
	if code, _, _ := runCLI(t, "", "central", "roster", "--db", db, "--hall", "Аудитория 1", "--programme", "7M04203", "--out", db); code == 0 {
		t.Error("a roster was written over the central record")
	}

	// The hall, from the roster with one row the officer added by hand,
	// and its examinees marked.
	text, _ := os.ReadFile(roster)
	os.WriteFile(roster, append(text, []byte("X-999,Посторонний Пётр,7M04203,N999,3\n")...), 0o600)
	hall := filepath.Join(dir, "hall.db")
	code, _, errOut = runCLI(t, "4321\n", "hall", "create", "--db", hall, "--name", "Аудитория 1", "--date", "2027-08-12",
		"--roster", roster, "--chairman", "Тұрсынов Асқар", "--officer", "Сейтқали Е.", "--pin-stdin")
	if code != 0 {
		t.Fatalf("hall create from the roster: %s", errOut)
	}
	s, err := store.Open(hall, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2027, 8, 12, 8, 0, 0, 0, time.UTC)
	for _, id := range []string{"A-001", "A-004", "X-999"} {
		at = at.Add(time.Minute)
		if _, err := s.Do(func(h *exam.Hall) ([]exam.Event, error) {
			ev, err := h.Arrive(id, at, "Сейтқали Е.")
			return []exam.Event{ev}, err
		}); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	enrolHall(t, db, hall, "Аудитория 1")
	bundleFile := filepath.Join(dir, "hall.bundle")
	os.WriteFile(bundleFile, hallBundle(t, hall, 1), 0o600)
	if code, _, errOut := runCLI(t, "", "central", "import", "--db", db, bundleFile); code != 0 {
		t.Fatal(errOut)
	}
	code, out, errOut = runCLI(t, "", "central", "status", "--db", db)
	if code != 0 || !strings.Contains(out, "Campaign 2027 (revision 1); applicants: 4") || !strings.Contains(out, "Examinees in the halls' logs: 3; flagged against the applicants: 1") ||
		!strings.Contains(out, "X-999 (Аудитория 1): not an applicant") {
		t.Errorf("status: exit %d, %q %q", code, out, errOut)
	}

	exported := filepath.Join(dir, "book.bundle")
	if code, _, errOut := runCLI(t, "", "central", "export", "--db", db, "--out", exported); code != 0 {
		t.Fatal(errOut)
	}
	if code, out, _ := runCLI(t, "", "verify", exported); code != 0 || !strings.Contains(out, "events 1–2") {
		t.Errorf("verify of the book: exit %d, %q", code, out)
	}
}
