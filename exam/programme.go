package exam

import (
	"slices"
	"sort"
)

// Level is the programme level: master's or doctoral. It fixes the ticket
// shape (§1.4) and the sheets per packet (§1.5).
type Level string

const (
	Master   Level = "master"
	Doctoral Level = "doctoral"
)

// Programme is one educational programme that sits the exam (§1.2).
// Its name and disciplines are user-facing text and live in the catalogue,
// keyed by Code; here are only the facts the rules need.
type Programme struct {
	Code  string
	Level Level
	// Disciplines are catalogue keys of the disciplines examined (§1.2).
	Disciplines []string
}

// programmes is the list of §1.2. 7M12301 and 7M12303 are two codes of the
// same "Law Enforcement" programme and sit the same disciplines.
var programmes = []Programme{
	{Code: "7M04203", Level: Master, Disciplines: []string{"discipline.theory_state_law", "discipline.criminal_law", "discipline.civil_law"}},
	{Code: "7M12301", Level: Master, Disciplines: []string{"discipline.theory_state_law", "discipline.criminal_procedure_law", "discipline.administrative_law"}},
	{Code: "7M12303", Level: Master, Disciplines: []string{"discipline.theory_state_law", "discipline.criminal_procedure_law", "discipline.administrative_law"}},
	{Code: "8D04201", Level: Doctoral, Disciplines: []string{"discipline.general_theory_of_law", "discipline.applying_legislation"}},
	{Code: "8D12301", Level: Doctoral, Disciplines: []string{"discipline.general_theory_of_law", "discipline.applying_legislation"}},
}

// Programmes returns every programme of §1.2, in the regulation's order.
func Programmes() []Programme {
	out := make([]Programme, len(programmes))
	for i, p := range programmes {
		out[i] = p.clone()
	}
	return out
}

// ProgrammeByCode finds a programme of §1.2 by its code.
func ProgrammeByCode(code string) (Programme, bool) {
	for _, p := range programmes {
		if p.Code == code {
			return p.clone(), true
		}
	}
	return Programme{}, false
}

// clone copies the disciplines too: a copy of the struct alone would share
// them, and a caller editing its copy would change §1.2 for everybody.
func (p Programme) clone() Programme {
	p.Disciplines = slices.Clone(p.Disciplines)
	return p
}

// TheoryQuestions is the number of theoretical questions on a ticket (§1.4):
// 3 for master's, 2 for doctoral. Every ticket also has one situational
// problem.
func TheoryQuestions(l Level) int {
	if l == Doctoral {
		return 2
	}
	return 3
}

// SheetsPerPacket is the number of signed, barcoded answer sheets an
// examinee receives (§1.5): 4 for master's, 3 for doctoral — one per
// theoretical question and one for the situational problem.
func SheetsPerPacket(l Level) int {
	return TheoryQuestions(l) + 1
}

// sortedCodes returns the distinct programme codes in ps, in the order of
// §1.2, so that a hall's list of programmes reads the same everywhere.
func sortedCodes(codes map[string]bool) []string {
	rank := map[string]int{}
	for i, p := range programmes {
		rank[p.Code] = i
	}
	out := make([]string, 0, len(codes))
	for c := range codes {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return rank[out[i]] < rank[out[j]] })
	return out
}
