package admission

import (
	"fmt"
	"sort"
	"strings"
)

// Problem is one reason a campaign file or an applicants file is refused.
// Code names the reason: the catalogue words it under "campaign." (a
// CampaignError) or "applicants." (an ApplicantsError), with Args.
type Problem struct {
	// Line is the file's line (a spreadsheet's row; the header is 1), 0
	// when the reason is not at one place: a campaign built in code, a
	// commission that lacks a member.
	Line int
	// Field is the key of the campaign file ("programmes.7M04203.places",
	// "admission_commission.members[2]") or the column of the applicants
	// file the reason is about; "" when none.
	Field string
	Code  string
	Args  []any
}

func (p Problem) String() string {
	var b strings.Builder
	if p.Line > 0 {
		fmt.Fprintf(&b, "line %d: ", p.Line)
	}
	if p.Field != "" {
		fmt.Fprintf(&b, "%s: ", p.Field)
	}
	b.WriteString(p.Code)
	if len(p.Args) > 0 {
		fmt.Fprintf(&b, " %v", p.Args)
	}
	return b.String()
}

// CampaignError is every reason a campaign is refused; a campaign with any
// is set not at all.
type CampaignError struct{ Problems []Problem }

func (e *CampaignError) Error() string { return listProblems("campaign", e.Problems) }

// ApplicantsError is every bad row of an applicants file; a file with any
// is imported not at all.
type ApplicantsError struct{ Problems []Problem }

func (e *ApplicantsError) Error() string { return listProblems("applicants file", e.Problems) }

func listProblems(what string, probs []Problem) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s has %d problem(s):", what, len(probs))
	for _, p := range probs {
		b.WriteString("\n  ")
		b.WriteString(p.String())
	}
	return b.String()
}

// sortProblems orders problems by line; the problems of one line, and
// those of no line (at the end), stay in the order found.
func sortProblems(p []Problem) {
	sort.SliceStable(p, func(i, j int) bool {
		li, lj := p[i].Line, p[j].Line
		if li == 0 || lj == 0 {
			return li != 0 && lj == 0
		}
		return li < lj
	})
}

// Refusal is the answer when the admission rules do not allow a decision
// of the commission's desk (a change of the campaign without a reason, a
// roster of a programme the campaign does not hold). The catalogue words
// "admission."+Code with Args. A refusal changes nothing.
type Refusal struct {
	Code string
	Args []any
}

func refuse(code string, args ...any) *Refusal { return &Refusal{Code: code, Args: args} }

func (r *Refusal) Error() string {
	if len(r.Args) == 0 {
		return "refused: " + r.Code
	}
	return fmt.Sprintf("refused: %s %v", r.Code, r.Args)
}

// Refusal codes (catalogue keys under "admission.").
const (
	RefuseNoCampaign          = "no_campaign"
	RefuseChangeReason        = "change_reason"
	RefuseCampaignUnchanged   = "campaign_unchanged"
	RefusePINMissing          = "pin_missing"
	RefusePINRecord           = "pin_record"
	RefuseProgrammeInUse      = "programme_in_use"
	RefuseScoreOverScale      = "score_over_scale"
	RefuseNoApplicants        = "no_applicants"
	RefuseApplicantsUnchanged = "applicants_unchanged"
	RefuseRosterNoProgrammes  = "roster_no_programmes"
	RefuseRosterProgramme     = "roster_programme"
	RefuseRosterEmpty         = "roster_empty"
)

// ErrorCode is the refusal's key in the catalogue and its arguments: so
// it is worded in the reader's language wherever it is carried, the
// central record's admin channel too.
func (r *Refusal) ErrorCode() (string, []any) { return "admission." + r.Code, r.Args }
