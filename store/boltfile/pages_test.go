package boltfile_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"examday/store/boltfile"
)

// layout is where the pages of a bbolt file are, read from its bytes.
type layout struct {
	whole    []byte
	pageSize int
	inUse    int   // bytes below the high-water mark
	freelist int   // the freelist's page
	used     []int // the pages not free (overflow pages too)
	branches []int
	leaves   []int // with at least two elements
}

func (l layout) page(id int) []byte { return l.whole[id*l.pageSize : (id+1)*l.pageSize] }

// treeFile makes a sound bbolt file with a tree of several levels, a
// bucket inline in its leaf, a bucket of its own pages, and a freelist
// of pages freed by deletes, and returns its layout.
func treeFile(t *testing.T) layout {
	t.Helper()
	path := filepath.Join(t.TempDir(), "tree.db")
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket([]byte("data"))
		if err != nil {
			return err
		}
		for i := range 3000 {
			if err := b.Put(fmt.Appendf(nil, "key %05d", i), bytes.Repeat([]byte{byte(i)}, 100+i%300)); err != nil {
				return err
			}
		}
		small, err := tx.CreateBucket([]byte("small"))
		if err == nil {
			err = small.Put([]byte("lang"), []byte("kk"))
		}
		return err
	})
	if err == nil {
		err = db.Update(func(tx *bolt.Tx) error {
			b := tx.Bucket([]byte("data"))
			for i := 1000; i < 1600; i++ {
				if err := b.Delete(fmt.Appendf(nil, "key %05d", i)); err != nil {
					return err
				}
			}
			return nil
		})
	}
	var l layout
	if err == nil {
		err = db.View(func(tx *bolt.Tx) error { l.inUse = int(tx.Size()); return nil })
	}
	l.pageSize = db.Info().PageSize
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	if l.whole, err = os.ReadFile(path); err != nil {
		t.Fatal(err)
	}
	order := binary.NativeEndian
	free := map[int]bool{}
	for id := 2; id < l.inUse/l.pageSize; id++ {
		if p := l.page(id); order.Uint64(p) == uint64(id) && order.Uint16(p[8:]) == 0x10 {
			l.freelist = id
			for i := range int(order.Uint16(p[10:])) { // fewer than 64k
				free[int(order.Uint64(p[16+8*i:]))] = true
			}
		}
	}
	for id := 2; id < l.inUse/l.pageSize; id++ {
		if free[id] {
			continue
		}
		l.used = append(l.used, id)
		p := l.page(id)
		if order.Uint64(p) != uint64(id) {
			continue // an overflow page
		}
		switch order.Uint16(p[8:]) {
		case 0x01:
			l.branches = append(l.branches, id)
		case 0x02:
			if order.Uint16(p[10:]) >= 2 {
				l.leaves = append(l.leaves, id)
			}
		}
	}
	if len(l.branches) == 0 || len(l.leaves) == 0 || l.freelist == 0 || order.Uint16(l.page(l.freelist)[10:]) == 0 {
		t.Fatalf("the file has %d branches, %d leaves and freelist page %d: not the tree the test needs", len(l.branches), len(l.leaves), l.freelist)
	}
	return l
}

// inspect runs Inspect with Check on content.
func inspect(t *testing.T, content []byte) error {
	t.Helper()
	path := filepath.Join(t.TempDir(), "file.db")
	if err := os.WriteFile(path, content, 0o600); err != nil {
		t.Fatal(err)
	}
	return boltfile.Inspect(path, time.Second, func(tx *bolt.Tx) error { return boltfile.Check(path, tx) })
}

// Every kind of damage that sends bbolt's reads outside a page, or its
// own check's goroutine to a fault, is found by Check on reads of its
// own: an error naming the page, never a crash.
func TestCheckFindsWhatWouldSendBboltOutsideItsPages(t *testing.T) {
	l := treeFile(t)
	if err := inspect(t, l.whole); err != nil {
		t.Fatalf("the sound file: %v", err)
	}
	order := binary.NativeEndian
	leaf, branch := l.leaves[len(l.leaves)/2], l.branches[0]
	// element i of page id, at its field at (0 pos or flags, 4, 8, 12).
	field := func(id, i, at int) int { return id*l.pageSize + 16 + 16*i + at }
	cases := []struct {
		name   string
		damage func(b []byte)
		says   string
	}{
		{"a leaf's count past its page", func(b []byte) { order.PutUint16(b[leaf*l.pageSize+10:], 0xFFFF) }, "elements do not fit"},
		{"a key's place past its page", func(b []byte) { order.PutUint32(b[field(leaf, 0, 4):], 0xFFFFFF00) }, "key 0 lies outside the page"},
		{"a value's length past its page", func(b []byte) { order.PutUint32(b[field(leaf, 1, 12):], 0x7FFFFFFF) }, "value 1 lies outside the page"},
		{"a key's length past its page", func(b []byte) { order.PutUint32(b[field(branch, 0, 4):], 0x01000000) }, "key 0 lies outside the page"},
		{"a branch's child past the pages in use", func(b []byte) { order.PutUint64(b[field(branch, 0, 8):], 1<<40) }, "out of bounds"},
		{"a branch's child twice", func(b []byte) {
			copy(b[field(branch, 1, 8):field(branch, 1, 16)], b[field(branch, 0, 8):field(branch, 0, 16)])
		}, "multiple references"},
		{"a page that says it is another", func(b []byte) { b[leaf*l.pageSize] ^= 0x40 }, "it says it is page"},
		{"an unknown page type", func(b []byte) { order.PutUint16(b[leaf*l.pageSize+8:], 0x08) }, "invalid type"},
		{"overflow past the pages in use", func(b []byte) { order.PutUint32(b[leaf*l.pageSize+12:], 0x00FFFFFF) }, "overflow pages reach past"},
		{"keys out of order", func(b []byte) {
			key := field(leaf, 1, 0) + int(order.Uint32(b[field(leaf, 1, 4):]))
			b[key] = 0
		}, "is not after the key before it"},
		{"a freelist of 2^60 pages", func(b []byte) {
			p := b[l.freelist*l.pageSize:]
			order.PutUint16(p[10:], 0xFFFF)
			order.PutUint64(p[16:], 1<<60)
		}, "the freelist says it holds"},
		{"a page freed twice", func(b []byte) {
			p := b[l.freelist*l.pageSize:]
			copy(p[24:32], p[16:24])
		}, "already freed"},
		{"a page in use freed", func(b []byte) {
			order.PutUint64(b[l.freelist*l.pageSize+16:], uint64(leaf))
		}, "reachable freed"},
		{"an element of unknown flags", func(b []byte) { order.PutUint32(b[field(leaf, 0, 0):], 0x04) }, "unknown flags"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			damaged := bytes.Clone(l.whole)
			c.damage(damaged)
			err := inspect(t, damaged)
			if !errors.Is(err, boltfile.ErrDamaged) || !strings.Contains(err.Error(), c.says) {
				t.Errorf("Inspect: %v; want ErrDamaged saying %q", err, c.says)
			}
		})
	}
}

// What Check accepts, bbolt reads without leaving its pages: over
// a thousand bytes changed one at a time in the pages in use (not free),
// each file
// Check lets through has every key and value of every bucket read, under
// View, without a fault or a panic of bbolt's. This runs in the test's
// own process: a fault View did not turn into an error would end it.
func TestWhatCheckAcceptsBboltReadsInsideItsPages(t *testing.T) {
	l := treeFile(t)
	flips := 1500
	if testing.Short() {
		flips = 150
	}
	rng := rand.New(rand.NewPCG(9, 9))
	dir := t.TempDir()
	accepted, refused := 0, 0
	for n := range flips {
		damaged := bytes.Clone(l.whole)
		// Spread over the pages in use, one in each of flips stretches.
		at := len(l.used) * l.pageSize * n / flips
		at += rng.IntN(max(len(l.used)*l.pageSize/flips, 1))
		pos := l.used[at/l.pageSize]*l.pageSize + at%l.pageSize
		damaged[pos] ^= byte(1 + rng.IntN(255))
		path := filepath.Join(dir, fmt.Sprintf("%d.db", n))
		if err := os.WriteFile(path, damaged, 0o600); err != nil {
			t.Fatal(err)
		}
		err := boltfile.Inspect(path, time.Second, func(tx *bolt.Tx) error { return boltfile.Check(path, tx) })
		if err != nil {
			if !errors.Is(err, boltfile.ErrDamaged) && !errors.Is(err, boltfile.ErrNotBolt) {
				t.Errorf("byte %d: Inspect: %v; want ErrDamaged or ErrNotBolt", pos, err)
			}
			refused++
			os.Remove(path)
			continue
		}
		accepted++
		db, err := boltfile.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
		if err != nil {
			t.Fatalf("byte %d: accepted by Check, then: %v", pos, err)
		}
		var read int
		err = boltfile.View(db, func(tx *bolt.Tx) error {
			return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
				return b.ForEach(func(k, v []byte) error {
					read += len(bytes.Clone(k)) + len(bytes.Clone(v))
					return nil
				})
			})
		})
		db.Close()
		if err != nil {
			t.Errorf("byte %d (page %d, offset %d): accepted by Check, but reading it: %v", pos, pos/l.pageSize, pos%l.pageSize, err)
		}
		if read > len(l.whole) {
			t.Errorf("byte %d: %d bytes read from a file of %d", pos, read, len(l.whole))
		}
		os.Remove(path)
	}
	t.Logf("%d flips: %d refused, %d accepted and read whole", flips, refused, accepted)
}
