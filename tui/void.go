package tui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"examday/barcode"
	"examday/exam"
	"examday/store"
)

// voidFlow voids a spoilt answer sheet and puts a spare in its place, for
// the same examinee and question (§1.5: answers only on issued sheets):
// scan the spoilt sheet, say why, scan the spare, and the chairman agrees
// with the PIN (§2.3, pin.go). The chairman is asked last, so the PIN
// agrees to the whole entry, both codes and the reason on the prompt.
// Each step is asked of the rules at once, so a sheet that cannot be
// voided, or a sheet that is no unused spare, is refused where it is
// scanned. A sheet voided is refused when scanned later, naming its
// replacement.
type voidFlow struct {
	ctx   *Context
	step  int
	input textinput.Model
	// spoilt is the sheet to void, as it was when scanned.
	spoilt exam.Sheet
	reason string
	spare  barcode.Code
	err    string
}

const (
	voidSpoilt = iota
	voidReason
	voidSpare
)

// voidSheet opens the void flow.
func (a actions) voidSheet() reply {
	if r, ok := a.readOnly(); ok {
		return r
	}
	c := a.ctx
	if err := c.Hall.CanVoid(); err != nil {
		return a.refused(err)
	}
	f := &voidFlow{ctx: c}
	return reply{open: f, cmd: f.enter(voidSpoilt)}
}

// enter opens step, with its field empty (or the reason typed before).
func (f *voidFlow) enter(step int) tea.Cmd {
	c := f.ctx
	f.step, f.err = step, ""
	switch step {
	case voidSpoilt:
		f.input = c.newInput(c.Cat.T("ui.void.spoilt_field"), maxTyped)
		f.input.Placeholder = c.Cat.T("ui.void.scan_placeholder")
	case voidReason:
		f.input = c.newInput(c.Cat.T("ui.void.reason_field"), 300)
		f.input.SetValue(f.reason)
	case voidSpare:
		f.input = c.newInput(c.Cat.T("ui.void.spare_field"), maxTyped)
		f.input.Placeholder = c.Cat.T("ui.void.scan_placeholder")
	}
	return f.input.Focus()
}

func (f *voidFlow) ShortHelp() []key.Binding {
	k := f.ctx.Keys
	return []key.Binding{k.Confirm, k.Back}
}

func (f *voidFlow) FullHelp() [][]key.Binding { return [][]key.Binding{f.ShortHelp()} }

// readScan takes the spoilt sheet or the spare, at the steps that ask
// for one; at the reason a scan is received as anywhere else.
func (f *voidFlow) readScan(raw string) (dialog, tea.Cmd, bool) {
	if f.step == voidReason {
		return f, nil, false
	}
	d, cmd := f.take(raw)
	if d == f && f.err != "" {
		return d, refusedBells, true
	}
	return d, tea.Batch(bell, cmd), true
}

// take reads raw as the code the step asks for and, if the rules allow
// it, goes on.
func (f *voidFlow) take(raw string) (dialog, tea.Cmd) {
	c := f.ctx
	code, err := c.Hall.ParseCode(raw)
	if err != nil {
		f.input.SetValue(strings.TrimSpace(raw))
		f.err = c.ErrorText(err)
		return f, nil
	}
	f.input.SetValue(code.Grouped())
	switch f.step {
	case voidSpoilt:
		// Asked with the sheet as its own spare: everything about the
		// spoilt sheet is checked before the spare, so a refusal that
		// the spare is none means the sheet itself may be voided.
		_, err := c.Hall.VoidSheet(code, "-", code, exam.Agreement{}, c.Now, c.Hall.Officer)
		if !refusedWith(err, exam.RefuseNotASpare) {
			f.err = c.ErrorText(err)
			return f, nil
		}
		s, _ := c.Hall.Sheet(code)
		f.spoilt = *s
		return f, f.enter(voidReason)
	case voidSpare:
		if _, err := c.Hall.VoidSheet(f.spoilt.Code, f.reason, code, exam.Agreement{}, c.Now, c.Hall.Officer); !needsAgreement(err) {
			f.err = c.ErrorText(err)
			return f, nil
		}
		f.spare = code
		return f.agree(), nil
	}
	return f, nil
}

// agree opens the chairman's PIN prompt for the whole entry; esc there
// comes back to the spare.
func (f *voidFlow) agree() dialog {
	c := f.ctx
	spoilt, reason, spare := f.spoilt.Code, f.reason, f.spare
	title := c.Cat.T("ui.void.agree", spoilt.Grouped(), spare.Grouped())
	lines := []string{f.whose(), c.Cat.T("ui.sheets.reason_is", reason)}
	return newPINDialog(c, agreedAction{
		purpose: "void_sheet",
		title:   title,
		lines:   lines,
		act: func(h *exam.Hall, a exam.Agreement, now time.Time) ([]exam.Event, error) {
			ev, err := h.VoidSheet(spoilt, reason, spare, a, now, h.Officer)
			if err != nil {
				return nil, err
			}
			return []exam.Event{ev}, nil
		},
		describe: func(c *Context, recs []store.Record) string {
			return c.Cat.T("ui.done.voided", spoilt.Grouped(), spare.Grouped(), f.whose())
		},
	}, f)
}

// whose says whose sheet and which question the spoilt sheet is.
func (f *voidFlow) whose() string {
	c := f.ctx
	s := f.spoilt
	e, ok := c.Hall.Examinee(s.Examinee)
	if !ok {
		return c.questionText(&s)
	}
	return c.Cat.T("ui.void.whose", e.Seat, e.FullName, c.questionText(&s))
}

func (f *voidFlow) Update(msg tea.Msg) (dialog, tea.Cmd) {
	c := f.ctx
	if km, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(km, c.Keys.Back):
			switch f.step {
			case voidSpoilt:
				return nil, nil
			case voidReason:
				f.reason = f.input.Value()
				return f, f.enter(voidSpoilt)
			}
			return f, f.enter(voidReason)
		case key.Matches(km, c.Keys.Confirm):
			if f.step != voidReason {
				return f.take(f.input.Value())
			}
			f.reason = strings.TrimSpace(f.input.Value())
			if err := exam.CheckVoidReason(f.reason); err != nil {
				f.err = c.ErrorText(err)
				return f, nil
			}
			return f, f.enter(voidSpare)
		}
	}
	var cmd tea.Cmd
	f.input, cmd = f.input.Update(msg)
	return f, cmd
}

func (f *voidFlow) View() string {
	c := f.ctx
	s := c.Styles
	T := c.Cat.T
	var b strings.Builder
	steps := []string{T("ui.void.step_spoilt"), T("ui.void.step_reason"), T("ui.void.step_spare")}
	for i, st := range steps {
		mark := "  "
		switch {
		case i < f.step:
			mark = "✔ "
		case i == f.step:
			mark = markerSelected
		}
		line := mark + T("ui.void.step", i+1, st)
		if i == f.step {
			line = s.Bold.Render(line)
		} else if i > f.step {
			line = s.Dim.Render(line)
		}
		b.WriteString(line + "\n")
	}
	b.WriteString("\n")
	if f.step > voidSpoilt {
		b.WriteString(T("ui.void.spoilt_is", f.spoilt.Code.Grouped(), f.whose()) + "\n")
	}
	if f.step > voidReason {
		b.WriteString(T("ui.sheets.reason_is", f.reason) + "\n")
	}
	if f.step > voidSpoilt {
		b.WriteString("\n")
	}
	b.WriteString(f.input.View())
	return c.dialogBox(T("ui.void.title"), b.String(), f.err, f)
}
