//go:build !windows

package boltfile

import (
	"errors"
	"io/fs"
	"os"
)

// placeNoReplace gives from the name to, never over a file there: a hard
// link fails if the name is taken, and the old name is then removed (once
// the link is made the file is in place, whatever becomes of the old
// name). A file system without hard links (FAT on a stick) has the name
// checked and the file renamed, which a second program could race.
func placeNoReplace(from, to string) error {
	err := os.Link(from, to)
	switch {
	case err == nil:
		os.Remove(from)
		return nil
	case errors.Is(err, fs.ErrExist):
		return err
	}
	if _, lerr := os.Lstat(to); lerr == nil {
		return &os.LinkError{Op: "rename", Old: from, New: to, Err: fs.ErrExist}
	}
	return os.Rename(from, to)
}
