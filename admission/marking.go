package admission

import (
	"math"
	"slices"
)

// Marking is anonymous and, by default, double: each answer sheet is
// marked, by its code only, by two markers at two marking stations; a
// discrepancy beyond the campaign's tolerance calls a third marker, who
// sees neither earlier mark. The rules (AR 30) say only that the
// specialty exam is out of 100; how many markers, and how their marks make
// one, are the campaign's settings, with the defaults below.

// MarkingRules are the campaign's settings for marking a sheet.
type MarkingRules struct {
	// Markers is how many independent markers each sheet needs: 1 or 2.
	Markers int `json:"markers"`
	// ThirdOver is the discrepancy, as a share of the question's maximum,
	// beyond which (strictly more than) two marks call a third marker.
	ThirdOver float64 `json:"third_over"`
	// Third is how a third mark settles a discrepancy: ThirdDecides (the
	// third's mark is the sheet's), or ThirdWithNearer (the mean of the
	// third's and the nearer of the first two, rounded as a mean is).
	Third string `json:"third"`
}

// How a third mark settles a discrepancy.
const (
	ThirdDecides    = "third"
	ThirdWithNearer = "with_nearer"
)

// DefaultMarkingRules are the defaults the campaign file may override: two
// markers, a third beyond 20% of the question's maximum, the third's mark
// decides.
func DefaultMarkingRules() MarkingRules {
	return MarkingRules{Markers: 2, ThirdOver: 0.20, Third: ThirdDecides}
}

// Check says what is wrong with the rules, if anything.
func (r MarkingRules) Check() error {
	switch {
	case r.Markers != 1 && r.Markers != 2:
		return refuse(RefuseMarkers, r.Markers)
	case r.ThirdOver < 0 || r.ThirdOver >= 1 || math.IsNaN(r.ThirdOver):
		return refuse(RefuseThirdOver, r.ThirdOver)
	case r.Third != ThirdDecides && r.Third != ThirdWithNearer:
		return refuse(RefuseThirdRule, r.Third)
	}
	return nil
}

// Mark is one marker's points for one sheet, as a marking station's log
// holds it (Station and Seq name where: the book of the central record
// names them in each mark it takes).
type Mark struct {
	Code    string `json:"code"`
	Marker  string `json:"marker"`
	Station string `json:"station"`
	Seq     uint64 `json:"seq"`
	Points  int    `json:"points"`
}

// SheetState is where a sheet stands in its marking.
type SheetState string

const (
	SheetUnmarked     SheetState = "unmarked"
	SheetMarkedOnce   SheetState = "marked_once"   // a second marker is needed
	SheetWaitingThird SheetState = "waiting_third" // two marks too far apart
	SheetMarked       SheetState = "marked"        // the sheet has its mark
)

// Resolution is a sheet's marking: its state, its mark once it has one,
// and the marks that made it, in the order they came.
type Resolution struct {
	State  SheetState `json:"state"`
	Points int        `json:"points"` // the sheet's mark, when State is SheetMarked
	Marks  []Mark     `json:"marks"`
}

// AddMark checks a mark of a sheet whose question is out of max, against
// the marks it has (the rules: points from 0 to the maximum; a second
// mark from another marker at another station; a third only when called,
// from neither of the first two), and returns the marks with it. A mark
// by a marker who marked the sheet already is a correction: it takes the
// place of that marker's mark, and needs a reason (the caller records it).
func (r MarkingRules) AddMark(max int, marks []Mark, m Mark, correction bool) ([]Mark, error) {
	if m.Points < 0 || m.Points > max {
		return nil, refuse(RefusePointsRange, m.Code, m.Points, max)
	}
	out := slices.Clone(marks)
	if i := slices.IndexFunc(out, func(o Mark) bool { return o.Marker == m.Marker }); i >= 0 {
		if !correction {
			return nil, refuse(RefuseMarkedAlready, m.Code, m.Marker, out[i].Points)
		}
		out[i] = m
		return out, nil
	}
	if correction {
		return nil, refuse(RefuseNothingToCorrect, m.Code, m.Marker)
	}
	for _, o := range out {
		if o.Station == m.Station {
			return nil, refuse(RefuseSameStation, m.Code, m.Station, o.Marker)
		}
	}
	switch state := r.Resolve(max, out).State; state {
	case SheetMarked:
		return nil, refuse(RefuseSheetMarked, m.Code)
	case SheetUnmarked, SheetMarkedOnce, SheetWaitingThird:
	}
	return append(out, m), nil
}

// Resolve is a sheet's marking by its marks (AddMark's, in their order),
// for a question out of max.
func (r MarkingRules) Resolve(max int, marks []Mark) Resolution {
	res := Resolution{Marks: marks}
	switch {
	case len(marks) == 0:
		res.State = SheetUnmarked
	case r.Markers == 1:
		res.State, res.Points = SheetMarked, marks[0].Points
	case len(marks) == 1:
		res.State = SheetMarkedOnce
	case !r.apart(max, marks[0].Points, marks[1].Points):
		res.State, res.Points = SheetMarked, meanPoints(marks[0].Points, marks[1].Points)
	case len(marks) == 2:
		res.State = SheetWaitingThird
	default:
		res.State, res.Points = SheetMarked, r.settle(marks[0].Points, marks[1].Points, marks[2].Points)
	}
	return res
}

// apart reports whether two marks differ by more than the tolerance.
func (r MarkingRules) apart(max, a, b int) bool {
	return float64(abs(a-b)) > r.ThirdOver*float64(max)
}

// settle is the sheet's mark when a third marker gave c to settle a and b.
func (r MarkingRules) settle(a, b, c int) int {
	if r.Third == ThirdDecides {
		return c
	}
	nearer := a
	if abs(b-c) < abs(a-c) {
		nearer = b
	}
	return meanPoints(nearer, c)
}

// meanPoints is the mean of two marks in whole points, a half rounded up:
// the marker's benefit of the doubt goes to the applicant.
func meanPoints(a, b int) int { return (a + b + 1) / 2 }

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// The refusals of marking (words: "admission."+code).
const (
	RefuseMarkers          = "marking_markers"            // Args: the number given
	RefuseThirdOver        = "marking_third_over"         // Args: the share given
	RefuseThirdRule        = "marking_third_rule"         // Args: the rule given
	RefusePointsRange      = "marking_points_range"       // Args: code, points, maximum
	RefuseMarkedAlready    = "marking_marked_already"     // Args: code, marker, their points
	RefuseNothingToCorrect = "marking_nothing_to_correct" // Args: code, marker
	RefuseSameStation      = "marking_same_station"       // Args: code, station, the marker who marked there
	RefuseSheetMarked      = "marking_sheet_marked"       // Args: code
)
