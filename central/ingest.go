package central

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"examday/bundle"
)

// Refusal is every answer of the central record that is not a success:
// the HTTP status it goes out with and its ErrorBody. Ingest and Enroll
// return it, the handler sends it as it is, and `examday central import`
// prints its words: the same refusal whichever way the bundle came.
type Refusal struct {
	Status int
	Body   ErrorBody
}

func (r *Refusal) Error() string { return r.Body.Error }

// Checks of the central record beside those of package bundle (the
// vocabulary of ErrorBody.Check).
const (
	CheckFork   = "fork"
	CheckGap    = "gap"
	CheckFrozen = "frozen"
	CheckDevice = "device"
	CheckToken  = "token"
	CheckWrite  = "write"
	// CheckBusy: the server has no place or memory for the push now (503,
	// with Retry-After); CheckTimeout: the request's body came too slowly
	// and was cut off (408). Both are failures on the way: the laptop
	// tries again.
	CheckBusy    = "busy"
	CheckTimeout = "timeout"
	// CheckRollback: a laptop pushed its whole log, and it is shorter than
	// what the central record holds of it (409): its file was rolled back.
	CheckRollback = "rollback"
	// CheckPath: a request for a path the API does not have (404): not
	// an examday central record, or not this version of it.
	CheckPath = "path"
	// CheckDamaged: the central record's own file does not read as sound
	// (503 of GET /healthz).
	CheckDamaged = "damaged"
)

// Every refusal names its check: the laptop and the operator read a
// refusal in the words of its check (package i18n, cli.central.check.*),
// and ErrorBody.Error, the central record's English, stays in the audit
// and the logs.

// ErrorCode names the operator's words for a refusal (package i18n): what
// its check means.
func (r *Refusal) ErrorCode() (string, []any) {
	if r.Body.Check == "" {
		return "cli.central.check.unknown", nil
	}
	return "cli.central.check." + r.Body.Check, nil
}

func refusal(status int, check, format string, args ...any) *Refusal {
	return &Refusal{Status: status, Body: ErrorBody{Error: fmt.Sprintf(format, args...), Check: check}}
}

func bundleRefusal(be *bundle.Error) *Refusal {
	status := http.StatusBadRequest
	return &Refusal{Status: status, Body: ErrorBody{Error: be.Error(), Check: string(be.Check), Line: be.Line, Seq: be.Seq}}
}

// writeFailed is the answer when the file could not be written: bbolt
// rolled the transaction back, so nothing of the attempt is in the file.
func writeFailed(err error) *Refusal {
	return refusal(http.StatusInternalServerError, CheckWrite, "the central record could not write, and nothing was written: %v", err)
}

// plan is what the checks decided, for the one transaction that follows.
type plan struct {
	b      *bundle.Bundle
	device deviceRecord
	log    logRecord
	known  bool // the log has a record already
	// duplicate: every event of the bundle is held already, as it is.
	duplicate bool
	// tail is the part of the bundle past what is stored, as a bundle of
	// its own (the stored tree's frontier before it), and hashes its tlog
	// stored hashes.
	tail   *bundle.Bundle
	hashes []tlog.Hash
	// fork is set when the bundle was refused as a fork: it is kept.
	fork *ForkInfo
	// rollback is set when the bundle was refused as the whole log of a
	// file rolled back: it is recorded on the log.
	rollback *RollbackInfo
}

// Ingest takes a bundle, over HTTP (via "http") or from a file (via
// "file"), from remote (an address, or a file's path). Every check is
// made before anything is written; then one bbolt transaction appends
// what is new, signs a receipt for the new size and adds the audit row,
// or nothing of it happens. A refusal writes only its audit row (and, for
// a fork, the bundle kept as evidence and the log frozen). The error is a
// *Refusal.
func (d *DB) Ingest(data []byte, via, remote string) (PushResult, error) {
	return d.ingest(data, via, remote, 0)
}

// IngestWhole is Ingest of a bundle that its sender says is the whole of
// its file's log as it is now, holds events long: what `examday sync`
// says of every push (the bundle ends at the file's last event; the
// header HeaderLaptopHolds). A bundle that ends elsewhere is refused. One
// that ends before what is held, a duplicate to Ingest, is refused as a
// rollback (409, CheckRollback) and recorded on the log: the laptop's
// file holds less than it delivered. A file's bundle from a USB stick is
// a copy of some moment, and an older one is only a duplicate: it comes
// through Ingest.
func (d *DB) IngestWhole(data []byte, via, remote string, holds uint64) (PushResult, error) {
	if holds == 0 {
		return PushResult{}, refusal(http.StatusBadRequest, string(bundle.CheckFormat), "a laptop that holds no event has no log to push")
	}
	return d.ingest(data, via, remote, holds)
}

func (d *DB) ingest(data []byte, via, remote string, holds uint64) (PushResult, error) {
	row := AuditRow{At: d.now().UTC(), Kind: "bundle", Via: via, Remote: remote, Bytes: len(data)}
	if d.readOnly {
		return PushResult{}, refusal(http.StatusInternalServerError, CheckWrite, "%v", ErrReadOnly)
	}
	d.ingestMu.Lock()
	defer d.ingestMu.Unlock()
	p, ref := d.check(data, &row, holds)
	if ref != nil {
		if row.Digest == "" {
			sum := sha256.Sum256(data)
			row.Digest = hex.EncodeToString(sum[:])
		}
		row.Result, row.Status, row.Check, row.Error = ResultRefused, ref.Status, ref.Body.Check, ref.Body.Error
		if err := d.recordRefusal(&row, p, data); err != nil {
			return PushResult{}, writeFailed(err)
		}
		return PushResult{}, ref
	}
	return d.apply(p, &row)
}

// RecordAttempt adds the audit row of an attempt refused before a bundle
// could be read at all (a body over the limit, a request cut short).
func (d *DB) RecordAttempt(via, remote string, size int, ref *Refusal) error {
	if d.readOnly {
		return ErrReadOnly
	}
	row := AuditRow{At: d.now().UTC(), Kind: "bundle", Via: via, Remote: remote, Bytes: size,
		Result: ResultRefused, Status: ref.Status, Check: ref.Body.Check, Error: ref.Body.Error}
	return d.update(func(tx *bolt.Tx) error { return putAudit(tx, &row) })
}

// check makes every check of a bundle: its form, its device, its
// signatures and root with the enrolled key, and its place against what
// is stored; holds, if not 0, is what the sender says its file holds
// (IngestWhole).
func (d *DB) check(data []byte, row *AuditRow, holds uint64) (*plan, *Refusal) {
	p := &plan{}
	if len(data) > bundle.MaxSize {
		return p, refusal(http.StatusRequestEntityTooLarge, string(bundle.CheckSize),
			"the bundle is %d bytes, more than the %d a bundle may be", len(data), bundle.MaxSize)
	}
	b, err := bundle.Parse(data)
	if err != nil {
		var be *bundle.Error
		if errors.As(err, &be) {
			return p, bundleRefusal(be)
		}
		return p, refusal(http.StatusBadRequest, string(bundle.CheckFormat), "%v", err)
	}
	p.b = b
	h := &b.Header
	row.Digest = hex.EncodeToString(b.Digest[:])
	row.Device, row.Origin, row.First, row.Last = h.Device, h.Origin, h.First, h.Last
	if holds != 0 && holds != h.Last {
		return p, refusal(http.StatusBadRequest, string(bundle.CheckFormat),
			"the laptop says its file holds %d events, but its bundle ends at event %d", holds, h.Last)
	}

	var cmp comparison
	err = d.view(func(tx *bolt.Tx) error {
		found, err := getJSON(tx.Bucket(bucketDevices), []byte(h.Device), &p.device)
		if err != nil {
			return err
		}
		if !found {
			return refusal(http.StatusForbidden, CheckDevice, "device %s is not enrolled with the central record", short(h.Device))
		}
		if !p.device.RevokedAt.IsZero() {
			return refusal(http.StatusForbidden, CheckDevice, "device %s was revoked on %s; nothing of it is taken",
				short(h.Device), p.device.RevokedAt.UTC().Format("2006-01-02 15:04:05 UTC"))
		}
		if p.device.Origin != "" && p.device.Origin != h.Origin {
			// A laptop's key is made with its hall file: the same key under
			// another epoch is a key copied into another file.
			return refusal(http.StatusForbidden, CheckDevice, "device %s delivers the log %s; this bundle is of another file (%s) signed with the same key",
				short(h.Device), p.device.Origin, h.Origin)
		}
		if p.known, err = getJSON(tx.Bucket(bucketLogs), []byte(h.Origin), &p.log); err != nil {
			return err
		}
		if ref := checkLogRole(p); ref != nil {
			return ref
		}
		if p.log.Frozen {
			r := refusal(http.StatusConflict, CheckFrozen, "the log of device %s is frozen after a fork; nothing more is appended to it", short(h.Device))
			if f := p.log.Fork; f != nil {
				r.Body.Error = fmt.Sprintf("the log of device %s is frozen after a fork at event %d; nothing more is appended to it", short(h.Device), f.Seq)
				r.Body.Seq, r.Body.StoredHash, r.Body.IncomingHash = f.Seq, f.StoredHash, f.IncomingHash
			}
			return r
		}
		if h.First > uint64(p.log.Size)+1 {
			return nil // a gap: nothing to compare
		}
		cmp, err = compareStored(openLog(tx, h.Origin), b, p.log.Size)
		return err
	})
	var ref *Refusal
	if errors.As(err, &ref) {
		return p, ref
	}
	if err != nil {
		return p, refusal(http.StatusInternalServerError, CheckWrite, "the central record could not read its file: %v", err)
	}
	pub := ed25519.PublicKey(p.device.PublicKey)
	if ref := checkHeaderKey(h, pub); ref != nil {
		return p, ref
	}
	size := uint64(p.log.Size)

	// A gap, a fork and a bad signature are told apart only in a bundle
	// that verifies with the enrolled key: a bundle that does not is
	// refused for that, and never freezes a log.
	if h.First > size+1 {
		if err := b.Verify(pub); err != nil {
			return p, verifyRefusal(err, 0)
		}
		r := refusal(http.StatusUnprocessableEntity, CheckGap, "the bundle starts at event %d, but the central record holds %d events of this log: it must start at %d or before",
			h.First, size, size+1)
		r.Body.ExpectedFirst = size + 1
		return p, r
	}
	if m := cmp.mismatch; m != nil {
		if err := b.Verify(pub); err != nil {
			return p, verifyRefusal(err, 0)
		}
		m.Origin, m.At, m.Via, m.Remote, m.Digest = h.Origin, row.At, row.Via, row.Remote, row.Digest
		p.fork = m
		r := refusal(http.StatusConflict, CheckFork, "FORK at event %d of device %s: %s (stored %s, this bundle %s); both are kept and the log is frozen",
			m.Seq, short(h.Device), m.Reason, short(m.StoredHash), short(m.IncomingHash))
		r.Body.Seq, r.Body.StoredHash, r.Body.IncomingHash = m.Seq, m.StoredHash, m.IncomingHash
		return p, r
	}
	// The events held already are the stored bytes; a stored signature
	// was verified with this key when it was stored, so the same bytes
	// need no second look. Another signature of the same bytes is checked.
	for _, i := range cmp.otherSignature {
		e := b.Events[i]
		if !ed25519.Verify(pub, e.Body, e.Signature) {
			return p, bundleRefusal(&bundle.Error{Line: bundle.EventLine(i), Seq: e.Seq, Check: bundle.CheckSignature,
				Reason: "its signature does not verify with the key of device " + short(h.Device)})
		}
	}
	if h.Last <= size {
		// All of it is held: its checkpoint must still be the laptop's
		// signature over the tree the central holds at that size.
		if err := verifyCheckpoint(b, pub); err != nil {
			return p, verifyRefusal(err, 0)
		}
		if b.Root != cmp.rootAtLast {
			return p, bundleRefusal(&bundle.Error{Line: bundle.EventLine(len(b.Events)), Check: bundle.CheckRoot,
				Reason: fmt.Sprintf("the checkpoint signs the root %s, the events' root is %s", b.Root, cmp.rootAtLast)})
		}
		if holds != 0 && h.Last < size {
			// The laptop's own signed checkpoint, of an earlier size of
			// this very log, as all its file holds now.
			p.rollback = &RollbackInfo{At: row.At, Via: row.Via, Remote: row.Remote, LaptopSize: h.Last, CentralSize: size, Digest: row.Digest}
			r := refusal(http.StatusConflict, CheckRollback,
				"ROLLBACK: the central record holds %d events of the log of device %s, the laptop's file only %d: its signed checkpoint of %d events is an older one of this log (the file was put back to an earlier copy, or lost its last events). Events %d–%d are held here only; they stay, and the rollback is noted on the log",
				size, short(h.Device), h.Last, h.Last, h.Last+1, size)
			r.Body.Seq = h.Last + 1
			return p, r
		}
		p.duplicate = true
		return p, nil
	}
	// The new tail is verified as a bundle of its own on top of the stored
	// tree: its signatures, the checkpoint, and the root recomputed from
	// the stored frontier and the new events.
	off := int(size + 1 - h.First)
	tail := b
	if off > 0 {
		th := *h
		th.First, th.Prev, th.Frontier = size+1, cmp.head, cmp.frontier
		tail = &bundle.Bundle{Header: th, Events: b.Events[off:], Checkpoint: b.Checkpoint, Size: b.Size, Root: b.Root, Digest: b.Digest}
	}
	if err := tail.Verify(pub); err != nil {
		return p, verifyRefusal(err, off)
	}
	_, hashes, err := tail.Tree()
	if err != nil {
		return p, refusal(http.StatusBadRequest, string(bundle.CheckRoot), "%v", err)
	}
	p.tail, p.hashes = tail, hashes
	return p, nil
}

// checkHeaderKey refuses a header whose key is not the enrolled key of
// its device, under its log's name. The central record verifies with the
// key it enrolled whatever the header says, so a header that names
// another key changes no check of the content; but a bundle is kept and
// shown as the laptop's own words, and `examday verify` trusts that key
// alone: a header that lies is not taken.
func checkHeaderKey(h *bundle.Header, pub ed25519.PublicKey) *Refusal {
	want, err := note.NewEd25519VerifierKey(h.Origin, pub)
	if err != nil {
		return refusal(http.StatusInternalServerError, CheckDevice, "the enrolled key of device %s cannot be read: %v", short(h.Device), err)
	}
	if h.Key == want {
		return nil
	}
	return bundleRefusal(&bundle.Error{Line: 2, Check: bundle.CheckKey,
		Reason: fmt.Sprintf("the header's key is not the key device %s enrolled with (the header was changed, or the bundle was made with another key)", short(h.Device))})
}

// verifyRefusal turns an error of Verify on a bundle whose first off
// events were left out into the refusal of the whole bundle.
func verifyRefusal(err error, off int) *Refusal {
	var be *bundle.Error
	if !errors.As(err, &be) {
		return refusal(http.StatusBadRequest, string(bundle.CheckSignature), "%v", err)
	}
	e := *be
	if e.Line >= bundle.EventLine(0) {
		e.Line += off
	}
	return bundleRefusal(&e)
}

func verifyCheckpoint(b *bundle.Bundle, pub ed25519.PublicKey) error {
	line := bundle.EventLine(len(b.Events))
	vkey, err := note.NewEd25519VerifierKey(b.Header.Origin, pub)
	if err == nil {
		var v note.Verifier
		if v, err = note.NewVerifier(vkey); err == nil {
			_, err = note.Open(b.Checkpoint, note.VerifierList(v))
		}
	}
	if err != nil {
		return &bundle.Error{Line: line, Check: bundle.CheckCheckpoint,
			Reason: fmt.Sprintf("its signature does not verify with the key of device %s (%v)", short(b.Header.Device), err)}
	}
	return nil
}

// comparison is what a bundle is against the stored log.
type comparison struct {
	// mismatch: the bundle holds, or links to, an event other than the
	// stored one (a fork).
	mismatch *ForkInfo
	// otherSignature: events whose bytes are stored but whose signature
	// is not the stored one (indexes into the bundle's events).
	otherSignature []int
	// rootAtLast is the stored tree's root at the bundle's last event,
	// when the bundle ends within what is stored.
	rootAtLast tlog.Hash
	// head and frontier: the stored last event's hash and the stored
	// tree's frontier, when the bundle reaches past what is stored.
	head     string
	frontier []tlog.Hash
}

// compareStored compares a bundle that starts at or before size+1 with
// the stored log of size events.
func compareStored(lb logBuckets, b *bundle.Bundle, size int64) (comparison, error) {
	var cmp comparison
	h := &b.Header
	if size == 0 {
		cmp.head = hex.EncodeToString(make([]byte, 32))
		cmp.frontier = []tlog.Hash{}
		return cmp, nil
	}
	if lb.events == nil || lb.sigs == nil || lb.tree == nil {
		return cmp, fmt.Errorf("the stored log %s is missing its buckets", h.Origin)
	}
	hashes := txHashes(lb.tree)
	if before := h.First - 1; before >= 1 {
		v := lb.events.Get(u64Key(before))
		if len(v) < 32 {
			return cmp, fmt.Errorf("stored event %d of %s is missing", before, h.Origin)
		}
		if stored := hex.EncodeToString(v[:32]); stored != h.Prev {
			cmp.mismatch = &ForkInfo{Seq: before, StoredHash: stored, IncomingHash: h.Prev,
				Reason: "the bundle follows another event than the stored one"}
			return cmp, nil
		}
		stored, err := hashes.ReadHashes(bundle.FrontierIndexes(int64(before)))
		if err != nil {
			return cmp, err
		}
		for i := range stored {
			if stored[i] != h.Frontier[i] {
				cmp.mismatch = &ForkInfo{Seq: before, StoredHash: hex.EncodeToString(stored[i][:]), IncomingHash: hex.EncodeToString(h.Frontier[i][:]),
					Reason: "the bundle's tree before its range is not the stored tree"}
				return cmp, nil
			}
		}
	}
	// The events held already, compared byte for byte with one cursor
	// walk over each bucket.
	last := min(h.Last, uint64(size))
	ec, sc := lb.events.Cursor(), lb.sigs.Cursor()
	k, v := ec.Seek(u64Key(h.First))
	sk, sv := sc.Seek(u64Key(h.First))
	for seq := h.First; seq <= last; seq++ {
		i := int(seq - h.First)
		if k == nil || binary.BigEndian.Uint64(k) != seq || len(v) < 32 || sk == nil || binary.BigEndian.Uint64(sk) != seq {
			return cmp, fmt.Errorf("stored event %d of %s is missing", seq, h.Origin)
		}
		e := b.Events[i]
		if !bytes.Equal(v[32:], e.Body) {
			in := e.Hash()
			cmp.mismatch = &ForkInfo{Seq: seq, StoredHash: hex.EncodeToString(v[:32]), IncomingHash: hex.EncodeToString(in[:]),
				Reason: "a different event at a stored sequence number"}
			return cmp, nil
		}
		if !bytes.Equal(sv, e.Signature) {
			cmp.otherSignature = append(cmp.otherSignature, i)
		}
		k, v = ec.Next()
		sk, sv = sc.Next()
	}
	if h.Last <= uint64(size) {
		root, err := tlog.TreeHash(int64(h.Last), hashes)
		cmp.rootAtLast = root
		return cmp, err
	}
	v = lb.events.Get(u64Key(uint64(size)))
	if len(v) < 32 {
		return cmp, fmt.Errorf("stored event %d of %s is missing", size, h.Origin)
	}
	cmp.head = hex.EncodeToString(v[:32])
	var err error
	cmp.frontier, err = hashes.ReadHashes(bundle.FrontierIndexes(size))
	return cmp, err
}

// recordRefusal writes what a refusal writes: its audit row; for a fork
// the bundle whole as evidence and the log frozen and flagged; for a
// rollback the log flagged (the bundle is a prefix of what is held, and
// its digest is kept).
func (d *DB) recordRefusal(row *AuditRow, p *plan, data []byte) error {
	return d.update(func(tx *bolt.Tx) error {
		if p.rollback != nil {
			lr := p.log
			lr.Rollback = p.rollback
			if err := putJSON(tx.Bucket(bucketLogs), []byte(lr.Origin), &lr); err != nil {
				return err
			}
		}
		if f := p.fork; f != nil {
			forks := tx.Bucket(bucketForks)
			id, err := forks.NextSequence()
			if err != nil {
				return err
			}
			f.ID = id
			if err := tx.Bucket(bucketEvidence).Put(u64Key(id), data); err != nil {
				return err
			}
			if err := putJSON(forks, u64Key(id), f); err != nil {
				return err
			}
			lr := p.log
			lr.Frozen, lr.Fork = true, f
			if err := putJSON(tx.Bucket(bucketLogs), []byte(lr.Origin), &lr); err != nil {
				return err
			}
		}
		return putAudit(tx, row)
	})
}

// apply writes what check decided, in one transaction.
func (d *DB) apply(p *plan, row *AuditRow) (PushResult, error) {
	b := p.b
	h := &b.Header
	if p.duplicate {
		row.Result, row.Status = ResultDuplicate, http.StatusOK
		if err := d.update(func(tx *bolt.Tx) error { return putAudit(tx, row) }); err != nil {
			return PushResult{}, writeFailed(err)
		}
		return PushResult{Result: ResultDuplicate, Size: p.log.Size, Root: p.log.Root, Receipt: p.log.Receipt}, nil
	}
	lr := p.log
	if !p.known {
		e := p.device.enrolment()
		lr = logRecord{Origin: h.Origin, Device: h.Device, Epoch: h.Epoch, Role: e.Role, Hall: e.Name, FirstAt: row.At}
	}
	at := row.At
	var receipt []byte
	err := d.update(func(tx *bolt.Tx) error {
		lb, err := makeLog(tx, h.Origin)
		if err != nil {
			return err
		}
		index := tx.Bucket(bucketExaminees)
		for _, e := range p.tail.Events {
			sum := e.Hash()
			v := make([]byte, 0, 32+len(e.Body))
			v = append(append(v, sum[:]...), e.Body...)
			if err := lb.events.Put(u64Key(e.Seq), v); err != nil {
				return err
			}
			if err := lb.sigs.Put(u64Key(e.Seq), e.Signature); err != nil {
				return err
			}
			var head struct {
				Type     string          `json:"type"`
				Examinee string          `json:"examinee"`
				Data     json.RawMessage `json:"data"`
			}
			if err := json.Unmarshal(e.Body, &head); err != nil {
				return fmt.Errorf("event %d: %v", e.Seq, err)
			}
			if head.Examinee != "" {
				if err := index.Put(examineeKey(head.Examinee, h.Origin, e.Seq), nil); err != nil {
					return err
				}
			}
			if head.Type == "hall.created" {
				var hall struct {
					Name string `json:"name"`
				}
				if json.Unmarshal(head.Data, &hall) == nil {
					lr.HallName = hall.Name
				}
			}
		}
		first := tlog.StoredHashIndex(0, int64(p.tail.Header.First-1))
		for j := range p.hashes {
			if err := lb.tree.Put(u64Key(uint64(first+int64(j))), p.hashes[j][:]); err != nil {
				return err
			}
		}
		// The stored tree, not only the bundle's, must have the root the
		// laptop signed: what is kept is what was verified.
		root, err := tlog.TreeHash(int64(h.Last), txHashes(lb.tree))
		if err != nil {
			return err
		}
		if root != b.Root {
			return fmt.Errorf("after appending, the stored root of %s is %s, but the checkpoint signs %s", h.Origin, root, b.Root)
		}
		receipt, err = SignReceipt(Receipt{Origin: h.Origin, Size: int64(h.Last), Root: root, At: at}, d.signer)
		if err != nil {
			return err
		}
		last := b.Events[len(b.Events)-1].Hash()
		lr.Size, lr.Root, lr.Head = int64(h.Last), root.String(), hex.EncodeToString(last[:])
		lr.Receipt, lr.ReceiptAt = string(receipt), at
		if err := putJSON(tx.Bucket(bucketLogs), []byte(h.Origin), &lr); err != nil {
			return err
		}
		if p.device.Origin == "" {
			dev := p.device
			dev.Origin = h.Origin
			if err := putJSON(tx.Bucket(bucketDevices), []byte(h.Device), &dev); err != nil {
				return err
			}
		}
		row.Result, row.Status, row.Appended = ResultAppended, http.StatusOK, len(p.tail.Events)
		return putAudit(tx, row)
	})
	if err != nil {
		// The transaction was rolled back: the refusal is still audited.
		row.Result, row.Appended, row.Status, row.Check, row.Error = ResultRefused, 0, http.StatusInternalServerError, CheckWrite, err.Error()
		ref := writeFailed(err)
		if aerr := d.update(func(tx *bolt.Tx) error { return putAudit(tx, row) }); aerr != nil {
			ref.Body.Error += fmt.Sprintf(" (and its audit row could not be written: %v)", aerr)
		}
		return PushResult{}, ref
	}
	return PushResult{Result: ResultAppended, Appended: len(p.tail.Events), Size: lr.Size, Root: lr.Root, Receipt: lr.Receipt}, nil
}

// examineeKey indexes event seq of a log under the examinee it concerns.
func examineeKey(examinee, origin string, seq uint64) []byte {
	k := make([]byte, 0, len(examinee)+len(origin)+10)
	k = append(append(k, examinee...), 0)
	k = append(append(k, origin...), 0)
	return binary.BigEndian.AppendUint64(k, seq)
}

// short is the first 12 hex digits of an id or hash, enough to tell two
// apart in a message.
func short(id string) string {
	if len(id) > 12 {
		return id[:12]
	}
	return id
}
