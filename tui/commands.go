package tui

import (
	"errors"

	tea "charm.land/bubbletea/v2"

	"examday/barcode"
	"examday/exam"
	"examday/i18n"
	"examday/store"
)

// recordKind says who asked for a record: the officer, or the clock.
type recordKind int

const (
	recordAction recordKind = iota // a key the officer pressed
	recordClock                    // warnings and time-up due
	recordJump                     // a jump of the system clock
)

// recordedMsg is the file's answer to a store.Do: the records committed
// (and fsynced), or why nothing was.
type recordedMsg struct {
	kind    recordKind
	records []store.Record
	err     error
	// hall is the state read from the file after the commit, by the
	// command: the UI loop never waits on the file (scan.go).
	hall *exam.Hall
	// done is the status line's text on success: a catalogue key and its
	// arguments, put into words when the answer arrives.
	done     string
	doneArgs []any
	// describe, if set, puts what was recorded into words instead of
	// done: the status line then says what the file holds (the overrun the
	// rules computed at the moment of the return, a wrong PIN).
	describe func(c *Context, recs []store.Record) string
}

// record runs decide in the store, off the UI loop, and answers with a
// recordedMsg. Decisions are the exam package's; they run on the state as
// it is in the file at that moment, not on the screen's copy.
func (c *Context) record(kind recordKind, done string, doneArgs []any, decide store.Decision) tea.Cmd {
	s := c.Store
	return func() tea.Msg {
		recs, err := s.Do(decide)
		return recordedMsg{kind: kind, records: recs, err: err, hall: after(s, recs), done: done, doneArgs: doneArgs}
	}
}

// after reads the state from the file once recs are committed; nil when
// nothing was.
func after(s *store.Store, recs []store.Record) *exam.Hall {
	if len(recs) == 0 {
		return nil
	}
	return s.Hall()
}

// recordDescribed is record with the status line's words made from the
// records committed.
func (c *Context) recordDescribed(describe func(c *Context, recs []store.Record) string, decide store.Decision) tea.Cmd {
	s := c.Store
	return func() tea.Msg {
		recs, err := s.Do(decide)
		return recordedMsg{kind: recordAction, records: recs, err: err, hall: after(s, recs), describe: describe}
	}
}

// one turns a single-event decision into a store.Decision.
func one(decide func(h *exam.Hall) (exam.Event, error)) store.Decision {
	return func(h *exam.Hall) ([]exam.Event, error) {
		ev, err := decide(h)
		if err != nil {
			return nil, err
		}
		return []exam.Event{ev}, nil
	}
}

// onRecorded reads the hall again after the store answered, puts the answer
// in the status line and raises the clock's alerts. The open dialog is
// told too, so it can close or show the refusal.
func (m Model) onRecorded(msg recordedMsg) (tea.Model, tea.Cmd) {
	c := m.ctx
	var cmds []tea.Cmd
	m.noteWrite(msg.err, len(msg.records) > 0)
	if msg.err != nil {
		m.status = status{text: c.ErrorText(msg.err), err: true}
	} else if len(msg.records) > 0 {
		m.adopt(msg.hall)
		switch {
		case msg.describe != nil:
			m.status = status{text: msg.describe(c, msg.records)}
		case msg.done != "":
			m.status = status{text: c.Cat.T(msg.done, msg.doneArgs...)}
		}
		for _, r := range msg.records {
			switch r.Event.Type {
			case exam.TypeWarning:
				if w, err := exam.Decode[exam.WarningData](r.Event); err == nil {
					m.alerts.Warnings = append(m.alerts.Warnings, w.MinutesLeft)
				}
				cmds = append(cmds, bell)
			case exam.TypeTimeUp:
				m.alerts.TimeUp = true
				cmds = append(cmds, bell)
			case exam.TypeClockJump:
				m.alerts.Jump = true
			}
		}
	}
	if len(msg.records) > 0 {
		// The examinee's day on screen is read again from the file.
		cmds = append(cmds, m.pages[pageDetail].(*detail).reload())
	}
	m.layout()
	if m.dialog != nil && msg.kind == recordAction {
		var cmd tea.Cmd
		m.dialog, cmd = m.dialog.Update(msg)
		cmds = append(cmds, cmd)
	}
	return m, tea.Batch(cmds...)
}

// noteWrite keeps, from a commit's answer, whether the file could be
// written: an error that is no refusal of the rules and not the file's
// read-only state is the disk's or the system's (full, failing, gone),
// and stays on screen until a commit is written again.
func (m *Model) noteWrite(err error, wrote bool) {
	switch {
	case err == nil && wrote:
		m.writeFailed = nil
	case err != nil && writeFailure(err):
		m.writeFailed = err
	}
}

// writeFailure reports whether err is a failure to write, not a refusal.
func writeFailure(err error) bool {
	var refusal *exam.Refusal
	var roster *exam.RosterError
	var code *barcode.Error
	return !errors.As(err, &refusal) && !errors.As(err, &roster) && !errors.As(err, &code) &&
		!errors.Is(err, store.ErrReadOnly)
}

// bell rings the terminal's bell: a warning must not go unnoticed.
var bell = tea.Raw("\a")

// langSavedMsg answers a change of language.
type langSavedMsg struct {
	lang i18n.Lang
	err  error
}

// saveLang remembers the language in the file (a preference of this
// laptop, not a fact of the exam).
func saveLang(s *store.Store, l i18n.Lang) tea.Cmd {
	return func() tea.Msg {
		return langSavedMsg{lang: l, err: s.SetSetting("lang", string(l))}
	}
}

// onLangSaved switches the language. A read-only file cannot remember it,
// but the officer still gets the language asked for.
func (m Model) onLangSaved(msg langSavedMsg) (tea.Model, tea.Cmd) {
	m.ctx.SetLang(msg.lang)
	m.look++
	if msg.err != nil {
		m.status = status{text: m.ctx.Cat.T("ui.lang.not_saved", m.ctx.ErrorText(msg.err)), err: true}
	} else {
		m.status = status{text: m.ctx.Cat.T("ui.lang.changed")}
	}
	m.layout()
	return m, nil
}
