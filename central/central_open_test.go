package central_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"examday/central"
	"examday/store"
	"examday/store/storetest"
)

// A file that is not a central record, or is damaged, is refused with
// its reason and left byte for byte as it was.
func TestOpenRefusesForeignAndDamagedFilesWithoutWriting(t *testing.T) {
	dir := t.TempDir()
	hall := filepath.Join(dir, "hall.db")
	storetest.BuildHall(t, hall, 3, 10)

	good := filepath.Join(dir, "central.db")
	db, err := central.Open(good, central.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	l := newLaptop(t, t.TempDir(), 3, 50)
	enroll(t, db, l.pub, "A")
	mustIngest(t, db, l.cut(t, 1, 50))
	db.Close()
	whole, _ := os.ReadFile(good)

	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	hallBytes, _ := os.ReadFile(hall)
	noise := bytes.Repeat([]byte("not a database "), 2000)
	for _, tc := range []struct {
		path string
		want error
	}{
		{write("empty.db", nil), central.ErrNotCentral},
		{write("noise.db", noise), central.ErrNotCentral},
		{write("hallcopy.db", hallBytes), central.ErrNotCentral},
		{write("cut.db", whole[:len(whole)/2]), central.ErrDamaged},
	} {
		before, _ := os.ReadFile(tc.path)
		_, err := central.Open(tc.path, central.Options{Create: true})
		if !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want %v", filepath.Base(tc.path), err, tc.want)
		}
		if after, _ := os.ReadFile(tc.path); !bytes.Equal(before, after) {
			t.Errorf("%s was changed", filepath.Base(tc.path))
		}
	}
	if _, err := central.Open(filepath.Join(dir, "none.db"), central.Options{}); !errors.Is(err, central.ErrNotFound) {
		t.Errorf("missing: %v", err)
	}
	if _, err := os.Stat(store.KeyPath(filepath.Join(dir, "empty.db"))); err == nil {
		t.Error("a key was made beside a refused file")
	}

	// Without its key the file opens read-only only: no receipt could be
	// signed.
	os.Rename(central.KeyPath(good), central.KeyPath(good)+".away")
	if _, err := central.Open(good, central.Options{}); !errors.Is(err, central.ErrKeyMissing) {
		t.Fatalf("without its key: %v", err)
	}
	ro, err := central.Open(good, central.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	holds(t, ro, l, 50)
	if _, err := ro.Ingest(l.cut(t, 1, 50), "file", "x"); err == nil {
		t.Fatal("a read-only central record took a bundle")
	}
	ro.Close()
	if after, _ := os.ReadFile(good); !bytes.Equal(whole, after) {
		t.Fatal("the read-only open changed the file")
	}
	// A key made with the file is 0600.
	os.Rename(central.KeyPath(good)+".away", central.KeyPath(good))
	if info, _ := os.Stat(central.KeyPath(good)); info.Mode().Perm() != 0o600 {
		t.Fatalf("key file mode %v", info.Mode())
	}
}
