package tui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"examday/barcode"
)

// The barcode scanner is a keyboard: it types a sheet's code as a burst of
// digit keys a few milliseconds apart, then Enter (or Tab). The burst
// filter sits in front of every other key handling, so that a scan is
// taken as a scan whatever is open — never typed into a text field, never
// split, never lost — and a person's typing still reaches the field, in
// order.
//
// A key that could be part of a code — a digit, or what the Kazakh
// layout's digit row types, the same set the PIN prompt reads — is held
// back instead of handed on. What is held is decided when
//
//   - Enter or Tab comes: a scan if at least barcode.Length keys are
//     held; otherwise the held keys are handed on in order, then the
//     terminator;
//   - any other key comes: the same, and the key is handed on after the
//     scan too (no person types a key a few milliseconds after a scan);
//   - no key has come for a while: a scan if at least barcode.Length keys
//     are held (a scanner set to send no terminator), else they are
//     handed on.
//
// "A while" is measured by a monotonic key clock (Config.KeyClock; keys
// carry no time in Bubble Tea) read as each key is seen, and checked by a
// tick: scanGap while one key is held — a person's digit, which so
// reaches the field scanGap late, unnoticed — and scanHold once two or
// more are: no person types two digits within scanGap (the first would
// have been handed on), a scanner does, and its burst must not be cut.
// Only the tick ends a burst, never the gap seen at the next key, and the
// tick decides only when a second look, scanLook later, still finds no
// new key: when the laptop is busy and the program stalls mid-burst, the
// keys typed meanwhile wait in its input, and when it runs again they
// come in ahead of that second look. Nothing in Update waits on the file
// (the store is written and read in commands, a scan's state after its
// commit too), so the loop itself does not stall.
//
// A scan goes to the open dialog if that dialog reads scans (the materials
// step, the void flow), else it is received (sheets.go). On a page,
// where no text field has the keys, the code keys a person types slowly
// are gathered into a typed code that Enter takes in the same way. Were a
// burst ever cut, it would be handed on as typing, never taken for a
// wrong code: the check digit stands behind every scan.
const (
	// scanGap is how long a single held key waits for a second. A
	// keyboard-wedge scanner types 5–10 ms apart; a USB poll (8 ms) and a
	// terminal's read can add as much again. People type 80–200 ms apart;
	// at most two keys of a roll-over come closer.
	scanGap = 30 * time.Millisecond
	// scanHold is how long two or more held keys wait for the next: far
	// beyond any scanner's gap, so a stall of the laptop does not cut a
	// burst; a scanner's Enter sent late still ends its own burst.
	scanHold = 250 * time.Millisecond
	// scanLook is the second look before the tick decides: time for the
	// keys that waited through a stall to come in first.
	scanLook = 2 * time.Millisecond
	// maxTyped bounds a code typed on a page: twelve digits and the
	// spaces of its groups, with room for a mistake to be seen.
	maxTyped = 24
)

// burst is the keys the filter holds back, not yet handed on.
type burst struct {
	keys []tea.KeyPressMsg
	// last is when the last key held was seen, by the key clock.
	last time.Duration
	// ticking: an idle tick is on its way.
	ticking bool
	// looked: the tick found the keys idle once; the next one decides.
	looked bool
	// handed are the last code keys handed on to an open dialog's field
	// since any other key, with when each was seen: a scanner's keys that
	// came after long gaps (a busy laptop) were handed on as typing before
	// the rest of the burst came, and must be taken back (recoverScan).
	handed []heldKey
	// times are when each of keys was seen, by the key clock.
	times []time.Duration
}

// heldKey is a code key and when it was seen.
type heldKey struct {
	key tea.KeyPressMsg
	at  time.Duration
}

// scanIdleMsg is the idle tick: no key for a while, perhaps.
type scanIdleMsg struct{}

func idleAfter(d time.Duration) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return scanIdleMsg{} })
}

// wait is how long the held keys wait for another before they are
// decided.
func (b burst) wait() time.Duration {
	if len(b.keys) > 1 {
		return scanHold
	}
	return scanGap
}

// isScan reports whether the held keys are a scan: enough of them, none
// of them scanGap after the one before (the tick would have decided).
func (b burst) isScan() bool { return len(b.keys) >= barcode.Length }

// text is what the held keys typed.
func (b burst) text() string {
	var s strings.Builder
	for _, k := range b.keys {
		s.WriteString(k.Text)
	}
	return s.String()
}

// codeKey reports whether k may be a key of a code: one character that
// is a digit on some layout, with no modifier but Shift (Caps Lock gives
// the Kazakh row's capitals).
func codeKey(k tea.KeyPressMsg) bool {
	if k.Mod&^(tea.ModShift|tea.ModCapsLock|tea.ModNumLock) != 0 {
		return false
	}
	r := []rune(k.Text)
	if len(r) != 1 {
		return false
	}
	_, ok := pinDigit(r[0])
	return ok
}

// isTerminator reports whether k ends a scanner's burst.
func isTerminator(k tea.KeyPressMsg) bool {
	return k.Mod == 0 && (k.Code == tea.KeyEnter || k.Code == tea.KeyTab)
}

// defaultKeyClock is the monotonic time since the program started.
func defaultKeyClock() func() time.Duration {
	start := time.Now()
	return func() time.Duration { return time.Since(start) }
}

// onKeyPress is the burst filter: every key press comes here first.
func (m Model) onKeyPress(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if msg.String() == "ctrl+c" {
		// An interrupt, not a quit: the program exits 130, as a shell
		// expects of ctrl+c (q is the way to quit that exits 0).
		return m, tea.Interrupt
	}
	if codeKey(msg) {
		now := m.keyClock()
		m.burst.keys = append(m.burst.keys, msg)
		m.burst.times = append(m.burst.times, now)
		m.burst.last, m.burst.looked = now, false
		if m.burst.ticking {
			return m, nil
		}
		m.burst.ticking = true
		return m, idleAfter(m.burst.wait())
	}
	var cmds []tea.Cmd
	if isTerminator(msg) {
		if next, cmd, ok := m.recoverScan(); ok {
			return next, cmd
		}
	}
	if !codeKey(msg) {
		// Typing other than a code's keys: what was handed on is the
		// person's.
		m.burst.handed = nil
	}
	if len(m.burst.keys) > 0 {
		var cmd tea.Cmd
		if m.burst.isScan() {
			raw := m.burst.text()
			m.burst.keys, m.burst.times = nil, nil
			m, cmd = m.takeScan(raw)
			cmds = append(cmds, cmd)
			if isTerminator(msg) {
				return m, tea.Batch(cmds...)
			}
		} else {
			m, cmd = m.handOn()
			cmds = append(cmds, cmd)
		}
	}
	m, cmd := m.onKey(msg)
	return m, tea.Batch(append(cmds, cmd)...)
}

// onScanIdle is the idle tick: it decides the held keys once none has
// come for their wait, by the key clock, and a second look finds none
// either; a tick that comes early waits again.
func (m Model) onScanIdle() (tea.Model, tea.Cmd) {
	m.burst.ticking = false
	if len(m.burst.keys) == 0 {
		return m, nil
	}
	m.burst.ticking = true
	if wait := m.burst.wait() - (m.keyClock() - m.burst.last); wait > 0 {
		m.burst.looked = false
		return m, idleAfter(wait)
	}
	if !m.burst.looked {
		m.burst.looked = true
		return m, idleAfter(scanLook)
	}
	m.burst.ticking, m.burst.looked = false, false
	if !m.burst.isScan() {
		return m.handOn()
	}
	raw := m.burst.text()
	m.burst.keys, m.burst.times = nil, nil
	return m.takeScan(raw)
}

// handOn hands the held keys on, in the order they came, as if they had
// never been held.
func (m Model) handOn() (Model, tea.Cmd) {
	keys, times := m.burst.keys, m.burst.times
	m.burst.keys, m.burst.times = nil, nil
	var cmds []tea.Cmd
	for i, k := range keys {
		// Remembered while a dialog's field takes them, in case they were
		// the start of a scan (recoverScan).
		if m.dialog != nil && i < len(times) {
			m.burst.handed = append(m.burst.handed, heldKey{key: k, at: times[i]})
			if n := len(m.burst.handed); n > barcode.Length {
				m.burst.handed = m.burst.handed[n-barcode.Length:]
			}
		} else {
			m.burst.handed = nil
		}
		var cmd tea.Cmd
		m, cmd = m.onKey(k)
		cmds = append(cmds, cmd)
	}
	return m, tea.Batch(cmds...)
}

// recoverScan, at a terminator, takes as a scan a burst whose keys were
// handed on to an open dialog's field as typing: on a busy laptop a
// scanner's gaps can pass the hold, and then its first keys (or all of
// them) reached the field. If the code keys handed on since the last other
// key, and the keys held, end in a code of this hall's session — the
// session and the check digit both agree, which no typed ticket number
// does by chance, and a ticket that is a sheet code is refused anyway —
// the keys that reached the field are erased from it and the code is taken
// as a scan, however long the gaps were: a scan is never typed into a
// field.
func (m Model) recoverScan() (Model, tea.Cmd, bool) {
	b := m.burst
	if m.dialog == nil || len(b.handed) == 0 || len(b.keys) >= barcode.Length {
		return m, nil, false
	}
	all := append([]heldKey(nil), b.handed...)
	for i, k := range b.keys {
		if i < len(b.times) {
			all = append(all, heldKey{key: k, at: b.times[i]})
		}
	}
	if len(all) < barcode.Length {
		return m, nil, false
	}
	code := all[len(all)-barcode.Length:]
	var raw strings.Builder
	for _, k := range code {
		raw.WriteString(k.key.Text)
	}
	if _, err := m.ctx.Hall.ParseCode(raw.String()); err != nil {
		return m, nil, false
	}
	// The keys of the code that reached the field are its first ones.
	erase := barcode.Length - len(b.keys)
	m.burst.keys, m.burst.times, m.burst.handed = nil, nil, nil
	var cmds []tea.Cmd
	for range erase {
		var cmd tea.Cmd
		m, cmd = m.onKey(tea.KeyPressMsg{Code: tea.KeyBackspace})
		cmds = append(cmds, cmd)
	}
	m, cmd := m.takeScan(raw.String())
	return m, tea.Batch(append(cmds, cmd)...), true
}

// scanReader is a dialog that reads a scan itself (the materials step
// binds the scanned sheet's packet; the void flow asks for the spoilt
// sheet and the spare). It reports false when it does not want this one,
// which is then received as anywhere else.
type scanReader interface {
	readScan(raw string) (dialog, tea.Cmd, bool)
}

// takeScan takes a scan: the open dialog's, if it reads scans, else a
// sheet handed back in.
func (m Model) takeScan(raw string) (Model, tea.Cmd) {
	if r, ok := m.dialog.(scanReader); ok {
		if d, cmd, taken := r.readScan(raw); taken {
			m.dialog = d
			return m, cmd
		}
	}
	shown := m.scan
	cmd := m.receiveScan(raw)
	if m.scan != shown {
		// Refused at once: its banner takes room from the page.
		m.layout()
	}
	return m, cmd
}

// typeCode gathers the code keys a person types on a page, where no text
// field would take them: Enter takes the code in, as a scan; backspace
// erases; esc clears. It reports whether it used the key.
func (m *Model) typeCode(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	c := m.ctx
	k := c.Keys
	typed := m.typed
	switch {
	case codeKey(msg):
		if len([]rune(typed)) < maxTyped {
			m.typed += msg.Text
		}
	case typed == "":
		return nil, false
	case msg.Code == tea.KeySpace:
		if len([]rune(typed)) < maxTyped {
			m.typed += " "
		}
	case key.Matches(msg, k.Erase):
		r := []rune(typed)
		m.typed = string(r[:len(r)-1])
	case key.Matches(msg, k.Back):
		m.typed = ""
	case msg.Code == tea.KeyEnter:
		m.typed = ""
		m.layout()
		next, cmd := m.takeScan(typed)
		*m = next
		return cmd, true
	default:
		return nil, false
	}
	m.layout()
	return nil, true
}
