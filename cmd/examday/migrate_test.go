package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"examday/i18n"
	"examday/store"
)

// `examday migrate` on the file kept from the examday of schema 4: the
// new file verifies (verify-log, every signature) with the same root, the
// old one is as it was, and a second run refuses, in the officer's words.
func TestMigrateCommand(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "old.examday")
	for from, to := range map[string]string{"../../store/testdata/main-schema4.examday": old, "../../store/testdata/main-schema4.examday.key": store.KeyPath(old)} {
		b, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(to, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	before, _ := os.ReadFile(old)
	_, oldOut, _ := runCLI(t, "", "verify-log", "--db", old)
	newFile := filepath.Join(dir, "new.examday")
	code, out, errOut := runCLI(t, "", "migrate", "--db", old, "--out", newFile)
	if code != 0 {
		t.Fatalf("migrate: exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, cat.T("cli.migrate.done", old, newFile, store.KeyPath(newFile))) {
		t.Errorf("migrate said %q", out)
	}
	if after, _ := os.ReadFile(old); string(after) != string(before) {
		t.Error("the old file was changed")
	}
	code, newOut, errOut := runCLI(t, "", "verify-log", "--db", newFile)
	if code != 0 {
		t.Fatalf("verify-log of the migrated file: exit %d: %s", code, errOut)
	}
	rootLine := func(s string) string {
		for _, l := range strings.Split(s, "\n") {
			if strings.HasPrefix(l, "Root of the log") {
				return l
			}
		}
		return ""
	}
	if rootLine(newOut) == "" || rootLine(newOut) != rootLine(oldOut) {
		t.Errorf("roots differ: %q, was %q", rootLine(newOut), rootLine(oldOut))
	}

	code, _, errOut = runCLI(t, "", "migrate", "--db", old, "--out", newFile, "--lang", "ru")
	ru := i18n.New(i18n.RU)
	if code == 0 || !strings.Contains(errOut, ru.T("cli.migrate.refused", old, "")) {
		t.Errorf("migrate over the new file: exit %d: %s", code, errOut)
	}
	code, _, errOut = runCLI(t, "", "migrate", "--db", newFile, "--out", filepath.Join(dir, "third.examday"))
	if code == 0 || !strings.Contains(errOut, cat.T("store.migrate_current", store.SchemaVersion)) {
		t.Errorf("migrate of a file of this schema: exit %d: %s", code, errOut)
	}
}
