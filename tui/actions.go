package tui

import (
	"strings"

	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"examday/barcode"
	"examday/exam"
	"examday/store"
)

// actions are what the officer does to one examinee, from the
// dashboard's selected row and from their day (detail): one type, held by
// both pages, with the same keys on both; and the hall's own actions, which
// the reconciliation page has too. Each first asks the exam package, on
// the screen's copy of the hall, whether it would be allowed, so a refusal
// is shown at once (and changes nothing) instead of a dialog; the store
// asks again, on the file's state, when the action is recorded. An action
// answers the root with a reply: the dialog it opens, or its refusal.
type actions struct{ ctx *Context }

// reply is what a page's key asks of the root, which owns the dialog and
// the status line: a dialog to open over the page, words for the status
// line (none: the line stays as it is), and a command to run.
type reply struct {
	open dialog
	say  status
	cmd  tea.Cmd
}

// refused is a refusal, in words, for the status line.
func (a actions) refused(err error) reply {
	return reply{say: status{text: a.ctx.ErrorText(err), err: true}}
}

// onExaminee runs the examinee's action bound to msg, if any.
func (a actions) onExaminee(msg tea.KeyPressMsg, e *exam.Examinee) (reply, bool) {
	k := a.ctx.Keys
	var act func(*exam.Examinee) reply
	switch {
	case key.Matches(msg, k.Present):
		act = a.markPresent
	case key.Matches(msg, k.Absent):
		act = a.markAbsent
	case key.Matches(msg, k.Materials):
		act = a.issueMaterials
	case key.Matches(msg, k.Theory):
		act = a.theoryIn
	case key.Matches(msg, k.Out):
		act = a.leaveRoom
	case key.Matches(msg, k.BackIn):
		act = a.comeBack
	case key.Matches(msg, k.Situational):
		act = a.drawSituational
	case key.Matches(msg, k.Code):
		act = a.criminalCode
	case key.Matches(msg, k.HandIn):
		act = a.handIn
	case key.Matches(msg, k.Violation):
		act = a.violation
	case key.Matches(msg, k.Seat):
		act = a.changeSeat
	default:
		return reply{}, false
	}
	if e == nil {
		return reply{}, true
	}
	if r, ok := a.readOnly(); ok {
		return r, true
	}
	return act(e), true
}

// onHall runs the hall's action bound to msg, if any.
func (a actions) onHall(msg tea.KeyPressMsg) (reply, bool) {
	k := a.ctx.Keys
	var act func() reply
	switch {
	case key.Matches(msg, k.Offers):
		act = a.reviewOffers
	case key.Matches(msg, k.Interrupt):
		act = a.interrupt
	case key.Matches(msg, k.CloseHall):
		act = a.closeHall
	default:
		return reply{}, false
	}
	if r, ok := a.readOnly(); ok {
		return r, true
	}
	return act(), true
}

// readOnly refuses every action on a file that is read-only.
func (a actions) readOnly() (reply, bool) {
	if c := a.ctx; c.Broken != nil {
		return reply{say: status{text: c.BrokenText(), err: true}}, true
	}
	return reply{}, false
}

func (a actions) markPresent(e *exam.Examinee) reply {
	c := a.ctx
	if c.Hall.Phase.Started() {
		return a.admitLate(e)
	}
	if _, err := c.Hall.Arrive(e.ID, c.Now, c.Hall.Officer); err != nil {
		return a.refused(err)
	}
	id := e.ID
	return reply{open: newConfirm(c,
		c.Cat.T("ui.confirm.present", e.FullName, e.Seat),
		[]string{c.Cat.T("ui.confirm.id_document", c.Styles.Bold.Render(e.IDDocument))},
		c.record(recordAction, "ui.done.present", []any{e.FullName, e.IDDocument}, one(func(h *exam.Hall) (exam.Event, error) {
			return h.Arrive(id, c.Clock.Now(), h.Officer)
		})))}
}

// admitLate admits an examinee who arrives after the start, with the
// chairman's agreement; they keep the hall's end (§1.3).
func (a actions) admitLate(e *exam.Examinee) reply {
	c := a.ctx
	if _, err := c.Hall.AdmitLate(e.ID, exam.Agreement{}, c.Now, c.Hall.Officer); !needsAgreement(err) {
		return a.refused(err)
	}
	id, name := e.ID, e.FullName
	title := c.Cat.T("ui.admit.title", e.FullName, e.Seat)
	lines := []string{
		c.Cat.T("ui.admit.late", clockText(c.Hall.Start), c.span(c.Now.Sub(c.Hall.Start))),
		c.Cat.T("ui.confirm.id_document", c.Styles.Bold.Render(e.IDDocument)),
		c.Cat.T("ui.admit.end", clockText(c.Hall.End)),
	}
	var q *confirm
	q = newQuestion(c, title, lines, func() (dialog, tea.Cmd) {
		return newPINDialog(c, agreedAction{
			purpose: "admit_late",
			title:   title,
			lines:   lines[:1],
			act: func(h *exam.Hall, a exam.Agreement, now time.Time) ([]exam.Event, error) {
				ev, err := h.AdmitLate(id, a, now, h.Officer)
				if err != nil {
					return nil, err
				}
				return []exam.Event{ev}, nil
			},
			describe: func(c *Context, recs []store.Record) string {
				return c.Cat.T("ui.done.admitted", name, c.Hall.Chairman, c.Keys.Materials.Help().Key)
			},
		}, q), nil
	})
	return reply{open: q}
}

func (a actions) markAbsent(e *exam.Examinee) reply {
	c := a.ctx
	if _, err := c.Hall.MarkAbsent(e.ID, c.Now, c.Hall.Officer); err != nil {
		return a.refused(err)
	}
	id := e.ID
	return reply{open: newConfirm(c,
		c.Cat.T("ui.confirm.absent", e.FullName, e.Seat),
		nil,
		c.record(recordAction, "ui.done.absent", []any{e.FullName}, one(func(h *exam.Hall) (exam.Event, error) {
			return h.MarkAbsent(id, c.Clock.Now(), h.Officer)
		})))}
}

func (a actions) issueMaterials(e *exam.Examinee) reply {
	c := a.ctx
	// Asked with a stand-in ticket: the question here is only whether
	// this examinee may receive materials now; the typed ticket is
	// checked when it is recorded.
	if _, err := c.Hall.IssueMaterials(e.ID, "0", "", c.Now, c.Hall.Officer); err != nil {
		return a.refused(err)
	}
	f, focus := newMaterialsForm(c, e)
	return reply{open: f, cmd: focus}
}

// theoryIn: the examinee hands the theory sheets in (§1.5).
func (a actions) theoryIn(e *exam.Examinee) reply {
	c := a.ctx
	if _, err := c.Hall.HandTheoryIn(e.ID, c.Now, c.Hall.Officer); err != nil {
		return a.refused(err)
	}
	id := e.ID
	lines := []string{c.Cat.T("ui.confirm.theory_sheets", exam.TheoryQuestions(e.Level()))}
	// By hand, with theory sheets not scanned in: say how many are in and
	// which are not, so the officer confirms knowing it.
	if received, issued, missing := c.Hall.TheorySheetsOf(id); len(missing) > 0 {
		codes := make([]string, len(missing))
		for i, s := range missing {
			codes[i] = s.Code.Grouped()
		}
		lines = append(lines, "", c.Styles.Bold.Render("⚠ "+c.Cat.T("ui.confirm.theory_unscanned", received, issued, strings.Join(codes, ", "))))
	}
	return reply{open: newConfirm(c,
		c.Cat.T("ui.confirm.theory", e.FullName, e.Seat),
		lines,
		c.record(recordAction, "ui.done.theory", []any{e.FullName}, one(func(h *exam.Hall) (exam.Event, error) {
			return h.HandTheoryIn(id, c.Clock.Now(), h.Officer)
		})))}
}

// leaveRoom: out of the audience, for the break or for medical care.
func (a actions) leaveRoom(e *exam.Examinee) reply {
	c := a.ctx
	_, breakErr := c.Hall.LeaveRoom(e.ID, false, "", c.Now, c.Hall.Officer)
	switch {
	case breakErr == nil:
	case refusedWith(breakErr, exam.RefuseBreakUsed), refusedWith(breakErr, exam.RefuseBreakBeforeTheory),
		refusedWith(breakErr, exam.RefuseBreakNotNow):
		// No break now; emergency medical care may still take them out.
		if _, err := c.Hall.LeaveRoom(e.ID, true, "-", c.Now, c.Hall.Officer); err != nil {
			return a.refused(err)
		}
	default:
		return a.refused(breakErr)
	}
	d, cmd := newLeaveDialog(c, e, breakErr)
	return reply{open: d, cmd: cmd}
}

// comeBack: back in the audience. A break past its 10 minutes is offered
// as violation (d) by the rules when the return is recorded.
func (a actions) comeBack(e *exam.Examinee) reply {
	c := a.ctx
	evs, err := c.Hall.ComeBack(e.ID, c.Now, c.Hall.Officer)
	if err != nil {
		return a.refused(err)
	}
	lines := []string{c.Cat.T("ui.confirm.back_out", clockText(e.OutAt), c.span(c.Now.Sub(e.OutAt)))}
	if len(evs) > 1 {
		lines = append(lines, c.Cat.T("ui.confirm.back_over", c.span(e.BreakOverrun(c.Now))))
	}
	id, name := e.ID, e.FullName
	return reply{open: newConfirm(c, c.Cat.T("ui.confirm.back", e.FullName, e.Seat), lines,
		c.recordDescribed(func(c *Context, recs []store.Record) string {
			d, _ := exam.Decode[exam.BreakInData](recs[0].Event) // just decided by this program: it reads
			if len(recs) > 1 {
				return c.Cat.T("ui.done.back_over", name, c.spanSeconds(d.OutSeconds), c.spanSeconds(d.OverrunSeconds), c.Keys.Offers.Help().Key)
			}
			return c.Cat.T("ui.done.back", name, c.spanSeconds(d.OutSeconds))
		}, func(h *exam.Hall) ([]exam.Event, error) {
			return h.ComeBack(id, c.Clock.Now(), h.Officer)
		}))}
}

func (a actions) drawSituational(e *exam.Examinee) reply {
	c := a.ctx
	// A stand-in number, with the duplicate check off: the question is
	// only whether they may draw now.
	if _, err := c.Hall.DrawSituational(e.ID, "0", true, c.Now, c.Hall.Officer); err != nil {
		return a.refused(err)
	}
	f, cmd := newSituationalForm(c, e)
	return reply{open: f, cmd: cmd}
}

// criminalCode hands the Criminal Code out, or takes it back (§1.6, §2.1).
func (a actions) criminalCode(e *exam.Examinee) reply {
	c := a.ctx
	id := e.ID
	if e.CodeOut {
		if _, err := c.Hall.TakeBackCode(e.ID, c.Now, c.Hall.Officer); err != nil {
			return a.refused(err)
		}
		return reply{open: newConfirm(c, c.Cat.T("ui.confirm.code_back", e.FullName, e.Seat),
			[]string{c.Cat.T("ui.confirm.code_since", clockText(e.CodeOutAt))},
			c.record(recordAction, "ui.done.code_back", []any{e.FullName}, one(func(h *exam.Hall) (exam.Event, error) {
				return h.TakeBackCode(id, c.Clock.Now(), h.Officer)
			})))}
	}
	if _, err := c.Hall.HandOutCode(e.ID, c.Now, c.Hall.Officer); err != nil {
		return a.refused(err)
	}
	return reply{open: newConfirm(c, c.Cat.T("ui.confirm.code_out", e.FullName, e.Seat),
		[]string{c.Cat.T("ui.confirm.code_why")},
		c.record(recordAction, "ui.done.code_out", []any{e.FullName}, one(func(h *exam.Hall) (exam.Event, error) {
			return h.HandOutCode(id, c.Clock.Now(), h.Officer)
		})))}
}

// handIn: the situational sheet and the exam ticket, which end the day.
// Refused while the Criminal Code is out unless forced with a reason;
// after the end the rules offer violation (i).
func (a actions) handIn(e *exam.Examinee) reply {
	c := a.ctx
	evs, err := c.Hall.HandIn(e.ID, "", c.Now, c.Hall.Officer)
	id, name := e.ID, e.FullName
	describe := func(c *Context, recs []store.Record) string {
		d, _ := exam.Decode[exam.HandedInData](recs[0].Event) // just decided by this program: it reads
		if len(recs) > 1 {
			return c.Cat.T("ui.done.hand_in_late", name, c.spanSeconds(d.LateBySeconds), c.Keys.Offers.Help().Key)
		}
		return c.Cat.T("ui.done.hand_in", name)
	}
	if refusedWith(err, exam.RefuseSituationalUndrawn) {
		// Ask: the ticket drawn and not recorded, or no situational
		// problem and why.
		f, cmd := newUndrawnForm(c, e, barcode.Code{})
		return reply{open: f, cmd: cmd}
	}
	if refusedWith(err, exam.RefuseCodeStillOut) {
		f, cmd := newReasonForm(c, c.Cat.T("ui.hand_in.title", e.FullName, e.Seat),
			[]string{c.ErrorText(err)}, c.Cat.T("ui.hand_in.forced"),
			func(f *reasonForm, reason string) (dialog, tea.Cmd) {
				return f.recording(c.recordDescribed(describe, func(h *exam.Hall) ([]exam.Event, error) {
					return h.HandIn(id, reason, c.Clock.Now(), h.Officer)
				}))
			})
		return reply{open: f, cmd: cmd}
	}
	if err != nil {
		return a.refused(err)
	}
	d, _ := exam.Decode[exam.HandedInData](evs[0]) // just decided by this program: it reads
	lines := []string{c.Cat.T("ui.hand_in.what", e.Ticket)}
	if len(evs) > 1 {
		lines = append(lines, c.Cat.T("ui.hand_in.late", clockText(c.Hall.End), c.spanSeconds(d.LateBySeconds)))
	}
	return reply{open: newConfirm(c, c.Cat.T("ui.hand_in.title", e.FullName, e.Seat), lines,
		c.recordDescribed(describe, func(h *exam.Hall) ([]exam.Event, error) {
			return h.HandIn(id, "", c.Clock.Now(), h.Officer)
		}))}
}

// violation opens the violation form for the examinee (§2.2).
func (a actions) violation(e *exam.Examinee) reply {
	c := a.ctx
	probe := exam.ViolationInput{Clause: "a", Description: "-", Witnesses: "-", Decision: exam.DecisionWarned}
	if _, err := c.Hall.RecordViolation(e.ID, probe, exam.Agreement{}, c.Now, c.Hall.Officer); !needsAgreement(err) {
		return a.refused(err)
	}
	f, cmd := newViolationForm(c, e, nil, false)
	return reply{open: f, cmd: cmd}
}

func (a actions) reviewOffers() reply {
	c := a.ctx
	return reply{open: newOffersDialog(c)}
}

// interrupt stops the exam, or resumes it if it is interrupted.
func (a actions) interrupt() reply {
	c := a.ctx
	h := c.Hall
	if h.Interrupted {
		if _, err := h.EndInterruption(exam.Agreement{}, c.Now, h.Officer); !needsAgreement(err) {
			return a.refused(err)
		}
		return reply{open: resumeQuestion(c)}
	}
	if _, err := h.StartInterruption(exam.InterruptEvacuation, "", exam.Agreement{}, c.Now, h.Officer); !needsAgreement(err) {
		return a.refused(err)
	}
	f, cmd := newInterruptForm(c)
	return reply{open: f, cmd: cmd}
}

// closeHall opens the close: refused at once if the hall cannot close at
// all (not started, closed already); while someone still sits, the dialog
// lists who. Asked as a close with a shortfall of answer sheets, whose
// only want, if sheets are missing, is the chairman's agreement.
func (a actions) closeHall() reply {
	c := a.ctx
	_, err := c.Hall.CloseHallShortfall(true, "-", exam.Agreement{}, c.Now, c.Hall.Officer)
	switch {
	case err == nil, needsAgreement(err):
		return reply{open: newCloseDialog(c, nil)}
	case refusedWith(err, exam.RefuseStillSitting):
		return reply{open: newCloseDialog(c, err)}
	}
	return a.refused(err)
}

// keysFor are the keys of what may come next in e's day, for the key
// line (the help lists every key): the domain says which steps are open
// (exam.Hall.NextActions), the screen which key each has.
func (a actions) keysFor(e *exam.Examinee) []key.Binding {
	c := a.ctx
	var out []key.Binding
	for _, act := range c.Hall.NextActions(e) {
		if act == exam.ActSeat {
			continue // rare: in the help, not worth a place on the key line
		}
		if b, ok := actionKey(c, act); ok {
			out = append(out, b)
		}
	}
	return out
}

// actionKey is the key of a step of the day.
func actionKey(c *Context, a exam.Action) (key.Binding, bool) {
	k := c.Keys
	b, ok := map[exam.Action]key.Binding{
		exam.ActPresent: k.Present, exam.ActMaterials: k.Materials, exam.ActTheory: k.Theory,
		exam.ActOut: k.Out, exam.ActBackIn: k.BackIn, exam.ActSituational: k.Situational,
		exam.ActCode: k.Code, exam.ActHandIn: k.HandIn, exam.ActViolation: k.Violation, exam.ActSeat: k.Seat,
	}[a]
	return b, ok
}
