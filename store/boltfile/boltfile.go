// Package boltfile is what the hall file and the central record's file
// share as bbolt files on disk: the read-only look at a file before it is
// opened for writing, with a structure check that a damaged file cannot
// crash; reads and writes of an open file that turn a fault on a damaged
// page into an error; the owner note beside an open file; and durable
// writes (a new file never over an old one, a file replaced whole). It
// knows bbolt and the file system, not what a file holds: the store and
// the central record check their own content inside Inspect, and give its
// errors their own sentinels (Kinds), so each keeps its own messages.
package boltfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"syscall"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

var (
	// ErrEmpty: the file is empty, so it holds no bbolt file.
	ErrEmpty = errors.New("empty file")
	// ErrInUse: another program holds the file's lock. The error's detail
	// is the owner note's words, when the other program left them.
	ErrInUse = errors.New("the file is in use by another program")
	// ErrNotBolt: bbolt says the content is not a bbolt file (or so
	// damaged that it cannot be read at all).
	ErrNotBolt = errors.New("not a bbolt file")
	// ErrDamaged: the file is a bbolt file whose structure is broken.
	ErrDamaged = errors.New("the file is damaged")
)

// Error is what Inspect, Check and OpenError found wrong with the file at
// Path: "PATH: KIND (DETAIL)".
type Error struct {
	Path string
	// Kind is ErrEmpty, ErrInUse, ErrNotBolt or ErrDamaged; after
	// Kinds.Under, the caller's own sentinel in its place.
	Kind error
	// Detail says what was found, in parentheses after Kind; "" for none.
	Detail string
}

func (e *Error) Error() string {
	if e.Detail == "" {
		return e.Path + ": " + e.Kind.Error()
	}
	return e.Path + ": " + e.Kind.Error() + " (" + e.Detail + ")"
}

func (e *Error) Unwrap() error { return e.Kind }

// Kinds names a caller's own sentinels for this package's: an *Error of
// this package is given the caller's sentinel in place of its Kind,
// keeping its path and detail, so that the caller's errors.Is checks and
// messages are its own. A nil field leaves that kind as it is.
type Kinds struct {
	Empty, NotBolt, InUse, Damaged error
}

// Under gives err, if it is an *Error of this package, the caller's
// sentinel for its Kind. Any other error is returned as it is.
func (k Kinds) Under(err error) error {
	e, ok := err.(*Error) // not errors.As: an *Error wrapped in more words is the caller's own
	if !ok {
		return err
	}
	var kind error
	switch e.Kind {
	case ErrEmpty:
		kind = k.Empty
	case ErrNotBolt:
		kind = k.NotBolt
	case ErrInUse:
		kind = k.InUse
	case ErrDamaged:
		kind = k.Damaged
	}
	if kind == nil {
		return err
	}
	return &Error{Path: e.Path, Kind: kind, Detail: e.Detail}
}

// OpenError is the package OpenError under the caller's sentinels.
func (k Kinds) OpenError(path string, err error) error { return k.Under(OpenError(path, err)) }

// OpenError says why bolt.Open failed on path: held by another program
// (ErrInUse, with the owner note's words), not a bbolt file (ErrNotBolt),
// or what the system said.
func OpenError(path string, err error) error {
	if errors.Is(err, berrors.ErrTimeout) {
		return &Error{Path: path, Kind: ErrInUse, Detail: ReadOwner(path)}
	}
	// bbolt says what is wrong with a file's content with these sentinels,
	// or with a bare error (a file too short to hold its two meta pages:
	// "file size too small"); what the system says (permission denied, no
	// memory for the map) carries an errno.
	var errno syscall.Errno
	if errors.Is(err, berrors.ErrInvalid) || errors.Is(err, berrors.ErrVersionMismatch) || errors.Is(err, berrors.ErrChecksum) ||
		!errors.As(err, &errno) {
		return &Error{Path: path, Kind: ErrNotBolt, Detail: err.Error()}
	}
	return fmt.Errorf("%s: %w", path, err)
}

// Inspect opens the bbolt file at path read-only, waiting up to timeout
// for another program's lock, checks what can be checked of any bbolt file
// without reading its pages, and then calls check in a read transaction:
// check looks at the content (and may call Check for the structure
// check). check's errors are returned as they are; Inspect's own are
// *Error.
//
// bbolt reads the file through a memory map: a file cut short faults when
// a page past its end is touched, and corrupt pages make bbolt panic or
// touch memory outside the map. Both become ErrDamaged, in check as well,
// rather than end the program (see guard).
func Inspect(path string, timeout time.Duration, check func(tx *bolt.Tx) error) error {
	return guard(path, func() error {
		info, err := os.Stat(path)
		if err != nil {
			return err
		}
		// bbolt would take an empty file for a new one and try to write its
		// first pages, which on a read-only handle fails with a bare "bad
		// file descriptor". An empty file holds nothing of ours.
		if info.Size() == 0 {
			return &Error{Path: path, Kind: ErrEmpty, Detail: "the file is empty"}
		}
		db, err := bolt.Open(path, 0o400, &bolt.Options{Timeout: timeout, ReadOnly: true})
		if err != nil {
			return OpenError(path, err)
		}
		defer db.Close()
		// The size again, now that the lock is held: a writer that held the
		// file while Open waited may have grown it since the first look,
		// and a sound file would read as cut short.
		if info, err = os.Stat(path); err != nil {
			return err
		}
		if info.Size()%int64(db.Info().PageSize) != 0 {
			return &Error{Path: path, Kind: ErrDamaged, Detail: fmt.Sprintf("size %d is not a whole number of pages", info.Size())}
		}
		// The meta page says how far the pages in use reach (bbolt's
		// high-water mark); a file shorter than that is refused before any
		// of them is read.
		var reach int64
		if err := db.View(func(tx *bolt.Tx) error { reach = tx.Size(); return nil }); err != nil {
			return &Error{Path: path, Kind: ErrDamaged, Detail: err.Error()}
		}
		if info.Size() < reach {
			return &Error{Path: path, Kind: ErrDamaged,
				Detail: fmt.Sprintf("the file is %d bytes but its pages reach to %d: it was cut short", info.Size(), reach)}
		}
		return db.View(check)
	})
}

// Check checks the structure of the file tx reads, as bbolt's own
// tx.Check would, and more (pages.go says what and why it is not
// bbolt's), and returns what is wrong as ErrDamaged. It reads the file
// itself, not bbolt's memory map: a damaged page cannot make it fault.
// Inspect has already made sure the file reaches as far as its pages do.
func Check(path string, tx *bolt.Tx) error {
	if err := checkFile(tx.DB().Path(), tx.DB().Info().PageSize, uint64(tx.ID()), tx.Size()); err != nil {
		return &Error{Path: path, Kind: ErrDamaged, Detail: err.Error()}
	}
	return nil
}

// Reads of an open file.
//
// Check accepts a file only if bbolt can read every key and value of it
// without leaving their pages. Still, nothing stops another program from
// damaging the file once it is checked, and Check cannot know every way
// bbolt can fail: every read of an open file goes through View (and every
// write through Update), which make a fault in bbolt's memory map, or a
// panic of bbolt's on a page it cannot read, an ErrDamaged of the file —
// never the end of the program. bbolt reads the map only on the
// goroutine that calls it, and the work this package runs on other
// goroutines (InParallel) carries its panics back to the caller's, so
// guarding the calling goroutine guards every read.

// Open is bolt.Open, guarded: a writable open reads the freelist's page,
// which bbolt panics on when it is damaged.
func Open(path string, mode os.FileMode, opts *bolt.Options) (db *bolt.DB, err error) {
	err = guard(path, func() error {
		db, err = bolt.Open(path, mode, opts)
		return err
	})
	return db, err
}

// View is db.View, guarded.
func View(db *bolt.DB, fn func(tx *bolt.Tx) error) error {
	return guard(db.Path(), func() error { return db.View(fn) })
}

// Update is db.Update, guarded. bbolt rolls the transaction back when fn
// or its commit panics, so nothing half done is kept.
func Update(db *bolt.DB, fn func(tx *bolt.Tx) error) error {
	return guard(db.Path(), func() error { return db.Update(fn) })
}

// guard runs fn with a fault on this goroutine made a panic
// (debug.SetPanicOnFault: a touch of memory outside bbolt's map, or past
// the end of a file cut short, would otherwise kill the program with
// SIGSEGV or SIGBUS), and any panic in fn made an ErrDamaged of the file
// at path, with the panic's words as its detail.
func guard(path string, fn func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = &Error{Path: path, Kind: ErrDamaged, Detail: fmt.Sprint(r)}
		}
	}()
	return fn()
}

// The owner note sits beside the file while a program has it open, so
// that a second program can say who holds the file rather than just
// "locked". The lock itself is bbolt's; the note is only a courtesy and may
// be stale after a crash, so it is read only when the lock is really held.

func ownerPath(path string) string { return path + ".owner" }

// WriteOwner leaves the note that program (or "examday", if it is "")
// holds the file at path. A note that cannot be written is no fault.
func WriteOwner(path, program string) {
	if program == "" {
		program = "examday"
	}
	host, _ := os.Hostname()
	note := fmt.Sprintf("%s, process %d on %s, since %s", program, os.Getpid(), host, time.Now().Format("2006-01-02 15:04:05"))
	_ = os.WriteFile(ownerPath(path), []byte(note), 0o600)
}

// ReadOwner is the owner note's words, or "" where there is none.
func ReadOwner(path string) string {
	b, err := os.ReadFile(ownerPath(path))
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}

// RemoveOwner removes the owner note, when the file is let go.
func RemoveOwner(path string) { _ = os.Remove(ownerPath(path)) }

// WriteNew writes data to a new file at path, never over an existing one
// (O_EXCL: an error wrapping fs.ErrExist), and makes it durable, its
// directory entry included, before anything is made to depend on it. A
// file that cannot be written whole is removed. Mode 0600 keeps it to its
// owner where the system has modes; Windows has none (the mode only sets
// the read-only attribute): there the file is written normally and is as
// private as the directory it is in.
func WriteNew(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	err = writeClose(f, data)
	if err == nil {
		err = SyncDir(filepath.Dir(path))
	}
	if err != nil {
		os.Remove(path)
	}
	return err
}

// Replace writes data to path as a whole or not at all (WriteWhole).
func Replace(path string, data []byte) error {
	return WriteWhole(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// writeClose writes data to f, fsyncs it and closes it; f is closed
// whatever fails.
func writeClose(f *os.File, data []byte) error {
	_, err := f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// SyncDir makes a new name in dir durable. Windows has no directory to
// sync and says so; its file systems journal names themselves.
func SyncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// Work over a file's values on every core. The values are read from
// bbolt's memory map, so a fault in one of the goroutines is carried back
// to the caller's, where the recover of Inspect or View turns it into
// ErrDamaged.

// FirstFailure runs ok over 0..n-1, one contiguous part per core, and
// returns the first i for which it is false, or n. Each part stops at its
// own first failure. A part is at least 256 items: for fewer, waking a
// second thread costs more than the work it would take.
func FirstFailure(n int, ok func(i int) bool) int {
	parts := min(runtime.GOMAXPROCS(0), max(n/256, 1))
	firsts := make([]int, parts)
	work := make([]func(), parts)
	for p := range parts {
		lo, hi := n*p/parts, n*(p+1)/parts
		firsts[p] = n
		work[p] = func() {
			for i := lo; i < hi; i++ {
				if !ok(i) {
					firsts[p] = i
					return
				}
			}
		}
	}
	InParallel(work...)
	first := n
	for _, f := range firsts {
		first = min(first, f)
	}
	return first
}

// InParallel runs each of work in a goroutine of its own and waits for
// all. The work reads bbolt's memory map, where a damaged or shortened
// file faults or makes bbolt panic; the caller's recover (Inspect's or
// View's) is the one that turns that into ErrDamaged, so a fault becomes
// a panic and a panic is raised again on the caller's goroutine, not left
// to kill the program from another.
func InParallel(work ...func()) {
	var wg sync.WaitGroup
	panics := make([]any, len(work))
	for i, w := range work {
		wg.Go(func() {
			defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
			defer func() { panics[i] = recover() }()
			w()
		})
	}
	wg.Wait()
	for _, p := range panics {
		if p != nil {
			panic(p)
		}
	}
}

// ForEachPart runs fn over 0..n-1, one contiguous part per core.
func ForEachPart(n int, fn func(i int)) {
	FirstFailure(n, func(i int) bool { fn(i); return true })
}

// ExposedMode reports whether the file at path (a private key) can be
// read or written by anyone but its owner, and its permission bits. A key
// that others can read lets them sign as its owner; examday writes keys
// 0600, so a wider mode came from a copy or a chmod. Windows has no such
// bits (access is the folder's ACL): never exposed there by this measure.
func ExposedMode(path string) (fs.FileMode, bool) {
	if runtime.GOOS == "windows" {
		return 0, false
	}
	info, err := os.Stat(path)
	if err != nil {
		return 0, false
	}
	perm := info.Mode().Perm()
	return perm, perm&0o077 != 0
}
