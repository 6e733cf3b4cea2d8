package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"examday/barcode"
	"examday/exam"
	"examday/store"
)

// undrawnForm asks what happened when the situational sheet of an
// examinee with no situational ticket on record is scanned, or their work
// is handed in by the keys (exam.RefuseSituationalUndrawn): the ticket was
// drawn and not recorded — its number is recorded now, with the sheet or
// the hand-in, in one commit; or the work is handed in without the
// situational problem, for a reason, and the sheet comes back blank.
// Escape records nothing: the sheet is not received.
type undrawnForm struct {
	ctx            *Context
	id, name, seat string
	code           barcode.Code // the situational sheet scanned; zero for a hand-in by the keys
	without        bool         // the second answer is chosen
	input          textinput.Model
	// same asks about a number another examinee drew, as the situational
	// ticket form does; its typed is what was typed (number or reason).
	same    sameTicket
	err     string
	pending bool
}

// undrawnAnsweredMsg is the file's answer to the form's decision.
type undrawnAnsweredMsg struct {
	records []store.Record
	err     error
}

func newUndrawnForm(c *Context, e *exam.Examinee, code barcode.Code) (*undrawnForm, tea.Cmd) {
	f := &undrawnForm{ctx: c, id: e.ID, name: e.FullName, seat: e.Seat, code: code}
	return f, f.prompt()
}

// prompt sets the text input for the answer chosen.
func (f *undrawnForm) prompt() tea.Cmd {
	c := f.ctx
	if f.without {
		f.input = c.newInput(c.Cat.T("ui.hand_in.forced"), 300)
	} else {
		f.input = c.newInput(c.Cat.T("ui.situational.ticket"), maxTyped) // too long is refused on Enter, not cut
	}
	return f.input.Focus()
}

func (f *undrawnForm) ShortHelp() []key.Binding {
	k := f.ctx.Keys
	if f.same.asking() {
		return []key.Binding{k.Yes, k.No}
	}
	return []key.Binding{k.Choose, k.Confirm, k.Cancel}
}

func (f *undrawnForm) FullHelp() [][]key.Binding { return [][]key.Binding{f.ShortHelp()} }

func (f *undrawnForm) Update(msg tea.Msg) (dialog, tea.Cmd) {
	c := f.ctx
	switch msg := msg.(type) {
	case undrawnAnsweredMsg:
		f.pending = false
		switch {
		case f.same.refused(msg.err, &f.input):
			f.err = ""
			return f, nil
		case msg.err != nil:
			f.err = c.ErrorText(msg.err)
			return f, nil
		}
		return nil, f.answered(msg.records)
	case tea.KeyPressMsg:
		if f.pending {
			return f, nil
		}
		k := c.Keys
		if f.same.asking() {
			return f, f.same.key(c, msg, &f.input, func() tea.Cmd { return f.record(true) })
		}
		switch {
		case key.Matches(msg, k.Cancel):
			return nil, nil
		case key.Matches(msg, k.Choose):
			f.without, f.err = !f.without, ""
			return f, f.prompt()
		case key.Matches(msg, k.Confirm):
			f.same.typed = strings.TrimSpace(f.input.Value())
			return f, f.record(false)
		}
	}
	if f.same.asking() {
		return f, nil
	}
	var cmd tea.Cmd
	f.input, cmd = f.input.Update(msg)
	return f, cmd
}

// record commits the answer: the ticket with the sheet or the hand-in,
// or the hand-in (or the blank sheet) without the situational problem.
func (f *undrawnForm) record(confirmDuplicate bool) tea.Cmd {
	c := f.ctx
	f.pending, f.err = true, ""
	id, code, typed, without := f.id, f.code, f.same.typed, f.without
	s, clock := c.Store, c.Clock
	return func() tea.Msg {
		recs, err := s.Do(func(h *exam.Hall) ([]exam.Event, error) {
			now := clock.Now()
			switch {
			case code.IsZero() && without:
				return h.HandInWithoutSituational(id, typed, now, h.Officer)
			case code.IsZero():
				return h.HandInWithTicket(id, typed, confirmDuplicate, now, h.Officer)
			case without:
				return h.ReceiveBlankSituational(code, typed, now, h.Officer)
			}
			return h.ReceiveSheetWithTicket(code, typed, confirmDuplicate, now, h.Officer)
		})
		return undrawnAnsweredMsg{records: recs, err: err}
	}
}

// answered hands the committed records on as what they are: a scan
// answered (its banner, the roster read again), or a hand-in recorded.
func (f *undrawnForm) answered(recs []store.Record) tea.Cmd {
	c := f.ctx
	if !f.code.IsZero() {
		code := f.code
		return func() tea.Msg { return scannedMsg{code: code, records: recs} }
	}
	name := f.name
	s := c.Store
	return func() tea.Msg {
		return recordedMsg{kind: recordAction, records: recs, hall: after(s, recs), done: "ui.done.hand_in", doneArgs: []any{name}}
	}
}

func (f *undrawnForm) View() string {
	c := f.ctx
	s := c.Styles
	T := c.Cat.T
	var b strings.Builder
	if f.code.IsZero() {
		b.WriteString(T("ui.undrawn.hand_in", f.seat))
	} else {
		b.WriteString(T("ui.undrawn.sheet", f.code.Grouped(), f.seat))
	}
	b.WriteString("\n\n")
	answers := []string{T("ui.undrawn.drawn"), T("ui.undrawn.without")}
	for i, a := range answers {
		mark := "  "
		if (i == 1) == f.without {
			mark = "▸ "
			a = s.Bold.Render(a)
		}
		b.WriteString(mark + a + "\n")
	}
	b.WriteString("\n" + f.input.View())
	b.WriteString(f.same.view(c))
	escape := T("ui.undrawn.escape")
	if f.code.IsZero() {
		escape = T("ui.undrawn.escape_hand_in")
	}
	b.WriteString("\n" + s.Dim.Render(escape))
	return c.dialogBox(T("ui.undrawn.title", f.name), b.String(), f.err, f)
}
