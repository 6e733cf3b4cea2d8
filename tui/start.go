package tui

import (
	"errors"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"examday/exam"
)

// startDialog fixes the start of the exam (§1.3). It shows either why the
// exam cannot start yet, or the proposed start (the moment the last
// materials were issued) and end, beside the laptop's clock in large
// digits so the officer can compare it with the room's clock. The officer
// confirms, or corrects the start with a reason.
type startDialog struct {
	ctx      *Context
	proposed time.Time
	refusal  error

	correcting bool
	at, reason textinput.Model
	focus      int // 0: the time, 1: the reason
	writing
}

func newStartDialog(c *Context) *startDialog {
	d := &startDialog{ctx: c}
	d.proposed, d.refusal = c.Hall.ProposeStart()
	d.at = d.newInput(c.Cat.T("ui.start.correct.time"), 8)
	d.reason = d.newInput(c.Cat.T("ui.start.correct.reason"), 200)
	return d
}

func (d *startDialog) newInput(prompt string, limit int) textinput.Model {
	in := textinput.New()
	in.Prompt = prompt + " "
	in.CharLimit = limit
	in.SetWidth(min(dialogWidth, max(d.ctx.Width-8, 20)) - len([]rune(prompt)) - 2)
	in.SetStyles(d.ctx.Styles.Input)
	return in
}

func (d *startDialog) ShortHelp() []key.Binding {
	k := d.ctx.Keys
	switch {
	case d.refusal != nil:
		return []key.Binding{k.Cancel}
	case d.correcting:
		return []key.Binding{k.NextField, k.Confirm, k.Cancel}
	}
	return []key.Binding{k.Confirm, k.Correct, k.Cancel}
}

func (d *startDialog) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }

func (d *startDialog) Update(msg tea.Msg) (dialog, tea.Cmd) {
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
			if d.correcting {
				d.correcting, d.err = false, ""
				return d, nil
			}
			return nil, nil
		case d.refusal != nil:
			return d, nil
		case !d.correcting && key.Matches(msg, k.Confirm):
			return d, d.confirm(d.proposed, "")
		case !d.correcting && key.Matches(msg, k.Correct):
			d.correcting, d.focus = true, 0
			d.at.SetValue(d.proposed.Local().Format("15:04:05"))
			d.at.CursorEnd()
			d.reason.Blur()
			return d, d.at.Focus()
		case d.correcting && key.Matches(msg, k.NextField):
			return d, d.switchField()
		case d.correcting && key.Matches(msg, k.Confirm):
			return d, d.confirmCorrection()
		}
		if !d.correcting {
			return d, nil
		}
	}
	var cmd tea.Cmd
	if d.focus == 0 {
		d.at, cmd = d.at.Update(msg)
	} else {
		d.reason, cmd = d.reason.Update(msg)
	}
	return d, cmd
}

func (d *startDialog) switchField() tea.Cmd {
	d.focus = 1 - d.focus
	if d.focus == 0 {
		d.reason.Blur()
		return d.at.Focus()
	}
	d.at.Blur()
	return d.reason.Focus()
}

// errBadTime: what was typed is not a time of day.
var errBadTime = errors.New("not a time of day")

// parseStart reads HH:MM or HH:MM:SS as a time of day on the hall's date,
// in the laptop's time zone.
func parseStart(date, typed string) (time.Time, error) {
	typed = strings.TrimSpace(typed)
	for _, layout := range []string{"15:04:05", "15:04"} {
		if t, err := time.ParseInLocation(exam.DateLayout+" "+layout, date+" "+typed, time.Local); err == nil {
			return t, nil
		}
	}
	return time.Time{}, errBadTime
}

func (d *startDialog) confirmCorrection() tea.Cmd {
	c := d.ctx
	start, err := parseStart(c.Hall.Date, d.at.Value())
	if err != nil {
		d.err = c.Cat.T("ui.start.bad_time", strings.TrimSpace(d.at.Value()))
		return nil
	}
	reason := strings.TrimSpace(d.reason.Value())
	if reason == "" {
		d.err = c.Cat.T("ui.start.need_reason")
		return nil
	}
	return d.confirm(start, reason)
}

func (d *startDialog) confirm(start time.Time, reason string) tea.Cmd {
	c := d.ctx
	d.pending, d.err = true, ""
	return c.record(recordAction, "ui.done.started", []any{start, exam.EndOf(start)},
		one(func(h *exam.Hall) (exam.Event, error) {
			return h.StartExam(start, reason, c.Clock.Now(), h.Officer)
		}))
}

func (d *startDialog) View() string {
	c := d.ctx
	s := c.Styles
	title := c.Cat.T("ui.start.title")
	if d.refusal != nil {
		body := c.Cat.T("ui.start.cannot") + "\n\n" + c.ErrorText(d.refusal)
		return c.dialogBox(title, body, "", d)
	}
	width := min(dialogWidth, max(c.Width-4, 20))
	center := func(text string) string { return lipgloss.PlaceHorizontal(width, lipgloss.Center, text) }
	var b strings.Builder
	b.WriteString(s.Dim.Render(c.Cat.T("ui.start.proposed")) + " " + s.Bold.Render(clockText(d.proposed)) + "\n")
	b.WriteString(s.Dim.Render("  "+c.Cat.T("ui.start.proposed_why")) + "\n")
	b.WriteString(s.Dim.Render(c.Cat.T("ui.start.end")) + " " + s.Bold.Render(clockText(exam.EndOf(d.proposed))) + "\n\n")
	b.WriteString(center(s.Bold.Render(c.Cat.T("ui.start.now"))) + "\n")
	// The laptop's clock as large as the dialog allows: scale 2 needs 54
	// columns and 2 more rows.
	scale := 1
	if width >= bigWidth("00:00:00", 2) && c.Height >= 30 {
		scale = 2
	}
	b.WriteString(center(s.Big.Render(strings.Join(bigText(clockText(c.Now), scale), "\n"))) + "\n")
	b.WriteString(center(c.Cat.T("ui.start.compare")))
	if d.correcting {
		b.WriteString("\n\n" + s.Bold.Render(c.Cat.T("ui.start.correct.title")) + "\n")
		b.WriteString(d.at.View() + "\n" + d.reason.View())
	}
	return c.dialogBox(title, b.String(), d.err, d)
}
