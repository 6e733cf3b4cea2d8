package central

import (
	"bytes"
	"cmp"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/mod/sumdb/tlog"

	"examday/bundle"
	"examday/store/boltfile"
)

// What the central record shows of what it holds: its laptops, its logs,
// the audit, one log's state for a laptop's sync, an examinee's merged
// timeline, and a full check of every stored log.

// Device is an enrolled laptop or marking station.
type Device struct {
	ID   string
	Role Role
	// Name is the hall's (a hall laptop's) or the marker's full name;
	// Hall is the hall's, "" for a marking station.
	Name       string
	Hall       string
	EnrolledAt time.Time
	RevokedAt  time.Time // zero unless revoked
	Origin     string    // the log it delivers, "" before its first bundle
}

// Log is what the central holds of one hall file's log.
type Log struct {
	Origin, Device, Epoch string
	Role                  Role   // its device's
	Hall                  string // as enrolled: the hall's name, or the marker's
	HallName              string // as the log's hall.created says
	Size                  int64
	Root                  tlog.Hash
	Receipt               string
	ReceiptAt             time.Time
	Frozen                bool
	Fork                  *ForkInfo
	Rollback              *RollbackInfo // the last rollback of the laptop's file seen, if any
}

// Devices lists the enrolled laptops by hall, then id.
func (d *DB) Devices() ([]Device, error) {
	var out []Device
	err := eachRecord(d, bucketDevices, "device record %s", func(k []byte, r deviceRecord) error {
		e := r.enrolment()
		dev := Device{ID: string(k), Role: e.Role, Name: e.Name, EnrolledAt: r.EnrolledAt, RevokedAt: r.RevokedAt, Origin: r.Origin}
		if e.Role == RoleHall {
			dev.Hall = e.Name
		}
		out = append(out, dev)
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Role != out[j].Role {
			return out[i].Role < out[j].Role
		}
		return out[i].Name < out[j].Name
	})
	return out, err
}

// Logs lists the logs held, by hall, then origin.
func (d *DB) Logs() ([]Log, error) {
	var out []Log
	err := eachRecord(d, bucketLogs, "log record %s", func(k []byte, r logRecord) error {
		l := Log{Origin: r.Origin, Device: r.Device, Epoch: r.Epoch, Role: orHall(r.Role), Hall: r.Hall, HallName: r.HallName, Size: r.Size,
			Receipt: r.Receipt, ReceiptAt: r.ReceiptAt, Frozen: r.Frozen, Fork: r.Fork, Rollback: r.Rollback}
		if r.Root != "" {
			root, err := tlog.ParseHash(r.Root)
			if err != nil {
				return fmt.Errorf("log record %s: root: %v", k, err)
			}
			l.Root = root
		}
		out = append(out, l)
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].Hall < out[j].Hall })
	return out, err
}

// Audit calls fn with the audit rows, newest first, until fn returns
// false.
func (d *DB) Audit(fn func(AuditRow) bool) error {
	return d.view(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketAudit).Cursor()
		for k, v := c.Last(); k != nil; k, v = c.Prev() {
			var row AuditRow
			if err := json.Unmarshal(v, &row); err != nil {
				return fmt.Errorf("audit row %x: %v", k, err)
			}
			if !fn(row) {
				return nil
			}
		}
		return nil
	})
}

// RecentFailures is the n newest refused attempts.
func (d *DB) RecentFailures(n int) ([]AuditRow, error) {
	var out []AuditRow
	err := d.Audit(func(r AuditRow) bool {
		if r.Result == ResultRefused {
			out = append(out, r)
		}
		return len(out) < n
	})
	return out, err
}

// Forks lists every fork seen, oldest first.
func (d *DB) Forks() ([]ForkInfo, error) {
	var out []ForkInfo
	err := eachRecord(d, bucketForks, "fork %x", func(_ []byte, f ForkInfo) error {
		out = append(out, f)
		return nil
	})
	return out, err
}

// eachRecord calls fn with every record of bucket read as a T, in key
// order; a record that does not read is named by what, a format taking
// its key.
func eachRecord[T any](d *DB, bucket []byte, what string, fn func(k []byte, r T) error) error {
	return d.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bucket).ForEach(func(k, v []byte) error {
			var r T
			if err := json.Unmarshal(v, &r); err != nil {
				return fmt.Errorf(what+": %v", k, err)
			}
			return fn(k, r)
		})
	})
}

// Evidence is the bundle a fork was refused with, whole.
func (d *DB) Evidence(id uint64) ([]byte, error) {
	var out []byte
	err := d.view(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketEvidence).Get(u64Key(id))
		if v == nil {
			return fmt.Errorf("no evidence %d", id)
		}
		out = bytes.Clone(v)
		return nil
	})
	return out, err
}

// LogState is what the central holds of a laptop's log, for its sync to
// resume from. The device must be enrolled and not revoked; the error is
// a *Refusal.
func (d *DB) LogState(device, epoch string) (LogState, error) {
	var st LogState
	err := d.view(func(tx *bolt.Tx) error {
		var dev deviceRecord
		found, err := getJSON(tx.Bucket(bucketDevices), []byte(device), &dev)
		if err != nil {
			return err
		}
		if !found || !dev.RevokedAt.IsZero() {
			return refusal(http.StatusForbidden, CheckDevice, "device %s is not enrolled with the central record, or was revoked", short(device))
		}
		var r logRecord
		if _, err := getJSON(tx.Bucket(bucketLogs), []byte("examday/"+device+"/"+epoch), &r); err != nil {
			return err
		}
		st = LogState{Size: r.Size, Root: r.Root, Frozen: r.Frozen, Receipt: r.Receipt}
		return nil
	})
	var ref *Refusal
	if err != nil && !errors.As(err, &ref) {
		return st, refusal(http.StatusInternalServerError, CheckWrite, "the central record could not read its file: %v", err)
	}
	return st, err
}

// Events calls fn with each stored event of a log from seq from on: its
// sequence number, exact bytes and signature (valid only during the call).
func (d *DB) Events(origin string, from uint64, fn func(seq uint64, body, sig []byte) error) error {
	return d.view(func(tx *bolt.Tx) error {
		lb := openLog(tx, origin)
		if lb.events == nil {
			return nil
		}
		c := lb.events.Cursor()
		for k, v := c.Seek(u64Key(from)); k != nil; k, v = c.Next() {
			if len(v) < 32 {
				return fmt.Errorf("stored event %d of %s is damaged", binary.BigEndian.Uint64(k), origin)
			}
			if err := fn(binary.BigEndian.Uint64(k), v[32:], lb.sigs.Get(k)); err != nil {
				return err
			}
		}
		return nil
	})
}

// Moment is one event of an examinee's merged timeline.
type Moment struct {
	At       time.Time
	Hall     string
	Origin   string
	Seq      uint64
	Type     string
	Examinee string
	Actor    string
	Data     json.RawMessage
}

// HallTimeline is the merged record of one hall: every event of every log
// whose hall is named hall (as enrolled, or as its hall.created says;
// case and surrounding spaces aside), in the order of their times, then
// log and sequence number. A hall run on a second laptop after the first
// failed has two logs; here they are one day.
func (d *DB) HallTimeline(hall string) ([]Moment, error) {
	logs, err := d.Logs()
	if err != nil {
		return nil, err
	}
	same := func(a string) bool { return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(hall)) }
	var out []Moment
	for _, l := range logs {
		if l.Role != RoleHall || !same(l.Hall) && !same(l.HallName) {
			continue
		}
		name := cmp.Or(l.HallName, l.Hall)
		err := d.Events(l.Origin, 1, func(seq uint64, body, _ []byte) error {
			m, err := momentOf(name, l.Origin, seq, body)
			if err != nil {
				return err
			}
			out = append(out, m)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sortMoments(out)
	return out, nil
}

// momentOf reads the stored bytes of event seq of the log origin, of the
// hall named hall.
func momentOf(hall, origin string, seq uint64, body []byte) (Moment, error) {
	var ev struct {
		At       string          `json:"at"`
		Type     string          `json:"type"`
		Examinee string          `json:"examinee"`
		Actor    string          `json:"actor"`
		Data     json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(body, &ev); err != nil {
		return Moment{}, fmt.Errorf("event %d of %s: %v", seq, origin, err)
	}
	at, _ := time.Parse(time.RFC3339Nano, ev.At)
	return Moment{At: at, Hall: hall, Origin: origin, Seq: seq, Type: ev.Type, Examinee: ev.Examinee, Actor: ev.Actor, Data: ev.Data}, nil
}

// sortMoments puts a merged timeline in the order of time, then hall, log
// and sequence number.
func sortMoments(out []Moment) {
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		switch {
		case !a.At.Equal(b.At):
			return a.At.Before(b.At)
		case a.Hall != b.Hall:
			return a.Hall < b.Hall
		case a.Origin != b.Origin:
			return a.Origin < b.Origin
		}
		return a.Seq < b.Seq
	})
}

// Timeline is every event concerning an examinee, from every hall, in
// the order of their times (then hall, log and sequence number).
func (d *DB) Timeline(examinee string) ([]Moment, error) {
	var out []Moment
	err := d.view(func(tx *bolt.Tx) error {
		halls := map[string]string{}
		prefix := append([]byte(examinee), 0)
		c := tx.Bucket(bucketExaminees).Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			rest := k[len(prefix):]
			// An id holding a 0 byte would share a prefix: the rest must
			// be exactly an origin, 0 and a sequence number.
			if len(rest) < 10 || rest[len(rest)-9] != 0 || !bytes.HasPrefix(rest, []byte("examday/")) {
				continue
			}
			origin := string(rest[:len(rest)-9])
			if bytes.IndexByte([]byte(origin), 0) >= 0 {
				continue
			}
			seq := binary.BigEndian.Uint64(rest[len(rest)-8:])
			hall, ok := halls[origin]
			if !ok {
				var r logRecord
				if _, err := getJSON(tx.Bucket(bucketLogs), []byte(origin), &r); err != nil {
					return err
				}
				hall = r.HallName
				if hall == "" {
					hall = r.Hall
				}
				halls[origin] = hall
			}
			lb := openLog(tx, origin)
			if lb.events == nil {
				return fmt.Errorf("the index names log %s, which is not held", origin)
			}
			v := lb.events.Get(u64Key(seq))
			if len(v) < 32 {
				return fmt.Errorf("the index names event %d of %s, which is not held", seq, origin)
			}
			m, err := momentOf(hall, origin, seq, v[32:])
			if err != nil {
				return err
			}
			if m.Examinee == examinee {
				out = append(out, m)
			}
		}
		return nil
	})
	sortMoments(out)
	return out, err
}

// LogError says where a stored log does not verify.
type LogError struct {
	Origin string
	Seq    uint64
	Reason string
}

func (e *LogError) Error() string {
	return fmt.Sprintf("the stored log %s does not verify at event %d: %s", e.Origin, e.Seq, e.Reason)
}

// CheckLogs verifies every stored log as a whole, as a bundle of it
// would be: events numbered 1 … size, each stored hash the SHA-256 of
// its bytes, each linking to the one before, each signature with the
// enrolled key, the tree recomputed from the events equal to the stored
// tree hashes, and its root the stored root. It reads every event, so it
// is for an audit of the file, not for every open.
func (d *DB) CheckLogs() error {
	// The central record's own book is checked with the halls' logs, every
	// signature of it too: `central verify` and every backup cover it.
	if err := d.VerifyBook(); err != nil {
		return err
	}
	return d.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketLogs).ForEach(func(k, v []byte) error {
			var r logRecord
			if err := json.Unmarshal(v, &r); err != nil {
				return &LogError{Origin: string(k), Reason: "its record is damaged: " + err.Error()}
			}
			var dev deviceRecord
			if found, err := getJSON(tx.Bucket(bucketDevices), []byte(r.Device), &dev); err != nil || !found {
				return &LogError{Origin: r.Origin, Reason: "its device is not enrolled"}
			}
			return checkLog(openLog(tx, r.Origin), r, dev.PublicKey, tx.Size())
		})
	})
}

// checkLog checks one log, stored in a file whose pages reach size bytes.
func checkLog(lb logBuckets, r logRecord, pub ed25519.PublicKey, size int64) error {
	fail := func(seq uint64, format string, args ...any) error {
		return &LogError{Origin: r.Origin, Seq: seq, Reason: fmt.Sprintf(format, args...)}
	}
	if r.Size == 0 {
		return nil
	}
	if lb.events == nil || lb.sigs == nil || lb.tree == nil {
		return fail(1, "its buckets are missing")
	}
	// A damaged record can say any size; an event takes at least its
	// element, key and hash (56 bytes) of a page.
	room := min(max(r.Size, 0), size/56)
	bodies := make([][]byte, 0, room)
	sigs := make([][]byte, 0, room)
	prev := strings.Repeat("0", 64)
	var hashes bundle.Hashes
	c := lb.events.Cursor()
	seq := uint64(0)
	for k, v := c.First(); k != nil; k, v = c.Next() {
		seq++
		if binary.BigEndian.Uint64(k) != seq {
			return fail(seq, "event %d is stored where event %d should be", binary.BigEndian.Uint64(k), seq)
		}
		if len(v) < 32 {
			return fail(seq, "the stored event is too short")
		}
		body := v[32:]
		if sum := sha256.Sum256(body); !bytes.Equal(sum[:], v[:32]) {
			return fail(seq, "its stored hash is not the SHA-256 of its bytes")
		}
		var head struct {
			Seq  uint64 `json:"seq"`
			Prev string `json:"prev"`
		}
		if err := json.Unmarshal(body, &head); err != nil || head.Seq != seq || head.Prev != prev {
			return fail(seq, "it does not say it is event %d following the event before it", seq)
		}
		prev = hex.EncodeToString(v[:32])
		sig := lb.sigs.Get(k)
		if len(sig) != ed25519.SignatureSize {
			return fail(seq, "its signature is missing")
		}
		bodies, sigs = append(bodies, body), append(sigs, sig)
		if _, err := hashes.Add(int64(seq-1), body); err != nil {
			return fail(seq, "%v", err)
		}
	}
	if int64(seq) != r.Size {
		return fail(seq, "%d events are stored, the record says %d", seq, r.Size)
	}
	if prev != r.Head {
		return fail(seq, "the last event is not the recorded head")
	}
	verifies := func(i int) bool { return ed25519.Verify(pub, bodies[i], sigs[i]) }
	if bad := boltfile.FirstFailure(len(bodies), verifies); bad < len(bodies) {
		return fail(uint64(bad)+1, "its signature does not verify with the enrolled key")
	}
	stored, err := txHashes(lb.tree).ReadHashes(indexRange(int64(len(hashes))))
	if err != nil {
		return fail(seq, "%v", err)
	}
	for i := range hashes {
		if stored[i] != hashes[i] {
			return fail(seq, "the stored tree hash %d is not the one computed from the events", i)
		}
	}
	root, err := tlog.TreeHash(r.Size, &hashes)
	if err != nil || root.String() != r.Root {
		return fail(seq, "the root of the events is %s, the record says %s", root, r.Root)
	}
	return nil
}

func indexRange(n int64) []int64 {
	out := make([]int64, n)
	for i := range out {
		out[i] = int64(i)
	}
	return out
}
