package tui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"examday/exam"
	"examday/i18n"
	"examday/store"
)

// The hall's time zone: every time on screen is the laptop's local time,
// so the tests fix it (UTC+5, as in Astana and Almaty).
func TestMain(m *testing.M) {
	time.Local = time.FixedZone("UTC+5", 5*60*60)
	os.Exit(m.Run())
}

const (
	hallDate = "2027-06-21"
	officer  = "Капитан Сейтқали А."
	chairman = "Омарова Г. К."
	// chairmanPIN is the PIN of the test halls' chairman (§2.3).
	chairmanPIN = "2468"
)

// pinHash is the hash of chairmanPIN, made once: argon2 is slow on
// purpose, and every test hall keeps the same one.
var pinHash = sync.OnceValue(func() string {
	h, err := exam.HashPIN(chairmanPIN)
	if err != nil {
		panic(err)
	}
	return h
})

// at is a time of day on the hall's date.
func at(hms string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04:05", hallDate+" "+hms, time.Local)
	if err != nil {
		panic(err)
	}
	return t
}

// fakeClock is the clock of a test: it stands still until told.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func newClock(hms string) *fakeClock { return &fakeClock{now: at(hms)} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

// The roster of the small hall: Kazakh, Russian and Latin names, master's
// and doctoral programmes.
var smallRoster = []exam.RosterRow{
	{ID: "M-01", FullName: "Әлия Қасымқызы Нұрланова", Programme: "7M04203", IDDocument: "N04512837", Seat: "1"},
	{ID: "M-02", FullName: "Иван Сергеевич Петров", Programme: "7M04203", IDDocument: "N05128846", Seat: "2"},
	{ID: "M-03", FullName: "Dana Serikovna Akhmetova", Programme: "7M12301", IDDocument: "N03377125", Seat: "3"},
	{ID: "M-04", FullName: "Ғалым Өмірзақұлы Сәрсенбаев", Programme: "7M12303", IDDocument: "N07745012", Seat: "4"},
	{ID: "D-01", FullName: "Құралай Һадиқызы Үсенова", Programme: "8D04201", IDDocument: "N09937261", Seat: "5"},
	{ID: "D-02", FullName: "Timur Bolatovich Zhunusov", Programme: "8D12301", IDDocument: "N01198354", Seat: "6"},
}

// stage is how far the small hall's morning has gone.
type stage int

const (
	// morning: two present (one with materials), one absent, three unmarked.
	morning stage = iota
	// ready: everyone marked, every present examinee has materials; the
	// last materials were issued at 08:52:10.
	ready
	// running: started at 08:52:10, ends at 11:52:10.
	running
)

// step is one recorded action of the small hall's morning.
type step struct {
	stage stage
	do    func(h *exam.Hall) (exam.Event, error)
}

func morningSteps() []step {
	arrive := func(id, hms string) func(h *exam.Hall) (exam.Event, error) {
		return func(h *exam.Hall) (exam.Event, error) { return h.Arrive(id, at(hms), officer) }
	}
	absent := func(id, hms string) func(h *exam.Hall) (exam.Event, error) {
		return func(h *exam.Hall) (exam.Event, error) { return h.MarkAbsent(id, at(hms), officer) }
	}
	issue := func(id, ticket, hms string) func(h *exam.Hall) (exam.Event, error) {
		return func(h *exam.Hall) (exam.Event, error) { return h.IssueMaterials(id, ticket, "", at(hms), officer) }
	}
	return []step{
		{morning, arrive("M-01", "08:40:10")},
		{morning, absent("M-02", "08:41:00")},
		{morning, arrive("M-03", "08:42:30")},
		{morning, issue("M-01", "17", "08:45:00")},
		{ready, issue("M-03", "5", "08:50:00")},
		{ready, arrive("M-04", "08:43:00")},
		{ready, issue("M-04", "23", "08:51:30")},
		{ready, arrive("D-01", "08:44:00")},
		{ready, absent("D-02", "08:44:30")},
		{ready, issue("D-01", "3", "08:52:10")},
		{running, func(h *exam.Hall) (exam.Event, error) {
			proposed, err := h.ProposeStart()
			if err != nil {
				return exam.Event{}, err
			}
			return h.StartExam(proposed, "", at("08:53:00"), officer)
		}},
	}
}

// newHall makes the small hall in a new file, as far as st, and returns
// the open store and its path.
func newHall(t testing.TB, st stage) (*store.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "hall.db")
	s, err := store.Open(path, store.Options{Create: true, Program: "tui test"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	_, err = s.DoWithSecret(store.SecretChairmanPIN, pinHash(), func(h *exam.Hall) ([]exam.Event, error) {
		return h.CreateHall(exam.HallSetup{
			Name: "Аудитория 204", Date: hallDate, Officer: officer, Chairman: chairman,
			Members: []string{"Кузнецов Д. А."},
		}, smallRoster, at("08:30:00"), officer)
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, st2 := range morningSteps() {
		if st2.stage > st {
			break
		}
		if _, err := s.Do(one(st2.do)); err != nil {
			t.Fatal(err)
		}
	}
	return s, path
}

// app is a running program under test: keys go in, the store's answers are
// watched, and the final model is looked at.
type app struct {
	t        *testing.T
	tm       *teatest.TestModel
	s        *store.Store
	recorded chan recordedMsg
	langs    chan langSavedMsg
	scanned  chan scannedMsg
	halls    chan hallReadMsg
	// filesDone: a file action from the screen ended (files.go).
	filesDone chan fileDoneMsg
	// days: an examinee's day read for the detail page.
	days chan dayReadMsg
	keys *keyClock
}

// daysAsked asks the model, through the filter, whether the detail page
// still waits for a read of the day.
type daysAsked struct{ reading chan bool }

// keyClock is the key clock of a test: it moves only when the filter of
// run says a key arrived, by the gap the test gave.
type keyClock struct {
	mu sync.Mutex
	t  time.Duration
}

func (k *keyClock) now() time.Duration {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.t
}

func (k *keyClock) advance(d time.Duration) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.t += d
}

// humanGap is the time before a key sent without one: a person typing.
const humanGap = 200 * time.Millisecond

// timedKey is a key that arrives gap after the one before it.
type timedKey struct {
	key tea.KeyPressMsg
	gap time.Duration
}

// keyPause is a pause in the typing, after which the idle tick comes.
type keyPause struct{ d time.Duration }

// run starts the application on s at width×height with the clock's timer
// off: ticks are sent by the test.
func run(t *testing.T, s *store.Store, clock Clock, lang i18n.Lang, width, height int) *app {
	t.Helper()
	return runWithFiles(t, s, clock, lang, width, height, nil)
}

// runWithFiles is run with the day's files made by files.
func runWithFiles(t *testing.T, s *store.Store, clock Clock, lang i18n.Lang, width, height int, files FileActions) *app {
	t.Helper()
	a := &app{t: t, s: s, recorded: make(chan recordedMsg, 64), langs: make(chan langSavedMsg, 8),
		scanned: make(chan scannedMsg, 4096), halls: make(chan hallReadMsg, 4096), keys: &keyClock{},
		filesDone: make(chan fileDoneMsg, 8), days: make(chan dayReadMsg, 4096)}
	// The filter sees each message before Update does; messages are
	// handled in order, so a key sent after a record was seen here lands
	// after the model took in the store's answer. It also moves the key
	// clock as each key arrives (timedKey), so the burst filter sees the
	// gaps the test meant, however fast the test sends.
	filter := func(m tea.Model, msg tea.Msg) tea.Msg {
		switch msg := msg.(type) {
		case recordedMsg:
			a.recorded <- msg
		case langSavedMsg:
			a.langs <- msg
		case scannedMsg:
			a.scanned <- msg
		case hallReadMsg:
			a.halls <- msg
		case fileDoneMsg:
			a.filesDone <- msg
		case dayReadMsg:
			a.days <- msg
		case daysAsked:
			// The model as it is after every message sent before.
			msg.reading <- m.(Model).pages[pageDetail].(*detail).reading()
			return nil
		case timedKey:
			a.keys.advance(msg.gap)
			return msg.key
		case tea.KeyPressMsg:
			a.keys.advance(humanGap)
		case keyPause:
			// Nothing typed for a while: the idle tick the program's
			// timer would send.
			a.keys.advance(msg.d)
			return scanIdleMsg{}
		}
		return msg
	}
	m := New(Config{Store: s, Clock: clock, Lang: lang, KeyClock: a.keys.now, Files: files})
	m.timer = false
	a.tm = teatest.NewTestModel(t, m,
		teatest.WithInitialTermSize(width, height),
		teatest.WithProgramOptions(tea.WithFilter(filter)))
	return a
}

// press sends keys as the keyboard would: "enter", "esc", "tab", "up" …
// or a single character. Each key comes once the day the detail page
// asked for is read, as a person presses a key looking at the screen.
func (a *app) press(keys ...string) {
	a.t.Helper()
	for _, k := range keys {
		if k == "pause" {
			a.pause()
			continue
		}
		a.readDays()
		a.tm.Send(keyPress(k))
	}
}

// pause stops typing long enough for the burst filter to hand on what it
// held: a person's last digit reaches the field.
func (a *app) pause() { a.idle(time.Second) }

// idle lets d pass with no key: the idle tick comes, and its second look.
func (a *app) idle(d time.Duration) {
	a.tm.Send(keyPause{d: d})
	a.tm.Send(keyPause{})
}

// typeText types text character by character.
func (a *app) typeText(text string) {
	for _, r := range text {
		a.tm.Send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func keyPress(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "home":
		return tea.KeyPressMsg{Code: tea.KeyHome}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "delete":
		return tea.KeyPressMsg{Code: tea.KeyDelete}
	case "ctrl+u":
		return tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// waitRecorded waits for the store's next answer to an action of kind.
func (a *app) waitRecorded(kind recordKind) recordedMsg {
	a.t.Helper()
	timeout := time.After(5 * time.Second)
	for {
		select {
		case r := <-a.recorded:
			if r.kind == kind {
				return r
			}
		case <-timeout:
			a.t.Fatalf("no answer from the store")
			return recordedMsg{}
		}
	}
}

func (a *app) waitLang() langSavedMsg {
	a.t.Helper()
	select {
	case l := <-a.langs:
		return l
	case <-time.After(5 * time.Second):
		a.t.Fatalf("the language was not saved")
		return langSavedMsg{}
	}
}

// readDays waits until the detail page has every read of the day it
// asked for: the day arrives a message after the key or the commit that
// asked (dayReadMsg).
func (a *app) readDays() {
	a.t.Helper()
	timeout := time.After(5 * time.Second)
	for {
		q := daysAsked{reading: make(chan bool, 1)}
		a.tm.Send(q)
		select {
		case reading := <-q.reading:
			if !reading {
				return
			}
		case <-timeout:
			a.t.Fatalf("the model did not answer")
		}
		select {
		case <-a.days:
		case <-timeout:
			a.t.Fatalf("the day was not read")
		}
	}
}

// final quits, once the day on the detail page is read, and returns the
// model as it was at the end.
func (a *app) final() Model {
	a.t.Helper()
	a.readDays()
	if err := a.tm.Quit(); err != nil {
		a.t.Fatal(err)
	}
	return a.tm.FinalModel(a.t, teatest.WithFinalTimeout(5*time.Second)).(Model)
}

// screen is the model's frame as text: colour stripped, trailing spaces
// cut.
func screen(m Model) string {
	text := ansi.Strip(m.View().Content)
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n") + "\n"
}

// events returns every event in the file.
func events(t testing.TB, s *store.Store) []exam.Event {
	t.Helper()
	var out []exam.Event
	if err := s.Events(1, func(r store.Record) error {
		out = append(out, r.Event)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// ofType returns the events of type typ.
func ofType(evs []exam.Event, typ string) []exam.Event {
	var out []exam.Event
	for _, ev := range evs {
		if ev.Type == typ {
			out = append(out, ev)
		}
	}
	return out
}

func decode[T any](t testing.TB, ev exam.Event) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(ev.Data, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

var spaces = regexp.MustCompile(`\s+`)

// contains reports whether text says needle, whatever the line breaks.
func contains(text, needle string) bool {
	return strings.Contains(spaces.ReplaceAllString(text, " "), spaces.ReplaceAllString(needle, " "))
}

// dialogText is the text inside the dialog's border on screen, its lines
// joined.
func dialogText(screenText string) string {
	var parts []string
	for _, l := range strings.Split(screenText, "\n") {
		i, j := strings.Index(l, "│"), strings.LastIndex(l, "│")
		if i >= 0 && j > i {
			parts = append(parts, strings.TrimSpace(l[i+len("│"):j]))
		}
	}
	return strings.Join(parts, " ")
}
