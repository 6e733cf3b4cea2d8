package boltfile

import (
	"os"
	"syscall"
)

// placeNoReplace gives from the name to, never over a file there. Go's
// os.Rename replaces on Windows (MOVEFILE_REPLACE_EXISTING); MoveFile
// without that flag fails when the name is taken, in one step.
func placeNoReplace(from, to string) error {
	f, err := syscall.UTF16PtrFromString(from)
	if err != nil {
		return err
	}
	t, err := syscall.UTF16PtrFromString(to)
	if err != nil {
		return err
	}
	if err := syscall.MoveFile(f, t); err != nil {
		// ERROR_ALREADY_EXISTS and ERROR_FILE_EXISTS are fs.ErrExist.
		return &os.LinkError{Op: "rename", Old: from, New: to, Err: err}
	}
	return nil
}
