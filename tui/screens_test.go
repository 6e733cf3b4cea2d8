package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"examday/i18n"
)

// TestScreens compares each screen, colour stripped, with its golden file
// in testdata/TestScreens/ (refresh with -update, and read the diff like
// code). The clock is fixed; the terminal is 80×24 unless said.
func TestScreens(t *testing.T) {
	cases := []struct {
		name          string
		stage         stage
		clock         string
		lang          i18n.Lang
		width, height int
		keys          []string
		ticks         []tickMsg    // sent before the keys
		wait          []recordKind // the store's answers to wait for after the ticks
	}{
		{name: "en/dashboard_morning", stage: morning, clock: "08:46:00", keys: []string{"down", "down"}},
		{name: "en/dashboard_running", stage: running, clock: "09:30:05"},
		{name: "en/dashboard_wide", stage: running, clock: "09:30:05", width: 132, height: 30},
		{name: "en/board", stage: running, clock: "09:30:05", keys: []string{"b"}},
		{name: "en/board_before_start", stage: ready, clock: "08:53:20", keys: []string{"b"}},
		{name: "en/board_140x45", stage: running, clock: "09:30:05", width: 140, height: 45, keys: []string{"b"}},
		{name: "en/help", stage: running, clock: "09:30:05", keys: []string{"?"}},
		{name: "en/help_board", stage: running, clock: "09:30:05", keys: []string{"b", "?"}},
		{name: "en/start_dialog", stage: ready, clock: "08:53:20", keys: []string{"s"}},
		{name: "en/start_correction", stage: ready, clock: "08:53:20", keys: []string{"s", "c"}},
		{name: "en/start_refused", stage: morning, clock: "08:46:00", keys: []string{"s"}},
		{name: "en/confirm_present", stage: morning, clock: "08:46:00", keys: []string{"down", "down", "down", "p"}},
		{name: "en/warning_banner", stage: running, clock: "11:22:10",
			ticks: []tickMsg{tick("11:22:10", 0)}, wait: []recordKind{recordClock}},
		{name: "en/warning_board", stage: running, clock: "11:22:10", keys: []string{"b"},
			ticks: []tickMsg{tick("11:22:10", 0)}, wait: []recordKind{recordClock}},
		{name: "en/time_up", stage: running, clock: "11:52:10",
			ticks: []tickMsg{tick("11:52:10", 0)}, wait: []recordKind{recordClock}},
		{name: "en/clock_jump", stage: running, clock: "09:30:05",
			ticks: []tickMsg{tick("09:30:05", 0), tick("09:33:17", time.Second)}, wait: []recordKind{recordJump}},
		{name: "ru/warning_banner", stage: running, clock: "11:37:10", lang: i18n.RU,
			ticks: []tickMsg{tick("11:37:10", 0)}, wait: []recordKind{recordClock}},
		{name: "kk/warning_banner", stage: running, clock: "11:37:10", lang: i18n.KK,
			ticks: []tickMsg{tick("11:37:10", 0)}, wait: []recordKind{recordClock}},
		{name: "en/materials_form", stage: morning, clock: "08:46:00", keys: []string{"down", "down", "m", "4", "2", "pause"}},

		{name: "ru/dashboard", stage: running, clock: "09:30:05", lang: i18n.RU},
		{name: "ru/dashboard_morning", stage: morning, clock: "08:46:00", lang: i18n.RU},
		{name: "ru/board", stage: running, clock: "09:30:05", lang: i18n.RU, keys: []string{"b"}},
		{name: "ru/help", stage: running, clock: "09:30:05", lang: i18n.RU, keys: []string{"?"}},
		{name: "kk/dashboard", stage: running, clock: "09:30:05", lang: i18n.KK},
		{name: "kk/dashboard_morning", stage: morning, clock: "08:46:00", lang: i18n.KK},
		{name: "kk/board", stage: running, clock: "09:30:05", lang: i18n.KK, keys: []string{"b"}},
		{name: "kk/help", stage: running, clock: "09:30:05", lang: i18n.KK, keys: []string{"?"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := newHall(t, tc.stage)
			w, h := tc.width, tc.height
			if w == 0 {
				w, h = 80, 24
			}
			lang := tc.lang
			if lang == "" {
				lang = i18n.EN
			}
			a := run(t, s, newClock(tc.clock), lang, w, h)
			for _, tk := range tc.ticks {
				a.tm.Send(tk)
			}
			for _, kind := range tc.wait {
				a.waitRecorded(kind)
			}
			a.press(tc.keys...)
			got := screen(a.final())
			lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
			if len(lines) > h {
				t.Errorf("%d lines on a screen of %d", len(lines), h)
			}
			for i, l := range lines {
				if lipgloss.Width(l) > w {
					t.Errorf("line %d is %d wide on a screen of %d: %q", i+1, lipgloss.Width(l), w, l)
				}
			}
			golden.RequireEqual(t, []byte(got))
		})
	}
}

// Every screen draws at any size without a panic, down to a single cell,
// and no line is wider than the screen.
func TestScreensAtAnySize(t *testing.T) {
	s, _ := newHall(t, running)
	for _, size := range [][2]int{{1, 1}, {10, 3}, {20, 5}, {40, 10}, {60, 15}, {100, 30}, {200, 60}} {
		for _, keys := range [][]string{nil, {"b"}, {"?"}, {"s"}, {"enter"}, {"enter", "?"}, {"v"}, {"v", "enter"}, {"r"}, {"C"}, {"I"}, {"o"}} {
			m := New(Config{Store: s, Clock: newClock("09:30:05"), Lang: i18n.KK})
			var tm tea.Model = m
			tm, _ = tm.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			for _, k := range keys {
				tm, _ = tm.Update(keyPress(k))
			}
			lines := strings.Split(ansi.Strip(tm.View().Content), "\n")
			if len(lines) > size[1] {
				t.Errorf("%dx%d %v: %d lines", size[0], size[1], keys, len(lines))
			}
			for i, l := range lines {
				if w := lipgloss.Width(l); w > size[0] {
					t.Errorf("%dx%d %v: line %d is %d wide", size[0], size[1], keys, i+1, w)
				}
			}
		}
	}
}
