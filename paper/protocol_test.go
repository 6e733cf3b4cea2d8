package paper_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"examday/i18n"
	"examday/paper"
)

// The hall report is the protocol the commission signs: these tests read
// it back with pdftotext.

const (
	protocolNo = "14/2027"
	place      = "г. Косшы, ул. Республики, 2, учебный корпус"
)

// pages splits pdftotext's text at its form feeds.
func pages(text string) []string { return strings.Split(strings.TrimRight(text, "\f"), "\f") }

// blankLine is a line of underscores left to fill in by hand.
var blankLine = regexp.MustCompile(`_{6,}`)

func TestTheReportIsAProtocolWithItsNumberPlaceSecretaryAndSeal(t *testing.T) {
	d, _ := fullDay(t)
	r := paper.Build(d.s.Hall(), d.records(), generated)
	r.Hall.Protocol, r.Hall.Place = protocolNo, place
	for _, lang := range i18n.Langs {
		t.Run(string(lang), func(t *testing.T) {
			cat := i18n.New(lang)
			text := pdfText(t, r, lang, "protocol")
			all := pages(text)
			first := squeeze(all[0])
			if want := cat.T("paper.protocol", protocolNo); !strings.Contains(first, want) {
				t.Errorf("page 1 does not head the protocol %q", want)
			}
			if want := cat.T("paper.hall.place") + ": " + place; !strings.Contains(first, want) {
				t.Errorf("page 1 does not say the place %q", want)
			}
			if want := cat.T("paper.hall.date") + ": 12.08.2027"; !strings.Contains(first, want) {
				t.Errorf("page 1 does not date the protocol %q", want)
			}
			for i, page := range all {
				p := squeeze(page)
				for _, want := range []string{
					cat.T("paper.page", i+1, fmt.Sprint(len(all))),
					// A page that comes apart still says whose protocol it is.
					cat.T("paper.hall.protocol") + " " + protocolNo,
					cat.T("paper.hall.chairman"), cat.T("paper.hall.member"),
					// The hall's set-up has no secretary: the line is there,
					// the name is written in by hand.
					cat.T("paper.hall.secretary"),
					cat.T("paper.seal_place"),
					// Dates DD.MM.YYYY; the report's generation too.
					"12.08.2027",
					cat.T("paper.hall.generated") + " 12.08.2027 12:05:00",
				} {
					if !strings.Contains(p, want) {
						t.Errorf("page %d does not say %q", i+1, want)
					}
				}
				if !blankLine.MatchString(page) {
					t.Errorf("page %d has no line to write the secretary's name on", i+1)
				}
			}
			if strings.Contains(text, "2027-08-12") {
				t.Error("a date is printed YYYY-MM-DD; the paper writes DD.MM.YYYY")
			}
			// The times of the day stay HH:MM:SS (§1.3's start, the close).
			for _, want := range []string{"08:13:00", "08:12:30", "11:40:00"} {
				if !strings.Contains(text, want) {
					t.Errorf("the time %s is not on the report", want)
				}
			}
		})
	}
}

// With no number and no place given, the protocol leaves a line for each,
// to be written in by hand; the file remembers neither.
func TestAProtocolWithoutNumberOrPlaceLeavesLinesToFillIn(t *testing.T) {
	d, _ := fullDay(t)
	r := paper.Build(d.s.Hall(), d.records(), generated)
	if r.Hall.Protocol != "" || r.Hall.Place != "" {
		t.Fatalf("Build made up a protocol %q or a place %q", r.Hall.Protocol, r.Hall.Place)
	}
	for _, lang := range i18n.Langs {
		t.Run(string(lang), func(t *testing.T) {
			cat := i18n.New(lang)
			all := pages(pdfText(t, r, lang, "protocol-blank"))
			filled := func(label string) *regexp.Regexp {
				return regexp.MustCompile(regexp.QuoteMeta(strings.TrimSpace(label)) + ` _{4,}`)
			}
			first := squeeze(all[0])
			if !filled(cat.T("paper.protocol", "")).MatchString(first) {
				t.Errorf("page 1 has no line for the protocol's number after %q", cat.T("paper.protocol", ""))
			}
			if !filled(cat.T("paper.hall.place") + ":").MatchString(first) {
				t.Errorf("page 1 has no line for the place after %q", cat.T("paper.hall.place"))
			}
			for i, page := range all {
				if !filled(cat.T("paper.hall.protocol")).MatchString(squeeze(page)) {
					t.Errorf("page %d's footer has no line for the protocol's number", i+1)
				}
			}
		})
	}
}

// latinWord is a run of two or more Latin letters: an English word, or an
// abbreviation.
var latinWord = regexp.MustCompile(`[A-Za-z]{2,}`)

// international are the abbreviations a Russian or Kazakh paper writes in
// Latin letters, as the catalogue does: the PIN (Russian "PIN-код"), the
// offset from UTC, the PhD of the doctoral programmes' names.
var international = map[string]bool{"PIN": true, "UTC": true, "PhD": true}

// A Russian (or Kazakh) report is in that language only: with the day's
// own words (names, reasons, descriptions) in Cyrillic too, every word in
// Latin letters left on the paper would be an English heading or label.
func TestARussianReportHasNoEnglishWordsInItsHeadings(t *testing.T) {
	d, _ := fullDay(t)
	r := paper.Build(d.s.Hall(), d.records(), generated)
	r.Hall.Protocol, r.Hall.Place = protocolNo, place
	cyrillicFacts(&r)
	hash := r.Log.HashPrefix()
	for _, lang := range []i18n.Lang{i18n.RU, i18n.KK} {
		t.Run(string(lang), func(t *testing.T) {
			text := strings.ReplaceAll(pdfText(t, r, lang, "cyrillic"), hash, "")
			seen := map[string]bool{}
			for _, line := range strings.Split(text, "\n") {
				for _, word := range latinWord.FindAllString(line, -1) {
					if !international[word] && !seen[word] {
						seen[word] = true
						t.Errorf("%q in Latin letters on the %s report: %q", word, lang, squeeze(line))
					}
				}
			}
		})
	}
}

// cyrillicFacts puts every free text of the test day that is in Latin
// letters (typed by the officer, or an examinee's name) into Cyrillic,
// leaving the codes the catalogue translates as they are.
func cyrillicFacts(r *paper.Report) {
	ru := func(s *string) {
		if latinWord.MatchString(*s) {
			*s = "запись дежурного"
		}
	}
	who := func(w *paper.Who) { ru(&w.FullName) }
	h := &r.Hall
	ru(&h.StartCorrection)
	for i := range h.Members {
		ru(&h.Members[i])
	}
	for i := range r.Examinees {
		x := &r.Examinees[i]
		who(&x.Who)
		ru(&x.Forced)
		for j := range x.MedicalExits {
			ru(&x.MedicalExits[j].Reason)
		}
	}
	for i := range r.Violations {
		v := &r.Violations[i]
		who(&v.Who)
		ru(&v.Description)
		ru(&v.Witnesses)
		ru(&v.ActionTaken)
	}
	for i := range r.Offers {
		who(&r.Offers[i].Who)
		ru(&r.Offers[i].Dismissed)
	}
	for i := range r.Corrections {
		who(&r.Corrections[i].Who)
		ru(&r.Corrections[i].Reason)
	}
	for i := range r.Interruptions {
		ru(&r.Interruptions[i].Reason)
	}
	for i := range r.Sheets {
		who(&r.Sheets[i].Who)
		ru(&r.Sheets[i].VoidReason)
	}
	for i := range r.Outstanding {
		for j, a := range r.Outstanding[i].Args {
			if s, ok := a.(string); ok {
				ru(&s)
				r.Outstanding[i].Args[j] = s
			}
		}
	}
}

// The CSV carries the protocol's number and place as facts of the hall,
// as given; empty when none was.
func TestCSVCarriesTheProtocolNumberAndPlace(t *testing.T) {
	d, _ := fullDay(t)
	r := paper.Build(d.s.Hall(), d.records(), generated)
	blank := writeCSV(t, r, i18n.EN)
	blank.wantHall("protocol", "", "")
	blank.wantHall("place", "", "")

	r.Hall.Protocol, r.Hall.Place = protocolNo, place
	for _, lang := range i18n.Langs {
		t.Run(string(lang), func(t *testing.T) {
			cat := i18n.New(lang)
			s := writeCSV(t, r, lang)
			s.wantHall("protocol", protocolNo, "")
			s.wantHall("place", place, "")
			for _, row := range s.rows[paper.KindHall] {
				if row[1] == "protocol" && row[2] != cat.T("paper.hall.protocol") || row[1] == "place" && row[2] != cat.T("paper.hall.place") {
					t.Errorf("hall %s titled %q", row[1], row[2])
				}
			}
			// The CSV's dates stay ISO, for scripts: only the paper writes
			// DD.MM.YYYY.
			s.wantHall("date", "2027-08-12", "")
		})
	}
}
