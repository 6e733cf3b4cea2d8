package tui

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"examday/i18n"
	"examday/store"
)

// The screens a duty officer meets on the exam day, in each of the three
// languages at 80×24 (testdata/TestDutyOfficerScreens/<lang>/): the
// break that reaches its 10 minutes, the theory handed in with sheets not
// scanned, a ticket number that is no number, the hand-in of someone with
// no situational ticket on record, and a file open read-only (its key
// gone), where the theory key is refused with the banner's reason.
func TestDutyOfficerScreens(t *testing.T) {
	cases := []struct {
		name string
		run  func(t *testing.T, lang i18n.Lang) Model
	}{
		{"break_alert", func(t *testing.T, lang i18n.Lang) Model {
			s, _ := newHall(t, running)
			clock := newClock("10:00:00")
			a := run(t, s, clock, lang, 80, 24)
			a.press("home", "t", "y")
			a.ok("theory")
			a.press("o", "enter")
			a.ok("break")
			a.now(clock, "10:10:00")
			a.now(clock, "10:10:30")
			return a.final()
		}},
		{"theory_unscanned", func(t *testing.T, lang i18n.Lang) Model {
			s := newSheetsHall(t, sheetsRunning)
			twoTheorySheetsIn(t, s)
			a := run(t, s, newClock("10:40:00"), lang, 80, 24)
			a.press("t")
			return a.final()
		}},
		{"ticket_refused", func(t *testing.T, lang i18n.Lang) Model {
			s := newSheetsHall(t, sheetsMorning)
			a := run(t, s, newClock("08:46:00"), lang, 80, 24)
			a.press("m")
			a.typeText("qwe")
			a.scan(printedPacket(t, s, "M-01"), "us")
			a.pause()
			a.press("enter")
			a.pause()
			return a.final()
		}},
		{"hand_in_undrawn", func(t *testing.T, lang i18n.Lang) Model {
			s := newSheetsHall(t, sheetsRunning)
			theorySheetsIn(t, s)
			a := run(t, s, newClock("11:20:00"), lang, 80, 24)
			a.press("h")
			return a.final()
		}},
		{"read_only", func(t *testing.T, lang i18n.Lang) Model {
			// The signing key gone: the file opens read-only, as one the
			// user may not write does, with its banner.
			// The file is copied (without its key) into the test's own
			// folder, opened by a relative name: the banner names the key
			// file it misses, the same on every machine.
			s := newSheetsHall(t, sheetsRunning)
			from := s.Path()
			s.Close()
			here, err := os.Getwd()
			if err != nil {
				t.Fatal(err)
			}
			if err := os.Chdir(t.TempDir()); err != nil {
				t.Fatal(err)
			}
			defer os.Chdir(here) // the golden files are found from here
			b, err := os.ReadFile(from)
			if err != nil {
				t.Fatal(err)
			}
			path := "hall.db"
			if err := os.WriteFile(path, b, 0o600); err != nil {
				t.Fatal(err)
			}
			ro, err := store.Open(path, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { ro.Close() })
			a := run(t, ro, newClock("10:40:00"), lang, 80, 24)
			a.press("t")
			return a.final()
		}},
	}
	for _, tc := range cases {
		for _, lang := range i18n.Langs {
			t.Run(filepath.Join(string(lang), tc.name), func(t *testing.T) {
				golden.RequireEqual(t, []byte(screen(tc.run(t, lang))))
			})
		}
	}
}
