//go:build linux

package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
	"unsafe"
)

// ctrl+c at the second PIN prompt of `hall create`, on a real terminal:
// the terminal's echo is back on (ReadPassword had turned it off), the
// program says nothing was created and exits 130, and there is no file.
func TestCtrlCAtThePINPromptRestoresTheTerminal(t *testing.T) {
	db, cmd, master, slave, out, got, waitFor := startCreateOnPTY(t)
	_ = db
	waitFor("PIN")
	master.Write([]byte("2468\r"))
	waitFor("again")
	master.Write([]byte{0x03}) // ctrl+c: SIGINT to the terminal's foreground
	err := cmd.Wait()
	// What it wrote before it ended; the slave stays open here, so the
	// reader never sees the end: drain until it is quiet.
	for quiet := false; !quiet; {
		select {
		case b, ok := <-got:
			if !ok {
				quiet = true
				break
			}
			out.Write(b)
		case <-time.After(300 * time.Millisecond):
			quiet = true
		}
	}
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 130 {
		t.Errorf("exit %v; want status 130\n%s", err, out)
	}
	var tio syscall.Termios
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, slave.Fd(), syscall.TCGETS, uintptr(unsafe.Pointer(&tio))); e != 0 {
		t.Fatal(e)
	}
	if tio.Lflag&syscall.ECHO == 0 {
		t.Error("the terminal was left without echo")
	}
	if !bytes.Contains(out.Bytes(), []byte("nothing was created")) {
		t.Errorf("the program did not say nothing was created:\n%s", out)
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("a hall file was made")
	}
}

// startCreateOnPTY runs `hall create` on a new pseudo-terminal, with the
// PIN asked at the terminal's prompt; waitFor reads its output until s.
func startCreateOnPTY(t *testing.T) (db string, cmd *exec.Cmd, master, slave *os.File, out *bytes.Buffer, got chan []byte, waitFor func(string)) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go tool to build the binary with")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "examday")
	if out, err := exec.Command(goTool, "build", "-o", bin, "examday/cmd/examday").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	db = filepath.Join(dir, "hall.db")
	roster := writeFile(t, "r.csv", goodRoster)
	master, slave = openTestPTY(t)
	t.Cleanup(func() { master.Close(); slave.Close() })
	args := createArgs(db, roster)
	args = args[:len(args)-1] // not --pin-stdin: the terminal's prompt
	cmd = exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "HOME="+dir, "EXAMDAY_DB=", "EXAMDAY_LANG=")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	out = &bytes.Buffer{}
	got = make(chan []byte, 64)
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := master.Read(buf)
			if n > 0 {
				got <- bytes.Clone(buf[:n])
			}
			if err != nil {
				close(got)
				return
			}
		}
	}()
	waitFor = func(s string) {
		t.Helper()
		deadline := time.After(10 * time.Second)
		for !bytes.Contains(out.Bytes(), []byte(s)) {
			select {
			case b, ok := <-got:
				if !ok {
					t.Fatalf("the program ended before %q:\n%s", s, out)
				}
				out.Write(b)
			case <-deadline:
				t.Fatalf("no %q:\n%s", s, out)
			}
		}
	}
	return db, cmd, master, slave, out, got, waitFor
}

// A PIN typed at the terminal's prompt, mistyped and corrected with
// backspace, creates the hall; the terminal has its echo back.
func TestAPINTypedAtThePromptIsReadWithItsCorrections(t *testing.T) {
	db, cmd, master, slave, out, _, waitFor := startCreateOnPTY(t)
	waitFor("PIN")
	master.Write([]byte("24699\x7f\x7f8\r"))
	waitFor("again")
	master.Write([]byte("1111\x152468\r"))
	// A PIN read without its corrections would not match, and the program
	// would ask again: it is stopped then, and the output says why.
	stop := time.AfterFunc(10*time.Second, func() { cmd.Process.Kill() })
	defer stop.Stop()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("hall create: %v\n%s", err, out)
	}
	var tio syscall.Termios
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, slave.Fd(), syscall.TCGETS, uintptr(unsafe.Pointer(&tio))); e != 0 {
		t.Fatal(e)
	}
	if tio.Lflag&syscall.ECHO == 0 {
		t.Error("the terminal was left without echo")
	}
	if _, err := os.Stat(db); err != nil {
		t.Errorf("no hall file: %v\n%s", err, out)
	}
	if bytes.Contains(out.Bytes(), []byte("2468")) {
		t.Errorf("the PIN was echoed:\n%s", out)
	}
}

func openTestPTY(t *testing.T) (master, slave *os.File) {
	t.Helper()
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	var unlock int32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, m.Fd(), syscall.TIOCSPTLCK, uintptr(unsafe.Pointer(&unlock))); e != 0 {
		t.Fatal(e)
	}
	var n uint32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, m.Fd(), syscall.TIOCGPTN, uintptr(unsafe.Pointer(&n))); e != 0 {
		t.Fatal(e)
	}
	s, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	return m, s
}
