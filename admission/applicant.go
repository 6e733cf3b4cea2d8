package admission

import (
	"math"
	"time"

	"examday/exam"
)

// Applicant is one applicant of the campaign, as the admission commission
// registered their documents (AR 14–17): who they are, which programme
// (§1.2), their law-enforcement service (AR 7, 8, 31), their foreign
// language (AR 20, 22), and their scientific achievements (AR 31).
type Applicant struct {
	// Line is the applicant's line (row) in the file they were imported
	// from, so that the commission can find them there.
	Line       int    `json:"line,omitempty"`
	ID         string `json:"id"`
	FullName   string `json:"full_name"`
	Programme  string `json:"programme"`
	IDDocument string `json:"id_document"`

	// Service is in years, as the personnel service's certificate states
	// it (AR 14.12); or ServiceSince, the day it began, when the file gives
	// that instead (then ServiceYears is 0 and ServiceAt counts).
	ServiceYears float64 `json:"service_years,omitempty"`
	ServiceSince Date    `json:"service_since,omitzero"`

	// Language is the language of the exam chosen (AR 20); LanguageScore
	// its points, nil until the exam is marked.
	Language      string       `json:"language,omitempty"`
	LanguageScore *int         `json:"language_score,omitempty"`
	Certificate   *Certificate `json:"certificate,omitempty"`

	// AR 31's scientific achievements: publications (PublicationsHigh of
	// them in high-ranked journals), certificates of research, scholarships
	// and grants, diplomas of conferences and contests.
	Publications         int `json:"publications,omitempty"`
	PublicationsHigh     int `json:"publications_high,omitempty"`
	ResearchCertificates int `json:"research_certificates,omitempty"`
	Grants               int `json:"grants,omitempty"`
	Diplomas             int `json:"diplomas,omitempty"`
}

// Level is the level of the applicant's programme.
func (a Applicant) Level() exam.Level {
	p, _ := exam.ProgrammeByCode(a.Programme)
	return p.Level
}

// ServiceAt is the applicant's law-enforcement service on day, in years.
func (a Applicant) ServiceAt(day Date) float64 {
	if a.ServiceSince.IsZero() {
		return a.ServiceYears
	}
	if day.Before(a.ServiceSince) {
		return 0
	}
	return day.sub(a.ServiceSince).Hours() / 24 / 365.25
}

// hasServiceOn reports whether the applicant has served at least years
// whole years on day: by the calendar when the day service began is
// known, so that the anniversary itself counts.
func (a Applicant) hasServiceOn(years int, day Date) bool {
	if a.ServiceSince.IsZero() {
		return a.ServiceYears >= float64(years)-1e-9
	}
	return !day.Before(a.ServiceSince.AddYears(years))
}

// MinService is the law-enforcement service a level asks (AR 7: three
// years for master's; AR 8: five for doctoral).
func MinService(l exam.Level) int {
	if l == exam.Doctoral {
		return 5
	}
	return 3
}

// Note is a fact the admission commission should know of an applicant: a
// flag on their eligibility, or why they are not seated in a hall. The
// catalogue words it under "admission.note.".
type Note struct {
	Code string
	Args []any
}

// Note codes (catalogue keys under "admission.note.").
const (
	NoteServiceShort     = "service_short"      // AR 7, 8
	NoteNotSeatedGate    = "not_seated_gate"    // AR 20: below the language gate
	NoteNotSeatedPending = "not_seated_pending" // AR 20: no language result yet
)

// Flags are what the admission commission should check in the applicant's
// dossier: less law-enforcement service than the level asks (AR 7, 8),
// counted on the last day documents are accepted (AR 4). They are flags,
// not refusals: the commission decides on the documents (AR 11.1). A
// doctoral applicant's master's degree (AR 8) is in the dossier only.
func (a Applicant) Flags(c Campaign) []Note {
	var out []Note
	min, day := MinService(a.Level()), c.Dates.DocumentsTo
	if !a.hasServiceOn(min, day) {
		years := math.Floor(a.ServiceAt(day)*10) / 10
		out = append(out, Note{Code: NoteServiceShort, Args: []any{formatNumber(years), min, day}})
	}
	return out
}

// serviceSinceBounds bounds the day service began: not after the
// documents' last day, nor more than MaxServiceYears before it.
func serviceSinceBounds(c Campaign) (Date, Date) {
	last := c.Dates.DocumentsTo
	return NewDate(last.Year()-MaxServiceYears, time.January, 1), last
}

// MaxServiceYears bounds a number of years of service as typed.
const MaxServiceYears = 50
