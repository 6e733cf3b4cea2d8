package store_test

import (
	"bytes"
	"errors"
	"os"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"examday/store"
	"examday/store/storetest"
)

// Since schema 4: the hand-over state, beside the log.
var bucketDelivery = []byte("delivery")

// The delivery state is kept in the file, survives a reopen, and is not
// in the log: enrolling and keeping a receipt add no event and change no
// checkpoint.
func TestDeliveryStateIsKeptBesideTheLogNotInIt(t *testing.T) {
	path := builtHall(t, 5, 30)
	s := open(t, path)
	if d := s.Delivery(); d.Enrolled() || d.Receipt != nil || d.Delivered != 0 {
		t.Fatalf("a new file's delivery state: %+v", d)
	}
	if n := s.Undelivered(); n != 30 {
		t.Errorf("Undelivered of a file never delivered = %d; want 30", n)
	}
	cpBefore := mustCheckpoint(t, s)
	at := time.Date(2027, 8, 12, 11, 2, 3, 4, time.UTC)

	if err := s.StoreReceipt([]byte("receipt\n"), 10, at); err == nil {
		t.Error("a receipt was kept by a file not enrolled with any central record")
	}
	if err := s.SetEnrolment("http://central.example:8750", "central+1234+key", "Audience 204", at); err != nil {
		t.Fatal(err)
	}
	if err := s.StoreReceipt([]byte("receipt of 31\n"), 31, at); err == nil {
		t.Error("a receipt for more events than the log holds was kept")
	}
	if err := s.StoreReceipt([]byte("receipt of 24\n"), 24, at); err != nil {
		t.Fatal(err)
	}
	if n := s.Undelivered(); n != 6 {
		t.Errorf("Undelivered = %d; want 30 - 24", n)
	}
	if got := mustCheckpoint(t, s); !bytes.Equal(got, cpBefore) || len(records(t, s)) != 30 {
		t.Error("the delivery state went into the log")
	}
	s.Close()

	s = open(t, path)
	d := s.Delivery()
	want := store.Delivery{Central: "http://central.example:8750", CentralKey: "central+1234+key", Hall: "Audience 204",
		EnrolledAt: at, Receipt: []byte("receipt of 24\n"), Delivered: 24, ReceiptAt: at}
	if d.Central != want.Central || d.CentralKey != want.CentralKey || d.Hall != want.Hall || !d.EnrolledAt.Equal(at) ||
		!bytes.Equal(d.Receipt, want.Receipt) || d.Delivered != 24 || !d.ReceiptAt.Equal(at) {
		t.Errorf("after reopening: %+v; want %+v", d, want)
	}
	// Events recorded after the receipt are undelivered.
	mustDo(t, s, clockJump(storetest.Base.Add(time.Hour)))
	if n := s.Undelivered(); n != 7 {
		t.Errorf("after one more event, Undelivered = %d; want 7", n)
	}

	// The central moved: its key, and the receipt, stay.
	if err := s.SetCentralURL("https://central.example"); err != nil {
		t.Fatal(err)
	}
	if d := s.Delivery(); d.Central != "https://central.example" || d.Delivered != 24 {
		t.Errorf("after a new URL: %+v", d)
	}
	// The same central again keeps the receipt; another forgets it.
	if err := s.SetEnrolment("http://central.example:8750", "central+1234+key", "Audience 204", at); err != nil {
		t.Fatal(err)
	}
	if d := s.Delivery(); d.Delivered != 24 || d.Receipt == nil {
		t.Errorf("enrolling again with the same central forgot the receipt: %+v", d)
	}
	if err := s.SetEnrolment("http://other.example", "other+5678+key", "Audience 205", at); err != nil {
		t.Fatal(err)
	}
	if d := s.Delivery(); d.Delivered != 0 || d.Receipt != nil || !d.ReceiptAt.IsZero() || d.Hall != "Audience 205" {
		t.Errorf("enrolling with another central kept the first one's receipt: %+v", d)
	}
}

// A receipt of fewer events than the one kept replaces it: it is what the
// central record holds now.
func TestALaterSmallerReceiptReplacesTheKeptOne(t *testing.T) {
	s := open(t, builtHall(t, 5, 20))
	at := storetest.Base
	if err := s.SetEnrolment("http://c", "c+1+k", "A", at); err != nil {
		t.Fatal(err)
	}
	if err := s.StoreReceipt([]byte("r20"), 20, at); err != nil {
		t.Fatal(err)
	}
	if err := s.StoreReceipt([]byte("r12"), 12, at.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if d := s.Delivery(); d.Delivered != 12 || string(d.Receipt) != "r12" || s.Undelivered() != 8 {
		t.Errorf("after a smaller receipt: %+v, undelivered %d", d, s.Undelivered())
	}
}

// Undelivered is negative when the receipt covers more than the file
// holds: what a file restored from an older copy, with a later receipt
// put back, looks like offline.
func TestUndeliveredIsNegativeWhenTheReceiptCoversMoreThanTheLog(t *testing.T) {
	path := builtHall(t, 5, 20)
	rawUpdate(t, path, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketDelivery)
		for k, v := range map[string]string{"central_key": "c+1+k", "receipt": "r", "receipt_size": "25"} {
			if err := b.Put([]byte(k), []byte(v)); err != nil {
				return err
			}
		}
		return nil
	})
	s := open(t, path)
	if n := s.Undelivered(); n != -5 {
		t.Errorf("Undelivered = %d; want 20 - 25", n)
	}
}

// A file opened read-only (its key file is missing) shows its delivery
// state and keeps nothing: its bbolt file is open read-only too.
func TestAReadOnlyFileKeepsNoDeliveryState(t *testing.T) {
	path := builtHall(t, 5, 20)
	s := open(t, path)
	at := storetest.Base
	if err := s.SetEnrolment("http://c", "c+1+k", "A", at); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if err := os.Remove(store.KeyPath(path)); err != nil {
		t.Fatal(err)
	}
	before := fileSum(t, path)
	s = open(t, path)
	if d := s.Delivery(); d.CentralKey != "c+1+k" {
		t.Errorf("a read-only file's delivery state: %+v", d)
	}
	if err := s.StoreReceipt([]byte("r"), 20, at); !errors.Is(err, store.ErrReadOnly) {
		t.Errorf("StoreReceipt on a read-only file: %v; want ErrReadOnly", err)
	}
	if err := s.SetEnrolment("http://c", "c+2+k", "A", at); !errors.Is(err, store.ErrReadOnly) {
		t.Errorf("SetEnrolment on a read-only file: %v; want ErrReadOnly", err)
	}
	s.Close()
	if fileSum(t, path) != before {
		t.Error("a read-only file was written to")
	}
}

// schemaThree turns the closed file at path into one an examday of schema
// 3 wrote: signed, but without the delivery bucket.
func schemaThree(t *testing.T, path string) {
	t.Helper()
	rawUpdate(t, path, func(tx *bolt.Tx) error {
		if err := toRecordsOfSchema4(tx); err != nil {
			return err
		}
		if err := tx.DeleteBucket(bucketDelivery); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put([]byte("schema"), []byte("3"))
	})
}

// A schema-3 file (signed, without the delivery bucket) is not upgraded
// by opening it: it opens read-only, its log, signatures and checkpoint
// are as they were, it can still be handed over as a bundle, and every
// byte of it stays.
func TestASchemaThreeFileOpensReadOnlyAndIsNotUpgraded(t *testing.T) {
	path := builtHall(t, 10, 25)
	s := open(t, path)
	wantState, wantLog, wantCP := snapshot(t, s.Hall()), records(t, s), mustCheckpoint(t, s)
	s.Close()
	schemaThree(t, path)
	sum := fileSum(t, path)

	s = open(t, path)
	if !errors.Is(s.Broken(), store.ErrOldSchema) {
		t.Fatalf("Broken() = %v; want ErrOldSchema", s.Broken())
	}
	if snapshot(t, s.Hall()) != wantState {
		t.Error("the state changed")
	}
	for i, r := range records(t, s) {
		if !bytes.Equal(r.Body, wantLog[i].Body) || !bytes.Equal(r.Signature, wantLog[i].Signature) {
			t.Errorf("event %d or its signature changed", i+1)
		}
	}
	if !bytes.Equal(mustCheckpoint(t, s), wantCP) {
		t.Error("the checkpoint was signed again")
	}
	if _, err := s.Bundle(1); err != nil {
		t.Errorf("a schema-3 file cannot be handed over: %v", err)
	}
	if err := s.SetEnrolment("http://c", "c+1+k", "A", storetest.Base); !errors.Is(err, store.ErrReadOnly) {
		t.Errorf("SetEnrolment on a schema-3 file: %v; want ErrReadOnly", err)
	}
	s.Close()
	if fileSum(t, path) != sum {
		t.Error("opening a schema-3 file wrote to it")
	}
}

// A schema-3 file without its key opens read-only and is not upgraded:
// it stays byte for byte as it was, and has no delivery state.
func TestASchemaThreeFileWithoutItsKeyIsNotUpgraded(t *testing.T) {
	path := builtHall(t, 5, 10)
	schemaThree(t, path)
	if err := os.Remove(store.KeyPath(path)); err != nil {
		t.Fatal(err)
	}
	before := fileSum(t, path)
	s := open(t, path)
	if !errors.Is(s.Broken(), store.ErrKeyMissing) {
		t.Fatalf("Broken() = %v; want ErrKeyMissing", s.Broken())
	}
	if d := s.Delivery(); d.Enrolled() || s.Undelivered() != 10 {
		t.Errorf("delivery of a schema-3 file: %+v, undelivered %d", d, s.Undelivered())
	}
	if err := s.StoreReceipt([]byte("r"), 10, storetest.Base); !errors.Is(err, store.ErrReadOnly) {
		t.Errorf("StoreReceipt: %v; want ErrReadOnly", err)
	}
	s.Close()
	if fileSum(t, path) != before {
		t.Error("a schema-3 file opened read-only was written to")
	}
	if l := layoutOf(t, path); l != "schema 3 sheets sigs tlog public_key device epoch checkpoint" {
		t.Errorf("after opening: %s", l)
	}
}
