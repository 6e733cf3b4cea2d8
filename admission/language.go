package admission

import (
	"math"
	"strconv"
	"strings"
	"unicode"
)

// The foreign-language exam (AR 20) and the certificates that exempt from
// it (AR 22).

// Languages of the language exam (AR 20: English, German or French, by the
// applicant's choice), as the applicants file writes them.
const (
	English = "en"
	German  = "de"
	French  = "fr"
)

// ParseLanguage reads a language of AR 20: en, de or fr, in any case.
func ParseLanguage(s string) (string, bool) {
	switch l := strings.ToLower(strings.TrimSpace(s)); l {
	case English, German, French:
		return l, true
	}
	return "", false
}

// CEFR is a level of the Common European Framework of Reference, in
// order: A1 < A2 < B1 < B2 < C1 < C2. The zero value is no level.
type CEFR int

const (
	A1 CEFR = iota + 1
	A2
	B1
	B2
	C1
	C2
)

var cefrNames = []string{"", "A1", "A2", "B1", "B2", "C1", "C2"}

func (l CEFR) String() string {
	if l < A1 || l > C2 {
		return ""
	}
	return cefrNames[l]
}

// ParseCEFR reads a level such as "B2". AR 22 itself writes some levels
// with the Cyrillic letters В and С, and so do forms typed on a Russian or
// Kazakh layout: they read as the Latin B and C ("В2" is B2).
func ParseCEFR(s string) (CEFR, bool) {
	s = latinKey(s)
	for l := A1; l <= C2; l++ {
		if s == cefrNames[l] {
			return l, true
		}
	}
	return 0, false
}

// cyrillicLookalikes are the Cyrillic capitals that look like Latin ones:
// in a level or a certificate's name they are read as those.
var cyrillicLookalikes = map[rune]rune{
	'А': 'A', 'В': 'B', 'С': 'C', 'Е': 'E', 'Н': 'H', 'І': 'I', 'К': 'K', 'М': 'M',
	'О': 'O', 'Р': 'P', 'Т': 'T', 'Х': 'X', 'У': 'Y', 'Ѕ': 'S', 'Ј': 'J',
}

// latinKey is s upper-cased, Cyrillic look-alikes read as Latin, and
// everything but letters and digits dropped: "TOEFL-iBT", "toefl ibt" and
// "ТОЕFL IBT" (with a Cyrillic Т, О, Е) are all "TOEFLIBT".
func latinKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		if l, ok := cyrillicLookalikes[r]; ok {
			r = l
		}
		if r <= unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// certificateKind is how a certificate states its result.
type certificateKind int

const (
	byScore     certificateKind = iota // a number of points or a band
	byLevel                            // one CEFR level
	byTwoLevels                        // a CEFR level in reading and one in listening (TFI)
)

// certificateRule is one line of AR 22: a certificate, its language, what
// it states and what exempts.
type certificateRule struct {
	name     string
	language string
	kind     certificateKind
	// byScore: the scale's range and step, and the least score that exempts.
	lo, hi, step, minScore float64
	// byLevel, byTwoLevels: the levels the certificate is issued at, and
	// the least that exempts.
	lowest, highest, minLevel CEFR
	// levelAliases are the certificate's own grades and the CEFR level
	// each is at least (DSH-2 is C1).
	levelAliases map[string]CEFR
}

// exemptions is AR 22: who is exempt from the language exam. A level
// named by the rule is the least that exempts: a higher one exempts too.
var exemptions = []certificateRule{
	{name: "TOEFL ITP", language: English, kind: byScore, lo: 310, hi: 677, step: 1, minScore: 337},
	{name: "TOEFL iBT", language: English, kind: byScore, lo: 0, hi: 120, step: 1, minScore: 60},
	{name: "TOEFL PBT", language: English, kind: byScore, lo: 310, hi: 677, step: 1, minScore: 500},
	{name: "IELTS", language: English, kind: byScore, lo: 0, hi: 9, step: 0.5, minScore: 5.0},
	{name: "DSH", language: German, kind: byLevel, lowest: B2, highest: C2, minLevel: B2,
		levelAliases: map[string]CEFR{"DSH1": B2, "DSH2": C1, "DSH3": C2}},
	{name: "TestDaF", language: German, kind: byLevel, lowest: B2, highest: C1, minLevel: B2,
		levelAliases: map[string]CEFR{"TDN3": B2, "TDN4": B2, "TDN5": C1}},
	{name: "TFI", language: French, kind: byTwoLevels, lowest: A1, highest: C2, minLevel: B1},
	{name: "DELF", language: French, kind: byLevel, lowest: A1, highest: B2, minLevel: B1},
	{name: "DALF", language: French, kind: byLevel, lowest: C1, highest: C2, minLevel: C1},
	{name: "TCF", language: French, kind: byScore, lo: 100, hi: 699, step: 1, minScore: 300},
}

// certificateNames are the ways a certificate's name is written, as
// latinKey makes them, and the rule each means. AR 22 writes the
// paper-based TOEFL as "TOEFL" alone.
var certificateNames = map[string]string{
	"TOEFLITP": "TOEFL ITP", "TOEFLIBT": "TOEFL iBT", "IBT": "TOEFL iBT",
	"TOEFLPBT": "TOEFL PBT", "TOEFL": "TOEFL PBT", "IELTS": "IELTS",
	"DSH": "DSH", "TESTDAF": "TestDaF", "TFI": "TFI", "DELF": "DELF", "DALF": "DALF", "TCF": "TCF",
}

func ruleNamed(name string) (certificateRule, bool) {
	for _, r := range exemptions {
		if r.name == name {
			return r, true
		}
	}
	return certificateRule{}, false
}

// CertificateNames are the certificates of AR 22, in its order.
func CertificateNames() []string {
	out := make([]string, len(exemptions))
	for i, r := range exemptions {
		out[i] = r.name
	}
	return out
}

// Certificate is an international language certificate (AR 22) as the
// applicant presented it: its name and its result, both in their
// canonical spelling ("TOEFL ITP" "337"; "DSH" "B2"; "TFI" "B1/B2", the
// levels in reading and in listening).
type Certificate struct {
	Name  string `json:"name"`
	Score string `json:"score"`
}

// Language is the language the certificate attests.
func (c Certificate) Language() string {
	r, _ := ruleNamed(c.Name)
	return r.language
}

// Exempts reports whether the certificate exempts its holder from the
// language exam (AR 22).
func (c Certificate) Exempts() bool {
	r, ok := ruleNamed(c.Name)
	if !ok {
		return false
	}
	switch r.kind {
	case byScore:
		v, err := strconv.ParseFloat(c.Score, 64)
		return err == nil && v >= r.minScore
	case byLevel:
		l, ok := ParseCEFR(c.Score)
		return ok && l >= r.minLevel
	case byTwoLevels:
		parts := strings.Split(c.Score, "/")
		if len(parts) != 2 {
			return false
		}
		reading, ok1 := ParseCEFR(parts[0])
		listening, ok2 := ParseCEFR(parts[1])
		return ok1 && ok2 && reading >= r.minLevel && listening >= r.minLevel
	}
	return false
}

func (c Certificate) String() string { return c.Name + " " + c.Score }

// ParseCertificate reads a certificate's name and result as an applicants
// file gives them. A level may stand in the name ("DELF B1") when the
// result is left empty. The problem, if any, is an applicants code with
// its arguments.
func ParseCertificate(name, score string) (Certificate, *Problem) {
	key := latinKey(name)
	canonical, ok := certificateNames[key]
	if !ok && len(key) > 2 {
		if _, isLevel := ParseCEFR(key[len(key)-2:]); isLevel {
			if c, ok2 := certificateNames[key[:len(key)-2]]; ok2 && strings.TrimSpace(score) == "" {
				canonical, ok, score = c, true, key[len(key)-2:]
			}
		}
	}
	if !ok {
		return Certificate{}, &Problem{Field: "certificate", Code: ApplicantsCertificateUnknown,
			Args: []any{strings.TrimSpace(name), strings.Join(CertificateNames(), ", ")}}
	}
	r, _ := ruleNamed(canonical)
	score = strings.TrimSpace(score)
	bad := func(code string, args ...any) (Certificate, *Problem) {
		return Certificate{}, &Problem{Field: "certificate_score", Code: code, Args: append([]any{canonical, score}, args...)}
	}
	if score == "" {
		return Certificate{}, &Problem{Field: "certificate_score", Code: ApplicantsCertificateScoreMissing, Args: []any{canonical}}
	}
	switch r.kind {
	case byScore:
		v, err := strconv.ParseFloat(strings.ReplaceAll(score, ",", "."), 64)
		if err != nil || math.IsNaN(v) || v < r.lo || v > r.hi {
			return bad(ApplicantsCertificateScoreRange, formatNumber(r.lo), formatNumber(r.hi))
		}
		if steps := (v - r.lo) / r.step; math.Abs(steps-math.Round(steps)) > 1e-9 {
			return bad(ApplicantsCertificateScoreStep, formatNumber(r.step))
		}
		return Certificate{Name: canonical, Score: formatNumber(v)}, nil
	case byLevel:
		l, ok := parseLevelOf(r, score)
		if !ok {
			return bad(ApplicantsCertificateLevel, r.lowest.String()+"–"+r.highest.String())
		}
		return Certificate{Name: canonical, Score: l.String()}, nil
	default: // byTwoLevels
		parts := strings.FieldsFunc(score, func(r rune) bool { return strings.ContainsRune("/,;|\\ ", r) })
		if len(parts) != 2 {
			return bad(ApplicantsCertificateTwoLevels)
		}
		reading, ok1 := parseLevelOf(r, parts[0])
		listening, ok2 := parseLevelOf(r, parts[1])
		if !ok1 || !ok2 {
			return bad(ApplicantsCertificateLevel, r.lowest.String()+"–"+r.highest.String())
		}
		return Certificate{Name: canonical, Score: reading.String() + "/" + listening.String()}, nil
	}
}

// parseLevelOf reads a level the certificate r is issued at: a CEFR
// level, or one of r's own grades.
func parseLevelOf(r certificateRule, s string) (CEFR, bool) {
	if l, ok := r.levelAliases[latinKey(s)]; ok {
		return l, true
	}
	l, ok := ParseCEFR(s)
	return l, ok && l >= r.lowest && l <= r.highest
}

func formatNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// GateStatus is where an applicant stands at the language gate (AR 20,
// 22).
type GateStatus string

const (
	GateExempt  GateStatus = "exempt"  // a certificate of AR 22
	GatePassed  GateStatus = "passed"  // at least the gate in the language exam
	GateFailed  GateStatus = "failed"  // below the gate: may not sit the specialty exam
	GatePending GateStatus = "pending" // no result of the language exam yet
)

// CatalogueKey is the status's words in the catalogue.
func (s GateStatus) CatalogueKey() (string, []any) { return "admission.gate." + string(s), nil }

// Gate is an applicant at the language gate.
type Gate struct {
	Status GateStatus
	// Certificate is the one that exempts (GateExempt), or the one
	// presented that does not (then the language exam decides).
	Certificate *Certificate
	Score       int // the language exam's points, when there is a result
	Of          int // the gate, in points
	Scale       int
}

// MaySit reports whether the applicant may sit the specialty exam (AR 20).
func (g Gate) MaySit() bool { return g.Status == GateExempt || g.Status == GatePassed }

// LanguageGate is where a stands at the language gate of campaign c: a
// certificate that exempts (AR 22), else the language exam's result
// against the gate (AR 20: at least 30 points by default).
func (a Applicant) LanguageGate(c Campaign) Gate {
	g := Gate{Of: c.Language.Gate, Scale: c.Language.Scale, Certificate: a.Certificate}
	switch {
	case a.Certificate != nil && a.Certificate.Exempts():
		g.Status = GateExempt
	case a.LanguageScore == nil:
		g.Status = GatePending
	case *a.LanguageScore >= c.Language.Gate:
		g.Status, g.Score = GatePassed, *a.LanguageScore
	default:
		g.Status, g.Score = GateFailed, *a.LanguageScore
	}
	return g
}
