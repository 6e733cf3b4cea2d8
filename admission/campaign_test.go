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

	"examday/admission"
)

// The campaign files under testdata/campaign are what the secretary of the
// admission commission writes: every good_*.toml is set; every bad_*.toml
// is refused with exactly the problems its .want lists, one a line, as
// "LINE FIELD CODE [ARGS]".

func TestParseCampaignFullFile(t *testing.T) {
	c, err := admission.ParseCampaign(bytes.NewReader(readFile(t, "testdata/campaign/good_full.toml")))
	if err != nil {
		t.Fatalf("refused: %v", err)
	}
	want := admission.Dates{
		DocumentsFrom: admission.NewDate(2027, time.July, 3), DocumentsTo: admission.NewDate(2027, time.July, 27),
		ExamsFrom: admission.NewDate(2027, time.August, 10), ExamsTo: admission.NewDate(2027, time.August, 20),
		EnrolmentBy: admission.NewDate(2027, time.August, 25), MovedBy: "Rector's order No. 212 of 2027-07-20",
	}
	if c.Dates != want {
		t.Errorf("dates %+v, want %+v", c.Dates, want)
	}
	if c.PassMarksDecision == "" || c.Language != (admission.LanguageExam{Gate: 30, Scale: 50}) {
		t.Errorf("decision %q language %+v", c.PassMarksDecision, c.Language)
	}
	if !slices.Equal(c.QuestionPoints.Master, []int{20, 20, 20, 40}) {
		t.Errorf("master points %v", c.QuestionPoints.Master)
	}
	if c.Marking != (admission.MarkingRules{Markers: 2, ThirdOver: 0.15, Third: admission.ThirdWithNearer}) {
		t.Errorf("marking %+v", c.Marking)
	}
	if len(c.Programmes) != 2 || c.Programmes[0].Code != "7M04203" || c.Programmes[1].Code != "8D12301" {
		t.Fatalf("programmes %+v", c.Programmes)
	}
	p := c.Programmes[1]
	if p.Places != 5 || p.PassMark != 70 {
		t.Errorf("8D12301 %+v", p)
	}
	wantMembers := []admission.Member{
		{Name: "Серікова Гүлнар", Degree: admission.DegreeDoctorOfLaw},
		{Name: "Нұрланов Нұрлан", Degree: admission.DegreeCandidate},
		{Name: "Абенов Бауыржан", Degree: admission.DegreePhD}, // written "PhD"
	}
	if !reflect.DeepEqual(p.ExamCommission.Members, wantMembers) {
		t.Errorf("members %+v", p.ExamCommission.Members)
	}
	if c.Programmes[0].ExamCommission.Members[2] != (admission.Member{Name: "Смирнов Олег"}) {
		t.Errorf("a member written as text: %+v", c.Programmes[0].ExamCommission.Members[2])
	}
	if c.AppealCommission.Secretary != "" || len(c.AppealCommission.Members) != 2 {
		t.Errorf("appeal commission %+v", c.AppealCommission)
	}
}

// What the file leaves out takes the defaults: AR 4–5's dates, AR 20's
// gate of 30 on the national test's 50, and the stand-in for Appendix 4.
func TestParseCampaignDefaults(t *testing.T) {
	c, err := admission.ParseCampaign(bytes.NewReader(readFile(t, "testdata/campaign/good_defaults.toml")))
	if err != nil {
		t.Fatalf("refused: %v", err)
	}
	if c.Dates != admission.DefaultDates(2027) {
		t.Errorf("dates %+v", c.Dates)
	}
	if got := c.Dates; got.DocumentsFrom.String() != "2027-07-03" || got.DocumentsTo.String() != "2027-07-25" ||
		got.ExamsFrom.String() != "2027-08-10" || got.ExamsTo.String() != "2027-08-20" || got.EnrolmentBy.String() != "2027-08-25" {
		t.Errorf("AR 4–5 dates %+v", got)
	}
	if c.Language != (admission.LanguageExam{Gate: 30, Scale: 50}) {
		t.Errorf("language %+v", c.Language)
	}
	if !reflect.DeepEqual(c.QuestionPoints, admission.QuestionPoints{Master: []int{25, 25, 25, 25}, Doctoral: []int{30, 30, 40}}) {
		t.Errorf("points %+v", c.QuestionPoints)
	}
	if c.Marking != (admission.MarkingRules{Markers: 2, ThirdOver: 0.20, Third: admission.ThirdDecides}) {
		t.Errorf("marking %+v; want two markers, a third beyond 20%%, whose mark decides", c.Marking)
	}
	// §1.2's code comes out upper case where the file has it in lower.
	if len(c.Programmes) != 1 || c.Programmes[0].Code != "7M04203" {
		t.Errorf("programmes %+v", c.Programmes)
	}
}

// Every reason at once, each at its line and key; nothing is set.
func TestParseCampaignBadFiles(t *testing.T) {
	files, err := filepath.Glob("testdata/campaign/bad_*.toml")
	if err != nil || len(files) < 8 {
		t.Fatalf("bad campaign files: %v %v", files, err)
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			want := readWant(t, strings.TrimSuffix(path, ".toml")+".want")
			c, err := admission.ParseCampaign(bytes.NewReader(readFile(t, path)))
			if !reflect.DeepEqual(c, admission.Campaign{}) {
				t.Errorf("a campaign returned with problems: %+v", c)
			}
			var ce *admission.CampaignError
			if !errors.As(err, &ce) {
				t.Fatalf("got %v, want *CampaignError", err)
			}
			if got := problemLines(ce.Problems); !slices.Equal(got, want) {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			if !strings.Contains(ce.Error(), fmt.Sprintf("%d problem(s)", len(want))) {
				t.Errorf("Error() = %q", ce.Error())
			}
		})
	}
}

// Each rule of the campaign, on a campaign built in code: the change
// breaks exactly the rule its name cites, and a change that keeps to the
// rule's limit passes.
func TestCampaignCheckEachRule(t *testing.T) {
	if probs := campaign2027().Check(); len(probs) != 0 {
		t.Fatalf("the valid campaign: %v", probs)
	}
	exam := func(c *admission.Campaign) *admission.Commission { return &c.Programmes[0].ExamCommission }
	for _, tc := range []struct {
		name   string
		change func(c *admission.Campaign)
		want   []string
	}{
		{"AR 10 chair", func(c *admission.Campaign) { c.AdmissionCommission.Chair = " " }, []string{admission.CampaignChairMissing}},
		{"AR 10 secretary", func(c *admission.Campaign) { c.AdmissionCommission.Secretary = "" }, []string{admission.CampaignSecretaryMissing}},
		{"AR 10 two members are too few", func(c *admission.Campaign) { c.AdmissionCommission.Members = c.AdmissionCommission.Members[:2] }, []string{admission.CampaignMembersTooFew}},
		{"AR 10 the secretary is not also a member", func(c *admission.Campaign) { c.AdmissionCommission.Members[2].Name = "ИВАНОВА  анна" }, []string{admission.CampaignPersonTwice, admission.CampaignMembersTooFew}},
		{"AR 26 chair", func(c *admission.Campaign) { c.AppealCommission.Chair = "" }, []string{admission.CampaignChairMissing}},
		{"AR 26 one member is too few", func(c *admission.Campaign) { c.AppealCommission.Members = c.AppealCommission.Members[:1] }, []string{admission.CampaignMembersTooFew}},
		{"AR 26 no secretary needed", func(c *admission.Campaign) { c.AppealCommission.Secretary = "" }, nil},
		{"AR 26 a commission that is not there", func(c *admission.Campaign) { c.AppealCommission = admission.Commission{} }, []string{admission.CampaignCommissionMissing}},
		{"AR 19 chair", func(c *admission.Campaign) { exam(c).Chair = "" }, []string{admission.CampaignChairMissing}},
		{"AR 19 secretary", func(c *admission.Campaign) { exam(c).Secretary = "" }, []string{admission.CampaignSecretaryMissing}},
		{"AR 19 two members are too few", func(c *admission.Campaign) { exam(c).Members = exam(c).Members[:2] }, []string{admission.CampaignMembersTooFew}},
		{"AR 19 one degree is too few", func(c *admission.Campaign) { exam(c).Members[1].Degree = admission.DegreeNone }, []string{admission.CampaignDegreesTooFew}},
		{"AR 19 a candidate of science counts", func(c *admission.Campaign) { exam(c).Members[2].Degree = admission.DegreeCandidate }, nil},
		{"AR 19 the chair's degree does not count", func(c *admission.Campaign) {
			exam(c).Members[1].Degree = admission.DegreeNone
			exam(c).Members = append(exam(c).Members, admission.Member{Name: "Тұрсынов Асқар", Degree: admission.DegreePhD})
		}, []string{admission.CampaignPersonTwice, admission.CampaignDegreesTooFew}},
		{"AR 19 an unknown degree", func(c *admission.Campaign) { exam(c).Members[1].Degree = "professor" }, []string{admission.CampaignDegreeUnknown, admission.CampaignDegreesTooFew}},
		{"AR 19 a member without a name", func(c *admission.Campaign) { exam(c).Members[2].Name = "" }, []string{admission.CampaignMemberNameMissing, admission.CampaignMembersTooFew}},
		{"AR 2 no places", func(c *admission.Campaign) { c.Programmes[1].Places = 0 }, []string{admission.CampaignPlacesRange}},
		{"AR 2 no programmes", func(c *admission.Campaign) { c.Programmes = nil }, []string{admission.CampaignNoProgrammes}},
		{"§1.2 unknown programme", func(c *admission.Campaign) { c.Programmes[1].Code = "7M99999" }, []string{admission.CampaignProgrammeUnknown}},
		{"§1.2 a programme twice", func(c *admission.Campaign) { c.Programmes[1].Code = "7M04203" }, []string{admission.CampaignProgrammeTwice}},
		{"AR 30 no pass mark", func(c *admission.Campaign) { c.Programmes[0].PassMark = 0 }, []string{admission.CampaignPassMarkMissing}},
		{"AR 30 pass mark over 100", func(c *admission.Campaign) { c.Programmes[0].PassMark = 101 }, []string{admission.CampaignPassMarkRange}},
		{"AR 30 pass mark of 100", func(c *admission.Campaign) { c.Programmes[0].PassMark = 100 }, nil},
		{"AR 30 points sum to 100", func(c *admission.Campaign) { c.QuestionPoints.Master = []int{25, 25, 25, 24} }, []string{admission.CampaignPointsSum}},
		{"AR 30 a point per question at least", func(c *admission.Campaign) { c.QuestionPoints.Doctoral = []int{0, 50, 50} }, []string{admission.CampaignPointsPositive}},
		{"§1.4 a master's ticket has four questions", func(c *admission.Campaign) { c.QuestionPoints.Master = []int{50, 50} }, []string{admission.CampaignPointsCount}},
		{"§1.4 a doctoral ticket has three questions", func(c *admission.Campaign) { c.QuestionPoints.Doctoral = []int{25, 25, 25, 25} }, []string{admission.CampaignPointsCount}},
		{"AR 20 gate over the scale", func(c *admission.Campaign) { c.Language.Gate = 51 }, []string{admission.CampaignGateRange}},
		{"AR 20 gate equal to the scale", func(c *admission.Campaign) { c.Language.Gate = 50 }, nil},
		{"AR 20 no scale", func(c *admission.Campaign) { c.Language.Scale = 0 }, []string{admission.CampaignScaleRange}},
		{"AR 6 moved dates need the rector's decision", func(c *admission.Campaign) { c.Dates.ExamsTo = admission.NewDate(2027, time.August, 22) }, []string{admission.CampaignDatesMoved}},
		{"AR 6 moved dates with the decision", func(c *admission.Campaign) {
			c.Dates.ExamsTo = admission.NewDate(2027, time.August, 22)
			c.Dates.MovedBy = "Rector's order No. 1"
		}, nil},
		{"AR 4–5 the exams after the documents", func(c *admission.Campaign) {
			c.Dates.ExamsFrom, c.Dates.MovedBy = admission.NewDate(2027, time.July, 25), "order"
		}, []string{admission.CampaignExamsAfterDocuments}},
		{"AR 5 enrolment after the exams", func(c *admission.Campaign) {
			c.Dates.EnrolmentBy, c.Dates.MovedBy = admission.NewDate(2027, time.August, 20), "order"
		}, []string{admission.CampaignEnrolmentAfterExams}},
		{"AR 4 a date of another year", func(c *admission.Campaign) { c.Dates.DocumentsFrom = admission.NewDate(2026, time.July, 3) }, []string{admission.CampaignDateYear}},
		{"a date missing", func(c *admission.Campaign) { c.Dates.ExamsFrom = admission.Date{} }, []string{admission.CampaignDateMissing}},
		{"no year", func(c *admission.Campaign) { c.Year = 0 }, []string{admission.CampaignYearMissing}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := campaign2027()
			tc.change(&c)
			got := problemCodes(c.Check())
			if !slices.Equal(got, tc.want) {
				t.Errorf("problems %v, want %v", c.Check(), tc.want)
			}
		})
	}
}

// A problem names the commission it is about, so that the catalogue can
// say which.
func TestCommissionProblemsNameTheirBody(t *testing.T) {
	c := campaign2027()
	c.Programmes[2].ExamCommission.Secretary = ""
	probs := c.Check()
	if len(probs) != 1 {
		t.Fatalf("%v", probs)
	}
	if body, ok := probs[0].Args[0].(admission.Body); !ok || body != (admission.Body{Kind: admission.BodyExam, Programme: "8D12301"}) {
		t.Errorf("args %v", probs[0].Args)
	}
	if probs[0].Field != "programmes.8D12301.exam_commission.secretary" {
		t.Errorf("field %q", probs[0].Field)
	}
}

// AR 13: the admission commission decides with at least two thirds of its
// approved membership present.
func TestQuorumIsTwoThirdsOfTheMembership(t *testing.T) {
	for size, want := range map[int]int{3: 2, 4: 3, 5: 4, 6: 4, 7: 5, 9: 6} {
		c := admission.Commission{Chair: "A", Secretary: "B"}
		for i := 0; i < size-2; i++ {
			c.Members = append(c.Members, admission.Member{Name: fmt.Sprint(i)})
		}
		if c.Size() != size || c.Quorum() != want {
			t.Errorf("size %d: quorum %d, want %d", c.Size(), c.Quorum(), want)
		}
	}
}

// The chairs who agree with a PIN: the admission commission's, the appeal
// commission's and each programme's exam commission's.
func TestChairsOfTheCampaign(t *testing.T) {
	var got []string
	for _, ch := range campaign2027().Chairs() {
		got = append(got, ch.Role+"="+ch.Name)
	}
	want := []string{
		"admission_commission=Сәрсенов Ерлан", "appeal_commission=Байжанов Серік",
		"exam_commission.7M04203=Тұрсынов Асқар", "exam_commission.7M12301=Тұрсынов Асқар", "exam_commission.8D12301=Тұрсынов Асқар",
	}
	if !slices.Equal(got, want) {
		t.Errorf("chairs %v\nwant %v", got, want)
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{"2027-08-10": "2027-08-10", "10.08.2027": "2027-08-10", " 1.8.2027 ": "2027-08-01"} {
		d, err := admission.ParseDate(in)
		if err != nil || d.String() != want {
			t.Errorf("ParseDate(%q) = %v, %v", in, d, err)
		}
	}
	for _, in := range []string{"", "2027-02-30", "10/08/2027", "tomorrow"} {
		if _, err := admission.ParseDate(in); err == nil {
			t.Errorf("ParseDate(%q) took it", in)
		}
	}
}
