package tui

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/exp/golden"

	"examday/exam"
	"examday/i18n"
	"examday/store"
)

// The screens of the examinee's day, at 80×24, compared with their golden
// files in testdata/TestDayScreens/ (refresh with -update and read the
// diff like code). Each case sets the small running hall up in the file,
// then presses keys: "type:…" types text, "wait" waits for the store's
// answer to the last action.
func TestDayScreens(t *testing.T) {
	cases := []struct {
		name  string
		lang  i18n.Lang
		clock string
		setup func(t testing.TB, s *store.Store)
		keys  []string
	}{
		{name: "en/dashboard_out", clock: "10:33:00", setup: someoneOut},
		{name: "en/break_alert", clock: "10:33:00", setup: someoneOut, keys: []string{"tick:10:33:00"}},
		{name: "ru/break_alert", lang: i18n.RU, clock: "10:33:00", setup: someoneOut, keys: []string{"tick:10:33:00"}},
		{name: "kk/break_alert", lang: i18n.KK, clock: "10:33:00", setup: someoneOut, keys: []string{"tick:10:33:00"}},
		{name: "en/detail", clock: "11:10:00", setup: aliyasDay, keys: []string{"enter"}},
		{name: "ru/detail", lang: i18n.RU, clock: "11:10:00", setup: aliyasDay, keys: []string{"enter"}},
		{name: "kk/detail", lang: i18n.KK, clock: "11:10:00", setup: aliyasDay, keys: []string{"enter"}},
		{name: "en/detail_removed", clock: "11:10:00", setup: removed, keys: []string{"enter"}},
		{name: "en/violation_pick", clock: "10:10:00", keys: []string{"v", "down", "down", "down", "down", "down"}},
		{name: "en/violation_form", clock: "10:10:00", keys: fillViolation},
		{name: "en/pin_prompt", clock: "10:10:00", keys: append(fillViolation, "enter", "2", "4", "pause")},
		{name: "en/pin_wrong", clock: "10:10:00", keys: append(fillViolation, "enter", "type:1357", "enter", "wait")},
		{name: "en/removed_notice", clock: "10:10:00", setup: situationalWithCode,
			keys: []string{"v", "enter", "type:used a smartphone", "tab", "type:Кузнецов Д. А.", "tab", "tab", "right", "enter", "type:2468", "enter", "wait"}},
		{name: "en/offers", clock: "11:56:00", setup: twoOffers, keys: []string{"r", "down"}},
		{name: "en/offer_confirm", clock: "11:56:00", setup: twoOffers, keys: []string{"r", "enter"}},
		{name: "en/dismiss_pin", clock: "11:56:00", setup: twoOffers, keys: []string{"r", "d", "type:the nurse kept her", "enter"}},
		{name: "ru/dismiss_pin", lang: i18n.RU, clock: "11:56:00", setup: twoOffers, keys: []string{"r", "d", "type:медсестра задержала", "enter"}},
		{name: "kk/dismiss_pin", lang: i18n.KK, clock: "11:56:00", setup: twoOffers, keys: []string{"r", "d", "type:медбике ұстап қалды", "enter"}},
		{name: "en/leave", clock: "10:10:00", setup: theoryInAliya, keys: []string{"o"}},
		{name: "en/leave_refused", clock: "10:10:00", setup: breakTaken, keys: []string{"o"}},
		{name: "en/interrupt", clock: "11:00:00", keys: []string{"I"}},
		{name: "en/interrupted_dashboard", clock: "11:30:00", setup: interrupted},
		{name: "en/interrupted_board", clock: "11:30:00", setup: interrupted, keys: []string{"b"}},
		{name: "en/close_refused", clock: "11:00:00", keys: []string{"C"}},
		{name: "en/close_dialog", clock: "12:00:00", setup: everyoneDone, keys: []string{"C"}},
		{name: "en/closed_dashboard", clock: "12:05:00", setup: closed},
		{name: "en/closed_board", clock: "12:05:00", setup: closed, keys: []string{"b"}},
		{name: "en/help_detail", clock: "11:10:00", setup: aliyasDay, keys: []string{"enter", "?"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := newHall(t, running)
			if tc.setup != nil {
				tc.setup(t, s)
			}
			lang := tc.lang
			if lang == "" {
				lang = i18n.EN
			}
			a := run(t, s, newClock(tc.clock), lang, 80, 24)
			for _, k := range tc.keys {
				switch {
				case k == "wait":
					a.waitRecorded(recordAction)
				case strings.HasPrefix(k, "type:"):
					a.typeText(strings.TrimPrefix(k, "type:"))
				case strings.HasPrefix(k, "tick:"):
					wall := at(strings.TrimPrefix(k, "tick:"))
					a.tm.Send(tickMsg{Wall: wall, Mono: wall.Sub(midnight)})
				default:
					a.press(k)
				}
			}
			got := screen(a.final())
			lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
			if len(lines) > 24 {
				t.Errorf("%d lines on a screen of 24", len(lines))
			}
			for i, l := range lines {
				if lipgloss.Width(l) > 80 {
					t.Errorf("line %d is %d wide: %q", i+1, lipgloss.Width(l), l)
				}
			}
			golden.RequireEqual(t, []byte(got))
		})
	}
}

// fillViolation fills the violation form for Әлия: (f), a description,
// a witness, the action taken, and the decision "warned".
var fillViolation = []string{
	"v", "down", "down", "down", "down", "down", "enter",
	"type:notes on criminal law under the answer sheet", "tab",
	"type:Кузнецов Д. А., member of the commission", "tab",
	"type:notes taken", "tab", "left",
}

// someoneOut (with a tick, the break alert: M-03 out since 10:20:30 is
// past the 10 minutes): three out of the audience (one past the 10 minutes, one for
// medical care) and an offer waiting from Құралай's late return.
func someoneOut(t testing.TB, s *store.Store) {
	for _, id := range []string{"M-01", "M-03", "D-01"} {
		rec1(t, s, theoryIn(id, "10:00:00"))
	}
	rec1(t, s, leave("D-01", "10:01:00"))
	rec(t, s, comeBack("D-01", "10:13:00"))
	rec1(t, s, leave("M-01", "10:31:00"))
	rec1(t, s, leave("M-03", "10:20:30"))
	rec1(t, s, leaveMedical("M-04", "asthma", "10:25:00"))
}

// aliyasDay: Әлия's day to 11:10 — the theory, a break 3 min 12 s over,
// the offered violation (d) confirmed (warned), the situational ticket,
// the Criminal Code out, and its return recorded by mistake and
// cancelled.
func aliyasDay(t testing.TB, s *store.Store) {
	rec1(t, s, theoryIn("M-01", "10:00:00"))
	rec1(t, s, leave("M-01", "10:05:00"))
	rec(t, s, comeBack("M-01", "10:18:12"))
	offer := s.Hall().Offers[0].Seq
	rec1(t, s, violation(t, "M-01", exam.ViolationInput{Clause: "d", Description: "out 3 min 12 s beyond the break",
		Witnesses: "Кузнецов Д. А.", Decision: exam.DecisionWarned, Offer: offer}, "10:20:00"))
	rec1(t, s, draw("M-01", "4", "10:25:00"))
	rec1(t, s, codeOut("M-01", "10:26:00"))
	rec1(t, s, codeBack("M-01", "10:40:00"))
	rec1(t, s, func(h *exam.Hall) (exam.Event, error) {
		e, _ := h.Examinee("M-01")
		return h.Cancel(lastEvent(t, s, e.Seqs), "the Code is still on her desk", nil, s.History(), at("10:41:00"), officer)
	})
}

// lastEvent reads the last of seqs from the file.
func lastEvent(t testing.TB, s *store.Store, seqs []uint64) exam.Event {
	ev, err := s.Event(seqs[len(seqs)-1])
	if err != nil {
		t.Fatal(err)
	}
	return ev
}

func theoryInAliya(t testing.TB, s *store.Store) { rec1(t, s, theoryIn("M-01", "10:00:00")) }

func situationalWithCode(t testing.TB, s *store.Store) {
	rec1(t, s, theoryIn("M-01", "09:50:00"))
	rec1(t, s, draw("M-01", "6", "10:05:00"))
	rec1(t, s, codeOut("M-01", "10:06:00"))
}

// removed: Әлия removed at 10:09 with the Criminal Code out.
func removed(t testing.TB, s *store.Store) {
	situationalWithCode(t, s)
	rec1(t, s, violation(t, "M-01", exam.ViolationInput{Clause: "a", Description: "used a smartphone",
		Witnesses: "Кузнецов Д. А.", ActionTaken: "phone taken", Decision: exam.DecisionRemoved}, "10:09:00"))
}

func breakTaken(t testing.TB, s *store.Store) {
	theoryInAliya(t, s)
	rec1(t, s, leave("M-01", "10:01:00"))
	rec(t, s, comeBack("M-01", "10:08:00"))
}

// twoOffers: Dana back 4 min 5 s late from her break, Құралай handing in
// 3 min 20 s after the end.
func twoOffers(t testing.TB, s *store.Store) {
	rec1(t, s, theoryIn("M-03", "10:00:00"))
	rec1(t, s, leave("M-03", "10:00:00"))
	rec(t, s, comeBack("M-03", "10:14:05"))
	rec1(t, s, theoryIn("D-01", "10:30:00"))
	rec1(t, s, draw("D-01", "2", "10:31:00"))
	rec(t, s, handIn("D-01", "11:55:30"))
}

func interrupted(t testing.TB, s *store.Store) {
	rec1(t, s, func(h *exam.Hall) (exam.Event, error) {
		return h.StartInterruption(exam.InterruptEvacuation, "", agree(t, h), at("11:00:00"), officer)
	})
}

func closed(t testing.TB, s *store.Store) {
	everyoneDone(t, s)
	rec1(t, s, func(h *exam.Hall) (exam.Event, error) { return h.CloseHall(true, at("12:00:00"), officer) })
}
