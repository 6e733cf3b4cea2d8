package store_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"examday/barcode"
	"examday/exam"
	"examday/store"
	"examday/store/storetest"
)

// The answer sheets on disk (schema 2): one record per sheet in the
// sheets bucket, keyed by its 12 digits, written in the same commit as the
// event that changed it.

var bucketSheets = []byte("sheets")

const sheetsPIN = "4821"

// sheetsPINHash is the chairman's PIN as kept in the secrets bucket; argon2id
// is slow on purpose, so it is made once.
var sheetsPINHash = sync.OnceValues(func() (string, error) { return exam.HashPIN(sheetsPIN) })

// sheetsHall is a hall file whose sheets have been through every state:
// printed, issued, received, voided and replaced (§1.5, with the
// chairman's PIN), and voided by a renewed print. Its roster (storetest)
// has master's examinees E000001–E000003 and doctoral E000004–E000005;
// E000001 and E000004 sit, the others are absent. The instants carry
// nanoseconds, so nothing lost to rounding goes unseen.
type sheetsHall struct {
	s    *store.Store
	path string
	at   time.Time
	m    []barcode.Code // E000001's sheets, in question order
	dr   []barcode.Code // E000004's
}

func newSheetsHall(t *testing.T) *sheetsHall {
	t.Helper()
	s, path := newStore(t)
	f := &sheetsHall{s: s, path: path, at: time.Date(2027, 8, 12, 8, 0, 0, 123456789, time.UTC)}
	hash, err := sheetsPINHash()
	if err != nil {
		t.Fatal(err)
	}
	roster := storetest.Roster(5)
	if _, err := s.DoWithSecret(store.SecretChairmanPIN, hash, func(h *exam.Hall) ([]exam.Event, error) {
		return h.CreateHall(exam.HallSetup{Name: "Аудитория 214", Date: "2027-08-12", Officer: officer, Chairman: "Жұмабеков Қ."}, roster, f.tick(), officer)
	}); err != nil {
		t.Fatal(err)
	}
	f.do(t, func(h *exam.Hall) ([]exam.Event, error) {
		return h.PrintSheets(3, false, rand.NewChaCha8([32]byte{4}), f.tick(), officer)
	})
	for i, r := range roster {
		f.do(t, func(h *exam.Hall) ([]exam.Event, error) {
			mark := h.MarkAbsent
			if i == 0 || i == 3 {
				mark = h.Arrive
			}
			return one(mark(r.ID, f.tick(), officer))
		})
	}
	f.m = f.bind(t, "E000001", exam.Master)
	f.dr = f.bind(t, "E000004", exam.Doctoral)
	f.do(t, func(h *exam.Hall) ([]exam.Event, error) {
		p, err := h.ProposeStart()
		if err != nil {
			return nil, err
		}
		return one(h.StartExam(p, "", f.tick(), officer))
	})
	f.do(t, func(h *exam.Hall) ([]exam.Event, error) { return h.ReceiveSheet(f.m[0], f.tick(), officer) })
	f.do(t, func(h *exam.Hall) ([]exam.Event, error) {
		a, ok := h.Agree(s.Secret(store.SecretChairmanPIN), sheetsPIN)
		if !ok {
			t.Fatal("the chairman's PIN was refused")
		}
		return one(h.VoidSheet(f.m[1], "ink spilt", freeSpare(h), a, f.tick(), officer))
	})
	f.do(t, func(h *exam.Hall) ([]exam.Event, error) {
		return h.PrintSheets(1, true, rand.NewChaCha8([32]byte{5}), f.tick(), officer)
	})
	f.do(t, func(h *exam.Hall) ([]exam.Event, error) { return h.ReceiveSheet(f.dr[0], f.tick(), officer) })

	states := map[exam.SheetState]int{}
	reprinted := 0
	for _, sh := range s.Hall().Sheets() {
		states[sh.State]++
		if sh.VoidReason == "reprinted" {
			reprinted++
		}
	}
	if states[exam.SheetPrinted] == 0 || states[exam.SheetIssued] == 0 || states[exam.SheetReceived] != 2 || states[exam.SheetVoided] == 0 || reprinted == 0 {
		t.Fatalf("the sheets are not in every state: %v, %d voided by the reprint", states, reprinted)
	}
	return f
}

// tick is the instant of the next action: a minute and a nanosecond on.
func (f *sheetsHall) tick() time.Time {
	f.at = f.at.Add(time.Minute + 1)
	return f.at
}

func (f *sheetsHall) do(t *testing.T, decide store.Decision) []store.Record {
	t.Helper()
	return mustDo(t, f.s, decide)
}

// bind gives id a free packet of level by scanning its last sheet, and
// returns the packet's sheets in question order.
func (f *sheetsHall) bind(t *testing.T, id string, level exam.Level) []barcode.Code {
	t.Helper()
	var packet string
	for _, sh := range f.s.Hall().Sheets() {
		if !sh.Spare && sh.Level == level && sh.State == exam.SheetPrinted {
			packet = sh.Packet
		}
	}
	var scanned barcode.Code
	var codes []barcode.Code
	for _, sh := range f.s.Hall().Sheets() {
		if sh.Packet == packet {
			codes = append(codes, sh.Code)
			scanned = sh.Code
		}
	}
	f.do(t, func(h *exam.Hall) ([]exam.Event, error) {
		return one(h.IssueMaterialsWithSheet(id, "17", scanned, f.tick(), officer))
	})
	return codes
}

func freeSpare(h *exam.Hall) barcode.Code {
	for _, sh := range h.Sheets() {
		if sh.Spare && sh.State == exam.SheetPrinted {
			return sh.Code
		}
	}
	return barcode.Code{}
}

func one(ev exam.Event, err error) ([]exam.Event, error) { return []exam.Event{ev}, err }

// sheetsJSON is every sheet record of h, in order, as text.
func sheetsJSON(t *testing.T, h *exam.Hall) string {
	t.Helper()
	b, err := json.MarshalIndent(h.Sheets(), "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// rawSheets reads the sheets bucket of a closed file: code -> record.
func rawSheets(t *testing.T, path string) map[string][]byte {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	out := map[string][]byte{}
	err = db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSheets)
		if b == nil {
			return errors.New("no sheets bucket")
		}
		return b.ForEach(func(k, v []byte) error {
			out[string(k)] = bytes.Clone(v)
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// SPEC "Records": nothing lives only in memory. Every sheet, in every
// state and with every instant, is read back after a reopen exactly as it
// was, and each record on disk is the sheet as the hall holds it.
func TestSheetRecordsPersistAcrossReopenExactly(t *testing.T) {
	f := newSheetsHall(t)
	before := f.s.Hall()
	want := sheetsJSON(t, before)
	if err := f.s.Close(); err != nil {
		t.Fatal(err)
	}

	disk := rawSheets(t, f.path)
	if len(disk) != len(before.Sheets()) {
		t.Errorf("%d sheet records on disk, the hall has %d sheets", len(disk), len(before.Sheets()))
	}
	for _, sh := range before.Sheets() {
		b, err := json.Marshal(sh)
		if err != nil {
			t.Fatal(err)
		}
		if got := disk[sh.Code.String()]; !bytes.Equal(got, b) {
			t.Errorf("record of %s on disk:\n%s\nthe hall's:\n%s", sh.Code.Grouped(), got, b)
		}
	}

	s := open(t, f.path)
	if err := s.Broken(); err != nil {
		t.Fatalf("Broken after a clean reopen: %v", err)
	}
	after := s.Hall()
	if got := sheetsJSON(t, after); got != want {
		t.Errorf("sheets changed across reopen:\nbefore %s\nafter  %s", want, got)
	}
	if after.Session != before.Session || after.Session == "" {
		t.Errorf("session %q after reopen, %q before", after.Session, before.Session)
	}
	// The comparison is only as good as what was kept: the instants with
	// their nanoseconds, the void and its replacement.
	first, _ := after.Sheet(f.m[0])
	if first.State != exam.SheetReceived || first.ReceivedAt.Nanosecond()%1000 == 0 || first.IssuedAt.IsZero() || first.Examinee != "E000001" {
		t.Errorf("A received sheet after reopen: %+v", first)
	}
	voided, _ := after.Sheet(f.m[1])
	rep, _ := after.Sheet(voided.ReplacedBy)
	if voided.State != exam.SheetVoided || voided.VoidReason != "ink spilt" || voided.VoidedAt.IsZero() ||
		rep.State != exam.SheetIssued || rep.Replaces != f.m[1] || rep.Question != 2 || rep.Examinee != "E000001" {
		t.Errorf("void and replacement after reopen: %+v, %+v", voided, rep)
	}
	// And the day goes on from the sheets as they were: the replacement
	// is received, the void sheet refused naming it.
	mustDo(t, s, func(h *exam.Hall) ([]exam.Event, error) {
		return h.ReceiveSheet(rep.Code, time.Date(2027, 8, 12, 10, 0, 0, 7, time.UTC), officer)
	})
	_, err := s.Do(func(h *exam.Hall) ([]exam.Event, error) {
		return h.ReceiveSheet(f.m[1], time.Date(2027, 8, 12, 10, 1, 0, 0, time.UTC), officer)
	})
	var r *exam.Refusal
	if !errors.As(err, &r) || r.Code != exam.RefuseSheetVoided || r.Args[1] != rep.Code.Grouped() {
		t.Errorf("the void sheet after reopen: %v", err)
	}
	if err := s.CheckProjection(); err != nil {
		t.Errorf("CheckProjection after reopen: %v", err)
	}
}

// A refused sheet decision writes nothing (SPEC "Records": one action,
// one commit, or nothing) — neither the file, nor the state in memory;
// and a batch whose second event does not apply leaves no sheet of the
// first changed, in memory or on disk.
func TestRefusedSheetDecisionWritesNothing(t *testing.T) {
	f := newSheetsHall(t)
	s := f.s
	before, beforeSheets, beforeLog := snapshot(t, s.Hall()), sheetsJSON(t, s.Hall()), len(records(t, s))
	late := f.tick()
	refusals := []struct {
		code   string
		decide store.Decision
	}{
		{exam.RefuseSheetAlreadyReceived, func(h *exam.Hall) ([]exam.Event, error) { return h.ReceiveSheet(f.m[0], late, officer) }},
		{exam.RefuseSheetVoided, func(h *exam.Hall) ([]exam.Event, error) { return h.ReceiveSheet(f.m[1], late, officer) }},
		{exam.RefuseVoidReason, func(h *exam.Hall) ([]exam.Event, error) {
			a, _ := h.Agree(s.Secret(store.SecretChairmanPIN), sheetsPIN)
			return one(h.VoidSheet(f.m[2], " ", freeSpare(h), a, late, officer))
		}},
		{exam.RefuseAgreementMissing, func(h *exam.Hall) ([]exam.Event, error) {
			return one(h.VoidSheet(f.m[2], "torn", freeSpare(h), exam.Agreement{}, late, officer))
		}},
		{exam.RefuseSparesRange, func(h *exam.Hall) ([]exam.Event, error) {
			return h.PrintSheets(-1, true, rand.NewChaCha8([32]byte{6}), late, officer)
		}},
		{exam.RefuseCancelPacket, func(h *exam.Hall) ([]exam.Event, error) {
			for seq := h.LastSeq; seq > 0; seq-- {
				if ev, err := s.Event(seq); err == nil && ev.Type == exam.TypeMaterialsIssued {
					return one(h.Cancel(ev, "wrong examinee", nil, s.History(), late, officer))
				}
			}
			return nil, errors.New("no materials entry")
		}},
	}
	for _, c := range refusals {
		sum := fileSum(t, f.path)
		_, err := s.Do(c.decide)
		var r *exam.Refusal
		if !errors.As(err, &r) || r.Code != c.code {
			t.Errorf("got %v, want the refusal %s", err, c.code)
		}
		if fileSum(t, f.path) != sum {
			t.Errorf("refusal %s wrote to the file", c.code)
		}
	}
	// Reprinting with nothing new to record is no entry either.
	sum := fileSum(t, f.path)
	if recs, err := s.Do(func(h *exam.Hall) ([]exam.Event, error) {
		return h.PrintSheets(1, false, rand.NewChaCha8([32]byte{6}), late, officer)
	}); err != nil || len(recs) != 0 || fileSum(t, f.path) != sum {
		t.Errorf("a reprint with nothing new: %d records, %v, file changed %v", len(recs), err, fileSum(t, f.path) != sum)
	}

	// The third theory sheet received, then the same sheet again in the
	// same batch: the second does not apply, so neither is kept.
	_, err := s.Do(func(h *exam.Hall) ([]exam.Event, error) {
		evs, err := h.ReceiveSheet(f.m[2], late, officer)
		if err != nil {
			return nil, err
		}
		return append(evs, evs[0]), nil
	})
	if err == nil {
		t.Fatal("a batch receiving one sheet twice was accepted")
	}
	if got := sheetsJSON(t, s.Hall()); got != beforeSheets {
		t.Errorf("sheets changed by a refused batch:\nbefore %s\nafter  %s", beforeSheets, got)
	}
	if got := snapshot(t, s.Hall()); got != before {
		t.Errorf("state changed by refused decisions")
	}
	if got := len(records(t, s)); got != beforeLog {
		t.Errorf("log holds %d events after refusals, %d before", got, beforeLog)
	}
	// The next commit does not carry a change of the refused batch with it.
	mustDo(t, s, clockJump(f.tick()))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	var third exam.Sheet
	if err := json.Unmarshal(rawSheets(t, f.path)[f.m[2].String()], &third); err != nil {
		t.Fatal(err)
	}
	if third.State != exam.SheetIssued || !third.ReceivedAt.IsZero() {
		t.Errorf("on disk after a refused batch and a commit: %+v", third)
	}
	s = open(t, f.path)
	if got := sheetsJSON(t, s.Hall()); got != beforeSheets {
		t.Errorf("sheets after reopen differ from before the refusals")
	}
}

// The log is the truth (STYLE): replaying it gives the sheets kept beside
// it, and a sheet record changed, removed or added behind the log's back
// is found.
func TestCheckProjectionComparesTheSheets(t *testing.T) {
	f := newSheetsHall(t)
	if err := f.s.CheckProjection(); err != nil {
		t.Fatalf("a hall with sheets built through Do: %v", err)
	}
	replayed, err := f.s.Replay()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := sheetsJSON(t, replayed), sheetsJSON(t, f.s.Hall()); got != want {
		t.Fatalf("replayed sheets:\n%s\nkept:\n%s", got, want)
	}
	if err := f.s.Close(); err != nil {
		t.Fatal(err)
	}
	key := []byte(f.m[0].String())
	cases := []struct {
		name   string
		tamper func(b *bolt.Bucket) error
		want   string
	}{
		{"a received sheet made issued again", func(b *bolt.Bucket) error {
			v := bytes.Replace(b.Get(key), []byte(`"state":"received"`), []byte(`"state":"issued"`), 1)
			return b.Put(key, v)
		}, "answer sheet " + f.m[0].Grouped() + ": state is \"received\" in the log but \"issued\""},
		{"a sheet record deleted", func(b *bolt.Bucket) error { return b.Delete(key) }, "answer sheet " + f.m[0].Grouped() + " is present in the log but absent"},
		{"a sheet record added", func(b *bolt.Bucket) error {
			extra := exam.Sheet{Code: mustCode(t, f.m[0].Session(), 42), Spare: true, State: exam.SheetPrinted}
			v, err := json.Marshal(extra)
			if err != nil {
				return err
			}
			return b.Put([]byte(extra.Code.String()), v)
		}, "is absent in the log but present in the state"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "copy.examday")
			writeFile(t, path, readFile(t, f.path))
			rawUpdate(t, path, func(tx *bolt.Tx) error { return c.tamper(tx.Bucket(bucketSheets)) })
			s := open(t, path)
			err := s.CheckProjection()
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("CheckProjection = %v; want %q", err, c.want)
			}
			if err := s.VerifyProjection(); err == nil || s.Broken() == nil {
				t.Errorf("VerifyProjection left the store writable: %v", err)
			}
		})
	}
}

func mustCode(t *testing.T, session string, serial int) barcode.Code {
	t.Helper()
	c, err := barcode.New(session, serial)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// schemaOne turns the closed file at path into one an examday of schema 1
// wrote: no sheets bucket, no signatures, no key, and "1" in meta/schema.
func schemaOne(t *testing.T, path string) { downgrade(t, path, 1) }

// layout reads what a closed file says of itself: its schema, and whether
// it has a sheets bucket.
func layout(t *testing.T, path string) (schema string, hasSheets bool) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.View(func(tx *bolt.Tx) error {
		schema = string(tx.Bucket(bucketMeta).Get([]byte("schema")))
		hasSheets = tx.Bucket(bucketSheets) != nil
		return nil
	})
	return schema, hasSheets
}

// A file made by this examday is of this schema from the start, and is
// not written to by opening it either.
func TestOpenDoesNotWriteAFileOfThisSchema(t *testing.T) {
	path := builtHall(t, 5, 13)
	if schema, has := layout(t, path); schema != strconv.Itoa(store.SchemaVersion) || !has {
		t.Fatalf("a new file: schema %q, sheets bucket %v", schema, has)
	}
	sum := fileSum(t, path)
	s := open(t, path)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if fileSum(t, path) != sum {
		t.Error("opening and closing a file of this schema wrote to it")
	}
}

// A schema-1 file whose log does not verify opens read-only and is not
// migrated: it stays byte for byte as it was found (SPEC "Records": a
// damaged file is never overwritten).
func TestASchemaOneFileWithABrokenChainIsNotMigrated(t *testing.T) {
	path := builtHall(t, 10, 25)
	schemaOne(t, path)
	rawUpdate(t, path, func(tx *bolt.Tx) error {
		events := tx.Bucket(bucketEvents)
		v := bytes.Clone(events.Get(seqKey(12)))
		v[32+len(v[32:])/2] ^= 0x20
		return events.Put(seqKey(12), v)
	})
	sum := fileSum(t, path)

	s := open(t, path)
	var ce *store.ChainError
	if err := s.Broken(); !errors.As(err, &ce) || ce.Seq != 12 {
		t.Errorf("Broken = %v; want the chain broken at event 12", err)
	}
	if _, err := s.Do(clockJump(storetest.Base.Add(time.Hour))); !errors.Is(err, store.ErrReadOnly) {
		t.Errorf("Do on a broken schema-1 file: %v; want ErrReadOnly", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if fileSum(t, path) != sum {
		t.Error("a schema-1 file with a broken chain was written to")
	}
	if schema, has := layout(t, path); schema != "1" || has {
		t.Errorf("after opening: schema %q, sheets bucket %v; want it left at 1 without one", schema, has)
	}
	if _, err := os.Stat(store.KeyPath(path)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a key was made for a file that was not upgraded: %v", err)
	}
}
