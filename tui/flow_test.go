package tui

import (
	"encoding/binary"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"examday/exam"
	"examday/i18n"
	"examday/store"
)

var en = i18n.New(i18n.EN)

// SPEC step 3 and 4: the officer marks arrivals and absences and issues
// materials with the keys of the dashboard; each is in the file, by the
// hall's officer, before the screen shows it.
func TestArrivalAbsenceAndMaterialsAreRecordedFromTheKeys(t *testing.T) {
	s, _ := newHall(t, morning)
	before := len(events(t, s))
	a := run(t, s, newClock("08:47:00"), i18n.EN, 80, 24)

	// Ғалым Өмірзақұлы Сәрсенбаев, the fourth row, is not marked: p asks
	// to check the identity document of the roster.
	a.press("down", "down", "down", "p")
	a.press("y")
	if r := a.waitRecorded(recordAction); r.err != nil {
		t.Fatalf("arrival refused: %v", r.err)
	}
	// Then his materials, with the ticket typed.
	a.press("m")
	a.typeText("23")
	a.press("enter")
	if r := a.waitRecorded(recordAction); r.err != nil {
		t.Fatalf("materials refused: %v", r.err)
	}
	// Timur Bolatovich Zhunusov, the last row, did not come.
	a.press("end", "x", "y")
	if r := a.waitRecorded(recordAction); r.err != nil {
		t.Fatalf("absence refused: %v", r.err)
	}
	m := a.final()

	h := s.Hall()
	if e, _ := h.Examinee("M-04"); e.Status != exam.Materials || e.Ticket != "23" || !e.ArrivedAt.Equal(at("08:47:00")) {
		t.Errorf("M-04 is %s with ticket %q, arrived %v; want materials, 23, 08:47:00", e.Status, e.Ticket, e.ArrivedAt)
	}
	if e, _ := h.Examinee("D-02"); e.Status != exam.Absent {
		t.Errorf("D-02 is %s, want absent", e.Status)
	}
	evs := events(t, s)[before:]
	want := []struct{ typ, who string }{
		{exam.TypeArrived, "M-04"}, {exam.TypeMaterialsIssued, "M-04"}, {exam.TypeAbsent, "D-02"},
	}
	if len(evs) != len(want) {
		t.Fatalf("%d new events, want %d: %+v", len(evs), len(want), evs)
	}
	for i, w := range want {
		if evs[i].Type != w.typ || evs[i].Examinee != w.who || evs[i].Actor != officer {
			t.Errorf("event %d is %s of %s by %s, want %s of %s by %s", i, evs[i].Type, evs[i].Examinee, evs[i].Actor, w.typ, w.who, officer)
		}
	}
	if d := decode[exam.ArrivedData](t, evs[0]); !d.IDDocumentChecked || d.IDDocument != "N07745012" {
		t.Errorf("arrival says %+v, want the document N07745012 checked", d)
	}
	if d := decode[exam.MaterialsIssuedData](t, evs[1]); d.Ticket != "23" {
		t.Errorf("materials say ticket %q, want 23", d.Ticket)
	}
	if got, want := screen(m), en.T("ui.done.absent", "Timur Bolatovich Zhunusov"); !contains(got, want) {
		t.Errorf("the status line does not say %q:\n%s", want, got)
	}
}

// The confirmation of an arrival names the identity document to check.
func TestPresentAsksToCheckTheIdentityDocument(t *testing.T) {
	s, _ := newHall(t, morning)
	a := run(t, s, newClock("08:47:00"), i18n.EN, 80, 24)
	a.press("down", "down", "down", "p")
	m := a.final()
	if got, want := dialogText(screen(m)), en.T("ui.confirm.id_document", "N07745012"); !contains(got, want) {
		t.Errorf("the dialog does not say %q:\n%s", want, got)
	}
	if n := len(ofType(events(t, s), exam.TypeArrived)); n != 2 {
		t.Errorf("%d arrivals before the confirmation, want the 2 of the morning", n)
	}
}

// The keys work whatever layout the keyboard is in: on the Russian and
// Kazakh layouts the key of p types з, and of y types н.
func TestKeysWorkOnTheCyrillicLayout(t *testing.T) {
	s, _ := newHall(t, morning)
	a := run(t, s, newClock("08:47:00"), i18n.KK, 80, 24)
	a.press("down", "down", "down", "з", "н")
	if r := a.waitRecorded(recordAction); r.err != nil {
		t.Fatalf("arrival refused: %v", r.err)
	}
	a.final()
	if e, _ := s.Hall().Examinee("M-04"); e.Status != exam.Present {
		t.Errorf("M-04 is %s, want present", e.Status)
	}
}

// §1.3: the exam cannot start while anyone is unmarked; the refusal names
// them and nothing is written.
func TestStartWhileSomeoneIsUnmarkedIsRefusedAndWritesNothing(t *testing.T) {
	s, _ := newHall(t, morning)
	before := len(events(t, s))
	a := run(t, s, newClock("08:47:00"), i18n.EN, 80, 24)
	a.press("s", "enter", "c", "enter")
	m := a.final()

	refusal := en.Error(&exam.Refusal{Code: exam.RefuseUnmarked, Args: []any{"Ғалым Өмірзақұлы Сәрсенбаев, Құралай Һадиқызы Үсенова, Timur Bolatovich Zhunusov"}})
	if got := dialogText(screen(m)); !contains(got, refusal) {
		t.Errorf("the start dialog does not say %q:\n%s", refusal, got)
	}
	if after := len(events(t, s)); after != before {
		t.Errorf("the log grew from %d to %d events", before, after)
	}
	if s.Hall().Phase.Started() {
		t.Error("the exam started")
	}
}

// A refused action shows the refusal in the status line and writes
// nothing: materials for an examinee who already has them.
func TestRefusedActionShowsWhyAndWritesNothing(t *testing.T) {
	s, _ := newHall(t, morning)
	before := len(events(t, s))
	a := run(t, s, newClock("08:47:00"), i18n.EN, 80, 24)
	a.press("m") // Әлия Қасымқызы Нұрланова received hers at 08:45
	m := a.final()
	want := "Әлия Қасымқызы Нұрланова: status “has materials”; “has materials”" // the rest is cut at 80 columns
	if got := screen(m); !contains(got, want) {
		t.Errorf("the status line does not say %q:\n%s", want, got)
	}
	if m.dialog != nil {
		t.Error("a materials form opened for an examinee who has them")
	}
	if after := len(events(t, s)); after != before {
		t.Errorf("the log grew from %d to %d events", before, after)
	}
}

// §1.3: the proposed start is the moment the last examinee received the
// materials; Enter fixes it and the end three hours later.
func TestStartConfirmsTheProposedStartAndEnd(t *testing.T) {
	s, _ := newHall(t, ready)
	a := run(t, s, newClock("08:53:20"), i18n.EN, 80, 24)
	a.press("s")
	a.press("enter")
	if r := a.waitRecorded(recordAction); r.err != nil {
		t.Fatalf("start refused: %v", r.err)
	}
	m := a.final()

	h := s.Hall()
	if h.Phase != exam.PhaseRunning || !h.Start.Equal(at("08:52:10")) || !h.End.Equal(at("11:52:10")) {
		t.Errorf("hall is %s from %v to %v; want running from 08:52:10 to 11:52:10", h.Phase, h.Start, h.End)
	}
	started := ofType(events(t, s), exam.TypeExamStarted)
	if len(started) != 1 {
		t.Fatalf("%d exam.started events, want 1", len(started))
	}
	if d := decode[exam.ExamStartedData](t, started[0]); d.Reason != "" || !d.Start.Equal(at("08:52:10")) {
		t.Errorf("exam.started says %+v", d)
	}
	got := screen(m)
	for _, want := range []string{"start 08:52:10", "end 11:52:10", "time left 2:58:50"} {
		if !strings.Contains(got, want) {
			t.Errorf("the header does not say %q:\n%s", want, got)
		}
	}
}

// A corrected start needs a time of day and a reason; the exam package
// refuses a correction too far back, and the dialog shows its words.
func TestCorrectedStartNeedsAReasonAndStaysWithinTheRules(t *testing.T) {
	s, _ := newHall(t, ready)
	before := len(events(t, s))
	a := run(t, s, newClock("08:53:20"), i18n.EN, 80, 24)
	a.press("s", "c", "ctrl+u")
	a.typeText("8.10")
	a.press("enter") // not a time
	a.press("ctrl+u")
	a.typeText("08:10")
	a.press("enter") // no reason
	a.press("tab")
	a.typeText("the last ticket was recorded late")
	a.press("enter") // 42 minutes back: refused by the rules
	r := a.waitRecorded(recordAction)
	if r.err == nil {
		t.Fatal("a start 42 minutes before the proposal was accepted")
	}
	m := a.final()
	want := en.Error(r.err)
	if got := dialogText(screen(m)); !contains(got, want) {
		t.Errorf("the dialog does not say %q:\n%s", want, got)
	}
	if after := len(events(t, s)); after != before {
		t.Errorf("the log grew from %d to %d events", before, after)
	}

	// Within the 30 minutes it is taken, with its reason.
	a = run(t, s, newClock("08:53:20"), i18n.EN, 80, 24)
	a.press("s", "c", "ctrl+u")
	a.typeText("08:40")
	a.press("tab")
	a.typeText("the last ticket was recorded late")
	a.press("enter")
	if r := a.waitRecorded(recordAction); r.err != nil {
		t.Fatalf("correction refused: %v", r.err)
	}
	a.final()
	started := ofType(events(t, s), exam.TypeExamStarted)
	if len(started) != 1 {
		t.Fatalf("%d exam.started events, want 1", len(started))
	}
	d := decode[exam.ExamStartedData](t, started[0])
	if !d.Start.Equal(at("08:40:00")) || !d.Proposed.Equal(at("08:52:10")) || d.Reason != "the last ticket was recorded late" {
		t.Errorf("exam.started says %+v", d)
	}
}

func TestTypedStartIsReadOnTheHallsDate(t *testing.T) {
	for _, tc := range []struct {
		typed string
		want  string
		ok    bool
	}{
		{"08:40", "08:40:00", true},
		{" 08:40:15 ", "08:40:15", true},
		{"8:40", "08:40:00", true},
		{"25:00", "", false},
		{"08.40", "", false},
		{"", "", false},
	} {
		got, err := parseStart(hallDate, tc.typed)
		if (err == nil) != tc.ok || (tc.ok && !got.Equal(at(tc.want))) {
			t.Errorf("parseStart(%q) = %v, %v; want %s, ok %v", tc.typed, got, err, tc.want, tc.ok)
		}
	}
}

// A file whose log does not verify opens read-only: a banner says so on
// every screen, and every action is refused with that reason.
func TestReadOnlyFileRefusesEveryActionAndSaysWhy(t *testing.T) {
	s, path := newHall(t, morning)
	s.Close()
	tamper(t, path, 3)
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Broken() == nil {
		t.Fatal("a tampered file opened writable")
	}
	before := len(events(t, s))

	a := run(t, s, newClock("08:47:00"), i18n.EN, 80, 24)
	a.press("down", "down", "down", "p", "y", "s", "enter")
	m := a.final()
	got := screen(m)
	banner := m.ctx.BrokenText()
	if !strings.Contains(banner, "3") || !contains(got, banner) {
		t.Errorf("the screen does not say %q:\n%s", banner, got)
	}
	if m.status.text != banner || !m.status.err {
		t.Errorf("the status line says %q, want the refusal %q", m.status.text, banner)
	}
	if m.dialog != nil {
		t.Error("a dialog opened on a read-only file")
	}
	if after := len(events(t, s)); after != before {
		t.Errorf("the log grew from %d to %d events", before, after)
	}

	// The board says it too.
	a = run(t, s, newClock("08:47:00"), i18n.EN, 80, 24)
	a.press("b")
	if got := screen(a.final()); !contains(got, banner) {
		t.Errorf("the board does not say %q:\n%s", banner, got)
	}
}

// tamper flips a byte of event seq's stored body, as an editor would.
func tamper(t *testing.T, path string, seq uint64) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte("events"))
		k := binary.BigEndian.AppendUint64(nil, seq)
		v := append([]byte(nil), b.Get(k)...)
		v[len(v)-3] ^= 1
		return b.Put(k, v)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// The language key cycles English → Russian → Kazakh → English and the
// choice is remembered in the file.
func TestLanguageKeyCyclesAndIsRememberedInTheFile(t *testing.T) {
	s, _ := newHall(t, running)
	a := run(t, s, newClock("09:30:05"), i18n.EN, 80, 24)
	for _, want := range []i18n.Lang{i18n.RU, i18n.KK, i18n.EN, i18n.RU} {
		a.press("L")
		if l := a.waitLang(); l.err != nil || l.lang != want {
			t.Fatalf("language %q (%v), want %q", l.lang, l.err, want)
		}
		if got := s.Setting("lang"); got != string(want) {
			t.Errorf("the file remembers %q, want %q", got, want)
		}
	}
	m := a.final()
	if got := screen(m); !strings.Contains(got, "осталось 2:22:05") {
		t.Errorf("the dashboard is not in Russian:\n%s", got)
	}
	// Opened again with no language asked, it speaks Russian.
	if got := New(Config{Store: s, Clock: newClock("09:30:05")}).ctx.Cat.Lang; got != i18n.RU {
		t.Errorf("reopened in %q, want ru", got)
	}
}

// The help lists every key of the screen: it is generated from the key
// map, so a key in the page's map is in the help.
func TestHelpListsEveryKeyOfTheScreen(t *testing.T) {
	s, _ := newHall(t, running)
	for _, tc := range []struct {
		name string
		keys []string
	}{{"dashboard", []string{"?"}}, {"board", []string{"b", "?"}}, {"examinee's day", []string{"enter", "?"}}} {
		t.Run(tc.name, func(t *testing.T) {
			a := run(t, s, newClock("09:30:05"), i18n.EN, 80, 24)
			a.press(tc.keys...)
			m := a.final()
			got := screen(m)
			for _, group := range m.pages[m.active].FullHelp() {
				for _, b := range group {
					if line := b.Help().Key + " " + b.Help().Desc; !contains(got, b.Help().Desc) || !strings.Contains(got, b.Help().Key) {
						t.Errorf("the help does not list %q:\n%s", line, got)
					}
				}
			}
		})
	}
}

// Once the exam has started, the start key says when, and opens nothing.
func TestStartKeyAfterTheStartSaysWhen(t *testing.T) {
	s, _ := newHall(t, running)
	a := run(t, s, newClock("09:30:05"), i18n.EN, 80, 24)
	a.press("s")
	m := a.final()
	if m.dialog != nil {
		t.Error("the start dialog opened after the start")
	}
	if want := en.T("refusal.already_started", at("08:52:10")); m.status.text != want {
		t.Errorf("status %q, want %q", m.status.text, want)
	}
}
