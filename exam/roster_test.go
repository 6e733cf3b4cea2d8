package exam_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"examday/exam"
)

// The rosters under testdata/roster are the files an officer brings (SPEC
// step 1). Every good_*.csv is the same five examinees, saved a different
// way; every bad_*.csv has a sibling .want listing its problems, one a
// line, as "LINE CODE [ARGS]" ("#" starts a comment).

// goodRoster is what every good_*.csv holds. §1.2's codes come out upper
// case even where the file has them in lower case.
var goodRoster = []exam.RosterRow{
	{ID: "101", FullName: "Сәрсенбаева Айгерім Қайратқызы", Programme: "7M04203", IDDocument: "041234567", Seat: "1"},
	{ID: "102", FullName: "Иванов Пётр Сергеевич", Programme: "7M12301", IDDocument: "041234568", Seat: "2"},
	{ID: "103", FullName: "Өтеғали Нұрлан Ғабитұлы", Programme: "7M12303", IDDocument: "041234569", Seat: "3"},
	{ID: "104", FullName: "Жұмабек Ұлан", Programme: "8D04201", IDDocument: "N12345678", Seat: "4"},
	{ID: "105", FullName: "Ким Виктория", Programme: "8D12301", IDDocument: "041234570", Seat: "5"},
}

func TestParseRosterGoodFiles(t *testing.T) {
	files, err := filepath.Glob("testdata/roster/good_*.csv")
	if err != nil || len(files) < 3 {
		t.Fatalf("good rosters: %v %v", files, err)
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			rows, err := exam.ParseRoster(bytes.NewReader(readFile(t, path)))
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			if !reflect.DeepEqual(rows, goodRoster) {
				t.Errorf("rows\n%v\nwant\n%v", rows, goodRoster)
			}
			// What parses also passes the hall's own check.
			if probs := exam.CheckRoster(rows); len(probs) != 0 {
				t.Errorf("CheckRoster: %v", probs)
			}
		})
	}
}

// Every bad row is reported by its line in the file, all of them at once,
// and nothing is imported.
func TestParseRosterBadFiles(t *testing.T) {
	files, err := filepath.Glob("testdata/roster/bad_*.csv")
	if err != nil || len(files) < 5 {
		t.Fatalf("bad rosters: %v %v", files, err)
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			want := readWant(t, strings.TrimSuffix(path, ".csv")+".want")
			rows, err := exam.ParseRoster(bytes.NewReader(readFile(t, path)))
			if rows != nil {
				t.Errorf("rows returned with problems: %v", rows)
			}
			var re *exam.RosterError
			if !errors.As(err, &re) {
				t.Fatalf("got %v, want *RosterError", err)
			}
			got := make([]string, len(re.Problems))
			for i, p := range re.Problems {
				got[i] = fmt.Sprintf("%d %s %v", p.Line, p.Code, p.Args)
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			if !strings.Contains(re.Error(), fmt.Sprintf("%d problem(s)", len(want))) {
				t.Errorf("Error() = %q", re.Error())
			}
		})
	}
}

// The same checks in small, inline cases, where a file would hide the point.
func TestParseRosterInline(t *testing.T) {
	const header = "id,full_name,programme,id_document,seat\n"
	for _, tc := range []struct {
		name string
		in   string
		want []string // problems; nil means the roster is good
	}{
		// The header decides the separator: commas inside a semicolon file
		// are part of the name.
		{"commas inside a semicolon file", "id;full_name;programme;id_document;seat\n1;Ли, Анна;7M04203;D1;1\n", nil},
		{"quoted separator", header + `1,"Ли, Анна",7M04203,D1,1` + "\n", nil},
		{"no newline at the end", header + "1,Ли Анна,7M04203,D1,1", nil},
		{"a blank line in the middle", header + "1,Ли Анна,7M04203,D1,1\n\n   \n2,Ким Ирина,7M04203,D2,2\n", nil},
		{"lines after a blank line keep their numbers", header + "\n1,Ли Анна,7X04203,D1,1\n", []string{"3 unknown_programme [7X04203]"}},
		{"a Cyrillic М in the code is not §1.2's", header + "1,Ли Анна,7М04203,D1,1\n", []string{"2 unknown_programme [7М04203]"}},
		{"seat compared as written", header + "1,Ли Анна,7M04203,D1,01\n2,Ким Ирина,7M04203,D2,1\n", nil},
		{"a BOM alone is empty", "\ufeff", []string{"1 empty []"}},
		{"a header that is not CSV", `"id,full_name` + "\n", []string{"1 bad_header [id, full_name, programme, id_document, seat]"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows, err := exam.ParseRoster(strings.NewReader(tc.in))
			if tc.want == nil {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				if len(rows) == 0 {
					t.Fatal("no rows")
				}
				return
			}
			var re *exam.RosterError
			if !errors.As(err, &re) {
				t.Fatalf("got %v (rows %v), want *RosterError", err, rows)
			}
			var got []string
			for _, p := range re.Problems {
				got = append(got, fmt.Sprintf("%d %s %v", p.Line, p.Code, p.Args))
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("problems %q, want %q", got, tc.want)
			}
		})
	}
}

// A programme code typed in lower case ("7m04203") is upper-cased: §1.2's
// codes are unambiguous in either case, and a spreadsheet's autocorrect
// should not stop an exam. The stored row has the code as §1.2 writes it.
func TestParseRosterUpperCasesProgrammeCodes(t *testing.T) {
	in := "id,full_name,programme,id_document,seat\n1,Ли Анна, 8d12301 ,D1,1\n"
	rows, err := exam.ParseRoster(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if rows[0].Programme != "8D12301" {
		t.Errorf("programme %q, want 8D12301", rows[0].Programme)
	}
	if p, ok := exam.ProgrammeByCode(rows[0].Programme); !ok || p.Level != exam.Doctoral {
		t.Errorf("upper-cased code not found in §1.2: %+v", p)
	}
}

// CheckRoster, used when rows come from somewhere else than a file, counts
// the header as line 1 and checks the same things; it does not upper-case.
func TestCheckRoster(t *testing.T) {
	rows := rosterRows()
	rows = append(rows, exam.RosterRow{ID: "A1", FullName: "", Programme: "7m04203", IDDocument: "041234567", Seat: "9"})
	var got []string
	for _, p := range exam.CheckRoster(rows) {
		got = append(got, fmt.Sprintf("%d %s %v", p.Line, p.Code, p.Args))
	}
	want := []string{
		"5 empty_field [full_name]",
		"5 unknown_programme [7m04203]",
		"5 duplicate_id [A1 2]",
		"5 duplicate_id_document [041234567 2]",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems %q, want %q", got, want)
	}
	if probs := exam.CheckRoster(rosterRows()); probs != nil {
		t.Errorf("good rows: %v", probs)
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("usb stick removed") }

func TestParseRosterPassesOnReadErrors(t *testing.T) {
	_, err := exam.ParseRoster(failingReader{})
	var re *exam.RosterError
	if err == nil || errors.As(err, &re) || !strings.Contains(err.Error(), "usb stick removed") {
		t.Errorf("got %v, want the reader's error", err)
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func readWant(t *testing.T, path string) []string {
	t.Helper()
	var out []string
	for _, line := range strings.Split(string(readFile(t, path)), "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	if len(out) == 0 {
		t.Fatalf("%s lists no problems", path)
	}
	return out
}
