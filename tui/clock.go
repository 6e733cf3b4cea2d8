package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"examday/exam"
)

// tickMsg is the clock's reading, once a second. Wall is the wall-clock
// time; Mono is how long the program has run by the monotonic clock. The
// two advance together unless the system clock is set, or the laptop
// slept: exam.ClockJump tells.
type tickMsg struct {
	Wall time.Time
	Mono time.Duration
	// timer: sent by the program's own timer, which then schedules the
	// next. A tick sent by a test does not start a second timer.
	timer bool
}

// clockState is what the root remembers between two ticks.
type clockState struct {
	started time.Time // the clock's reading at New, with its monotonic reading
	last    tickMsg
	seen    bool
}

// read takes a reading of clock. The monotonic elapsed time is the
// difference of two readings of the same clock: with time.Now it is
// monotonic; a fake clock without a monotonic reading gives the wall
// difference, so it never jumps unless a test says so.
func (s clockState) read(clock Clock, timer bool) tickMsg {
	now := clock.Now()
	return tickMsg{Wall: now.Round(0), Mono: now.Sub(s.started), timer: timer}
}

// readNow reads the clock at once and starts the timer.
func (s clockState) readNow(clock Clock) tea.Cmd {
	return func() tea.Msg { return s.read(clock, true) }
}

// next waits for the next whole second of the clock, so the seconds on
// screen turn over together with the room's clock.
func (s clockState) next(clock Clock) tea.Cmd {
	now := clock.Now()
	wait := time.Second - now.Sub(now.Truncate(time.Second)) + 5*time.Millisecond
	return tea.Tick(wait, func(time.Time) tea.Msg { return s.read(clock, true) })
}

// onTick moves the screen's clock on and records what the clock decides:
// a jump of the system clock, the warnings and the end (each once: the
// exam package gives only what is due and not given yet, deciding on the
// state in the file).
func (m Model) onTick(msg tickMsg) (tea.Model, tea.Cmd) {
	c := m.ctx
	var cmds []tea.Cmd
	if msg.timer {
		cmds = append(cmds, m.clock.next(c.Clock))
	}
	prev, seen := m.clock.last, m.clock.seen
	m.clock.last, m.clock.seen = msg, true
	c.Now = msg.Wall
	if m.expireScan() {
		m.layout()
	}
	if c.Broken != nil || !c.Hall.Exists() {
		return m, tea.Batch(cmds...)
	}
	now := msg.Wall
	if seen {
		wall, mono := msg.Wall.Sub(prev.Wall), msg.Mono-prev.Mono
		if _, jumped := exam.ClockJump(wall, mono); jumped {
			cmds = append(cmds, c.record(recordJump, "", nil, one(func(h *exam.Hall) (exam.Event, error) {
				return h.ClockJumped(wall, mono, now)
			})))
		}
	}
	if m.alerts.raiseUsedUpBreaks(c.Hall, now) {
		cmds = append(cmds, bell)
		m.layout()
	}
	if len(c.Hall.DueClockEvents(now)) > 0 {
		cmds = append(cmds, c.record(recordClock, "", nil, func(h *exam.Hall) ([]exam.Event, error) {
			return h.DueClockEvents(now), nil
		}))
	}
	return m, tea.Batch(cmds...)
}
