package central

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"examday/signedlog"
)

// The book is the central record's own signed log: what the commissions
// decide from the central record (the campaign's settings, the
// applicants, results, appeals, the destruction of the materials) is an
// event in it, kept as a hall keeps its events — each one's exact bytes,
// their SHA-256 chained by "prev", an Ed25519 signature of each, the RFC
// 6962 tree over them with signed checkpoints and a head record, in
// package signedlog's Inline layout — signed with the central record's
// own key (FILE.key). It hands over as a bundle that `examday verify`
// checks alone, like a hall's.
//
// Its origin is "examday/<the central's id>/<the book's epoch>": the
// book's epoch is made with it, as a hall file's is made with its key.
// The logs of the halls the central holds are theirs, not the book's.

var (
	bucketBook     = []byte("book")     // seq (8 bytes BE) -> the event, in signedlog's Inline layout
	bucketBookMeta = []byte("bookmeta") // epoch, checkpoint, head
	bucketSecrets  = []byte("secrets")  // kept out of the book: the chairs' PIN hashes, "pin:<role>" -> argon2id record

	keyBookEpoch      = []byte("epoch")
	keyBookCheckpoint = []byte("checkpoint")
	keyBookHead       = []byte("head")

	bookLog = signedlog.Layout{Events: bucketBook, Meta: bucketBookMeta, Checkpoint: keyBookCheckpoint, Head: keyBookHead, Inline: true}
)

var (
	// ErrBookBroken: the book does not verify; nothing is added to it.
	ErrBookBroken = errors.New("the central record's own book does not verify")
	// ErrNoBook: the central record has no book yet (nothing was decided
	// from it); there is nothing to hand over.
	ErrNoBook = errors.New("the central record's own book is empty")
)

// BookEvent is one decision in the book.
type BookEvent struct {
	Seq  uint64
	At   time.Time
	Type string
	// Applicant names the applicant a decision is about; "" for the
	// campaign's own.
	Applicant string
	Actor     string
	Data      json.RawMessage
	Prev      string
}

// BookRecord is a book event as stored: its exact bytes, their SHA-256
// and their signature.
type BookRecord struct {
	Event     BookEvent
	Body      []byte
	Hash      [32]byte
	Signature []byte
}

// bookTimeLayout is how instants are written in the book, as in a hall's
// log: RFC 3339 in UTC, all nine digits of nanoseconds.
const bookTimeLayout = "2006-01-02T15:04:05.000000000Z07:00"

// wireBookEvent fixes the order of a stored book event: "seq" first and
// "prev" last, as signedlog reads every event.
type wireBookEvent struct {
	Seq       uint64          `json:"seq"`
	At        string          `json:"at"`
	Type      string          `json:"type"`
	Applicant string          `json:"applicant,omitempty"`
	Actor     string          `json:"actor"`
	Data      json.RawMessage `json:"data,omitempty"`
	Prev      string          `json:"prev"`
}

func encodeBookEvent(ev BookEvent) ([]byte, error) {
	return json.Marshal(wireBookEvent{Seq: ev.Seq, At: ev.At.UTC().Format(bookTimeLayout), Type: ev.Type,
		Applicant: ev.Applicant, Actor: ev.Actor, Data: ev.Data, Prev: ev.Prev})
}

// DecodeBookEvent reads a book event's stored bytes.
func DecodeBookEvent(body []byte) (BookEvent, error) {
	var w wireBookEvent
	if err := json.Unmarshal(body, &w); err != nil {
		return BookEvent{}, err
	}
	at, err := time.Parse(bookTimeLayout, w.At)
	if err != nil {
		return BookEvent{}, fmt.Errorf("time %q: %w", w.At, err)
	}
	return BookEvent{Seq: w.Seq, At: at, Type: w.Type, Applicant: w.Applicant, Actor: w.Actor, Data: w.Data, Prev: w.Prev}, nil
}

// bookState is the book as the open central record knows it: where its
// log ends, and why nothing may be added to it.
type bookState struct {
	id     signedlog.Identity // zero until the book exists
	log    signedlog.Log
	broken error
}

// loadBook verifies the book in tx, if there is one: its chain, its
// tree, its head record, its latest signatures and its checkpoint.
func (d *DB) loadBook(tx *bolt.Tx) bookState {
	meta := tx.Bucket(bucketBookMeta)
	if meta == nil || tx.Bucket(bucketBook) == nil {
		if meta != nil || tx.Bucket(bucketBook) != nil {
			return bookState{broken: fmt.Errorf("%w: one of its two buckets is missing", ErrBookBroken)}
		}
		return bookState{}
	}
	epoch := string(meta.Get(keyBookEpoch))
	if b, err := hex.DecodeString(epoch); err != nil || len(b) != 16 {
		return bookState{broken: fmt.Errorf("%w: its epoch %q is damaged", ErrBookBroken, epoch)}
	}
	st := bookState{id: signedlog.Identity{Pub: d.pub, Device: d.id, Epoch: epoch}}
	log, err := bookLog.Verify(tx, 0, st.id)
	st.log = log
	if err != nil {
		st.broken = fmt.Errorf("%w: %w", ErrBookBroken, err)
	}
	return st
}

// bookKey is the central's key as the book's signer: the same Ed25519
// key as its receipts', named by the book's origin for its checkpoints.
func (d *DB) bookKey(id signedlog.Identity) (*signedlog.Key, error) {
	text, err := os.ReadFile(KeyPath(d.path))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrKeyMissing, err)
	}
	raw, ok := keySeed(strings.TrimSpace(string(text)))
	if !ok {
		return nil, fmt.Errorf("%w: %s is not an Ed25519 signing key", ErrKeyMismatch, KeyPath(d.path))
	}
	priv := ed25519.NewKeyFromSeed(raw[1:])
	if !bytes.Equal(priv.Public().(ed25519.PublicKey), d.pub) {
		return nil, fmt.Errorf("%w: %s is not the key this central record was made with", ErrKeyMismatch, KeyPath(d.path))
	}
	// Named by the book's origin, for its checkpoints.
	signer, err := note.NewSigner(signerKey(id.VerifierKey(), raw))
	if err != nil {
		return nil, err
	}
	return &signedlog.Key{Priv: priv, Signer: signer}, nil
}

// Decide records in the book the events decide returns, given the book
// as it is (every event in it, in order), in one fsynced transaction: a
// decision and what it was decided on are one step, whoever else writes
// to the central record. The first decision makes the book: its buckets,
// its epoch and the signed checkpoint of its empty tree, in the same
// transaction. It returns the records as stored.
func (d *DB) Decide(decide func(book []BookEvent) ([]BookEvent, error)) ([]BookRecord, error) {
	return d.DecideWithSecrets(nil, decide)
}

// DecideWithSecrets is Decide that also keeps secrets, out of the book,
// in the same transaction: a campaign and its chairs' PIN hashes are one
// commit. The book commits to each by its digest, as a hall's log to its
// chairman's.
func (d *DB) DecideWithSecrets(secrets map[string]string, decide func(book []BookEvent) ([]BookEvent, error)) ([]BookRecord, error) {
	if d.readOnly {
		return nil, ErrReadOnly
	}
	d.bookMu.Lock()
	defer d.bookMu.Unlock()
	var out []BookRecord
	err := d.update(func(tx *bolt.Tx) error {
		st := d.loadBook(tx)
		if st.broken != nil {
			return st.broken
		}
		if st.id.Pub == nil {
			var err error
			if st, err = d.makeBook(tx); err != nil {
				return err
			}
		}
		key, err := d.bookKey(st.id)
		if err != nil {
			return err
		}
		var book []BookEvent
		err = bookLog.Each(tx, 1, func(e signedlog.Entry) error {
			ev, err := DecodeBookEvent(e.Body)
			if err != nil {
				return fmt.Errorf("%w: event %d: %v", ErrBookBroken, e.Seq, err)
			}
			book = append(book, ev)
			return nil
		})
		if err != nil {
			return err
		}
		events, err := decide(book)
		if err != nil || len(events) == 0 {
			return err
		}
		batch, err := bookLog.Prepare(tx, st.log, key, len(events), func(i int, seq uint64, prev [32]byte) ([]byte, error) {
			events[i].Seq, events[i].Prev = seq, hex.EncodeToString(prev[:])
			if events[i].At.IsZero() {
				events[i].At = d.now()
			}
			return encodeBookEvent(events[i])
		})
		if err != nil {
			return err
		}
		for i := range events {
			if err := batch.Put(i); err != nil {
				return err
			}
		}
		if len(secrets) > 0 {
			b, err := tx.CreateBucketIfNotExists(bucketSecrets)
			if err != nil {
				return err
			}
			for k, v := range secrets {
				if err := b.Put([]byte(k), []byte(v)); err != nil {
					return err
				}
			}
		}
		if st.log, err = batch.Commit(st.id); err != nil {
			return err
		}
		for i, e := range batch.Entries() {
			out = append(out, BookRecord{Event: events[i], Body: e.Body, Hash: e.Hash, Signature: e.Signature})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// makeBook makes the book's buckets, its epoch and the signed checkpoint
// of its empty tree, in tx.
func (d *DB) makeBook(tx *bolt.Tx) (bookState, error) {
	var epoch [16]byte
	if _, err := rand.Read(epoch[:]); err != nil {
		return bookState{}, err
	}
	st := bookState{id: signedlog.Identity{Pub: d.pub, Device: d.id, Epoch: hex.EncodeToString(epoch[:])}}
	for _, name := range [][]byte{bucketBook, bucketBookMeta} {
		if _, err := tx.CreateBucket(name); err != nil {
			return bookState{}, err
		}
	}
	if err := tx.Bucket(bucketBookMeta).Put(keyBookEpoch, []byte(st.id.Epoch)); err != nil {
		return bookState{}, err
	}
	key, err := d.bookKey(st.id)
	if err != nil {
		return bookState{}, err
	}
	if st.log.Tree.Root, err = tlog.TreeHash(0, nil); err != nil {
		return bookState{}, err
	}
	cp, err := signedlog.SignCheckpoint(key, st.id, st.log.Tree)
	if err != nil {
		return bookState{}, err
	}
	if err := tx.Bucket(bucketBookMeta).Put(keyBookCheckpoint, cp); err != nil {
		return bookState{}, err
	}
	st.log.Checkpoint = cp
	return st, bookLog.PutHead(tx, st.log)
}

// Book calls fn for each event of the book from seq from on, in order,
// after verifying the book. An empty book calls it for none.
func (d *DB) Book(from uint64, fn func(BookRecord) error) error {
	return d.view(func(tx *bolt.Tx) error {
		st := d.loadBook(tx)
		if st.broken != nil {
			return st.broken
		}
		if st.id.Pub == nil {
			return nil
		}
		return bookLog.Each(tx, max(from, 1), func(e signedlog.Entry) error {
			ev, err := DecodeBookEvent(e.Body)
			if err != nil {
				return fmt.Errorf("%w: event %d: %v", ErrBookBroken, e.Seq, err)
			}
			return fn(BookRecord{Event: ev, Body: e.Body, Hash: e.Hash, Signature: e.Signature})
		})
	})
}

// VerifyBook checks the whole book, every signature included; nil for a
// sound book or none.
func (d *DB) VerifyBook() error {
	return d.view(func(tx *bolt.Tx) error {
		st := d.loadBook(tx)
		if st.broken != nil || st.id.Pub == nil {
			return st.broken
		}
		if _, bad := bookLog.VerifySignatures(tx, st.id); bad != nil {
			return fmt.Errorf("%w: %w", ErrBookBroken, bad)
		}
		return nil
	})
}

// BookHead is the book's size and the root of its tree.
func (d *DB) BookHead() (size int64, root tlog.Hash, err error) {
	err = d.view(func(tx *bolt.Tx) error {
		st := d.loadBook(tx)
		size, root = st.log.Tree.Size, st.log.Tree.Root
		return st.broken
	})
	return size, root, err
}

// BookBundle is the whole book as a bundle (package bundle), under a
// checkpoint of every event in it: the one stored when it is of them all,
// else one signed now, which needs the key (and is stored, so that the
// book holds a checkpoint of what it handed over).
func (d *DB) BookBundle() ([]byte, error) {
	var out []byte
	read := func(tx *bolt.Tx) (bookState, error) {
		st := d.loadBook(tx)
		switch {
		case st.broken != nil:
			return st, st.broken
		case st.id.Pub == nil || st.log.Tree.Size == 0:
			return st, ErrNoBook
		}
		return st, nil
	}
	var stale bool
	err := d.view(func(tx *bolt.Tx) error {
		st, err := read(tx)
		if err != nil {
			return err
		}
		if st.log.Signed != st.log.Tree.Size {
			stale = true
			return nil
		}
		out, err = bookLog.Bundle(tx, st.id, 1, uint64(st.log.Tree.Size), st.log.Checkpoint)
		return err
	})
	if err != nil || !stale {
		return out, err
	}
	if d.readOnly {
		return nil, fmt.Errorf("%w: the book's last events are under no signed checkpoint yet; hand it over from a central record opened to write", ErrReadOnly)
	}
	d.bookMu.Lock()
	defer d.bookMu.Unlock()
	err = d.update(func(tx *bolt.Tx) error {
		st, err := read(tx)
		if err != nil {
			return err
		}
		cp := st.log.Checkpoint
		if st.log.Signed != st.log.Tree.Size {
			key, err := d.bookKey(st.id)
			if err != nil {
				return err
			}
			if cp, err = signedlog.SignCheckpoint(key, st.id, st.log.Tree); err != nil {
				return err
			}
			if err := tx.Bucket(bucketBookMeta).Put(keyBookCheckpoint, cp); err != nil {
				return err
			}
		}
		out, err = bookLog.Bundle(tx, st.id, 1, uint64(st.log.Tree.Size), cp)
		return err
	})
	return out, err
}

// Secret is a secret kept beside the book ("" if none).
func (d *DB) Secret(key string) string {
	var v string
	d.view(func(tx *bolt.Tx) error {
		if b := tx.Bucket(bucketSecrets); b != nil {
			v = string(b.Get([]byte(key)))
		}
		return nil
	})
	return v
}
