package tui

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"examday/exam"
)

// dashboard is the first screen: the hall, its state and clock, and the
// roster with each examinee's status. The officer acts on the selected
// examinee from here.
type dashboard struct {
	ctx           *Context
	act           actions
	width, height int
	// frame is what the root hands over to draw (alerts, status).
	frame       frame
	sel, offset int // selected row, first row shown
}

func newDashboard(ctx *Context, act actions) *dashboard { return &dashboard{ctx: ctx, act: act} }

func (d *dashboard) SetSize(w, h int) {
	d.width, d.height = w, h
	d.follow()
}

func (d *dashboard) SetFrame(f frame) { d.frame = f }

// ShortHelp is the keys of the moment: before the start the morning's
// actions; after it the next steps of the selected examinee's day, their
// detail view, the offers when there are any, and the board.
func (d *dashboard) ShortHelp() []key.Binding {
	k := d.ctx.Keys
	h := d.ctx.Hall
	if !h.Phase.Started() {
		return []key.Binding{k.Present, k.Absent, k.Materials, k.Start, k.Board, k.Lang, k.Quit}
	}
	keys := append(d.act.keysFor(d.selected()), k.Open)
	if len(h.Offers) > 0 {
		keys = append(keys, k.Offers)
	}
	if h.Session != "" {
		keys = append(keys, k.Reconcile)
	}
	return append(keys, k.Board, k.Lang, k.Quit)
}

func (d *dashboard) FullHelp() [][]key.Binding {
	k := d.ctx.Keys
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End, k.Open},
		{k.Present, k.Absent, k.Materials, k.Start, k.Offers, k.Interrupt, k.CloseHall},
		{k.Theory, k.Out, k.BackIn, k.Situational, k.Code, k.HandIn, k.Violation, k.Seat},
		{k.TypeCode, k.Void, k.Reconcile, k.Files},
		{k.Board, k.Ack, k.Lang, k.Help, k.Quit},
	}
}

func (d *dashboard) Update(msg tea.Msg) reply {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return reply{}
	}
	k := d.ctx.Keys
	n := len(d.ctx.Hall.Examinees())
	switch {
	case key.Matches(km, k.Up):
		d.sel--
	case key.Matches(km, k.Down):
		d.sel++
	case key.Matches(km, k.PageUp):
		d.sel -= max(d.rows()-1, 1)
	case key.Matches(km, k.PageDown):
		d.sel += max(d.rows()-1, 1)
	case key.Matches(km, k.Home):
		d.sel = 0
	case key.Matches(km, k.End):
		d.sel = n - 1
	case key.Matches(km, k.Start):
		return d.start()
	default:
		if r, ok := d.act.onExaminee(km, d.selected()); ok {
			return r
		}
		r, _ := d.act.onHall(km)
		return r
	}
	d.follow()
	return reply{}
}

// follow keeps the selection on the roster and in sight.
func (d *dashboard) follow() {
	n := len(d.ctx.Hall.Examinees())
	d.sel = min(max(d.sel, 0), max(n-1, 0))
	rows := d.rows()
	if d.sel < d.offset {
		d.offset = d.sel
	}
	if d.sel >= d.offset+rows {
		d.offset = d.sel - rows + 1
	}
	d.offset = min(max(d.offset, 0), max(n-rows, 0))
}

func (d *dashboard) selected() *exam.Examinee {
	es := d.ctx.Hall.Examinees()
	if d.sel < 0 || d.sel >= len(es) {
		return nil
	}
	return es[d.sel]
}

// chrome is the number of lines that are not roster rows: the header, the
// alerts, who is out and the open offers, the table's header, the
// summary, the status and the keys.
func (d *dashboard) chrome() int {
	return 2 + len(d.frame.alerts) + len(d.attention()) + 1 + 3
}

// attention is the lines above the roster: the offered violations
// waiting for a decision, and everyone out of the audience, longest out
// first, so the officer sees at a glance who to look for. At most a sixth
// of the screen; the last line says how many more are out.
func (d *dashboard) attention() []string {
	c, width, limit := d.ctx, d.width, max(d.height/6, 2)
	s := c.Styles
	var lines []string
	if n := len(c.Hall.Offers); n > 0 {
		text := "⚑ " + c.Cat.T("ui.attention.offers", n, c.Keys.Offers.Help().Key)
		if c.Hall.Phase == exam.PhaseClosed {
			text = "⚑ " + c.Cat.T("ui.attention.offers_closed", n)
		}
		lines = append(lines, s.Attention.Render(fit(text, width)))
	}
	out := outOfRoom(c.Hall)
	if len(out) == 0 {
		return lines
	}
	room := max(limit-len(lines), 1)
	shown := out
	if len(out) > room {
		shown = out[:room-1]
	}
	textW := 0
	for _, e := range shown {
		t, _ := c.outText(e)
		textW = max(textW, lipgloss.Width(t))
	}
	for _, e := range shown {
		t, st := c.outText(e)
		rest := "  " + c.Cat.T("ui.attention.out", e.Seat, e.FullName, clockText(e.OutAt))
		lines = append(lines, st.Render(pad(t, textW))+fit(rest, max(width-textW, 0)))
	}
	if len(shown) < len(out) {
		lines = append(lines, s.Attention.Render(fit(c.Cat.T("ui.attention.more_out", len(out)-len(shown)), width)))
	}
	return lines
}

// rows is how many roster rows fit.
func (d *dashboard) rows() int { return max(d.height-d.chrome(), 1) }

func (d *dashboard) View() string {
	c := d.ctx
	if !c.Hall.Exists() {
		return c.Cat.T("refusal.no_hall")
	}
	lines := make([]string, 0, d.height)
	lines = append(lines, c.headerLines(d.width)...)
	lines = append(lines, d.frame.alerts...)
	lines = append(lines, d.attention()...)

	cols := rosterColumns(c, d.width)
	lines = append(lines, c.Styles.TableHeader.Render(fit(cols.header(), d.width)))
	es := c.Hall.Examinees()
	rows := d.rows()
	// The offset is kept by Update; clamp again in case the roster or the
	// room changed since.
	offset := min(max(d.offset, d.sel-rows+1, 0), max(d.sel, 0))
	end := min(offset+rows, len(es))
	for i := offset; i < end; i++ {
		lines = append(lines, cols.row(c, es[i], i == d.sel, d.width))
	}
	for i := end - offset; i < rows; i++ {
		lines = append(lines, "")
	}
	lines = append(lines, d.summary(), d.frame.status, c.keyLine(d, d.width))
	return strings.Join(lines, "\n")
}

// summary counts the roster, with where the selection is.
func (d *dashboard) summary() string {
	c := d.ctx
	t := c.Hall.Tally()
	left := c.Cat.T("ui.summary", t.Total, t.Unmarked, t.Present, t.Materials, t.Absent)
	if c.Hall.Phase.Started() {
		left = c.Cat.T("ui.summary.day", t.Total, t.Present, t.Out, t.Finished, t.Removed, t.Absent)
	}
	right := ""
	if t.Total > 0 {
		right = c.Cat.T("ui.position", d.sel+1, t.Total)
	}
	return c.Styles.Dim.Render(spread(left, right, d.width))
}

func (d *dashboard) start() reply {
	if r, ok := d.act.readOnly(); ok {
		return r
	}
	// Once started there is nothing to propose: say when it started.
	if _, err := d.ctx.Hall.ProposeStart(); refusedWith(err, exam.RefuseAlreadyStarted) {
		return d.act.refused(err)
	}
	return reply{open: newStartDialog(d.ctx)}
}

// refusedWith reports whether err is a refusal of the rules with code.
func refusedWith(err error, code string) bool {
	var r *exam.Refusal
	return errors.As(err, &r) && r.Code == code
}
