package bundle

import (
	"crypto/ed25519"
	"fmt"
	"math/bits"
	"runtime"
	"sync"
	"sync/atomic"

	"golang.org/x/mod/sumdb/tlog"
)

// The frontier of a log of n events is the hashes of the largest complete
// subtrees its Merkle tree is made of, left to right: one for each bit set
// in n. They are all a tree of n leaves keeps of its past: with them, the
// stored hashes of the events after n, and so the root of any longer
// tree, can be computed (tlog.StoredHashes reads only those).

// FrontierIndexes are the tlog stored-hash indexes of the frontier of a
// log of n events, in order.
func FrontierIndexes(n int64) []int64 {
	out := make([]int64, 0, bits.OnesCount64(uint64(n)))
	var start int64
	for level := 63; level >= 0; level-- {
		size := int64(1) << level
		if n&size == 0 {
			continue
		}
		out = append(out, tlog.StoredHashIndex(level, start>>level))
		start += size
	}
	return out
}

func frontierLen(n int64) int { return bits.OnesCount64(uint64(n)) }

// Hashes is the stored hashes of a whole tree, rebuilt in memory in
// index order: how a log held elsewhere (a hall file, the central
// record's copy) is recomputed from its events, to compare with what is
// stored or signed.
type Hashes []tlog.Hash

func (m *Hashes) ReadHashes(indexes []int64) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, len(indexes))
	for i, index := range indexes {
		if index < 0 || index >= int64(len(*m)) {
			return nil, fmt.Errorf("tree hash %d is not computed yet", index)
		}
		out[i] = (*m)[index]
	}
	return out, nil
}

// Add appends record n's stored hashes (n is the number of records added
// before it) and returns them.
func (m *Hashes) Add(n int64, body []byte) ([]tlog.Hash, error) {
	hashes, err := tlog.StoredHashes(n, body, m)
	if err != nil {
		return nil, err
	}
	*m = append(*m, hashes...)
	return hashes, nil
}

// hashMap is the stored hashes a bundle needs, by tlog index.
type hashMap map[int64]tlog.Hash

func (m hashMap) ReadHashes(indexes []int64) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, len(indexes))
	for i, index := range indexes {
		h, ok := m[index]
		if !ok {
			return nil, fmt.Errorf("tree hash %d is not in the bundle", index)
		}
		out[i] = h
	}
	return out, nil
}

// recomputeRoot is the root of the log of Last events, from the frontier
// of the events before the range and the events of the range.
func (b *Bundle) recomputeRoot() (tlog.Hash, error) {
	root, _, err := b.Tree()
	return root, err
}

// Tree computes the stored hashes of the bundle's events, on top of its
// frontier, and the root of the log of Last events. The central record
// keeps the hashes, so that its next bundle's frontier can be checked
// against them and proofs can be made from its own file. Hashes are
// returned by tlog index, from the first index of event First.
func (b *Bundle) Tree() (root tlog.Hash, hashes []tlog.Hash, err error) {
	h := &b.Header
	prefix := int64(h.First - 1)
	m := make(hashMap, len(h.Frontier)+2*len(b.Events)+64)
	for i, index := range FrontierIndexes(prefix) {
		m[index] = h.Frontier[i]
	}
	hashes = make([]tlog.Hash, 0, 2*len(b.Events)+1)
	for i, e := range b.Events {
		n := prefix + int64(i)
		hs, err := tlog.StoredHashes(n, e.Body, m)
		if err != nil {
			return tlog.Hash{}, nil, err
		}
		first := tlog.StoredHashIndex(0, n)
		for j, x := range hs {
			m[first+int64(j)] = x
		}
		hashes = append(hashes, hs...)
	}
	root, err = tlog.TreeHash(int64(h.Last), m)
	return root, hashes, err
}

// firstBadSignature is the index of the first event whose signature does
// not verify with pub, or -1. Verifying is most of the cost of checking a
// big bundle (about 50 µs an event), so it runs on every core.
func firstBadSignature(events []Event, pub ed25519.PublicKey) int {
	workers := min(runtime.GOMAXPROCS(0), max(1, len(events)/256))
	var first atomic.Int64
	first.Store(int64(len(events)))
	var wg sync.WaitGroup
	chunk := (len(events) + workers - 1) / workers
	for w := range workers {
		lo, hi := w*chunk, min((w+1)*chunk, len(events))
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := lo; i < hi; i++ {
				if int64(i) >= first.Load() {
					return
				}
				if !ed25519.Verify(pub, events[i].Body, events[i].Signature) {
					for {
						cur := first.Load()
						if int64(i) >= cur || first.CompareAndSwap(cur, int64(i)) {
							break
						}
					}
					return
				}
			}
		}()
	}
	wg.Wait()
	if f := first.Load(); f < int64(len(events)) {
		return int(f)
	}
	return -1
}
