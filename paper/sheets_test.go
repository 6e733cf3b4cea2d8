package paper_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"examday/barcode"
	"examday/exam"
	"examday/i18n"
	"examday/paper"
	"examday/store"
	"examday/store/storetest"
)

// seeded is a random source that gives the same codes on every run.
func seeded(n uint64) *rand.ChaCha8 {
	var seed [32]byte
	seed[0] = byte(n)
	return rand.NewChaCha8(seed)
}

// printedDay is the test hall with its sheets printed: a packet per
// examinee of the roster (four master's, two doctoral) and spares.
func printedDay(t *testing.T, spares int) *day {
	t.Helper()
	d := newDay(t)
	d.do(func(h *exam.Hall) ([]exam.Event, error) {
		return h.PrintSheets(spares, false, seeded(1), at(time.Minute), officer)
	})
	return d
}

// unissued are the sheets of h still to print: printed and not given out.
func unissued(h *exam.Hall) []*exam.Sheet {
	var out []*exam.Sheet
	for _, s := range h.Sheets() {
		if s.State == exam.SheetPrinted {
			out = append(out, s)
		}
	}
	return out
}

// loggedPrinted is the codes the log says were printed and are still
// printed: every code of a sheets.printed entry, less those a later print
// or a void voided and those of packets given out. It reads the log, not
// the state, so that the paper is checked against the record.
func loggedPrinted(t *testing.T, records []store.Record) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	packets := map[string][]barcode.Code{}
	for _, r := range records {
		switch r.Event.Type {
		case exam.TypeSheetsPrinted:
			var d exam.SheetsPrintedData
			if err := json.Unmarshal(r.Event.Data, &d); err != nil {
				t.Fatal(err)
			}
			for _, c := range d.Voided {
				delete(out, c.String())
			}
			for _, p := range d.Packets {
				packets[p.Packet] = p.Codes
				for _, c := range p.Codes {
					out[c.String()] = true
				}
			}
			for _, c := range d.Spares {
				out[c.String()] = true
			}
		case exam.TypeMaterialsIssued:
			var d struct{ Packet string }
			if err := json.Unmarshal(r.Event.Data, &d); err != nil {
				t.Fatal(err)
			}
			for _, c := range packets[d.Packet] {
				delete(out, c.String())
			}
		}
	}
	return out
}

func writeSheets(t *testing.T, h *exam.Hall, sheets []*exam.Sheet) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := paper.WriteSheetsPDF(&buf, h, sheets, generated); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// sheetPages is the PDF's text as pdftotext reads it, a page an element,
// with runs of spaces squeezed.
func sheetPages(t *testing.T, pdf []byte) []string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	path := filepath.Join(t.TempDir(), "sheets.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-layout", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(strings.TrimRight(string(out), "\f"), "\f")
	for i := range pages {
		pages[i] = squeeze(pages[i])
	}
	return pages
}

// decodePages rasterises the PDF at 150 dpi and reads each page's bars
// with zbarimg, a decoder none of us wrote: what it finds on each page,
// in page order.
func decodePages(t testing.TB, pdf []byte) [][]string {
	t.Helper()
	ppm, err1 := exec.LookPath("pdftoppm")
	zbar, err2 := exec.LookPath("zbarimg")
	if err1 != nil || err2 != nil {
		t.Skip("pdftoppm (poppler-utils) or zbarimg (zbar-tools) is not installed")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "sheets.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(ppm, "-png", "-r", "150", path, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v: %s", err, out)
	}
	pngs, err := filepath.Glob(filepath.Join(dir, "page-*.png"))
	if err != nil {
		t.Fatal(err)
	}
	// pdftoppm pads the page numbers to the same width: the names sort
	// in page order.
	slices.Sort(pngs)
	found := make([][]string, len(pngs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 8)
	for i, png := range pngs {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			// zbarimg exits 4 when it finds nothing: that is an answer
			// here, not a failure.
			out, _ := exec.Command(zbar, "--raw", "-q", png).Output()
			found[i] = strings.Fields(string(out))
		})
	}
	wg.Wait()
	return found
}

// Every sheet is a page; every page carries its code in groups of four,
// its question in the three languages, and the academy, the exam, the
// date, the level and the three signatures of §1.5 in the three languages
// — and nothing of any examinee, nor of the hall or its people.
func TestSheetsPDFCarriesCodesAndLabelsInThreeLanguagesAndNoName(t *testing.T) {
	d := printedDay(t, 3)
	h := d.s.Hall()
	sheets := unissued(h)
	if len(sheets) != 4*4+2*3+3 {
		t.Fatalf("%d sheets printed, want 4 master's packets of 4, 2 doctoral of 3 and 3 spares", len(sheets))
	}
	pdf := writeSheets(t, h, sheets)
	keepFile(t, "sheets.pdf", pdf)
	pages := sheetPages(t, pdf)
	if len(pages) != len(sheets) {
		t.Fatalf("%d pages for %d sheets", len(pages), len(sheets))
	}

	langs := []i18n.Catalogue{i18n.New(i18n.KK), i18n.New(i18n.RU), i18n.New(i18n.EN)}
	every := []string{"paper.academy", "paper.sheet.exam", "paper.sheet.sign.admission",
		"paper.sheet.sign.examination", "paper.sheet.sign.security", "paper.sheet.code"}
	// h.Sheets() is the print order: packet by packet, question by
	// question, then the spares.
	for i, s := range sheets {
		page := pages[i]
		if !strings.Contains(page, s.Code.Grouped()) {
			t.Errorf("page %d does not carry its code %s", i+1, s.Code.Grouped())
		}
		if !strings.Contains(page, "12.08.2027") {
			t.Errorf("page %d does not carry the exam's date", i+1)
		}
		for _, cat := range langs {
			for _, key := range every {
				if !strings.Contains(page, squeeze(cat.T(key))) {
					t.Errorf("page %d lacks %s in %s: %q", i+1, key, cat.Lang, cat.T(key))
				}
			}
			var label, level string
			switch {
			case s.Spare:
				label, level = cat.T("paper.sheet.spare"), cat.T("paper.sheet.spare_question")
			case s.Situational():
				label, level = cat.T("paper.sheet.situational"), cat.T("paper.sheet."+string(s.Level))
			default:
				label, level = cat.T("paper.sheet.question", s.Question, exam.TheoryQuestions(s.Level)), cat.T("paper.sheet."+string(s.Level))
			}
			if !strings.Contains(page, label) || !strings.Contains(page, level) {
				t.Errorf("page %d (%s, question %d, spare %v) lacks %q or %q in %s", i+1, s.Level, s.Question, s.Spare, label, level, cat.Lang)
			}
		}
	}
	// The stacked label, as the officer sees it on the master's first
	// sheet.
	if !strings.Contains(pages[0], "Сұрақ 1 / 3 · Вопрос 1 из 3 · Question 1 of 3") &&
		!strings.Contains(pages[0], "Сұрақ 1 / 2 · Вопрос 1 из 2 · Question 1 of 2") {
		t.Errorf("the first page has no stacked question label:\n%s", pages[0])
	}

	all := strings.Join(pages, "\n")
	var secrets []string
	for _, row := range roster {
		secrets = append(secrets, row.FullName, row.IDDocument)
		for _, word := range strings.Fields(row.FullName) {
			if utf8.RuneCountInString(word) >= 4 {
				secrets = append(secrets, word)
			}
		}
	}
	secrets = append(secrets, officer, chairman, hallSetup.Name)
	secrets = append(secrets, hallSetup.Members...)
	for _, s := range secrets {
		if strings.Contains(all, s) {
			t.Errorf("the sheets' text contains %q", s)
		}
	}
	for _, s := range secrets {
		if bytes.Contains(pdf, []byte(s)) {
			t.Errorf("the PDF's bytes contain %q", s)
		}
	}
}

// The packets come off the printer whole: a packet's sheets one after the
// other, question 1 first, the situational problem last; the spares after
// every packet.
func TestSheetsPDFPrintsPacketsTogetherInQuestionOrderThenSpares(t *testing.T) {
	d := printedDay(t, 2)
	h := d.s.Hall()
	sheets := unissued(h)
	// Shuffled in: the order on paper is the PDF's, not the caller's.
	shuffled := slices.Clone(sheets)
	rand.New(seeded(9)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	pages := sheetPages(t, writeSheets(t, h, shuffled))
	en := i18n.New(i18n.EN)
	var seen []string
	for i, page := range pages {
		var s *exam.Sheet
		for _, x := range sheets {
			if strings.Contains(page, x.Code.Grouped()) {
				s = x
			}
		}
		if s == nil {
			t.Fatalf("page %d carries none of the codes", i+1)
		}
		if i > 0 && s.Packet != seen[len(seen)-1] && slices.Contains(seen, s.Packet) {
			t.Errorf("page %d: packet %s comes back after another packet", i+1, s.Packet)
		}
		if n := len(seen); n == 0 || seen[n-1] != s.Packet {
			seen = append(seen, s.Packet)
			if !s.Spare && s.Question != 1 {
				t.Errorf("page %d starts packet %s with question %d", i+1, s.Packet, s.Question)
			}
		}
		if s.Spare && !strings.Contains(page, en.T("paper.sheet.spare")) {
			t.Errorf("page %d is a spare not called one", i+1)
		}
		if i < len(pages)-2 && s.Spare {
			t.Errorf("page %d is a spare before the last packet", i+1)
		}
	}
	if got := len(seen); got != len(roster)+1 {
		t.Errorf("%d runs of packets, want %d packets and the spares", got, len(roster))
	}
}

// The bars read back: zbarimg finds on every page exactly the code that
// page is for, and the codes on paper are the codes the log says were
// printed — none missing, none more.
func TestSheetsBarcodesDecodeToTheCodesTheLogPrinted(t *testing.T) {
	d := printedDay(t, 4)
	h := d.s.Hall()
	sheets := unissued(h)
	pdf := writeSheets(t, h, sheets)
	found := decodePages(t, pdf)
	if len(found) != len(sheets) {
		t.Fatalf("%d pages rasterised for %d sheets", len(found), len(sheets))
	}
	decoded := map[string]bool{}
	for i, codes := range found {
		if len(codes) != 1 || codes[0] != sheets[i].Code.String() {
			t.Errorf("page %d: zbarimg read %q, want [%s]", i+1, codes, sheets[i].Code)
		}
		for _, c := range codes {
			decoded[c] = true
		}
	}
	want := loggedPrinted(t, d.records())
	if len(want) != len(sheets) {
		t.Errorf("the log holds %d printed codes, the hall %d sheets", len(want), len(sheets))
	}
	for c := range want {
		if !decoded[c] {
			t.Errorf("code %s is in the log but was not read from the paper", c)
		}
	}
	for c := range decoded {
		if !want[c] {
			t.Errorf("code %s was read from the paper but the log never printed it", c)
		}
	}
}

// A sheet already given out is never printed again: a second paper copy
// of it would be a second sheet under one code.
func TestSheetsPDFRefusesASheetGivenOut(t *testing.T) {
	d := printedDay(t, 0)
	h := d.s.Hall()
	first := h.Sheets()[0]
	var e *exam.Examinee
	for _, x := range h.Examinees() {
		if x.Level() == first.Level {
			e = x
			break
		}
	}
	d.one(func(h *exam.Hall) (exam.Event, error) { return h.Arrive(e.ID, at(5*time.Minute), officer) })
	d.one(func(h *exam.Hall) (exam.Event, error) {
		return h.IssueMaterialsWithSheet(e.ID, "7", first.Code, at(6*time.Minute), officer)
	})
	h = d.s.Hall()
	err := paper.WriteSheetsPDF(&bytes.Buffer{}, h, h.Sheets(), generated)
	if err == nil || !strings.Contains(err.Error(), first.Code.Grouped()) {
		t.Errorf("printing a packet given out: %v", err)
	}
	left := unissued(h)
	if len(left) != len(h.Sheets())-exam.SheetsPerPacket(first.Level) {
		t.Errorf("%d of %d sheets left to print after one packet was given out", len(left), len(h.Sheets()))
	}
	if err := paper.WriteSheetsPDF(&bytes.Buffer{}, h, nil, generated); err == nil {
		t.Error("a PDF of no sheets was written")
	}
}

func TestSheetsPDFIsTheSameForTheSameGenerationTime(t *testing.T) {
	d := printedDay(t, 1)
	h := d.s.Hall()
	first := writeSheets(t, h, unissued(h))
	if !bytes.Equal(first, writeSheets(t, h, unissued(h))) {
		t.Fatal("two PDFs of the same sheets differ")
	}
	if !bytes.Contains(first, []byte("/CreationDate (D:20270812120500)")) {
		t.Error("the PDF's creation date is not the generation time")
	}
}

// receivedDay is the test hall on which three examinees received their
// packets and handed sheets back: K1 all four, D2 all three, R1 its
// theory only; one spare replaced R1's second sheet.
func receivedDay(t *testing.T) (*day, map[string][]*exam.Sheet) {
	t.Helper()
	d := printedDay(t, 2)
	m := time.Minute
	packets := map[exam.Level][]string{}
	for _, s := range d.s.Hall().Sheets() {
		if !s.Spare && s.Question == 1 {
			packets[s.Level] = append(packets[s.Level], s.Packet)
		}
	}
	sitting := map[string]exam.Level{"K1": exam.Master, "R1": exam.Master, "D2": exam.Doctoral}
	for _, id := range []string{"K1", "R1", "D2"} {
		d.one(func(h *exam.Hall) (exam.Event, error) { return h.Arrive(id, at(5*m), officer) })
		packet := packets[sitting[id]][0]
		packets[sitting[id]] = packets[sitting[id]][1:]
		d.one(func(h *exam.Hall) (exam.Event, error) { return h.IssueMaterials(id, "3", packet, at(6*m), officer) })
	}
	for _, id := range []string{"D1", "K3", "L1"} {
		d.one(func(h *exam.Hall) (exam.Event, error) { return h.MarkAbsent(id, at(7*m), officer) })
	}
	d.one(func(h *exam.Hall) (exam.Event, error) { return h.StartExam(at(6*m), "", at(8*m), officer) })
	h := d.s.Hall()
	of := map[string][]*exam.Sheet{}
	for id := range sitting {
		of[id] = h.SheetsOf(id)
	}
	var spare *exam.Sheet
	for _, s := range h.Sheets() {
		if s.Spare {
			spare = s
			break
		}
	}
	d.one(func(h *exam.Hall) (exam.Event, error) {
		return h.VoidSheet(of["R1"][1].Code, "ink spilt", spare.Code, d.agree, at(30*m), officer)
	})
	receive := func(c barcode.Code, when time.Duration) {
		d.do(func(h *exam.Hall) ([]exam.Event, error) { return storetest.HandBack(h, c, at(when), officer) })
	}
	for i, s := range of["K1"] {
		receive(s.Code, time.Duration(60+i)*m)
	}
	for i, s := range of["D2"] {
		receive(s.Code, time.Duration(70+i)*m)
	}
	receive(of["R1"][0].Code, 80*m)
	receive(spare.Code, 81*m)
	receive(of["R1"][2].Code, 82*m)
	return d, of
}

// The graders' list holds the sheets received back — spares in the place
// of the sheets they replaced — with their level and question, ordered by
// code, and nothing else: no name, no seat, no id, no packet.
func TestGradersListHasReceivedCodesByCodeAndNothingOfWhoseTheyAre(t *testing.T) {
	d, of := receivedDay(t)
	h := d.s.Hall()
	list := paper.GraderSheets(h.Sheets())
	var want []string
	questions := map[string]string{}
	for _, s := range h.Sheets() {
		if s.State == exam.SheetReceived {
			want = append(want, s.Code.Grouped())
			questions[s.Code.Grouped()] = fmt.Sprint(s.Question)
		}
	}
	// K1 4, D2 3, R1 3 (its second sheet on the spare).
	if len(want) != 10 || len(list) != 10 {
		t.Fatalf("%d sheets received, %d on the list; want 10", len(want), len(list))
	}
	slices.Sort(want)

	var buf bytes.Buffer
	if err := paper.WriteGradersCSV(&buf, list, i18n.New(i18n.EN)); err != nil {
		t.Fatal(err)
	}
	text := buf.String()
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(text, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := rows[0]; !slices.Equal(got, []string{"Sheet code", "Level", "Question No.", "Question"}) {
		t.Errorf("header %q", got)
	}
	var got []string
	for _, row := range rows[1:] {
		got = append(got, row[0])
		if row[2] != questions[row[0]] {
			t.Errorf("%s: question %s, want %s", row[0], row[2], questions[row[0]])
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("codes on the list:\n%q\nwant, by code:\n%q", got, want)
	}
	replaced := of["R1"][1]
	spareRow := ""
	for _, row := range rows[1:] {
		if row[2] == "2" && row[1] == "master's" {
			spareRow = strings.Join(row, ",")
		}
	}
	if strings.Contains(text, replaced.Code.Grouped()) || spareRow == "" {
		t.Errorf("the voided sheet is listed, or its replacement is not under question 2:\n%s", text)
	}
	if !strings.Contains(text, "Situational problem") || !strings.Contains(text, "Question 2 of 2") {
		t.Errorf("the list does not name the questions:\n%s", text)
	}

	var txt bytes.Buffer
	if err := paper.WriteGradersText(&txt, h, list, i18n.New(i18n.KK)); err != nil {
		t.Fatal(err)
	}
	for _, c := range want {
		if !strings.Contains(txt.String(), c) {
			t.Errorf("the text list lacks %s", c)
		}
	}
	if !strings.Contains(txt.String(), "12.08.2027") || !strings.Contains(txt.String(), "Ситуациялық есеп") {
		t.Errorf("the Kazakh text list:\n%s", txt.String())
	}
	for _, out := range []string{text, txt.String()} {
		for _, row := range roster {
			for _, secret := range []string{row.FullName, row.IDDocument, row.ID + ",", row.ID + " "} {
				if strings.Contains(out, secret) {
					t.Errorf("the graders' list contains %q", secret)
				}
			}
		}
		for _, s := range h.Sheets() {
			if s.Packet != "" && s.Packet != s.Code.String() && strings.Contains(out, s.Packet) {
				t.Errorf("the graders' list names packet %s", s.Packet)
			}
		}
	}
}

// A hall of 500 master's examinees prints 2,000 sheets; the target is
// under five seconds a print on the officer's laptop.
func BenchmarkPrint500Packets(b *testing.B) {
	s, err := store.Open(filepath.Join(b.TempDir(), "big.db"), store.Options{Create: true, Program: "paper bench"})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	rows := make([]exam.RosterRow, 500)
	for i := range rows {
		rows[i] = exam.RosterRow{
			ID: fmt.Sprintf("M%03d", i+1), FullName: fmt.Sprintf("Әлия Қасымқызы Нұрланова %d", i+1),
			Programme: "7M04203", IDDocument: fmt.Sprintf("N%08d", i+1), Seat: fmt.Sprint(i + 1),
		}
	}
	if _, err := s.Do(func(h *exam.Hall) ([]exam.Event, error) { return h.CreateHall(hallSetup, rows, t0, officer) }); err != nil {
		b.Fatal(err)
	}
	if _, err := s.Do(func(h *exam.Hall) ([]exam.Event, error) {
		return h.PrintSheets(0, false, seeded(5), at(time.Minute), officer)
	}); err != nil {
		b.Fatal(err)
	}
	h := s.Hall()
	sheets := unissued(h)
	if len(sheets) != 2000 {
		b.Fatalf("%d sheets", len(sheets))
	}
	var size int
	b.ReportAllocs()
	for b.Loop() {
		var buf bytes.Buffer
		if err := paper.WriteSheetsPDF(&buf, h, sheets, generated); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size)/float64(len(sheets)), "B/sheet")
	b.ReportMetric(float64(size)/1e6, "MB/print")
}
