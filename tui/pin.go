package tui

import (
	"strings"
	"time"
	"unicode"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"examday/exam"
	"examday/store"
)

// The chairman of the examination commission agrees to a decision (§2.3)
// by typing their PIN on the laptop. The PIN is checked in the store's
// decision, off the screen's loop (its hash is slow on purpose): a right
// PIN records the entry with the agreement; a wrong one is itself
// recorded, and the third wrong one in a row locks the prompt for a
// minute (exam.PINAttempts, exam.PINLock).

// agreedAction is an entry that needs the chairman's agreement: what it
// is, in words for the prompt, and how the rules decide it once the PIN is
// right.
type agreedAction struct {
	// purpose is written with a wrong PIN, so the log says what it was for.
	purpose string
	title   string
	lines   []string
	act     func(h *exam.Hall, a exam.Agreement, now time.Time) ([]exam.Event, error)
	// describe puts the recorded entry into words for the status line.
	describe func(c *Context, recs []store.Record) string
	// then is opened once the entry is recorded; nil closes the prompt.
	then func() (dialog, tea.Cmd)
}

// maxPIN bounds what the prompt takes: a PIN is a few digits.
const maxPIN = 12

// pinDialog is the chairman's PIN prompt. Digits only, shown as dots; on
// a Kazakh keyboard layout the digit row types letters, which are read as
// the digits of their keys.
type pinDialog struct {
	ctx    *Context
	action agreedAction
	// back is the dialog the prompt was opened from; esc returns to it
	// with what was typed there.
	back    dialog
	pin     []rune
	err     string
	pending bool
}

func newPINDialog(c *Context, action agreedAction, back dialog) *pinDialog {
	return &pinDialog{ctx: c, action: action, back: back}
}

// needsAgreement reports whether the rules refused an action only for
// want of the chairman's agreement: everything else about it is in order,
// and the PIN prompt is next. A locked prompt is shown by the prompt.
func needsAgreement(err error) bool {
	return refusedWith(err, exam.RefuseAgreementMissing) || refusedWith(err, exam.RefusePINLocked)
}

func (d *pinDialog) ShortHelp() []key.Binding {
	k := d.ctx.Keys
	if _, locked := d.locked(); locked {
		return []key.Binding{k.Back}
	}
	return []key.Binding{k.Confirm, k.Erase, k.Back}
}

func (d *pinDialog) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }

func (d *pinDialog) locked() (time.Time, bool) { return d.ctx.Hall.PINLocked(d.ctx.Now) }

func (d *pinDialog) Update(msg tea.Msg) (dialog, tea.Cmd) {
	c := d.ctx
	switch msg := msg.(type) {
	case recordedMsg:
		d.pending, d.pin = false, nil
		if msg.err != nil {
			d.err = c.ErrorText(msg.err)
			return d, nil
		}
		if len(msg.records) > 0 && msg.records[0].Event.Type == exam.TypePINFailed {
			d.err = wrongPINText(c, msg.records[0].Event)
			return d, nil
		}
		if d.action.then != nil {
			return d.action.then()
		}
		return nil, nil
	case tea.KeyPressMsg:
		if d.pending {
			return d, nil
		}
		k := c.Keys
		switch {
		case key.Matches(msg, k.Back):
			if d.back != nil {
				return d.back, nil
			}
			return nil, nil
		case key.Matches(msg, k.Erase):
			if len(d.pin) > 0 {
				d.pin = d.pin[:len(d.pin)-1]
			}
			return d, nil
		case key.Matches(msg, k.Confirm):
			if _, locked := d.locked(); locked {
				return d, nil
			}
			if len(d.pin) == 0 {
				d.err = c.Cat.T("ui.pin.empty")
				return d, nil
			}
			d.pending, d.err = true, ""
			return d, d.record(string(d.pin))
		}
		if _, locked := d.locked(); locked {
			return d, nil
		}
		for _, r := range msg.Text {
			if digit, ok := pinDigit(r); ok && len(d.pin) < maxPIN {
				d.pin = append(d.pin, digit)
			}
		}
	}
	return d, nil
}

// kazakhDigits are what the digit row types on the Kazakh layout, for 1 2
// 3 4 5 6 7 8 9 0 (xkeyboard-config symbols/kz, as package barcode reads
// a scan); with Caps Lock on, the letters come as capitals.
const kazakhDigits = "\"әіңғ,.үұқ"

// pinDigit reads a typed character as a digit of the PIN.
func pinDigit(r rune) (rune, bool) {
	if r >= '0' && r <= '9' {
		return r, true
	}
	r = unicode.ToLower(r)
	for i, k := range []rune(kazakhDigits) {
		if r == k {
			return rune('0' + (i+1)%10), true
		}
	}
	return 0, false
}

// record checks the PIN and records the dialog's action, or the wrong
// PIN, in one decision on the state in the file.
func (d *pinDialog) record(pin string) tea.Cmd {
	c, action := d.ctx, d.action
	s, clock := c.Store, c.Clock
	act, purpose := action.act, action.purpose
	describe := func(c *Context, recs []store.Record) string {
		if len(recs) > 0 && recs[0].Event.Type == exam.TypePINFailed {
			return wrongPINText(c, recs[0].Event)
		}
		if action.describe != nil {
			return action.describe(c, recs)
		}
		return ""
	}
	return func() tea.Msg {
		hash := s.Secret(store.SecretChairmanPIN)
		recs, err := s.Do(func(h *exam.Hall) ([]exam.Event, error) {
			now := clock.Now()
			return h.WithAgreement(hash, pin, purpose, now, h.Officer, func(a exam.Agreement) ([]exam.Event, error) {
				return act(h, a, now)
			})
		})
		return recordedMsg{kind: recordAction, records: recs, err: err, hall: after(s, recs), describe: describe}
	}
}

// wrongPINText says that the PIN was wrong, and what is left: the next
// attempt of PINAttempts, or the lock.
func wrongPINText(c *Context, ev exam.Event) string {
	d, _ := exam.Decode[exam.PINFailedData](ev) // just decided by this program: it reads
	if !d.LockedUntil.IsZero() {
		return c.Cat.T("ui.pin.locked_now", exam.PINAttempts, d.LockedUntil)
	}
	return c.Cat.T("ui.pin.wrong", d.Failures+1, exam.PINAttempts)
}

func (d *pinDialog) View() string {
	c := d.ctx
	s := c.Styles
	var b strings.Builder
	b.WriteString(s.Bold.Render(d.action.title) + "\n")
	for _, l := range d.action.lines {
		b.WriteString(l + "\n")
	}
	b.WriteString("\n")
	msg := d.err
	if until, locked := d.locked(); locked {
		b.WriteString(c.Cat.T("ui.pin.prompt", c.Hall.Chairman) + "\n")
		b.WriteString(c.Cat.T("ui.pin.label") + " " + s.Dim.Render(c.Cat.T("ui.pin.locked_field")))
		msg = c.Cat.T("refusal.pin_locked", until)
	} else {
		b.WriteString(c.Cat.T("ui.pin.prompt", c.Hall.Chairman) + "\n")
		b.WriteString(c.Cat.T("ui.pin.label") + " " + s.Bold.Render(strings.Repeat("•", len(d.pin))) + "▏")
		if d.pending {
			b.WriteString("  " + s.Dim.Render(c.Cat.T("ui.pin.checking")))
		} else if msg == "" && c.Hall.PINFailures > 0 {
			msg = c.Cat.T("ui.pin.attempt", c.Hall.PINFailures+1, exam.PINAttempts)
		}
	}
	return c.dialogBox(c.Cat.T("ui.pin.title"), b.String(), msg, d)
}
