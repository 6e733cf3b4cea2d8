package admission_test

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"examday/admission"
)

// campaign2027 is a campaign that keeps every rule: the tests change one
// thing of it at a time.
func campaign2027() admission.Campaign {
	exam := func(code string) admission.ProgrammePlan {
		return admission.ProgrammePlan{Code: code, Places: 10, PassMark: 60, ExamCommission: admission.Commission{
			Chair: "Тұрсынов Асқар", Secretary: "Ли Ольга",
			Members: []admission.Member{
				{Name: "Серікова Гүлнар", Degree: admission.DegreeDoctorOfLaw},
				{Name: "Абенов Бауыржан", Degree: admission.DegreePhD},
				{Name: "Смирнов Олег"},
			},
		}}
	}
	return admission.Campaign{
		Year:           2027,
		Dates:          admission.DefaultDates(2027),
		Language:       admission.LanguageExam{Gate: 30, Scale: 50},
		QuestionPoints: admission.DefaultQuestionPoints(),
		Marking:        admission.DefaultMarkingRules(),
		Programmes:     []admission.ProgrammePlan{exam("7M04203"), exam("7M12301"), exam("8D12301")},
		AdmissionCommission: admission.Commission{
			Chair: "Сәрсенов Ерлан", Secretary: "Иванова Анна",
			Members: []admission.Member{{Name: "Жақсыбеков Д."}, {Name: "Ким В."}, {Name: "Омарова Г."}},
		},
		AppealCommission: admission.Commission{
			Chair:   "Байжанов Серік",
			Members: []admission.Member{{Name: "Петров П."}, {Name: "Әлиева Ә."}},
		},
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

// readWant reads a .want file: one problem a line, "#" starts a comment.
func readWant(t *testing.T, path string) []string {
	t.Helper()
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(readFile(t, path)))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	return out
}

// problemLines is each problem as a .want file writes it: "LINE FIELD
// CODE [ARGS]", "-" for no field.
func problemLines(probs []admission.Problem) []string {
	out := make([]string, len(probs))
	for i, p := range probs {
		field := p.Field
		if field == "" {
			field = "-"
		}
		out[i] = fmt.Sprintf("%d %s %s %v", p.Line, field, p.Code, p.Args)
	}
	return out
}

// codes are the problem codes of err, a *CampaignError or an
// *ApplicantsError, in order.
func codes(t *testing.T, err error) []string {
	t.Helper()
	var probs []admission.Problem
	var ce *admission.CampaignError
	var ae *admission.ApplicantsError
	switch {
	case errors.As(err, &ce):
		probs = ce.Problems
	case errors.As(err, &ae):
		probs = ae.Problems
	default:
		t.Fatalf("got %v, want a list of problems", err)
	}
	out := make([]string, len(probs))
	for i, p := range probs {
		out[i] = p.Code
	}
	return out
}

func problemCodes(probs []admission.Problem) []string {
	out := make([]string, len(probs))
	for i, p := range probs {
		out[i] = p.Code
	}
	return out
}
