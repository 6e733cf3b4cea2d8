package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"examday/exam"
	"examday/store"
)

func (a *app) hallCommand() *cobra.Command {
	c := a.cat
	hall := &cobra.Command{
		Use:   "hall",
		Short: c.T("cli.hall.short"),
		Args:  cobra.NoArgs,
	}
	var setup exam.HallSetup
	var rosterPath string
	var pinStdin bool
	create := &cobra.Command{
		Use:   "create",
		Short: c.T("cli.hall.create.short"),
		Long:  c.T("cli.hall.create.long"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.createHall(setup, rosterPath, pinStdin)
		},
	}
	f := create.Flags()
	f.StringVar(&setup.Name, "name", "", c.T("cli.hall.flag.name"))
	f.StringVar(&setup.Date, "date", "", c.T("cli.hall.flag.date"))
	f.StringVar(&rosterPath, "roster", "", c.T("cli.hall.flag.roster"))
	f.StringVar(&setup.Chairman, "chairman", "", c.T("cli.hall.flag.chairman"))
	f.StringVar(&setup.Officer, "officer", "", c.T("cli.hall.flag.officer"))
	f.StringArrayVar(&setup.Members, "member", nil, c.T("cli.hall.flag.member"))
	f.BoolVar(&pinStdin, "pin-stdin", false, c.T("cli.hall.flag.pin_stdin"))
	for _, name := range []string{"name", "date", "roster", "chairman", "officer"} {
		_ = create.MarkFlagRequired(name)
	}
	hall.AddCommand(create)
	return hall
}

// createHall checks everything before it creates anything: a bad roster or
// a missing field leaves no file behind. The file is made whole or not at
// all (store.Create); what an earlier set-up killed on the way left is
// cleared first (clearInterrupted).
func (a *app) createHall(setup exam.HallSetup, rosterPath string, pinStdin bool) error {
	c := a.cat
	rf, err := os.Open(rosterPath)
	if err != nil {
		return fmt.Errorf("%s", c.T("cli.hall.roster_unreadable", rosterPath, err))
	}
	roster, err := exam.ParseRoster(rf)
	rf.Close()
	if err != nil {
		return err
	}
	now := time.Now()
	// The decision on an empty hall refuses what the file would refuse.
	if _, err := exam.NewHall().CreateHall(setup, roster, now, setup.Officer); err != nil {
		return err
	}
	path, err := a.filePath("hall.db")
	if err != nil {
		return err
	}
	if err := a.clearInterrupted(path); err != nil {
		return err
	}
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("%s", c.T("cli.hall.file_exists", path))
	}

	pin, err := a.askPIN(pinStdin)
	if err != nil {
		return err
	}
	hash, err := exam.HashPIN(pin)
	if err != nil {
		return err
	}
	setup.PINRecord = exam.PINRecordDigest(hash)
	s, err := store.Create(path, store.Options{Program: "examday"}, map[string]string{store.SecretChairmanPIN: hash},
		func(h *exam.Hall) ([]exam.Event, error) { return h.CreateHall(setup, roster, now, setup.Officer) })
	if err != nil {
		return a.createError(path, err)
	}
	s.Close()
	fmt.Fprintln(a.stdout, c.T("cli.hall.created", setup.Name, len(roster), path))
	return nil
}

// clearInterrupted clears what an interrupted set-up of the hall file at
// path left (store.ClearInterrupted), and says what it did on stderr.
func (a *app) clearInterrupted(path string) error {
	c := a.cat
	if err := ensureDir(path); err != nil {
		return err
	}
	left, err := store.ClearInterrupted(path)
	if len(left.Temporary) > 0 {
		fmt.Fprintln(a.stderr, c.T("cli.hall.left_temporary", path, strings.Join(left.Temporary, ", ")))
	}
	switch {
	case left.Aside != "":
		fmt.Fprintln(a.stderr, c.T("cli.hall.left_aside", left.Key, left.Aside))
	case left.Key != "":
		fmt.Fprintln(a.stderr, c.T("cli.hall.left_key", left.Key))
	}
	if left.Empty {
		fmt.Fprintln(a.stderr, c.T("cli.hall.left_empty", path))
	}
	if err != nil {
		return a.createError(path, err)
	}
	return nil
}

// createError puts what refused a new hall file in words.
func (a *app) createError(path string, err error) error {
	var owned *store.KeyOwnerError
	switch {
	case errors.As(err, &owned):
		return &saidError{words: a.cat.T("cli.hall.key_of_other", owned.Key, owned.Hall), err: err}
	case errors.Is(err, store.ErrExists):
		return fmt.Errorf("%s", a.cat.T("cli.hall.file_exists", path))
	}
	return a.describeOpenError(path, err)
}

// askPIN reads the chairman's PIN twice from the terminal without echo.
// --pin-stdin reads it once from standard input instead, for scripts: a
// PIN is never taken from the command line, where other users of the
// machine and the shell's history could read it.
func (a *app) askPIN(fromStdin bool) (string, error) {
	c := a.cat
	return a.readPIN(fromStdin, c.T("cli.hall.pin_prompt"), c.T("cli.hall.pin_again"), "cli.hall.pin_cancelled")
}

// readPIN reads a PIN: from the terminal without echo, twice (prompt,
// then again), up to three tries; or with fromStdin one line of standard
// input (each call the next line). ctrl+c at the prompt says the words of
// cancelledKey, as nothing is recorded before the PIN, and ends with the
// status of an interrupt.
func (a *app) readPIN(fromStdin bool, prompt, again, cancelledKey string) (string, error) {
	c := a.cat
	if fromStdin {
		if a.stdinLines == nil {
			a.stdinLines = bufio.NewReader(a.stdin)
		}
		line, err := a.stdinLines.ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return "", err
		}
		pin := strings.TrimSpace(line)
		return pin, exam.CheckPIN(pin)
	}
	in, ok := a.stdin.(*os.File)
	if !ok || !term.IsTerminal(int(in.Fd())) {
		return "", fmt.Errorf("%s", c.T("cli.hall.pin_needs_terminal"))
	}
	cancelled := func() {
		fmt.Fprintln(a.stderr)
		fmt.Fprintln(a.stderr, c.T(cancelledKey))
	}
	t := &secretTerminal{in: in}
	defer t.watchInterrupts(cancelled)()
	read := func(prompt string) (string, error) {
		fmt.Fprint(a.stderr, prompt)
		pin, err := t.readLine()
		fmt.Fprintln(a.stderr)
		if errors.Is(err, errSecretInterrupted) {
			cancelled()
			return "", &reportedError{err: tea.ErrInterrupted}
		}
		return strings.TrimSpace(pin), err
	}
	for attempt := 0; attempt < 3; attempt++ {
		pin, err := read(prompt)
		if err != nil {
			return "", err
		}
		if err := exam.CheckPIN(pin); err != nil {
			fmt.Fprintln(a.stderr, c.Error(err))
			continue
		}
		second, err := read(again)
		if err != nil {
			return "", err
		}
		if second == pin {
			return pin, nil
		}
		fmt.Fprintln(a.stderr, c.T("cli.hall.pin_mismatch"))
	}
	return "", fmt.Errorf("%s", c.T("cli.hall.pin_gave_up"))
}
