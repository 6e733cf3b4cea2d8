package tui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"examday/exam"
	"examday/store"
)

// closeDialog closes the hall: first what is still outstanding, from the
// rules (who is still sitting blocks the close; a Criminal Code not back
// or an offer not decided is written into the closing entry once the
// officer confirms), and the reconciliation of the answer sheets. Sheets
// given out and neither received nor voided (§1.5) are listed; closing
// with them missing asks for the reason and the chairman's PIN, and the
// closing entry names each. Once closed the hall is read-only.
type closeDialog struct {
	ctx     *Context
	blocked error // why the rules refuse the close now, or nil
	writing
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
		if d.answered(c, msg) {
			return nil, nil
		}
		return d, nil
	case tea.KeyPressMsg:
		if d.pending {
			return d, nil
		}
		switch {
		case key.Matches(msg, c.Keys.No, c.Keys.Cancel):
			return nil, nil
		case d.blocked == nil && key.Matches(msg, c.Keys.Yes):
			if missing := c.Hall.Shortfall(); len(missing) > 0 {
				return d.shortfall(len(missing))
			}
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
	if c.Hall.Session != "" {
		t := c.sheetTotals()
		b.WriteString("\n" + c.Cat.T("ui.sheets.totals", t.issued, t.received, t.voided, t.missing) + "\n")
		if missing := c.Hall.Shortfall(); d.blocked == nil && len(missing) > 0 {
			b.WriteString(s.StatusErr.Render(c.Cat.T("ui.close.shortfall", len(missing))) + "\n")
			width := min(dialogWidth, max(c.Width-4, 20))
			for _, l := range c.shortfallLines(missing, width) {
				b.WriteString(l + "\n")
			}
		}
	}
	if d.blocked == nil {
		b.WriteString("\n" + s.Bold.Render(c.Cat.T("ui.close.then")) + "\n")
		b.WriteString(c.Cat.T("ui.close.question"))
	} else {
		b.WriteString("\n" + s.Dim.Render(c.Cat.T("ui.close.blocked_hint")))
	}
	return c.dialogBox(c.Cat.T("ui.close.title"), strings.TrimSuffix(b.String(), "\n"), d.err, d)
}

// shortfall asks why answer sheets are missing, then the chairman's PIN,
// and closes with every missing sheet named in the closing entry.
func (d *closeDialog) shortfall(missing int) (dialog, tea.Cmd) {
	c := d.ctx
	title := c.Cat.T("ui.close.shortfall_title", missing)
	lines := []string{c.Cat.T("ui.close.shortfall_explain")}
	f, cmd := newReasonForm(c, title, lines, c.Cat.T("ui.close.shortfall_reason"),
		func(f *reasonForm, reason string) (dialog, tea.Cmd) {
			// All but the agreement must be in order before the chairman
			// is asked.
			if _, err := c.Hall.CloseHallShortfall(true, reason, exam.Agreement{}, c.Now, c.Hall.Officer); !needsAgreement(err) {
				f.err = c.ErrorText(err)
				return f, nil
			}
			return newPINDialog(c, agreedAction{
				purpose: "close_shortfall",
				title:   title,
				lines:   []string{c.Cat.T("ui.sheets.reason_is", reason)},
				act: func(h *exam.Hall, a exam.Agreement, now time.Time) ([]exam.Event, error) {
					ev, err := h.CloseHallShortfall(true, reason, a, now, h.Officer)
					if err != nil {
						return nil, err
					}
					return []exam.Event{ev}, nil
				},
				describe: func(c *Context, recs []store.Record) string {
					return c.Cat.T("ui.done.closed_shortfall", missing, c.Hall.Chairman)
				},
			}, f), nil
		})
	return f, cmd
}
