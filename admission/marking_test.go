package admission_test

import (
	"fmt"
	"strings"
	"testing"

	"examday/admission"
)

// Double marking (the campaign's settings, defaults: two markers, a third
// beyond 20% of the question's maximum, whose mark decides): within the
// tolerance the sheet's mark is the mean, a half rounded up; beyond it
// the sheet waits for a third.
func TestTwoMarksMakeTheMeanOrCallAThird(t *testing.T) {
	r := admission.DefaultMarkingRules()
	const max = 25 // 20% of it is 5
	for _, c := range []struct {
		marks []int
		state admission.SheetState
		mark  int
	}{
		{nil, admission.SheetUnmarked, 0},
		{[]int{20}, admission.SheetMarkedOnce, 0},
		{[]int{20, 20}, admission.SheetMarked, 20},
		{[]int{17, 18}, admission.SheetMarked, 18}, // 17.5, up
		{[]int{15, 20}, admission.SheetMarked, 18}, // 5 apart is within 20%
		{[]int{14, 20}, admission.SheetWaitingThird, 0},
		{[]int{14, 20, 16}, admission.SheetMarked, 16}, // the third's decides
		{[]int{0, 25, 25}, admission.SheetMarked, 25},
	} {
		var marks []admission.Mark
		for i, p := range c.marks {
			marks = append(marks, admission.Mark{Code: "182015301309", Marker: fmt.Sprint("M", i), Station: fmt.Sprint("S", i), Points: p})
		}
		got := r.Resolve(max, marks)
		if got.State != c.state || got.Points != c.mark {
			t.Errorf("marks %v: %s %d; want %s %d", c.marks, got.State, got.Points, c.state, c.mark)
		}
	}
	// The campaign may name the other rule: the third with the nearer.
	r.Third = admission.ThirdWithNearer
	marks := []admission.Mark{{Marker: "A", Points: 10}, {Marker: "B", Points: 20}, {Marker: "C", Points: 19}}
	if got := r.Resolve(25, marks); got.State != admission.SheetMarked || got.Points != 20 { // (20+19)/2 = 19.5, up
		t.Errorf("third with the nearer: %s %d; want marked 20", got.State, got.Points)
	}
	// One marker: the first mark is the sheet's.
	one := admission.MarkingRules{Markers: 1, ThirdOver: 0.2, Third: admission.ThirdDecides}
	if got := one.Resolve(25, marks[:1]); got.State != admission.SheetMarked || got.Points != 10 {
		t.Errorf("one marker: %s %d", got.State, got.Points)
	}
}

// A mark is refused with its reason: points outside 0…max; a second mark
// by the same marker unless it is a correction; a second mark from the
// same station; a third mark when none is called, or from one of the
// first two markers.
func TestAMarkIsRefusedWithItsReason(t *testing.T) {
	r := admission.DefaultMarkingRules()
	mk := func(marker, station string, points int) admission.Mark {
		return admission.Mark{Code: "182015301309", Marker: marker, Station: station, Points: points}
	}
	add := func(marks []admission.Mark, m admission.Mark, correction bool) ([]admission.Mark, string) {
		out, err := r.AddMark(25, marks, m, correction)
		if err != nil {
			return marks, refusalCode(err)
		}
		return out, ""
	}
	var marks []admission.Mark
	var code string
	for _, c := range []struct {
		m          admission.Mark
		correction bool
		want       string
	}{
		{mk("Ким", "S1", 26), false, admission.RefusePointsRange},
		{mk("Ким", "S1", -1), false, admission.RefusePointsRange},
		{mk("Ким", "S1", 12), true, admission.RefuseNothingToCorrect},
		{mk("Ким", "S1", 12), false, ""},
		{mk("Ким", "S1", 13), false, admission.RefuseMarkedAlready},
		{mk("Ким", "S1", 10), true, ""}, // a correction takes the place of Ким's mark
		{mk("Омаров", "S1", 20), false, admission.RefuseSameStation},
		{mk("Омаров", "S2", 20), false, ""}, // 10 and 20: waiting for a third
		{mk("Ким", "S3", 15), false, admission.RefuseMarkedAlready},
		{mk("Ли", "S3", 18), false, ""},
		{mk("Абенов", "S4", 18), false, admission.RefuseSheetMarked},
	} {
		marks, code = add(marks, c.m, c.correction)
		if code != c.want {
			t.Errorf("%s at %s, %d points (correction %v): %q; want %q", c.m.Marker, c.m.Station, c.m.Points, c.correction, code, c.want)
		}
	}
	got := r.Resolve(25, marks)
	if got.State != admission.SheetMarked || got.Points != 18 || len(got.Marks) != 3 || got.Marks[0].Points != 10 {
		t.Errorf("the sheet: %+v; want marked 18 by three marks, Ким's corrected to 10", got)
	}
}

func TestMarkingRulesAreChecked(t *testing.T) {
	for _, c := range []struct {
		r    admission.MarkingRules
		want string
	}{
		{admission.DefaultMarkingRules(), ""},
		{admission.MarkingRules{Markers: 3, ThirdOver: 0.2, Third: "third"}, admission.RefuseMarkers},
		{admission.MarkingRules{Markers: 2, ThirdOver: 1, Third: "third"}, admission.RefuseThirdOver},
		{admission.MarkingRules{Markers: 2, ThirdOver: 0.2, Third: "mean"}, admission.RefuseThirdRule},
	} {
		got := ""
		if err := c.r.Check(); err != nil {
			got = refusalCode(err)
		}
		if got != c.want {
			t.Errorf("%+v: %q; want %q", c.r, got, c.want)
		}
	}
}

func applicant(id string, service float64, pubs ...int) admission.Applicant {
	a := admission.Applicant{ID: id, FullName: "Applicant " + id, Programme: "7M04203", ServiceYears: service}
	counts := []*int{&a.Publications, &a.PublicationsHigh, &a.ResearchCertificates, &a.Grants, &a.Diplomas}
	for i, n := range pubs {
		*counts[i] = n
	}
	return a
}

// The results of a programme (AR 30, 31, 2): the total of the points,
// pass by the pass mark; among those who passed, the total first, then
// the longer service, then the scientific achievements in AR 31's order;
// a tie that survives every rule is a tie, and one across the last of the
// places is said, never broken. Those who did not sit keep their standing.
func TestResultsAreRankedByTheRules(t *testing.T) {
	c := campaign2027() // 7M04203: pass mark 60
	c.Programmes[0].Places = 3
	sat := func(a admission.Applicant, points ...int) admission.Sitting {
		return admission.Sitting{Applicant: a, Standing: admission.StandingSat, Points: points}
	}
	sittings := []admission.Sitting{
		sat(applicant("A", 4), 20, 20, 20, 10),       // 70
		sat(applicant("B", 6), 20, 20, 20, 10),       // 70, longer service: ahead of A
		sat(applicant("C", 4, 2), 20, 20, 10, 10),    // 60: the pass mark, passes
		sat(applicant("D", 4, 2, 1), 20, 20, 10, 10), // 60, a high-ranked publication: ahead of C
		sat(applicant("E", 4, 2, 1), 20, 20, 10, 10), // 60, all equal to D: tied with D
		sat(applicant("F", 9, 9, 9), 20, 20, 10, 9),  // 59: below the pass mark
		{Applicant: applicant("G", 3), Standing: admission.StandingAbsent},
		{Applicant: applicant("H", 3), Standing: admission.StandingRemoved, Clause: "a"},
		{Applicant: applicant("I", 3), Standing: admission.StandingNotAdmitted},
	}
	res, err := admission.Rank(c, "7M04203", sittings)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range res.Lines {
		got = append(got, fmt.Sprintf("%s:%d:%v:%d:%v:%v", l.Applicant.ID, l.Total, l.Pass, l.Rank, l.Tied, l.Recommended))
	}
	want := []string{
		"B:70:true:1:false:true",
		"A:70:true:2:false:true",
		"D:60:true:3:true:true",
		"E:60:true:3:true:true",
		"C:60:true:5:false:false",
		"F:59:false:0:false:false",
		"G:0:false:0:false:false",
		"H:0:false:0:false:false",
		"I:0:false:0:false:false",
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("results:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if res.Passed != 5 || !res.TieAtLastPlace {
		t.Errorf("passed %d, tie at the last place %v; want 5 and a tie (D and E for the third place)", res.Passed, res.TieAtLastPlace)
	}
	// The order of the list given changes nothing.
	for i, j := 0, len(sittings)-1; i < j; i, j = i+1, j-1 {
		sittings[i], sittings[j] = sittings[j], sittings[i]
	}
	again, _ := admission.Rank(c, "7M04203", sittings)
	for i := range 5 {
		if again.Lines[i].Rank != res.Lines[i].Rank || (again.Lines[i].Applicant.ID != res.Lines[i].Applicant.ID && !res.Lines[i].Tied) {
			t.Errorf("reversed list, line %d: %s rank %d; was %s rank %d", i, again.Lines[i].Applicant.ID, again.Lines[i].Rank, res.Lines[i].Applicant.ID, res.Lines[i].Rank)
		}
	}
	if _, err := admission.Rank(c, "7M12303", sittings); refusalCode(err) != admission.RefuseRosterProgramme {
		t.Errorf("a programme not in the campaign: %v", err)
	}
}
