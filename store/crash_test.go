package store_test

import (
	"bufio"
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"examday/exam"
	"examday/store"
)

// SPEC: "the laptop … may lose power"; every change "is on disk (fsync)
// before the screen says it happened." The crash test kills a writer at a
// random moment, over and over, and checks that nothing it acknowledged is
// lost and that the file opens whole every time.

var long = flag.Bool("long", false, "crash the writer 1,000 times instead of 50 (also EXAMDAY_LONG=1)")

const (
	envCrashChild = "EXAMDAY_TEST_CRASH_CHILD"
	envCrashSeed  = "EXAMDAY_CRASH_SEED"
)

type ack struct {
	seq  uint64
	hash [32]byte
	sig  []byte
}

func TestCrashAtAnyMomentLosesNoAcknowledgedEvent(t *testing.T) {
	cycles := 50
	if *long || os.Getenv("EXAMDAY_LONG") == "1" {
		cycles = 1000
	}
	seed := uint64(time.Now().UnixNano())
	if v := os.Getenv(envCrashSeed); v != "" {
		var err error
		if seed, err = strconv.ParseUint(v, 10, 64); err != nil {
			t.Fatalf("%s: %v", envCrashSeed, err)
		}
	}
	t.Logf("%d cycles, seed %d (%s=%d repeats the kill delays)", cycles, seed, envCrashSeed, seed)
	rng := rand.New(rand.NewPCG(seed, seed))

	// A fresh hall every cyclesPerFile cycles keeps the long run's reopen
	// times (which verify the whole chain) from growing without end.
	const cyclesPerFile = 250
	var (
		path   string
		acked  map[uint64]ack
		seen   verified
		delays time.Duration
	)
	for cycle := 0; cycle < cycles; cycle++ {
		if cycle%cyclesPerFile == 0 {
			// Only the hall and its roster: the child has arrivals and
			// materials to record as well as clock jumps.
			path = builtHall(t, 1000, 2)
			acked, seen = map[uint64]ack{}, verified{}
		}
		delay := time.Duration(5+rng.IntN(146)) * time.Millisecond
		delays += delay
		got := crashWriter(t, path, delay)
		for _, a := range got {
			acked[a.seq] = a
		}
		seen = verifyAfterCrash(t, path, acked, seen)
		if t.Failed() {
			t.Fatalf("cycle %d: killed %v after the first ACK, %d events acknowledged in it", cycle+1, delay, len(got))
		}
		if (cycle+1)%10 == 0 || cycle+1 == cycles {
			t.Logf("cycle %d: killed %v after the first ACK; %d events in the log, %d acknowledged", cycle+1, delay, seen.n, len(acked))
		}
	}
	t.Logf("mean kill delay %v", delays/time.Duration(cycles))
	requireDayWasCut(t, path)
}

// requireDayWasCut checks that the writer got as far as the examinee's
// day after the start, so the kills above cut those commits too.
func requireDayWasCut(t *testing.T, path string) {
	t.Helper()
	s := open(t, path)
	counts := map[string]int{}
	s.Events(1, func(r store.Record) error { counts[r.Event.Type]++; return nil })
	t.Logf("event types in the last file: %v", counts)
	for _, typ := range []string{exam.TypeExamStarted, exam.TypeTheoryIn, exam.TypeBreakOut, exam.TypeBreakIn,
		exam.TypeSituationalDrawn, exam.TypeCodeOut, exam.TypeCodeBack, exam.TypeHandedIn,
		exam.TypeViolationRecorded, exam.TypeCancelled} {
		if counts[typ] == 0 {
			t.Errorf("no %s in the log: the crash cycles never reached that step", typ)
		}
	}
}

// crashWriter runs TestCrashChild on path, kills it delay after its first
// acknowledgement, and returns every acknowledgement it printed.
func crashWriter(t *testing.T, path string, delay time.Duration) []ack {
	t.Helper()
	child := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
	child.Env = append(os.Environ(), envCrashChild+"="+path)
	child.Stderr = os.Stderr
	stdout, err := child.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}

	var (
		mu    sync.Mutex
		acks  []ack
		other []string // what else the child said, for a failure
	)
	first, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			a, ok := parseAck(sc.Text())
			mu.Lock()
			if ok {
				if len(acks) == 0 {
					close(first)
				}
				acks = append(acks, a)
			} else {
				other = append(other, sc.Text())
			}
			mu.Unlock()
		}
	}()

	select {
	case <-first:
		time.Sleep(delay)
	case <-done:
	case <-time.After(30 * time.Second):
	}
	killErr := child.Process.Kill()
	<-done
	waitErr := child.Wait()
	if errors.Is(killErr, os.ErrProcessDone) || waitErr == nil {
		t.Fatalf("the writer ended by itself (%v) before it was killed; it said:\n%s", waitErr, strings.Join(other, "\n"))
	}
	if len(acks) == 0 {
		t.Fatalf("the writer acknowledged nothing within 30 s; it said:\n%s", strings.Join(other, "\n"))
	}
	return acks
}

// ackLine is what the writer prints once Do has returned a record.
func ackLine(r store.Record) string {
	return fmt.Sprintf("ACK %d %x %x\n", r.Event.Seq, r.Hash, r.Signature)
}

// parseAck reads "ACK <seq> <hash-hex> <signature-hex>"; a line cut by the
// kill is not one.
func parseAck(line string) (ack, bool) {
	var a ack
	f := strings.Fields(line)
	if len(f) != 4 || f[0] != "ACK" {
		return a, false
	}
	seq, err := strconv.ParseUint(f[1], 10, 64)
	h, herr := hex.DecodeString(f[2])
	sig, serr := hex.DecodeString(f[3])
	if err != nil || herr != nil || serr != nil || len(h) != 32 || len(sig) != ed25519.SignatureSize {
		return a, false
	}
	a.seq, a.sig = seq, sig
	copy(a.hash[:], h)
	return a, true
}

// verified is how much of the log earlier cycles checked: its length, the
// hash of its last event and the root of its tree.
type verified struct {
	n    uint64
	hash [32]byte
	root tlog.Hash
}

// verifyAfterCrash opens the file as the officer's next start would and
// checks it against everything acknowledged so far. The store verifies the
// whole chain and tree at Open; the test checks on its own what was added
// since the last cycle, starting at the last event it checked: if that
// event's hash is unchanged and the chain verifies, so is everything
// before it. Each new event's signature must verify with the file's key
// and be the one acknowledged, its bytes must be in the tree (an inclusion
// proof against the signed checkpoint's root), and the tree checked in the
// last cycle must be a prefix of this one (a consistency proof).
func verifyAfterCrash(t *testing.T, path string, acked map[uint64]ack, seen verified) verified {
	t.Helper()
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatalf("reopen after the crash: %v", err)
	}
	defer s.Close()
	if err := s.Broken(); err != nil {
		t.Errorf("the log does not verify after the crash: %v", err)
	}
	// The state beside the log is what the screen shows: it must be the
	// log's projection, not half of a commit.
	if err := s.CheckProjection(); err != nil {
		t.Errorf("after the crash: %v", err)
	}
	size, root := s.TreeHead()
	cp, err := s.Checkpoint()
	if err != nil {
		t.Fatalf("after the crash: %v", err)
	}
	verifier, err := note.NewVerifier(s.VerifierKey())
	if err != nil {
		t.Fatal(err)
	}
	if n, err := note.Open(cp, note.VerifierList(verifier)); err != nil || n.Text != fmt.Sprintf("%s\n%d\n%s\n", s.Origin(), size, root) {
		t.Errorf("after the crash the checkpoint does not verify or is not of the tree %d %v: %v\n%s", size, root, err, cp)
	}
	if seen.n > 0 {
		proof, err := tlog.ProveTree(size, int64(seen.n), s)
		if err == nil {
			err = tlog.CheckTree(proof, size, root, int64(seen.n), seen.root)
		}
		if err != nil {
			t.Errorf("the tree of the %d events checked before the crash is not a prefix of the tree of %d: %v", seen.n, size, err)
		}
	}
	from, prev := uint64(1), strings.Repeat("0", 64)
	if seen.n > 0 {
		from = seen.n
	}
	n := from - 1
	err = s.Events(from, func(r store.Record) error {
		n++
		if r.Event.Seq != n {
			return fmt.Errorf("event %d where %d should be", r.Event.Seq, n)
		}
		if n == seen.n {
			if r.Hash != seen.hash {
				return fmt.Errorf("event %d: hash %x, checked in an earlier cycle as %x", n, r.Hash, seen.hash)
			}
		} else if r.Event.Prev != prev {
			return fmt.Errorf("event %d: prev %s, previous hash %s", n, r.Event.Prev, prev)
		}
		if sum := sha256.Sum256(r.Body); sum != r.Hash {
			return fmt.Errorf("event %d: stored hash %x, sha256 of its body %x", n, r.Hash, sum)
		}
		if want, ok := acked[n]; ok && (want.hash != r.Hash || !bytes.Equal(want.sig, r.Signature)) {
			return fmt.Errorf("event %d: hash %x signature %x, acknowledged as %x %x", n, r.Hash, r.Signature, want.hash, want.sig)
		}
		if !ed25519.Verify(s.PublicKey(), r.Body, r.Signature) {
			return fmt.Errorf("event %d: its signature does not verify", n)
		}
		if int64(n) <= size {
			proof, err := tlog.ProveRecord(size, int64(n-1), s)
			if err == nil {
				err = tlog.CheckRecord(proof, size, root, int64(n-1), tlog.RecordHash(r.Body))
			}
			if err != nil {
				return fmt.Errorf("event %d is not in the tree of %d events: %v", n, size, err)
			}
		}
		prev = hex.EncodeToString(r.Hash[:])
		seen = verified{n: n, hash: r.Hash, root: root}
		return nil
	})
	if err != nil {
		t.Error(err)
	}
	for seq := range acked {
		if seq > n {
			t.Errorf("acknowledged event %d is lost: the log ends at %d", seq, n)
		}
	}
	if last := s.Hall().LastSeq; last != n {
		t.Errorf("the state was built from %d events, the log holds %d", last, n)
	}
	if size != int64(n) {
		t.Errorf("the tree holds %d events, the log %d", size, n)
	}
	return seen
}

// TestCrashChild is not a test on its own: it is the writer that
// TestCrashAtAnyMomentLosesNoAcknowledgedEvent kills. It appends until it
// is killed, and says ACK for each event only once Do has returned.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(envCrashChild)
	if path == "" {
		t.Skip("run by TestCrashAtAnyMomentLosesNoAcknowledgedEvent")
	}
	s, err := store.Open(path, store.Options{Program: "examday-crash-child"})
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(uint64(os.Getpid()), uint64(time.Now().UnixNano())))
	// The chairman's agreement for violations and their corrections: the
	// domain checks the PIN against a hash; which hash is the test's.
	pinHash, err := exam.HashPIN("2468")
	if err != nil {
		t.Fatal(err)
	}
	agreement, ok := s.Hall().Agree(pinHash, "2468")
	if !ok {
		t.Fatal("the PIN does not verify against its own hash")
	}
	// A parent that died cannot kill us: stop on our own, which it would
	// report as a failure.
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); {
		recs, err := s.Do(func(h *exam.Hall) ([]exam.Event, error) { return crashDecision(h, s.History(), rng, agreement) })
		if err != nil {
			t.Fatal(err)
		}
		var out strings.Builder
		for _, r := range recs {
			out.WriteString(ackLine(r))
		}
		os.Stdout.WriteString(out.String())
	}
	t.Fatal("not killed within a minute")
}

// crashDecision is one action of the writer: a clock jump, a burst of
// them, or one step of the day for a few examinees at once — arrivals,
// materials, the start, then theory, breaks, situational tickets, the
// Criminal Code, hand-ins, violations with the chairman's agreement and
// corrections — so that commits of one event and of many, touching
// examinee records or not, replaying a day or not, are all cut.
func crashDecision(h *exam.Hall, history exam.EventSource, rng *rand.Rand, agreement exam.Agreement) ([]exam.Event, error) {
	now := time.Now()
	jump := func() (exam.Event, error) { return h.ClockJumped(3*time.Second, 0, now) }
	var out []exam.Event
	switch k := rng.IntN(10); {
	case k < 3:
		ev, err := jump()
		return []exam.Event{ev}, err
	case k < 4:
		for range 2 + rng.IntN(7) {
			ev, err := jump()
			if err != nil {
				return nil, err
			}
			out = append(out, ev)
		}
		return out, nil
	}
	if !h.Phase.Started() {
		if proposed, err := h.ProposeStart(); err == nil {
			ev, err := h.StartExam(proposed, "", now, "officer")
			return []exam.Event{ev}, err
		}
	}
	want := 1 + rng.IntN(5)
	examinees := h.Examinees()
	offset := rng.IntN(len(examinees))
	for i := range examinees {
		e := examinees[(offset+i)%len(examinees)]
		evs, err := crashStep(h, history, e, rng, agreement, now)
		if err != nil {
			return nil, err
		}
		if out = append(out, evs...); len(out) >= want {
			break
		}
	}
	if len(out) == 0 { // everyone's day is over
		ev, err := jump()
		return []exam.Event{ev}, err
	}
	return out, nil
}

// crashStep is the next step of one examinee's day, or nothing. Each
// examinee takes at most one step per commit: the decisions of one commit
// are all taken on the state before it.
func crashStep(h *exam.Hall, history exam.EventSource, e *exam.Examinee, rng *rand.Rand, agreement exam.Agreement, now time.Time) ([]exam.Event, error) {
	one := func(ev exam.Event, err error) ([]exam.Event, error) { return []exam.Event{ev}, err }
	if !h.Phase.Started() {
		switch e.Status {
		case exam.Registered:
			return one(h.Arrive(e.ID, now, "officer"))
		case exam.Present:
			return one(h.IssueMaterials(e.ID, "1", "", now, "officer"))
		}
		return nil, nil
	}
	if !e.Status.Sitting() {
		return nil, nil
	}
	switch r := rng.IntN(100); {
	case r < 3:
		// A correction of the examinee's latest entry, replayed in the
		// same write transaction; refused when later entries depend on it.
		if len(e.Seqs) > 0 {
			if last, err := history(e.Seqs[len(e.Seqs)-1]); err == nil {
				if ev, err := h.Cancel(last, "crash test correction", &agreement, history, now, "officer"); err == nil {
					return []exam.Event{ev}, nil
				}
			}
		}
	case r < 5:
		decision := exam.DecisionWarned
		if r == 4 {
			decision = exam.DecisionRemoved
		}
		return one(h.RecordViolation(e.ID, exam.ViolationInput{Clause: "f", Description: "notes", Witnesses: "member",
			Decision: decision}, agreement, now, "officer"))
	}
	switch e.Status {
	case exam.Materials:
		return one(h.HandTheoryIn(e.ID, now, "officer"))
	case exam.TheoryIn:
		if !e.BreakTaken {
			return one(h.LeaveRoom(e.ID, false, "", now, "officer"))
		}
		return one(h.DrawSituational(e.ID, strings.ReplaceAll(e.Seat, "-", ""), true, now, "officer"))
	case exam.OnBreak:
		return h.ComeBack(e.ID, now, "officer")
	case exam.BackIn:
		return one(h.DrawSituational(e.ID, strings.ReplaceAll(e.Seat, "-", ""), true, now, "officer"))
	case exam.Situational:
		switch {
		case e.CodeOut:
			return one(h.TakeBackCode(e.ID, now, "officer"))
		case e.CodeOutAt.IsZero():
			return one(h.HandOutCode(e.ID, now, "officer"))
		}
		return h.HandIn(e.ID, "", now, "officer")
	}
	return nil, nil
}
