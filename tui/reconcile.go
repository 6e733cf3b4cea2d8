package tui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"examday/exam"
)

// sheetsPage is the reconciliation of the answer sheets (§1.5, step 11 of
// the day): first every sheet given out and neither received nor voided,
// with its code, seat and question — what the officer must still find —
// then each examinee's sheets issued, received and voided ("4/4", "3/4",
// "4/4 +1 void"), and what was printed and not given out. It is read from
// the rules (exam.Hall.Reconcile, Shortfall), never counted here.
type sheetsPage struct {
	ctx           *Context
	act           actions
	width, height int
	// frame is what the root hands over to draw (alerts, status).
	frame  frame
	offset int
}

func newSheetsPage(ctx *Context, act actions) *sheetsPage { return &sheetsPage{ctx: ctx, act: act} }

func (p *sheetsPage) SetSize(w, h int) { p.width, p.height = w, h }

func (p *sheetsPage) SetFrame(f frame) { p.frame = f }

// show opens the page at its top.
func (p *sheetsPage) show() { p.offset = 0 }

func (p *sheetsPage) ShortHelp() []key.Binding {
	k := p.ctx.Keys
	return []key.Binding{k.Up, k.Down, k.Void, k.Back}
}

func (p *sheetsPage) FullHelp() [][]key.Binding {
	k := p.ctx.Keys
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End},
		{k.Void, k.TypeCode, k.CloseHall, k.Files, k.Back},
		{k.Board, k.Ack, k.Lang, k.Help, k.Quit},
	}
}

func (p *sheetsPage) Update(msg tea.Msg) reply {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return reply{}
	}
	k := p.ctx.Keys
	switch {
	case key.Matches(km, k.Up):
		p.offset--
	case key.Matches(km, k.Down):
		p.offset++
	case key.Matches(km, k.PageUp):
		p.offset -= max(p.rows()-1, 1)
	case key.Matches(km, k.PageDown):
		p.offset += max(p.rows()-1, 1)
	case key.Matches(km, k.Home):
		p.offset = 0
	case key.Matches(km, k.End):
		p.offset = len(p.lines())
	default:
		r, _ := p.act.onHall(km)
		return r
	}
	p.offset = min(max(p.offset, 0), max(len(p.lines())-p.rows(), 0))
	return reply{}
}

// rows is how many lines of the list fit under the header and the totals.
func (p *sheetsPage) rows() int {
	return max(p.height-2-len(p.frame.alerts)-2-2, 1)
}

func (p *sheetsPage) View() string {
	c := p.ctx
	s := c.Styles
	lines := make([]string, 0, p.height)
	lines = append(lines, c.headerLines(p.width)...)
	lines = append(lines, p.frame.alerts...)
	lines = append(lines, s.Title.Render(fit(c.Cat.T("ui.sheets.title"), p.width)), p.totals())

	list := p.lines()
	rows := p.rows()
	offset := min(max(p.offset, 0), max(len(list)-rows, 0))
	end := min(offset+rows, len(list))
	lines = append(lines, list[offset:end]...)
	for len(lines) < p.height-2 {
		lines = append(lines, "")
	}
	lines = append(lines, p.frame.status, c.keyLine(p, p.width))
	return strings.Join(lines, "\n")
}

// totals is the hall's count: given out, received, voided, missing.
func (p *sheetsPage) totals() string {
	c := p.ctx
	if c.Hall.Session == "" {
		return c.Styles.Dim.Render(fit(c.Cat.T("ui.sheets.none_printed"), p.width))
	}
	t := c.sheetTotals()
	text := c.Cat.T("ui.sheets.totals", t.issued, t.received, t.voided, t.missing)
	if t.missing > 0 {
		return c.Styles.StatusErr.Render(fit("✗ "+text, p.width))
	}
	return c.Styles.StatusOK.Render(fit("✔ "+text, p.width))
}

// sheetTotals counts the hall's sheets given out.
type sheetTotals struct{ issued, received, voided, missing int }

func (c *Context) sheetTotals() sheetTotals {
	var t sheetTotals
	for _, n := range c.Hall.Reconcile() {
		t.issued += n.Issued
		t.received += n.Received
		t.voided += n.Voided
		t.missing += len(n.Missing)
	}
	return t
}

// lines is the list under the totals: the sheets not accounted for, then
// each examinee's count, then what was not given out.
func (p *sheetsPage) lines() []string {
	c := p.ctx
	s := c.Styles
	w := p.width
	T := c.Cat.T
	if c.Hall.Session == "" {
		return nil
	}
	var out []string
	missing := c.Hall.Shortfall()
	out = append(out, "")
	if len(missing) == 0 {
		out = append(out, s.Bold.Render(fit(T("ui.sheets.all_in"), w)))
	} else {
		out = append(out, s.Bold.Render(fit(T("ui.sheets.missing", len(missing)), w)))
		out = append(out, c.shortfallLines(missing, w)...)
	}

	out = append(out, "", s.TableHeader.Render(fit(T("ui.sheets.by_examinee"), w)))
	counts := c.Hall.Reconcile()
	seatW := lipgloss.Width(T("ui.col.seat"))
	for _, e := range c.Hall.Examinees() {
		seatW = max(seatW, lipgloss.Width(e.Seat))
	}
	const countW = 16
	nameW := max(w-2-seatW-1-countW-1, 8)
	for _, e := range c.Hall.Examinees() {
		n, has := counts[e.ID]
		text := p.countText(e, n, has)
		line := "  " + pad(e.Seat, seatW) + " " + pad(e.FullName, nameW) + " " + text
		if has && len(n.Missing) > 0 {
			line = s.StatusErr.Render(fit(line, w))
		}
		out = append(out, fit(line, w))
	}

	printed, spares := 0, 0
	packets := map[string]bool{}
	for _, sh := range c.Hall.Sheets() {
		if sh.State != exam.SheetPrinted {
			continue
		}
		if sh.Spare {
			spares++
		} else if !packets[sh.Packet] {
			packets[sh.Packet] = true
			printed++
		}
	}
	out = append(out, "", s.Dim.Render(fit(T("ui.sheets.unused", printed, spares), w)))
	return out
}

// countText is one examinee's sheets: received of issued, and any voided;
// "—" with why when they have none.
func (p *sheetsPage) countText(e *exam.Examinee, n exam.SheetCount, has bool) string {
	T := p.ctx.Cat.T
	if !has {
		if e.Status == exam.Absent {
			return T("ui.sheets.count_absent")
		}
		return T("ui.sheets.count_none")
	}
	text := fmt.Sprintf("%d/%d", n.Received, n.Issued)
	if n.Voided > 0 {
		text += " " + T("ui.sheets.count_void", n.Voided)
	}
	if len(n.Missing) > 0 {
		text = "✗ " + text
	} else {
		text = "✔ " + text
	}
	return text
}

// shortfallLines lists sheets not accounted for: code, seat, examinee and
// question, one a line, in the order of the roster.
func (c *Context) shortfallLines(missing []*exam.Sheet, width int) []string {
	missing = slices.Clone(missing)
	ordinal := func(s *exam.Sheet) int {
		if e, ok := c.Hall.Examinee(s.Examinee); ok {
			return e.Ordinal
		}
		return -1
	}
	slices.SortStableFunc(missing, func(a, b *exam.Sheet) int {
		return cmp.Or(cmp.Compare(ordinal(a), ordinal(b)), cmp.Compare(a.Question, b.Question))
	})
	var out []string
	for _, sh := range missing {
		e, _ := c.Hall.Examinee(sh.Examinee)
		seat, name := "", ""
		if e != nil {
			seat, name = e.Seat, e.FullName
		}
		text := "  ✗ " + sh.Code.Grouped() + "  " + c.Cat.T("ui.sheets.missing_line", seat, c.questionText(sh), name)
		out = append(out, fit(text, width))
	}
	return out
}
