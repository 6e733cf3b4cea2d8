package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"examday/exam"
)

// board is the full-screen view for the projector: the time of day, the
// start, the end and the time left in large digits (§1.3: start and end
// are written on the board), with the hall and the current warning. The
// digits are as large as the screen allows.
type board struct {
	ctx           *Context
	width, height int
}

func newBoard(ctx *Context) *board { return &board{ctx: ctx} }

func (b *board) SetSize(w, h int) { b.width, b.height = w, h }

// SetFrame: the board shows neither the alerts nor the status line.
func (b *board) SetFrame(frame) {}

func (b *board) ShortHelp() []key.Binding {
	k := b.ctx.Keys
	return []key.Binding{k.Back, k.Lang, k.Quit}
}

func (b *board) FullHelp() [][]key.Binding {
	k := b.ctx.Keys
	return [][]key.Binding{
		{k.Back, k.Board},
		{k.TypeCode, k.Void, k.Reconcile, k.Files},
		{k.Ack, k.Lang, k.Help, k.Quit},
	}
}

// Update: the board has no keys of its own beyond the root's.
func (b *board) Update(tea.Msg) reply { return reply{} }

type boardClock struct{ label, value string }

func (b *board) clocks() []boardClock {
	c := b.ctx
	h := c.Hall
	start, end, left := "--:--:--", "--:--:--", "-:--:--"
	if h.Phase.Started() {
		start, end = clockText(h.Start), clockText(h.End)
		left = durationText(h.TimeLeftAt(c.Now))
		if h.Phase == exam.PhaseClosed {
			left = "-:--:--"
		}
	}
	return []boardClock{
		{c.Cat.T("ui.board.start"), start},
		{c.Cat.T("ui.board.end"), end},
		{c.Cat.T("ui.board.now"), clockText(c.Now)},
		{c.Cat.T("ui.board.left"), left},
	}
}

// The clocks, in the order clocks returns them.
const (
	clockStart = iota
	clockEnd
	clockNow
	clockLeft
)

// boardRow is one row of clocks side by side, at one scale.
type boardRow struct {
	clocks []int
	scale  int
}

const (
	boardGap      = 4  // columns between two clocks side by side
	boardMaxScale = 12 // beyond this a digit is taller than any screen
)

// boardLayouts are the arrangements tried, each at every scale: two by two;
// start and end small above the time of day and the time left large; and
// all four under each other.
func boardLayouts(small, big int) [][]boardRow {
	return [][]boardRow{
		{{[]int{clockStart, clockEnd}, small}, {[]int{clockNow, clockLeft}, small}},
		{{[]int{clockStart, clockEnd}, small}, {[]int{clockNow}, big}, {[]int{clockLeft}, big}},
		{{[]int{clockStart}, small}, {[]int{clockEnd}, small}, {[]int{clockNow}, small}, {[]int{clockLeft}, small}},
	}
}

// fitBoard finds the arrangement that shows the time left largest, then
// start and end largest, in width×height.
func fitBoard(clocks []boardClock, width, height int) []boardRow {
	best, bestLeft, bestSmall := []boardRow(nil), 0, 0
	for small := 1; small <= boardMaxScale; small++ {
		for big := small; big <= boardMaxScale; big++ {
			for i, rows := range boardLayouts(small, big) {
				if i != 1 && big != small {
					continue
				}
				if !boardFits(clocks, rows, width, height) {
					continue
				}
				left := rows[len(rows)-1].scale
				if left > bestLeft || (left == bestLeft && small > bestSmall) {
					best, bestLeft, bestSmall = rows, left, small
				}
			}
		}
	}
	if best == nil { // nothing fits: the narrowest, cut by the screen
		return boardLayouts(1, 1)[2]
	}
	return best
}

// cellWidth is the width of a clock at scale: its digits or its label.
func cellWidth(ck boardClock, scale int) int {
	return max(bigWidth(ck.value, scale), lipgloss.Width(ck.label))
}

func boardFits(clocks []boardClock, rows []boardRow, width, height int) bool {
	h := len(rows) - 1 // a blank line between rows
	for _, r := range rows {
		w := (len(r.clocks)-1)*boardGap + len(r.clocks)*rowCellWidth(clocks, r)
		if w > width {
			return false
		}
		h += 1 + bigHeight(r.scale)
	}
	return h <= height
}

// rowCellWidth is the width of every clock of a row: the widest of them, so
// the clocks of a row line up.
func rowCellWidth(clocks []boardClock, r boardRow) int {
	w := 0
	for _, i := range r.clocks {
		w = max(w, cellWidth(clocks[i], r.scale))
	}
	return w
}

func (b *board) View() string {
	c := b.ctx
	s := c.Styles
	h := c.Hall
	if !h.Exists() {
		return c.Cat.T("refusal.no_hall")
	}
	title := s.Title.Render(h.Name)
	if c.Hall.Demo { // the file says it is the demo's
		title += "  " + s.Demo.Render(c.Cat.T("ui.demo"))
	}
	header := []string{
		lipgloss.PlaceHorizontal(b.width, lipgloss.Center, fit(title, b.width)),
		lipgloss.PlaceHorizontal(b.width, lipgloss.Center, s.Dim.Render(fit(h.Date+" · "+b.programmeNames(b.width-len(h.Date)-3), b.width))),
	}
	warning := b.warning()
	keys := s.Dim.Render(c.keyLine(b, b.width))

	avail := b.height - len(header) - len(warning) - 2 // a blank line, the keys
	clocks := b.clocks()
	grid := b.grid(clocks, fitBoard(clocks, b.width, avail))
	body := lipgloss.Place(b.width, max(avail, 1), lipgloss.Center, lipgloss.Center, grid)

	lines := append([]string{}, header...)
	lines = append(lines, strings.Split(body, "\n")...)
	lines = append(lines, warning...)
	lines = append(lines, "", keys)
	if len(lines) > b.height {
		lines = lines[:b.height]
	}
	return strings.Join(lines, "\n")
}

// grid draws the clocks in rows.
func (b *board) grid(clocks []boardClock, rows []boardRow) string {
	s := b.ctx.Styles
	var out []string
	for _, r := range rows {
		cellW := rowCellWidth(clocks, r)
		var cells []string
		for n, i := range r.clocks {
			ck := clocks[i]
			digits := s.Big.Render(strings.Join(bigText(ck.value, r.scale), "\n"))
			cell := lipgloss.JoinVertical(lipgloss.Center, s.BoardLabel.Render(ck.label), digits)
			if n > 0 {
				cells = append(cells, strings.Repeat(" ", boardGap))
			}
			cells = append(cells, lipgloss.PlaceHorizontal(cellW, lipgloss.Center, cell))
		}
		if len(out) > 0 {
			out = append(out, "")
		}
		out = append(out, lipgloss.JoinHorizontal(lipgloss.Top, cells...))
	}
	return lipgloss.JoinVertical(lipgloss.Center, out...)
}

// warning is the current warning of the hall, from the file: the end, or
// the last warning mark given.
func (b *board) warning() []string {
	c := b.ctx
	s := c.Styles
	h := c.Hall
	var text string
	style := s.Notice
	switch {
	case h.Interrupted:
		text, style = c.Cat.T("ui.board.interrupted"), s.Interrupted
	case h.Phase == exam.PhaseClosed:
		text, style = c.Cat.T("ui.board.closed", clockText(h.ClosedAt)), s.Closed
	case h.Phase == exam.PhaseTimeUp:
		text, style = c.Cat.T("ui.warning.time_up"), s.ReadOnly
	case h.Phase == exam.PhaseRunning:
		if mark, ok := h.LastWarning(); ok {
			text = c.Cat.T("ui.board.warning", mark)
		}
	case !h.Phase.Started():
		text, style = c.Cat.T("ui.board.not_started"), s.Dim
	}
	if text == "" {
		return nil
	}
	if h.Phase.Started() {
		text = "⚠ " + text + " ⚠"
	}
	return []string{style.Render(lipgloss.PlaceHorizontal(b.width, lipgloss.Center, text))}
}

// programmeNames are the hall's programmes with their names if they fit
// in width, else by code.
func (b *board) programmeNames(width int) string {
	c := b.ctx
	names := make([]string, len(c.Hall.Programmes))
	for i, code := range c.Hall.Programmes {
		names[i] = c.Cat.T("programme." + code)
	}
	if long := strings.Join(names, " · "); lipgloss.Width(long) <= width {
		return long
	}
	return strings.Join(c.Hall.Programmes, " · ")
}
