package admission_test

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"examday/admission"
	"examday/exam"
)

// The applicants files under testdata/applicants: every good_*.csv but
// good_minimal is the same five applicants, saved a different way; every
// bad_*.csv is refused with exactly the problems its .want lists.

func score(n int) *int { return &n }

// goodApplicants is what every full good file holds, for campaign2027.
var goodApplicants = []admission.Applicant{
	{Line: 2, ID: "A-001", FullName: "Сәрсенбаева Айгерім Қайратқызы", Programme: "7M04203", IDDocument: "041234567",
		ServiceYears: 3.5, Language: "en", LanguageScore: score(34), Publications: 2, PublicationsHigh: 1, Diplomas: 1},
	{Line: 3, ID: "A-002", FullName: "Иванов Пётр Сергеевич", Programme: "7M12301", IDDocument: "041234568",
		ServiceSince: admission.NewDate(2019, time.September, 1), Language: "de", Certificate: &admission.Certificate{Name: "DSH", Score: "B2"}},
	{Line: 4, ID: "A-003", FullName: "Өтеғали Нұрлан Ғабитұлы", Programme: "8D12301", IDDocument: "041234569",
		ServiceYears: 4.9, Language: "en", Certificate: &admission.Certificate{Name: "IELTS", Score: "5.5"},
		Publications: 5, PublicationsHigh: 2, ResearchCertificates: 1, Grants: 1, Diplomas: 3},
	{Line: 5, ID: "A-004", FullName: "Ким, Виктория", Programme: "7M04203", IDDocument: "N12345678",
		ServiceSince: admission.NewDate(2020, time.March, 1), Language: "fr", LanguageScore: score(29)},
	{Line: 6, ID: "A-005", FullName: "Smith John", Programme: "7M04203", IDDocument: "041234570",
		ServiceYears: 10, Language: "en", Certificate: &admission.Certificate{Name: "TOEFL ITP", Score: "336"}},
}

func TestReadApplicantsGoodFiles(t *testing.T) {
	for _, name := range []string{"good_comma.csv", "good_semicolon_bom_crlf.csv"} {
		t.Run(name, func(t *testing.T) {
			list, err := admission.ReadApplicants(bytes.NewReader(readFile(t, "testdata/applicants/"+name)), campaign2027())
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			if !reflect.DeepEqual(list, goodApplicants) {
				t.Errorf("applicants\n%s\nwant\n%s", show(list), show(goodApplicants))
			}
		})
	}
}

// Absent columns count 0: a file with the required columns alone imports.
func TestReadApplicantsMinimalColumns(t *testing.T) {
	list, err := admission.ReadApplicants(bytes.NewReader(readFile(t, "testdata/applicants/good_minimal.csv")), campaign2027())
	if err != nil {
		t.Fatalf("refused: %v", err)
	}
	want := []admission.Applicant{
		{Line: 2, ID: "B-1", FullName: "Жұмабек Ұлан", Programme: "7M04203", IDDocument: "D1", ServiceYears: 3, Language: "en"},
		{Line: 3, ID: "B-2", FullName: "Ли Ольга", Programme: "8D12301", IDDocument: "D2", ServiceYears: 5, Language: "fr"},
	}
	if !reflect.DeepEqual(list, want) {
		t.Errorf("applicants\n%s\nwant\n%s", show(list), show(want))
	}
}

// Nothing half-imported: a file with any bad row returns no applicant, and
// every bad row is listed by its line.
func TestReadApplicantsBadFiles(t *testing.T) {
	files, err := filepath.Glob("testdata/applicants/bad_*.csv")
	if err != nil || len(files) < 8 {
		t.Fatalf("bad applicants files: %v %v", files, err)
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			want := readWant(t, strings.TrimSuffix(path, ".csv")+".want")
			list, err := admission.ReadApplicants(bytes.NewReader(readFile(t, path)), campaign2027())
			if list != nil {
				t.Errorf("applicants returned with problems: %v", list)
			}
			var ae *admission.ApplicantsError
			if !errors.As(err, &ae) {
				t.Fatalf("got %v, want *ApplicantsError", err)
			}
			if got := problemLines(ae.Problems); !slices.Equal(got, want) {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			if !strings.Contains(ae.Error(), fmt.Sprintf("%d problem(s)", len(want))) {
				t.Errorf("Error() = %q", ae.Error())
			}
		})
	}
}

// A workbook as the commission's secretary keeps it: made here with
// excelize and read back. Numbers are typed as numbers and the day service
// began as an Excel date; a blank row in the middle keeps the rows'
// numbers as Excel shows them.
func TestReadApplicantsWorkbook(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	header := []any{"Full_Name", "id", "programme", "id_document", "service_years", "service_since", "language",
		"language_score", "certificate", "certificate_score", "publications", "publications_high", "research_certificates", "grants", "diplomas"}
	rows := [][]any{
		header,
		{"Сәрсенбаева Айгерім Қайратқызы", "A-001", "7M04203", "041234567", 3.5, nil, "en", 34, nil, nil, 2, 1, 0, 0, 1},
		{"Иванов Пётр Сергеевич", "A-002", "7m12301", "041234568", nil, time.Date(2019, 9, 1, 0, 0, 0, 0, time.UTC), "de", nil, "DSH", "В2"},
		{"Өтеғали Нұрлан Ғабитұлы", "A-003", "8D12301", "041234569", 4.9, nil, nil, nil, "IELTS", 5.5, 5, 2, 1, 1, 3},
		{"Ким, Виктория", "A-004", "7M04203", "N12345678", nil, "01.03.2020", "fr", 29},
		{"Smith John", "A-005", "7M04203", "041234570", 10, nil, "en", nil, "TOEFL ITP", 336},
	}
	fillSheet(t, f, "Sheet1", rows)
	// Another sheet first, named otherwise: the "applicants" sheet is read.
	if _, err := f.NewSheet("applicants"); err != nil {
		t.Fatal(err)
	}
	f.SetSheetName("Sheet1", "Notes")
	fillSheet(t, f, "applicants", rows[:2])
	f.InsertRows("applicants", 3, 1) // a blank row 3
	for i, r := range rows[2:] {
		setRow(t, f, "applicants", i+4, r)
	}
	if err := f.SetCellStyle("applicants", "F4", "F4", dateStyle(t, f)); err != nil {
		t.Fatal(err)
	}
	if raw, _ := f.GetCellValue("applicants", "F4", excelize.Options{RawCellValue: true}); raw != "43709" {
		t.Fatalf("the date cell holds %q, not Excel's serial day 43709", raw)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}

	list, err := admission.ReadApplicants(bytes.NewReader(buf.Bytes()), campaign2027())
	if err != nil {
		t.Fatalf("refused: %v", err)
	}
	want := slices.Clone(goodApplicants)
	for i := range want {
		if i > 0 {
			want[i].Line++ // below the blank row
		}
	}
	if !reflect.DeepEqual(list, want) {
		t.Errorf("applicants\n%s\nwant\n%s", show(list), show(want))
	}
}

// A workbook's bad rows are reported at their row numbers, as Excel
// shows them; nothing is imported.
func TestReadApplicantsWorkbookBadRows(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	fillSheet(t, f, "Sheet1", [][]any{
		{"id", "full_name", "programme", "id_document", "service_since", "language", "publications"},
		{"W-1", "Әлиев Ә.", "7M04203", "D1", time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), "en", 2.0},
		{"W-2", "Бекова Б.", "7M04209", "D2", time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), "en", 1.5},
		{"W-3", "Васильев В.", "7M04203", "D3", "not a day", "en", nil, "a cell past the header"},
	})
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	_, err := admission.ParseApplicantsXLSX(bytes.NewReader(buf.Bytes()), campaign2027())
	var ae *admission.ApplicantsError
	if !errors.As(err, &ae) {
		t.Fatalf("got %v", err)
	}
	want := []string{
		"3 programme unknown_programme [7M04209]",
		"3 publications count [publications 1.5]",
		"4 - column_count [8 7]",
	}
	if got := problemLines(ae.Problems); !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestReadApplicantsNotAWorkbook(t *testing.T) {
	_, err := admission.ParseApplicantsXLSX(strings.NewReader("id,full_name\n"), campaign2027())
	if got := codes(t, err); !slices.Equal(got, []string{admission.ApplicantsNotWorkbook}) {
		t.Errorf("codes %v", got)
	}
	// A ZIP that is not a workbook is known as a workbook and refused as one.
	_, err = admission.ReadApplicants(strings.NewReader("PK\x03\x04 broken"), campaign2027())
	if got := codes(t, err); !slices.Equal(got, []string{admission.ApplicantsNotWorkbook}) {
		t.Errorf("codes %v", got)
	}
}

// AR 7, 8: too little service is a flag for the commission, counted on
// the documents' last day; the anniversary itself counts.
func TestEligibilityFlags(t *testing.T) {
	c := campaign2027() // documents close on 2027-07-25
	for _, tc := range []struct {
		name string
		a    admission.Applicant
		flag bool
	}{
		{"AR 7 three years", admission.Applicant{Programme: "7M04203", ServiceYears: 3}, false},
		{"AR 7 2.9 years", admission.Applicant{Programme: "7M04203", ServiceYears: 2.9}, true},
		{"AR 7 three years to the day", admission.Applicant{Programme: "7M12301", ServiceSince: admission.NewDate(2024, time.July, 25)}, false},
		{"AR 7 a day short of three years", admission.Applicant{Programme: "7M12301", ServiceSince: admission.NewDate(2024, time.July, 26)}, true},
		{"AR 8 five years", admission.Applicant{Programme: "8D12301", ServiceYears: 5}, false},
		{"AR 8 4.9 years", admission.Applicant{Programme: "8D12301", ServiceYears: 4.9}, true},
		{"AR 8 a master's four years are short of a doctorate's five", admission.Applicant{Programme: "8D12301", ServiceSince: admission.NewDate(2023, time.January, 1)}, true},
	} {
		flags := tc.a.Flags(c)
		if (len(flags) > 0) != tc.flag {
			t.Errorf("%s: flags %v", tc.name, flags)
		}
		if tc.flag && (flags[0].Code != admission.NoteServiceShort || flags[0].Args[1] != admission.MinService(tc.a.Level())) {
			t.Errorf("%s: %+v", tc.name, flags[0])
		}
	}
	if admission.MinService(exam.Master) != 3 || admission.MinService(exam.Doctoral) != 5 {
		t.Error("AR 7, 8: 3 and 5 years")
	}
	a := admission.Applicant{Programme: "8D12301", ServiceSince: admission.NewDate(2023, time.January, 1)}
	if got := a.Flags(c)[0].Args[0]; got != "4.5" {
		t.Errorf("the service said: %v", got)
	}
}

func fillSheet(t *testing.T, f *excelize.File, sheet string, rows [][]any) {
	t.Helper()
	for i, r := range rows {
		setRow(t, f, sheet, i+1, r)
	}
}

func setRow(t *testing.T, f *excelize.File, sheet string, row int, values []any) {
	t.Helper()
	cell, err := excelize.CoordinatesToCellName(1, row)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetSheetRow(sheet, cell, &values); err != nil {
		t.Fatal(err)
	}
}

func dateStyle(t *testing.T, f *excelize.File) int {
	t.Helper()
	id, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func show(list []admission.Applicant) string {
	var b strings.Builder
	for _, a := range list {
		fmt.Fprintf(&b, "%+v", a)
		if a.LanguageScore != nil {
			fmt.Fprintf(&b, " score=%d", *a.LanguageScore)
		}
		if a.Certificate != nil {
			fmt.Fprintf(&b, " cert=%s", a.Certificate)
		}
		b.WriteString("\n")
	}
	return b.String()
}
