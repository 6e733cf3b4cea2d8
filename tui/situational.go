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
	same           sameTicket // the number another examinee drew, asked about
	err            string
	pending        bool
}

func newSituationalForm(c *Context, e *exam.Examinee) (*situationalForm, tea.Cmd) {
	f := &situationalForm{ctx: c, id: e.ID, name: e.FullName, seat: e.Seat}
	f.input = c.newInput(c.Cat.T("ui.situational.ticket"), maxTyped) // too long is refused on Enter, not cut
	f.input.SetWidth(exam.MaxSituationalTicket + 1)
	return f, f.input.Focus()
}

func (f *situationalForm) ShortHelp() []key.Binding {
	k := f.ctx.Keys
	if f.same.asking() {
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
		case f.same.refused(msg.err, &f.input):
			f.err = ""
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
		if f.same.asking() {
			return f, f.same.key(c, msg, &f.input, func() tea.Cmd { return f.record(f.same.typed, true) })
		}
		switch {
		case key.Matches(msg, k.Cancel):
			return nil, nil
		case key.Matches(msg, k.Confirm):
			f.same.typed = strings.TrimSpace(f.input.Value())
			return f, f.record(f.same.typed, false)
		}
	}
	if f.same.asking() {
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
	body += f.same.view(c)
	return c.dialogBox(c.Cat.T("ui.situational.title", f.name), body, f.err, f)
}

// sameTicket is the question both ticket forms ask when the rules refuse
// a situational ticket number another examinee of the hall already drew
// (exam.RefuseSituationalDuplicate): y records it as the same number, n
// types it again. typed is the number as last typed.
type sameTicket struct {
	duplicate error
	typed     string
}

// asking reports whether the question is open.
func (q *sameTicket) asking() bool { return q.duplicate != nil }

// refused opens the question if err is the refusal of a duplicate, and
// leaves the input while it is open.
func (q *sameTicket) refused(err error, in *textinput.Model) bool {
	if !refusedWith(err, exam.RefuseSituationalDuplicate) {
		return false
	}
	q.duplicate = err
	in.Blur()
	return true
}

// key answers the question: y records with confirm, n goes back to the
// input; any other key does nothing while it is open.
func (q *sameTicket) key(c *Context, msg tea.KeyPressMsg, in *textinput.Model, confirm func() tea.Cmd) tea.Cmd {
	switch {
	case key.Matches(msg, c.Keys.Yes):
		return confirm()
	case key.Matches(msg, c.Keys.No):
		q.duplicate = nil
		return in.Focus()
	}
	return nil
}

// view is the question under the form's body, or nothing.
func (q *sameTicket) view(c *Context) string {
	if q.duplicate == nil {
		return ""
	}
	s := c.Styles
	return "\n\n" + s.StatusErr.Render(c.ErrorText(q.duplicate)) + "\n" + s.Bold.Render(c.Cat.T("ui.situational.same", q.typed))
}
