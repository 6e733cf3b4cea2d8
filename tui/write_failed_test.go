package tui

import (
	"io/fs"
	"strings"
	"syscall"
	"testing"

	"examday/exam"
	"examday/i18n"
)

// A full disk (or an I/O error) makes a commit fail: the screen says so
// in a banner that stays, in the officer's language, with what the system
// said in words and that nothing was recorded; the next commit that is
// written takes it down. A refusal of the rules is no such failure.
func TestADiskThatCannotBeWrittenIsABannerUntilAWriteSucceeds(t *testing.T) {
	full := &fs.PathError{Op: "write", Path: "hall.db", Err: syscall.ENOSPC}
	for lang, want := range map[i18n.Lang][]string{
		i18n.EN: {"CANNOT WRITE TO THE FILE", "the disk is full", "Nothing was recorded"},
		i18n.RU: {"ЗАПИСЬ В ФАЙЛ НЕВОЗМОЖНА", "диск заполнен", "Ничего не записано"},
		i18n.KK: {"ФАЙЛҒА ЖАЗУ МҮМКІН ЕМЕС", "диск толы", "Ештеңе жазылмады"},
	} {
		s, _ := newHall(t, morning)
		m := New(Config{Store: s, Clock: newClock("08:46:00"), Lang: lang})
		m.timer = false
		next, _ := m.Update(recordedMsg{kind: recordAction, err: full})
		m = next.(Model)
		got := screen(m)
		for _, w := range want {
			if !strings.Contains(strings.Join(strings.Fields(got), " "), w) {
				t.Errorf("%s: the screen does not say %q:\n%s", lang, w, got)
			}
		}
		// A refusal of the rules leaves the banner as it is …
		next, _ = m.Update(recordedMsg{kind: recordAction, err: &exam.Refusal{Code: exam.RefuseTicketMissing, Args: []any{"x"}}})
		m = next.(Model)
		if m.writeFailed == nil {
			t.Errorf("%s: a refusal took the banner down", lang)
		}
		// … and a commit written takes it down.
		recs, err := s.Do(one(func(h *exam.Hall) (exam.Event, error) {
			return h.Arrive("M-04", at("08:46:00"), officer)
		}))
		if err != nil {
			t.Fatal(err)
		}
		next, _ = m.Update(recordedMsg{kind: recordAction, records: recs, hall: s.Hall()})
		m = next.(Model)
		if m.writeFailed != nil || strings.Contains(screen(m), want[0]) {
			t.Errorf("%s: the banner stayed after a write succeeded", lang)
		}
	}
}
