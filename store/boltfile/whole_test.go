package boltfile_test

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"examday/store/boltfile"
)

// PlaceNew never puts a file over one already there, and leaves both as
// they were when it refuses.
func TestPlaceNewNeverReplaces(t *testing.T) {
	dir := t.TempDir()
	from, to := filepath.Join(dir, ".hall.db.1.tmp"), filepath.Join(dir, "hall.db")
	os.WriteFile(from, []byte("new"), 0o600)
	os.WriteFile(to, []byte("the hall"), 0o600)
	if err := boltfile.PlaceNew(from, to); !errors.Is(err, fs.ErrExist) {
		t.Fatalf("PlaceNew over a file: %v, want fs.ErrExist", err)
	}
	if b, _ := os.ReadFile(to); string(b) != "the hall" {
		t.Errorf("the file there now holds %q", b)
	}
	if b, _ := os.ReadFile(from); string(b) != "new" {
		t.Errorf("the new file now holds %q", b)
	}
	os.Remove(to)
	if err := boltfile.PlaceNew(from, to); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(to); string(b) != "new" {
		t.Errorf("placed: %q", b)
	}
	if _, err := os.Lstat(from); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the old name is still there: %v", err)
	}
}

// The temporary files of a path are exactly those CreateTemp makes, and
// RemoveStale removes only those, and only once they are stale.
func TestRemoveStaleRemovesOnlyOldTemporaryFilesOfThePath(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.pdf")
	f, err := boltfile.CreateTemp(path)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	ours := filepath.Base(f.Name())
	if !boltfile.IsTempOf(ours, path) {
		t.Fatalf("%s is not taken for a temporary file of %s", ours, path)
	}
	young := ".report.pdf.42.tmp"
	others := []string{".report.pdf.x1.tmp", ".report.pdf..tmp", "report.pdf.1.tmp", ".report.pdf.1.tmp.key", ".report.pdf.1.tmpx", ".other.pdf.1.tmp", "report.pdf"}
	for _, n := range append(others, young) {
		os.WriteFile(filepath.Join(dir, n), nil, 0o600)
		if n != young && boltfile.IsTempOf(n, path) {
			t.Errorf("%s is taken for a temporary file of %s", n, path)
		}
	}
	os.Mkdir(filepath.Join(dir, ".report.pdf.7.tmp"), 0o700)
	others = append(others, ".report.pdf.7.tmp", young)
	old := time.Now().Add(-time.Minute)
	for _, n := range append(others, ours) {
		if n != young {
			os.Chtimes(filepath.Join(dir, n), old, old)
		}
	}
	if got := boltfile.RemoveStale(path); !slices.Equal(got, []string{ours}) {
		t.Errorf("removed %q, want only %s", got, ours)
	}
	entries, _ := os.ReadDir(dir)
	var left []string
	for _, e := range entries {
		left = append(left, e.Name())
	}
	slices.Sort(others)
	if !slices.Equal(left, others) {
		t.Errorf("left %q, want %q", left, others)
	}
}

// A write that fails leaves what was there and no temporary file.
func TestWriteWholeFailingLeavesTheOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "b.bundle")
	os.WriteFile(path, []byte("old"), 0o600)
	full := errors.New("disk full")
	if err := boltfile.WriteWhole(path, func(w io.Writer) error { io.WriteString(w, "half"); return full }); !errors.Is(err, full) {
		t.Errorf("err = %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("the file holds %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files beside it", len(entries)-1)
	}
}
