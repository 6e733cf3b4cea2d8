package boltfile

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Files made whole beside their name. Every file examday writes that must
// be there whole or not at all — a bundle, a report, the sheets, a new
// hall file — is first written to a temporary file in the same directory,
// named by TempPattern, and then given its name. A program killed before
// that leaves the temporary file; the next write of the same name removes
// it (RemoveStale), and only it.

// TempPattern is the pattern of the temporary files made beside path, for
// os.CreateTemp: a dot (hidden on Unix), the file's name, random digits,
// ".tmp".
func TempPattern(path string) string { return "." + filepath.Base(path) + ".*.tmp" }

// CreateTemp makes a new temporary file beside path, mode 0600.
func CreateTemp(path string) (*os.File, error) {
	return os.CreateTemp(filepath.Dir(path), TempPattern(path))
}

// IsTempOf reports whether name, a name in path's directory, is one
// CreateTemp makes for path: exactly the pattern, with digits where the
// star is (os.CreateTemp puts only digits there). Names are compared
// without regard to case where the file systems do not regard it.
func IsTempOf(name, path string) bool {
	prefix := "." + filepath.Base(path) + "."
	if len(name) < len(prefix) || !SameName(name[:len(prefix)], prefix) {
		return false
	}
	digits, ok := strings.CutSuffix(name[len(prefix):], ".tmp")
	if !ok || digits == "" {
		return false
	}
	for _, r := range digits {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// SameName reports whether two names name the same file: without regard
// to letter case where the usual file systems ignore it (IgnoresCase),
// exactly elsewhere.
func SameName(a, b string) bool {
	if IgnoresCase {
		return strings.EqualFold(a, b)
	}
	return a == b
}

// IgnoresCase: the usual file systems of this system (NTFS, APFS) take
// "HALL.DB" and "hall.db" for one name.
const IgnoresCase = runtime.GOOS == "windows" || runtime.GOOS == "darwin"

// StaleAfter is how old a temporary file must be before RemoveStale takes
// it for one a killed program left: a program still writing one keeps
// touching it, and the slowest step, the sync to a slow stick, takes a
// few seconds.
const StaleAfter = 10 * time.Second

// RemoveStale removes the temporary files CreateTemp made for path that
// were last written more than StaleAfter ago, and returns their names.
// Only regular files whose names are exactly the pattern are touched: not
// a directory, not a link, not a file of another name however like it.
func RemoveStale(path string) []string {
	dir := filepath.Dir(path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var removed []string
	for _, e := range entries {
		if !IsTempOf(e.Name(), path) || !e.Type().IsRegular() {
			continue
		}
		info, err := e.Info()
		if err != nil || time.Since(info.ModTime()) < StaleAfter {
			continue
		}
		if os.Remove(filepath.Join(dir, e.Name())) == nil {
			removed = append(removed, e.Name())
		}
	}
	return removed
}

// WriteWhole writes path so that it is there whole or not at all: write
// fills a temporary file beside it, which is fsynced and renamed over
// path, and the directory is fsynced so the new name survives a pulled
// stick or a power cut. Stale temporary files of path are removed first
// (RemoveStale). A failed write leaves no temporary file behind and
// whatever was at path as it was.
func WriteWhole(path string, write func(io.Writer) error) error {
	RemoveStale(path)
	f, err := CreateTemp(path)
	if err != nil {
		return err
	}
	tmp := f.Name()
	err = write(f)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		StopAt("write.temp_whole")
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	return SyncDir(filepath.Dir(path))
}

// PlaceNew gives the file at from the name to, in the same directory,
// never over a file already there (an error wrapping fs.ErrExist), and
// makes the new name durable. The old name is gone afterwards.
func PlaceNew(from, to string) error {
	if err := placeNoReplace(from, to); err != nil {
		return err
	}
	return SyncDir(filepath.Dir(to))
}

// OwnerPath is the owner note beside the file at path.
func OwnerPath(path string) string { return ownerPath(path) }

// Mark is the format mark the bbolt file at path keeps under "format" in
// its "meta" bucket — where the hall file and the central record each say
// what they are — or "" for a bbolt file without one. Inspect's errors say
// why there is no answer: not a bbolt file or empty, damaged, or held by
// another program for longer than timeout.
func Mark(path string, timeout time.Duration) (string, error) {
	var mark string
	err := Inspect(path, timeout, func(tx *bolt.Tx) error {
		if meta := tx.Bucket([]byte("meta")); meta != nil {
			mark = string(meta.Get([]byte("format")))
		}
		return nil
	})
	return mark, err
}

// StopEnv names the point at which StopAt stops the program: a test sets
// it in a child process, waits for the child to say it stopped, and kills
// it, to see what a program killed at that moment leaves.
const StopEnv = "EXAMDAY_TEST_STOP_AT"

// StopAt stops the program for good at point if StopEnv names it, after
// saying so on standard error. It does nothing otherwise.
func StopAt(point string) {
	if os.Getenv(StopEnv) != point {
		return
	}
	fmt.Fprintf(os.Stderr, "examday: stopped at %s\n", point)
	for {
		time.Sleep(time.Hour)
	}
}
