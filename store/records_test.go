package store_test

import (
	"bytes"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	"examday/exam"
	"examday/store"
	"examday/store/storetest"
)

// The state kept beside the log is, record for record and byte for byte,
// what the store's codec writes of the hall its log replays to: on a file
// written by the schema-4 examday (which marshalled the domain's types),
// and on one written by this code.
func TestStoredStateIsTheReplay(t *testing.T) {
	made := filepath.Join(t.TempDir(), "hall.examday")
	storetest.BuildDay(t, made, 60, 4, 5)
	for name, path := range map[string]string{"schema 4": copyMainFile(t), "this code": made} {
		t.Run(name, func(t *testing.T) {
			s, err := store.Open(path, store.Options{ReadOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			stored, replayed, err := store.StoredAndReplayed(s)
			if err != nil {
				t.Fatal(err)
			}
			if len(stored) < 20 {
				t.Fatalf("only %d state records", len(stored))
			}
			names := make([]string, 0, len(stored))
			for k := range stored {
				names = append(names, k)
			}
			sort.Strings(names)
			for _, k := range names {
				if !bytes.Equal(stored[k], replayed[k]) {
					t.Fatalf("%q:\nstored   %s\nreplayed %s", k, stored[k], replayed[k])
				}
			}
			if len(replayed) != len(stored) {
				t.Fatalf("%d records replayed, %d stored", len(replayed), len(stored))
			}
		})
	}
}

// Every field of the domain's state has a field of the same name in the
// store's record of it: one added to the domain alone would be lost
// between a commit and the next open.
func TestStateRecordsCoverTheDomain(t *testing.T) {
	for _, c := range []struct{ domain, record any }{
		{exam.Hall{}, store.HallRecordType},
		{exam.Offer{}, store.OfferRecordType},
		{exam.Examinee{}, store.ExamineeRecordType},
		{exam.Sheet{}, store.SheetRecordType},
	} {
		d, r := reflect.TypeOf(c.domain), reflect.TypeOf(c.record)
		for i := range d.NumField() {
			f := d.Field(i)
			if !f.IsExported() {
				continue
			}
			if _, ok := r.FieldByName(f.Name); !ok {
				t.Errorf("%s.%s has no field in the store's %s", d, f.Name, r)
			}
		}
	}
}
