package admission

import (
	"fmt"
	"strings"
)

// Body is one of the campaign's commissions: the admission commission
// (AR 9–10), the appeal commission (AR 26), or the exam commission of one
// programme (AR 18–19). It words itself in the catalogue
// ("admission.body."+Kind), so a reason can name the commission it is
// about in the reader's language.
type Body struct {
	Kind      string // BodyAdmission, BodyAppeal, BodyExam
	Programme string // the exam commission's programme; "" otherwise
}

const (
	BodyAdmission = "admission_commission"
	BodyAppeal    = "appeal_commission"
	BodyExam      = "exam_commission"
)

// CatalogueKey is the body's words in the catalogue, with their arguments.
func (b Body) CatalogueKey() (string, []any) {
	if b.Kind == BodyExam {
		return "admission.body." + b.Kind, []any{b.Programme}
	}
	return "admission.body." + b.Kind, nil
}

func (b Body) String() string {
	if b.Programme != "" {
		return b.Kind + " " + b.Programme
	}
	return b.Kind
}

// Commission is the approved membership of one commission (the rector's
// order, AR 9, 19, 26). The chair agrees to its decisions with a PIN.
type Commission struct {
	Chair     string   `json:"chair"`
	Secretary string   `json:"secretary,omitempty"`
	Members   []Member `json:"members"`
}

// Member is an ordinary member of a commission; Degree matters for the
// exam commissions (AR 19).
type Member struct {
	Name   string `json:"name"`
	Degree Degree `json:"degree,omitempty"`
}

// Degree is a member's scientific degree, as AR 19 counts them.
type Degree string

const (
	DegreeNone        Degree = ""
	DegreeDoctorOfLaw Degree = "doctor_of_law"        // доктор юридических наук
	DegreeCandidate   Degree = "candidate_of_science" // кандидат наук
	DegreePhD         Degree = "phd"                  // доктор философии (PhD)
)

// Degrees are the degrees AR 19 names, in its order.
var Degrees = []Degree{DegreeDoctorOfLaw, DegreeCandidate, DegreePhD}

// ParseDegree reads a degree as the campaign file writes it; "" is none.
func ParseDegree(s string) (Degree, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "":
		return DegreeNone, true
	case "doctor_of_law", "doctor of law":
		return DegreeDoctorOfLaw, true
	case "candidate_of_science", "candidate of science", "candidate":
		return DegreeCandidate, true
	case "phd":
		return DegreePhD, true
	}
	return Degree(s), false
}

func (d Degree) valid() bool {
	switch d {
	case DegreeNone, DegreeDoctorOfLaw, DegreeCandidate, DegreePhD:
		return true
	}
	return false
}

// CatalogueKey is the degree's words in the catalogue.
func (d Degree) CatalogueKey() (string, []any) {
	if d == DegreeNone {
		return "admission.degree.none", nil
	}
	return "admission.degree." + string(d), nil
}

// bodyRule is what the admission rules ask of a commission's membership.
type bodyRule struct {
	secretary  bool // a secretary is part of the approved membership
	minMembers int  // ordinary members besides the chair and the secretary
	minDegrees int  // members with a degree of AR 19
}

var bodyRules = map[string]bodyRule{
	BodyAdmission: {secretary: true, minMembers: 3},                // AR 10
	BodyAppeal:    {secretary: false, minMembers: 2},               // AR 26
	BodyExam:      {secretary: true, minMembers: 3, minDegrees: 2}, // AR 19
}

// Size is the approved membership: the chair, the secretary if there is
// one, and the members.
func (c Commission) Size() int {
	n := len(c.Members)
	if strings.TrimSpace(c.Chair) != "" {
		n++
	}
	if strings.TrimSpace(c.Secretary) != "" {
		n++
	}
	return n
}

// Quorum is how many of the approved membership must sit for a decision
// of the admission commission (AR 13: at least two thirds).
func (c Commission) Quorum() int { return (2*c.Size() + 2) / 3 }

// checkCommission is every way c breaks the rules for body. path is the
// commission's key in the campaign file.
func checkCommission(path string, body Body, c Commission) []Problem {
	rule := bodyRules[body.Kind]
	var probs []Problem
	add := func(field, code string, args ...any) {
		probs = append(probs, Problem{Field: field, Code: code, Args: append([]any{body}, args...)})
	}
	if c.Size() == 0 && len(c.Members) == 0 {
		add(path, CampaignCommissionMissing)
		return probs
	}
	if strings.TrimSpace(c.Chair) == "" {
		add(path+".chair", CampaignChairMissing)
	}
	if rule.secretary && strings.TrimSpace(c.Secretary) == "" {
		add(path+".secretary", CampaignSecretaryMissing)
	}
	seen := map[string]string{} // a person's name, folded → where first
	person := func(field, name string) bool {
		key := foldName(name)
		if key == "" {
			return false
		}
		if first, dup := seen[key]; dup {
			add(field, CampaignPersonTwice, strings.Join(strings.Fields(name), " "), first)
			return false
		}
		seen[key] = field
		return true
	}
	person(path+".chair", c.Chair)
	person(path+".secretary", c.Secretary)
	// Only a distinct, named member counts towards the membership; only
	// such a member's degree of AR 19 towards the degrees.
	members, degreed := 0, 0
	for i, m := range c.Members {
		field := fmt.Sprintf("%s.members[%d]", path, i+1)
		if !m.Degree.valid() {
			add(field+".degree", CampaignDegreeUnknown, string(m.Degree))
		}
		if strings.TrimSpace(m.Name) == "" {
			add(field, CampaignMemberNameMissing, i+1)
			continue
		}
		if person(field, m.Name) {
			members++
			if m.Degree != DegreeNone && m.Degree.valid() {
				degreed++
			}
		}
	}
	if members < rule.minMembers {
		add(path+".members", CampaignMembersTooFew, members, rule.minMembers)
	}
	if rule.minDegrees > 0 && degreed < rule.minDegrees {
		add(path+".members", CampaignDegreesTooFew, degreed, rule.minDegrees)
	}
	return probs
}

// foldName is a person's name as compared: spaces collapsed, case folded,
// Ё read as Е.
func foldName(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	return strings.ReplaceAll(s, "ё", "е")
}
