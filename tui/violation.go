package tui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"examday/exam"
	"examday/store"
)

// violationForm records a violation of §2.2 against an examinee and the
// decision on their further participation (§2.3): first the clause, from
// the catalogue; then what happened, the witnesses, the action taken and
// the decision; then the chairman's PIN. Confirming an offered violation
// opens it on the details with the offer's clause fixed and its
// description filled in; editing an offer lets the clause change too.
type violationForm struct {
	ctx            *Context
	id, name, seat string
	offer          *exam.Offer
	clauseLocked   bool
	picking        bool
	clause         int // index in exam.Clauses
	fields         [3]textinput.Model
	decision       string
	focus          int // 0–2 the fields, 3 the decision
	err            string
}

const (
	fieldDescription = iota
	fieldWitnesses
	fieldAction
	fieldDecision
	violationFields
)

// newViolationForm opens the form for e. With an offer, the clause and a
// description come from it; lockClause keeps the clause as offered.
func newViolationForm(c *Context, e *exam.Examinee, offer *exam.Offer, lockClause bool) (*violationForm, tea.Cmd) {
	f := &violationForm{ctx: c, id: e.ID, name: e.FullName, seat: e.Seat, offer: offer, picking: true}
	labels := []string{c.Cat.T("ui.violation.description"), c.Cat.T("ui.violation.witnesses"), c.Cat.T("ui.violation.action")}
	w := 0
	for _, l := range labels {
		w = max(w, lipgloss.Width(l))
	}
	limits := []int{500, 200, 200}
	for i, l := range labels {
		f.fields[i] = c.newInput(pad(l, w), limits[i])
		// Room for the mark of the focused field in front of it.
		f.fields[i].SetWidth(max(f.fields[i].Width()-len(markerSelected), 4))
	}
	if offer != nil {
		for i, cl := range exam.Clauses {
			if cl == offer.Clause {
				f.clause = i
			}
		}
		f.fields[fieldDescription].SetValue(offerDescription(c, *offer))
		f.fields[fieldDescription].CursorStart()
		f.clauseLocked = lockClause
		f.picking = !lockClause
	}
	if !f.picking {
		// The offer wrote the description: the witnesses are next.
		return f, f.focusField(fieldWitnesses)
	}
	return f, nil
}

// offerDescription is the description an offered violation suggests.
func offerDescription(c *Context, o exam.Offer) string {
	return c.Cat.T("ui.offer.description."+o.Reason, c.spanSeconds(o.Seconds), clockText(o.At))
}

func (f *violationForm) ShortHelp() []key.Binding {
	k := f.ctx.Keys
	if f.picking {
		return []key.Binding{k.Choose, k.Confirm, k.Cancel}
	}
	if f.focus == fieldDecision {
		return []key.Binding{k.Pick, k.NextField, k.Confirm, k.Back}
	}
	return []key.Binding{k.NextField, k.Confirm, k.Back}
}

func (f *violationForm) FullHelp() [][]key.Binding { return [][]key.Binding{f.ShortHelp()} }

func (f *violationForm) focusField(i int) tea.Cmd {
	f.focus = (i + violationFields) % violationFields
	var cmd tea.Cmd
	for n := range f.fields {
		if n == f.focus {
			cmd = f.fields[n].Focus()
		} else {
			f.fields[n].Blur()
		}
	}
	return cmd
}

func (f *violationForm) Update(msg tea.Msg) (dialog, tea.Cmd) {
	c := f.ctx
	k := c.Keys
	km, isKey := msg.(tea.KeyPressMsg)
	if f.picking {
		if !isKey {
			return f, nil
		}
		switch {
		case key.Matches(km, k.Cancel):
			return nil, nil
		case key.Matches(km, k.Choose):
			if km.String() == "up" {
				f.clause = (f.clause + len(exam.Clauses) - 1) % len(exam.Clauses)
			} else {
				f.clause = (f.clause + 1) % len(exam.Clauses)
			}
		case key.Matches(km, k.Confirm):
			f.picking = false
			return f, f.focusField(fieldDescription)
		}
		return f, nil
	}
	if isKey {
		switch {
		case key.Matches(km, k.Back):
			if f.clauseLocked {
				return nil, nil
			}
			f.picking, f.err = true, ""
			f.focusField(fieldDecision)
			return f, nil
		case key.Matches(km, k.NextField):
			if km.String() == "shift+tab" {
				return f, f.focusField(f.focus - 1)
			}
			return f, f.focusField(f.focus + 1)
		case key.Matches(km, k.Choose):
			if km.String() == "up" {
				return f, f.focusField(f.focus - 1)
			}
			return f, f.focusField(f.focus + 1)
		case key.Matches(km, k.Confirm):
			if f.focus < fieldDecision {
				return f, f.focusField(f.focus + 1)
			}
			return f.submit()
		case f.focus == fieldDecision && key.Matches(km, k.Pick):
			switch km.String() {
			case "left":
				f.decision = exam.DecisionWarned
			case "right":
				f.decision = exam.DecisionRemoved
			default:
				if f.decision == exam.DecisionWarned {
					f.decision = exam.DecisionRemoved
				} else {
					f.decision = exam.DecisionWarned
				}
			}
			f.err = ""
			return f, nil
		}
	}
	if f.focus == fieldDecision {
		return f, nil
	}
	var cmd tea.Cmd
	f.fields[f.focus], cmd = f.fields[f.focus].Update(msg)
	return f, cmd
}

func (f *violationForm) input() exam.ViolationInput {
	v := exam.ViolationInput{
		Clause:      exam.Clauses[f.clause],
		Description: strings.TrimSpace(f.fields[fieldDescription].Value()),
		Witnesses:   strings.TrimSpace(f.fields[fieldWitnesses].Value()),
		ActionTaken: strings.TrimSpace(f.fields[fieldAction].Value()),
		Decision:    f.decision,
	}
	if f.offer != nil {
		v.Offer = f.offer.Seq
	}
	return v
}

// submit asks the rules whether the entry is complete; if all it lacks is
// the chairman's agreement, the PIN prompt is next.
func (f *violationForm) submit() (dialog, tea.Cmd) {
	c := f.ctx
	v := f.input()
	if _, err := c.Hall.RecordViolation(f.id, v, exam.Agreement{}, c.Now, c.Hall.Officer); !needsAgreement(err) {
		f.err = c.ErrorText(err)
		return f, nil
	}
	id, name := f.id, f.name
	action := agreedAction{
		purpose: "violation",
		title:   c.Cat.T("ui.violation.agree", c.clauseLabel(v.Clause), name, f.seat),
		lines:   []string{c.Cat.T("ui.violation.agree_decision", c.Cat.T("decision."+v.Decision))},
		act: func(h *exam.Hall, a exam.Agreement, now time.Time) ([]exam.Event, error) {
			ev, err := h.RecordViolation(id, v, a, now, h.Officer)
			if err != nil {
				return nil, err
			}
			return []exam.Event{ev}, nil
		},
		describe: func(c *Context, recs []store.Record) string {
			d, _ := exam.Decode[exam.ViolationData](recs[0].Event) // just decided by this program: it reads
			return c.Cat.T("ui.done.violation", c.clauseLabel(d.Clause), name, c.Cat.T("decision."+d.Decision), d.AgreedBy)
		},
		then: func() (dialog, tea.Cmd) {
			if v.Decision == exam.DecisionRemoved {
				return removedNotice(c, id), nil
			}
			if v.Offer != 0 && len(c.Hall.Offers) > 0 {
				return newOffersDialog(c), nil
			}
			return nil, nil
		},
	}
	return newPINDialog(c, action, f), nil
}

// clauseLabel is a clause's short name: (d), (г), other.
func (c *Context) clauseLabel(clause string) string { return c.Cat.T("ui.clause." + clause) }

func (f *violationForm) View() string {
	c := f.ctx
	s := c.Styles
	width := min(dialogWidth, max(c.Width-4, 20))
	title := c.Cat.T("ui.violation.title", f.name, f.seat)
	var b strings.Builder
	if f.picking {
		b.WriteString(c.Cat.T("ui.violation.pick") + "\n")
		for i, cl := range exam.Clauses {
			line := c.Cat.T("violation." + cl)
			if cl == "other" {
				line = c.Cat.T("ui.violation.other")
			}
			if i == f.clause {
				b.WriteString(s.Selected.Render(fit(markerSelected+line, width)) + "\n")
			} else {
				b.WriteString(fit(markerNone+line, width) + "\n")
			}
		}
		b.WriteString("\n" + s.Dim.Render(c.clauseText(exam.Clauses[f.clause])))
		return c.dialogBox(title, b.String(), f.err, f)
	}
	b.WriteString(s.Bold.Render(c.clauseText(exam.Clauses[f.clause])) + "\n")
	if f.offer != nil {
		b.WriteString(s.Dim.Render(c.Cat.T("ui.violation.offered", c.offerText(*f.offer))) + "\n")
	}
	b.WriteString("\n")
	for i := range f.fields {
		b.WriteString(focusMark(f.focus == i) + f.fields[i].View() + "\n")
	}
	b.WriteString(focusMark(f.focus == fieldDecision) + c.Cat.T("ui.violation.decision") + "\n")
	for _, d := range []string{exam.DecisionWarned, exam.DecisionRemoved} {
		mark := "( ) "
		if f.decision == d {
			mark = "(•) "
		}
		b.WriteString("    " + mark + c.Cat.T("decision."+d) + "\n")
	}
	return c.dialogBox(title, strings.TrimSuffix(b.String(), "\n"), f.err, f)
}

// clauseText is a clause's words as the catalogue of §2.2 has them.
func (c *Context) clauseText(clause string) string {
	if clause == "other" {
		return c.Cat.T("ui.violation.other")
	}
	return c.Cat.T("violation." + clause)
}

// focusMark marks the field that has the keyboard, in text as well as in
// the field's colour.
func focusMark(on bool) string {
	if on {
		return markerSelected
	}
	return markerNone
}

// removedNotice lists what to collect from an examinee removed from the
// exam (§2.3): what they held at the removal, from the file.
func removedNotice(c *Context, id string) dialog {
	e, ok := c.Hall.Examinee(id)
	if !ok {
		return nil
	}
	lines := []string{c.Cat.T("ui.removed.status", c.Cat.T("status."+string(e.Status))), ""}
	held := c.heldLines(c.Hall.Held(e), e, false)
	if len(held) == 0 {
		lines = append(lines, c.Cat.T("ui.removed.nothing"))
	} else {
		lines = append(lines, c.Cat.T("ui.removed.collect"))
		for _, h := range held {
			lines = append(lines, "  • "+h)
		}
	}
	return &notice{ctx: c, title: c.Cat.T("ui.removed.title", e.FullName, e.Seat), lines: lines}
}

// heldLines are the materials held, one line each.
// short gives them as a line of the detail view has room for.
func (c *Context) heldLines(m exam.Held, e *exam.Examinee, short bool) []string {
	k := func(key string) string {
		if short {
			return key + "_short"
		}
		return key
	}
	var out []string
	if m.Ticket != "" {
		out = append(out, c.Cat.T(k("ui.held.ticket"), m.Ticket))
	}
	switch {
	case m.Sheets > 0 && len(m.SheetCodes) > 0 && !short:
		out = append(out, c.Cat.T("ui.held.sheet_codes", m.Sheets, exam.SheetsPerPacket(e.Level()), strings.Join(m.SheetCodes, ", ")))
	case m.Sheets > 0:
		out = append(out, c.Cat.T(k("ui.held.sheets"), m.Sheets, exam.SheetsPerPacket(e.Level())))
	}
	if m.Situational != "" {
		out = append(out, c.Cat.T(k("ui.held.situational"), m.Situational))
	}
	if m.Code {
		out = append(out, c.Cat.T(k("ui.held.code")))
	}
	return out
}
