package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"examday/exam"
)

// closeDialog closes the hall: first what is still outstanding, from the
// rules (who is still sitting blocks the close; a Criminal Code not back
// or an offer not decided is written into the closing entry once the
// officer confirms). Once closed the hall is read-only.
type closeDialog struct {
	ctx     *Context
	blocked error // why the rules refuse the close now, or nil
	err     string
	pending bool
}

func newCloseDialog(c *Context, blocked error) *closeDialog {
	return &closeDialog{ctx: c, blocked: blocked}
}

func (d *closeDialog) ShortHelp() []key.Binding {
	k := d.ctx.Keys
	if d.blocked != nil {
		return []key.Binding{k.Cancel}
	}
	return []key.Binding{k.Yes, k.No}
}

func (d *closeDialog) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }

func (d *closeDialog) Update(msg tea.Msg) (dialog, tea.Cmd) {
	c := d.ctx
	switch msg := msg.(type) {
	case recordedMsg:
		d.pending = false
		if msg.err != nil {
			d.err = c.ErrorText(msg.err)
			return d, nil
		}
		return nil, nil
	case tea.KeyPressMsg:
		if d.pending {
			return d, nil
		}
		switch {
		case key.Matches(msg, c.Keys.No, c.Keys.Cancel):
			return nil, nil
		case d.blocked == nil && key.Matches(msg, c.Keys.Yes):
			d.pending, d.err = true, ""
			return d, c.record(recordAction, "ui.done.closed", nil, one(func(h *exam.Hall) (exam.Event, error) {
				return h.CloseHall(true, c.Clock.Now(), h.Officer)
			}))
		}
	}
	return d, nil
}

func (d *closeDialog) View() string {
	c := d.ctx
	s := c.Styles
	items := c.Hall.Outstanding()
	var b strings.Builder
	if d.blocked != nil {
		b.WriteString(s.StatusErr.Render(c.ErrorText(d.blocked)) + "\n")
	}
	if len(items) > 0 {
		if d.blocked == nil {
			b.WriteString(c.Cat.T("ui.close.owed") + "\n")
		}
		for _, o := range items {
			mark := "• "
			if o.Blocks {
				mark = "✗ "
			}
			b.WriteString(mark + c.Cat.T(o.Key, o.Args...) + "\n")
		}
	} else if d.blocked == nil {
		b.WriteString(c.Cat.T("ui.close.nothing_owed") + "\n")
	}
	if d.blocked == nil {
		b.WriteString("\n" + s.Bold.Render(c.Cat.T("ui.close.then")) + "\n")
		b.WriteString(c.Cat.T("ui.close.question"))
	} else {
		b.WriteString("\n" + s.Dim.Render(c.Cat.T("ui.close.blocked_hint")))
	}
	return c.dialogBox(c.Cat.T("ui.close.title"), strings.TrimSuffix(b.String(), "\n"), d.err, d)
}
