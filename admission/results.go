package admission

import (
	"cmp"
	"slices"
)

// The results of a programme's specialty exam: each applicant's standing,
// their points, pass or not by the programme's pass mark (AR 30), and
// the competition's order (AR 31), with the state-order places (AR 2)
// marking the recommended list.

// Standing is where an applicant stands in a programme's results.
type Standing string

const (
	StandingSat         Standing = "sat"          // sat the specialty exam and has points
	StandingAbsent      Standing = "absent"       // did not come to the specialty exam
	StandingRemoved     Standing = "removed"      // removed from the exam under §2.3 (Clause says which point)
	StandingNotAdmitted Standing = "not_admitted" // below the language gate, or no result of it (AR 20, 22)
)

// Sitting is what the halls' logs say of one applicant at the specialty
// exam, once the marks are joined to them: their standing and, for those
// who sat, their points per question in the ticket's order.
type Sitting struct {
	Applicant Applicant
	Standing  Standing
	Clause    string // §2.3's point, for StandingRemoved
	Points    []int
}

// Result is one applicant's line of the results.
type Result struct {
	Sitting
	Total int  `json:"total"`
	Pass  bool `json:"pass"`
	// Rank is the place in the competition of those who passed, from 1;
	// equal ranks are a tie that survived every rule of AR 31, for the
	// admission commission to decide. 0 for those who did not pass.
	Rank int `json:"rank"`
	// Tied: another applicant has the same Rank.
	Tied bool `json:"tied"`
	// Recommended: within the programme's state-order places (AR 2).
	// A tie across the last place is recommended whole and said
	// (Results.TieAtLastPlace): the commission decides it.
	Recommended bool `json:"recommended"`
}

// Results are a programme's results.
type Results struct {
	Programme string   `json:"programme"`
	Places    int      `json:"places"`
	PassMark  int      `json:"pass_mark"`
	Lines     []Result `json:"lines"` // those who passed, by rank; then the others, in the applicants' order
	Passed    int      `json:"passed"`
	// TieAtLastPlace: applicants tied for the last of the places, more of
	// them than places are left.
	TieAtLastPlace bool `json:"tie_at_last_place"`
}

// Rank makes a programme's results from its sittings for campaign c: the
// total of the points (the 100-point scale of AR 30), pass by the
// programme's pass mark, and the order of those who passed — the total,
// then the longer law-enforcement service (counted on the last day
// documents are accepted, AR 4), then the scientific achievements in the
// order AR 31 lists them: publications (all, then those in high-ranked
// journals), certificates of research, scholarships and grants, diplomas
// of conferences and contests, each a count compared on its own, the
// first that differs deciding. A tie that survives every rule is a tie,
// never broken by chance or by the list's order.
func Rank(c Campaign, programme string, sittings []Sitting) (Results, error) {
	plan, ok := c.Programme(programme)
	if !ok {
		return Results{}, refuse(RefuseRosterProgramme, programme, c.Year)
	}
	res := Results{Programme: plan.Code, Places: plan.Places, PassMark: plan.PassMark}
	var passed, others []Result
	for _, s := range sittings {
		r := Result{Sitting: s}
		for _, p := range s.Points {
			r.Total += p
		}
		r.Pass = s.Standing == StandingSat && r.Total >= plan.PassMark
		if r.Pass {
			passed = append(passed, r)
		} else {
			others = append(others, r)
		}
	}
	day := c.Dates.DocumentsTo
	order := func(a, b Result) int { return competition(a, b, day) }
	slices.SortStableFunc(passed, order)
	for i := range passed {
		switch {
		case i > 0 && order(passed[i-1], passed[i]) == 0:
			passed[i].Rank = passed[i-1].Rank
			passed[i].Tied, passed[i-1].Tied = true, true
		default:
			passed[i].Rank = i + 1
		}
	}
	for i := range passed {
		passed[i].Recommended = passed[i].Rank <= plan.Places
	}
	if n := len(passed); n > plan.Places && plan.Places > 0 && passed[plan.Places].Rank == passed[plan.Places-1].Rank {
		res.TieAtLastPlace = true
	}
	res.Lines, res.Passed = append(passed, others...), len(passed)
	return res, nil
}

// competition orders two results of those who passed: the one ahead
// first (negative), equal (0) only when every rule of AR 31 ties.
func competition(a, b Result, day Date) int {
	if n := cmp.Compare(b.Total, a.Total); n != 0 {
		return n
	}
	if n := cmp.Compare(b.Applicant.ServiceAt(day), a.Applicant.ServiceAt(day)); n != 0 {
		return n
	}
	x, y := a.Applicant, b.Applicant
	for _, pair := range [][2]int{
		{x.Publications, y.Publications},
		{x.PublicationsHigh, y.PublicationsHigh},
		{x.ResearchCertificates, y.ResearchCertificates},
		{x.Grants, y.Grants},
		{x.Diplomas, y.Diplomas},
	} {
		if n := cmp.Compare(pair[1], pair[0]); n != 0 {
			return n
		}
	}
	return 0
}
