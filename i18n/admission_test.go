package i18n

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"examday/admission"
	"examday/i18n/i18ntest"
)

// Every code the admission domain declares — a campaign's problems, an
// applicants file's, the desk's refusals, the notes, the commissions, the
// degrees and the places at the language gate — has words in every
// language. The codes are read from the source, so a new one without
// words fails here.
func TestEveryAdmissionCodeHasWords(t *testing.T) {
	n := 0
	for _, tc := range []struct {
		file, prefix, typ, key string
	}{
		{"campaign.go", "Campaign", "", "campaign."},
		{"applicants_file.go", "Applicants", "", "applicants."},
		{"problem.go", "Refuse", "", "admission."},
		{"applicant.go", "Note", "", "admission.note."},
		{"commission.go", "Body", "", "admission.body."},
		{"commission.go", "", "Degree", "admission.degree."},
		{"language.go", "", "GateStatus", "admission.gate."},
	} {
		codes := constantsOf(t, "admission", tc.file, func(name, typ string) bool {
			return tc.typ == "" && strings.HasPrefix(name, tc.prefix) || tc.typ != "" && typ == tc.typ
		})
		for name, code := range codes {
			if code == "" {
				code = "none"
			}
			n++
			if key := tc.key + code; !Has(key) || !Complete(key) {
				t.Errorf("admission.%s = %q has no words %q in every language", name, code, key)
			}
		}
	}
	if n < 80 {
		t.Errorf("only %d codes found", n)
	}
	// The values that name their own words name these.
	for _, w := range []worded{admission.Body{Kind: admission.BodyExam, Programme: "7M04203"}, admission.DegreeNone, admission.DegreePhD, admission.GatePending} {
		if key, _ := w.CatalogueKey(); !Has(key) {
			t.Errorf("%v names %q", w, key)
		}
	}
}

func TestEveryAdmissionEventTypeHasItsNames(t *testing.T) {
	for _, typ := range admission.EventTypes() {
		for _, key := range []string{"ui.event_type." + typ, "paper.event." + typ} {
			if !Has(key) || !Complete(key) {
				t.Errorf("event type %s: %s has no words in every language", typ, key)
			}
		}
	}
}

func TestErrorRendersACampaignErrorLinePerProblem(t *testing.T) {
	ce := &admission.CampaignError{Problems: []admission.Problem{
		{Line: 14, Field: "programmes.7M04203.exam_commission.members", Code: admission.CampaignDegreesTooFew,
			Args: []any{admission.Body{Kind: admission.BodyExam, Programme: "7M04203"}, 1, 2}},
		{Line: 0, Field: "year", Code: admission.CampaignYearMissing},
	}}
	want := map[Lang][]string{
		EN: {"The campaign was not set: 2 problems. Nothing was changed.",
			"  line 14, programmes.7M04203.exam_commission.members: the exam commission of 7M04203 (AR 19): members who are doctors of law, candidates of science or PhDs: 1, at least 2 needed",
			"  year: the campaign's year is missing (year = …)"},
		RU: {"Кампания не установлена: 2 ошибки. Ничего не изменено.",
			"  строка 14, programmes.7M04203.exam_commission.members: экзаменационная комиссия программы 7M04203 (п. 19 Правил): членов с учёной степенью (доктор юридических наук, кандидат наук, доктор философии PhD): 1, нужно не меньше 2",
			"  year: не указан год приёмной кампании (year = …)"},
		KK: {"Науқан орнатылмады: 2 қате. Ештеңе өзгертілмеді.",
			"  14-жол, programmes.7M04203.exam_commission.members: 7M04203 бағдарламасының емтихан комиссиясы (Қағидалардың 19-тармағы): ғылыми дәрежесі бар мүшелер (заң ғылымдарының докторы, ғылым кандидаты, философия докторы PhD): 1, кемінде 2 қажет",
			"  year: қабылдау науқанының жылы көрсетілмеген (year = …)"},
	}
	for _, l := range Langs {
		if got := New(l).Error(fmt.Errorf("campaign set: %w", ce)); got != strings.Join(want[l], "\n") {
			t.Errorf("%s:\n%s\nwant\n%s", l, got, strings.Join(want[l], "\n"))
		}
	}
}

func TestErrorRendersAnApplicantsErrorByLine(t *testing.T) {
	ae := &admission.ApplicantsError{Problems: []admission.Problem{
		{Line: 5, Field: "language_score", Code: admission.ApplicantsLanguageScore, Args: []any{"51", 50}},
		{Line: 0, Code: admission.ApplicantsNotWorkbook},
	}}
	want := "The applicants were not imported: 2 problems. Nothing was changed.\n" +
		`  line 5: AR 20: the foreign-language score "51" is not a whole number of points from 0 to 50` + "\n" +
		"  the file reads neither as CSV nor as an Excel workbook (.xlsx)"
	if got := New(EN).Error(ae); got != want {
		t.Errorf("%s\nwant\n%s", got, want)
	}
	if got := New(RU).Error(ae); !strings.Contains(got, "строка 5: п. 20 Правил: балл по иностранному языку \"51\"") {
		t.Errorf("RU: %s", got)
	}
}

// Every problem the admission's own bad files give, every refusal of the
// desk and of the roster, and every note, read as sentences in every
// language: no "%!" of a verb that does not fit, no «key» of missing
// words, and in Russian and Kazakh no English but the file's own keys,
// columns and values.
func TestRealAdmissionProblemsRenderCleanly(t *testing.T) {
	campaign := readCampaign(t, "../admission/testdata/campaign/good_full.toml")
	var errs []error
	files, _ := filepath.Glob("../admission/testdata/campaign/bad_*.toml")
	for _, f := range files {
		_, err := admission.ParseCampaign(bytes.NewReader(read(t, f)))
		errs = append(errs, err)
	}
	files, _ = filepath.Glob("../admission/testdata/applicants/bad_*.csv")
	for _, f := range files {
		_, err := admission.ReadApplicants(bytes.NewReader(read(t, f)), campaign)
		errs = append(errs, err)
	}
	if len(errs) < 15 {
		t.Fatalf("only %d bad files", len(errs))
	}

	d := &admission.Desk{}
	errs = append(errs, func() error { _, err := d.ImportApplicants(nil, "", "", time.Time{}, ""); return err }())
	_, err := d.SetCampaign(admission.CampaignChange{Campaign: campaign}, time.Time{}, "")
	errs = append(errs, err)
	_, err = admission.HallRoster(nil, campaign, []string{"7M12303"})
	errs = append(errs, err)
	_, err = admission.HallRoster(nil, campaign, []string{"7M04203"})
	errs = append(errs, err)
	for _, code := range []string{admission.RefuseChangeReason, admission.RefuseCampaignUnchanged, admission.RefuseApplicantsUnchanged} {
		errs = append(errs, &admission.Refusal{Code: code, Args: []any{2}})
	}
	errs = append(errs, &admission.Refusal{Code: admission.RefuseProgrammeInUse, Args: []any{"8D12301", 3}},
		&admission.Refusal{Code: admission.RefuseScoreOverScale, Args: []any{2, 40}},
		&admission.Refusal{Code: admission.RefusePINRecord, Args: []any{"appeal_commission"}},
		&admission.Refusal{Code: admission.RefuseRosterNoProgrammes})

	codes := map[string]bool{}
	for _, err := range errs {
		var probs []admission.Problem
		var ce *admission.CampaignError
		var ae *admission.ApplicantsError
		var r *admission.Refusal
		switch {
		case errors.As(err, &ce):
			probs = ce.Problems
		case errors.As(err, &ae):
			probs = ae.Problems
		case errors.As(err, &r):
			codes["admission."+r.Code] = true
		default:
			t.Fatalf("not an admission error: %v", err)
		}
		allowed := []string{"Excel", "xlsx", "campaign", "year", "programmes", "TestDaF"}
		for _, p := range probs {
			codes[p.Code] = true
			allowed = append(allowed, p.Field)
			for _, a := range p.Args {
				if s, ok := a.(string); ok {
					allowed = append(allowed, s)
				}
			}
		}
		checkAdmissionWords(t, err, allowed)
	}
	if len(codes) < 50 {
		t.Errorf("only %d codes rendered", len(codes))
	}

	for _, n := range []admission.Note{
		{Code: admission.NoteServiceShort, Args: []any{"4.9", 5, admission.NewDate(2027, time.July, 25)}},
		{Code: admission.NoteNotSeatedGate, Args: []any{29, 30, 50}},
		{Code: admission.NoteNotSeatedPending},
	} {
		for _, l := range Langs {
			got := New(l).Note(n)
			if strings.ContainsAny(got, "«%") || (l != EN && len(i18ntest.LatinWords(got)) > 0) {
				t.Errorf("note %s %s: %q", n.Code, l, got)
			}
		}
	}
	if got := New(RU).Note(admission.Note{Code: admission.NoteServiceShort, Args: []any{"4.9", 5, admission.NewDate(2027, time.July, 25)}}); !strings.Contains(got, "на 2027-07-25") {
		t.Errorf("the day said: %q", got)
	}
}

func checkAdmissionWords(t *testing.T, err error, allowed []string) {
	t.Helper()
	// Longest first, so that a key is taken whole before a part of it.
	slices.SortFunc(allowed, func(a, b string) int { return len(b) - len(a) })
	for _, l := range Langs {
		got := New(l).Error(err)
		if strings.Contains(got, "%!") || strings.Contains(got, "${") || strings.Contains(got, "«campaign.") ||
			strings.Contains(got, "«applicants.") || strings.Contains(got, "«admission.") {
			t.Errorf("%s: %q", l, got)
		}
		if l == EN {
			continue
		}
		if words := i18ntest.LatinWords(got, allowed...); len(words) > 0 {
			t.Errorf("%s reads English %v:\n%s", l, words, got)
		}
	}
}

func readCampaign(t *testing.T, path string) admission.Campaign {
	t.Helper()
	c, err := admission.ParseCampaign(bytes.NewReader(read(t, path)))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func read(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
