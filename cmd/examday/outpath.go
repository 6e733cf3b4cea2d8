package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"examday/central"
	"examday/store"
	"examday/store/boltfile"
)

// Nothing a user types destroys a record (issue 9): no --out of any
// command is written over a file examday keeps. refuseKept is the one
// check, and every command that writes an output makes it before it
// writes or records anything.

// keptFile is a file examday keeps a record in, as the command line, the
// environment and the data directory name it.
type keptFile struct {
	path string
	// central: the central record's file, if what is at path does not
	// say otherwise.
	central bool
}

// keptFiles are the record files this command line and this environment
// name: --db (a hall file, or the central record's for a central
// command), EXAMDAY_DB, EXAMDAY_CENTRAL_DB, and the default files in the
// data directory, whether or not they are there yet — an output there
// would stop them being made.
func (a *app) keptFiles(dbIsCentral bool) []keptFile {
	var kept []keptFile
	if a.dbPath != "" {
		kept = append(kept, keptFile{a.dbPath, dbIsCentral})
	}
	if p := os.Getenv("EXAMDAY_DB"); p != "" {
		kept = append(kept, keptFile{p, false})
	}
	if p := os.Getenv("EXAMDAY_CENTRAL_DB"); p != "" {
		kept = append(kept, keptFile{p, true})
	}
	if dir, err := dataDir(); err == nil {
		kept = append(kept, keptFile{filepath.Join(dir, "hall.db"), false}, keptFile{filepath.Join(dir, "demo.db"), false},
			keptFile{filepath.Join(dir, "central.db"), true})
	}
	return kept
}

// companion is a file that goes with a record file: the file itself, its
// signing key (store.KeyPath and central.KeyPath both add ".key") and its
// owner note, with the catalogue's words for an output that would replace
// it, for a hall file and for the central record.
type companion struct {
	suffix        string
	hall, central string
}

var companions = []companion{
	{"", "cli.out.hall_file", "cli.out.central_file"},
	{strings.TrimPrefix(store.KeyPath("x"), "x"), "cli.out.hall_key", "cli.out.central_key"},
	{strings.TrimPrefix(boltfile.OwnerPath("x"), "x"), "cli.out.hall_owner", "cli.out.central_owner"},
	// A hall file has none; a central record's server leaves its admin
	// channel's note there while it runs.
	{strings.TrimPrefix(central.AdminPath("x"), "x"), "cli.out.central_admin", "cli.out.central_admin"},
}

// refuseKept refuses out if it is, or resolves to, a file examday keeps:
// a record file this command line or environment names (keptFiles), its
// key or its owner note; or any file whose content says it is a hall file
// or the central record, or the key or owner note beside one. A database
// file that cannot be looked into (held by another program, damaged) is
// refused too: it may be a record. The refusal names what the file is.
func (a *app) refuseKept(out string, dbIsCentral bool) error {
	for _, k := range a.keptFiles(dbIsCentral) {
		for _, c := range companions {
			if samePath(out, k.path+c.suffix) {
				return a.keptRefusal(c, a.isCentral(k), out, k.path)
			}
		}
	}
	for _, c := range companions {
		if len(out) <= len(c.suffix) || !boltfile.SameName(out[len(out)-len(c.suffix):], c.suffix) {
			continue
		}
		record := out[:len(out)-len(c.suffix)]
		if info, err := os.Stat(record); err != nil || !info.Mode().IsRegular() {
			continue
		}
		mark, err := boltfile.Mark(record, store.LockTimeout)
		switch {
		case mark == store.FormatMark:
			return a.keptRefusal(c, false, out, record)
		case mark == central.FormatMark:
			return a.keptRefusal(c, true, out, record)
		case errors.Is(err, boltfile.ErrInUse) || errors.Is(err, boltfile.ErrDamaged):
			if c.suffix == "" {
				return a.outRefused("cli.out.unreadable", out, err)
			}
			return a.outRefused("cli.out.beside_unreadable", out, record, err)
		}
	}
	return nil
}

// isCentral says whether the kept file is the central record's: what the
// file says it is, where it is there to say so.
func (a *app) isCentral(k keptFile) bool {
	switch mark, _ := boltfile.Mark(k.path, store.LockTimeout); mark {
	case store.FormatMark:
		return false
	case central.FormatMark:
		return true
	}
	return k.central
}

func (a *app) keptRefusal(c companion, isCentral bool, out, record string) error {
	key := c.hall
	if isCentral {
		key = c.central
	}
	return a.outRefused(key, out, record)
}

// outRefused is a refused output path in words, with what to do: give
// --out another name, or on the screen type another (app.outAdvice).
func (a *app) outRefused(key string, args ...any) error {
	advice := a.outAdvice
	if advice == "" {
		advice = "cli.out.advice"
	}
	return fmt.Errorf("%s %s", a.cat.T(key, args...), a.cat.T(advice))
}

// samePath reports whether the paths a and b name one file: for files
// that are there, by the system's own answer (os.SameFile: links, "..",
// letter case on a file system that ignores it); for one that is not there
// yet, by its resolved name (resolvedPath).
func samePath(a, b string) bool {
	ai, aerr := os.Stat(a)
	bi, berr := os.Stat(b)
	if aerr == nil && berr == nil {
		return os.SameFile(ai, bi)
	}
	return resolvedPath(a) == resolvedPath(b)
}

// resolvedPath is path made absolute and clean, with the links of the
// longest part of it that is there resolved, in lower case where the usual
// file systems ignore case (Windows, macOS).
func resolvedPath(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = filepath.Clean(path)
	}
	for dir, rest := abs, ""; ; {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			abs = filepath.Join(real, rest)
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		rest = filepath.Join(filepath.Base(dir), rest)
		dir = parent
	}
	if boltfile.IgnoresCase {
		abs = strings.ToLower(abs)
	}
	return abs
}

// centralOut refuses, for a central command's --out, an empty name and
// one that is a record kept here or beside it (refuseKept).
func (a *app) centralOut(out string) error {
	if out == "" {
		return errors.New(a.cat.T("cli.export.no_out"))
	}
	return a.refuseKept(out, true)
}
