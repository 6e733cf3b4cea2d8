package tui

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"examday/i18n"
	"examday/store"
)

// fakeFiles stands for the binary's commands (cmd/examday screenFiles,
// tested there): it keeps what it was asked and prints two lines in the
// screen's language, or refuses as the command would.
type fakeFiles struct {
	mu     sync.Mutex
	asked  []FileAction
	refuse error
}

func (f *fakeFiles) Run(_ context.Context, s *store.Store, a FileAction, cat i18n.Catalogue, progress func(string)) error {
	f.mu.Lock()
	f.asked = append(f.asked, a)
	f.mu.Unlock()
	if f.refuse != nil {
		return f.refuse
	}
	progress(cat.T("ui.files." + string(a.Kind)))
	progress(a.Path + " " + a.Protocol + " " + a.Place)
	return nil
}

func (f *fakeFiles) DefaultPath(s *store.Store, kind FileKind, now time.Time) string {
	return filepath.Join("/media/usb", string(kind)+"-"+now.Format("1504")+".pdf")
}

func (f *fakeFiles) got() []FileAction {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]FileAction(nil), f.asked...)
}

// The day's files are made without quitting: F opens the menu (in the
// help overlay too), the officer picks one, types where it goes (the
// default beside the file is filled in) and, for the report, its protocol
// number and place; what the command prints is shown as it comes, and the
// last line stays on the status line. A refusal is shown in the dialog and
// nothing else happens. Golden screens in testdata/TestFileScreens/.
func TestFileScreens(t *testing.T) {
	cases := []struct {
		name string
		lang i18n.Lang
		do   func(t *testing.T, a *app, f *fakeFiles)
	}{
		{name: "en/menu", do: func(t *testing.T, a *app, f *fakeFiles) { a.press("F") }},
		{name: "ru/menu", lang: i18n.RU, do: func(t *testing.T, a *app, f *fakeFiles) { a.press("F") }},
		{name: "kk/menu", lang: i18n.KK, do: func(t *testing.T, a *app, f *fakeFiles) { a.press("F") }},
		{name: "en/report_form", do: func(t *testing.T, a *app, f *fakeFiles) {
			a.press("F", "down", "enter", "tab")
			a.typeText("12")
			a.press("tab")
			a.typeText("Almaty, Academy, room 204")
			a.pause()
		}},
		{name: "en/report_done", do: func(t *testing.T, a *app, f *fakeFiles) {
			a.press("F", "down", "enter", "tab")
			a.typeText("12")
			a.press("tab")
			a.typeText("Almaty")
			a.press("enter")
			a.waitFiles()
		}},
		{name: "ru/sync_done", lang: i18n.RU, do: func(t *testing.T, a *app, f *fakeFiles) {
			a.press("F", "up", "enter", "enter")
			a.waitFiles()
		}},
		{name: "kk/export_refused", lang: i18n.KK, do: func(t *testing.T, a *app, f *fakeFiles) {
			f.refuse = errors.New("refused as the command would")
			a.press("F", "down", "down", "down", "enter", "enter")
			a.waitFiles()
		}},
		{name: "en/help", do: pressKeysOnly("?")},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := newDayHall(t)
			lang := tc.lang
			if lang == "" {
				lang = i18n.EN
			}
			f := &fakeFiles{}
			a := runWithFiles(t, s, newClock("11:00:00"), lang, 80, 24, f)
			tc.do(t, a, f)
			golden.RequireEqual(t, []byte(screen(a.final())))
		})
	}
}

func pressKeysOnly(keys ...string) func(t *testing.T, a *app, f *fakeFiles) {
	return func(t *testing.T, a *app, f *fakeFiles) { a.press(keys...) }
}

// waitFiles waits for the end of a file action.
func (a *app) waitFiles() fileDoneMsg {
	a.t.Helper()
	select {
	case m := <-a.filesDone:
		return m
	case <-time.After(5 * time.Second):
		a.t.Fatal("the file action did not end")
		return fileDoneMsg{}
	}
}

// What the officer typed is what the command is asked: the path, the
// protocol number and the place, trimmed; Esc before Enter asks nothing.
func TestAFileActionAsksTheCommandWhatWasTyped(t *testing.T) {
	s := newDayHall(t)
	f := &fakeFiles{}
	a := runWithFiles(t, s, newClock("11:00:00"), i18n.EN, 80, 24, f)
	a.press("F", "enter", "esc", "F", "down", "enter", "tab")
	a.typeText(" 12 ")
	a.press("tab")
	a.typeText("Almaty ")
	a.press("enter")
	a.waitFiles()
	m := a.final()
	got := f.got()
	want := FileAction{Kind: FileReport, Path: "/media/usb/report-1100.pdf", Protocol: "12", Place: "Almaty"}
	if len(got) != 1 || got[0] != want {
		t.Fatalf("the command was asked %+v, want only %+v", got, want)
	}
	if st := m.status.text; !strings.Contains(st, "/media/usb/report-1100.pdf 12 Almaty") {
		t.Errorf("the status line says %q, not the command's last line", st)
	}
}
