// Package tui is the officer's screen: Bubble Tea models only. A root
// model holds the pages (the dashboard, an examinee's day and the board),
// the dialog open over them, the help overlay, the clock, the alerts, the
// scan's banner and the status line; what the pages and dialogs share is
// one small Context (the file, the clock, the words, the look, the keys,
// the size and the hall as read).
//
// Data flows one way: a key opens a dialog or asks the store to record an
// action (a tea.Cmd calling store.Do, where the exam package decides); the
// store's answer comes back as a message; only then is the hall read again
// from the file and the screen changed. A refusal is shown in words and
// changes nothing.
package tui

import (
	"errors"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"examday/exam"
	"examday/i18n"
	"examday/store"
)

// Clock is where the time comes from: the system clock with its monotonic
// reading in the program, a fake one in tests.
type Clock interface{ Now() time.Time }

// Config is what the command line hands to the UI.
type Config struct {
	Store *store.Store
	Clock Clock
	// Lang is the language to start in; "" means the one remembered in the
	// file, else English.
	Lang i18n.Lang
	// KeyClock is when a key arrives, by a monotonic clock: the burst
	// filter (scan.go) tells a scanner from a person by it. nil is the
	// program's own clock; tests give a fake one.
	KeyClock func() time.Duration
	// Warning is shown on the status line of the first frame (a signing
	// key others can read), already in the screen's language.
	Warning string
	// Files makes the day's files from the screen (files.go): the
	// binary's commands, on this store. nil offers none.
	Files FileActions
}

// page is one full screen under the header banners. Pages return strings;
// only the root builds the tea.View.
type page interface {
	help.KeyMap
	SetSize(width, height int)
	// SetFrame hands the page what it draws of the root's state.
	SetFrame(frame)
	// Update answers the root: the dialog a key opens, a refusal for the
	// status line, a command.
	Update(tea.Msg) reply
	View() string
}

// dialog is a small window over a page that has the keyboard while it is
// open (a focused text input gets every key first). A page opens one in
// the reply of its Update; the dialog's Update returns nil when it
// closes.
type dialog interface {
	help.KeyMap
	Update(tea.Msg) (dialog, tea.Cmd)
	View() string
}

type pageID int

const (
	pageDashboard pageID = iota
	pageBoard
	pageDetail
	pageSheets
)

// Model is the root model.
type Model struct {
	ctx    *Context
	pages  map[pageID]page
	active pageID
	// under is the page the board was opened from, to go back to.
	under pageID
	// showHelp is the help overlay over the active page.
	showHelp bool
	help     help.Model
	clock    clockState
	// timer runs the clock's ticks; tests turn it off and send ticks.
	timer bool
	// sheetsFrom is the page the reconciliation was opened from.
	sheetsFrom pageID
	// keyClock and burst are the burst filter's (scan.go).
	keyClock func() time.Duration
	burst    burst
	// files makes the day's files (Config.Files).
	files FileActions
	// act is the hall's actions the root's own keys run (void).
	act actions

	// dialog is the dialog open over the page, which has the keyboard.
	dialog dialog
	// status is the line that answers the last action.
	status status

	// alerts are the clock's alerts not acknowledged yet.
	alerts alerts
	// writeFailed is why the last commit could not be written (a full
	// disk, an I/O error, a stick pulled out), until one is written again:
	// a banner that stays says that nothing was recorded.
	writeFailed error
	// scan is the answer to the last scan, on its banner until it expires.
	scan *scanResult
	// typed is a code a person is typing on a page (scan.go).
	typed string
	// look counts the changes of styles and language, for what is drawn
	// once and kept (a scan's banner).
	look int
}

// New builds the application on an open store.
func New(cfg Config) Model {
	lang := cfg.Lang
	if lang == "" {
		if l, ok := i18n.ParseLang(cfg.Store.Setting("lang")); ok {
			lang = l
		} else {
			lang = i18n.EN
		}
	}
	now := cfg.Clock.Now()
	ctx := &Context{
		Store:  cfg.Store,
		Clock:  cfg.Clock,
		Styles: NewStyles(true),
		Width:  80,
		Height: 24,
		Hall:   cfg.Store.Hall(),
		Now:    now.Round(0),
		Broken: cfg.Store.Broken(),

		Delivery: cfg.Store.Delivery(),
	}
	ctx.SetLang(lang)
	keyClock := cfg.KeyClock
	if keyClock == nil {
		keyClock = defaultKeyClock()
	}
	act := actions{ctx: ctx}
	m := Model{
		ctx: ctx,
		pages: map[pageID]page{
			pageDashboard: newDashboard(ctx, act),
			pageBoard:     newBoard(ctx),
			pageDetail:    newDetail(ctx, act),
			pageSheets:    newSheetsPage(ctx, act),
		},
		act:      act,
		active:   pageDashboard,
		help:     help.New(),
		clock:    clockState{started: now},
		timer:    true,
		keyClock: keyClock,
		files:    cfg.Files,
	}
	if cfg.Warning != "" {
		m.status = status{text: cfg.Warning, err: true}
	}
	m.layout()
	return m
}

// Init asks the terminal for its background, reads the clock at once (a
// warning or the end passed while the program was not running is given
// on the first tick) and checks every event's signature, and that the
// state is the projection of the log, behind the first frame: Open checks
// only the latest signatures, and all of them take a second or two on a
// big hall, too long to keep the officer from the screen.
func (m Model) Init() tea.Cmd {
	check := verifySignatures(m.ctx.Store)
	if !m.timer {
		return tea.Batch(tea.RequestBackgroundColor, check)
	}
	return tea.Batch(tea.RequestBackgroundColor, m.clock.readNow(m.ctx.Clock), check)
}

// signaturesCheckedMsg is the answer of the check of every signature
// (and of the projection), with why the store made the file read-only
// if it failed.
type signaturesCheckedMsg struct{ err, broken error }

func verifySignatures(s *store.Store) tea.Cmd {
	if s.Broken() != nil {
		return nil // already read-only, and the screen says why
	}
	checked := func(err error) tea.Msg {
		if err == nil {
			return signaturesCheckedMsg{}
		}
		return signaturesCheckedMsg{err: err, broken: s.Broken()}
	}
	return func() tea.Msg {
		// The state first: the store records nothing until it is compared
		// with the log, so an officer's first key waits for this alone.
		if err := s.VerifyProjection(); err != nil {
			return checked(err)
		}
		err := s.VerifySignatures()
		if errors.Is(err, store.ErrUnsigned) {
			err = nil // a file of before signatures, opened read-only: nothing to check
		}
		if err == nil {
			// And that the state on screen is the log's: a state record
			// damaged in a way that still reads would be shown as it stands.
			err = s.VerifyProjection()
		}
		return checked(err)
	}
}

// Update handles the messages every page cares about first (size, colours,
// the clock, the store's answers), then keys: quitting always, a dialog's
// keys before anything else, then the global keys, then the active page.
// The pages are then handed what they draw of the root's state.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	next, cmd := m.update(msg)
	n := next.(Model)
	n.setFrame()
	return n, cmd
}

func (m Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.ctx.Width, m.ctx.Height = msg.Width, msg.Height
		m.layout()
		return m, nil
	case signaturesCheckedMsg:
		if msg.err != nil {
			// The store made itself read-only; every screen now says why.
			m.ctx.Broken = msg.broken
			if m.ctx.Broken == nil {
				m.ctx.Broken = msg.err
			}
			m.status = status{text: m.ctx.BrokenText(), err: true}
		}
		return m, nil
	case tea.BackgroundColorMsg:
		m.ctx.Styles = NewStyles(msg.IsDark())
		m.look++
		return m, nil
	case tickMsg:
		return m.onTick(msg)
	case recordedMsg:
		return m.onRecorded(msg)
	case langSavedMsg:
		return m.onLangSaved(msg)
	case scannedMsg:
		return m.onScanned(msg)
	case hallReadMsg:
		return m.onHallRead(msg)
	case secondBellMsg:
		return m, bell
	case scanIdleMsg:
		return m.onScanIdle()
	case dayReadMsg:
		// Whatever is open: the day is the detail page's, shown or not.
		m.pages[pageDetail].(*detail).onDayRead(msg)
		return m, nil
	case fileDoneMsg:
		// The end of the open form's run is the root's status line; the
		// form is told below.
		if f, ok := m.dialog.(*fileForm); ok && f == msg.form {
			m.afterFileAction(msg)
		}
	case undrawnAnsweredMsg:
		// The dialog that asked has the answer; a failure to write is
		// the root's banner.
		if msg.err != nil {
			m.noteWrite(msg.err, false)
		}
	case tea.KeyPressMsg:
		return m.onKeyPress(msg)
	case tea.PasteMsg:
		if m.dialog == nil && !m.showHelp {
			// A code pasted on a page is a code typed there: Enter
			// takes it in.
			pasted := []rune(strings.TrimSpace(msg.Content))
			m.typed = string(pasted[:min(len(pasted), maxTyped)])
			m.layout()
			return m, nil
		}
	}
	// Anything else (a text input's cursor blink …) goes where the focus is.
	if m.dialog != nil {
		var cmd tea.Cmd
		m.dialog, cmd = m.dialog.Update(msg)
		return m, cmd
	}
	return m, m.apply(m.pages[m.active].Update(msg))
}

// adopt takes the state a command read from the file after its commit:
// the hall as read, which every page draws. Commands answer in any order:
// an older state than the one on screen is not taken.
func (m *Model) adopt(h *exam.Hall) {
	if h != nil && h.LastSeq >= m.ctx.Hall.LastSeq {
		m.ctx.Hall = h
	}
}

// apply takes a page's reply: the dialog it opens, its words for the
// status line; it returns the command to run.
func (m *Model) apply(r reply) tea.Cmd {
	if r.open != nil {
		m.dialog = r.open
	}
	if r.say.text != "" {
		m.status = r.say
	}
	return r.cmd
}

// onKey routes a key the burst filter handed on.
func (m Model) onKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.ctx.Keys
	// A dialog has the keyboard: its text inputs get every key, and
	// nothing below sees them.
	if m.dialog != nil {
		return m.keyToDialog(msg)
	}
	if m.showHelp {
		switch {
		case key.Matches(msg, k.Quit):
			return m, tea.Quit
		case key.Matches(msg, k.Help, k.Back):
			m.showHelp = false
		}
		return m, nil
	}
	// A code typed on a page, where no text field takes the keys.
	if cmd, ok := m.typeCode(msg); ok {
		return m, cmd
	}
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Help):
		m.showHelp = true
		return m, nil
	case key.Matches(msg, k.Lang):
		return m, saveLang(m.ctx.Store, m.ctx.Cat.Lang.Next())
	case key.Matches(msg, k.Ack) && m.alerts.pending():
		m.alerts.ack()
		m.layout()
		return m, nil
	case key.Matches(msg, k.Board):
		if m.active == pageBoard {
			m.active = m.under
		} else {
			m.under, m.active = m.active, pageBoard
		}
		return m, nil
	case m.active == pageBoard && key.Matches(msg, k.Back):
		m.active = m.under
		return m, nil
	case key.Matches(msg, k.Files):
		if m.files == nil {
			m.status = status{text: m.ctx.Cat.T("ui.files.unavailable"), err: true}
			return m, nil
		}
		m.dialog = newFilesMenu(m.ctx, m.files)
		return m, nil
	case key.Matches(msg, k.Void):
		return m, m.apply(m.act.voidSheet())
	case key.Matches(msg, k.Reconcile) && m.active != pageSheets:
		m.sheetsFrom, m.active = m.active, pageSheets
		m.pages[pageSheets].(*sheetsPage).show()
		return m, nil
	case m.active == pageSheets && key.Matches(msg, k.Back, k.Reconcile):
		m.active = m.sheetsFrom
		return m, nil
	case m.active == pageDetail && key.Matches(msg, k.Back):
		m.active = pageDashboard
		return m, nil
	case m.active == pageDashboard && key.Matches(msg, k.Open):
		if e := m.pages[pageDashboard].(*dashboard).selected(); e != nil {
			m.active = pageDetail
			return m, m.pages[pageDetail].(*detail).show(e.ID)
		}
		return m, nil
	}
	return m, m.apply(m.pages[m.active].Update(msg))
}

// keyToDialog is the one way a key reaches a text field: every text
// field of the application is in a dialog, and the open dialog has the
// keyboard. The burst filter in front of it (onKeyPress, scan.go) keeps
// a barcode scanner's burst of digits out of the text fields.
func (m Model) keyToDialog(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	m.dialog, cmd = m.dialog.Update(msg)
	return m, cmd
}

// layout gives every page the room left under the banners of the root.
func (m *Model) layout() {
	h := m.ctx.Height - len(m.topBanners())
	for _, p := range m.pages {
		p.SetSize(m.ctx.Width, max(h, 1))
	}
	m.help.SetWidth(m.ctx.Width)
	m.setFrame()
}

// setFrame hands every page what it draws of the root's state.
func (m *Model) setFrame() {
	f := m.frame()
	for _, p := range m.pages {
		p.SetFrame(f)
	}
}

// View draws the active page (or the help over it) under the banners that
// are on every screen, and the open dialog on top.
func (m Model) View() tea.View {
	body := m.pages[m.active].View()
	if m.showHelp {
		body = m.helpView()
	}
	if banners := m.topBanners(); len(banners) > 0 {
		body = joinLines(append(banners, body)...)
	}
	if m.dialog != nil {
		body = overlay(body, m.dialog.View(), m.ctx.Width, m.ctx.Height)
		// A scan's answer, first of the banners, stays over the dialog
		// too: it must not go unseen whatever the officer was doing.
		if banner := m.scanBanner(m.ctx.Width); banner != "" {
			body = overlayAt(body, banner, 0, 0, m.ctx.Width, m.ctx.Height)
		}
	}
	v := tea.NewView(clip(body, m.ctx.Width, m.ctx.Height))
	v.AltScreen = true
	v.WindowTitle = m.ctx.Cat.T("ui.window_title", m.ctx.Hall.Name)
	return v
}

// clip cuts a frame to the screen: on a terminal smaller than a page was
// drawn for, nothing wraps and the top stays in place.
func clip(frame string, width, height int) string {
	lines := strings.Split(frame, "\n")
	if len(lines) > height {
		lines = lines[:max(height, 1)]
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > width {
			lines[i] = ansi.Truncate(l, width, "")
		}
	}
	return strings.Join(lines, "\n")
}
