package tui

import (
	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
)

// helpView is the help overlay: every key of the current screen, generated
// from the page's key map, so it cannot drift from the keys. Each group is
// a column; columns that do not fit side by side go under each other, so
// no key is ever cut off.
func (m Model) helpView() string {
	c := m.ctx
	s := c.Styles
	h := m.help
	h.Styles = s.Help
	h.SetWidth(0) // each column alone is never cut

	var cols []string
	for _, group := range m.pages[m.active].FullHelp() {
		cols = append(cols, h.FullHelpView([][]key.Binding{group}))
	}
	const gap = "    "
	var rows []string
	var row []string
	rowW := 0
	for _, col := range cols {
		w := lipgloss.Width(col)
		if len(row) > 0 && rowW+len(gap)+w > c.Width {
			rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
			row, rowW = nil, 0
		}
		if len(row) > 0 {
			row = append(row, gap)
			rowW += len(gap)
		}
		row = append(row, col)
		rowW += w
	}
	if len(row) > 0 {
		rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
	}
	title := s.DialogTitle.Render(c.Cat.T("ui.help.title", c.Cat.T(m.pageTitle())))
	note := s.Dim.Render(c.Cat.T("ui.help.close", c.Keys.Help.Help().Key, c.Keys.Back.Help().Key))
	parts := []string{title, ""}
	for i, r := range rows {
		if i > 0 {
			parts = append(parts, "")
		}
		parts = append(parts, r)
	}
	parts = append(parts, "", note)
	return lipgloss.Place(c.Width, max(c.Height-len(m.topBanners()), 1), lipgloss.Center, lipgloss.Center,
		lipgloss.JoinVertical(lipgloss.Left, parts...))
}

func (m Model) pageTitle() string {
	switch m.active {
	case pageBoard:
		return "ui.page.board"
	case pageDetail:
		return "ui.page.detail"
	case pageSheets:
		return "ui.page.sheets"
	}
	return "ui.page.dashboard"
}
