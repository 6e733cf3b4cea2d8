package exam_test

import (
	"slices"
	"testing"

	"examday/exam"
)

// §1.2: five programme codes sit the exam; 7M… are master's, 8D… doctoral,
// each with the disciplines the clause lists.
func TestProgrammesOfClause1_2(t *testing.T) {
	want := []exam.Programme{
		{Code: "7M04203", Level: exam.Master, Disciplines: []string{"discipline.theory_state_law", "discipline.criminal_law", "discipline.civil_law"}},
		{Code: "7M12301", Level: exam.Master, Disciplines: []string{"discipline.theory_state_law", "discipline.criminal_procedure_law", "discipline.administrative_law"}},
		{Code: "7M12303", Level: exam.Master, Disciplines: []string{"discipline.theory_state_law", "discipline.criminal_procedure_law", "discipline.administrative_law"}},
		{Code: "8D04201", Level: exam.Doctoral, Disciplines: []string{"discipline.general_theory_of_law", "discipline.applying_legislation"}},
		{Code: "8D12301", Level: exam.Doctoral, Disciplines: []string{"discipline.general_theory_of_law", "discipline.applying_legislation"}},
	}
	got := exam.Programmes()
	if len(got) != len(want) {
		t.Fatalf("§1.2 lists %d programmes, got %d: %+v", len(want), len(got), got)
	}
	for i, w := range want {
		g := got[i]
		if g.Code != w.Code || g.Level != w.Level || !slices.Equal(g.Disciplines, w.Disciplines) {
			t.Errorf("programme %d = %+v, want %+v", i, g, w)
		}
		// The code's prefix says the level: 7M master's, 8D doctoral.
		wantLevel := map[string]exam.Level{"7M": exam.Master, "8D": exam.Doctoral}[g.Code[:2]]
		if g.Level != wantLevel {
			t.Errorf("%s: level %q, but its prefix says %q", g.Code, g.Level, wantLevel)
		}
		byCode, ok := exam.ProgrammeByCode(w.Code)
		if !ok || byCode.Code != w.Code || byCode.Level != w.Level {
			t.Errorf("ProgrammeByCode(%q) = %+v, %v", w.Code, byCode, ok)
		}
	}
}

func TestProgrammeByCodeRefusesCodesNotInClause1_2(t *testing.T) {
	for _, code := range []string{"", "7M04204", "8D04203", "7m04203", " 7M04203", "7М04203" /* Cyrillic М */} {
		if p, ok := exam.ProgrammeByCode(code); ok {
			t.Errorf("ProgrammeByCode(%q) = %+v, want not found", code, p)
		}
	}
}

// The list of §1.2 is the rules: a caller that edits what it was given must
// not change them for everybody else.
func TestProgrammesReturnsACopyOfClause1_2(t *testing.T) {
	got := exam.Programmes()
	got[0].Code = "X"
	got[0].Disciplines[0] = "discipline.changed"
	again := exam.Programmes()
	if again[0].Code != "7M04203" || again[0].Disciplines[0] != "discipline.theory_state_law" {
		t.Errorf("editing the result of Programmes changed the rules: %+v", again[0])
	}
	p, _ := exam.ProgrammeByCode("8D04201")
	p.Disciplines[0] = "discipline.changed"
	if p2, _ := exam.ProgrammeByCode("8D04201"); p2.Disciplines[0] != "discipline.general_theory_of_law" {
		t.Errorf("editing the result of ProgrammeByCode changed the rules: %+v", p2)
	}
}

// §1.4: a master's ticket has 3 theoretical questions, a doctoral one 2;
// §1.5: a master's packet has 4 sheets, a doctoral one 3 (one per question
// plus the situational problem).
func TestTicketAndPacketShapeOfClauses1_4And1_5(t *testing.T) {
	for _, tc := range []struct {
		level          exam.Level
		theory, sheets int
	}{
		{exam.Master, 3, 4},
		{exam.Doctoral, 2, 3},
	} {
		if got := exam.TheoryQuestions(tc.level); got != tc.theory {
			t.Errorf("§1.4 TheoryQuestions(%s) = %d, want %d", tc.level, got, tc.theory)
		}
		if got := exam.SheetsPerPacket(tc.level); got != tc.sheets {
			t.Errorf("§1.5 SheetsPerPacket(%s) = %d, want %d", tc.level, got, tc.sheets)
		}
	}
	// §1.2 and §1.4 agree: one theoretical question per discipline.
	for _, p := range exam.Programmes() {
		if got := exam.TheoryQuestions(p.Level); got != len(p.Disciplines) {
			t.Errorf("§1.4/§1.2 %s: %d theory questions for %d disciplines", p.Code, got, len(p.Disciplines))
		}
	}
}

func TestExamineeLevelComesFromTheirProgramme(t *testing.T) {
	for code, want := range map[string]exam.Level{"7M04203": exam.Master, "7M12303": exam.Master, "8D12301": exam.Doctoral, "XX": ""} {
		e := exam.Examinee{Programme: code}
		if got := e.Level(); got != want {
			t.Errorf("Examinee{Programme: %q}.Level() = %q, want %q", code, got, want)
		}
	}
}
