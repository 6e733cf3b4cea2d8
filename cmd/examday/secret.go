package main

import (
	"errors"
	"io"
	"os"
	"os/signal"
	"sync"
	"unicode/utf8"

	"golang.org/x/term"
)

// errSecretInterrupted is ctrl+c pressed while a secret was being typed.
var errSecretInterrupted = errors.New("interrupted while a secret was typed")

// secretTerminal reads a line from a terminal without echoing it.
//
// term.ReadPassword would leave the terminal without echo if ctrl+c ended
// the program while it read: the signal's handler could restore the
// terminal and then lose the race to ReadPassword turning the echo off
// again, and the officer's shell would type blind. Here the terminal is
// raw while a line is read, so ctrl+c arrives as a byte the reader itself
// answers, after restoring; every change of the terminal's state is made
// under one lock, and an interrupt from outside (kill -INT) takes that
// lock for good before it restores, so nothing can change the terminal
// after it.
type secretTerminal struct {
	in      *os.File
	mu      sync.Mutex
	cooked  *term.State // the terminal before raw mode, while a line is read
	pending []byte      // typed after the Enter that ended the last line
}

// watchInterrupts restores the terminal and calls cancelled then exits
// with the status of an interrupt, if SIGINT comes from outside while the
// terminal is in use; the function it returns stops the watch.
func (t *secretTerminal) watchInterrupts(cancelled func()) (stop func()) {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt)
	done := make(chan struct{})
	go func() {
		select {
		case <-sigs:
			t.mu.Lock() // never unlocked: the program ends here
			if t.cooked != nil {
				_ = term.Restore(int(t.in.Fd()), t.cooked)
			}
			cancelled()
			os.Exit(exitInterrupted)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(sigs)
		close(done)
	}
}

// readLine reads up to Enter without echo. Backspace removes the last
// character, ctrl+u the whole line; ctrl+c is errSecretInterrupted and
// ctrl+d on an empty line io.EOF. The terminal is as it was when it
// returns.
func (t *secretTerminal) readLine() (string, error) {
	fd := int(t.in.Fd())
	t.mu.Lock()
	cooked, err := term.MakeRaw(fd)
	t.cooked = cooked
	t.mu.Unlock()
	if err != nil {
		return "", err
	}
	defer func() {
		t.mu.Lock()
		_ = term.Restore(fd, cooked)
		t.cooked = nil
		t.mu.Unlock()
	}()

	var line []byte
	buf := make([]byte, 64)
	for {
		if len(t.pending) == 0 {
			n, err := t.in.Read(buf)
			if n == 0 && err != nil {
				return "", err
			}
			t.pending = append(t.pending, buf[:n]...)
		}
		b := t.pending[0]
		t.pending = t.pending[1:]
		switch b {
		case '\r', '\n':
			return string(line), nil
		case 0x03: // ctrl+c
			return "", errSecretInterrupted
		case 0x04: // ctrl+d
			if len(line) == 0 {
				return "", io.EOF
			}
		case 0x15: // ctrl+u
			line = line[:0]
		case 0x7f, 0x08: // backspace
			if len(line) > 0 {
				_, size := utf8.DecodeLastRune(line)
				line = line[:len(line)-size]
			}
		default:
			if b >= 0x20 || b == '\t' {
				line = append(line, b)
			}
		}
	}
}
