package signedlog

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/mod/sumdb/tlog"

	"examday/bundle"
	"examday/store/boltfile"
)

// What Verify checks, and what it leaves to VerifySignatures.
//
// Verify is what a file gets before anyone writes to it, and the hall's
// Open must show the first frame of a big hall (100,000 events) within
// half a second, and one Ed25519 verification costs about 37 µs here:
// every signature would be 3.7 s on one core, about 2 s on two. So Open
// checks, for every event, everything that costs a hash — its SHA-256,
// the link to the one before, that its signature is there and 64 bytes
// long, and that the tree hashes stored for it are those recomputed from
// its bytes (about 40 ms of Open's 220 ms for 100,000 events, on the
// second core while the chain is checked on the first) — and then
// verifies, with the key:
//
//   - the latest signed checkpoint, against the root it recomputed. The
//     root is a hash over every event's exact bytes, so a checkpoint that
//     verifies with the file's key and names this root vouches, through
//     the tree, for every event: no event's bytes can differ from what the
//     key signed without the root differing;
//   - the signatures of the last recentSignatures events, the ones a
//     hand-over sends next;
//
// VerifySignatures checks every event's own signature, on every core;
// `examday verify-log` and the export run it, and the screen can run it
// after the first frame, as it runs VerifyProjection. An event whose own
// signature alone was damaged (its bytes, the chain, the tree and the
// checkpoint all sound) is found there, not at Open — unless something
// later in the log fails: then Open checks every signature before it, so
// that the file is read-only naming the first event that fails.
const recentSignatures = 100

// Check names which of the log's checks failed.
type Check string

const (
	CheckChain      Check = "chain"      // the hash chain: an event's hash, its prev, its place
	CheckSignature  Check = "signature"  // an event's Ed25519 signature
	CheckTree       Check = "tree"       // a stored hash of the Merkle tree
	CheckCheckpoint Check = "checkpoint" // the signed checkpoint of the tree
)

// What a ChainError found: its Code. The catalogue has the officer's
// words for each (package i18n), which take the ChainError's Args.
const (
	ChainEventMissing     = "event_missing"     // an event is missing or out of place
	ChainEventShort       = "event_short"       // the stored event is too short to hold its hash
	ChainEventLost        = "event_lost"        // missing or too short, as an export finds it
	ChainEventChanged     = "event_changed"     // its bytes do not match its hash
	ChainEventUnreadable  = "event_unreadable"  // its bytes are not an event
	ChainEventNumber      = "event_number"      // it says it is another event: Args its number
	ChainEventUnlinked    = "event_unlinked"    // it does not link to the event before it
	ChainStateSize        = "state_size"        // the state was built from another number of events: Args the state's, the log's
	ChainHeadMissing      = "head_missing"      // the log's head record is missing or damaged
	ChainHeadSize         = "head_size"         // the head record says another number of events: Args its size, the log's
	ChainHeadDiffers      = "head_differs"      // the head record's hash is not the last event's
	ChainIdentity         = "identity"          // the file's record of its key, device and epoch is damaged
	ChainSignatureBad     = "signature_bad"     // the signature does not verify with the file's key
	ChainSignatureMissing = "signature_missing" // the event has no signature
	ChainSignatureSize    = "signature_size"    // the signature is not 64 bytes: Args its size, 64
	ChainSignaturesExtra  = "signatures_extra"  // signatures of events the log does not hold
	ChainTreeUnbuilt      = "tree_unbuilt"      // the tree cannot be computed from what is stored
	ChainTreeDiffers      = "tree_differs"      // a stored tree hash is not what the bytes give: Args its index
	ChainTreeMissing      = "tree_missing"      // a stored tree hash is missing or damaged: Args its index
	ChainTreeExtra        = "tree_extra"        // tree hashes of events the log does not hold
	ChainCheckpointBad    = "checkpoint_bad"    // the checkpoint does not verify, or is not this log's
	ChainCheckpointSize   = "checkpoint_size"   // the checkpoint is of another size: Args its size, the log's
	ChainCheckpointRoot   = "checkpoint_root"   // the checkpoint's root is not the events' root
)

// Log is the head of a log: the hash of its last event, its tree and its
// signed checkpoint, as Verify found them or the last commit left them.
// When the log does not verify, Head and Tree are those of the events
// before the first bad one, and it has no checkpoint.
type Log struct {
	Head       [32]byte
	Tree       Head
	Checkpoint []byte
	// Signed is the size of the tree Checkpoint signs: the log's, or
	// fewer than CheckpointEvery events behind it (Batch.Commit).
	Signed int64
}

// ChainError says where the log stops verifying: its hash chain, an
// event's signature, the Merkle tree or the signed checkpoint.
type ChainError struct {
	Seq   uint64 // the first event that does not verify
	Check Check  // which check failed
	// Code is what was found (Chain…), Args its numbers: the catalogue
	// words each for the officer (package i18n). Reason says it in
	// English, for logs and tests.
	Code   string
	Args   []any
	Reason string
}

func (e *ChainError) Error() string {
	return fmt.Sprintf("the event log does not verify at event %d: %s", e.Seq, e.Reason)
}

// Verify walks the whole log: each event's stored hash is the SHA-256
// of its stored bytes, its prev is the hash of the one before, and the
// sequence numbers run 1, 2, 3 … without a gap; the state beside the log
// was projected from exactly this log's length (stateSeq, the last event
// the user's state says it applied) or, in a layout with a head record,
// from no more than it, and the head record says where the log ends.
// For a signed file (schema 3) it also checks, for each event, that its signature is there and that
// the tree hashes stored for it are those its bytes give, then the
// signatures of the latest events and the signed checkpoint against the
// recomputed root; and when anything fails, every signature before it.
// The error is a *ChainError at the first bad event.
func (l Layout) Verify(tx *bolt.Tx, stateSeq uint64, id Identity) (res Log, err error) {
	// First gather the stored values, in order, with a cursor walk each,
	// checking only their places; then check their contents, the chain on
	// one core and the tree on another (they are the two thirds of Open
	// that grow with the log); then take the first failure by sequence
	// number, and at the same event the chain's before the signature's
	// before the tree's, as one walk checking each event in turn would.
	// The values are bbolt's memory map, valid while tx is open.
	events, placed := l.gatherEvents(tx)
	n := uint64(len(events))
	var sigs, stored [][]byte
	var misplaced *ChainError // of the tree's stored hashes
	var fails [3]*ChainError  // chain, signature, tree
	fails[0] = placed
	signed := id.Signed()
	switch {
	case signed && l.Inline:
		sigs, stored = inlineParts(events)
	case signed:
		sigs, fails[1] = l.gatherSignatures(tx, n)
		stored, misplaced = l.gatherTree(tx, n)
	}
	var hashes bundle.Hashes
	boltfile.InParallel(func() {
		// Each event's check needs only its own record and the stored
		// hash of the one before it, so the chain is checked on every
		// core, beside the tree, which is built in order on one: the
		// chain was the longer of the two, and Open waited for it.
		// The first failure is the lowest event that fails, as a walk
		// from the first would find it.
		check := func(i int) error { return verifyRecord(uint64(i)+1, events[i], storedPrev(events, i)) }
		if first := boltfile.FirstFailure(len(events), func(i int) bool { return check(i) == nil }); first < len(events) {
			fails[0] = earlier(check(first).(*ChainError), fails[0])
		}
	}, func() {
		hashes = make(bundle.Hashes, 0, tlog.StoredHashCount(int64(n)))
		for i, r := range events {
			seq := uint64(i) + 1
			if r.short {
				return // the chain check says so
			}
			first := int64(len(hashes))
			hs, err := hashes.Add(int64(i), r.body)
			if err != nil {
				fails[2] = &ChainError{Seq: seq, Check: CheckTree, Code: ChainTreeUnbuilt, Reason: err.Error()}
				return
			}
			if !signed {
				continue
			}
			for j, h := range hs {
				index := first + int64(j)
				if index >= int64(len(stored)) {
					fails[2] = misplaced
					return
				}
				if !bytes.Equal(stored[index], h[:]) {
					fails[2] = &ChainError{Seq: seq, Check: CheckTree, Code: ChainTreeDiffers, Args: []any{index}, Reason: fmt.Sprintf("the tree hash %d stored for it is not the one its bytes give", index)}
					return
				}
			}
		}
		fails[2] = misplaced // hashes past the log's
	})

	var bad *ChainError
	for _, f := range fails {
		bad = earlier(bad, f)
	}
	if bad == nil {
		bad = l.verifyHead(tx, events, sigs, &hashes, stateSeq, id, &res)
	}
	// A log that fails is opened read-only, and the banner names the
	// first event that fails, whatever check finds it: an event whose own
	// signature was damaged before an event whose bytes were is the one
	// named. So every signature before the failure is checked here, as
	// VerifySignatures would, on every core: it costs only a file that
	// fails, and the screens skip that check for a file already read-only.
	if bad != nil && signed {
		before := int(min(max(bad.Seq, 1)-1, uint64(len(sigs))))
		verifies := func(i int) bool { return !events[i].short && ed25519.Verify(id.Pub, events[i].body, sigs[i]) }
		if first := boltfile.FirstFailure(before, verifies); first < before {
			bad = badSignature(uint64(first) + 1)
		}
	}
	// The tree of what verified, whatever is returned.
	res.Tree.Size = int64(n)
	if bad != nil {
		res.Tree.Size = int64(min(bad.Seq-1, n))
		res.Checkpoint, res.Signed = nil, 0
	}
	if res.Tree.Size > 0 {
		copy(res.Head[:], events[res.Tree.Size-1].hash)
	}
	res.Tree.Root, _ = tlog.TreeHash(res.Tree.Size, &hashes)
	if bad != nil {
		return res, bad
	}
	return res, nil
}

// verifyHead checks, for a log whose every event verified, that the state
// was projected from all of it, the signatures of its latest events and
// its signed checkpoint, which it keeps in res. It returns the failure,
// or nil.
func (l Layout) verifyHead(tx *bolt.Tx, events []stored, sigs [][]byte, hashes *bundle.Hashes, stateSeq uint64, id Identity, res *Log) *ChainError {
	n := uint64(len(events))
	if l.Head != nil {
		if bad := l.verifyHeadRecord(tx, events); bad != nil {
			return bad
		}
	}
	// With a head record the state may lag the log (its user replays the
	// rest); without one, it was written with every commit.
	if stateSeq > n || (l.Head == nil && n != stateSeq) {
		return &ChainError{Seq: n + 1, Check: CheckChain, Code: ChainStateSize, Args: []any{stateSeq, n}, Reason: fmt.Sprintf("the hall state was built from %d events but the log holds %d", stateSeq, n)}
	}
	if !id.Signed() {
		return nil
	}
	for seq := max(n, recentSignatures) - recentSignatures + 1; seq <= n; seq++ {
		if !ed25519.Verify(id.Pub, events[seq-1].body, sigs[seq-1]) {
			return badSignature(seq)
		}
	}
	cp := bytes.Clone(tx.Bucket(l.Meta).Get(l.Checkpoint))
	signedHead, err := OpenCheckpoint(cp, id)
	if err != nil {
		return &ChainError{Seq: max(n, 1), Check: CheckCheckpoint, Code: ChainCheckpointBad, Reason: "the signed checkpoint of the log: " + err.Error()}
	}
	// The checkpoint is signed at least every checkpointEvery events and
	// when the file is closed: one further behind, or ahead, is not this
	// log's. The events after it are those whose signatures were checked
	// just above (recentSignatures > CheckpointEvery).
	if signedHead.Size > int64(n) || int64(n)-signedHead.Size >= CheckpointEvery {
		return &ChainError{Seq: min(uint64(signedHead.Size), n) + 1, Check: CheckCheckpoint, Code: ChainCheckpointSize, Args: []any{signedHead.Size, n},
			Reason: fmt.Sprintf("the signed checkpoint is of %d events, the log holds %d", signedHead.Size, n)}
	}
	root, err := tlog.TreeHash(signedHead.Size, hashes)
	if err != nil {
		return &ChainError{Seq: n + 1, Check: CheckTree, Code: ChainTreeUnbuilt, Reason: err.Error()}
	}
	if signedHead.Root != root {
		return &ChainError{Seq: max(uint64(signedHead.Size), 1), Check: CheckCheckpoint, Code: ChainCheckpointRoot, Reason: "the root in the signed checkpoint is not the root of these events"}
	}
	res.Checkpoint, res.Signed = cp, signedHead.Size
	return nil
}

// storedPrev is the stored hash of the event before event i+1 (index i),
// the one its prev must name; zero for the first.
func storedPrev(events []stored, i int) (prev [32]byte) {
	if i > 0 {
		copy(prev[:], events[i-1].hash)
	}
	return prev
}

// verifyHeadRecord checks that the head record says the log holds its
// events and ends in the last one's hash: a log cut short after its last
// checkpoint, or one whose head record was changed, fails here.
func (l Layout) verifyHeadRecord(tx *bolt.Tx, events []stored) *ChainError {
	n := uint64(len(events))
	v := tx.Bucket(l.Meta).Get(l.Head)
	if len(v) != 40 {
		return &ChainError{Seq: n + 1, Check: CheckChain, Code: ChainHeadMissing, Reason: "the record of where the log ends is missing or damaged"}
	}
	if size := binary.BigEndian.Uint64(v[:8]); size != n {
		return &ChainError{Seq: min(size, n) + 1, Check: CheckChain, Code: ChainHeadSize, Args: []any{size, n},
			Reason: fmt.Sprintf("the record of where the log ends says %d events, the log holds %d", size, n)}
	}
	if n > 0 && !bytes.Equal(v[8:], events[n-1].hash) {
		return &ChainError{Seq: n, Check: CheckChain, Code: ChainHeadDiffers, Reason: "the record of where the log ends names another last event"}
	}
	return nil
}

func badSignature(seq uint64) *ChainError {
	return &ChainError{Seq: seq, Check: CheckSignature, Code: ChainSignatureBad, Reason: "its signature does not verify with this file's key"}
}

// earlier is the failure at the lower sequence number; at the same one, a.
func earlier(a, b *ChainError) *ChainError {
	if a == nil || (b != nil && b.Seq < a.Seq) {
		return b
	}
	return a
}

// gatherEvents returns the stored events 1, 2, 3 … up to the first one
// missing or out of place, in their parts, and the error at that one.
func (l Layout) gatherEvents(tx *bolt.Tx) ([]stored, *ChainError) {
	c := tx.Bucket(l.Events).Cursor()
	var events []stored
	if k, _ := c.Last(); len(k) == 8 {
		// The last key of a damaged file can say any number: an event
		// takes at least its element, key and hash (56 bytes) of a page.
		events = make([]stored, 0, min(binary.BigEndian.Uint64(k), uint64(tx.Size())/56))
	}
	for k, v := c.First(); k != nil; k, v = c.Next() {
		want := uint64(len(events)) + 1
		if len(k) != 8 || binary.BigEndian.Uint64(k) != want {
			return events, &ChainError{Seq: want, Check: CheckChain, Code: ChainEventMissing, Reason: "an event is missing or out of place"}
		}
		events = append(events, l.split(want, v))
	}
	return events, nil
}

// inlineParts are the signatures and the stored tree hashes, in index
// order, that the records of an Inline layout hold, up to the first
// record too short to hold them (the chain check names it): what
// gatherSignatures and gatherTree read from their own buckets.
func inlineParts(events []stored) (sigs, tree [][]byte) {
	sigs = make([][]byte, len(events))
	tree = make([][]byte, 0, tlog.StoredHashCount(int64(len(events))))
	for i, r := range events {
		if r.short {
			break
		}
		sigs[i] = r.sig
		for at := 0; at+tlog.HashSize <= len(r.tree); at += tlog.HashSize {
			tree = append(tree, r.tree[at:at+tlog.HashSize])
		}
	}
	return sigs, tree
}

// gatherSignatures returns the signatures of events 1 … n, and the first
// event whose signature is missing or not 64 bytes long, or the first
// signature of an event past n.
func (l Layout) gatherSignatures(tx *bolt.Tx, n uint64) ([][]byte, *ChainError) {
	sigs := make([][]byte, 0, n)
	c := tx.Bucket(l.Sigs).Cursor()
	k, v := c.First()
	for ; uint64(len(sigs)) < n; k, v = c.Next() {
		seq := uint64(len(sigs)) + 1
		if len(k) != 8 || binary.BigEndian.Uint64(k) != seq {
			return sigs, &ChainError{Seq: seq, Check: CheckSignature, Code: ChainSignatureMissing, Reason: "its signature is missing"}
		}
		if len(v) != ed25519.SignatureSize {
			return sigs, &ChainError{Seq: seq, Check: CheckSignature, Code: ChainSignatureSize, Args: []any{len(v), ed25519.SignatureSize}, Reason: fmt.Sprintf("its signature is %d bytes, not %d", len(v), ed25519.SignatureSize)}
		}
		sigs = append(sigs, v)
	}
	if k != nil {
		return sigs, &ChainError{Seq: n + 1, Check: CheckSignature, Code: ChainSignaturesExtra, Reason: "there are signatures of events the log does not hold"}
	}
	return sigs, nil
}

// gatherTree returns the stored tree hashes of the first n events, in
// index order, up to the first one missing or out of place; and the error
// at the event that one belongs to, or at n+1 for hashes past the log.
func (l Layout) gatherTree(tx *bolt.Tx, n uint64) ([][]byte, *ChainError) {
	count := tlog.StoredHashCount(int64(n))
	stored := make([][]byte, 0, count)
	c := tx.Bucket(l.Tree).Cursor()
	k, v := c.First()
	for ; int64(len(stored)) < count; k, v = c.Next() {
		index := int64(len(stored))
		if len(k) != 8 || int64(binary.BigEndian.Uint64(k)) != index || len(v) != tlog.HashSize {
			// The hashes at index belong to the record stored just
			// before it: the last record whose first index is at most it.
			record := sort.Search(int(n), func(r int) bool { return tlog.StoredHashIndex(0, int64(r)) > index }) - 1
			return stored, &ChainError{Seq: uint64(record) + 1, Check: CheckTree, Code: ChainTreeMissing, Args: []any{index}, Reason: fmt.Sprintf("the tree hash %d stored for it is missing or damaged", index)}
		}
		stored = append(stored, v)
	}
	if k != nil {
		return stored, &ChainError{Seq: n + 1, Check: CheckTree, Code: ChainTreeExtra, Reason: "the tree holds hashes of events the log does not hold"}
	}
	return stored, nil
}

func verifyRecord(seq uint64, r stored, prev [32]byte) error {
	if r.short {
		return &ChainError{Seq: seq, Check: CheckChain, Code: ChainEventShort, Reason: "the stored event is too short"}
	}
	body := r.body
	if sum := sha256.Sum256(body); !bytes.Equal(sum[:], r.hash) {
		return &ChainError{Seq: seq, Check: CheckChain, Code: ChainEventChanged, Reason: "its bytes do not match its hash (the event was changed)"}
	}
	if saysPlainly(body, seq, prev) {
		return nil
	}
	var head struct {
		Seq  uint64 `json:"seq"`
		Prev string `json:"prev"`
	}
	if err := json.Unmarshal(body, &head); err != nil {
		return &ChainError{Seq: seq, Check: CheckChain, Code: ChainEventUnreadable, Reason: "the stored event is not readable: " + err.Error()}
	}
	if head.Seq != seq {
		return &ChainError{Seq: seq, Check: CheckChain, Code: ChainEventNumber, Args: []any{head.Seq}, Reason: fmt.Sprintf("it says it is event %d", head.Seq)}
	}
	if head.Prev != hex.EncodeToString(prev[:]) {
		return &ChainError{Seq: seq, Check: CheckChain, Code: ChainEventUnlinked, Reason: "it does not link to the event before it (an event was changed, removed or inserted)"}
	}
	return nil
}

// saysPlainly reports whether body is JSON that says it is event seq and
// follows prev exactly as EncodeEvent writes it, "seq" first and "prev"
// last, in a way encoding/json could not read otherwise. Decoding every
// event was two thirds of opening a big hall; json.Valid is a third of the
// cost. Any doubt answers false and the decode in verifyRecord decides, so
// this accepts nothing the decode would refuse. The doubts: encoding/json
// matches keys regardless of case (and reads "ſ" as "s"), unescapes \u in
// keys, and lets a later duplicate key win. "prev" is the last member, so
// no other spelling of it can win over it; "seq" is the first, so no other
// member may spell it.
func saysPlainly(body []byte, seq uint64, prev [32]byte) bool {
	prefix := strconv.AppendUint(append(make([]byte, 0, 32), `{"seq":`...), seq, 10)
	prefix = append(prefix, ',')
	suffix := make([]byte, 0, 80)
	suffix = append(suffix, `,"prev":"`...)
	suffix = hex.AppendEncode(suffix, prev[:])
	suffix = append(suffix, `"}`...)
	if !bytes.HasPrefix(body, prefix) || !bytes.HasSuffix(body, suffix) ||
		bytes.Contains(body, []byte(`\u`)) || bytes.Contains(body, []byte("ſ")) {
		return false
	}
	seqKeys := 0
	for i := 0; i+4 < len(body); i++ {
		// |0x20 lowers an ASCII letter and maps no other byte onto s, e, q.
		if body[i] == '"' && body[i+4] == '"' && body[i+1]|0x20 == 's' && body[i+2]|0x20 == 'e' && body[i+3]|0x20 == 'q' {
			seqKeys++
		}
	}
	return seqKeys == 1 && json.Valid(body)
}

// VerifySignatures checks every event's Ed25519 signature over its
// stored bytes with the key of id, on every core (Verify checks only the
// latest; see recentSignatures). It returns the number of events found in
// place and the first failure: a *ChainError at the first event whose
// signature does not verify, or at the first event missing, or missing
// its signature; nil if none. It takes about two seconds on two cores
// for 100,000 events.
func (l Layout) VerifySignatures(tx *bolt.Tx, id Identity) (uint64, *ChainError) {
	// The bytes stay in bbolt's memory map, valid while this transaction
	// is open; the workers only read them.
	events, placed := l.gatherEvents(tx)
	var sigs [][]byte
	var missing *ChainError
	if l.Inline {
		sigs, _ = inlineParts(events)
	} else {
		sigs, missing = l.gatherSignatures(tx, uint64(len(events)))
	}
	verifies := func(i int) bool {
		return !events[i].short && ed25519.Verify(id.Pub, events[i].body, sigs[i])
	}
	var bad *ChainError
	if first := boltfile.FirstFailure(len(sigs), verifies); first < len(sigs) {
		bad = badSignature(uint64(first) + 1)
		if events[first].short {
			bad = &ChainError{Seq: uint64(first) + 1, Check: CheckChain, Code: ChainEventShort, Reason: "the stored event is too short"}
		}
	}
	return uint64(len(events)), earlier(earlier(placed, missing), bad)
}
