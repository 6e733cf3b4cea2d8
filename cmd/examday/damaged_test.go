package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	bolt "go.etcd.io/bbolt"

	"examday/i18n"
	"examday/store"
	"examday/store/storetest"
	"examday/tui"
)

// Issue 9: a damaged file never crashes the program. One byte of a hall
// file of many pages is changed, on a fresh copy each time, at positions
// spread over the whole file; the read-only commands and the reads the
// screens make are run on it in a child process, so that a crash is seen
// as the child's exit status and a hang as its timeout, not as this test
// dying. Each must refuse the file, or open it read-only naming the
// damage, or — the byte being one nothing reads — do exactly what it does
// on the sound file; and the file must be as it was found.

const (
	envFlipChild = "EXAMDAY_TEST_FLIP_CHILD" // the child's steps, as JSON
	envFlipSeed  = "EXAMDAY_FLIP_SEED"
	envFlips     = "EXAMDAY_FLIPS"
)

// flipStep is one thing the child does to the file: a command line, or
// (Screen) the reads the screens make.
type flipStep struct {
	Args   []string `json:"args,omitempty"`
	Screen string   `json:"screen,omitempty"` // the file, for the screen's reads
	// Output is a file the command writes: what it holds is part of what
	// the step says (less the report's own time, which differs each run).
	Output string `json:"output,omitempty"`
}

// flipResult is what one step did.
type flipResult struct {
	Code   int    `json:"code"`
	Stdout string `json:"stdout,omitempty"`
	Stderr string `json:"stderr,omitempty"`
}

// flipSteps are the steps run on the file at db: verify-log, which reads
// and checks everything a command reads; and with all, the other
// read-only commands and the screen's reads as well. Each opens the file
// and checks every signature, a tenth of a second here: all of them on
// every flip would take CI minutes, so the test gives all to every
// allEvery-th flip (to all of them with EXAMDAY_LONG=1).
func flipSteps(db, dir string, all bool) []flipStep {
	steps := []flipStep{{Args: []string{"verify-log", "--db", db}}}
	if all {
		steps = append(steps,
			flipStep{Args: []string{"events", "--json", "--db", db}},
			flipStep{Args: []string{"report", "--out", filepath.Join(dir, "report.csv"), "--db", db}, Output: filepath.Join(dir, "report.csv")},
			flipStep{Screen: db})
	}
	return steps
}

const allEvery = 10

func TestDamagedFileIsRefusedOrReadOnlyNeverACrash(t *testing.T) {
	if testing.Short() {
		t.Skip("flips a thousand bytes")
	}
	flips := 1000
	if v := os.Getenv(envFlips); v != "" {
		var err error
		if flips, err = strconv.Atoi(v); err != nil {
			t.Fatalf("%s: %v", envFlips, err)
		}
	}
	seed := uint64(9) // the number: the same flips every run unless asked
	if v := os.Getenv(envFlipSeed); v != "" {
		var err error
		if seed, err = strconv.ParseUint(v, 10, 64); err != nil {
			t.Fatalf("%s: %v", envFlipSeed, err)
		}
	}
	built := filepath.Join(t.TempDir(), "hall.db")
	storetest.BuildDay(t, built, 300, 10, 50)
	sound, err := os.ReadFile(built)
	if err != nil {
		t.Fatal(err)
	}
	key, err := os.ReadFile(store.KeyPath(built))
	if err != nil {
		t.Fatal(err)
	}
	pageSize := os.Getpagesize() // bbolt's, for a new file
	t.Logf("a hall file of %d bytes (%d pages); %d flips, seed %d (%s=%d repeats them)", len(sound), len(sound)/pageSize, flips, seed, envFlipSeed, seed)

	// What each step says of the sound file, where every step is run in a
	// folder of the same name so that paths in the words are the same.
	base := t.TempDir()
	folder := func(n int) string { return filepath.Join(base, strconv.Itoa(n)) }
	long := os.Getenv("EXAMDAY_LONG") == "1"
	baseline := runFlip(t, folder(-1), sound, key, true)
	if !baseline.ran || !baseline.same() {
		t.Fatalf("the sound file: %s", baseline.describe())
	}
	for i, r := range baseline.results {
		if r.Code != 0 || r.Stderr != "" {
			t.Fatalf("the sound file: step %d exits %d: %s", i, r.Code, r.Stderr)
		}
	}

	rng := rand.New(rand.NewPCG(seed, seed))
	type flip struct {
		pos int
		xor byte
	}
	all := make([]flip, flips)
	for i := range all {
		// One position in each of flips equal stretches of the file.
		lo, hi := len(sound)*i/flips, len(sound)*(i+1)/flips
		all[i] = flip{pos: lo + rng.IntN(max(hi-lo, 1)), xor: byte(1 + rng.IntN(255))}
	}

	start := time.Now()
	var (
		mu                                 sync.Mutex
		refused, readOnly, unharmed, wrote int
		wroteAt                            []string
	)
	work := make(chan int)
	var wg sync.WaitGroup
	for range runtime.NumCPU() + 1 {
		wg.Go(func() {
			for n := range work {
				f := all[n]
				damaged := bytes.Clone(sound)
				damaged[f.pos] ^= f.xor
				run := runFlip(t, folder(n), damaged, key, long || n%allEvery == 0)
				where := fmt.Sprintf("flip %d: byte %d (page %d, offset %d) ^ %#02x", n, f.pos, f.pos/pageSize, f.pos%pageSize, f.xor)
				verdict, problem := run.judge(baseline)
				mu.Lock()
				switch {
				case problem != "":
					t.Errorf("%s: %s\n%s", where, problem, run.describe())
				case verdict == "refused":
					refused++
				case verdict == "read-only":
					readOnly++
				default:
					unharmed++
				}
				if problem == "" && !run.same() {
					if verdict == "unharmed" {
						// A sound file opened for writing may keep a
						// checkpoint when it is closed, or be upgraded:
						// not this test's concern (read-only opens).
						wrote++
						wroteAt = append(wroteAt, where)
					} else {
						t.Errorf("%s: the file was changed by a %s open\n%s", where, verdict, run.describe())
					}
				}
				mu.Unlock()
			}
		})
	}
	for n := range all {
		work <- n
	}
	close(work)
	wg.Wait()
	t.Logf("%d flips in %v: %d refused, %d opened read-only, %d read as the sound file (%d of them written to by a writable open)",
		flips, time.Since(start).Round(time.Millisecond), refused, readOnly, unharmed, wrote)
	for _, w := range wroteAt {
		t.Logf("written by a writable open: %s", w)
	}
}

// flipRun is what the child did with one file.
type flipRun struct {
	ran      bool   // the child ended by itself and said what every step did
	exit     string // how the child ended, when it did not
	output   string // what the child printed besides the results
	results  []flipResult
	before   []byte // the file as given
	after    []byte // the file after the steps
	db, work string
}

// same reports whether the file is byte for byte as it was given.
func (r *flipRun) same() bool { return bytes.Equal(r.before, r.after) }

func (r *flipRun) describe() string {
	var b strings.Builder
	if !r.ran {
		fmt.Fprintf(&b, "  the child did not finish: %s\n", r.exit)
	}
	for i, res := range r.results {
		fmt.Fprintf(&b, "  step %d: exit %d\n    stderr: %s\n    stdout: %.300s\n", i, res.Code, res.Stderr, res.Stdout)
	}
	if out := strings.TrimSpace(r.output); out != "" {
		fmt.Fprintf(&b, "  the child printed:\n%.4000s\n", out)
	}
	return b.String()
}

// Words the catalogue gives for what a damaged file does to a command.
var (
	cat            = i18n.New(i18n.EN)
	refusalWords   = []string{"cli.open.damaged", "cli.open.not_examday"}
	readOnlyWords  = "cli.open.read_only"
	notVerifyWords = "cli.verifylog.failed"
)

// judge says what the steps did with the damaged file: "refused",
// "read-only" (opened read-only, naming the damage) or "unharmed" (read
// exactly as the sound file), or the problem: a crash, a hang, words
// that are not the catalogue's, or damage that went unnamed.
func (r *flipRun) judge(sound *flipRun) (verdict, problem string) {
	if !r.ran {
		return "", "the child crashed or hung: " + r.exit
	}
	if strings.Contains(r.output, "panic") || strings.Contains(r.output, "goroutine ") {
		return "", "a panic was printed"
	}
	refusedBy := func(res flipResult) bool {
		for _, key := range refusalWords {
			if strings.HasPrefix(res.Stderr, cat.T(key, r.db)) {
				return true
			}
		}
		return false
	}
	readOnlyBy := func(res flipResult) bool {
		warning := strings.TrimSpace(cat.T(readOnlyWords, r.db, ""))
		return strings.Contains(res.Stderr, warning) || strings.HasPrefix(res.Stderr, cat.T(notVerifyWords, r.db))
	}
	verdicts := map[string]int{}
	for i, res := range r.results {
		switch {
		case res.Code == 1 && refusedBy(res):
			verdicts["refused"]++
		case (res.Code == 0 || res.Code == 1) && readOnlyBy(res):
			verdicts["read-only"]++
		case res.Code == 0 && res.Stderr == "" && r.words(res.Stdout) == sound.words(sound.results[i].Stdout):
			verdicts["unharmed"]++
		case res.Code == 0 && res.Stderr == "":
			return "", fmt.Sprintf("step %d read the damaged file as sound and said something else than of the sound file", i)
		default:
			return "", fmt.Sprintf("step %d: exit %d with words that are not a refusal or a read-only warning: %.300q", i, res.Code, res.Stderr)
		}
	}
	if len(verdicts) != 1 {
		// One step may find what another does not look for (verify-log
		// checks every signature and the projection, events neither).
		for _, v := range []string{"refused", "read-only"} {
			if verdicts[v] > 0 {
				return v, ""
			}
		}
	}
	for v := range verdicts {
		return v, ""
	}
	return "", "no step ran"
}

// words is what a step printed, with the folder the file was in named
// the same for every run.
func (r *flipRun) words(s string) string { return strings.ReplaceAll(s, r.work, "FOLDER") }

// runFlip lays content and its key file in folder and runs flipSteps on
// it in a child process, with a timeout.
func runFlip(t *testing.T, folder string, content, key []byte, all bool) *flipRun {
	t.Helper()
	if err := os.MkdirAll(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(folder)
	db := filepath.Join(folder, "hall.db")
	if err := os.WriteFile(db, content, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(store.KeyPath(db), key, 0o600); err != nil {
		t.Fatal(err)
	}
	steps := flipSteps(db, folder, all)
	stepsJSON, err := json.Marshal(steps)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	child := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestDamagedFileChild$", "-test.count=1")
	child.Env = append(os.Environ(), envFlipChild+"="+string(stepsJSON))
	var stdout, stderr bytes.Buffer
	child.Stdout, child.Stderr = &stdout, &stderr
	runErr := child.Run()

	r := &flipRun{before: content, db: db, work: folder}
	r.after, err = os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	var other strings.Builder
	sc := bufio.NewScanner(&stdout)
	sc.Buffer(nil, 1<<26)
	for sc.Scan() {
		var res flipResult
		if line := sc.Bytes(); bytes.HasPrefix(line, []byte(`{"code"`)) && json.Unmarshal(line, &res) == nil {
			r.results = append(r.results, res)
		} else {
			other.Write(line)
			other.WriteByte('\n')
		}
	}
	other.Write(stderr.Bytes())
	r.output = other.String()
	switch {
	case ctx.Err() != nil:
		r.exit = "no answer within a minute"
	case runErr != nil:
		r.exit = runErr.Error()
	case len(r.results) != len(steps):
		r.exit = fmt.Sprintf("%d results of %d steps", len(r.results), len(steps))
	default:
		r.ran = true
	}
	return r
}

// TestDamagedFileChild is not a test on its own: it is the child that
// TestDamagedFileIsRefusedOrReadOnlyNeverACrash runs on each damaged file.
// It runs the steps it is given one after the other and prints, for each,
// a line of JSON with its exit status and words.
func TestDamagedFileChild(t *testing.T) {
	env := os.Getenv(envFlipChild)
	if env == "" {
		t.Skip("run by TestDamagedFileIsRefusedOrReadOnlyNeverACrash")
	}
	var steps []flipStep
	if err := json.Unmarshal([]byte(env), &steps); err != nil {
		t.Fatal(err)
	}
	out := json.NewEncoder(os.Stdout)
	for _, step := range steps {
		var res flipResult
		if step.Screen != "" {
			res = screenReads(step.Screen)
		} else {
			var stdout, stderr bytes.Buffer
			res.Code = run(step.Args, strings.NewReader(""), &stdout, &stderr)
			if step.Output != "" {
				written, _ := os.ReadFile(step.Output)
				for line := range strings.Lines(string(written)) {
					if !strings.HasPrefix(line, "hall,generated,") {
						stdout.WriteString(line)
					}
				}
			}
			res.Stdout, res.Stderr = stdout.String(), stderr.String()
		}
		if err := out.Encode(res); err != nil {
			t.Fatal(err)
		}
	}
}

// screenReads opens the file as the screens do and reads what they read:
// the hall, every examinee's entries, the settings and secrets, the
// hand-over, a bundle, the tree; then runs the checks the screens run
// behind their first frame. Its words are the commands': the refusal, or
// the read-only warning.
func screenReads(db string) flipResult {
	var stdout, stderr bytes.Buffer
	a := newApp(nil, strings.NewReader(""), &stdout, &stderr)
	s, err := a.openForScreen(db)
	if err != nil {
		return flipResult{Code: 1, Stderr: a.words(err) + "\n"}
	}
	defer s.Close()
	h := s.Hall()
	fmt.Fprintf(&stdout, "%s %s %d %+v\n", h.Name, h.Phase, h.LastSeq, h.Tally())
	for _, e := range h.Examinees() {
		fmt.Fprintf(&stdout, "%s %s %s", e.ID, e.FullName, e.Status)
		for _, seq := range e.Seqs {
			ev, err := s.Event(seq)
			fmt.Fprintf(&stdout, " %d:%s:%v", seq, ev.Type, err)
		}
		fmt.Fprintln(&stdout)
	}
	fmt.Fprintf(&stdout, "sheets %d, lang %q, PIN hash %x\n", len(h.Sheets()), s.Setting("lang"), sha256.Sum256([]byte(s.Secret(store.SecretChairmanPIN))))
	fmt.Fprintf(&stdout, "delivery %+v, undelivered %d\n", s.Delivery(), s.Undelivered())
	bundle, err := s.Bundle(1)
	fmt.Fprintf(&stdout, "bundle %x %v\n", sha256.Sum256(bundle), err)
	size, root := s.TreeHead()
	hashes, err := s.ReadHashes([]int64{0, size / 2, size})
	fmt.Fprintf(&stdout, "tree %d %v %v %v\n", size, root, hashes, err)
	// The screens themselves, frame by frame: the roster, an examinee's
	// timeline, the board, the sheets' reconciliation, help; then again
	// after the checks behind the first frame.
	screens := func() {
		keyAt := time.Duration(0)
		m := tea.Model(tui.New(tui.Config{Store: s, Clock: fixedClock{storetest.Base.Add(2 * time.Hour)}, Lang: i18n.EN,
			KeyClock: func() time.Duration { keyAt += time.Second; return keyAt }}))
		m, _ = m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		frames := 0
		for _, k := range []tea.KeyPressMsg{{Code: tea.KeyDown}, {Code: tea.KeyDown}, {Code: tea.KeyEnter}, {Code: tea.KeyEnd},
			{Code: tea.KeyEscape}, {Code: 'b', Text: "b"}, {Code: tea.KeyEscape}, {Code: 'R', Text: "R"}, {Code: tea.KeyEscape},
			{Code: '?', Text: "?"}, {Code: tea.KeyEscape}} {
			m, _ = m.Update(k)
			if m.View().Content != "" {
				frames++
			}
		}
		fmt.Fprintf(&stdout, "%d frames\n", frames)
	}
	screens()
	_ = s.VerifySignatures()
	_ = s.VerifyProjection()
	screens()
	a.warnIfBroken(s)
	return flipResult{Stdout: stdout.String(), Stderr: stderr.String()}
}

type fixedClock struct{ at time.Time }

func (c fixedClock) Now() time.Time { return c.at }

// Two events damaged: the later one's bytes, the earlier one's own
// signature (older than the latest events whose signatures Open checks
// of a sound log). The warning names the earlier one.
func TestReadOnlyWarningNamesTheEarliestDamagedEvent(t *testing.T) {
	db := filepath.Join(t.TempDir(), "hall.db")
	storetest.BuildHall(t, db, 20, 300)
	bdb, err := bolt.Open(db, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	err = bdb.Update(func(tx *bolt.Tx) error {
		events := tx.Bucket([]byte("events"))
		k := binary.BigEndian.AppendUint64(nil, 150)
		v := bytes.Clone(events.Get(k))
		v[len(v)-10] ^= 0x20
		if err := events.Put(k, v); err != nil {
			return err
		}
		return storetest.FlipSignature(tx, 40, 5, 1)
	})
	if cerr := bdb.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"events", "--db", db}, {"report", "--out", filepath.Join(t.TempDir(), "r.csv"), "--db", db}} {
		_, _, errOut := runCLI(t, "", args...)
		warning := strings.TrimSpace(cat.T("cli.open.read_only", db, ""))
		if !strings.Contains(errOut, warning) || !strings.Contains(errOut, "at event 40: its signature does not verify") {
			t.Errorf("%s: stderr = %q; want the read-only warning naming event 40", args[0], errOut)
		}
	}
}

// A state record damaged in a way that still reads — one letter of an
// examinee's name — is not printed as it stands: the commands check the
// state against the log when they open the file, and say the file is
// read-only and why; the report carries the warning.
func TestCommandsSayWhenTheStateIsNotTheLogs(t *testing.T) {
	db := filepath.Join(t.TempDir(), "hall.db")
	storetest.BuildDay(t, db, 30, 2, 0)
	bdb, err := bolt.Open(db, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	err = bdb.Update(func(tx *bolt.Tx) error {
		examinees := tx.Bucket([]byte("examinees"))
		k := binary.BigEndian.AppendUint32(nil, 1)
		v := bytes.Clone(examinees.Get(k))
		at := bytes.Index(v, []byte(`"full_name":"`)) + len(`"full_name":"`) + 1
		v[at] ^= 1 // Нұрланұлы → Мұрланұлы: still UTF-8, still JSON
		return examinees.Put(k, v)
	})
	if cerr := bdb.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	warning := strings.TrimSpace(cat.T("cli.open.read_only", db, ""))
	out := filepath.Join(t.TempDir(), "r.csv")
	for _, args := range [][]string{{"report", "--out", out, "--db", db}, {"events", "--db", db}} {
		_, _, errOut := runCLI(t, "", args...)
		if !strings.Contains(errOut, warning) || !strings.Contains(errOut, "does not match its log") {
			t.Errorf("%s: stderr = %q; want the read-only warning saying the state differs from the log", args[0], errOut)
		}
	}
	// In the report's own language (the file's, Kazakh): the field it
	// names in words, not as the record's JSON name.
	if report, _ := os.ReadFile(out); !strings.Contains(string(report), "E000002 емтихан тапсырушысы, тегі, аты, әкесінің аты") ||
		strings.Contains(string(report), "full_name") {
		t.Errorf("the report does not carry the warning:\n%s", report)
	}
	code, _, errOut := runCLI(t, "", "verify-log", "--db", db)
	if code == 0 || strings.Count(errOut, "is not the projection of its log") != 1 {
		t.Errorf("verify-log: exit %d, stderr %q; want a failure listing it once", code, errOut)
	}
}
