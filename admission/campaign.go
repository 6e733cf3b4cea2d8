package admission

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"time"

	"examday/exam"
)

// Campaign is one year's admission: its dates, the places and pass marks
// of its programmes, the language gate, the points of a ticket's
// questions, and its commissions. It is what a campaign file holds once
// read and defaulted, and what the "campaign.set" event carries.
type Campaign struct {
	Year  int   `json:"year"`
	Dates Dates `json:"dates"`
	// PassMarksDecision names the Academic Council's decision that set
	// this year's pass marks (AR 30), as the file gives it; optional.
	PassMarksDecision string         `json:"pass_marks_decision,omitempty"`
	Language          LanguageExam   `json:"language"`
	QuestionPoints    QuestionPoints `json:"question_points"`
	// Marking is how a sheet is marked: markers, the tolerance that calls
	// a third, and how a third settles (the rules are silent).
	Marking MarkingRules `json:"marking"`
	// Programmes are the programmes admitting this year, in the order of
	// §1.2.
	Programmes          []ProgrammePlan `json:"programmes"`
	AdmissionCommission Commission      `json:"admission_commission"`
	AppealCommission    Commission      `json:"appeal_commission"`
}

// Dates are the campaign's dates (AR 4–5); the rector may move them
// (AR 6), and MovedBy then names that decision.
type Dates struct {
	DocumentsFrom Date   `json:"documents_from"`
	DocumentsTo   Date   `json:"documents_to"`
	ExamsFrom     Date   `json:"exams_from"`
	ExamsTo       Date   `json:"exams_to"`
	EnrolmentBy   Date   `json:"enrolment_by"`
	MovedBy       string `json:"moved_by,omitempty"`
}

// LanguageExam is the foreign-language exam's gate (AR 20): the points an
// applicant needs to sit the specialty exam, out of Scale.
type LanguageExam struct {
	Gate  int `json:"gate"`
	Scale int `json:"scale"`
}

// QuestionPoints are the maximum points of each question of a ticket, in
// the ticket's order (§1.4: the theoretical questions, then the
// situational problem), per level; each level's sum is the 100 of AR 30.
type QuestionPoints struct {
	Master   []int `json:"master"`
	Doctoral []int `json:"doctoral"`
}

// For is the points of level l's questions.
func (q QuestionPoints) For(l exam.Level) []int {
	if l == exam.Doctoral {
		return q.Doctoral
	}
	return q.Master
}

// ProgrammePlan is one programme's admission: the places of the state
// educational order (AR 2), the pass mark of its specialty exam (AR 30),
// and its exam commission (AR 19).
type ProgrammePlan struct {
	Code           string     `json:"code"`
	Places         int        `json:"places"`
	PassMark       int        `json:"pass_mark"`
	ExamCommission Commission `json:"exam_commission"`
}

// Defaults where the rules or the national testing fix a value.
const (
	// DefaultLanguageGate: AR 20, at least 30 points in the language.
	DefaultLanguageGate = 30
	// DefaultLanguageScale: the national test's language block is out of 50.
	DefaultLanguageScale = 50
	// ScaleOfExam is the specialty exam's scale (AR 30).
	ScaleOfExam = 100
	// FirstYear and LastYear bound a campaign's year: the rules are of 2015.
	FirstYear = 2015
	LastYear  = 2100
)

// DefaultQuestionPoints stand in for Appendix 4 of the admission rules,
// which our copy lacks: four questions of 25 for master's (3 theoretical
// and the situational problem, §1.4), 30, 30 and 40 for doctoral.
func DefaultQuestionPoints() QuestionPoints {
	return QuestionPoints{Master: []int{25, 25, 25, 25}, Doctoral: []int{30, 30, 40}}
}

// DefaultDates are the dates of AR 4–5 in year: documents 3–25 July,
// exams 10–20 August, enrolment by 25 August.
func DefaultDates(year int) Dates {
	return Dates{
		DocumentsFrom: NewDate(year, time.July, 3),
		DocumentsTo:   NewDate(year, time.July, 25),
		ExamsFrom:     NewDate(year, time.August, 10),
		ExamsTo:       NewDate(year, time.August, 20),
		EnrolmentBy:   NewDate(year, time.August, 25),
	}
}

// Programme is the plan of the programme code, if the campaign admits to
// it.
func (c Campaign) Programme(code string) (ProgrammePlan, bool) {
	for _, p := range c.Programmes {
		if p.Code == code {
			return p, true
		}
	}
	return ProgrammePlan{}, false
}

// Check is every way the campaign breaks the admission rules, each with
// the key of the campaign file it is about; none means it may be set.
func (c Campaign) Check() []Problem {
	var probs []Problem
	add := func(field, code string, args ...any) {
		probs = append(probs, Problem{Field: field, Code: code, Args: args})
	}

	switch {
	case c.Year == 0:
		add("year", CampaignYearMissing)
	case c.Year < FirstYear || c.Year > LastYear:
		add("year", CampaignYearRange, c.Year, FirstYear, LastYear)
	}
	probs = append(probs, c.Dates.check(c.Year)...)

	// AR 20.
	switch {
	case c.Language.Scale < 1:
		add("language.scale", CampaignScaleRange, c.Language.Scale)
	case c.Language.Gate < 1 || c.Language.Gate > c.Language.Scale:
		add("language.gate", CampaignGateRange, c.Language.Gate, c.Language.Scale)
	}

	// The marking: the campaign's settings where the rules are silent.
	if m := c.Marking; m.Markers != 1 && m.Markers != 2 {
		add("marking.markers", CampaignMarkers, m.Markers)
	}
	if m := c.Marking; m.ThirdOver < 0 || m.ThirdOver >= 1 || m.ThirdOver != m.ThirdOver {
		add("marking.third_over_percent", CampaignThirdOver, int(m.ThirdOver*100))
	}
	if m := c.Marking; m.Third != ThirdDecides && m.Third != ThirdWithNearer {
		add("marking.third", CampaignThirdRule, m.Third)
	}

	// AR 30, §1.4: a ticket's questions, out of 100.
	for _, l := range []exam.Level{exam.Master, exam.Doctoral} {
		field := "question_points." + string(l)
		pts, want := c.QuestionPoints.For(l), exam.SheetsPerPacket(l)
		if len(pts) != want {
			add(field, CampaignPointsCount, l, len(pts), want)
			continue
		}
		sum, positive := 0, true
		for _, p := range pts {
			sum += p
			positive = positive && p > 0
		}
		if !positive {
			add(field, CampaignPointsPositive, l)
		} else if sum != ScaleOfExam {
			add(field, CampaignPointsSum, l, sum, ScaleOfExam)
		}
	}

	// AR 2, 30, 19: the programmes.
	if len(c.Programmes) == 0 {
		add("programmes", CampaignNoProgrammes)
	}
	seen := map[string]bool{}
	for _, p := range c.Programmes {
		path := "programmes." + p.Code
		if _, ok := exam.ProgrammeByCode(p.Code); !ok {
			add(path, CampaignProgrammeUnknown, p.Code)
			continue
		}
		if seen[p.Code] {
			add(path, CampaignProgrammeTwice, p.Code)
			continue
		}
		seen[p.Code] = true
		if p.Places < 1 {
			add(path+".places", CampaignPlacesRange, p.Code, p.Places)
		}
		switch {
		case p.PassMark == 0:
			add(path+".pass_mark", CampaignPassMarkMissing, p.Code)
		case p.PassMark < 1 || p.PassMark > ScaleOfExam:
			add(path+".pass_mark", CampaignPassMarkRange, p.Code, p.PassMark, ScaleOfExam)
		}
		probs = append(probs, checkCommission(path+".exam_commission", Body{BodyExam, p.Code}, p.ExamCommission)...)
	}

	probs = append(probs, checkCommission("admission_commission", Body{Kind: BodyAdmission}, c.AdmissionCommission)...)
	probs = append(probs, checkCommission("appeal_commission", Body{Kind: BodyAppeal}, c.AppealCommission)...)
	return probs
}

// check is every way the dates break AR 4–6: each within the campaign's
// year, the documents before the exams before the enrolment, and a
// departure from AR 4–5 named by the rector's decision (AR 6).
func (d Dates) check(year int) []Problem {
	var probs []Problem
	add := func(field, code string, args ...any) {
		probs = append(probs, Problem{Field: field, Code: code, Args: args})
	}
	fields := []struct {
		name string
		d    Date
		def  Date
	}{
		{"documents_from", d.DocumentsFrom, DefaultDates(year).DocumentsFrom},
		{"documents_to", d.DocumentsTo, DefaultDates(year).DocumentsTo},
		{"exams_from", d.ExamsFrom, DefaultDates(year).ExamsFrom},
		{"exams_to", d.ExamsTo, DefaultDates(year).ExamsTo},
		{"enrolment_by", d.EnrolmentBy, DefaultDates(year).EnrolmentBy},
	}
	var moved []string
	missing := false
	for _, f := range fields {
		switch {
		case f.d.IsZero():
			add("dates."+f.name, CampaignDateMissing, f.name)
			missing = true
		case year != 0 && f.d.Year() != year:
			add("dates."+f.name, CampaignDateYear, f.d, year)
		case year != 0 && !f.d.Equal(f.def):
			moved = append(moved, f.name)
		}
	}
	if missing {
		return probs
	}
	if d.DocumentsTo.Before(d.DocumentsFrom) {
		add("dates.documents_to", CampaignDocumentsPeriod, d.DocumentsFrom, d.DocumentsTo)
	}
	if d.ExamsTo.Before(d.ExamsFrom) {
		add("dates.exams_to", CampaignExamsPeriod, d.ExamsFrom, d.ExamsTo)
	}
	if !d.DocumentsTo.Before(d.ExamsFrom) {
		add("dates.exams_from", CampaignExamsAfterDocuments, d.DocumentsTo, d.ExamsFrom)
	}
	if !d.ExamsTo.Before(d.EnrolmentBy) {
		add("dates.enrolment_by", CampaignEnrolmentAfterExams, d.ExamsTo, d.EnrolmentBy)
	}
	if len(moved) > 0 && strings.TrimSpace(d.MovedBy) == "" {
		add("dates.moved_by", CampaignDatesMoved, strings.Join(moved, ", "))
	}
	return probs
}

// Chair is a chair who agrees to the commission's decisions with a PIN
// (SPEC: closing the marking, deciding appeals, the admission list). Role
// names the commission: the PIN belongs to the chair of that commission.
type Chair struct {
	Role string
	Body Body
	Name string
}

// ChairRole is the role of body's chair: "admission_commission",
// "appeal_commission", "exam_commission.7M04203".
func ChairRole(b Body) string {
	if b.Kind == BodyExam {
		return b.Kind + "." + b.Programme
	}
	return b.Kind
}

// Chairs are the campaign's chairs whose PINs are asked when it is set:
// the admission commission's, the appeal commission's, and each
// programme's exam commission's.
func (c Campaign) Chairs() []Chair {
	var out []Chair
	add := func(b Body, name string) {
		out = append(out, Chair{Role: ChairRole(b), Body: b, Name: strings.TrimSpace(name)})
	}
	add(Body{Kind: BodyAdmission}, c.AdmissionCommission.Chair)
	add(Body{Kind: BodyAppeal}, c.AppealCommission.Chair)
	for _, p := range c.Programmes {
		add(Body{BodyExam, p.Code}, p.ExamCommission.Chair)
	}
	return out
}

// equal reports whether two campaigns set the same rules: whether the
// log would hold the same settings for both.
func (c Campaign) equal(o Campaign) bool {
	a, errA := json.Marshal(c.canonical())
	b, errB := json.Marshal(o.canonical())
	return errA == nil && errB == nil && bytes.Equal(a, b)
}

func (c Campaign) canonical() Campaign {
	c.Programmes = slices.Clone(c.Programmes)
	sortPlans(c.Programmes)
	return c
}

// sortPlans orders programmes as §1.2 does.
func sortPlans(ps []ProgrammePlan) {
	rank := map[string]int{}
	for i, p := range exam.Programmes() {
		rank[p.Code] = i
	}
	slices.SortStableFunc(ps, func(a, b ProgrammePlan) int {
		ra, oka := rank[a.Code]
		rb, okb := rank[b.Code]
		switch {
		case oka && okb:
			return ra - rb
		case oka:
			return -1
		case okb:
			return 1
		}
		return strings.Compare(a.Code, b.Code)
	})
}

// Campaign problem codes (catalogue keys under "campaign.").
const (
	// The file itself.
	CampaignSyntax      = "syntax"
	CampaignEmpty       = "empty"
	CampaignUnknownKey  = "unknown_key"
	CampaignWantInteger = "want_integer"
	CampaignWantText    = "want_text"
	CampaignWantDate    = "want_date"
	CampaignWantList    = "want_list"
	CampaignWantTable   = "want_table"
	CampaignBadDate     = "bad_date"
	// The rules.
	CampaignYearMissing         = "year_missing"
	CampaignYearRange           = "year_range"
	CampaignDateMissing         = "date_missing"
	CampaignDateYear            = "date_year"
	CampaignDocumentsPeriod     = "documents_period"
	CampaignExamsPeriod         = "exams_period"
	CampaignExamsAfterDocuments = "exams_after_documents"
	CampaignEnrolmentAfterExams = "enrolment_after_exams"
	CampaignDatesMoved          = "dates_moved"
	CampaignScaleRange          = "scale_range"
	CampaignGateRange           = "gate_range"
	CampaignPointsCount         = "points_count"
	CampaignPointsPositive      = "points_positive"
	CampaignPointsSum           = "points_sum"
	CampaignNoProgrammes        = "no_programmes"
	CampaignProgrammeUnknown    = "programme_unknown"
	CampaignProgrammeTwice      = "programme_twice"
	CampaignPlacesRange         = "places_range"
	CampaignPassMarkMissing     = "pass_mark_missing"
	CampaignPassMarkRange       = "pass_mark_range"
	CampaignCommissionMissing   = "commission_missing"
	CampaignChairMissing        = "chair_missing"
	CampaignSecretaryMissing    = "secretary_missing"
	CampaignMembersTooFew       = "members_too_few"
	CampaignDegreesTooFew       = "degrees_too_few"
	CampaignMemberNameMissing   = "member_name_missing"
	CampaignPersonTwice         = "person_twice"
	CampaignDegreeUnknown       = "degree_unknown"
	CampaignMarkers             = "marking_markers"
	CampaignThirdOver           = "marking_third_over"
	CampaignThirdRule           = "marking_third_rule"
)
