package store_test

import (
	"path/filepath"
	"slices"
	"testing"

	"examday/store"
	"examday/store/storetest"
)

// An examinee's day read in one look is the day read event by event, in
// the order asked; a number not in the log is an error, with the events
// read before it.
func TestEventsAtReadsADayInOneLook(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hall.db")
	storetest.BuildDay(t, path, 12, 3, 0)
	s, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	seqs := s.Hall().Examinees()[0].Seqs
	if len(seqs) < 5 {
		t.Fatalf("a day of %d entries", len(seqs))
	}
	got, err := s.EventsAt(seqs)
	if err != nil {
		t.Fatal(err)
	}
	for i, seq := range seqs {
		one, err := s.Event(seq)
		if err != nil || got[i].Seq != seq || string(got[i].Data) != string(one.Data) || got[i].Type != one.Type {
			t.Errorf("entry %d: %+v, one by one %+v (%v)", seq, got[i], one, err)
		}
	}
	missing := append(slices.Clone(seqs[:2]), s.Hall().LastSeq+100)
	if got, err := s.EventsAt(missing); err == nil || len(got) != 2 {
		t.Errorf("a number not in the log: %d events, %v", len(got), err)
	}
}
