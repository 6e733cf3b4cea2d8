package tui

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"examday/exam"
)

// The break of §2.1: who is out of the audience, for how long, and the
// dialog that lets an examinee out (the break, or an exit for emergency
// medical care, which is not a violation).

// countdown is a span as the roster shows it: 07:41, or 1:07:41.
func countdown(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	s := int64(d / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%02d:%02d", s/60, s%60)
}

// span is a span in words, for the log's descriptions and the timeline:
// 3 min 12 s, 1 h 03 min.
func (c *Context) span(d time.Duration) string {
	// Truncated, as the rules count the seconds of a break or a delay.
	s := int64(d / time.Second)
	switch {
	case s < 0:
		s = 0
	case s >= 3600:
		return c.Cat.T("ui.span.hm", s/3600, s/60%60)
	}
	if s < 60 {
		return c.Cat.T("ui.span.s", s)
	}
	return c.Cat.T("ui.span.ms", s/60, s%60)
}

// spanSeconds is span of a number of seconds, as the log keeps them.
func (c *Context) spanSeconds(s int64) string { return c.span(time.Duration(s) * time.Second) }

// outText is how someone out of the audience is shown: the break's
// countdown, how far past its 10 minutes they are (§2.1), or how long they
// have been out for medical care. The words say it; the colour only
// repeats it.
func (c *Context) outText(e *exam.Examinee) (string, lipgloss.Style) {
	out := c.Now.Sub(e.OutAt)
	switch {
	case e.OutMedical:
		return c.Cat.T("ui.out.medical", countdown(out)), c.Styles.Out
	case e.BreakOverrun(c.Now) > 0:
		return c.Cat.T("ui.out.over", countdown(e.BreakOverrun(c.Now))), c.Styles.Overrun
	}
	return c.Cat.T("ui.out.left", countdown(e.BreakLeft(c.Now))), c.Styles.Out
}

// outWidth is the widest outText can be, for the roster's status column.
func outWidth(c *Context) int {
	w := 0
	for _, k := range []string{"ui.out.medical", "ui.out.over", "ui.out.left"} {
		w = max(w, lipgloss.Width(c.Cat.T(k, "1:00:00")))
	}
	return w
}

// outOfRoom is everyone out of the audience now, longest out first.
func outOfRoom(h *exam.Hall) []*exam.Examinee {
	var out []*exam.Examinee
	for _, e := range h.Examinees() {
		if e.Status == exam.OnBreak {
			out = append(out, e)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].OutAt.Before(out[j].OutAt) })
	return out
}

// leaveDialog lets an examinee out of the audience: the one break of §2.1
// after the theoretical part, or an exit for emergency medical care with
// its reason (§2.2 d: not a violation). When the rules refuse a break now
// (a second exit, or before the theory is in) it says why and offers only
// the medical exit.
type leaveDialog struct {
	ctx      *Context
	id, name string
	seat     string
	// breakRefused is why a break is not possible now; nil if it is.
	breakRefused error
	medical      bool
	reason       textinput.Model
	writing
}

func newLeaveDialog(c *Context, e *exam.Examinee, breakRefused error) (*leaveDialog, tea.Cmd) {
	d := &leaveDialog{ctx: c, id: e.ID, name: e.FullName, seat: e.Seat, breakRefused: breakRefused}
	d.reason = c.newInput(c.Cat.T("ui.leave.reason"), 200)
	if breakRefused != nil {
		d.medical = true
		return d, d.reason.Focus()
	}
	return d, nil
}

func (d *leaveDialog) ShortHelp() []key.Binding {
	k := d.ctx.Keys
	if d.breakRefused != nil {
		return []key.Binding{k.Confirm, k.Cancel}
	}
	return []key.Binding{k.Choose, k.Confirm, k.Cancel}
}

func (d *leaveDialog) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }

func (d *leaveDialog) Update(msg tea.Msg) (dialog, tea.Cmd) {
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
		k := c.Keys
		switch {
		case key.Matches(msg, k.Cancel):
			return nil, nil
		case key.Matches(msg, k.Choose):
			if d.breakRefused != nil {
				return d, nil
			}
			d.medical, d.err = !d.medical, ""
			if d.medical {
				return d, d.reason.Focus()
			}
			d.reason.Blur()
			return d, nil
		case key.Matches(msg, k.Confirm):
			return d, d.confirm()
		}
	}
	if !d.medical {
		return d, nil
	}
	var cmd tea.Cmd
	d.reason, cmd = d.reason.Update(msg)
	return d, cmd
}

func (d *leaveDialog) confirm() tea.Cmd {
	c := d.ctx
	id, medical, reason := d.id, d.medical, strings.TrimSpace(d.reason.Value())
	if !medical {
		reason = ""
	}
	done, args := "ui.done.out_break", []any{d.name}
	if medical {
		done, args = "ui.done.out_medical", []any{d.name, reason}
	}
	d.pending, d.err = true, ""
	return c.record(recordAction, done, args, one(func(h *exam.Hall) (exam.Event, error) {
		return h.LeaveRoom(id, medical, reason, c.Clock.Now(), h.Officer)
	}))
}

func (d *leaveDialog) View() string {
	c := d.ctx
	s := c.Styles
	var b strings.Builder
	mark := func(on bool) string {
		if on {
			return "(•) "
		}
		return "( ) "
	}
	b.WriteString(s.Dim.Render(c.Cat.T("ui.leave.seat", d.seat)) + "\n\n")
	if d.breakRefused != nil {
		width := min(dialogWidth, max(c.Width-4, 20))
		b.WriteString(s.Dim.Render("(–) "+c.Cat.T("ui.leave.break_refused")) + "\n")
		b.WriteString(s.StatusErr.Width(width).PaddingLeft(4).Render(c.ErrorText(d.breakRefused)) + "\n")
	} else {
		back := exam.BreakBackBy(c.Now)
		b.WriteString(mark(!d.medical) + c.Cat.T("ui.leave.break", clockText(back)) + "\n")
	}
	b.WriteString(mark(d.medical) + c.Cat.T("ui.leave.medical"))
	if d.medical {
		b.WriteString("\n\n" + d.reason.View())
	}
	return c.dialogBox(c.Cat.T("ui.leave.title", d.name), b.String(), d.err, d)
}

// newInput is a one-line text field of a dialog.
func (c *Context) newInput(prompt string, limit int) textinput.Model {
	in := textinput.New()
	in.Prompt = prompt + " "
	in.CharLimit = limit
	in.SetWidth(max(min(dialogWidth, max(c.Width-8, 20))-lipgloss.Width(prompt)-2, 4))
	in.SetStyles(c.Styles.Input)
	return in
}
