package store

import (
	"bytes"
	"fmt"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"
)

// The hand-over of the record to the central record, as this laptop knows
// it: which central record the file is enrolled with, the key that
// central record signs its receipts with, and the latest receipt. It is
// kept in the file, so that it survives a restart and goes with the file,
// but out of the log: it is not a fact of the exam, and the log is what
// is handed over — a receipt in the log would have to be handed over in
// its turn, and never be delivered.
//
// Only a receipt marks events as delivered: an export to a USB stick, or a
// push whose answer was lost, marks nothing. The caller (package central's
// client) verifies a receipt before it is kept here: its signature with
// the enrolled key, that it is of this file's log, and that the root it
// signs is this file's own root at its size.

// Keys of the delivery bucket (schema 4).
var (
	keyCentralURL  = []byte("central_url")
	keyCentralKey  = []byte("central_key")
	keyCentralHall = []byte("hall")
	keyCentralCA   = []byte("central_ca")
	keyEnrolledAt  = []byte("enrolled_at")
	keyReceipt     = []byte("receipt")
	keyReceiptSize = []byte("receipt_size")
	keyReceiptAt   = []byte("receipt_at")
)

// Delivery is the file's hand-over state. Its zero value is a file never
// enrolled and never delivered.
type Delivery struct {
	// Central is the central record's URL as given at enrolment.
	Central string
	// CentralKey is the central record's verifier key (note encoding), as
	// it answered the enrolment: the only key a receipt is checked with.
	CentralKey string
	// CentralCA is the certificate (PEM) the central record's TLS
	// certificate was checked against at enrolment, when it is not one the
	// laptop's system trusts (a commission's own authority); nil if none.
	CentralCA []byte
	// Hall is the hall the enrolment token was made for.
	Hall       string
	EnrolledAt time.Time
	// Receipt is the latest receipt (a signed note, as received), verified
	// before it was kept; nil if none came yet.
	Receipt []byte
	// Delivered is the number of events the receipt says the central
	// record holds.
	Delivered int64
	// ReceiptAt is when the receipt came, by this laptop's clock.
	ReceiptAt time.Time
}

// Enrolled reports whether the file was enrolled with a central record.
func (d Delivery) Enrolled() bool { return d.CentralKey != "" }

// Delivery reads the file's hand-over state. A file not upgraded to
// schema 4 (one opened read-only) has none.
func (s *Store) Delivery() Delivery {
	var d Delivery
	s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketDelivery)
		if b == nil {
			return nil
		}
		d.Central = string(b.Get(keyCentralURL))
		d.CentralKey = string(b.Get(keyCentralKey))
		d.Hall = string(b.Get(keyCentralHall))
		if v := b.Get(keyCentralCA); v != nil {
			d.CentralCA = bytes.Clone(v)
		}
		d.EnrolledAt = readTime(b.Get(keyEnrolledAt))
		if v := b.Get(keyReceipt); v != nil {
			d.Receipt = bytes.Clone(v)
		}
		d.Delivered, _ = strconv.ParseInt(string(b.Get(keyReceiptSize)), 10, 64)
		d.ReceiptAt = readTime(b.Get(keyReceiptAt))
		return nil
	})
	return d
}

// Undelivered is how many events of the log the latest receipt does not
// cover: the log's size less the receipt's. It is negative when the
// receipt covers more events than the file holds — the central record has
// more of this log than this file does, so the file was restored from an
// older copy or its end was lost.
func (s *Store) Undelivered() int64 {
	size, _ := s.TreeHead()
	return size - s.Delivery().Delivered
}

// SetEnrolment keeps what the central record answered an enrolment: its
// URL, its verifier key and the hall the token was for, in one fsynced
// Update. Enrolling with another central record (another key) forgets the
// receipt: a receipt of one central record says nothing of what another
// holds. Enrolling again with the same one keeps it.
func (s *Store) SetEnrolment(url, centralKey, hall string, at time.Time) error {
	if centralKey == "" {
		return fmt.Errorf("no central key to enrol with")
	}
	return s.updateDelivery(func(b *bolt.Bucket) error {
		if string(b.Get(keyCentralKey)) != centralKey {
			for _, k := range [][]byte{keyReceipt, keyReceiptSize, keyReceiptAt} {
				if err := b.Delete(k); err != nil {
					return err
				}
			}
		}
		return putAll(b, map[string]string{
			string(keyCentralURL):  url,
			string(keyCentralKey):  centralKey,
			string(keyCentralHall): hall,
			string(keyEnrolledAt):  at.UTC().Format(time.RFC3339Nano),
		})
	})
}

// SetCentralCA keeps the certificate (PEM) the central record's TLS
// certificate is checked against; nil forgets it (the system's trust is
// used again).
func (s *Store) SetCentralCA(pem []byte) error {
	return s.updateDelivery(func(b *bolt.Bucket) error {
		if pem == nil {
			return b.Delete(keyCentralCA)
		}
		return b.Put(keyCentralCA, pem)
	})
}

// SetCentralURL changes where the enrolled central record is reached (it
// moved, or is reached by another address from here); its key, and so
// what the receipts are checked with, stays.
func (s *Store) SetCentralURL(url string) error {
	return s.updateDelivery(func(b *bolt.Bucket) error {
		if b.Get(keyCentralKey) == nil {
			return fmt.Errorf("the file is not enrolled with a central record")
		}
		return b.Put(keyCentralURL, []byte(url))
	})
}

// StoreReceipt keeps a receipt the caller verified (see the comment at the
// top of this file) for the first size events, and when it came, in one
// fsynced Update. It replaces the one kept before, even one of more
// events: the latest receipt is what the central record holds now, and if
// that is less than before, the central record lost events, which the
// laptop must be able to see.
func (s *Store) StoreReceipt(note []byte, size int64, at time.Time) error {
	if len(note) == 0 {
		return fmt.Errorf("an empty receipt")
	}
	if logSize, _ := s.TreeHead(); size < 0 || size > logSize {
		return fmt.Errorf("a receipt for %d events, but the log holds %d", size, logSize)
	}
	return s.updateDelivery(func(b *bolt.Bucket) error {
		if b.Get(keyCentralKey) == nil {
			return fmt.Errorf("the file is not enrolled with a central record, so no receipt can be checked")
		}
		return putAll(b, map[string]string{
			string(keyReceipt):     string(note),
			string(keyReceiptSize): strconv.FormatInt(size, 10),
			string(keyReceiptAt):   at.UTC().Format(time.RFC3339Nano),
		})
	})
}

func (s *Store) updateDelivery(fn func(b *bolt.Bucket) error) error {
	s.VerifyProjection()
	s.mu.RLock()
	err := s.writable()
	s.mu.RUnlock()
	if err != nil {
		return err
	}
	return s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketDelivery)
		if b == nil {
			// A file of an older schema opens read-only; one of this
			// schema without the bucket is damaged.
			return fmt.Errorf("%w (bucket %q missing)", ErrDamaged, bucketDelivery)
		}
		return fn(b)
	})
}

func putAll(b *bolt.Bucket, kv map[string]string) error {
	for k, v := range kv {
		if err := b.Put([]byte(k), []byte(v)); err != nil {
			return err
		}
	}
	return nil
}

func readTime(v []byte) time.Time {
	t, err := time.Parse(time.RFC3339Nano, string(v))
	if err != nil {
		return time.Time{}
	}
	return t
}
