package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"examday/central"
	"examday/i18n"
	"examday/i18n/i18ntest"
	"examday/store"
)

// Every error path of the hand-over a user can meet — each refusal of the
// central record by its check, on the laptop (enroll, sync, the evidence
// and the rollback) and at the central record (import, status, serve's
// request lines), what the store says of the file, and the failures on
// the way, real ones with their retries — reads in Russian and Kazakh with
// no English word left: only names, codes, URLs and hex in Latin letters.
func TestEveryErrorPathReadsInTheOfficersLanguage(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	if code, _, errOut := runCLI(t, "", "demo", "--no-tui", "--db", db); code != 0 {
		t.Fatal(errOut)
	}
	s, err := store.Open(db, store.Options{Program: "test", ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	hash := strings.Repeat("0a1b2c3d", 8)
	checks := []string{"size", "format", "digest", "key", "signature", "sequence", "link", "checkpoint", "root",
		central.CheckFork, central.CheckGap, central.CheckFrozen, central.CheckDevice, central.CheckToken, central.CheckWrite,
		central.CheckBusy, central.CheckTimeout, central.CheckRollback, central.CheckPath, "", "newfangled"}
	english := "the central record's own reason, in English, which the officer never reads"
	for _, l := range []i18n.Lang{i18n.RU, i18n.KK} {
		say := func(what, text string) {
			t.Helper()
			if words := i18ntest.LatinWords(text, db, "newfangled"); len(words) > 0 {
				t.Errorf("%s %s: %q in:\n%s", l, what, words, text)
			}
		}
		var out bytes.Buffer
		a := &app{cat: i18n.New(l), stdout: &out, stderr: &out}
		c := a.cat
		for _, check := range checks {
			body := central.ErrorBody{Error: english, Check: check, Line: 3, Seq: 7, StoredHash: hash, IncomingHash: hash, ExpectedFirst: 5}
			refused := &central.RefusedError{Status: 409, Body: body}
			out.Reset()
			a.syncFailed(s, nil, refused)
			a.syncFailed(s, nil, &central.MismatchError{CentralSize: 9, LocalSize: 7, Pushed: refused})
			fmt.Fprintln(&out, c.T("cli.enroll.refused", 403, a.refusalReason(refused)))
			fmt.Fprintln(&out, c.Error(refused))
			a.printRefusal(&out, "/media/stick/hall.bundle", &central.Refusal{Status: 409, Body: body})
			if check != "newfangled" { // a Refusal is the central record's own: it names its own checks
				fmt.Fprintln(&out, c.Error(&central.Refusal{Status: 409, Body: body}))
			}
			fmt.Fprintln(&out, c.T("cli.central.status.failure", "2027-06-21 10:00:00", a.via("file"), "/media/stick/hall.bundle", 409, a.checkName(check), a.checkWords(check)))
			fmt.Fprintln(&out, c.T("cli.central.serve.refused", "2027-06-21 10:00:00", "10.0.0.7:51234", "POST "+central.PathBundles, 409, c.Duration(12*time.Millisecond), a.checkWords(check)))
			say("check "+check, out.String())
			if strings.Contains(out.String(), english) {
				t.Errorf("%s %s: the central record's English reached the officer:\n%s", l, check, out.String())
			}
		}
		// The failures of a sync that are not refusals, and what the
		// store says of the file.
		for _, err := range []error{
			central.ErrNotEnrolled,
			&central.MismatchError{CentralSize: 9, LocalSize: 7, Frozen: true},
			&central.MismatchError{CentralSize: 9, LocalSize: 7},
			&central.MismatchError{CentralSize: 5, LocalSize: 7, Diverged: true},
			&central.GaveUpError{Attempts: 8, Elapsed: 2*time.Minute + 3*time.Second, Last: central.ErrAnswerLost},
			&central.ReceiptError{Reason: "its signature does not verify"},
			store.ErrKeyMissing, store.ErrReadOnly, store.ErrDamaged,
			&store.ChainError{Seq: 9, Check: store.CheckChain, Code: store.ChainSignatureBad, Reason: "its signature does not verify with this file's key"},
			&store.StateError{Where: "examinee M-003: seat", Record: store.StateExaminee, Name: "M-003", Field: []string{"seat"}, Log: `"1-01"`, State: `"1-19"`},
			&store.StateError{Where: "hall: offers.1.reason", Record: store.StateHall, Field: []string{"offers", "1", "reason"}, Log: `"break_overrun"`, State: ""},
		} {
			out.Reset()
			a.syncFailed(s, nil, err)
			fmt.Fprintln(&out, c.Error(err))
			say(err.Error(), out.String())
		}
	}
}

// The real failures on the way, with their retries and the pauses
// between them, read in Russian and Kazakh: a central record that does
// not answer at all, and one too busy that asks to come back.
func TestRealSyncFailuresHaveNoEnglish(t *testing.T) {
	cdb, url := startCentral(t)
	db := filepath.Join(t.TempDir(), "demo.db")
	runCLI(t, "", "demo", "--no-tui", "--db", db)
	quickRetries(t, 5, nil)
	if code, _, errOut := runCLI(t, "", "enroll", "--db", db, "--central", url, "--token", token(t, cdb, "A")); code != 0 {
		t.Fatalf("enroll: %s", errOut)
	}
	for _, lang := range []string{"ru", "kk"} {
		appendJumps(t, db, 1)
		quickRetries(t, 3, nil)
		code, _, errOut := runCLI(t, "", "sync", "--db", db, "--central", "http://127.0.0.1:1", "--lang", lang)
		if code == 0 || !strings.Contains(errOut, i18n.New(i18n.Lang(lang)).T("central.net.refused")) {
			t.Errorf("%s: sync against nothing: exit %d\n%s", lang, code, errOut)
		}
		for _, goSpelling := range []string{"ms ", "ms)", "s)", "µs"} {
			if strings.Contains(errOut, goSpelling) {
				t.Errorf("%s: a span in Go's spelling (%q):\n%s", lang, goSpelling, errOut)
			}
		}
		if words := i18ntest.LatinWords(errOut, db); len(words) > 0 {
			t.Errorf("%s: %q in:\n%s", lang, words, errOut)
		}
		t.Logf("%s:\n%s", lang, errOut)
	}
}
