package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"examday/exam"
)

// situationalForm records the situational ticket an examinee drew (§1.6).
// A number another examinee of the hall already drew is refused by the
// rules; the form then asks the officer to confirm that it really is the
// same number before recording it as such.
type situationalForm struct {
	ctx            *Context
	id, name, seat string
	input          textinput.Model
	// duplicate is the rules' refusal of the number typed, while the
	// form asks to confirm it.
	duplicate error
	typed     string
	err       string
	pending   bool
}

func newSituationalForm(c *Context, e *exam.Examinee) (*situationalForm, tea.Cmd) {
	f := &situationalForm{ctx: c, id: e.ID, name: e.FullName, seat: e.Seat}
	f.input = c.newInput(c.Cat.T("ui.situational.ticket"), maxTyped) // too long is refused on Enter, not cut
	f.input.SetWidth(exam.MaxSituationalTicket + 1)
	return f, f.input.Focus()
}

func (f *situationalForm) ShortHelp() []key.Binding {
	k := f.ctx.Keys
	if f.duplicate != nil {
		return []key.Binding{k.Yes, k.No}
	}
	return []key.Binding{k.Confirm, k.Cancel}
}

func (f *situationalForm) FullHelp() [][]key.Binding { return [][]key.Binding{f.ShortHelp()} }

func (f *situationalForm) Update(msg tea.Msg) (dialog, tea.Cmd) {
	c := f.ctx
	switch msg := msg.(type) {
	case recordedMsg:
		f.pending = false
		switch {
		case refusedWith(msg.err, exam.RefuseSituationalDuplicate):
			f.duplicate, f.err = msg.err, ""
			f.input.Blur()
			return f, nil
		case msg.err != nil:
			f.err = c.ErrorText(msg.err)
			return f, nil
		}
		return nil, nil
	case tea.KeyPressMsg:
		if f.pending {
			return f, nil
		}
		k := c.Keys
		if f.duplicate != nil {
			switch {
			case key.Matches(msg, k.Yes):
				return f, f.record(f.typed, true)
			case key.Matches(msg, k.No):
				// Type the number again.
				f.duplicate = nil
				return f, f.input.Focus()
			}
			return f, nil
		}
		switch {
		case key.Matches(msg, k.Cancel):
			return nil, nil
		case key.Matches(msg, k.Confirm):
			f.typed = strings.TrimSpace(f.input.Value())
			return f, f.record(f.typed, false)
		}
	}
	if f.duplicate != nil {
		return f, nil
	}
	var cmd tea.Cmd
	f.input, cmd = f.input.Update(msg)
	return f, cmd
}

func (f *situationalForm) record(ticket string, confirmDuplicate bool) tea.Cmd {
	c := f.ctx
	id := f.id
	f.pending, f.err = true, ""
	done := "ui.done.situational"
	if confirmDuplicate {
		done = "ui.done.situational_duplicate"
	}
	return c.record(recordAction, done, []any{f.name, ticket}, one(func(h *exam.Hall) (exam.Event, error) {
		return h.DrawSituational(id, ticket, confirmDuplicate, c.Clock.Now(), h.Officer)
	}))
}

func (f *situationalForm) View() string {
	c := f.ctx
	s := c.Styles
	body := s.Dim.Render(c.Cat.T("ui.situational.how", f.seat)) + "\n\n" + f.input.View()
	if f.duplicate != nil {
		body += "\n\n" + s.StatusErr.Render(c.ErrorText(f.duplicate)) + "\n" + s.Bold.Render(c.Cat.T("ui.situational.same", f.typed))
	}
	return c.dialogBox(c.Cat.T("ui.situational.title", f.name), body, f.err, f)
}
