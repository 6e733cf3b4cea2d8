// Command examday runs the day of a written entrance exam in one exam hall.
// This package only reads flags and wires things together: the rules are
// in package exam, the file in package store, the screens in package tui,
// and every word in package i18n.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"

	"examday/i18n"
)

// Exit codes, as other terminal programs use them: 130 when the officer
// pressed ctrl+c, 124 when the program was killed.
const (
	exitError       = 1
	exitInterrupted = 130
	exitKilled      = 124
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is main without the process: the tests call it.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	app := newApp(args, stdin, stdout, stderr)
	root := app.rootCommand()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.Execute()
	switch {
	case err == nil:
		return 0
	case errors.Is(err, tea.ErrInterrupted):
		return exitInterrupted
	case errors.Is(err, tea.ErrProgramKilled):
		return exitKilled
	}
	var silent *reportedError
	if !errors.As(err, &silent) {
		fmt.Fprintln(stderr, app.words(err))
	}
	return exitError
}

// words is err as the officer reads it: the words it was given where it
// was made (saidError), else the catalogue's.
func (a *app) words(err error) string {
	var said *saidError
	if errors.As(err, &said) {
		return said.words
	}
	return a.cat.Error(err)
}

// reportedError is an error whose words were already printed.
type reportedError struct{ err error }

func (e *reportedError) Error() string { return e.err.Error() }
func (e *reportedError) Unwrap() error { return e.err }

// saidError is an error already put in the officer's words, which are
// printed as they are; it still is its cause for errors.Is.
type saidError struct {
	words string
	err   error
}

func (e *saidError) Error() string { return e.words }
func (e *saidError) Unwrap() error { return e.err }

// app carries what every sub-command needs: the streams, the flags shared
// by all, and the catalogue in the language asked for.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	dbPath         string
	langFlag       string
	cat            i18n.Catalogue
	// warned: the file's read-only state was said already.
	warned bool
	// outAdvice is the key of what to do when an output path is refused
	// ("" is the command line's: give --out another name).
	outAdvice string
	// outMu keeps a server's lines whole on stdout.
	outMu *sync.Mutex
	// stdinLines reads standard input a line at a time, for the PINs of
	// --pin-stdin (one line each, in the order asked).
	stdinLines *bufio.Reader
}

func newApp(args []string, stdin io.Reader, stdout, stderr io.Writer) *app {
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr, outMu: &sync.Mutex{}}
	// Help texts are built before cobra parses the flags, so the language
	// is looked up in the arguments first.
	a.cat = i18n.New(i18n.EN)
	if l, ok := i18n.ParseLang(langFromArgs(args)); ok {
		a.cat = i18n.New(l)
	}
	return a
}

func langFromArgs(args []string) string {
	for i, a := range args {
		switch {
		case a == "--lang" && i+1 < len(args):
			return args[i+1]
		case len(a) > 7 && a[:7] == "--lang=":
			return a[7:]
		}
	}
	return os.Getenv("EXAMDAY_LANG")
}

func (a *app) rootCommand() *cobra.Command {
	c := a.cat
	root := &cobra.Command{
		Use:           "examday",
		Short:         c.T("cli.root.short"),
		Long:          c.T("cli.root.long"),
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.runHall(cmd)
		},
	}
	root.PersistentFlags().StringVar(&a.dbPath, "db", "", c.T("cli.flag.db"))
	root.PersistentFlags().StringVar(&a.langFlag, "lang", "", c.T("cli.flag.lang"))
	root.PersistentPreRunE = func(cmd *cobra.Command, _ []string) error {
		if a.langFlag != "" {
			if _, ok := i18n.ParseLang(a.langFlag); !ok {
				return fmt.Errorf("%s", c.T("cli.bad_lang", a.langFlag))
			}
		}
		return nil
	}
	root.Version = a.versionLine()
	root.SetVersionTemplate("{{.Version}}\n")
	root.AddCommand(a.versionCommand(), a.demoCommand(), a.hallCommand(), a.eventsCommand(), a.reportCommand(), a.sheetsCommand(), a.verifyLogCommand(),
		a.exportCommand(), a.verifyCommand(), a.centralCommand(), a.enrollCommand(), a.syncCommand(), a.migrateCommand())
	a.localise(root)
	return root
}
