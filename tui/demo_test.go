package tui

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"examday/exam"
	"examday/i18n"
	"examday/store"
)

// Issue 9: the DEMO mark on the dashboard and on the board comes from the
// file — the demo flag its hall.created event records — and from nothing
// the program was started with: a real hall is never marked, a demo hall
// always is.
func TestDemoMarkComesFromTheFile(t *testing.T) {
	for _, demo := range []bool{false, true} {
		path := filepath.Join(t.TempDir(), "hall.db")
		s, err := store.Open(path, store.Options{Create: true, Program: "tui test"})
		if err != nil {
			t.Fatal(err)
		}
		_, err = s.Do(func(h *exam.Hall) ([]exam.Event, error) {
			events, err := h.CreateHall(exam.HallSetup{Name: "Аудитория 204", Date: hallDate, Officer: officer, Chairman: chairman},
				smallRoster, at("08:30:00"), officer)
			if err == nil && demo && !bytes.Contains(events[0].Data, []byte(`"demo":true`)) {
				// As the demo records it.
				events[0].Data = append(bytes.TrimSuffix(events[0].Data, []byte("}")), []byte(`,"demo":true}`)...)
			}
			return events, err
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, keys := range [][]string{nil, {"b"}} {
			var m tea.Model = New(Config{Store: s, Clock: newClock("08:46:00"), Lang: i18n.EN})
			m, _ = m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
			for _, k := range keys {
				m, _ = m.Update(keyPress(k))
			}
			view := ansi.Strip(m.View().Content)
			if got := strings.Contains(view, "DEMO"); got != demo {
				t.Errorf("demo file %v, keys %v: DEMO shown %v:\n%s", demo, keys, got, view)
			}
		}
		s.Close()
	}
}
