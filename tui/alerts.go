package tui

import (
	"strconv"
	"strings"
	"time"

	"examday/exam"
)

// alerts are what the clock raised and the officer has not acknowledged:
// they stay on screen until the acknowledge key. Each came from an event
// just committed to the file, or from the clock passing a break's 10
// minutes. The root owns them; the pages draw them as the root hands them
// over (frame).
type alerts struct {
	Warnings []int // minutes-left marks given
	TimeUp   bool
	Jump     bool // the hall's last clock jump
	// Breaks are the examinees (ids) whose break reached its 10 minutes
	// (§2.1) while they were still out.
	Breaks []string
	// breaksAlerted are the breaks already alerted at their 10 minutes:
	// examinee id → the time they went out, so the next break alerts
	// again. The acknowledge key keeps them.
	breaksAlerted map[string]time.Time
}

func (a alerts) pending() bool {
	return len(a.Warnings) > 0 || a.TimeUp || a.Jump || len(a.Breaks) > 0
}

// ack takes down what is shown, and remembers which breaks were alerted.
func (a *alerts) ack() { *a = alerts{breaksAlerted: a.breaksAlerted} }

// raiseUsedUpBreaks raises an alert for every break of h that reached its
// 10 minutes (§2.1) since the last look, and reports whether it raised
// one: the officer hears the bell and reads the banner while the
// examinee is still out, not only when they come back.
func (a *alerts) raiseUsedUpBreaks(h *exam.Hall, now time.Time) bool {
	raised := false
	for _, e := range h.Examinees() {
		if !e.BreakUsedUp(now) || a.breaksAlerted[e.ID].Equal(e.OutAt) {
			continue
		}
		if a.breaksAlerted == nil {
			a.breaksAlerted = map[string]time.Time{}
		}
		a.breaksAlerted[e.ID] = e.OutAt
		a.Breaks = append(a.Breaks, e.ID)
		raised = true
	}
	return raised
}

// lines are the alerts not yet acknowledged: a clock jump notice, and a
// large banner for a warning or the end.
func (a alerts) lines(c *Context, width int) []string {
	s, h := c.Styles, c.Hall
	var lines []string
	ack := c.Cat.T("ui.alert.ack", c.Keys.Ack.Help().Key)
	if a.Jump {
		text := "⚠ " + c.Cat.T("ui.clock.jump", jumpText(h.LastJumpSeconds), clockText(h.LastJumpAt)) + "  " + ack
		lines = append(lines, s.Notice.Render(fit(text, width)))
	}
	for _, id := range a.Breaks {
		e, ok := h.Examinee(id)
		if !ok {
			continue
		}
		// Wrapped, not cut: the name and the acknowledge key must both show.
		text := "⚠ " + c.Cat.T("ui.alert.break_used_up", e.FullName, e.Seat, clockText(e.OutAt), clockText(exam.BreakBackBy(e.OutAt))) + "  " + ack
		lines = append(lines, strings.Split(s.Overrun.Width(width).Render(text), "\n")...)
	}
	var box string
	switch {
	case a.TimeUp:
		text := []string{
			c.Cat.T("ui.warning.time_up"),
			c.Cat.T("ui.warning.time_up_detail", clockText(h.End)),
			ack,
		}
		box = c.banner(s.TimeUp, "0:00:00", text, width)
	case len(a.Warnings) > 0:
		mark := a.Warnings[len(a.Warnings)-1]
		text := []string{
			c.Cat.T("ui.warning.minutes", mark),
			c.Cat.T("ui.warning.detail", clockText(h.End)),
			ack,
		}
		box = c.banner(s.Warning, strconv.Itoa(mark), text, width)
	}
	if box != "" {
		lines = append(lines, strings.Split(box, "\n")...)
	}
	return lines
}
