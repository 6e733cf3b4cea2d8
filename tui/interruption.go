package tui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"examday/exam"
	"examday/store"
)

// An interruption of the whole hall (an evacuation, a power cut): the
// clock stands for everyone until the exam resumes, and the end then moves
// by the interruption's length. Both the start and the end need the
// chairman's agreement.

var interruptionKinds = []string{exam.InterruptEvacuation, exam.InterruptPowerCut, exam.InterruptOther}

// interruptForm chooses what interrupted the exam, and why.
type interruptForm struct {
	ctx    *Context
	kind   int
	reason textinput.Model
	err    string
}

func newInterruptForm(c *Context) (*interruptForm, tea.Cmd) {
	f := &interruptForm{ctx: c}
	f.reason = c.newInput(c.Cat.T("ui.interrupt.reason"), 200)
	return f, f.reason.Focus()
}

func (f *interruptForm) ShortHelp() []key.Binding {
	k := f.ctx.Keys
	return []key.Binding{k.Choose, k.Confirm, k.Cancel}
}

func (f *interruptForm) FullHelp() [][]key.Binding { return [][]key.Binding{f.ShortHelp()} }

func (f *interruptForm) Update(msg tea.Msg) (dialog, tea.Cmd) {
	c := f.ctx
	if km, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(km, c.Keys.Cancel):
			return nil, nil
		case key.Matches(km, c.Keys.Choose):
			n := len(interruptionKinds)
			if km.String() == "up" {
				f.kind = (f.kind + n - 1) % n
			} else {
				f.kind = (f.kind + 1) % n
			}
			f.err = ""
			return f, nil
		case key.Matches(km, c.Keys.Confirm):
			return f.submit()
		}
	}
	var cmd tea.Cmd
	f.reason, cmd = f.reason.Update(msg)
	return f, cmd
}

func (f *interruptForm) submit() (dialog, tea.Cmd) {
	c := f.ctx
	kind, reason := interruptionKinds[f.kind], strings.TrimSpace(f.reason.Value())
	if _, err := c.Hall.StartInterruption(kind, reason, exam.Agreement{}, c.Now, c.Hall.Officer); !needsAgreement(err) {
		f.err = c.ErrorText(err)
		return f, nil
	}
	what := c.Cat.T("interruption." + kind)
	if reason != "" {
		what += ": " + reason
	}
	action := agreedAction{
		purpose: "interruption_start",
		title:   c.Cat.T("ui.interrupt.agree", what),
		lines:   []string{c.Cat.T("ui.interrupt.explain")},
		act: func(h *exam.Hall, a exam.Agreement, now time.Time) ([]exam.Event, error) {
			ev, err := h.StartInterruption(kind, reason, a, now, h.Officer)
			if err != nil {
				return nil, err
			}
			return []exam.Event{ev}, nil
		},
		describe: func(c *Context, recs []store.Record) string {
			return c.Cat.T("ui.done.interrupted", what, clockText(recs[0].Event.At), durationText(c.Hall.TimeLeftAt(recs[0].Event.At)))
		},
	}
	return newPINDialog(c, action, f), nil
}

func (f *interruptForm) View() string {
	c := f.ctx
	s := c.Styles
	var b strings.Builder
	b.WriteString(c.Cat.T("ui.interrupt.explain") + "\n\n")
	for i, k := range interruptionKinds {
		mark := "( ) "
		if i == f.kind {
			mark = "(•) "
		}
		b.WriteString(focusMark(i == f.kind) + mark + c.Cat.T("interruption."+k) + "\n")
	}
	b.WriteString("\n" + f.reason.View() + "\n")
	b.WriteString(s.Dim.Render(c.Cat.T("ui.interrupt.reason_hint")))
	return c.dialogBox(c.Cat.T("ui.interrupt.title"), b.String(), f.err, f)
}

// resumeQuestion asks to end the interruption: how long it has lasted and
// where the end will move; yes opens the chairman's PIN.
func resumeQuestion(c *Context) dialog {
	h := c.Hall
	length := c.Now.Sub(h.InterruptedAt).Truncate(time.Second)
	lines := []string{
		c.Cat.T("ui.resume.since", c.Cat.T("interruption."+h.InterruptionKind), clockText(h.InterruptedAt), c.span(length)),
		c.Cat.T("ui.resume.end", clockText(h.End), clockText(h.End.Add(max(length, 0)))),
	}
	var q *confirm
	q = newQuestion(c, c.Cat.T("ui.resume.title"), lines, func() (dialog, tea.Cmd) {
		action := agreedAction{
			purpose: "interruption_end",
			title:   c.Cat.T("ui.resume.title"),
			lines:   lines,
			act: func(h *exam.Hall, a exam.Agreement, now time.Time) ([]exam.Event, error) {
				ev, err := h.EndInterruption(a, now, h.Officer)
				if err != nil {
					return nil, err
				}
				return []exam.Event{ev}, nil
			},
			describe: func(c *Context, recs []store.Record) string {
				d, _ := exam.Decode[exam.InterruptionData](recs[0].Event) // just decided by this program: it reads
				return c.Cat.T("ui.done.resumed", c.spanSeconds(d.Seconds), clockText(d.NewEnd))
			},
		}
		return newPINDialog(c, action, q), nil
	})
	return q
}
