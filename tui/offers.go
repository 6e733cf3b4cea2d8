package tui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"examday/exam"
	"examday/store"
)

// offersDialog lists the violations the application offered (a break
// overrun, a late hand-in) that wait for the officer's decision: confirm
// one (the violation form, filled in from the offer, then the chairman's
// PIN), edit it (the same form, the clause too may change), or dismiss it
// with a reason, which is logged. The list is the hall's, from the file.
type offersDialog struct {
	ctx *Context
	sel int
	err string
}

func newOffersDialog(c *Context) *offersDialog { return &offersDialog{ctx: c} }

func (d *offersDialog) ShortHelp() []key.Binding {
	k := d.ctx.Keys
	if len(d.ctx.Hall.Offers) == 0 {
		return []key.Binding{k.Cancel}
	}
	return []key.Binding{k.Choose, k.Confirm, k.OfferEdit, k.OfferDismiss, k.Cancel}
}

func (d *offersDialog) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }

func (d *offersDialog) selected() (exam.Offer, bool) {
	offers := d.ctx.Hall.Offers
	if len(offers) == 0 {
		return exam.Offer{}, false
	}
	d.sel = min(max(d.sel, 0), len(offers)-1)
	return offers[d.sel], true
}

func (d *offersDialog) Update(msg tea.Msg) (dialog, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return d, nil
	}
	c := d.ctx
	k := c.Keys
	if key.Matches(km, k.Cancel) {
		return nil, nil
	}
	o, has := d.selected()
	if !has {
		return d, nil
	}
	switch {
	case key.Matches(km, k.Choose):
		if km.String() == "up" {
			d.sel--
		} else {
			d.sel++
		}
		d.selected()
		d.err = ""
	case key.Matches(km, k.Confirm), key.Matches(km, k.OfferEdit):
		e, found := c.Hall.Examinee(o.Examinee)
		if !found {
			return d, nil
		}
		// Asked with a stand-in description: the question is whether a
		// violation can be recorded against them now at all.
		probe := exam.ViolationInput{Clause: o.Clause, Description: "-", Witnesses: "-", Decision: exam.DecisionWarned, Offer: o.Seq}
		if _, err := c.Hall.RecordViolation(o.Examinee, probe, exam.Agreement{}, c.Now, c.Hall.Officer); !needsAgreement(err) {
			d.err = c.ErrorText(err)
			return d, nil
		}
		offer := o
		return newViolationForm(c, e, &offer, key.Matches(km, k.Confirm))
	case key.Matches(km, k.OfferDismiss):
		// All but the agreement in order? Then the reason, then the PIN.
		if _, err := c.Hall.DismissOffer(o.Seq, "-", exam.Agreement{}, c.Now, c.Hall.Officer); !needsAgreement(err) {
			d.err = c.ErrorText(err)
			return d, nil
		}
		return d.dismissForm(o)
	}
	return d, nil
}

// dismissForm asks why an offered violation is dismissed; the reason is
// logged with the dismissal.
func (back *offersDialog) dismissForm(o exam.Offer) (dialog, tea.Cmd) {
	c := back.ctx
	name := o.Examinee
	if e, ok := c.Hall.Examinee(o.Examinee); ok {
		name = e.FullName
	}
	seq := o.Seq
	f, cmd := newReasonForm(c, c.Cat.T("ui.dismiss.title", name),
		[]string{c.offerText(o), "", c.Cat.T("ui.dismiss.why")},
		c.Cat.T("ui.dismiss.reason"),
		func(f *reasonForm, reason string) (dialog, tea.Cmd) {
			if _, err := c.Hall.DismissOffer(seq, reason, exam.Agreement{}, c.Now, c.Hall.Officer); !needsAgreement(err) {
				f.err = c.ErrorText(err)
				return f, nil
			}
			// §2.3: a decision on a violation, dismissing one too, is the
			// officer's in agreement with the chairman.
			return newPINDialog(c, agreedAction{
				purpose: "dismiss_offer",
				title:   c.Cat.T("ui.dismiss.title", name),
				lines:   []string{c.offerText(o), c.Cat.T("ui.cancel.reason_is", reason)},
				act: func(h *exam.Hall, a exam.Agreement, now time.Time) ([]exam.Event, error) {
					ev, err := h.DismissOffer(seq, reason, a, now, h.Officer)
					if err != nil {
						return nil, err
					}
					return []exam.Event{ev}, nil
				},
				describe: func(c *Context, recs []store.Record) string {
					return c.Cat.T("ui.done.dismissed", c.clauseLabel(o.Clause), name, reason)
				},
				then: f.after,
			}, f), nil
		})
	f.after = func() (dialog, tea.Cmd) {
		if len(c.Hall.Offers) > 0 {
			back.err = ""
			return back, nil
		}
		return nil, nil
	}
	return f, cmd
}

// offerText is an offer in words: (d) break overran by 3 min 12 s, at
// 10:18:12.
func (c *Context) offerText(o exam.Offer) string {
	return c.Cat.T("ui.offer.line", c.clauseLabel(o.Clause), c.Cat.T("offer."+o.Reason, c.span(time.Duration(o.Seconds)*time.Second)), clockText(o.At))
}

func (d *offersDialog) View() string {
	c := d.ctx
	s := c.Styles
	width := min(dialogWidth, max(c.Width-4, 20))
	offers := c.Hall.Offers
	title := c.Cat.T("ui.offers.title", len(offers))
	if len(offers) == 0 {
		return c.dialogBox(title, c.Cat.T("ui.offers.none"), d.err, d)
	}
	o, _ := d.selected()
	var b strings.Builder
	// Room for the list: the screen less the dialog's frame, its title,
	// keys and the selected offer's details.
	rows := max(c.Height-14, 3)
	first := min(max(d.sel-rows+1, 0), max(len(offers)-rows, 0))
	for i := first; i < min(first+rows, len(offers)); i++ {
		x := offers[i]
		who := x.Examinee
		if e, ok := c.Hall.Examinee(x.Examinee); ok {
			who = c.Cat.T("ui.offers.who", e.Seat, e.FullName)
		}
		line := c.offerText(x) + " — " + who
		if i == d.sel {
			b.WriteString(s.Selected.Render(fit(markerSelected+line, width)) + "\n")
		} else {
			b.WriteString(fit(markerNone+line, width) + "\n")
		}
	}
	if e, ok := c.Hall.Examinee(o.Examinee); ok {
		b.WriteString("\n" + s.Bold.Render(c.Cat.T("ui.offers.who", e.Seat, e.FullName)) + "\n")
	}
	b.WriteString(s.Dim.Render(c.clauseText(o.Clause)) + "\n\n")
	b.WriteString(s.Dim.Render(c.Cat.T("ui.offers.how")))
	return c.dialogBox(title, b.String(), d.err, d)
}
