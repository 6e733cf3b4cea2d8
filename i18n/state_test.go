package i18n

import (
	"bytes"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"examday/exam"
	"examday/i18n/i18ntest"
	"examday/store"
	"examday/store/storetest"
)

func TestLatinWordsHeuristic(t *testing.T) {
	if got := i18ntest.LatinWords("экзаменуемый M-003, examinees.status — «arrived» по журналу"); len(got) != 2 {
		t.Errorf("%q", got)
	}
	if got := i18ntest.LatinWords("`examday central serve` на https://central.exam:8750 --ca-cert /tmp/x.pem, SHA-256 0a1b2c3d, HTTP 503, Ауд-204", "Ауд-204"); len(got) != 0 {
		t.Errorf("%q", got)
	}
}

// stateFields are the JSON names of the records a StateError compares,
// as paths without indexes: "examinee.seat", "hall.offers.reason".
func stateFields() []string {
	var out []string
	var walk func(t reflect.Type, prefix string)
	walk = func(t reflect.Type, prefix string) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map || t.Kind() == reflect.Array {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || t == reflect.TypeOf(time.Time{}) {
			return
		}
		for i := range t.NumField() {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if !f.IsExported() || name == "-" {
				continue
			}
			if name == "" {
				name = f.Name
			}
			out = append(out, prefix+"."+name)
			walk(f.Type, prefix+"."+name)
		}
	}
	walk(reflect.TypeOf(exam.Hall{}), store.StateHall)
	walk(reflect.TypeOf(exam.Examinee{}), store.StateExaminee)
	walk(reflect.TypeOf(exam.Sheet{}), store.StateSheet)
	return out
}

// Every field of the hall, an examinee and a sheet that the check of the
// state against the log can name has words in every language, and a
// StateError reads in Russian and Kazakh without the records' English
// names.
func TestEveryFieldOfTheStateIsWorded(t *testing.T) {
	fields := stateFields()
	if len(fields) < 80 {
		t.Fatalf("only %d fields", len(fields))
	}
	for _, f := range fields {
		if key := "store.state.field." + f; !Has(key) || !Complete(key) {
			t.Errorf("%s has no words in every language", key)
		}
		record, path, _ := strings.Cut(f, ".")
		field := strings.Split(path, ".")
		if len(field) > 1 {
			field = []string{field[0], "2", field[1]} // an element of a list
		}
		name := map[string]string{store.StateExaminee: "M-003", store.StateSheet: "1820 1530 1309"}[record]
		e := &store.StateError{Where: "English", Record: record, Name: name, Field: field, Log: `"1-01"`, State: `"1-19"`}
		for _, l := range []Lang{RU, KK} {
			if words := i18ntest.LatinWords(New(l).Error(e), name); len(words) > 0 {
				t.Errorf("%s %s: %q in %q", f, l, words, New(l).Error(e))
			}
		}
	}
}

// The state of a real hall file edited behind its log: the field, the
// record and the values read in the officer's language.
func TestARealStateErrorReadsInTheOfficersLanguage(t *testing.T) {
	for _, tc := range []struct {
		name   string
		edit   func(v []byte) []byte
		ru, kk string
	}{
		{"seat", func(v []byte) []byte { return bytes.Replace(v, []byte(`"seat":"1-01"`), []byte(`"seat":"1-19"`), 1) },
			`экзаменуемый E000001, место — "1-01" по журналу, но "1-19"`, `E000001 емтихан тапсырушысы, орны журнал бойынша "1-01", ал`},
		{"status", func(v []byte) []byte {
			return bytes.Replace(v, []byte(`"status":"materials"`), []byte(`"status":"absent"`), 1)
		},
			"статус — материалы выданы по журналу, но ОТСУТСТВУЕТ", "мәртебесі журнал бойынша материалдар берілді, ал"},
		{"arrived", func(v []byte) []byte {
			return bytes.Replace(v, []byte(`"arrived_at":"2027-`), []byte(`"arrived_at":"2026-`), 1)
		}, "время прихода", "келген уақыты"},
	} {
		path := filepath.Join(t.TempDir(), "hall.examday")
		storetest.BuildHall(t, path, 3, 12)
		db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
		if err != nil {
			t.Fatal(err)
		}
		err = db.Update(func(tx *bolt.Tx) error {
			b := tx.Bucket([]byte("examinees"))
			k, v := b.Cursor().First()
			edited := tc.edit(v)
			if bytes.Equal(edited, v) {
				t.Fatalf("%s: nothing to edit in %s", tc.name, v)
			}
			return b.Put(bytes.Clone(k), edited)
		})
		db.Close()
		if err != nil {
			t.Fatal(err)
		}
		s, err := store.Open(path, store.Options{Program: "test"})
		if err != nil {
			t.Fatal(err)
		}
		broken := s.Broken()
		s.Close()
		var se *store.StateError
		if !errors.As(broken, &se) {
			t.Fatalf("%s: Broken() = %v", tc.name, broken)
		}
		checkWorded(t, tc.name, broken)
		for l, want := range map[Lang]string{RU: tc.ru, KK: tc.kk} {
			got := New(l).Error(broken)
			if !strings.Contains(got, want) {
				t.Errorf("%s %s: %q lacks %q", tc.name, l, got, want)
			}
			if words := i18ntest.LatinWords(got, se.Name); len(words) > 0 {
				t.Errorf("%s %s: %q in %q", tc.name, l, words, got)
			}
		}
	}
}
