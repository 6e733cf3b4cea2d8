package paper_test

import (
	"bytes"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"examday/barcode"
	"examday/exam"
	"examday/i18n"
	"examday/paper"
	"examday/store"
	"examday/store/storetest"
)

var keep = flag.String("keep", "", "also write the test reports into this directory, to look at them")

// sheet is a parsed report CSV: per record kind, its header and its rows.
type sheet struct {
	t       *testing.T
	raw     []byte
	headers map[string][]string
	rows    map[string][][]string
}

func writeCSV(t *testing.T, r paper.Report, lang i18n.Lang) sheet {
	t.Helper()
	var buf bytes.Buffer
	if err := paper.WriteCSV(&buf, r, i18n.New(lang)); err != nil {
		t.Fatal(err)
	}
	keepFile(t, "report-"+string(lang)+".csv", buf.Bytes())
	raw := buf.Bytes()
	body, ok := bytes.CutPrefix(raw, []byte("\ufeff"))
	if !ok {
		t.Fatalf("the CSV does not start with a UTF-8 BOM: % x", raw[:min(8, len(raw))])
	}
	cr := csv.NewReader(bytes.NewReader(body))
	cr.FieldsPerRecord = -1
	all, err := cr.ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not parse: %v", err)
	}
	s := sheet{t: t, raw: raw, headers: map[string][]string{}, rows: map[string][][]string{}}
	for _, row := range all {
		if kind, ok := strings.CutPrefix(row[0], "#"); ok {
			s.headers[kind] = row
			continue
		}
		s.rows[row[0]] = append(s.rows[row[0]], row)
	}
	return s
}

func keepFile(t *testing.T, name string, b []byte) {
	t.Helper()
	if *keep == "" {
		return
	}
	if err := os.WriteFile(filepath.Join(*keep, name), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// col is the position of column id in a row of kind.
func (s sheet) col(kind, id string) int {
	s.t.Helper()
	i := slices.Index(paper.ColumnIDs(kind), id)
	if i < 0 {
		s.t.Fatalf("%s has no column %q", kind, id)
	}
	return i + 1
}

// row finds the row of kind whose column key is value.
func (s sheet) row(kind, key, value string) []string {
	s.t.Helper()
	k := s.col(kind, key)
	for _, r := range s.rows[kind] {
		if r[k] == value {
			return r
		}
	}
	s.t.Fatalf("no %s row with %s = %q", kind, key, value)
	return nil
}

// want checks cells of one row, by column id.
func (s sheet) want(kind, key, value string, cells map[string]string) {
	s.t.Helper()
	r := s.row(kind, key, value)
	for id, want := range cells {
		if got := r[s.col(kind, id)]; got != want {
			s.t.Errorf("%s %s=%s: %s = %q, want %q", kind, key, value, id, got, want)
		}
	}
}

// hall gives the values (and details) of the hall section's field.
func (s sheet) hall(field string) (values, details []string) {
	for _, r := range s.rows[paper.KindHall] {
		if r[1] == field {
			values, details = append(values, r[3]), append(details, r[4])
		}
	}
	return values, details
}

func (s sheet) wantHall(field, value, detail string) {
	s.t.Helper()
	values, details := s.hall(field)
	if len(values) != 1 || values[0] != value || details[0] != detail {
		s.t.Errorf("hall %s = %q %q, want %q %q", field, values, details, value, detail)
	}
}

func num(seq uint64) string { return fmt.Sprint(seq) }

func TestCSVCarriesEveryFactOfTheDay(t *testing.T) {
	d, n := fullDay(t)
	records := d.records()
	r := paper.Build(d.s.Hall(), records, generated)
	s := writeCSV(t, r, i18n.EN)
	en := i18n.New(i18n.EN)

	// The hall: §1.3's start as corrected, the end moved by the power cut.
	s.wantHall("name", "Аудитория 214", "")
	s.wantHall("date", "2027-08-12", "")
	s.wantHall("officer", officer, "")
	s.wantHall("chairman", chairman, "")
	s.wantHall("proposed_start", "08:13:00", "")
	s.wantHall("start", "08:12:30", "the last ticket was handed out before it was recorded")
	s.wantHall("planned_end", "11:12:30", "")
	s.wantHall("end", "11:27:30", "")
	s.wantHall("interrupted", "0:15:00", "")
	s.wantHall("time_up", "11:27:30", "")
	s.wantHall("clock_jump", "+0:01:00", "10:25:00")
	s.wantHall("closed", "11:40:00", "")
	s.wantHall("phase", "closed", "")
	s.wantHall("generated", "2027-08-12 12:05:00", "UTC+05:00")
	size, root := d.s.TreeHead()
	s.wantHall("log_events", num(uint64(size)), "")
	s.wantHall("log_root", hex.EncodeToString(root[:])[:12], hex.EncodeToString(root[:]))
	if members, _ := s.hall("member"); !slices.Equal(members, hallSetup.Members) {
		t.Errorf("members = %q", members)
	}
	if progs, details := s.hall("programme"); !slices.Equal(progs, []string{"7M04203", "7M12301", "7M12303", "8D04201", "8D12301"}) ||
		details[0] != en.T("programme.7M04203") {
		t.Errorf("programmes = %q %q", progs, details)
	}
	if marks, when := s.hall("warning"); !slices.Equal(marks, []string{"30", "15", "5"}) ||
		!strings.Contains(when[0], "10:57:30") || !strings.Contains(when[2], "11:22:30") {
		t.Errorf("warnings = %q %q", marks, when)
	}
	if out, _ := s.hall("outstanding"); len(out) != 2 || !strings.Contains(out[0], "seat 6, Madina Kairatovna Ibraeva: the Criminal Code is not back") ||
		!strings.Contains(out[1], "seat 6, Madina Kairatovna Ibraeva: offered violation (i) not decided") {
		t.Errorf("outstanding at the close = %q, want L1's Criminal Code and open offer", out)
	}
	if v, _ := s.hall("unverified"); v != nil {
		t.Errorf("a verified log is reported unverified: %q", v)
	}

	s.want(paper.KindInterruption, "seq", num(n.interruptStart), map[string]string{
		"kind": "power cut", "reason": "power cut in the building", "from": "10:00:00", "to": "10:15:00",
		"length": "0:15:00", "new_end": "11:27:30", "agreed_by": chairman,
	})

	// Each examinee's day, in local time.
	if got := len(s.rows[paper.KindExaminee]); got != len(roster) {
		t.Fatalf("%d examinee rows, want %d", got, len(roster))
	}
	for i, row := range s.rows[paper.KindExaminee] {
		if row[s.col(paper.KindExaminee, "id")] != roster[i].ID {
			t.Errorf("row %d is %s, want roster order", i, row[2])
		}
	}
	s.want(paper.KindExaminee, "id", "K1", map[string]string{
		"seat": "1", "full_name": "Әлия Қасымқызы Нұрланова", "programme": "7M04203", "status": "finished",
		"arrived": "08:05:00", "admitted_late": "", "materials": "08:10:00", "ticket": "17", "theory_in": "09:30:00",
		"break_out": "09:31:00", "break_back": "09:43:00", "break_overrun": "0:02:00", "medical_exits": "",
		"situational_ticket": "3", "situational_at": "09:50:00", "code_out": "09:51:00", "code_back": "10:30:00",
		"handed_in": "10:40:00", "late_by": "", "without_situational": "", "removed": "", "violations": "1",
	})
	s.want(paper.KindExaminee, "id", "R1", map[string]string{
		"medical_exits": "08:40:00–08:55:00: nosebleed", "break_out": "", "break_overrun": "", "theory_in": "09:45:00",
		"code_out": "09:53:00", "code_back": "11:25:00", "handed_in": "11:31:30", "late_by": "0:04:00", "violations": "0",
	})
	s.want(paper.KindExaminee, "id", "D1", map[string]string{"arrived": "absent", "status": "ABSENT", "materials": ""})
	s.want(paper.KindExaminee, "id", "D2", map[string]string{
		"full_name": "Ғалым Өмірзақұлы Сәрсенбаев", "theory_in": "09:35:00", "handed_in": "10:20:00",
		"without_situational": "yes", "situational_ticket": "",
	})
	s.want(paper.KindExaminee, "id", "K3", map[string]string{"status": "REMOVED", "removed": "09:40:00", "violations": "1", "handed_in": ""})
	s.want(paper.KindExaminee, "id", "L1", map[string]string{
		"arrived": "08:20:00", "admitted_late": "yes", "materials": "08:21:00", "ticket": "30",
		"code_out": "10:32:00", "code_back": "not returned", "handed_in": "11:29:30", "late_by": "0:02:00",
		"forced_reason": "left in a hurry; the Code is not on the desk",
	})

	// §2.3: the decision, with the chairman who agreed.
	if got := len(s.rows[paper.KindViolation]); got != 2 {
		t.Errorf("%d violation rows, want 2", got)
	}
	s.want(paper.KindViolation, "seq", num(n.breakViolation), map[string]string{
		"at": "09:44:00", "id": "K1", "seat": "1", "clause": "d", "clause_text": en.T("violation.d"),
		"description": "came back two minutes after the 10-minute break", "witnesses": "Смирнова О. В.",
		"decision": "warned, continues", "agreed_by": chairman, "recorded_by": officer, "offer": num(n.breakOffer),
	})
	s.want(paper.KindViolation, "seq", num(n.removal), map[string]string{
		"at": "09:40:00", "id": "K3", "clause": "a", "action_taken": "phone confiscated",
		"witnesses": "Omarov A., Смирнова О. В.", "decision": "removed from the exam", "agreed_by": chairman, "offer": "",
	})

	// The offers and what became of each.
	s.want(paper.KindOffer, "seq", num(n.breakOffer), map[string]string{
		"id": "K1", "clause": "d", "over_by": "0:02:00", "reason": "break overran by 0:02:00",
		"fate": "confirmed: violation No. " + num(n.breakViolation), "decided_at": "09:44:00", "decided_by": officer,
	})
	s.want(paper.KindOffer, "seq", num(n.lateOfferR1), map[string]string{
		"id": "R1", "clause": "i", "over_by": "0:04:00", "at": "11:31:30",
		"fate":             "dismissed: the hall's wall clock was 4 minutes behind; the commission saw it",
		"dismissed_reason": "the hall's wall clock was 4 minutes behind; the commission saw it",
		"decided_at":       "11:33:00", "decided_by": officer,
	})
	s.want(paper.KindOffer, "seq", num(n.lateOfferL1), map[string]string{
		"id": "L1", "clause": "i", "over_by": "0:02:00", "fate": "open: not decided", "decided_at": "", "dismissed_reason": "",
	})

	// The correction: which entry, when it was, why.
	if got := len(s.rows[paper.KindCorrection]); got != 1 {
		t.Errorf("%d correction rows, want 1", got)
	}
	s.want(paper.KindCorrection, "seq", num(n.correction), map[string]string{
		"at": "09:11:00", "id": "D2", "cancelled_seq": num(n.mistakenTheory), "cancelled_entry": "theory handed in",
		"cancelled_at": "09:10:00", "reason": "the sheets of seat 5 were scanned under seat 4", "recorded_by": officer,
	})
}

// A cancelled entry stays in the log, and the correction is listed; but
// nothing it said is reported as a fact of the day.
func TestCancelledEntryIsListedAsCorrectedButNotAsAFact(t *testing.T) {
	d, n := fullDay(t)
	s := writeCSV(t, paper.Build(d.s.Hall(), d.records(), generated), i18n.EN)
	const mistaken = "09:10:00" // D2's theory "handed in" by mistake
	for kind, rows := range s.rows {
		for _, row := range rows {
			for j, cell := range row {
				if !strings.Contains(cell, mistaken) {
					continue
				}
				if kind == paper.KindCorrection && j == s.col(kind, "cancelled_at") && row[s.col(kind, "cancelled_seq")] == num(n.mistakenTheory) {
					continue
				}
				t.Errorf("the cancelled entry's time %s is reported as a fact: %s row %q", mistaken, kind, row)
			}
		}
	}
}

func TestCSVIsOneFileOfSectionsQuotedAsRFC4180(t *testing.T) {
	d, _ := fullDay(t)
	s := writeCSV(t, paper.Build(d.s.Hall(), d.records(), generated), i18n.EN)
	kinds := []string{paper.KindHall, paper.KindInterruption, paper.KindExaminee, paper.KindViolation, paper.KindOffer, paper.KindCorrection, paper.KindSheet}
	for _, kind := range kinds {
		header, ok := s.headers[kind]
		if !ok {
			t.Errorf("no #%s header row", kind)
			continue
		}
		width := len(paper.ColumnIDs(kind)) + 1
		if len(header) != width {
			t.Errorf("#%s header has %d cells, want %d", kind, len(header), width)
		}
		for _, row := range s.rows[kind] {
			if len(row) != width {
				t.Errorf("%s row has %d cells, want %d: %q", kind, len(row), width, row)
			}
		}
	}
	for kind := range s.rows {
		if !slices.Contains(kinds, kind) {
			t.Errorf("a row of unknown kind %q", kind)
		}
	}
	text := string(s.raw)
	if !strings.HasSuffix(text, "\r\n") || strings.Count(text, "\n") != strings.Count(text, "\r\n") {
		t.Error("lines do not end with CRLF")
	}
	if !strings.Contains(text, `,"Omarov A., Смирнова О. В.",`) {
		t.Error("a cell with a comma is not quoted")
	}
	// The sections come in a fixed order, the hall first.
	var order []string
	for _, line := range strings.Split(strings.TrimPrefix(text, "\ufeff"), "\r\n") {
		if kind, ok := strings.CutPrefix(line, "#"); ok {
			order = append(order, strings.SplitN(kind, ",", 2)[0])
		}
	}
	if !slices.Equal(order, kinds) {
		t.Errorf("sections in order %q, want %q", order, kinds)
	}
}

func TestCSVSpeaksTheCataloguesLanguage(t *testing.T) {
	d, n := fullDay(t)
	r := paper.Build(d.s.Hall(), d.records(), generated)
	for _, tc := range []struct {
		lang                       i18n.Lang
		nameTitle, decision, fate  string
		absent, cancelledEntryType string
	}{
		{i18n.RU, "ФИО", "предупреждён(а), продолжает", "подтверждено: нарушение № " + num(n.breakViolation), "не явился(-ась)", "сдача теории"},
		{i18n.KK, "Аты-жөні", "ескерту жасалды, жалғастырады", "расталды: № " + num(n.breakViolation) + " бұзушылық", "келмеді", "теорияның тапсырылуы"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			s := writeCSV(t, r, tc.lang)
			if h := s.headers[paper.KindExaminee]; h[s.col(paper.KindExaminee, "full_name")] != tc.nameTitle {
				t.Errorf("full name column titled %q, want %q", h[3], tc.nameTitle)
			}
			s.want(paper.KindViolation, "seq", num(n.breakViolation), map[string]string{"decision": tc.decision})
			s.want(paper.KindOffer, "seq", num(n.breakOffer), map[string]string{"fate": tc.fate})
			s.want(paper.KindExaminee, "id", "D1", map[string]string{"arrived": tc.absent})
			s.want(paper.KindCorrection, "seq", num(n.correction), map[string]string{"cancelled_entry": tc.cancelledEntryType})
			// Times and codes do not change with the language.
			s.want(paper.KindExaminee, "id", "K1", map[string]string{"theory_in": "09:30:00", "programme": "7M04203"})
		})
	}
}

// §2.3: cancelling a violation needs the chairman too; once cancelled it
// is no violation of the examinee's, and the offer it confirmed is to be
// decided again.
func TestCancelledViolationIsNotCountedAndItsOfferIsOpenAgain(t *testing.T) {
	d := newDay(t)
	m := time.Minute
	d.one(func(h *exam.Hall) (exam.Event, error) { return h.Arrive("K1", at(1*m), officer) })
	for _, id := range []string{"R1", "D1", "D2", "K3", "L1"} {
		d.one(func(h *exam.Hall) (exam.Event, error) { return h.MarkAbsent(id, at(2*m), officer) })
	}
	d.one(func(h *exam.Hall) (exam.Event, error) { return h.IssueMaterials("K1", "17", "", at(3*m), officer) })
	d.one(func(h *exam.Hall) (exam.Event, error) { return h.StartExam(at(3*m), "", at(4*m), officer) })
	d.one(func(h *exam.Hall) (exam.Event, error) { return h.HandTheoryIn("K1", at(60*m), officer) })
	d.one(func(h *exam.Hall) (exam.Event, error) { return h.LeaveRoom("K1", false, "", at(61*m), officer) })
	offer := d.do(func(h *exam.Hall) ([]exam.Event, error) { return h.ComeBack("K1", at(75*m), officer) })[1].Event.Seq
	violation := d.one(func(h *exam.Hall) (exam.Event, error) {
		return h.RecordViolation("K1", exam.ViolationInput{Clause: "d", Description: "5 minutes late from the break",
			Witnesses: "Omarov A.", Decision: exam.DecisionWarned, Offer: offer}, d.agree, at(76*m), officer)
	})
	correction := d.one(func(h *exam.Hall) (exam.Event, error) {
		target, err := d.s.Event(violation)
		if err != nil {
			return exam.Event{}, err
		}
		return h.Cancel(target, "the break was extended by the chairman", &d.agree, d.s.History(), at(80*m), officer)
	})

	r := paper.Build(d.s.Hall(), d.records(), generated)
	if len(r.Violations) != 0 {
		t.Errorf("a cancelled violation is reported: %+v", r.Violations)
	}
	if r.Examinees[0].Violations != 0 {
		t.Errorf("K1 counts %d violations, want 0", r.Examinees[0].Violations)
	}
	s := writeCSV(t, r, i18n.EN)
	s.want(paper.KindExaminee, "id", "K1", map[string]string{"violations": "0", "break_overrun": "0:04:00"})
	s.want(paper.KindOffer, "seq", num(offer), map[string]string{
		"fate":       fmt.Sprintf("open again: violation No. %d, which confirmed it, was cancelled by correction No. %d", violation, correction),
		"decided_at": "", "decided_by": "",
	})
	s.want(paper.KindCorrection, "seq", num(correction), map[string]string{
		"cancelled_seq": num(violation), "cancelled_entry": "violation", "cancelled_at": "09:16:00",
		"agreed_by": chairman, "reason": "the break was extended by the chairman",
	})
}

func TestUnverifiedLogIsSaidOnTheReport(t *testing.T) {
	d, _ := fullDay(t)
	r := paper.Build(d.s.Hall(), d.records(), generated)
	r.Unverified = "the event log does not verify at event 7"
	s := writeCSV(t, r, i18n.EN)
	values, _ := s.hall("unverified")
	if len(values) != 1 || !strings.Contains(values[0], "WARNING") || !strings.Contains(values[0], "at event 7") {
		t.Errorf("unverified = %q", values)
	}
	text := pdfText(t, r, i18n.EN, "unverified")
	if !strings.Contains(text, "WARNING: the event log of this file does not verify") {
		t.Error("the PDF does not say its log does not verify")
	}
	for i, page := range strings.Split(strings.TrimRight(text, "\f"), "\f") {
		if !strings.Contains(page, "LOG NOT VERIFIED") {
			t.Errorf("page %d does not say the log is not verified", i+1)
		}
	}
}

// pdfText writes r as a PDF and returns its text as pdftotext reads it,
// pages separated by form feeds. With -keep the PDF is kept as
// name-lang.pdf.
func pdfText(t *testing.T, r paper.Report, lang i18n.Lang, name string) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	var buf bytes.Buffer
	if err := paper.WritePDF(&buf, r, i18n.New(lang)); err != nil {
		t.Fatal(err)
	}
	keepFile(t, name+"-"+string(lang)+".pdf", buf.Bytes())
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-layout", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

func TestPDFPrintsNamesSealAndPageNumbers(t *testing.T) {
	d, _ := fullDay(t)
	records := d.records()
	r := paper.Build(d.s.Hall(), records, generated)
	_, root := d.s.TreeHead()
	prefix := hex.EncodeToString(root[:])[:12]
	for _, lang := range i18n.Langs {
		t.Run(string(lang), func(t *testing.T) {
			cat := i18n.New(lang)
			text := pdfText(t, r, lang, "day")
			for _, row := range roster {
				if !strings.Contains(text, row.FullName) {
					t.Errorf("the name %q is not in the PDF's text", row.FullName)
				}
			}
			for _, want := range []string{cat.T("paper.academy"), cat.T("paper.title"), chairman, officer, "Смирнова О. В.", "Omarov A.", "Аудитория 214"} {
				if !strings.Contains(text, want) {
					t.Errorf("%q is not in the PDF's text", want)
				}
			}
			pages := strings.Split(strings.TrimRight(text, "\f"), "\f")
			if len(pages) < 2 {
				t.Errorf("the report has %d page(s); the test hall's needs at least 2", len(pages))
			}
			seal := cat.T("paper.log.seal", len(records), prefix)
			for i, page := range pages {
				if want := cat.T("paper.page", i+1, fmt.Sprint(len(pages))); !strings.Contains(squeeze(page), want) {
					t.Errorf("page %d does not say %q", i+1, want)
				}
				// The seal's words, then the hash in its own font: one line.
				if !strings.Contains(squeeze(page), squeeze(seal)) {
					t.Errorf("page %d does not carry the seal %q", i+1, seal)
				}
				if !strings.Contains(page, cat.T("paper.hall.chairman")) || !strings.Contains(page, cat.T("paper.hall.officer")) {
					t.Errorf("page %d has no signature lines for the officer and the chairman", i+1)
				}
			}
		})
	}
}

// squeeze collapses runs of spaces, which pdftotext -layout adds where
// text changes font.
func squeeze(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestPDFIsTheSameForTheSameGenerationTime(t *testing.T) {
	d, _ := fullDay(t)
	r := paper.Build(d.s.Hall(), d.records(), generated)
	write := func(r paper.Report) []byte {
		var buf bytes.Buffer
		if err := paper.WritePDF(&buf, r, i18n.New(i18n.KK)); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	first := write(r)
	for range 3 {
		if !bytes.Equal(first, write(r)) {
			t.Fatal("two PDFs of the same report differ")
		}
	}
	if !bytes.Contains(first, []byte("/CreationDate (D:20270812120500)")) {
		t.Error("the PDF's creation date is not the report's generation time")
	}
	later := r
	later.Generated = generated.Add(time.Minute)
	if bytes.Equal(first, write(later)) {
		t.Error("a report generated a minute later is the same file")
	}
}

func TestEveryPaperKeyIsCompleteInEveryLanguage(t *testing.T) {
	n := 0
	for _, k := range i18n.Keys() {
		if !strings.HasPrefix(k, "paper.") && !strings.HasPrefix(k, "cli.report.") {
			continue
		}
		n++
		if !i18n.Complete(k) {
			t.Errorf("%s is not in all three languages", k)
		}
	}
	if n < 100 {
		t.Errorf("only %d paper keys", n)
	}
}

// A hall of a hundred examinees runs over several pages: each starts the
// table again under its header, and every row is printed once.
func TestExamineeTableRepeatsItsHeaderOnEveryPage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.db")
	storetest.BuildHall(t, path, 100, 250)
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var records []store.Record
	if err := s.Events(1, func(r store.Record) error { records = append(records, r); return nil }); err != nil {
		t.Fatal(err)
	}
	h := s.Hall()
	r := paper.Build(h, records, generated)
	cat := i18n.New(i18n.EN)
	text := pdfText(t, r, i18n.EN, "big")
	pages := strings.Split(strings.TrimRight(text, "\f"), "\f")
	if len(pages) < 3 {
		t.Fatalf("100 examinees on %d pages", len(pages))
	}
	header := regexp.MustCompile(`(?m)^\s*` + regexp.QuoteMeta(cat.T("paper.abbr.seat")) + `\s+` + regexp.QuoteMeta(cat.T("paper.abbr.id")) + `\s+` + regexp.QuoteMeta(cat.T("paper.abbr.name")))
	for i, page := range pages {
		rows := 0
		for _, e := range h.Examinees() {
			if strings.Contains(page, " "+e.ID+" ") {
				rows++
			}
		}
		if rows > 0 && !header.MatchString(page) {
			t.Errorf("page %d has %d examinee rows but no table header", i+1, rows)
		}
	}
	for _, e := range h.Examinees() {
		if n := strings.Count(text, " "+e.ID+" "); n != 1 {
			t.Errorf("examinee %s printed %d times", e.ID, n)
		}
	}
}

// sheetsDay is the test hall with its answer sheets (§1.5), demo-like:
// printed with 3 spares; D1 absent, their packet never given out; K1's
// situational sheet scanned before the theory sheets, which then finish
// the hand-in; R1's second sheet spoilt, voided and replaced by a spare,
// the spare received, the situational sheet still out; D2 all in; K3 one
// sheet in; L1 none. It returns the hall's report and the received times
// of the sheets scanned, by code.
func sheetsDay(t *testing.T) (paper.Report, map[barcode.Code]time.Time) {
	t.Helper()
	d := newDay(t)
	m := time.Minute
	d.do(func(h *exam.Hall) ([]exam.Event, error) {
		return h.PrintSheets(3, false, rand.NewChaCha8([32]byte{7}), at(1*m), officer)
	})
	var printed exam.SheetsPrintedData
	for _, r := range d.records() {
		if r.Event.Type == exam.TypeSheetsPrinted {
			if err := json.Unmarshal(r.Event.Data, &printed); err != nil {
				t.Fatal(err)
			}
		}
	}
	packets := map[exam.Level][][]barcode.Code{}
	for _, p := range printed.Packets {
		packets[p.Level] = append(packets[p.Level], p.Codes)
	}
	bound := map[string][]barcode.Code{}
	for i, id := range []string{"K1", "R1", "D2", "K3", "L1"} {
		d.one(func(h *exam.Hall) (exam.Event, error) { return h.Arrive(id, at(time.Duration(2+i)*m), officer) })
	}
	d.one(func(h *exam.Hall) (exam.Event, error) { return h.MarkAbsent("D1", at(8*m), officer) })
	for i, id := range []string{"K1", "R1", "D2", "K3", "L1"} {
		h := d.s.Hall()
		e, _ := h.Examinee(id)
		level := e.Level()
		codes := packets[level][0]
		packets[level] = packets[level][1:]
		bound[id] = codes
		d.one(func(h *exam.Hall) (exam.Event, error) {
			return h.IssueMaterialsWithSheet(id, fmt.Sprint(10+i), codes[0], at(time.Duration(10+i)*m), officer)
		})
	}
	d.one(func(h *exam.Hall) (exam.Event, error) { return h.StartExam(at(14*m), "", at(15*m), officer) })

	received := map[barcode.Code]time.Time{}
	scan := func(c barcode.Code, when time.Time) {
		t.Helper()
		d.do(func(h *exam.Hall) ([]exam.Event, error) { return storetest.HandBack(h, c, when, officer) })
		received[c] = when
	}
	k1 := bound["K1"]
	scan(k1[3], at(60*m))
	for i, c := range k1[:3] {
		scan(c, at(time.Duration(61+i)*m))
	}
	r1 := bound["R1"]
	spare := printed.Spares[0]
	d.one(func(h *exam.Hall) (exam.Event, error) {
		return h.VoidSheet(r1[1], "ink spilt over the answer", spare, d.agree, at(70*m), officer)
	})
	scan(r1[0], at(80*m))
	scan(spare, at(81*m))
	scan(r1[2], at(82*m))
	for i, c := range bound["D2"] {
		scan(c, at(time.Duration(90+i)*m+30*time.Second))
	}
	scan(bound["K3"][0], at(100*m))

	h := d.s.Hall()
	if e, _ := h.Examinee("K1"); e.Status != exam.Finished {
		t.Fatalf("K1 after every sheet, the situational first: %s", e.Status)
	}
	return paper.Build(h, d.records(), generated), received
}

// The report lists every answer sheet of the hall (§1.5, SPEC step 11):
// its code in the groups printed under its barcode, whose it is, its
// question, where it is and when it came back — in the CSV, and in the PDF
// as pdftotext reads it back, each code on a line with its received time.
func TestTheReportListsEverySheetWithItsReceivedTime(t *testing.T) {
	r, received := sheetsDay(t)
	if n := r.Counts(); n.Printed != 4*4+2*3+3 || n.Received != len(received) || n.Voided != 1 || n.NotGiven != 3 || n.SparesUnused != 2 ||
		n.Out != n.Printed-n.Received-n.Voided-n.NotGiven-n.SparesUnused {
		t.Errorf("counts %+v, %d received", n, len(received))
	}
	local := func(t time.Time) string { return t.In(almaty).Format("15:04:05") }

	s := writeCSV(t, r, i18n.EN)
	if got := len(s.rows[paper.KindSheet]); got != len(r.Sheets) {
		t.Errorf("%d sheet rows in the CSV, want %d", got, len(r.Sheets))
	}
	for _, sh := range r.Sheets {
		want := map[string]string{"received": "", "seat": sh.Who.Seat}
		if when, ok := received[sh.Code]; ok {
			want["received"] = local(when)
		}
		s.want(paper.KindSheet, "code", sh.Code.Grouped(), want)
		state := s.row(paper.KindSheet, "code", sh.Code.Grouped())[s.col(paper.KindSheet, "state")]
		if _, ok := received[sh.Code]; ok != strings.HasPrefix(state, "received") {
			t.Errorf("sheet %s: state %q, received %v", sh.Code.Grouped(), state, ok)
		}
	}
	var void paper.Sheet
	for _, sh := range r.Sheets {
		if sh.State == exam.SheetVoided {
			void = sh
		}
	}
	s.want(paper.KindSheet, "code", void.Code.Grouped(), map[string]string{
		"seat": "2", "full_name": "Иван Сергеевич Петров", "question": "2", "question_label": "Question 2 of 3",
		"state": "void (ink spilt over the answer), replaced by " + void.ReplacedBy.Grouped(), "voided": "09:10:00",
		"replaced_by": void.ReplacedBy.Grouped(),
	})
	s.want(paper.KindSheet, "code", void.ReplacedBy.Grouped(), map[string]string{
		"seat": "2", "question": "2", "question_label": "Question 2 of 3", "received": "09:21:00",
		"state": "received; replaces " + void.Code.Grouped(), "replaces": void.Code.Grouped(),
	})

	for _, lang := range i18n.Langs {
		t.Run(string(lang), func(t *testing.T) {
			cat := i18n.New(lang)
			text := pdfText(t, r, lang, "sheets")
			if !strings.Contains(text, cat.T("paper.section.sheets")) {
				t.Errorf("no section %q", cat.T("paper.section.sheets"))
			}
			lines := strings.Split(text, "\n")
			for _, sh := range r.Sheets {
				code := sh.Code.Grouped()
				var line string
				for _, l := range lines {
					if strings.HasPrefix(strings.TrimSpace(l), code) {
						line = l
						break
					}
				}
				if line == "" {
					t.Errorf("sheet %s is not listed", code)
					continue
				}
				if when, ok := received[sh.Code]; ok && !strings.Contains(line, local(when)) {
					t.Errorf("sheet %s is listed without its received time %s: %q", code, local(when), squeeze(line))
				}
				if sh.Who.Seat != "" && !strings.Contains(line, sh.Who.FullName) {
					t.Errorf("sheet %s is listed without its examinee %s: %q", code, sh.Who.FullName, squeeze(line))
				}
			}
			for _, label := range []string{cat.T("paper.sheet.question", 1, 3), cat.T("paper.sheet.question", 2, 2), cat.T("paper.sheet.situational"), cat.T("paper.sheet.spare")} {
				if !strings.Contains(text, label) {
					t.Errorf("the question label %q is not in the PDF", label)
				}
			}
		})
	}
}

// A situational sheet handed back blank reads one way on the paper: the
// examinee's hand-in says "without the situational problem" with the
// reason, their situational sheet "received blank" with the same reason —
// never a plain "received" beside a hand-in without it.
func TestABlankSituationalSheetReadsOneWayOnTheReport(t *testing.T) {
	r, _ := sheetsDay(t) // K1 hands the situational sheet back first, blank
	s := writeCSV(t, r, i18n.EN)
	s.want(paper.KindExaminee, "id", "K1", map[string]string{
		"without_situational": "yes", "without_situational_reason": storetest.Declined, "situational_ticket": "",
	})
	for _, sh := range r.Sheets {
		if sh.Who.ID != "K1" || !sh.Situational() {
			continue
		}
		s.want(paper.KindSheet, "code", sh.Code.Grouped(), map[string]string{
			"state": "received blank, without the situational problem: " + storetest.Declined,
		})
	}
	for _, lang := range i18n.Langs {
		cat := i18n.New(lang)
		// The state wraps in its cell: its first two words are on one line.
		text := squeeze(pdfText(t, r, lang, "sheets"))
		words := strings.Fields(cat.T("paper.sh.state.received_blank", storetest.Declined))
		if want := strings.Join(words[:2], " "); !strings.Contains(text, want) {
			t.Errorf("%s: the PDF's sheets do not say %q", lang, want)
		}
	}
}

// §2.3: every wrong chairman's PIN is in the log, and so on the report
// the commission signs: when, what it was for, and the lock it started.
func TestTheReportListsEveryWrongPIN(t *testing.T) {
	d := newDay(t)
	when := at(time.Hour)
	for i := range exam.PINAttempts {
		d.one(func(h *exam.Hall) (exam.Event, error) {
			return h.PINFailed("violation", when.Add(time.Duration(i)*time.Second), officer)
		})
	}
	r := paper.Build(d.s.Hall(), d.records(), generated)
	if len(r.WrongPINs) != exam.PINAttempts || r.WrongPINs[2].Lock != 1 || r.WrongPINs[2].LockedUntil.IsZero() {
		t.Fatalf("wrong PINs on the report: %+v", r.WrongPINs)
	}
	s := writeCSV(t, r, i18n.EN)
	values, details := s.hall("wrong_pin")
	if len(values) != 3 || values[0] != "a violation" || !strings.Contains(details[2], "prompt locked (lock 1 in a row) until") {
		t.Errorf("CSV wrong_pin rows: %q %q", values, details)
	}
	text := squeeze(pdfText(t, r, i18n.RU, "wrong-pin"))
	if !strings.Contains(text, "Неверный PIN председателя") || !strings.Contains(text, "(для: нарушение)") || !strings.Contains(text, "блокировка 1 подряд") {
		t.Errorf("the Russian PDF does not list the wrong PINs:\n%s", text)
	}
}
