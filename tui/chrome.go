package tui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"examday/exam"
)

// The lines around the pages: the header, the banners, the status line and
// the keys. They are the same on every page that shows them.

// topBanners are on every screen: the answer to the last scan, for a few
// seconds; the file is read-only; the hall is closed (read-only too); the
// exam is interrupted and its clock stands; a code being typed.
func (m Model) topBanners() []string {
	c := m.ctx
	var lines []string
	if banner := m.scanBanner(c.Width); banner != "" {
		lines = append(lines, strings.Split(banner, "\n")...)
	}
	if c.Broken != nil {
		text := "⚠ " + c.BrokenText()
		wrapped := c.Styles.ReadOnly.Width(max(c.Width, 1)).Render(text)
		lines = strings.Split(wrapped, "\n")
	} else if m.writeFailed != nil {
		text := "⚠ " + c.Cat.T("ui.banner.write_failed", c.Cat.Error(m.writeFailed))
		lines = append(lines, strings.Split(c.Styles.ReadOnly.Width(max(c.Width, 1)).Render(text), "\n")...)
	}
	h := c.Hall
	switch {
	case h.Phase == exam.PhaseClosed:
		text := "■ " + c.Cat.T("ui.banner.closed", clockText(h.ClosedAt))
		lines = append(lines, c.Styles.Closed.Render(pad(text, max(c.Width, 1))))
	case h.Interrupted:
		text := "⏸ " + c.Cat.T("ui.banner.interrupted", c.Cat.T("interruption."+h.InterruptionKind),
			clockText(h.InterruptedAt), durationText(h.TimeLeftAt(c.Now)))
		lines = append(lines, c.Styles.Interrupted.Render(pad(text, max(c.Width, 1))))
	}
	if typed := m.typedLine(c.Width); typed != "" {
		lines = append(lines, typed)
	}
	return lines
}

// headerLines are the hall, the date, the programmes, the state and the
// clock: two lines.
func (c *Context) headerLines(width int) []string {
	s, h := c.Styles, c.Hall
	left := s.Title.Render(h.Name) + s.Dim.Render(" · "+h.Date+" · "+strings.Join(h.Programmes, " "))
	right := s.Dim.Render(c.Cat.T("ui.header.now")+" ") + s.Bold.Render(clockText(c.Now))
	if c.Hall.Demo { // the file says it is the demo's
		right = s.Demo.Render(c.Cat.T("ui.demo")) + "  " + right
	}
	line1 := spread(left, right, width)

	phase := c.Cat.T("phase." + string(h.Phase))
	if h.Interrupted {
		phase = c.Cat.T("ui.header.interrupted")
	}
	line2 := s.Phase.Render(phase) + "  "
	if h.Phase.Started() {
		line2 += s.Dim.Render(c.Cat.T("ui.header.start")+" ") + s.Bold.Render(clockText(h.Start)) +
			s.Dim.Render(" · "+c.Cat.T("ui.header.end")+" ") + s.Bold.Render(clockText(h.End)) +
			s.Dim.Render(" · "+c.Cat.T("ui.header.left")+" ") + s.TimeLeft.Render(durationText(h.TimeLeftAt(c.Now)))
		if h.Phase == exam.PhaseClosed {
			// A closed hall's clock counts nothing any more.
			line2 = s.Phase.Render(phase) + "  " + s.Dim.Render(c.Cat.T("ui.header.start")+" ") + s.Bold.Render(clockText(h.Start)) +
				s.Dim.Render(" · "+c.Cat.T("ui.header.end")+" ") + s.Bold.Render(clockText(h.End)) +
				s.Dim.Render(" · "+c.Cat.T("ui.header.closed")+" ") + s.Bold.Render(clockText(h.ClosedAt))
		}
		if h.Interrupted {
			line2 += s.Dim.Render(" " + c.Cat.T("ui.header.stands"))
		}
	} else {
		line2 += s.Dim.Render(c.Cat.T("ui.header.not_started"))
	}
	return []string{line1, c.withDelivery(line2, width)}
}

// withDelivery puts at the right of the header's second line how many
// events the central record has given no receipt for yet, and when the
// last receipt came: in full if it fits, else the count alone, else not
// at all — the clock never gives way to it.
func (c *Context) withDelivery(line string, width int) string {
	size, d := int64(c.Hall.LastSeq), c.Delivery
	style := c.Styles.Dim
	var texts []string
	switch {
	case d.Delivered > size:
		// The receipt covers more than the file holds: restored from an
		// older copy. Said in words, not only in colour.
		style = c.Styles.StatusErr
		texts = []string{c.Cat.T("ui.delivery.ahead", d.Delivered, size), c.Cat.T("ui.delivery.ahead_short")}
	case d.Receipt == nil:
		texts = []string{c.Cat.T("ui.delivery.never", size), c.Cat.T("ui.delivery.short", size)}
	case d.Delivered == size:
		texts = []string{c.Cat.T("ui.delivery.all", d.ReceiptAt.Local().Format("15:04")), c.Cat.T("ui.delivery.all_short")}
	default:
		texts = []string{c.Cat.T("ui.delivery.pending", size-d.Delivered, d.ReceiptAt.Local().Format("15:04")),
			c.Cat.T("ui.delivery.short", size-d.Delivered)}
	}
	for _, text := range texts {
		if ansi.StringWidth(line)+2+ansi.StringWidth(text) <= width {
			return spread(line, style.Render(text), width)
		}
	}
	return fit(line, width)
}

// banner is a bordered box with big digits on the left and words on the
// right, as wide as the screen.
func (c *Context) banner(style lipgloss.Style, digits string, text []string, width int) string {
	big := bigText(digits, 1)
	inner := max(width-style.GetHorizontalFrameSize(), 1)
	words := strings.Join(text, "\n")
	content := lipgloss.JoinHorizontal(lipgloss.Top, strings.Join(big, "\n"), "   ", words)
	if lipgloss.Width(content) > inner {
		content = words
	}
	return style.Width(width).Render(content)
}

// frame is what the root draws into a page, rendered for the screen's
// width: the clock's alerts under the header, and the status line over
// the keys. The root hands it to the pages after every message, so a page
// draws the root's state without holding it.
type frame struct {
	alerts []string
	status string
}

// frame renders what the pages draw of the root's state.
func (m Model) frame() frame {
	return frame{alerts: m.alerts.lines(m.ctx, m.ctx.Width), status: m.statusLine(m.ctx.Width)}
}

// statusLine answers the last action.
func (m Model) statusLine(width int) string {
	c := m.ctx
	if m.status.text == "" {
		return ""
	}
	text := fit(strings.ReplaceAll(m.status.text, "\n", " "), width)
	if m.status.err {
		return c.Styles.StatusErr.Render(text)
	}
	return c.Styles.StatusOK.Render(text)
}

// keyLine is the short help of a page: as many of its keys as fit, and
// the help key always, which lists them all.
func (c *Context) keyLine(km help.KeyMap, width int) string {
	h := help.New()
	h.Styles = c.Styles.Help
	sep := h.Styles.ShortSeparator.Render(h.ShortSeparator)
	line := h.ShortHelpView([]key.Binding{c.Keys.Help})
	used := lipgloss.Width(line)
	var items []string
	for _, b := range km.ShortHelp() {
		item := h.ShortHelpView([]key.Binding{b})
		w := lipgloss.Width(item) + lipgloss.Width(sep)
		if used+w > width {
			break
		}
		items = append(items, item)
		used += w
	}
	return strings.Join(append(items, line), sep)
}

// fit cuts s (which may be styled) to width columns, with an ellipsis.
func fit(s string, width int) string {
	if ansi.StringWidth(s) <= width {
		return s
	}
	return ansi.Truncate(s, width, "…")
}

// pad fits s to exactly width columns.
func pad(s string, width int) string {
	s = fit(s, width)
	if w := ansi.StringWidth(s); w < width {
		return s + strings.Repeat(" ", width-w)
	}
	return s
}

// spread puts left and right at the two ends of a line of width columns;
// left gives way if both do not fit.
func spread(left, right string, width int) string {
	rw := ansi.StringWidth(right)
	if rw >= width {
		return fit(right, width)
	}
	left = fit(left, max(width-rw-1, 0))
	gap := width - ansi.StringWidth(left) - rw
	return left + strings.Repeat(" ", max(gap, 1)) + right
}

func joinLines(lines ...string) string { return strings.Join(lines, "\n") }
