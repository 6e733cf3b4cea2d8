package central_test

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	mrand "math/rand/v2"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"examday/bundle"
	"examday/central"
)

// A bundle is appended; the same bundle again is a duplicate and changes
// nothing; a bundle overlapping the stored events with a new tail appends
// only the tail; every step leaves the central holding exactly the
// laptop's prefix with a receipt for it.
func TestIngestAppendsDuplicatesAndOverlaps(t *testing.T) {
	l := newLaptop(t, t.TempDir(), 10, 300)
	db := newCentral(t)
	enroll(t, db, l.pub, "Audience 204")

	res, err := db.Ingest(l.cut(t, 1, 100), "file", "stick")
	if err != nil || res.Result != central.ResultAppended || res.Appended != 100 || res.Size != 100 {
		t.Fatalf("first: %+v %v", res, err)
	}
	holds(t, db, l, 100)
	r, err := central.OpenReceipt([]byte(res.Receipt), db.VerifierKey())
	if err != nil || r.Size != 100 || r.Root != l.root(100) {
		t.Fatalf("receipt %+v %v", r, err)
	}

	before, audits := snapshot(t, db)
	res, err = db.Ingest(l.cut(t, 1, 100), "http", "127.0.0.1:1")
	if err != nil || res.Result != central.ResultDuplicate || res.Appended != 0 || res.Size != 100 || res.Receipt == "" {
		t.Fatalf("again: %+v %v", res, err)
	}
	// A part of what is held, from the middle, is a duplicate too.
	if res, err = db.Ingest(l.cut(t, 40, 70), "http", "x"); err != nil || res.Result != central.ResultDuplicate {
		t.Fatalf("middle: %+v %v", res, err)
	}
	after, audits2 := snapshot(t, db)
	if after != before || audits2 != audits+2 {
		t.Fatalf("a duplicate changed the file (audit rows %d → %d)", audits, audits2)
	}

	res, err = db.Ingest(l.cut(t, 51, 180), "http", "x")
	if err != nil || res.Result != central.ResultAppended || res.Appended != 80 || res.Size != 180 {
		t.Fatalf("overlap: %+v %v", res, err)
	}
	holds(t, db, l, 180)
	res, err = db.Ingest(l.cut(t, 181, 300), "http", "x")
	if err != nil || res.Appended != 120 {
		t.Fatalf("tail: %+v %v", res, err)
	}
	holds(t, db, l, 300)
	if err := db.CheckLogs(); err != nil {
		t.Fatal(err)
	}

	var rows []central.AuditRow
	db.Audit(func(r central.AuditRow) bool { rows = append(rows, r); return true })
	if len(rows) != 6 || rows[0].Result != central.ResultAppended || rows[0].First != 181 || rows[0].Via != "http" || rows[4].Via != "file" || rows[5].Kind != "enroll" {
		t.Fatalf("audit: %+v", rows)
	}
}

// A bundle starting past the stored size + 1 is a gap: 422 naming the
// expected start, nothing written but the audit row.
func TestIngestRefusesAGap(t *testing.T) {
	l := newLaptop(t, t.TempDir(), 5, 60)
	db := newCentral(t)
	enroll(t, db, l.pub, "Audience 204")
	ref := refusalOf(ingestErr(db, l.cut(t, 11, 20)))
	if ref == nil || ref.Status != http.StatusUnprocessableEntity || ref.Body.Check != central.CheckGap || ref.Body.ExpectedFirst != 1 {
		t.Fatalf("gap at the start: %+v", ref)
	}
	mustIngest(t, db, l.cut(t, 1, 10))
	ref = refusalOf(ingestErr(db, l.cut(t, 12, 20)))
	if ref == nil || ref.Status != 422 || ref.Body.ExpectedFirst != 11 {
		t.Fatalf("gap: %+v", ref)
	}
	mustIngest(t, db, l.cut(t, 11, 20))
	holds(t, db, l, 20)
}

func ingestErr(db *central.DB, data []byte) error {
	_, err := db.Ingest(data, "file", "test")
	return err
}

func mustIngest(tb testing.TB, db *central.DB, data []byte) central.PushResult {
	tb.Helper()
	res, err := db.Ingest(data, "file", "test")
	if err != nil {
		tb.Fatal(err)
	}
	return res
}

// An unknown device and a revoked one are refused with 403; the central
// trusts no key that comes inside a bundle.
func TestIngestTrustsOnlyEnrolledUnrevokedKeys(t *testing.T) {
	l := newLaptop(t, t.TempDir(), 5, 30)
	db := newCentral(t)
	ref := refusalOf(ingestErr(db, l.cut(t, 1, 30)))
	if ref == nil || ref.Status != http.StatusForbidden || ref.Body.Check != central.CheckDevice {
		t.Fatalf("not enrolled: %+v", ref)
	}
	enroll(t, db, l.pub, "Audience 204")
	mustIngest(t, db, l.cut(t, 1, 10))
	if _, err := db.Revoke(l.device()[:10]); err != nil {
		t.Fatal(err)
	}
	ref = refusalOf(ingestErr(db, l.cut(t, 11, 30)))
	if ref == nil || ref.Status != http.StatusForbidden || !strings.Contains(ref.Body.Error, "revoked") {
		t.Fatalf("revoked: %+v", ref)
	}
	holds(t, db, l, 10)
}

// expectRefused ingests a damaged bundle and checks it is refused with
// the given status and one of the checks, and that nothing but an audit
// row was written.
func expectRefused(t *testing.T, db *central.DB, name string, data []byte, status int, checks ...string) *central.Refusal {
	t.Helper()
	before, audits := snapshot(t, db)
	_, err := db.Ingest(data, "file", name)
	ref := refusalOf(err)
	after, audits2 := snapshot(t, db)
	if ref == nil {
		t.Fatalf("%s: taken: %v", name, err)
	}
	ok := false
	for _, c := range checks {
		ok = ok || ref.Body.Check == c
	}
	if ref.Status != status || !ok {
		t.Fatalf("%s: refused with %d %q (%s), want %d %v", name, ref.Status, ref.Body.Check, ref.Body.Error, status, checks)
	}
	if after != before || audits2 != audits+1 {
		t.Fatalf("%s: the refusal changed the file (audit rows %d → %d)", name, audits, audits2)
	}
	return ref
}

// rewrite changes a bundle's lines and puts a right final SHA-256 on it,
// as a forger who knows the format would: only the checks of the
// content can catch it.
func rewrite(data []byte, edit func(lines [][]byte) [][]byte) []byte {
	lines := bytes.SplitAfter(data, []byte{'\n'})
	lines = lines[:len(lines)-2] // the final line and the empty rest
	lines = edit(lines)
	out := bytes.Join(lines, nil)
	sum := sha256.Sum256(out)
	return append(out, []byte("sha256 "+hex.EncodeToString(sum[:])+"\n")...)
}

// SPEC: "the same checks apply to bundles imported from files". Damaged
// bundles, each refused with its own check, the central unchanged.
func TestIngestRefusesDamagedBundles(t *testing.T) {
	dir := t.TempDir()
	l := newLaptop(t, dir, 10, 140)
	other := newLaptop(t, t.TempDir(), 3, 20)
	db := newCentral(t)
	central.SetNoSyncForTest(db)
	enroll(t, db, l.pub, "Audience 204")
	enroll(t, db, other.pub, "Audience 301")
	// Some events held already, so that damage is also checked against
	// what is stored.
	mustIngest(t, db, l.cut(t, 1, 20))
	good := l.cut(t, 21, 120) // 100 events

	t.Run("truncated at every byte", func(t *testing.T) {
		for n := 0; n < len(good); n++ {
			ref := expectRefused(t, db, "truncated at "+strconv.Itoa(n), good[:n], http.StatusBadRequest, "size", "format", "digest")
			if n == 0 && ref.Body.Check != "size" {
				t.Fatalf("empty: %+v", ref)
			}
		}
	})
	t.Run("1000 bit flips", func(t *testing.T) {
		rng := mrand.New(mrand.NewPCG(1, 2))
		for i := range 1000 {
			bad := bytes.Clone(good)
			at := rng.IntN(len(bad))
			bad[at] ^= 1 << rng.IntN(8)
			expectRefused(t, db, fmt.Sprintf("flip %d at %d", i, at), bad, http.StatusBadRequest, "format", "digest")
		}
	})
	// In good, line 3 is event 21, line 3+i event 21+i.
	t.Run("event dropped", func(t *testing.T) {
		bad := rewrite(good, func(ls [][]byte) [][]byte { return append(ls[:50:50], ls[51:]...) })
		ref := expectRefused(t, db, "dropped", bad, 400, "sequence")
		if ref.Body.Line != 51 {
			t.Fatalf("line %d", ref.Body.Line)
		}
	})
	t.Run("event duplicated", func(t *testing.T) {
		bad := rewrite(good, func(ls [][]byte) [][]byte {
			return append(ls[:51:51], ls[50:]...)
		})
		expectRefused(t, db, "duplicated", bad, 400, "sequence")
	})
	t.Run("events reordered", func(t *testing.T) {
		bad := rewrite(good, func(ls [][]byte) [][]byte { ls[40], ls[41] = ls[41], ls[40]; return ls })
		expectRefused(t, db, "reordered", bad, 400, "sequence")
	})
	t.Run("event renumbered", func(t *testing.T) {
		bad := rewrite(good, func(ls [][]byte) [][]byte {
			ls[60] = bytes.Replace(ls[60], []byte("event 79 "), []byte("event 80 "), 1)
			return ls
		})
		expectRefused(t, db, "renumbered", bad, 400, "sequence")
		// Renumbered inside its bytes as well: its signature no longer
		// holds, and its successor no longer links to it.
		bad = rewrite(good, func(ls [][]byte) [][]byte {
			ls[60] = bytes.Replace(ls[60], []byte(`"seq":79,`), []byte(`"seq":80,`), 1)
			return ls
		})
		expectRefused(t, db, "renumbered inside", bad, 400, "sequence", "link")
	})
	t.Run("an event changed and its chain rebuilt", func(t *testing.T) {
		// The forger changes event 25 and re-links every later event:
		// every hash is right, but the signatures are not the laptop's.
		b, _ := bundle.Parse(good)
		evs := b.Events
		prev := b.Header.Prev
		for i := range evs {
			body := evs[i].Body
			if i == 4 {
				body = bytes.Replace(body, []byte(`"actor":"`), []byte(`"actor":"X`), 1)
			}
			body = relink(body, prev)
			evs[i].Body = body
			s := sha256.Sum256(body)
			prev = hex.EncodeToString(s[:])
		}
		bad, err := bundle.Encode(b.Header, evs, b.Checkpoint)
		if err != nil {
			t.Fatal(err)
		}
		ref := expectRefused(t, db, "rebuilt", bad, 400, "signature")
		if ref.Body.Seq != 25 || ref.Body.Line != 7 {
			t.Fatalf("refused at event %d line %d", ref.Body.Seq, ref.Body.Line)
		}
	})
	t.Run("signed by another laptop's key", func(t *testing.T) {
		b, _ := bundle.Parse(good)
		priv := otherKey(t, other)
		b.Events[30].Signature = ed25519.Sign(priv, b.Events[30].Body)
		bad, err := bundle.Encode(b.Header, b.Events, b.Checkpoint)
		if err != nil {
			t.Fatal(err)
		}
		ref := expectRefused(t, db, "other key", bad, 400, "signature")
		if ref.Body.Seq != 51 || ref.Body.Line != bundle.EventLine(30) {
			t.Fatalf("refused at event %d line %d", ref.Body.Seq, ref.Body.Line)
		}
		// The whole bundle re-signed by the other laptop, naming the
		// first laptop: the enrolled key says no; and if its header names
		// the other laptop's key, that is said first.
		for i := range b.Events {
			b.Events[i].Signature = ed25519.Sign(priv, b.Events[i].Body)
		}
		bad, _ = bundle.Encode(b.Header, b.Events, b.Checkpoint)
		expectRefused(t, db, "all by the other key", bad, 400, "signature")
		b.Header.Key = other.full.Header.Key
		bad, _ = bundle.Encode(b.Header, b.Events, b.Checkpoint)
		expectRefused(t, db, "all by the other key, named in the header", bad, 400, "key")
		// And a stored event's signature replaced in a bundle of what is
		// held: the stored signature is not taken on trust for it.
		b, _ = bundle.Parse(l.cut(t, 1, 20))
		b.Events[3].Signature = ed25519.Sign(priv, b.Events[3].Body)
		bad, _ = bundle.Encode(b.Header, b.Events, b.Checkpoint)
		expectRefused(t, db, "held event, other key", bad, 400, "signature")
	})
	t.Run("wrong epoch", func(t *testing.T) {
		b, _ := bundle.Parse(good)
		epoch := make([]byte, 16)
		rand.Read(epoch)
		b.Header.Epoch = hex.EncodeToString(epoch)
		b.Header.Origin = "examday/" + b.Header.Device + "/" + b.Header.Epoch
		bad, err := bundle.Encode(b.Header, b.Events, b.Checkpoint)
		if err != nil {
			t.Fatal(err)
		}
		expectRefused(t, db, "epoch edited", bad, 400, "checkpoint")
		// The checkpoint signed again under the other epoch, with the
		// laptop's own key: a key copied into another file.
		cp := l.checkpoint(t, b.Header.Origin, 120)
		bad, _ = bundle.Encode(b.Header, b.Events, cp)
		expectRefused(t, db, "epoch re-signed", bad, 403, "device")
	})
	t.Run("checkpoint of another root", func(t *testing.T) {
		b, _ := bundle.Parse(good)
		cp, _ := note.Sign(&note.Note{Text: fmt.Sprintf("%s\n%d\n%s\n", b.Header.Origin, 120, l.root(119))}, l.signer)
		bad, _ := bundle.Encode(b.Header, b.Events, cp)
		expectRefused(t, db, "root", bad, 400, "root")
	})
	t.Run("over the size limit", func(t *testing.T) {
		big := make([]byte, bundle.MaxSize+1)
		expectRefused(t, db, "big", big, http.StatusRequestEntityTooLarge, "size")
	})

	holds(t, db, l, 20)
	mustIngest(t, db, good)
	holds(t, db, l, 120)
	if err := db.CheckLogs(); err != nil {
		t.Fatal(err)
	}
}

// relink sets an event's "prev" to prev.
func relink(body []byte, prev string) []byte {
	i := bytes.LastIndex(body, []byte(`"prev":"`))
	out := append([]byte(nil), body[:i]...)
	return append(out, []byte(`"prev":"`+prev+`"}`)...)
}

// otherKey reads the private key of a laptop from its key file.
func otherKey(t *testing.T, l *laptop) ed25519.PrivateKey {
	t.Helper()
	text := readKeyText(t, l.path)
	fields := strings.SplitN(text, "+", 5)
	raw, err := decodeStd(fields[4])
	if err != nil || len(raw) != 33 {
		t.Fatalf("key file: %v", err)
	}
	return ed25519.NewKeyFromSeed(raw[1:])
}

// SPEC: the central "flags a fork (the same sequence number with
// different content) loudly". 150 events delivered; the laptop restored
// from a copy at 100 events appends 20 others: 409 at 101 with both
// hashes, both versions kept, the log frozen.
func TestIngestFlagsAForkKeepsBothAndFreezes(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "hall.db")
	restored := filepath.Join(dir, "restored.db")
	newLaptop(t, dir, 10, 100)
	copyHallFile(t, path, restored)
	appendJumps(t, path, 50, 7*time.Second)
	appendJumps(t, restored, 20, 9*time.Second)
	l, r := openLaptop(t, path), openLaptop(t, restored)
	if l.device() != r.device() || l.origin() != r.origin() {
		t.Fatal("the restored copy is not the same log")
	}
	db := newCentral(t)
	enroll(t, db, l.pub, "Audience 204")
	mustIngest(t, db, l.cut(t, 1, 150))

	stored101, incoming101 := l.full.Events[100].Hash(), r.full.Events[100].Hash()
	forked := r.cut(t, 101, 120)
	before, _ := snapshot(t, db)
	_, err := db.Ingest(forked, "http", "10.0.0.7:5000")
	ref := refusalOf(err)
	if ref == nil || ref.Status != http.StatusConflict || ref.Body.Check != central.CheckFork || ref.Body.Seq != 101 ||
		ref.Body.StoredHash != hex.EncodeToString(stored101[:]) || ref.Body.IncomingHash != hex.EncodeToString(incoming101[:]) {
		t.Fatalf("fork: %+v", ref)
	}
	if after, _ := snapshot(t, db); after == before {
		t.Fatal("the fork was not kept")
	}
	holds(t, db, l, 150) // the stored version is untouched
	forks, err := db.Forks()
	if err != nil || len(forks) != 1 || forks[0].Seq != 101 || forks[0].Origin != l.origin() {
		t.Fatalf("forks %+v %v", forks, err)
	}
	evidence, err := db.Evidence(forks[0].ID)
	if err != nil || !bytes.Equal(evidence, forked) {
		t.Fatalf("the evidence is not the bundle: %v", err)
	}
	if b, err := bundle.Parse(evidence); err != nil || b.Verify(l.pub) != nil {
		t.Fatalf("the evidence does not verify: %v", err)
	}
	logs, _ := db.Logs()
	if len(logs) != 1 || !logs[0].Frozen || logs[0].Fork == nil || logs[0].Fork.IncomingHash != ref.Body.IncomingHash {
		t.Fatalf("log %+v", logs)
	}
	// The whole restored log (1 … 120) is the same fork; any later push,
	// even of what is held, is refused: the log is frozen.
	for _, data := range [][]byte{r.cut(t, 1, 120), l.cut(t, 1, 150), l.cut(t, 140, 150)} {
		ref := expectRefused(t, db, "after the fork", data, http.StatusConflict, central.CheckFrozen)
		if ref.Body.Seq != 101 {
			t.Fatalf("frozen: %+v", ref)
		}
	}
	st, err := db.LogState(l.device(), l.full.Header.Epoch)
	if err != nil || !st.Frozen || st.Size != 150 {
		t.Fatalf("state %+v %v", st, err)
	}
	if err := db.CheckLogs(); err != nil {
		t.Fatal(err)
	}
}

// A restored laptop whose next bundle starts right after what it still
// has, but the central has more: its link names another event than the
// stored one, which is a fork at that event.
func TestIngestForkByLinkAndBundleFromOne(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "hall.db")
	restored := filepath.Join(dir, "restored.db")
	newLaptop(t, dir, 10, 100)
	copyHallFile(t, path, restored)
	appendJumps(t, path, 50, 7*time.Second)
	appendJumps(t, restored, 60, 9*time.Second)
	l, r := openLaptop(t, path), openLaptop(t, restored)
	db := newCentral(t)
	enroll(t, db, l.pub, "Audience 204")
	mustIngest(t, db, l.cut(t, 1, 150))
	ref := refusalOf(ingestErr(db, r.cut(t, 151, 160)))
	if ref == nil || ref.Status != 409 || ref.Body.Check != central.CheckFork || ref.Body.Seq != 150 {
		t.Fatalf("fork by link: %+v", ref)
	}
}
