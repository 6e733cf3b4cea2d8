package admission_test

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"examday/admission"
	"examday/exam"
)

// The hall roster (for "hall create --roster") seats those who may sit the
// specialty exam (AR 20, 22), 1…N in the applicants' order, and lists the
// others of its programmes with why; exam's own roster reader takes it.
func TestHallRosterSeatsThoseWhoMaySit(t *testing.T) {
	c := campaign2027()
	s, err := admission.HallRoster(goodApplicants, c, []string{"7m04203", "8D12301"})
	if err != nil {
		t.Fatal(err)
	}
	want := []exam.RosterRow{
		{ID: "A-001", FullName: "Сәрсенбаева Айгерім Қайратқызы", Programme: "7M04203", IDDocument: "041234567", Seat: "1"}, // 34 points
		{ID: "A-003", FullName: "Өтеғали Нұрлан Ғабитұлы", Programme: "8D12301", IDDocument: "041234569", Seat: "2"},        // IELTS 5.5
	}
	if !reflect.DeepEqual(s.Rows, want) {
		t.Errorf("rows %+v", s.Rows)
	}
	// A-003's 4.9 years are short of AR 8's five: seated, flagged.
	if f := s.Flagged["A-003"]; len(f) != 1 || f[0].Code != admission.NoteServiceShort || len(s.Flagged) != 1 {
		t.Errorf("flagged %+v", s.Flagged)
	}
	// A-004 has 29 points (AR 20); A-005's TOEFL ITP 336 does not exempt
	// and the language exam has no result yet. A-002 sits 7M12301: not
	// this hall's.
	var why []string
	for _, n := range s.NotSeated {
		why = append(why, n.Applicant.ID+" "+n.Why.Code)
	}
	if strings.Join(why, ", ") != "A-004 not_seated_gate, A-005 not_seated_pending" {
		t.Errorf("not seated: %v", why)
	}
	if args := s.NotSeated[0].Why.Args; !reflect.DeepEqual(args, []any{29, 30, 50}) {
		t.Errorf("why A-004: %v", args)
	}

	var buf bytes.Buffer
	if err := admission.WriteRoster(&buf, s.Rows); err != nil {
		t.Fatal(err)
	}
	back, err := exam.ParseRoster(&buf)
	if err != nil {
		t.Fatalf("exam's reader refused it: %v", err)
	}
	if !reflect.DeepEqual(back, want) {
		t.Errorf("read back %+v", back)
	}
}

// Names with commas and quotes, as the CSV must quote them, read back
// as they were.
func TestRosterReadsBackNamesThatNeedQuotes(t *testing.T) {
	var list []admission.Applicant
	for i, name := range []string{`Ким, Виктория`, `Әлиев "Әли" Әлиұлы`, `Smith; John`} {
		list = append(list, admission.Applicant{ID: string(rune('a' + i)), FullName: name, Programme: "7M12301",
			IDDocument: "D" + string(rune('0'+i)), ServiceYears: 5, LanguageScore: score(45)})
	}
	s, err := admission.HallRoster(list, campaign2027(), []string{"7M12301"})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := admission.WriteRoster(&buf, s.Rows); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("\xef\xbb\xbfid,full_name,programme,id_document,seat\n")) {
		t.Errorf("header %q", buf.String()[:60])
	}
	back, err := exam.ParseRoster(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, s.Rows) || back[2].Seat != "3" {
		t.Errorf("read back %+v\nwant %+v", back, s.Rows)
	}
}

func TestHallRosterRefusals(t *testing.T) {
	c := campaign2027()
	for _, tc := range []struct {
		name       string
		programmes []string
		code       string
	}{
		{"no programme", nil, admission.RefuseRosterNoProgrammes},
		{"a programme the campaign lacks", []string{"7M04203", "7M12303"}, admission.RefuseRosterProgramme},
		{"nobody may sit", []string{"7M12301"}, admission.RefuseRosterEmpty},
	} {
		list := goodApplicants
		if tc.code == admission.RefuseRosterEmpty {
			list = []admission.Applicant{{ID: "x", Programme: "7M12301", LanguageScore: score(10)}}
		}
		s, err := admission.HallRoster(list, c, tc.programmes)
		var r *admission.Refusal
		if !errors.As(err, &r) || r.Code != tc.code {
			t.Errorf("%s: %v", tc.name, err)
		}
		// Even refused, the roster of nobody says why.
		if tc.code == admission.RefuseRosterEmpty && (len(s.NotSeated) != 1 || len(s.Rows) != 0) {
			t.Errorf("%s: %+v", tc.name, s)
		}
	}
}
