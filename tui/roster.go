package tui

import (
	"strconv"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"examday/exam"
)

// The roster table of the dashboard. At 80 columns it shows seat, name,
// programme and status; a wider terminal adds the identity document, the
// arrival time, the materials time and the ticket, as long as the name
// keeps room.

// minNameWidth is the least room a name keeps before a column is dropped;
// maxNameWidth the most it takes on a wide terminal (the longest names of
// the roster fit in it), the rest going to the notes, where the break,
// the Code and the violations are.
const (
	minNameWidth = 34
	maxNameWidth = 44
)

type column struct {
	title string
	width int
	cell  func(e *exam.Examinee) string
}

type columns struct {
	list   []column
	name   int // index of the name column, whose width is what is left
	status int // index of the status column, drawn in its colour
}

// marker is the selection mark in front of a row: the selected row is
// also reversed, but the mark says it without colour.
const (
	markerSelected = "› "
	markerNone     = "  "
)

func rosterColumns(c *Context, width int) columns {
	t := c.Cat.T
	statusWidth := 0
	if c.Hall.Phase.Started() {
		statusWidth = outWidth(c)
	}
	for _, st := range []exam.Status{exam.Registered, exam.Present, exam.Absent, exam.Materials, exam.Writing,
		exam.TheoryIn, exam.OnBreak, exam.BackIn, exam.Situational, exam.Finished, exam.Removed} {
		statusWidth = max(statusWidth, lipgloss.Width(t("status."+string(st))))
	}
	col := func(key string, min int, cell func(e *exam.Examinee) string) column {
		title := t(key)
		return column{title: title, width: max(lipgloss.Width(title), min), cell: cell}
	}
	cs := columns{list: []column{
		col("ui.col.seat", 5, func(e *exam.Examinee) string { return e.Seat }),
		col("ui.col.name", 0, func(e *exam.Examinee) string { return e.FullName }),
		col("ui.col.programme", 7, func(e *exam.Examinee) string { return e.Programme }),
		col("ui.col.status", statusWidth, func(e *exam.Examinee) string { text, _ := statusCell(c, e); return text }),
	}, name: 1, status: 3}
	// Once sheets are given out: each examinee's received of issued, so a
	// hand-in half scanned shows.
	if sheetsIssued(c.Hall) {
		cs.list = append(cs.list, col("ui.col.sheets", 5, func(e *exam.Examinee) string { return sheetCountText(c.Hall.SheetCountOf(e.ID)) }))
	}
	// After the start: the Criminal Code out, and the violations recorded.
	notes := -1
	if c.Hall.Phase.Started() {
		notes = len(cs.list)
		cs.list = append(cs.list, col("ui.col.notes", 7, func(e *exam.Examinee) string { return rosterNotes(c, e) }))
	}

	extras := []column{
		col("ui.col.id_document", 10, func(e *exam.Examinee) string { return e.IDDocument }),
		col("ui.col.arrived", 8, func(e *exam.Examinee) string { return timeOrBlank(e.ArrivedAt) }),
		col("ui.col.materials", 8, func(e *exam.Examinee) string { return timeOrBlank(e.MaterialsAt) }),
		col("ui.col.ticket", 6, func(e *exam.Examinee) string { return e.Ticket }),
	}
	for _, x := range extras {
		if cs.nameWidth(width)-x.width-1 < minNameWidth {
			break
		}
		cs.list = append(cs.list, x)
	}
	cs.list[cs.name].width = max(min(cs.nameWidth(width), maxNameWidth), 8)
	if left := cs.nameWidth(width) - cs.list[cs.name].width; notes >= 0 && left > 0 {
		cs.list[notes].width += left
	}
	return cs
}

// sheetsIssued reports whether any answer sheet was given out.
func sheetsIssued(h *exam.Hall) bool {
	for _, s := range h.Sheets() {
		if s.Examinee != "" {
			return true
		}
	}
	return false
}

// sheetCountText is "received/issued", "" for an examinee with none.
func sheetCountText(n exam.SheetCount) string {
	if n.Issued == 0 {
		return ""
	}
	return strconv.Itoa(n.Received) + "/" + strconv.Itoa(n.Issued)
}

// nameWidth is what is left for the name at width.
func (cs columns) nameWidth(width int) int {
	used := len(markerNone)
	for i, col := range cs.list {
		if i != cs.name {
			used += col.width
		}
		used++ // the space after each column
	}
	return width - used
}

func timeOrBlank(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return clockText(t)
}

func (cs columns) header() string {
	var b strings.Builder
	b.WriteString(markerNone)
	for _, col := range cs.list {
		b.WriteString(pad(col.title, col.width))
		b.WriteByte(' ')
	}
	return b.String()
}

// row draws one examinee. The status is drawn in its colour, but it is
// always also written in words.
func (cs columns) row(c *Context, e *exam.Examinee, selected bool, width int) string {
	var before, stat, after strings.Builder
	if selected {
		before.WriteString(markerSelected)
	} else {
		before.WriteString(markerNone)
	}
	for i, col := range cs.list {
		cell := pad(col.cell(e), col.width) + " "
		switch {
		case i < cs.status:
			before.WriteString(cell)
		case i == cs.status:
			stat.WriteString(cell)
		default:
			after.WriteString(cell)
		}
	}
	if selected {
		return c.Styles.Selected.Render(fit(before.String()+stat.String()+after.String(), width))
	}
	_, style := statusCell(c, e)
	return before.String() + style.Render(stat.String()) + fit(after.String(), max(width-lipgloss.Width(before.String())-lipgloss.Width(stat.String()), 0))
}

// statusCell is an examinee's status in words and its colour; out of the
// audience it is the break's countdown or its overrun (§2.1).
func statusCell(c *Context, e *exam.Examinee) (string, lipgloss.Style) {
	if e.Status == exam.OnBreak {
		return c.outText(e)
	}
	st := c.Hall.DisplayStatus(e)
	return c.Cat.T("status." + string(st)), c.Styles.Status[st]
}

// rosterNotes are the marks of a row after the start: the Criminal Code is
// out, and how many violations were recorded.
func rosterNotes(c *Context, e *exam.Examinee) string {
	var parts []string
	if e.CodeOut {
		parts = append(parts, c.Cat.T("ui.note.code"))
	}
	if e.Violations > 0 {
		parts = append(parts, c.Cat.T("ui.note.violations", e.Violations))
	}
	return strings.Join(parts, " ")
}
