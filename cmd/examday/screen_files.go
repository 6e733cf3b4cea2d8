package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"examday/i18n"
	"examday/store"
	"examday/tui"
)

// screenFiles makes the day's files for the screen (tui.FileActions): the
// commands' own code — sheets print, report, sheets graders, export, sync
// — run on the store the screen holds, with the same checks on the path
// and the same words, in the screen's language. The screen holds the
// file, so the commands themselves could not open it while it runs.
type screenFiles struct{ a *app }

// Reported says the words of a reportedError were printed already.
func (e *reportedError) Reported() bool { return true }

func (x screenFiles) Run(ctx context.Context, s *store.Store, f tui.FileAction, cat i18n.Catalogue, progress func(string)) error {
	// The command's app, speaking the screen's language, printing to the
	// screen line by line. The read-only state is on the screen's banner
	// already: not said again.
	out := &lineWriter{emit: progress}
	a := *x.a
	a.cat, a.stdout, a.stderr, a.warned = cat, out, out, true
	a.outAdvice = "ui.files.out_advice" // no --out on the screen
	defer out.flush()
	now := time.Now()
	switch f.Kind {
	case tui.FileSheets:
		if err := a.checkSheetsOut(f.Path); err != nil {
			return err
		}
		return a.printSheetsIn(s, f.Path, 0, true, false, now)
	case tui.FileReport:
		ask := reportAsk{out: f.Path, protocol: f.Protocol, place: f.Place}
		kind, err := a.checkReportOut(ask)
		if err != nil {
			return err
		}
		return a.writeReportIn(s, ask, kind, now)
	case tui.FileGraders:
		if err := a.checkGradersOut(f.Path); err != nil {
			return err
		}
		return a.writeGradersIn(s, f.Path)
	case tui.FileExport:
		if err := a.checkExportOut(f.Path); err != nil {
			return err
		}
		return a.export(s, f.Path)
	case tui.FileSync:
		return a.syncIn(ctx, s, "", nil)
	}
	return fmt.Errorf("unknown file %q", f.Kind)
}

// DefaultPath is beside the hall file, named by what it is and when, so
// that a second report or print never replaces the first; a bundle goes
// into the folder itself, where export names it by its log and range. A
// folder that cannot be written (a write-protected stick, a read-only
// mount: the file is open read-only) gives way to the user's home folder.
func (x screenFiles) DefaultPath(s *store.Store, kind tui.FileKind, now time.Time) string {
	dir := filepath.Dir(s.Path())
	if !writableDir(dir) {
		if home, err := os.UserHomeDir(); err == nil && writableDir(home) {
			dir = home
		}
	}
	if kind == tui.FileExport {
		return dir
	}
	base := strings.TrimSuffix(filepath.Base(s.Path()), filepath.Ext(s.Path()))
	ext := map[tui.FileKind]string{tui.FileSheets: ".pdf", tui.FileReport: ".pdf", tui.FileGraders: ".csv"}[kind]
	return filepath.Join(dir, fmt.Sprintf("%s-%s-%s%s", base, kind, now.Format("20060102-1504"), ext))
}

// writableDir reports whether a file can be made in dir: by making one,
// the only answer every system gives alike, and removing it at once.
func writableDir(dir string) bool {
	f, err := os.CreateTemp(dir, ".examday-probe-*")
	if err != nil {
		return false
	}
	name := f.Name()
	f.Close()
	os.Remove(name)
	return true
}

// lineWriter hands what is written to it on, a line at a time.
type lineWriter struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	emit func(string)
}

func (w *lineWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	for {
		line, err := w.buf.ReadString('\n')
		if err != nil {
			// No newline yet: keep the start of the line for the next write.
			rest := []byte(line)
			w.buf.Reset()
			w.buf.Write(rest)
			return len(p), nil
		}
		w.emit(strings.TrimRight(line, "\r\n"))
	}
}

// flush hands on a last line without its newline.
func (w *lineWriter) flush() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.buf.Len() > 0 {
		w.emit(w.buf.String())
		w.buf.Reset()
	}
}
