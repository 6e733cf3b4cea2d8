package tui

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"
	bolt "go.etcd.io/bbolt"

	"examday/i18n"
	"examday/store"
	"examday/store/storetest"
)

// Open checks only the latest signatures; the program checks all of them
// behind the first frame. An early event whose signature was damaged is
// found there: the file turns read-only, the screen names the event, and
// nothing more is written.
func TestEverySignatureIsCheckedBehindTheFirstFrame(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hall.db")
	storetest.BuildHall(t, path, 30, 160)
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		return storetest.FlipSignature(tx, 7, 10, 0x40)
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(path, store.Options{Program: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Broken() != nil {
		t.Fatalf("an old damaged signature was found at Open (%v): this test needs one Open leaves for later", s.Broken())
	}
	before := len(events(t, s))

	a := run(t, s, newClock("10:00:00"), i18n.EN, 100, 30)
	teatest.WaitFor(t, a.tm.Output(), func(out []byte) bool { return bytes.Contains(out, []byte("⚠")) },
		teatest.WithDuration(10*time.Second))
	a.press("down", "p")
	m := a.final()
	if m.ctx.Broken == nil {
		t.Fatal("the model does not know the file is read-only")
	}
	if got := screen(m); !contains(got, m.ctx.BrokenText()) || !strings.Contains(m.ctx.BrokenText(), "7") {
		t.Errorf("the screen does not name event 7:\n%s", got)
	}
	if after := len(events(t, s)); after != before {
		t.Errorf("the log grew from %d to %d events after the damage was found", before, after)
	}
}

// The screens open the file with the state's comparison with its log left
// to behind the first frame. A state edited by hand (a seat changed) is
// found there: the file turns read-only, the screen names the field, and
// a key pressed before the comparison ended records nothing either (the
// store waits for it).
func TestAStateEditedBehindTheLogIsFoundBehindTheFirstFrame(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hall.db")
	storetest.BuildHall(t, path, 30, 160)
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte("examinees"))
		k, v := b.Cursor().Last()
		return b.Put(append([]byte(nil), k...), bytes.Replace(v, []byte(`"seat":"`), []byte(`"seat":"X`), 1))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(path, store.Options{Program: "test", CheckStateLater: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Broken() != nil {
		t.Fatalf("the state was compared at Open (%v): this test needs it left for later", s.Broken())
	}
	before := len(events(t, s))

	a := run(t, s, newClock("10:00:00"), i18n.EN, 100, 30)
	a.press("down", "p")
	teatest.WaitFor(t, a.tm.Output(), func(out []byte) bool { return bytes.Contains(out, []byte("⚠")) },
		teatest.WithDuration(10*time.Second))
	m := a.final()
	if m.ctx.Broken == nil {
		t.Fatal("the model does not know the file is read-only")
	}
	if got := m.ctx.BrokenText(); !strings.Contains(got, "seat") || !strings.Contains(got, "does not match its log") {
		t.Errorf("the banner does not name the seat: %s", got)
	}
	if after := len(events(t, s)); after != before {
		t.Errorf("the log grew from %d to %d events on top of an edited state", before, after)
	}
}

// The read-only banner says why in the officer's language: the reason the
// log's check found, and a key missing, not the store's English.
func TestTheReadOnlyBannerSaysWhyInTheOfficersLanguage(t *testing.T) {
	ru := i18n.New(i18n.RU)
	for _, tc := range []struct {
		broken error
		want   string
	}{
		{&store.ChainError{Seq: 7, Check: store.CheckSignature, Code: store.ChainSignatureBad, Reason: "its signature does not verify with this file's key"},
			ru.T("ui.readonly.chain", 7, ru.T("store.chain.signature_bad"))},
		{fmt.Errorf("%w: there is no key file hall.db.key", store.ErrKeyMissing), ru.T("ui.readonly.other", ru.T("store.key_missing"))},
	} {
		c := &Context{Cat: ru, Broken: tc.broken}
		if got := c.BrokenText(); got != tc.want {
			t.Errorf("BrokenText = %q\nwant %q", got, tc.want)
		}
		if got := c.ErrorText(fmt.Errorf("%w: %v", store.ErrReadOnly, tc.broken)); got != tc.want {
			t.Errorf("a refused write says %q", got)
		}
	}
}
