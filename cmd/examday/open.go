package main

import (
	"errors"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"

	"examday/i18n"
	"examday/store"
	"examday/tui"
)

// access is what a command does with the hall file it opens.
type access int

const (
	// toRead: the command only reads. The file is opened read-only, in
	// bbolt as well, and nothing is written to it: not a checkpoint at
	// close, not the language asked for.
	toRead access = iota
	// toWrite: the command may record; the file must be there.
	toWrite
	// toCreate: the command makes the file if there is none.
	toCreate
)

// openStore opens the hall file for a command, turns the store's errors
// into words, and checks every event's signature and that the state is
// the projection of the log: Open checks only the latest signatures, to
// draw the screen's first frame at once (the screens check the rest
// behind it), and a command has no frame to wait for. A state record
// damaged in a way that still reads would otherwise be printed as it
// stands (a name one letter off in the commission's report). Either
// failure makes the file read-only, and says so; a command that only
// reads writes nothing either way.
func (a *app) openStore(path string, how access) (*store.Store, error) {
	if how == toCreate {
		if err := ensureDir(path); err != nil {
			return nil, err
		}
	}
	s, err := store.Open(path, store.Options{Create: how == toCreate, ReadOnly: how == toRead, Program: "examday"})
	if err != nil {
		return nil, a.describeOpenError(path, err)
	}
	a.warnIfKeyOpen(s)
	if s.Broken() == nil {
		if err := s.VerifySignatures(); err != nil && !errors.Is(err, store.ErrUnsigned) {
			a.warnIfBroken(s)
		}
	}
	if s.Broken() == nil {
		if err := s.VerifyProjection(); err != nil {
			a.warnIfBroken(s)
		}
	}
	return s, nil
}

// openForScreen opens the hall file for the screens, which check every
// signature, and the state against the log, after their first frame
// (package tui); the store lets nothing be recorded before the state is
// checked.
// The file must be there: a new one is made whole by store.Create.
func (a *app) openForScreen(path string) (*store.Store, error) {
	s, err := store.Open(path, store.Options{CheckStateLater: true, Program: "examday"})
	if err != nil {
		return nil, a.describeOpenError(path, err)
	}
	a.warnIfKeyOpen(s)
	return s, nil
}

// hallOpenErrors are the words for what opening a hall file can refuse.
var hallOpenErrors = []openErrorWords{
	{store.ErrInUse, "cli.open.in_use"},
	{store.ErrNotFound, "cli.open.not_found"},
	{store.ErrNotExamday, "cli.open.not_examday"},
	{store.ErrDamaged, "cli.open.damaged"},
	{store.ErrNewerSchema, "cli.open.newer"},
	{store.ErrKeyExists, "cli.open.key_exists"},
}

func (a *app) describeOpenError(path string, err error) error {
	return a.openError(path, err, hallOpenErrors)
}

// openErrorWords names the catalogue's words, which take the file's path,
// for an error a file's Open returns.
type openErrorWords struct {
	err error
	key string
}

// openError puts the first of words that err is in the officer's
// language, above what was found, in those words too; an error none of
// them is stays as it is.
func (a *app) openError(path string, err error, words []openErrorWords) error {
	for _, w := range words {
		if errors.Is(err, w.err) {
			return &saidError{words: fmt.Sprintf("%s\n  (%s)", a.cat.T(w.key, path), a.cat.Error(err)), err: err}
		}
	}
	return err
}

// warnIfKeyOpen says on stderr, at every open, that the file's signing
// key can be read by others, and how to make it private again.
func (a *app) warnIfKeyOpen(s *store.Store) {
	if w := a.keyWarning(s); w != "" {
		fmt.Fprintln(a.stderr, w)
	}
}

func (a *app) keyWarning(s *store.Store) string {
	mode, exposed := s.KeyExposed()
	if !exposed {
		return ""
	}
	key := store.KeyPath(s.Path())
	return a.cat.T("cli.open.key_exposed", key, uint32(mode), key)
}

// warnIfBroken says on stderr that the file is open read-only, and why,
// once.
func (a *app) warnIfBroken(s *store.Store) {
	if err := s.Broken(); err != nil && !a.warned {
		a.warned = true
		fmt.Fprintln(a.stderr, a.cat.T("cli.open.read_only", s.Path(), err))
	}
}

// language is the one asked for with --lang, else the one remembered in
// the file, else English; --lang is remembered for next time.
func (a *app) language(s *store.Store) i18n.Lang {
	if l, ok := i18n.ParseLang(a.langFlag); ok {
		if s.Broken() == nil && !s.ReadOnly() {
			_ = s.SetSetting("lang", string(l))
		}
		return l
	}
	if l, ok := i18n.ParseLang(s.Setting("lang")); ok {
		return l
	}
	return i18n.EN
}

type systemClock struct{}

func (systemClock) Now() time.Time { return time.Now() }

// runTUI runs the application on an open store until the officer quits.
// Whether it is the demo's the screens read in the file itself.
func (a *app) runTUI(s *store.Store) error {
	a.warnIfBroken(s)
	m := tui.New(tui.Config{Store: s, Clock: systemClock{}, Lang: a.language(s), Warning: a.keyWarning(s), Files: screenFiles{a}})
	_, err := tea.NewProgram(m).Run()
	return err
}

// runHall is `examday` with no sub-command: the hall in the default file.
func (a *app) runHall(cmd *cobra.Command) error {
	path, err := a.filePath("hall.db")
	if err != nil {
		return err
	}
	s, err := a.openForScreen(path)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("%s", a.cat.T("cli.no_hall_file", path))
	}
	if err != nil {
		return err
	}
	defer s.Close()
	if !s.Hall().Exists() {
		return fmt.Errorf("%s", a.cat.T("cli.no_hall_file", path))
	}
	return a.runTUI(s)
}
