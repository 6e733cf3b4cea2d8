//go:build linux

package tui

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"examday/barcode"
	"examday/exam"
	"examday/store"
)

// The same thousand scans, but through a real terminal: the built examday
// binary runs on a pseudo-terminal of 80×24 (opened with the standard
// syscall package, Linux only, no dependency), and the test writes each
// key of each scan to it as a separate write, a millisecond apart — a
// scanner's speed or faster — on the US, Russian and Kazakh layouts, ending
// with Enter (CR) or Tab, back to back. Each scan accepted rings the
// terminal's bell once; when a thousand bells have rung the test quits
// with q and reads the file: every sheet received exactly once.
//
// It builds the binary and takes some twenty seconds, so -short skips it.
func TestThousandScansThroughARealTerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and types for twenty seconds")
	}
	dir := t.TempDir()
	bin := buildExamday(t, dir)

	// The hall started half an hour ago by the laptop's own clock, so no
	// warning rings a bell of its own.
	s, codes := bigSheetsHall(t, dir, 250, time.Now().Add(-time.Hour))
	path := s.Path()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	run := startOnPTY(t, bin, dir, path, 80, 24)
	master, term, exited := run.master, run.term, run.exited
	if !term.waitFor(func() bool { return bytes.Contains(term.out, []byte("Hall 250")) }, 20*time.Second) {
		t.Fatalf("no first frame:\n%q", term.tail())
	}

	layouts := []string{"us", "kz", "ru"}
	ends := []string{"\r", "\r", "\t"}
	start := time.Now()
	for i, code := range codes {
		for _, r := range barcode.Keystrokes(code, layouts[i%3]) {
			if _, err := master.Write([]byte(string(r))); err != nil {
				t.Fatal(err)
			}
			time.Sleep(time.Millisecond)
		}
		if _, err := master.Write([]byte(ends[i%3])); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Millisecond)
	}
	typed := time.Since(start)
	if !term.waitFor(func() bool { return term.bells >= len(codes) }, 60*time.Second) {
		t.Errorf("%d bells after %d scans:\n%q", term.bells, len(codes), term.tail())
	}
	t.Logf("typed 1000 scans in %v; %d bells after %v", typed.Round(time.Millisecond), term.count(), time.Since(start).Round(time.Millisecond))

	if _, err := master.Write([]byte("q")); err != nil {
		t.Fatal(err)
	}
	select {
	case <-exited:
		if run.err != nil {
			t.Fatalf("examday: %v\n%q", run.err, term.tail())
		}
	case <-time.After(30 * time.Second):
		// A liveness bound, not a speed: on a loaded machine the screen may
		// still be reading the hall after the last of 1000 scans.
		t.Fatalf("examday did not quit:\n%q", term.tail())
	}

	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	inLog := map[barcode.Code]int{}
	for _, ev := range ofType(events(t, s), exam.TypeSheetReceived) {
		inLog[decode[exam.SheetReceivedData](t, ev).Code]++
	}
	if len(inLog) != len(codes) {
		t.Errorf("%d sheets received, want %d", len(inLog), len(codes))
	}
	for _, c := range codes {
		if inLog[c] != 1 {
			t.Errorf("sheet %s received %d times", c.Grouped(), inLog[c])
		}
	}
	if term.count() != len(codes) {
		t.Errorf("%d bells for %d scans: a refusal rings twice", term.count(), len(codes))
	}
}

// buildExamday builds the examday binary into dir, or skips the test
// where there is no go tool.
func buildExamday(t *testing.T, dir string) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go tool to build the binary with")
	}
	bin := filepath.Join(dir, "examday")
	if out, err := exec.Command(goTool, "build", "-o", bin, "examday/cmd/examday").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// ptyRun is examday running on a pseudo-terminal: the master to type
// into, what it wrote, and exited, closed when it ended with err.
type ptyRun struct {
	master *os.File
	term   *terminal
	exited chan struct{}
	err    error
}

// startOnPTY runs bin over the hall file at path, in English, on a new
// pseudo-terminal of cols×rows, with HOME in dir; it is killed at the
// end of the test if it is still running.
func startOnPTY(t *testing.T, bin, dir, path string, cols, rows int) *ptyRun {
	t.Helper()
	master, slave := openPTY(t, cols, rows)
	cmd := exec.Command(bin, "--db", path, "--lang", "en")
	cmd.Env = append(os.Environ(), "TERM=xterm-256color", "HOME="+dir, "EXAMDAY_DB=", "EXAMDAY_LANG=")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	slave.Close()
	r := &ptyRun{master: master, term: &terminal{}, exited: make(chan struct{})}
	go func() { r.err = cmd.Wait(); close(r.exited) }()
	t.Cleanup(func() {
		select {
		case <-r.exited:
		default:
			_ = cmd.Process.Kill()
			<-r.exited
		}
		master.Close()
	})
	go r.term.read(master)
	return r
}

// openPTY opens a pseudo-terminal of cols×rows: its master, and the slave
// the program runs on.
func openPTY(t *testing.T, cols, rows int) (master, slave *os.File) {
	t.Helper()
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	ioctl := func(f *os.File, req uintptr, arg unsafe.Pointer) error {
		if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, f.Fd(), req, uintptr(arg)); e != 0 {
			return e
		}
		return nil
	}
	var unlock int32
	if err := ioctl(m, syscall.TIOCSPTLCK, unsafe.Pointer(&unlock)); err != nil {
		t.Fatalf("unlockpt: %v", err)
	}
	var n uint32
	if err := ioctl(m, syscall.TIOCGPTN, unsafe.Pointer(&n)); err != nil {
		t.Fatalf("ptsname: %v", err)
	}
	s, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	ws := struct{ Row, Col, X, Y uint16 }{Row: uint16(rows), Col: uint16(cols)}
	if err := ioctl(s, syscall.TIOCSWINSZ, unsafe.Pointer(&ws)); err != nil {
		t.Fatalf("window size: %v", err)
	}
	return m, s
}

// terminal is what the program wrote to its terminal: the bytes, and the
// bells rung. A BEL that ends an OSC sequence (the window title, a colour
// query) is not a bell.
type terminal struct {
	mu    sync.Mutex
	out   []byte
	bells int
	state int // 0 text, 1 after ESC, 2 in an OSC
}

func (term *terminal) read(f *os.File) {
	buf := make([]byte, 32<<10)
	for {
		n, err := f.Read(buf)
		term.mu.Lock()
		for _, b := range buf[:n] {
			switch {
			case term.state == 2 && b == 0x07:
				term.state = 0
			case term.state == 2 && b == 0x1b:
				term.state = 1 // ESC \ ends it
			case term.state == 2:
			case term.state == 1 && b == ']':
				term.state = 2
			case b == 0x1b:
				term.state = 1
			case b == 0x07:
				term.bells++
				term.state = 0
			default:
				term.state = 0
			}
		}
		term.out = append(term.out, buf[:n]...)
		if len(term.out) > 1<<20 {
			term.out = append([]byte(nil), term.out[len(term.out)-64<<10:]...)
		}
		term.mu.Unlock()
		if err != nil {
			return
		}
	}
}

func (term *terminal) count() int {
	term.mu.Lock()
	defer term.mu.Unlock()
	return term.bells
}

// waitFor polls cond, under the lock, until it holds or d has passed.
func (term *terminal) waitFor(cond func() bool, d time.Duration) bool {
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		term.mu.Lock()
		ok := cond()
		term.mu.Unlock()
		if ok {
			return true
		}
		time.Sleep(20 * time.Millisecond)
	}
	return false
}

func (term *terminal) tail() []byte {
	term.mu.Lock()
	defer term.mu.Unlock()
	return term.out[max(len(term.out)-2000, 0):]
}
