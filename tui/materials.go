package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"examday/exam"
)

// materialsForm records the materials an examinee received (§1.3, §1.5):
// the number of the exam ticket, typed, and their packet of answer sheets,
// bound by scanning any one sheet of it (or typing its code). Both go into
// one entry. A packet of the other level, one already bound, a spare or a
// voided sheet is refused at once, with the reason, and nothing changes.
// Until the hall's sheets are printed there is no packet to bind: the
// ticket alone is recorded, and the form says so.
type materialsForm struct {
	ctx    *Context
	e      *exam.Examinee
	ticket textinput.Model
	sheet  textinput.Model
	focus  int
	// sheets: the hall's sheets are printed, so a packet is bound here.
	sheets bool
	// picked is the sheet read and found free to bind; zero until one is.
	picked exam.Sheet
	// sheetErr is why the sheet read cannot bind.
	sheetErr string
	writing
}

const (
	focusTicket = iota
	focusSheet
)

func newMaterialsForm(c *Context, e *exam.Examinee) (*materialsForm, tea.Cmd) {
	f := &materialsForm{ctx: c, e: e, sheets: c.Hall.Session != ""}
	labels := []string{c.Cat.T("ui.materials.ticket"), c.Cat.T("ui.materials.sheet")}
	w := lipgloss.Width(labels[0])
	if f.sheets {
		w = max(w, lipgloss.Width(labels[1]))
	}
	f.ticket = textinput.New()
	f.ticket.Prompt = pad(labels[0], w) + " "
	// Longer than a ticket number may be: what is too long is refused
	// with the reason on Enter, never cut without a word.
	f.ticket.CharLimit = maxTyped
	f.ticket.SetWidth(exam.MaxTicketLength + 1)
	f.ticket.SetStyles(c.Styles.Input)
	f.sheet = textinput.New()
	f.sheet.Prompt = pad(labels[1], w) + " "
	f.sheet.CharLimit = maxTyped
	f.sheet.SetWidth(maxTyped + 1)
	f.sheet.Placeholder = c.Cat.T("ui.materials.sheet_placeholder")
	f.sheet.SetStyles(c.Styles.Input)
	return f, f.ticket.Focus()
}

func (f *materialsForm) ShortHelp() []key.Binding {
	k := f.ctx.Keys
	if f.sheets {
		return []key.Binding{k.NextField, k.Confirm, k.Cancel}
	}
	return []key.Binding{k.Confirm, k.Cancel}
}

func (f *materialsForm) FullHelp() [][]key.Binding { return [][]key.Binding{f.ShortHelp()} }

func (f *materialsForm) focusOn(i int) tea.Cmd {
	f.focus = i
	if i == focusSheet {
		f.ticket.Blur()
		return f.sheet.Focus()
	}
	f.sheet.Blur()
	return f.ticket.Focus()
}

// readScan binds the packet of the sheet scanned: it fills the sheet
// field and says at once whether the packet can be bound.
func (f *materialsForm) readScan(raw string) (dialog, tea.Cmd, bool) {
	if f.pending {
		return f, nil, false
	}
	f.err = ""
	if !f.check(raw) {
		return f, refusedBells, true
	}
	var cmd tea.Cmd
	if strings.TrimSpace(f.ticket.Value()) == "" {
		cmd = f.focusOn(focusTicket)
	}
	return f, tea.Batch(bell, cmd), true
}

// check reads raw as a sheet of this hall and asks the rules whether its
// packet can be bound to the examinee.
func (f *materialsForm) check(raw string) bool {
	c := f.ctx
	f.picked, f.sheetErr = exam.Sheet{}, ""
	code, err := c.Hall.ParseCode(raw)
	if err != nil {
		f.sheet.SetValue(strings.TrimSpace(raw))
		f.sheetErr = c.ErrorText(err)
		return false
	}
	f.sheet.SetValue(code.Grouped())
	f.sheet.CursorEnd()
	if _, err := c.Hall.PacketToBind(f.e, code); err != nil {
		f.sheetErr = c.ErrorText(err)
		return false
	}
	s, _ := c.Hall.Sheet(code)
	f.picked = *s
	return true
}

func (f *materialsForm) Update(msg tea.Msg) (dialog, tea.Cmd) {
	c := f.ctx
	switch msg := msg.(type) {
	case recordedMsg:
		// Refused, the form stays open with the refusal, to try again.
		if f.answered(c, msg) {
			return nil, nil
		}
		return f, nil
	case tea.KeyPressMsg:
		if f.pending {
			return f, nil
		}
		k := c.Keys
		switch {
		case key.Matches(msg, k.Cancel):
			return nil, nil
		case f.sheets && key.Matches(msg, k.NextField, k.Choose):
			return f, f.focusOn(1 - f.focus)
		case key.Matches(msg, k.Confirm):
			return f.submit()
		}
	}
	var cmd tea.Cmd
	if f.focus == focusSheet {
		before := f.sheet.Value()
		f.sheet, cmd = f.sheet.Update(msg)
		if f.sheet.Value() != before {
			// Typed by hand: read again on enter.
			f.picked, f.sheetErr = exam.Sheet{}, ""
		}
		return f, cmd
	}
	f.ticket, cmd = f.ticket.Update(msg)
	return f, cmd
}

// submit records the materials: with the packet when the hall has sheets
// (a code typed by hand is read first), else the ticket alone.
func (f *materialsForm) submit() (dialog, tea.Cmd) {
	c := f.ctx
	f.err = ""
	id, name, ticket := f.e.ID, f.e.FullName, f.ticket.Value()
	if !f.sheets {
		f.pending = true
		return f, c.record(recordAction, "ui.done.materials_no_packet", []any{name, strings.TrimSpace(ticket)},
			one(func(h *exam.Hall) (exam.Event, error) {
				return h.IssueMaterials(id, ticket, "", c.Clock.Now(), h.Officer)
			}))
	}
	if f.picked.Code.IsZero() {
		typed := strings.TrimSpace(f.sheet.Value())
		if typed == "" {
			f.err = c.Cat.T("ui.materials.need_sheet")
			return f, f.focusOn(focusSheet)
		}
		if !f.check(typed) {
			return f, f.focusOn(focusSheet)
		}
	}
	code := f.picked.Code
	n := exam.SheetsPerPacket(f.picked.Level)
	f.pending = true
	return f, c.record(recordAction, "ui.done.materials_packet", []any{name, strings.TrimSpace(ticket), code.Grouped(), n},
		one(func(h *exam.Hall) (exam.Event, error) {
			return h.IssueMaterialsWithSheet(id, ticket, code, c.Clock.Now(), h.Officer)
		}))
}

func (f *materialsForm) View() string {
	c := f.ctx
	s := c.Styles
	var b strings.Builder
	if !f.sheets {
		b.WriteString(s.Dim.Render(c.Cat.T("ui.materials.who", f.e.Seat, f.e.Programme)) + "\n\n")
		b.WriteString(f.ticket.View() + "\n\n")
		b.WriteString(c.Cat.T("ui.materials.no_sheets"))
		return c.dialogBox(c.Cat.T("ui.materials.title", f.e.FullName), b.String(), f.err, f)
	}
	level := c.Cat.T("level." + string(f.e.Level()))
	b.WriteString(s.Dim.Render(c.Cat.T("ui.materials.who_sheets", f.e.Seat, f.e.Programme, level, exam.SheetsPerPacket(f.e.Level()))) + "\n\n")
	b.WriteString(focusMark(f.focus == focusTicket) + f.ticket.View() + "\n")
	b.WriteString(focusMark(f.focus == focusSheet) + f.sheet.View() + "\n\n")
	switch {
	case !f.picked.Code.IsZero():
		b.WriteString(s.Bold.Render("✔ " + c.Cat.T("ui.materials.packet_ok", c.Cat.T("level."+string(f.picked.Level)), exam.SheetsPerPacket(f.picked.Level))))
	case f.sheetErr != "":
		b.WriteString(s.StatusErr.Render("✗ " + f.sheetErr))
	default:
		b.WriteString(s.Dim.Render(c.Cat.T("ui.materials.scan_hint")))
	}
	return c.dialogBox(c.Cat.T("ui.materials.title", f.e.FullName), b.String(), f.err, f)
}
