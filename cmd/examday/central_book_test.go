package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"examday/central"
)

// `examday central export` writes the central record's own book as a
// bundle that `examday verify` checks alone; it says so when the book is
// empty, and never writes over the central record or its key.
func TestCentralExportWritesTheBookAsABundleThatVerifies(t *testing.T) {
	isolateDataDir(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "central.db")
	db, err := central.Open(path, central.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	out := filepath.Join(dir, "book.bundle")
	code, _, errOut := runCLI(t, "", "central", "export", "--db", path, "--out", out)
	if code == 0 || !strings.Contains(errOut, "book is empty") {
		t.Errorf("export of an empty book: exit %d, %q; want it to say the book is empty", code, errOut)
	}

	db, err = central.Open(path, central.Options{})
	if err != nil {
		t.Fatal(err)
	}
	data, _ := json.Marshal(map[string]any{"year": 2027})
	for range 3 {
		_, err := db.Decide(func([]central.BookEvent) ([]central.BookEvent, error) {
			return []central.BookEvent{{Type: "campaign.set", Actor: "secretary", At: time.Now(), Data: data}}, nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	code, stdout, errOut := runCLI(t, "", "central", "export", "--db", path, "--out", out)
	if code != 0 || !strings.Contains(stdout, "book written to "+out) {
		t.Fatalf("export: exit %d, %q %q", code, stdout, errOut)
	}
	code, stdout, errOut = runCLI(t, "", "verify", out)
	if code != 0 || !strings.Contains(stdout, "events 1–3") && !strings.Contains(stdout, "1–3") {
		t.Errorf("verify of the book's bundle: exit %d, %q %q", code, stdout, errOut)
	}
	for _, over := range []string{path, path + ".key"} {
		before := snapshot(path, path+".key")
		code, _, errOut := runCLI(t, "", "central", "export", "--db", path, "--out", over)
		if code == 0 || !strings.Contains(errOut, "Nothing was written") {
			t.Errorf("export over %s: exit %d, %q; want it refused", over, code, errOut)
		}
		sameSnapshot(t, before)
	}
}
