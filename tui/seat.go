package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"examday/exam"
)

// seatForm moves an examinee to another seat during the exam: the seat
// and the reason, Tab between them (exam.Hall.ChangeSeat decides).
type seatForm struct {
	ctx            *Context
	id, name, seat string
	inputs         [2]textinput.Model // the new seat; the reason
	focus          int
	err            string
	pending        bool
}

func (a actions) changeSeat(e *exam.Examinee) reply {
	c := a.ctx
	f := &seatForm{ctx: c, id: e.ID, name: e.FullName, seat: e.Seat}
	f.inputs[0] = c.newInput(c.Cat.T("ui.seat.to"), maxTyped) // too long is refused on Enter, not cut
	f.inputs[1] = c.newInput(c.Cat.T("ui.seat.reason"), 300)
	return reply{open: f, cmd: f.inputs[0].Focus()}
}

func (f *seatForm) ShortHelp() []key.Binding {
	k := f.ctx.Keys
	return []key.Binding{k.NextField, k.Confirm, k.Cancel}
}

func (f *seatForm) FullHelp() [][]key.Binding { return [][]key.Binding{f.ShortHelp()} }

func (f *seatForm) Update(msg tea.Msg) (dialog, tea.Cmd) {
	c := f.ctx
	switch msg := msg.(type) {
	case recordedMsg:
		f.pending = false
		if msg.err != nil {
			f.err = c.ErrorText(msg.err)
			return f, nil
		}
		return nil, nil
	case tea.KeyPressMsg:
		if f.pending {
			return f, nil
		}
		k := c.Keys
		switch {
		case key.Matches(msg, k.Cancel):
			return nil, nil
		case key.Matches(msg, k.NextField):
			f.inputs[f.focus].Blur()
			f.focus = 1 - f.focus
			return f, f.inputs[f.focus].Focus()
		case key.Matches(msg, k.Confirm):
			seat, reason := strings.TrimSpace(f.inputs[0].Value()), strings.TrimSpace(f.inputs[1].Value())
			id := f.id
			f.pending, f.err = true, ""
			return f, c.record(recordAction, "ui.done.seat", []any{f.name, seat}, one(func(h *exam.Hall) (exam.Event, error) {
				return h.ChangeSeat(id, seat, reason, c.Clock.Now(), h.Officer)
			}))
		}
	}
	var cmd tea.Cmd
	f.inputs[f.focus], cmd = f.inputs[f.focus].Update(msg)
	return f, cmd
}

func (f *seatForm) View() string {
	c := f.ctx
	body := c.Styles.Dim.Render(c.Cat.T("ui.seat.how", f.seat)) + "\n\n" + f.inputs[0].View() + "\n" + f.inputs[1].View()
	return c.dialogBox(c.Cat.T("ui.seat.title", f.name), body, f.err, f)
}
