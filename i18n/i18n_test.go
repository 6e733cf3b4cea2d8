package i18n

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"examday/barcode"
	"examday/exam"
)

// The keys of the exam's rules: an officer must read these in their own
// language, never in an English fallback.
var rulePrefixes = []string{"refusal.", "roster.", "status.", "phase.", "programme.", "discipline.", "level.",
	"campaign.", "applicants.", "admission."}

func TestEveryKeyHasEnglish(t *testing.T) {
	if len(Keys()) == 0 {
		t.Fatal("the catalogue is empty")
	}
	for _, k := range Keys() {
		if strings.TrimSpace(entries[k].EN) == "" {
			t.Errorf("%s has no English", k)
		}
	}
}

func TestRuleKeysAreCompleteInRussianAndKazakh(t *testing.T) {
	n := 0
	for _, k := range Keys() {
		if !hasRulePrefix(k) {
			continue
		}
		n++
		e := entries[k]
		if strings.TrimSpace(e.RU) == "" {
			t.Errorf("%s has no Russian", k)
		}
		if strings.TrimSpace(e.KK) == "" {
			t.Errorf("%s has no Kazakh", k)
		}
		if !Complete(k) {
			t.Errorf("Complete(%s) = false", k)
		}
	}
	if n < 40 {
		t.Errorf("only %d rule keys found", n)
	}
}

func hasRulePrefix(k string) bool {
	for _, p := range rulePrefixes {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

// Every language of an entry is filled from the same arguments, so each
// must use the same fmt verbs in the same order; otherwise a Russian
// officer reads "%!d(string=…)" where an English one reads a number.
func TestEveryLanguageUsesTheSameVerbs(t *testing.T) {
	for _, k := range Keys() {
		e := entries[k]
		en := verbs(e.EN)
		for _, v := range en {
			if !strings.ContainsRune("vTtbcdoOqxXUeEfFgGsp", rune(v[len(v)-1])) {
				t.Errorf("%s: English has %q, not a fmt verb", k, v)
			}
		}
		for lang, text := range map[Lang]string{RU: e.RU, KK: e.KK} {
			if text == "" {
				continue // falls back to English
			}
			if got := verbs(text); !slices.Equal(got, en) {
				t.Errorf("%s: %s uses %q, English %q", k, lang, got, en)
			}
		}
	}
}

// verbs lists the fmt verbs of a template in order, with their flags,
// width and precision; "%%" is text, not a verb.
func verbs(s string) []string {
	var out []string
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			continue
		}
		j := i + 1
		for j < len(s) && strings.IndexByte("+-# 0", s[j]) >= 0 {
			j++
		}
		for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '*' || s[j] == '.' || s[j] == '[' || s[j] == ']') {
			j++
		}
		if j == len(s) {
			out = append(out, s[i:]+"!(NOVERB)")
			break
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		if r != '%' {
			out = append(out, s[i:j+size])
		}
		i = j + size - 1
	}
	return out
}

func TestVerbsParser(t *testing.T) {
	for in, want := range map[string][]string{
		"no verbs":                  nil,
		"100%% sure":                nil,
		"%d of %s":                  {"%d", "%s"},
		"line %d: %q (%.1f s, %5d)": {"%d", "%q", "%.1f", "%5d"},
		"%[2]s then %[1]d":          {"%[2]s", "%[1]d"},
		"%д":                        {"%д"},
		"ends with %":               {"%!(NOVERB)"},
	} {
		if got := verbs(in); !slices.Equal(got, want) {
			t.Errorf("verbs(%q) = %q, want %q", in, got, want)
		}
	}
}

// constants reads the string constants of a file of package exam whose
// name or declared type keep accepts, as name → value. Reading the source,
// not a list kept by hand, is the point: a new code without words fails.
func constants(t *testing.T, file string, keep func(name, typ string) bool) map[string]string {
	t.Helper()
	return constantsOf(t, "exam", file, keep)
}

// constantsOf is constants of a file of the domain package dir.
func constantsOf(t *testing.T, dir, file string, keep func(name, typ string) bool) map[string]string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "../"+dir+"/"+file, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			typ := ""
			if id, ok := vs.Type.(*ast.Ident); ok {
				typ = id.Name
			}
			for i, name := range vs.Names {
				if i >= len(vs.Values) {
					continue
				}
				lit, ok := vs.Values[i].(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING || !keep(name.Name, typ) {
					continue
				}
				v, err := strconv.Unquote(lit.Value)
				if err != nil {
					t.Fatal(err)
				}
				out[name.Name] = v
			}
		}
	}
	if len(out) == 0 {
		t.Fatalf("no constants found in %s", file)
	}
	return out
}

func TestEveryRefusalAndRosterCodeHasWords(t *testing.T) {
	for _, tc := range []struct {
		file, prefix, key string
	}{
		{"refusal.go", "Refuse", "refusal."},
		{"roster.go", "Roster", "roster."},
	} {
		codes := constants(t, tc.file, func(name, _ string) bool { return strings.HasPrefix(name, tc.prefix) })
		for name, code := range codes {
			if !Has(tc.key + code) {
				t.Errorf("exam.%s = %q has no catalogue entry %q", name, code, tc.key+code)
			} else if !Complete(tc.key + code) {
				t.Errorf("%s%s is not in every language", tc.key, code)
			}
		}
	}
}

// Every event type the domain declares (exam.EventTypes) is named on the
// screen and on the paper, in every language.
func TestEveryEventTypeHasItsNames(t *testing.T) {
	for _, typ := range exam.EventTypes() {
		for _, key := range []string{"ui.event_type." + typ, "paper.event." + typ} {
			if !Has(key) || !Complete(key) {
				t.Errorf("event type %s: %s has no words in every language", typ, key)
			}
		}
	}
}

// Every status and phase of the domain, every programme, discipline and
// level of §1.2 has words in every language.
func TestEveryRuleOfTheDomainHasWords(t *testing.T) {
	var keys []string
	for _, s := range constants(t, "status.go", func(_, typ string) bool { return typ == "Status" }) {
		keys = append(keys, "status."+s)
	}
	for _, p := range constants(t, "hall.go", func(_, typ string) bool { return typ == "Phase" }) {
		if p != "" { // PhaseEmpty: no hall, nothing to show
			keys = append(keys, "phase."+p)
		}
	}
	for _, l := range constants(t, "programme.go", func(_, typ string) bool { return typ == "Level" }) {
		keys = append(keys, "level."+l)
	}
	for _, p := range exam.Programmes() {
		keys = append(keys, "programme."+p.Code)
		keys = append(keys, p.Disciplines...)
	}
	for _, k := range keys {
		if !Has(k) || !Complete(k) {
			t.Errorf("%s has no words in every language", k)
		}
	}
	// The programme's name starts with its code, as §1.2 writes it.
	for _, p := range exam.Programmes() {
		for _, l := range Langs {
			if got := New(l).T("programme." + p.Code); !strings.HasPrefix(got, p.Code+" ") {
				t.Errorf("%s programme.%s = %q, want it to start with the code", l, p.Code, got)
			}
		}
	}
}

func TestErrorRendersARefusalInEachLanguage(t *testing.T) {
	r := &exam.Refusal{Code: exam.RefuseHallExists, Args: []any{"Hall 204"}}
	want := map[Lang]string{
		EN: "This file already holds the hall “Hall 204”. Use another file (--db) for another hall.",
		RU: "В этом файле уже есть аудитория «Hall 204». Для другой аудитории используйте другой файл (--db).",
		KK: "Бұл файлда «Hall 204» аудиториясы бар. Басқа аудитория үшін басқа файлды (--db) қолданыңыз.",
	}
	for _, l := range Langs {
		if got := New(l).Error(r); got != want[l] {
			t.Errorf("%s: %q\nwant %q", l, got, want[l])
		}
		// A wrapped refusal reads the same.
		if got := New(l).Error(fmt.Errorf("mark arrival: %w", r)); got != want[l] {
			t.Errorf("%s wrapped: %q", l, got)
		}
	}
}

func TestErrorRendersARosterErrorLinePerProblem(t *testing.T) {
	re := &exam.RosterError{Problems: []exam.RosterProblem{
		{Line: 3, Code: exam.RosterUnknownProg, Args: []any{"7X04203"}},
		{Line: 12, Code: exam.RosterDuplicateSeat, Args: []any{"5", 4}},
	}}
	want := map[Lang][]string{
		EN: {"The roster was not imported: 2 problems. Nothing was changed.",
			`  line 3: unknown programme code "7X04203" (§1.2 lists 7M04203, 7M12301, 7M12303, 8D04201, 8D12301)`,
			"  line 12: seat 5 is already given on line 4"},
		RU: {"строка 3: ", `"7X04203"`, "строка 12: ", "место 5", "в строке 4"},
		KK: {"3-жол: ", `"7X04203"`, "12-жол: ", "5 орны", "4-жолда"},
	}
	for _, l := range Langs {
		got := New(l).Error(re)
		lines := strings.Split(got, "\n")
		if len(lines) != 3 {
			t.Errorf("%s: %d lines, want a header and one per problem:\n%s", l, len(lines), got)
			continue
		}
		if l == EN {
			if !slices.Equal(lines, want[EN]) {
				t.Errorf("EN:\n%s\nwant\n%s", got, strings.Join(want[EN], "\n"))
			}
			continue
		}
		if !strings.Contains(lines[0], "2") {
			t.Errorf("%s header does not count the problems: %q", l, lines[0])
		}
		for _, frag := range want[l] {
			if !strings.Contains(got, frag) {
				t.Errorf("%s: %q missing from\n%s", l, frag, got)
			}
		}
	}
}

func TestErrorOfOtherErrors(t *testing.T) {
	c := New(RU)
	if got := c.Error(nil); got != "" {
		t.Errorf("Error(nil) = %q", got)
	}
	if got := c.Error(errors.New("disk full")); got != "disk full" {
		t.Errorf("Error(plain) = %q", got)
	}
}

// Every refusal the domain really gives, with the arguments it really
// gives, reads as a sentence in every language: no "%!" from a verb that
// does not fit, no «key» of a missing entry.
func TestRealRefusalsRenderCleanly(t *testing.T) {
	t0 := time.Date(2025, 7, 28, 9, 0, 0, 0, time.UTC)
	rows := []exam.RosterRow{
		{ID: "1", FullName: "Иванов Пётр", Programme: "7M04203", IDDocument: "D1", Seat: "1"},
		{ID: "2", FullName: "Жұмабек Ұлан", Programme: "8D04201", IDDocument: "D2", Seat: "2"},
	}
	// A step is one decision whose events are applied; logs keeps each
	// hall's events, from which a correction replays (historyOf, given to
	// Cancel and Apply).
	type step func(h *exam.Hall) ([]exam.Event, error)
	one := func(ev exam.Event, err error) ([]exam.Event, error) { return []exam.Event{ev}, err }
	logs := map[*exam.Hall]map[uint64]exam.Event{}
	historyOf := func(h *exam.Hall) exam.EventSource {
		return func(seq uint64) (exam.Event, error) {
			ev, ok := logs[h][seq]
			if !ok {
				return exam.Event{}, fmt.Errorf("no event %d", seq)
			}
			return ev, nil
		}
	}
	build := func(steps ...step) *exam.Hall {
		h := exam.NewHall()
		log := map[uint64]exam.Event{}
		logs[h] = log
		evs, err := h.CreateHall(exam.HallSetup{Name: "204", Date: "2025-07-28", Officer: "O", Chairman: "C"}, rows, t0, "O")
		if err != nil {
			t.Fatal(err)
		}
		steps = append([]step{func(*exam.Hall) ([]exam.Event, error) { return evs, nil }}, steps...)
		for _, s := range steps {
			evs, err := s(h)
			if err != nil {
				t.Fatal(err)
			}
			for _, ev := range evs {
				ev.Seq = h.LastSeq + 1
				if _, err := h.Apply(ev, historyOf(h)); err != nil {
					t.Fatal(err)
				}
				log[ev.Seq] = ev
			}
		}
		return h
	}
	// last is the latest event of type typ in h's log.
	last := func(h *exam.Hall, typ string) exam.Event {
		for seq := h.LastSeq; seq > 0; seq-- {
			if ev := logs[h][seq]; ev.Type == typ {
				return ev
			}
		}
		t.Fatalf("no %s in the log", typ)
		return exam.Event{}
	}
	at := func(d time.Duration) time.Time { return t0.Add(d) }
	arrive := func(id string) step {
		return func(h *exam.Hall) ([]exam.Event, error) { return one(h.Arrive(id, t0.Add(time.Minute), "O")) }
	}
	issue := func(id string) step {
		return func(h *exam.Hall) ([]exam.Event, error) {
			return one(h.IssueMaterials(id, "7", "", t0.Add(10*time.Minute), "O"))
		}
	}
	absent := func(id string) step {
		return func(h *exam.Hall) ([]exam.Event, error) { return one(h.MarkAbsent(id, t0, "O")) }
	}
	start := func(h *exam.Hall) ([]exam.Event, error) {
		p, err := h.ProposeStart()
		if err != nil {
			return nil, err
		}
		return one(h.StartExam(p, "", t0.Add(11*time.Minute), "O"))
	}
	// The day after the start (§1.5, §1.6, §2.1–§2.3), for examinee 1.
	hash, err := exam.HashPIN("4821")
	if err != nil {
		t.Fatal(err)
	}
	fresh := build()
	agreed, ok := fresh.Agree(hash, "4821")
	if !ok {
		t.Fatal("the chairman's PIN was refused")
	}
	theory := func(h *exam.Hall) ([]exam.Event, error) { return one(h.HandTheoryIn("1", at(time.Hour), "O")) }
	out := func(h *exam.Hall) ([]exam.Event, error) {
		return one(h.LeaveRoom("1", false, "", at(61*time.Minute), "O"))
	}
	backAt := func(m time.Duration) step {
		return func(h *exam.Hall) ([]exam.Event, error) { return h.ComeBack("1", at(61*time.Minute+m), "O") }
	}
	draw := func(h *exam.Hall) ([]exam.Event, error) {
		return one(h.DrawSituational("1", "5", false, at(80*time.Minute), "O"))
	}
	codeOut := func(h *exam.Hall) ([]exam.Event, error) { return one(h.HandOutCode("1", at(81*time.Minute), "O")) }
	handIn := func(reason string) step {
		return func(h *exam.Hall) ([]exam.Event, error) { return h.HandIn("1", reason, at(2*time.Hour), "O") }
	}
	handInWithout := func(h *exam.Hall) ([]exam.Event, error) {
		return h.HandInWithoutSituational("1", "declined", at(2*time.Hour), "O")
	}
	wrongPIN := func(h *exam.Hall) ([]exam.Event, error) { return one(h.PINFailed("violation", at(time.Hour), "O")) }
	violation := func(clause, description, witnesses, decision string) exam.ViolationInput {
		return exam.ViolationInput{Clause: clause, Description: description, Witnesses: witnesses, Decision: decision}
	}
	phone := violation("a", "a smartphone", "W", exam.DecisionRemoved)
	remove := func(h *exam.Hall) ([]exam.Event, error) {
		return one(h.RecordViolation("1", phone, agreed, at(time.Hour), "O"))
	}
	interrupt := func(h *exam.Hall) ([]exam.Event, error) {
		return one(h.StartInterruption(exam.InterruptEvacuation, "", agreed, at(time.Hour), "O"))
	}
	closeHall := func(h *exam.Hall) ([]exam.Event, error) { return one(h.CloseHall(true, at(3*time.Hour), "O")) }
	timeUp := func(h *exam.Hall) ([]exam.Event, error) { return h.DueClockEvents(at(4 * time.Hour)), nil }

	ready := build(arrive("1"), absent("2"), issue("1"))
	running := build(arrive("1"), absent("2"), issue("1"), start)
	both := build(arrive("1"), arrive("2"), issue("1"), issue("2"), start, theory,
		func(h *exam.Hall) ([]exam.Event, error) { return one(h.HandTheoryIn("2", at(time.Hour), "O")) }, draw)
	day := func(steps ...step) *exam.Hall {
		return build(append([]step{arrive("1"), absent("2"), issue("1"), start}, steps...)...)
	}
	theoryIn := day(theory)
	situational := day(theory, draw)
	backIn := day(theory, out, backAt(5*time.Minute))
	overrun := day(theory, out, backAt(15*time.Minute))
	withCode := day(theory, draw, codeOut)
	locked := day(wrongPIN, wrongPIN, wrongPIN)
	removed := day(remove)
	interrupted := day(interrupt)
	finishedWithCode := day(theory, draw, codeOut, handIn("not given back"))
	closed := day(theory, handInWithout, closeHall)
	up := day(timeUp)
	cancelTheory := func(h *exam.Hall) ([]exam.Event, error) {
		return one(h.Cancel(last(h, exam.TypeTheoryIn), "wrong examinee", nil, historyOf(h), at(70*time.Minute), "O"))
	}
	theoryCancelled := day(theory, cancelTheory)
	later := t0.Add(20 * time.Minute)

	var errs []error
	add := func(_ any, err error) { errs = append(errs, err) }
	add(exam.NewHall().Arrive("1", t0, "O"))
	add(fresh.CreateHall(exam.HallSetup{Name: "x"}, rows, t0, "O"))
	add(exam.NewHall().CreateHall(exam.HallSetup{Name: "x"}, rows, t0, "O"))
	add(exam.NewHall().CreateHall(exam.HallSetup{Name: "x", Date: "28.07", Officer: "O", Chairman: "C"}, rows, t0, "O"))
	add(exam.NewHall().CreateHall(exam.HallSetup{Name: "x", Date: "2025-07-28", Officer: "O", Chairman: "C"}, nil, t0, "O"))
	add(exam.NewHall().CreateHall(exam.HallSetup{Name: "x", Date: "2025-07-28", Officer: "O", Chairman: "C"},
		[]exam.RosterRow{{ID: "1", Programme: "7X", Seat: "1"}, {ID: "1", Seat: "1"}}, t0, "O"))
	add(fresh.Arrive("9", t0, "O"))
	add(fresh.IssueMaterials("1", "7", "", t0, "O"))
	add(running.Arrive("2", later, "O"))
	add(build(arrive("1")).IssueMaterials("1", " ", "", t0, "O"))
	add(build(arrive("1")).IssueMaterials("1", "1234567890123", "", t0, "O"))
	add(fresh.ProposeStart())
	add(build(absent("1"), absent("2")).ProposeStart())
	add(build(arrive("1"), arrive("2"), issue("1")).ProposeStart())
	add(running.ProposeStart())
	add(ready.StartExam(later, "r", t0.Add(11*time.Minute), "O"))
	add(ready.StartExam(t0.Add(-time.Hour), "r", later, "O"))
	add(ready.StartExam(t0, "", later, "O"))
	add(running.ClockJumped(time.Second, time.Second, later))
	// The day after the start, each refusal through its decision.
	late := at(100 * time.Minute)
	add(closed.HandTheoryIn("1", late, "O"))
	add(ready.HandTheoryIn("1", late, "O"))
	add(up.AdmitLate("2", agreed, at(4*time.Hour), "O"))
	add(locked.PINFailed("violation", at(time.Hour+time.Second), "O"))
	add(running.AdmitLate("2", exam.Agreement{}, late, "O"))
	add(running.LeaveRoom("1", true, " ", late, "O"))
	add(running.LeaveRoom("1", false, "", late, "O"))
	add(situational.LeaveRoom("1", false, "", late, "O"))
	add(backIn.LeaveRoom("1", false, "", late, "O"))
	add(running.ComeBack("1", late, "O"))
	add(both.DrawSituational("2", "5", false, late, "O"))
	add(theoryIn.HandOutCode("1", late, "O"))
	add(withCode.HandOutCode("1", late, "O"))
	add(running.TakeBackCode("1", late, "O"))
	add(withCode.HandIn("1", "", late, "O"))
	add(theoryIn.HandIn("1", "", late, "O"))
	add(running.ChangeSeat("1", "1", "r", late, "O"))
	add(running.ChangeSeat("1", " ", "r", late, "O"))
	add(running.ChangeSeat("1", "5", " ", late, "O"))
	add(running.ChangeSeat("1", "1234567890123", "r", late, "O"))
	add(running.ChangeSeat("2", "5", "r", late, "O"))
	add(both.ChangeSeat("1", "2", "r", late, "O"))
	add(theoryIn.HandInWithoutSituational("1", " ", late, "O"))
	add(situational.HandInWithoutSituational("1", "declined", late, "O"))
	add(running.RecordViolation("2", phone, agreed, late, "O"))
	add(removed.RecordViolation("1", phone, agreed, late, "O"))
	add(running.RecordViolation("1", violation("z", "d", "w", exam.DecisionWarned), agreed, late, "O"))
	add(running.RecordViolation("1", violation("b", " ", "w", exam.DecisionWarned), agreed, late, "O"))
	add(running.RecordViolation("1", violation("b", "d", "", exam.DecisionWarned), agreed, late, "O"))
	add(running.RecordViolation("1", violation("b", "d", "w", "fined"), agreed, late, "O"))
	add(running.DismissOffer(99, "r", exam.Agreement{}, late, "O"))
	add(overrun.DismissOffer(last(overrun, exam.TypeViolationOffered).Seq, " ", exam.Agreement{}, late, "O"))
	add(running.Cancel(last(running, exam.TypeExamStarted), "r", nil, historyOf(running), late, "O"))
	add(theoryIn.Cancel(last(theoryIn, exam.TypeTheoryIn), " ", nil, historyOf(theoryIn), late, "O"))
	add(situational.Cancel(last(situational, exam.TypeTheoryIn), "r", nil, historyOf(situational), late, "O"))
	add(theoryCancelled.Cancel(last(theoryCancelled, exam.TypeTheoryIn), "r", nil, historyOf(theoryCancelled), late, "O"))
	add(interrupted.StartInterruption(exam.InterruptPowerCut, "", agreed, late, "O"))
	add(running.EndInterruption(agreed, late, "O"))
	add(running.StartInterruption("flood", "", agreed, late, "O"))
	add(running.StartInterruption(exam.InterruptOther, "", agreed, late, "O"))
	add(ready.StartInterruption(exam.InterruptEvacuation, "", agreed, late, "O"))
	add(running.CloseHall(true, late, "O"))
	add(finishedWithCode.CloseHall(false, at(3*time.Hour), "O"))

	// The answer sheets (§1.5), each refusal through its decision: one
	// master's packet (examinee 1) and one doctoral (examinee 2), 2 spares.
	printSheets := func(h *exam.Hall) ([]exam.Event, error) {
		return h.PrintSheets(2, false, rand.NewChaCha8([32]byte{1}), t0, "O")
	}
	sheetOf := func(h *exam.Hall, pick func(*exam.Sheet) bool) barcode.Code {
		for _, s := range h.Sheets() {
			if pick(s) {
				return s.Code
			}
		}
		t.Fatal("no such sheet")
		return barcode.Code{}
	}
	free := func(l exam.Level) func(*exam.Sheet) bool {
		return func(s *exam.Sheet) bool { return !s.Spare && s.Level == l && s.State == exam.SheetPrinted }
	}
	spare := func(s *exam.Sheet) bool { return s.Spare && s.State == exam.SheetPrinted }
	held := func(q int, state exam.SheetState) func(*exam.Sheet) bool {
		return func(s *exam.Sheet) bool { return s.Examinee == "1" && s.Question == q && s.State == state }
	}
	issueSheet := func(h *exam.Hall) ([]exam.Event, error) {
		return one(h.IssueMaterialsWithSheet("1", "7", sheetOf(h, free(exam.Master)), t0.Add(10*time.Minute), "O"))
	}
	scanFirst := func(h *exam.Hall) ([]exam.Event, error) {
		return h.ReceiveSheet(sheetOf(h, held(1, exam.SheetIssued)), at(50*time.Minute), "O")
	}
	voidSecond := func(h *exam.Hall) ([]exam.Event, error) {
		return one(h.VoidSheet(sheetOf(h, held(2, exam.SheetIssued)), "torn", sheetOf(h, spare), agreed, at(40*time.Minute), "O"))
	}
	unprinted := func(h *exam.Hall) barcode.Code {
		for serial := 0; ; serial++ {
			c, err := barcode.New(h.Session, serial)
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := h.Sheet(c); !ok {
				return c
			}
		}
	}
	printed := build(printSheets, arrive("1"), arrive("2"))
	bound := build(printSheets, arrive("1"), arrive("2"), issueSheet)
	sheets := build(printSheets, arrive("1"), absent("2"), issueSheet, start, scanFirst, voidSecond)
	short := build(printSheets, arrive("1"), absent("2"), issueSheet, start, theory, handInWithout)
	add(fresh.PrintSheets(501, false, rand.NewChaCha8([32]byte{1}), t0, "O"))
	add(fresh.ParseCode("1234 5678 9012"))
	add(printed.IssueMaterialsWithSheet("1", "7", sheetOf(printed, spare), later, "O"))
	add(printed.IssueMaterials("1", "qwe", "", later, "O"))
	add(printed.IssueMaterials("1", sheetOf(printed, spare).String(), "", later, "O"))
	add(printed.IssueMaterialsWithSheet("1", "7", sheetOf(printed, free(exam.Doctoral)), later, "O"))
	add(bound.IssueMaterialsWithSheet("2", "7", sheetOf(bound, held(1, exam.SheetIssued)), later, "O"))
	add(sheets.Cancel(last(sheets, exam.TypeMaterialsIssued), "r", nil, historyOf(sheets), late, "O"))
	add(sheets.ReceiveSheet(unprinted(sheets), late, "O"))
	add(sheets.ReceiveSheet(sheetOf(sheets, held(1, exam.SheetReceived)), late, "O"))
	add(sheets.ReceiveSheet(sheetOf(sheets, held(2, exam.SheetVoided)), late, "O"))
	add(sheets.ReceiveSheet(sheetOf(sheets, free(exam.Doctoral)), late, "O"))
	add(sheets.ReceiveSheet(sheetOf(sheets, held(4, exam.SheetIssued)), late, "O"))
	add(sheets.ReceiveBlankSituational(sheetOf(sheets, held(3, exam.SheetIssued)), "declined", late, "O"))
	renewed := build(printSheets, func(h *exam.Hall) ([]exam.Event, error) {
		return h.PrintSheets(2, true, rand.NewChaCha8([32]byte{2}), t0.Add(time.Minute), "O")
	}, arrive("1"))
	add(renewed.IssueMaterialsWithSheet("1", "7", sheetOf(renewed, func(s *exam.Sheet) bool { return s.State == exam.SheetVoided && !s.Spare }), later, "O"))
	add(sheets.VoidSheet(sheetOf(sheets, held(1, exam.SheetReceived)), "torn", sheetOf(sheets, spare), agreed, late, "O"))
	add(sheets.VoidSheet(sheetOf(sheets, held(3, exam.SheetIssued)), "torn", sheetOf(sheets, free(exam.Doctoral)), agreed, late, "O"))
	add(sheets.VoidSheet(sheetOf(sheets, held(3, exam.SheetIssued)), " ", sheetOf(sheets, spare), agreed, late, "O"))
	add(short.CloseHall(true, at(3*time.Hour), "O"))
	add(short.CloseHallShortfall(true, " ", agreed, at(3*time.Hour), "O"))
	add(nil, exam.CheckPIN("1"))
	add(nil, exam.CheckPIN("12x4"))
	_, err = exam.ParseRoster(strings.NewReader("\xef\xbb\xbfid;full_name;programme;id_document;seat\n" +
		"1;A;7M04203;D;1\n1;B;7X;D;1\n\xff\n3;\"C\n4;D\n"))
	errs = append(errs, err)
	_, err = exam.ParseRoster(strings.NewReader("id,name\n"))
	errs = append(errs, err)
	_, err = exam.ParseRoster(strings.NewReader(""))
	errs = append(errs, err)
	_, err = exam.ParseRoster(strings.NewReader("id,full_name,programme,id_document,seat\n"))
	errs = append(errs, err)
	_, err = exam.ParseRoster(strings.NewReader("id,full_name,programme,id_document,seat\n1,a\"b,7M04203,D,1\n2,B,7M04203,E\n,,,,\n"))
	errs = append(errs, err)

	seen := map[string]bool{}
	for i, err := range errs {
		if err == nil {
			t.Errorf("case %d: no refusal", i)
			continue
		}
		var r *exam.Refusal
		var re *exam.RosterError
		switch {
		case errors.As(err, &r):
			seen["refusal."+r.Code] = true
		case errors.As(err, &re):
			for _, p := range re.Problems {
				seen["roster."+p.Code] = true
			}
		default:
			t.Errorf("case %d: %v is neither a refusal nor a roster error", i, err)
		}
		for _, l := range Langs {
			got := New(l).Error(err)
			if strings.Contains(got, "%!") || strings.Contains(got, "${") || strings.Contains(got, "«refusal.") || strings.Contains(got, "«roster.") {
				t.Errorf("%s case %d (%v):\n%s", l, i, err, got)
			}
		}
	}
	// Every code the domain can give was given at least once above, so
	// each was rendered with the arguments the domain really passes.
	for _, tc := range []struct{ file, prefix, key string }{{"refusal.go", "Refuse", "refusal."}, {"roster.go", "Roster", "roster."}} {
		for name, code := range constants(t, tc.file, func(n, _ string) bool { return strings.HasPrefix(n, tc.prefix) }) {
			if !seen[tc.key+code] && !unusedCodes[name] {
				t.Errorf("exam.%s is never produced by this test", name)
			}
		}
	}
}

// Codes the domain declares but no action gives yet.
var unusedCodes = map[string]bool{"RefuseNotStartable": true}

func TestTOfAMissingKeyShowsTheKey(t *testing.T) {
	for _, l := range Langs {
		if got := New(l).T("no.such.key", 1); got != "«no.such.key»" {
			t.Errorf("%s: %q", l, got)
		}
	}
}

func TestTFallsBackToEnglish(t *testing.T) {
	const key = "test.only_in_english"
	register(map[string]Text{key: {EN: "only %d in English"}})
	t.Cleanup(func() { delete(entries, key) })
	for _, l := range Langs {
		if got := New(l).T(key, 3); got != "only 3 in English" {
			t.Errorf("%s: %q", l, got)
		}
	}
	if Complete(key) {
		t.Error("an entry with English only is Complete")
	}
}

// §1.3: the start and the end are written on the board as the officer's
// wall clock shows them.
func TestTShowsInstantsAsLocalWallClock(t *testing.T) {
	saved := time.Local
	time.Local = time.FixedZone("ALMT", 5*3600)
	t.Cleanup(func() { time.Local = saved })

	start := time.Date(2025, 7, 28, 4, 5, 6, 700_000_000, time.UTC)
	for l, want := range map[Lang]string{
		EN: "The exam has already started, at 09:05:06.",
		RU: "Экзамен уже начался в 09:05:06.",
	} {
		if got := New(l).T("refusal.already_started", start); got != want {
			t.Errorf("%s: %q, want %q", l, got, want)
		}
	}
	if got := New(KK).T("refusal.already_started", start); !strings.Contains(got, "09:05:06") {
		t.Errorf("KK: %q", got)
	}
}

// Rendering an error in one language must not change it: the same refusal
// is shown again after a language switch, and logged.
func TestRenderingDoesNotChangeTheError(t *testing.T) {
	start := time.Date(2025, 7, 28, 4, 5, 6, 0, time.UTC)
	r := &exam.Refusal{Code: exam.RefuseStartTooEarly, Args: []any{start, start.Add(time.Hour)}}
	for _, l := range Langs {
		New(l).Error(r)
	}
	if _, ok := r.Args[0].(time.Time); !ok {
		t.Errorf("rendering replaced the refusal's time with %T %v", r.Args[0], r.Args[0])
	}
	args := []any{start}
	New(EN).T("refusal.already_started", args...)
	if args[0] != any(start) {
		t.Errorf("T changed its caller's arguments: %v", args)
	}
}

func TestLanguages(t *testing.T) {
	for in, want := range map[string]Lang{"en": EN, " RU ": RU, "Kk": KK} {
		if got, ok := ParseLang(in); !ok || got != want {
			t.Errorf("ParseLang(%q) = %q, %v", in, got, ok)
		}
	}
	for _, in := range []string{"", "kz", "de"} {
		if _, ok := ParseLang(in); ok {
			t.Errorf("ParseLang(%q) accepted", in)
		}
	}
	l := EN
	for _, want := range []Lang{RU, KK, EN} {
		if l = l.Next(); l != want {
			t.Errorf("Next = %q, want %q", l, want)
		}
	}
	if Lang("de").Next() != EN {
		t.Error("an unknown language does not switch back to English")
	}
}

func TestStatusArgumentsAreShownInWords(t *testing.T) {
	r := &exam.Refusal{Code: exam.RefuseTransition, Args: []any{"Иван Петров", exam.Present, exam.Present}}
	for _, c := range []struct {
		lang Lang
		want string
	}{{EN, "“present”"}, {RU, "«присутствует»"}, {KK, "«келді»"}} {
		got := New(c.lang).Error(r)
		if !strings.Contains(got, c.want) {
			t.Errorf("%s: %q does not show the status as %s", c.lang, got, c.want)
		}
		if c.lang != EN && strings.Contains(got, "present") {
			t.Errorf("%s: %q shows the status code", c.lang, got)
		}
	}
}
