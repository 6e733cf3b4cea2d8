package store_test

import (
	"bufio"
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"examday/exam"
	"examday/store"
	"examday/store/storetest"
)

// The file's layout as store.go documents it; tests that tamper with a
// file, as an attacker or a broken disk would, use it directly.
var (
	bucketMeta   = []byte("meta")
	bucketEvents = []byte("events")
	bucketHall   = []byte("hall")
)

const officer = "Серікбаев Д."

// checkBolt checks, once the test and every Close it registered are done,
// that the file at path is still a structurally sound bbolt file.
// Register it before the store's Close so that it runs after it.
func checkBolt(t *testing.T, path string) {
	t.Helper()
	t.Cleanup(func() {
		db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
		if err != nil {
			t.Errorf("bbolt check: open %s: %v", path, err)
			return
		}
		defer db.Close()
		err = db.View(func(tx *bolt.Tx) error {
			for err := range tx.Check() {
				t.Errorf("bbolt check: %s: %v", path, err)
			}
			return nil
		})
		if err != nil {
			t.Errorf("bbolt check: %v", err)
		}
	})
}

// newStore creates a hall file in a fresh directory and opens it.
func newStore(t *testing.T) (*store.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "hall.examday")
	checkBolt(t, path)
	s, err := store.Open(path, store.Options{Create: true, Program: "store-test"})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

// builtHall builds a hall file with storetest and registers its check.
func builtHall(t *testing.T, examinees, events int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "hall.examday")
	checkBolt(t, path)
	storetest.BuildHall(t, path, examinees, events)
	return path
}

func open(t *testing.T, path string) *store.Store {
	t.Helper()
	s, err := store.Open(path, store.Options{Program: "store-test"})
	if err != nil {
		t.Fatalf("Open %s: %v", path, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func mustDo(t *testing.T, s *store.Store, decide store.Decision) []store.Record {
	t.Helper()
	recs, err := s.Do(decide)
	if err != nil {
		t.Fatalf("Do: %v", err)
	}
	return recs
}

func records(t *testing.T, s *store.Store) []store.Record {
	t.Helper()
	var out []store.Record
	if err := s.Events(1, func(r store.Record) error { out = append(out, r); return nil }); err != nil {
		t.Fatalf("Events: %v", err)
	}
	return out
}

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// rawUpdate changes the file behind the store's back, with bbolt alone.
func rawUpdate(t *testing.T, path string, change func(tx *bolt.Tx) error) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(change); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}

func seqKey(seq uint64) []byte { return binary.BigEndian.AppendUint64(nil, seq) }

// snapshot spells out everything a hall's state holds, examinees included,
// so two states can be compared as text and a difference read in the log.
func snapshot(t *testing.T, h *exam.Hall) string {
	t.Helper()
	b, err := json.MarshalIndent(struct {
		Hall      *exam.Hall
		Examinees []*exam.Examinee
	}{h, h.Examinees()}, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func clockJump(at time.Time) store.Decision {
	return func(h *exam.Hall) ([]exam.Event, error) {
		ev, err := h.ClockJumped(10*time.Second, time.Second, at)
		return []exam.Event{ev}, err
	}
}

// The morning of a small hall, step by step as the officer records it,
// at instants with nanoseconds so that nothing is lost to rounding.
func TestReopenKeepsStateAndEveryEventByteForByte(t *testing.T) {
	s, path := newStore(t)
	roster := storetest.Roster(7)
	at := time.Date(2027, 8, 12, 8, 0, 0, 123456789, time.UTC)
	tick := func() time.Time { at = at.Add(time.Minute + 1); return at }

	var kept []store.Record
	kept = append(kept, mustDo(t, s, func(h *exam.Hall) ([]exam.Event, error) {
		return h.CreateHall(exam.HallSetup{Name: "Аудитория 214", Date: "2027-08-12", Officer: officer, Chairman: "Жұмабеков Қ."}, roster, tick(), officer)
	})...)
	arrived, issued := map[string]time.Time{}, map[string]time.Time{}
	for i, r := range roster {
		kept = append(kept, mustDo(t, s, func(h *exam.Hall) ([]exam.Event, error) {
			mark := h.Arrive
			if i == 3 {
				mark = h.MarkAbsent
			}
			arrived[r.ID] = tick()
			ev, err := mark(r.ID, arrived[r.ID], officer)
			return []exam.Event{ev}, err
		})...)
	}
	// The materials of everyone present in one Do: one commit, many events.
	kept = append(kept, mustDo(t, s, func(h *exam.Hall) ([]exam.Event, error) {
		var out []exam.Event
		for i, r := range roster {
			if i == 3 {
				continue
			}
			issued[r.ID] = tick()
			ev, err := h.IssueMaterials(r.ID, fmt.Sprint(10+i), "", issued[r.ID], officer)
			if err != nil {
				return nil, err
			}
			out = append(out, ev)
		}
		return out, nil
	})...)
	kept = append(kept, mustDo(t, s, func(h *exam.Hall) ([]exam.Event, error) {
		proposed, err := h.ProposeStart()
		if err != nil {
			return nil, err
		}
		ev, err := h.StartExam(proposed, "", tick(), officer)
		return []exam.Event{ev}, err
	})...)
	kept = append(kept, mustDo(t, s, clockJump(tick()))...)

	before := snapshot(t, s.Hall())
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s = open(t, path)
	if err := s.Broken(); err != nil {
		t.Fatalf("Broken after a clean reopen: %v", err)
	}
	hall := s.Hall()
	if after := snapshot(t, hall); after != before {
		t.Errorf("state changed across reopen:\nbefore %s\nafter  %s", before, after)
	}
	// The comparison above is only as good as what the state holds: check
	// that it holds the morning.
	if hall.Phase != exam.PhaseRunning || hall.LastSeq != uint64(len(kept)) || hall.ClockJumps != 1 {
		t.Errorf("after reopen: phase %q, last seq %d, clock jumps %d; want running, %d, 1", hall.Phase, hall.LastSeq, hall.ClockJumps, len(kept))
	}
	for i, e := range hall.Examinees() {
		want := exam.Materials
		if i == 3 {
			want = exam.Absent
		}
		if e.Status != want || e.ID != roster[i].ID {
			t.Errorf("examinee %d after reopen: %s %s, want %s %s", i, e.ID, e.Status, roster[i].ID, want)
		}
		switch {
		case want == exam.Absent && !e.AbsentAt.Equal(arrived[e.ID]):
			t.Errorf("examinee %d absent at %v, recorded at %v", i, e.AbsentAt, arrived[e.ID])
		case want == exam.Materials && (!e.ArrivedAt.Equal(arrived[e.ID]) || !e.MaterialsAt.Equal(issued[e.ID]) || e.Ticket != fmt.Sprint(10+i)):
			t.Errorf("examinee %d: arrived %v, materials %v, ticket %q; recorded %v, %v, %d",
				i, e.ArrivedAt, e.MaterialsAt, e.Ticket, arrived[e.ID], issued[e.ID], 10+i)
		}
	}
	if !hall.Start.Equal(hall.End.Add(-exam.ExamDuration)) || hall.Start.IsZero() {
		t.Errorf("start %v end %v after reopen", hall.Start, hall.End)
	}

	got := records(t, s)
	if len(got) != len(kept) {
		t.Fatalf("%d events after reopen, %d were appended", len(got), len(kept))
	}
	for i := range kept {
		if !bytes.Equal(got[i].Body, kept[i].Body) || got[i].Hash != kept[i].Hash {
			t.Errorf("event %d changed across reopen:\nappended %x %s\nread     %x %s", i+1, kept[i].Hash, kept[i].Body, got[i].Hash, got[i].Body)
		}
		if got[i].Event.Seq != uint64(i+1) || !got[i].Event.At.Equal(kept[i].Event.At) {
			t.Errorf("event %d decoded as seq %d at %v, appended at %v", i+1, got[i].Event.Seq, got[i].Event.At, kept[i].Event.At)
		}
	}

	// The log goes on where it stopped: next seq, linked to the last hash.
	next := mustDo(t, s, clockJump(tick()))
	if next[0].Event.Seq != uint64(len(kept)+1) || next[0].Event.Prev != hex.EncodeToString(kept[len(kept)-1].Hash[:]) {
		t.Errorf("first event after reopen: seq %d prev %s; want %d linked to %x", next[0].Event.Seq, next[0].Event.Prev, len(kept)+1, kept[len(kept)-1].Hash)
	}
}

// SPEC: "A second copy of the program on the same file gets a clear message
// within a second, not a hang."
func TestSecondOpenerInSameProcessIsToldWhoHoldsTheFile(t *testing.T) {
	path := builtHall(t, 5, 10)
	first, err := store.Open(path, store.Options{Program: "examday-first"})
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()

	start := time.Now()
	second, err := store.Open(path, store.Options{Program: "examday-second"})
	took := time.Since(start)
	if err == nil {
		second.Close()
		t.Fatal("a second Open of a file already open succeeded")
	}
	assertInUse(t, err, took, "examday-first", os.Getpid())

	// The holder is not disturbed by the attempt.
	if _, err := first.Do(clockJump(storetest.Base.Add(time.Hour))); err != nil {
		t.Errorf("the holder cannot write after a second open was refused: %v", err)
	}
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	again, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatalf("Open after the holder closed: %v", err)
	}
	again.Close()
}

func assertInUse(t *testing.T, err error, took time.Duration, program string, pid int) {
	t.Helper()
	if !errors.Is(err, store.ErrInUse) {
		t.Errorf("second open: %v; want ErrInUse", err)
	}
	if took > 2*time.Second {
		t.Errorf("second open took %v to fail; SPEC wants a message within a second, not a hang", took)
	}
	for _, want := range []string{program, fmt.Sprintf("process %d", pid)} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q does not name the holder (%q)", err, want)
		}
	}
}

const envHold = "EXAMDAY_TEST_HOLD"

// The same, with the holder a real second program: this test binary run
// again as TestHoldChild, holding the file until its stdin closes.
func TestSecondOpenerWhileAnotherProcessHoldsTheFile(t *testing.T) {
	path := builtHall(t, 5, 10)
	before := fileSum(t, path)

	child := exec.Command(os.Args[0], "-test.run=^TestHoldChild$", "-test.count=1")
	child.Env = append(os.Environ(), envHold+"="+path)
	child.Stderr = os.Stderr
	stdin, err := child.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := child.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	defer child.Process.Kill()

	holding := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "HOLDING") {
				holding <- sc.Text()
			}
		}
		close(holding)
		io.Copy(io.Discard, stdout)
	}()
	select {
	case line, ok := <-holding:
		if !ok {
			t.Fatalf("the child ended without opening the file")
		}
		t.Logf("child: %s", line)
	case <-time.After(20 * time.Second):
		t.Fatal("the child did not open the file within 20 s")
	}

	start := time.Now()
	s, err := store.Open(path, store.Options{Program: "examday-second"})
	took := time.Since(start)
	if err == nil {
		s.Close()
		t.Fatal("Open succeeded while another process holds the file")
	}
	assertInUse(t, err, took, "examday-child", child.Process.Pid)
	t.Logf("refused in %v: %v", took.Round(time.Millisecond), err)

	stdin.Close()
	if err := child.Wait(); err != nil {
		t.Fatalf("child: %v", err)
	}
	if fileSum(t, path) != before {
		t.Error("the file changed, though nobody wrote to it")
	}
	s, err = store.Open(path, store.Options{})
	if err != nil {
		t.Fatalf("Open after the other process let go: %v", err)
	}
	s.Close()
}

// TestHoldChild is not a test on its own: it is the other program of
// TestSecondOpenerWhileAnotherProcessHoldsTheFile.
func TestHoldChild(t *testing.T) {
	path := os.Getenv(envHold)
	if path == "" {
		t.Skip("run by TestSecondOpenerWhileAnotherProcessHoldsTheFile")
	}
	s, err := store.Open(path, store.Options{Program: "examday-child"})
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("HOLDING pid %d\n", os.Getpid())
	io.Copy(io.Discard, os.Stdin)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

// SPEC: "A damaged file gets a clear message and is never overwritten."
func TestDamagedFileIsRefusedAndLeftUntouched(t *testing.T) {
	real := builtHall(t, 50, 300)
	whole, err := os.ReadFile(real)
	if err != nil {
		t.Fatal(err)
	}
	// bbolt grows a file ahead of use: pages at and past its high-water
	// mark hold nothing yet. Cutting into the pages in use is damage.
	var inUse, pageSize int
	db, err := bolt.Open(real, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	pageSize = db.Info().PageSize
	db.View(func(tx *bolt.Tx) error { inUse = int(tx.Size()); return nil })
	db.Close()
	t.Logf("real file: %d bytes, %d in use, pages of %d", len(whole), inUse, pageSize)

	random := func(n int) func(t *testing.T, path string) {
		return func(t *testing.T, path string) {
			b := make([]byte, n)
			rand.Read(b)
			writeFile(t, path, b)
		}
	}
	cut := func(n int) func(t *testing.T, path string) {
		return func(t *testing.T, path string) { writeFile(t, path, whole[:n]) }
	}
	cases := []struct {
		name  string
		make  func(t *testing.T, path string)
		wants []error // any of
	}{
		{"random 4 KiB", random(4 << 10), []error{store.ErrNotExamday}},
		{"random 64 KiB", random(64 << 10), []error{store.ErrNotExamday}},
		{"empty", cut(0), []error{store.ErrNotExamday}},
		{"cut to 100 bytes", cut(100), []error{store.ErrNotExamday}},
		{"cut to one page", cut(pageSize), []error{store.ErrNotExamday}},
		{"cut to half", cut(inUse / 2 / pageSize * pageSize), []error{store.ErrDamaged}},
		{"last page in use cut off", cut(inUse - pageSize), []error{store.ErrDamaged}},
		{"last byte cut off", cut(len(whole) - 1), []error{store.ErrDamaged}},
		{"foreign bbolt file", func(t *testing.T, path string) {
			db, err := bolt.Open(path, 0o600, nil)
			if err != nil {
				t.Fatal(err)
			}
			db.Update(func(tx *bolt.Tx) error {
				b, _ := tx.CreateBucket([]byte("users"))
				return b.Put([]byte("alice"), []byte(`{"admin":true}`))
			})
			db.Close()
		}, []error{store.ErrNotExamday}},
		{"newer schema", func(t *testing.T, path string) {
			writeFile(t, path, whole)
			rawUpdate(t, path, func(tx *bolt.Tx) error {
				return tx.Bucket(bucketMeta).Put([]byte("schema"), []byte("99"))
			})
		}, []error{store.ErrNewerSchema}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "hall.examday")
			c.make(t, path)
			before := fileSum(t, path)
			for _, create := range []bool{false, true} {
				s, err := store.Open(path, store.Options{Create: create})
				if err == nil {
					s.Close()
					t.Fatalf("Open(Create: %v) accepted it", create)
				}
				if !isAny(err, c.wants) {
					t.Errorf("Open(Create: %v): %v; want %v", create, err, c.wants)
				}
			}
			if fileSum(t, path) != before {
				t.Error("the refused file was changed")
			}
			if _, err := os.Stat(path + ".owner"); err == nil {
				t.Error("an owner note was left beside a file that was refused")
			}
		})
	}
	// What is past the high-water mark holds nothing: losing it loses
	// nothing, and the file opens with every event.
	t.Run("unused tail cut off", func(t *testing.T) {
		if len(whole) == inUse {
			t.Skip("the file has no unused tail")
		}
		path := filepath.Join(t.TempDir(), "hall.examday")
		writeFile(t, path, whole[:inUse])
		key, err := os.ReadFile(store.KeyPath(real))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, store.KeyPath(path), key)
		checkBolt(t, path)
		s := open(t, path)
		if err := s.Broken(); err != nil || s.Hall().LastSeq != 300 || len(records(t, s)) != 300 {
			t.Errorf("broken %v, last seq %d; want a whole file of 300 events", err, s.Hall().LastSeq)
		}
	})
}

func isAny(err error, targets []error) bool {
	for _, target := range targets {
		if errors.Is(err, target) {
			return true
		}
	}
	return false
}

func writeFile(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// SPEC: "Editing or deleting a past event is detectable." A file whose log
// does not verify opens read-only, says where, and is never written to.
func TestTamperedLogOpensReadOnlyAtTheFirstBadEvent(t *testing.T) {
	const total, victim = 60, 30
	editBody := func(body []byte) []byte {
		// A ticket number changed after the fact.
		out := bytes.Replace(body, []byte(`"ticket":"`), []byte(`"ticket":"9`), 1)
		if bytes.Equal(out, body) {
			t.Fatalf("event %d has no ticket: %s", victim, body)
		}
		return out
	}
	cases := []struct {
		name    string
		tamper  func(tx *bolt.Tx) error
		wantSeq uint64 // 0: any
	}{
		{"a byte flipped in an event", func(tx *bolt.Tx) error {
			r := getRec(tx, victim)
			r.body[len(r.body)/2] ^= 0x20
			return putRec(tx, victim, r)
		}, victim},
		{"an event deleted from the middle", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketEvents).Delete(seqKey(victim))
		}, victim},
		// The chain alone would break at the next event, whose prev no
		// longer matches; the Merkle tree finds the edited event itself.
		{"an event edited and its hash recomputed", func(tx *bolt.Tx) error {
			r := getRec(tx, victim)
			r.body = editBody(r.body)
			sum := sha256.Sum256(r.body)
			r.hash = sum[:]
			return putRec(tx, victim, r)
		}, victim},
		{"the newest event deleted", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketEvents).Delete(seqKey(total))
		}, 0},
		{"the record of the log's end disagrees with its length", headOneShort(total), total},
		{"the newest event deleted with the record of the log's end", func(tx *bolt.Tx) error {
			if err := tx.Bucket(bucketEvents).Delete(seqKey(total)); err != nil {
				return err
			}
			return headOneShort(total)(tx)
		}, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := builtHall(t, 20, total)
			rawUpdate(t, path, c.tamper)
			before := fileSum(t, path)

			s, err := store.Open(path, store.Options{})
			if err != nil {
				t.Fatalf("Open: %v; a file whose log does not verify opens read-only", err)
			}
			var chain *store.ChainError
			if !errors.As(s.Broken(), &chain) {
				s.Close()
				t.Fatalf("Broken() = %v; want a *ChainError", s.Broken())
			}
			if c.wantSeq != 0 && chain.Seq != c.wantSeq {
				t.Errorf("chain breaks at %d (%s); want %d", chain.Seq, chain.Reason, c.wantSeq)
			}
			t.Logf("%v", chain)
			if _, err := s.Do(clockJump(storetest.Base.Add(time.Hour))); !errors.Is(err, store.ErrReadOnly) {
				t.Errorf("Do on a broken file: %v; want ErrReadOnly", err)
			}
			if err := s.SetSetting("lang", "kk"); !errors.Is(err, store.ErrReadOnly) {
				t.Errorf("SetSetting on a broken file: %v; want ErrReadOnly", err)
			}
			// Read-only is still readable: the officer can see what is there.
			if s.Hall().Name == "" || len(records(t, s)) < total-1 {
				t.Errorf("a broken file can no longer be read")
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if fileSum(t, path) != before {
				t.Error("the broken file was written to")
			}
		})
	}
}

// forgeFrom rewrites the log from event victim on as a forger with the
// file would: victim's body changed by edit, and every later event's prev
// and hash recomputed so that each link holds.
func forgeFrom(victim uint64, edit func(body []byte) []byte) func(tx *bolt.Tx) error {
	return func(tx *bolt.Tx) error {
		events := tx.Bucket(bucketEvents)
		var oldHash, newHash []byte // of the event before, as it was and as forged
		for seq := victim; ; seq++ {
			v := events.Get(seqKey(seq))
			if v == nil {
				return nil
			}
			r := getRec(tx, seq)
			body := bytes.Clone(r.body)
			if seq == victim {
				body = edit(body)
			} else {
				body = bytes.Replace(body, []byte(hex.EncodeToString(oldHash)), []byte(hex.EncodeToString(newHash)), 1)
			}
			oldHash = bytes.Clone(v[:32])
			sum := sha256.Sum256(body)
			newHash = sum[:]
			r.hash, r.body = sum[:], body
			if err := putRec(tx, seq, r); err != nil {
				return err
			}
		}
	}
}

// The chain check reads each event as encoding/json reads it (as the
// central record will): a body written differently but saying the same
// verifies; one that says another seq or prev to a JSON reader does not,
// however much of it looks like the usual layout. The forger here holds
// the key file, and signs and hashes the edited log into its tree again:
// only the chain check stands between the edit and the log.
func TestChainCheckReadsEachEventAsJSONDoes(t *testing.T) {
	const total, victim = 40, 25
	beforePrev := func(extra string) func([]byte) []byte {
		return func(body []byte) []byte {
			i := bytes.LastIndex(body, []byte(`,"prev":"`))
			return slices.Concat(body[:i], []byte(extra), body[i:])
		}
	}
	cases := []struct {
		name   string
		edit   func([]byte) []byte
		broken bool
	}{
		{"the same facts with a space", func(body []byte) []byte {
			return append([]byte("{ "), body[1:]...)
		}, false},
		{"the same facts with an escape", func(body []byte) []byte {
			return bytes.Replace(body, []byte(`"type":"m`), []byte(`"type":"\u006D`), 1) // materials.issued
		}, false},
		{"a second seq in capitals", beforePrev(`,"SEQ":999`), true},
		{"a second seq with an escape", beforePrev(`,"s\u0065q":999`), true},
		{"a second seq with a long s", beforePrev(`,"ſeq":999`), true},
		{"a second prev after the last", func(body []byte) []byte {
			return append(body[:len(body)-1], []byte(`,"PREV":"`+strings.Repeat("0", 64)+`"}`)...)
		}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := builtHall(t, 20, total)
			rawUpdate(t, path, forgeFrom(victim, c.edit))
			rawUpdate(t, path, reseal(t, readKeyFile(t, path)))
			s := open(t, path)
			var chain *store.ChainError
			switch {
			case !c.broken && s.Broken() != nil:
				t.Errorf("Broken() = %v; the event says the same to a JSON reader", s.Broken())
			case c.broken && !errors.As(s.Broken(), &chain):
				t.Errorf("Broken() = %v; want a *ChainError at %d", s.Broken(), victim)
			case c.broken && (chain.Seq != victim || chain.Check != store.CheckChain):
				t.Errorf("log breaks at %d in its %s (%s); want %d in its chain", chain.Seq, chain.Check, chain.Reason, victim)
			}
			if !c.broken && len(records(t, s)) != total {
				t.Errorf("the log does not read back whole")
			}
		})
	}
}

func TestRefusedDecisionWritesNothing(t *testing.T) {
	path := builtHall(t, 10, 12) // created, roster, 10 arrivals
	s := open(t, path)
	before, beforeLog := snapshot(t, s.Hall()), records(t, s)

	_, err := s.Do(func(h *exam.Hall) ([]exam.Event, error) {
		ev, err := h.Arrive("E000001", storetest.Base.Add(time.Hour), officer) // already present
		return []exam.Event{ev}, err
	})
	var refusal *exam.Refusal
	if !errors.As(err, &refusal) || refusal.Code != exam.RefuseTransition {
		t.Fatalf("second arrival: %v; want the domain's refusal", err)
	}
	// An event the domain would refuse to apply, second in a batch whose
	// first event applies: the whole batch is refused, and the first
	// event's change to the state is undone.
	_, err = s.Do(func(h *exam.Hall) ([]exam.Event, error) {
		ok, err := h.IssueMaterials("E000001", "7", "", storetest.Base.Add(time.Hour), officer)
		if err != nil {
			return nil, err
		}
		bad := ok
		bad.Examinee = "E999999"
		return []exam.Event{ok, bad}, nil
	})
	if err == nil {
		t.Fatal("a batch with an event for an unknown examinee was accepted")
	}

	if after := snapshot(t, s.Hall()); after != before {
		t.Errorf("state changed by refused decisions:\nbefore %s\nafter  %s", before, after)
	}
	if got := records(t, s); len(got) != len(beforeLog) {
		t.Errorf("log holds %d events after refusals, %d before", len(got), len(beforeLog))
	}
	// And the log goes on from where it was, on disk as in memory.
	rec := mustDo(t, s, clockJump(storetest.Base.Add(2*time.Hour)))
	if rec[0].Event.Seq != 13 || rec[0].Event.Prev != hex.EncodeToString(beforeLog[11].Hash[:]) {
		t.Errorf("next event: seq %d prev %s; want 13 linked to event 12", rec[0].Event.Seq, rec[0].Event.Prev)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = open(t, path)
	if err := s.Broken(); err != nil || s.Hall().LastSeq != 13 {
		t.Errorf("after reopen: broken %v, last seq %d; want a sound log of 13", err, s.Hall().LastSeq)
	}
}

var rfc3339Nano9UTC = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$`)

// The events as JSON lines are what a script and the central record read.
func TestEventsAsJSONLinesCarryEveryFieldAndTheirHash(t *testing.T) {
	path := builtHall(t, 5, 13) // created, roster, 5 arrivals, 5 materials, started: every event with data
	s := open(t, path)
	prevHash := strings.Repeat("0", 64)
	var n uint64
	err := s.Events(1, func(r store.Record) error {
		n++
		line := r.JSONLine()
		var got map[string]json.RawMessage
		if err := json.Unmarshal(line, &got); err != nil {
			t.Fatalf("event %d: not JSON: %v\n%s", n, err, line)
		}
		str := func(key string) string {
			var v string
			if err := json.Unmarshal(got[key], &v); err != nil {
				t.Errorf("event %d: %s: %v in %s", n, key, err, line)
			}
			return v
		}
		var seq uint64
		if err := json.Unmarshal(got["seq"], &seq); err != nil || seq != n {
			t.Errorf("event %d: seq %s", n, got["seq"])
		}
		at := str("at")
		if !rfc3339Nano9UTC.MatchString(at) {
			t.Errorf("event %d: at %q is not RFC 3339 UTC with 9 fraction digits", n, at)
		}
		if parsed, err := time.Parse(time.RFC3339Nano, at); err != nil || !parsed.Equal(r.Event.At) {
			t.Errorf("event %d: at %q, event at %v", n, at, r.Event.At)
		}
		if typ := str("type"); typ != r.Event.Type || typ == "" {
			t.Errorf("event %d: type %q", n, typ)
		}
		if actor := str("actor"); actor != storetest.Officer {
			t.Errorf("event %d: actor %q", n, actor)
		}
		if r.Event.Examinee != "" && str("examinee") != r.Event.Examinee {
			t.Errorf("event %d: examinee %s, want %q", n, got["examinee"], r.Event.Examinee)
		}
		if !bytes.Equal(got["data"], r.Event.Data) || len(r.Event.Data) == 0 {
			t.Errorf("event %d: data %s, event data %s", n, got["data"], r.Event.Data)
		}
		if prev := str("prev"); prev != prevHash {
			t.Errorf("event %d: prev %s, previous hash %s", n, prev, prevHash)
		}
		sum := sha256.Sum256(r.Body)
		if hash := str("hash"); hash != hex.EncodeToString(sum[:]) || sum != r.Hash {
			t.Errorf("event %d: hash %s; sha256 of its body is %x", n, hash, sum)
		}
		prevHash = hex.EncodeToString(sum[:])
		sig, err := base64.StdEncoding.DecodeString(str("sig"))
		if err != nil || !ed25519.Verify(s.PublicKey(), r.Body, sig) {
			t.Errorf("event %d: sig %s does not verify over its stored body with the file's key", n, got["sig"])
		}
		// The line is the stored body with the hash added, nothing else.
		if !bytes.HasPrefix(line, bytes.TrimSuffix(r.Body, []byte("}"))) {
			t.Errorf("event %d: line %s does not start with its stored body %s", n, line, r.Body)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != 13 {
		t.Fatalf("%d events, want 13", n)
	}
	var first []uint64
	s.Events(12, func(r store.Record) error { first = append(first, r.Event.Seq); return nil })
	if fmt.Sprint(first) != "[12 13]" {
		t.Errorf("Events(12, …) gave %v; want [12 13]", first)
	}
}

// SPEC: the chairman's PIN is "stored only as a slow hash", and the log,
// which leaves the laptop, must not carry it.
func TestSecretIsKeptWithItsEventsButOutOfTheLog(t *testing.T) {
	s, path := newStore(t)
	const pinHash = "$argon2id$v=19$m=65536,t=3,p=2$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5"
	_, err := s.DoWithSecret(store.SecretChairmanPIN, pinHash, func(h *exam.Hall) ([]exam.Event, error) {
		return h.CreateHall(exam.HallSetup{Name: "Аудитория 214", Date: "2027-08-12", Officer: officer, Chairman: "Жұмабеков Қ."},
			storetest.Roster(3), storetest.Base, officer)
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = open(t, path)
	if got := s.Secret(store.SecretChairmanPIN); got != pinHash {
		t.Errorf("secret after reopen: %q", got)
	}
	for _, r := range records(t, s) {
		if bytes.Contains(r.Body, []byte("argon2id")) || bytes.Contains(r.Body, []byte("c2FsdHNhbHRzYWx0")) {
			t.Errorf("event %d carries the PIN hash: %s", r.Event.Seq, r.Body)
		}
	}
	// A refused decision keeps no secret either.
	if _, err := s.DoWithSecret(store.SecretChairmanPIN, "other", func(h *exam.Hall) ([]exam.Event, error) {
		return h.CreateHall(exam.HallSetup{}, nil, storetest.Base, officer)
	}); err == nil {
		t.Fatal("a second hall was created")
	}
	if got := s.Secret(store.SecretChairmanPIN); got != pinHash {
		t.Errorf("a refused decision changed the secret to %q", got)
	}
}

func TestOpenWithoutCreateFindsNoFileAndMakesNone(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hall.examday")
	if _, err := store.Open(path, store.Options{}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Open of a missing file: %v; want ErrNotFound", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Open without Create made a file: %v", err)
	}
}

// The state kept beside the log is only a projection of it: replaying the
// log from nothing gives the same hall, and a state record changed behind
// the log's back is found.
func TestStateIsTheProjectionOfTheLog(t *testing.T) {
	path := builtHall(t, 50, 400)
	s := open(t, path)
	if err := s.CheckProjection(); err != nil {
		t.Fatalf("a hall built through Do: %v", err)
	}
	s.Close()

	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte("examinees"))
		k, v := b.Cursor().First()
		return b.Put(k, bytes.Replace(v, []byte(`"status":"materials"`), []byte(`"status":"absent"`), 1))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	s2 := open(t, path)
	err = s2.CheckProjection()
	if want := `examinee E000001: status is "materials" in the log but "absent"`; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("an examinee record edited behind the log: CheckProjection = %v; want %q", err, want)
	}
}
