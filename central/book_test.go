package central_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"examday/bundle"
	"examday/central"
)

func decision(typ, actor, applicant string, data any) central.BookEvent {
	b, _ := json.Marshal(data)
	return central.BookEvent{Type: typ, Actor: actor, Applicant: applicant, Data: b,
		At: time.Date(2027, 8, 20, 10, 0, 0, 0, time.UTC)}
}

func decideAll(t *testing.T, db *central.DB, events ...central.BookEvent) []central.BookRecord {
	t.Helper()
	recs, err := db.Decide(func([]central.BookEvent) ([]central.BookEvent, error) { return events, nil })
	if err != nil {
		t.Fatalf("Decide: %v", err)
	}
	return recs
}

// The central record's own book: decisions are chained, signed events,
// kept across a reopen, handed over as a bundle that verifies alone —
// under the central's own key, with the book's origin — and each
// decision is taken on the book as it is.
func TestTheCentralRecordKeepsItsOwnSignedBook(t *testing.T) {
	path := filepath.Join(t.TempDir(), "central.db")
	db, err := central.Open(path, central.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.BookBundle(); !errors.Is(err, central.ErrNoBook) {
		t.Errorf("BookBundle of no book: %v; want ErrNoBook", err)
	}
	first := decideAll(t, db, decision("campaign.set", "secretary", "", map[string]any{"year": 2027}))
	var seen []central.BookEvent
	second, err := db.Decide(func(book []central.BookEvent) ([]central.BookEvent, error) {
		seen = book
		return []central.BookEvent{
			decision("applicant.flagged", "secretary", "A-007", map[string]any{"why": "service"}),
			decision("applicants.imported", "secretary", "", map[string]any{"count": 12}),
		}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != 1 || seen[0].Type != "campaign.set" || seen[0].Seq != 1 {
		t.Errorf("the second decision saw %+v; want the first", seen)
	}
	if second[0].Event.Seq != 2 || second[1].Event.Seq != 3 {
		t.Errorf("seqs %d, %d; want 2, 3", second[0].Event.Seq, second[1].Event.Seq)
	}
	if want := hexOf(first[0].Hash); second[0].Event.Prev != want {
		t.Errorf("event 2 links to %s; want %s", second[0].Event.Prev, want)
	}
	db.Close()

	db, err = central.Open(path, central.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.VerifyBook(); err != nil {
		t.Fatalf("VerifyBook: %v", err)
	}
	var got []string
	err = db.Book(1, func(r central.BookRecord) error {
		got = append(got, r.Event.Type+" "+r.Event.Applicant)
		if sum := sha256.Sum256(r.Body); sum != r.Hash {
			t.Errorf("event %d: hash is not its bytes'", r.Event.Seq)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"campaign.set ", "applicant.flagged A-007", "applicants.imported "}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("the book reads %q; want %q", got, want)
	}
	out, err := db.BookBundle()
	if err != nil {
		t.Fatal(err)
	}
	b, err := bundle.Parse(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.VerifyAlone(); err != nil {
		t.Fatalf("the book's bundle does not verify alone: %v", err)
	}
	if b.Header.Device != db.ID() || b.Header.First != 1 || b.Header.Last != 3 {
		t.Errorf("bundle of %s, %d–%d; want the central's, 1–3", b.Header.Device, b.Header.First, b.Header.Last)
	}
	size, root, err := db.BookHead()
	if err != nil || size != 3 || root != b.Root {
		t.Errorf("BookHead %d %v %v; want 3 and the bundle's root", size, root, err)
	}
}

// A decision that fails writes nothing; one that decides nothing too.
func TestADecisionThatFailsWritesNothing(t *testing.T) {
	db := newCentral(t)
	decideAll(t, db, decision("campaign.set", "secretary", "", map[string]any{"year": 2027}))
	before, _, err := central.SnapshotForTest(db)
	if err != nil {
		t.Fatal(err)
	}
	refused := errors.New("two members short")
	if _, err := db.Decide(func([]central.BookEvent) ([]central.BookEvent, error) { return nil, refused }); !errors.Is(err, refused) {
		t.Errorf("Decide: %v; want the refusal", err)
	}
	if _, err := db.Decide(func([]central.BookEvent) ([]central.BookEvent, error) { return nil, nil }); err != nil {
		t.Errorf("Decide of nothing: %v", err)
	}
	after, _, err := central.SnapshotForTest(db)
	if err != nil {
		t.Fatal(err)
	}
	if after != before {
		t.Error("the file changed")
	}
}

// A book edited behind the central record's back — an event's byte
// flipped, the last event removed, the head record lowered with it — is
// found: it reads as broken, no decision is added to it, and its bundle
// is refused; the file is left as it was.
func TestAnEditedBookIsFoundAndNotWrittenTo(t *testing.T) {
	cases := []struct {
		name   string
		tamper func(tx *bolt.Tx) error
	}{
		{"a byte of an event flipped", func(tx *bolt.Tx) error {
			b := tx.Bucket([]byte("book"))
			v := bytes.Clone(b.Get(binary.BigEndian.AppendUint64(nil, 2)))
			v[len(v)-20] ^= 0x01
			return b.Put(binary.BigEndian.AppendUint64(nil, 2), v)
		}},
		{"the last event removed", func(tx *bolt.Tx) error {
			return tx.Bucket([]byte("book")).Delete(binary.BigEndian.AppendUint64(nil, 3))
		}},
		{"the last event removed and the head record lowered", func(tx *bolt.Tx) error {
			b := tx.Bucket([]byte("book"))
			prev := b.Get(binary.BigEndian.AppendUint64(nil, 2))[:32]
			head := append(binary.BigEndian.AppendUint64(nil, 2), prev...)
			if err := tx.Bucket([]byte("bookmeta")).Put([]byte("head"), head); err != nil {
				return err
			}
			return b.Delete(binary.BigEndian.AppendUint64(nil, 3))
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "central.db")
			db, err := central.Open(path, central.Options{Create: true})
			if err != nil {
				t.Fatal(err)
			}
			for i := range 3 {
				decideAll(t, db, decision("applicants.imported", "secretary", "", map[string]any{"batch": i}))
			}
			// A checkpoint of all three, as a hand-over leaves it.
			if _, err := db.BookBundle(); err != nil {
				t.Fatal(err)
			}
			db.Close()
			raw, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
			if err != nil {
				t.Fatal(err)
			}
			if err := raw.Update(c.tamper); err != nil {
				t.Fatal(err)
			}
			raw.Close()
			sum := fileDigest(t, path)

			db, err = central.Open(path, central.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if err := db.Book(1, func(central.BookRecord) error { return nil }); !errors.Is(err, central.ErrBookBroken) {
				t.Errorf("Book: %v; want ErrBookBroken", err)
			}
			if _, err := db.Decide(func([]central.BookEvent) ([]central.BookEvent, error) {
				return []central.BookEvent{decision("campaign.set", "x", "", nil)}, nil
			}); !errors.Is(err, central.ErrBookBroken) {
				t.Errorf("Decide: %v; want ErrBookBroken", err)
			}
			if _, err := db.BookBundle(); !errors.Is(err, central.ErrBookBroken) {
				t.Errorf("BookBundle: %v; want ErrBookBroken", err)
			}
			db.Close()
			if fileDigest(t, path) != sum {
				t.Error("the file was written to")
			}
		})
	}
}

func fileDigest(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func hexOf(h [32]byte) string {
	const digits = "0123456789abcdef"
	out := make([]byte, 64)
	for i, b := range h {
		out[2*i], out[2*i+1] = digits[b>>4], digits[b&15]
	}
	return string(out)
}
