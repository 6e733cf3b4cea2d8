package admission_test

import (
	"testing"

	"examday/admission"
)

// AR 22: the exemption table at its boundaries, each certificate named and
// scored as a form may write it.
func TestExemptionTableBoundaries(t *testing.T) {
	for _, tc := range []struct {
		name, score string
		exempts     bool
		canonical   string // name and score as kept
	}{
		{"TOEFL ITP", "337", true, "TOEFL ITP 337"},
		{"TOEFL ITP", "336", false, "TOEFL ITP 336"},
		{"toefl-itp", "400", true, "TOEFL ITP 400"},
		{"ТОЕFL ITP", "337", true, "TOEFL ITP 337"}, // Т, О, Е typed in Cyrillic
		{"TOEFL iBT", "60", true, "TOEFL iBT 60"},
		{"TOEFL IBT", "59", false, "TOEFL iBT 59"},
		{"TOEFL (PBT)", "500", true, "TOEFL PBT 500"},
		{"TOEFL", "499", false, "TOEFL PBT 499"}, // AR 22 writes the paper-based test as "TOEFL"
		{"IELTS", "5.0", true, "IELTS 5"},
		{"IELTS", "5,5", true, "IELTS 5.5"},
		{"IELTS", "4.5", false, "IELTS 4.5"},
		{"DSH", "B2", true, "DSH B2"},
		{"DSH", "В2", true, "DSH B2"}, // Cyrillic В
		{"DSH", "c1", true, "DSH C1"},
		{"DSH", "DSH-1", true, "DSH B2"},
		{"TestDaF", "B2", true, "TestDaF B2"},
		{"TESTDAF", "TDN 3", true, "TestDaF B2"},
		{"TFI", "B1/B1", true, "TFI B1/B1"},
		{"TFI", "В1 / С1", true, "TFI B1/C1"}, // Cyrillic В and С
		{"TFI", "B1/A2", false, "TFI B1/A2"},
		{"TFI", "A2/B2", false, "TFI A2/B2"},
		{"DELF", "B1", true, "DELF B1"},
		{"DELF", "В1", true, "DELF B1"},
		{"DELF", "B2", true, "DELF B2"},
		{"DELF", "A2", false, "DELF A2"},
		{"DELF B1", "", true, "DELF B1"}, // the level in the name
		{"DALF", "С1", true, "DALF C1"},  // Cyrillic С
		{"DALF", "C2", true, "DALF C2"},
		{"TCF", "300", true, "TCF 300"},
		{"TCF", "299", false, "TCF 299"},
	} {
		c, p := admission.ParseCertificate(tc.name, tc.score)
		if p != nil {
			t.Errorf("%s %q: refused %v", tc.name, tc.score, p)
			continue
		}
		if c.String() != tc.canonical {
			t.Errorf("%s %q: kept as %q, want %q", tc.name, tc.score, c, tc.canonical)
		}
		if c.Exempts() != tc.exempts {
			t.Errorf("%s %q: exempts %v, want %v", tc.name, tc.score, c.Exempts(), tc.exempts)
		}
	}
}

// A certificate or a result that cannot be is refused as a typing error,
// with why.
func TestCertificatesThatCannotBe(t *testing.T) {
	for _, tc := range []struct{ name, score, code string }{
		{"Duolingo", "120", admission.ApplicantsCertificateUnknown},
		{"TOEFL ITP", "", admission.ApplicantsCertificateScoreMissing},
		{"TOEFL ITP", "700", admission.ApplicantsCertificateScoreRange},
		{"TOEFL ITP", "337.5", admission.ApplicantsCertificateScoreStep},
		{"TOEFL iBT", "121", admission.ApplicantsCertificateScoreRange},
		{"IELTS", "5.25", admission.ApplicantsCertificateScoreStep},
		{"IELTS", "9.5", admission.ApplicantsCertificateScoreRange},
		{"IELTS", "B2", admission.ApplicantsCertificateScoreRange},
		{"TCF", "99", admission.ApplicantsCertificateScoreRange},
		{"DSH", "B1", admission.ApplicantsCertificateLevel},  // DSH is issued at B2 and above
		{"DELF", "C1", admission.ApplicantsCertificateLevel}, // C1 is DALF's
		{"DALF", "B2", admission.ApplicantsCertificateLevel},
		{"DELF", "B3", admission.ApplicantsCertificateLevel},
		{"TFI", "B1", admission.ApplicantsCertificateTwoLevels}, // reading and listening both
		{"TFI", "B1/B2/C1", admission.ApplicantsCertificateTwoLevels},
	} {
		_, p := admission.ParseCertificate(tc.name, tc.score)
		if p == nil || p.Code != tc.code {
			t.Errorf("%s %q: %v, want %s", tc.name, tc.score, p, tc.code)
		}
	}
}

// CEFR levels are ordered, and read the Cyrillic В and С as B and C.
func TestCEFRLevels(t *testing.T) {
	order := []string{"A1", "A2", "B1", "B2", "C1", "C2"}
	for i := 1; i < len(order); i++ {
		lo, _ := admission.ParseCEFR(order[i-1])
		hi, _ := admission.ParseCEFR(order[i])
		if !(lo < hi) {
			t.Errorf("%s is not below %s", order[i-1], order[i])
		}
	}
	for in, want := range map[string]admission.CEFR{"В2": admission.B2, "в2": admission.B2, "С1": admission.C1, " b1 ": admission.B1, "А2": admission.A2} {
		if got, ok := admission.ParseCEFR(in); !ok || got != want {
			t.Errorf("ParseCEFR(%q) = %v %v, want %v", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "B3", "D1", "B", "2"} {
		if _, ok := admission.ParseCEFR(in); ok {
			t.Errorf("ParseCEFR(%q) took it", in)
		}
	}
}

// AR 20: the specialty exam needs at least the gate in the language exam
// (30 passes, 29 does not), or a certificate that exempts (AR 22).
func TestLanguageGate(t *testing.T) {
	score := func(n int) *int { return &n }
	exempt := &admission.Certificate{Name: "IELTS", Score: "5"}
	short := &admission.Certificate{Name: "IELTS", Score: "4.5"}
	c := campaign2027()
	for _, tc := range []struct {
		name string
		a    admission.Applicant
		want admission.GateStatus
	}{
		{"AR 20 30 points pass", admission.Applicant{LanguageScore: score(30)}, admission.GatePassed},
		{"AR 20 29 points do not", admission.Applicant{LanguageScore: score(29)}, admission.GateFailed},
		{"AR 20 0 points is a result", admission.Applicant{LanguageScore: score(0)}, admission.GateFailed},
		{"AR 20 no result yet", admission.Applicant{}, admission.GatePending},
		{"AR 22 a certificate exempts", admission.Applicant{Certificate: exempt}, admission.GateExempt},
		{"AR 22 exempt whatever the exam gave", admission.Applicant{Certificate: exempt, LanguageScore: score(10)}, admission.GateExempt},
		{"AR 22 a certificate below the line: the exam decides", admission.Applicant{Certificate: short, LanguageScore: score(31)}, admission.GatePassed},
		{"AR 22 a certificate below the line and no exam yet", admission.Applicant{Certificate: short}, admission.GatePending},
	} {
		g := tc.a.LanguageGate(c)
		if g.Status != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, g.Status, tc.want)
		}
		if g.MaySit() != (tc.want == admission.GatePassed || tc.want == admission.GateExempt) {
			t.Errorf("%s: MaySit %v", tc.name, g.MaySit())
		}
	}
	// The gate is a setting.
	c.Language.Gate = 35
	if g := (admission.Applicant{LanguageScore: score(34)}).LanguageGate(c); g.Status != admission.GateFailed || g.Of != 35 {
		t.Errorf("gate 35: %+v", g)
	}
}

func TestParseLanguage(t *testing.T) {
	for in, want := range map[string]string{"en": "en", " DE ": "de", "Fr": "fr"} {
		if got, ok := admission.ParseLanguage(in); !ok || got != want {
			t.Errorf("ParseLanguage(%q) = %q %v", in, got, ok)
		}
	}
	for _, in := range []string{"", "ru", "kk", "english"} {
		if _, ok := admission.ParseLanguage(in); ok {
			t.Errorf("ParseLanguage(%q) took it", in)
		}
	}
}
