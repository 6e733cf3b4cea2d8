package bundle_test

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	mrand "math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"examday/bundle"
	"examday/store"
	"examday/store/storetest"
)

// hallBundle builds a hall of events events and returns its bundle from
// event from, with the file's public key.
func hallBundle(t testing.TB, events int, from uint64) ([]byte, ed25519.PublicKey) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "hall.db")
	storetest.BuildHall(t, path, 30, events)
	s, err := store.Open(path, store.Options{Program: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	data, err := s.Bundle(from)
	if err != nil {
		t.Fatal(err)
	}
	return data, s.PublicKey()
}

// lines splits a bundle into its lines, without their "\n".
func lines(data []byte) [][]byte {
	return bytes.Split(bytes.TrimSuffix(data, []byte("\n")), []byte("\n"))
}

// reseal joins lines (the old final line dropped) and writes a correct
// final SHA-256 line: a damage made on purpose by someone who knows the
// format, which the digest alone does not catch.
func reseal(ls [][]byte) []byte {
	body := append(bytes.Join(ls[:len(ls)-1], []byte("\n")), '\n')
	sum := sha256.Sum256(body)
	return append(body, []byte("sha256 "+hex.EncodeToString(sum[:])+"\n")...)
}

func check(t *testing.T, name string, data []byte, pub ed25519.PublicKey, want bundle.Check, wantLine int) {
	t.Helper()
	b, err := bundle.Parse(data)
	if err == nil {
		if pub == nil {
			err = b.VerifyAlone()
		} else {
			err = b.Verify(pub)
		}
	}
	var be *bundle.Error
	if !errors.As(err, &be) {
		t.Fatalf("%s: accepted, or not a bundle error: %v", name, err)
	}
	if be.Check != want || (wantLine != 0 && be.Line != wantLine) {
		t.Fatalf("%s: failed %s at line %d (%v), want %s at line %d", name, be.Check, be.Line, be, want, wantLine)
	}
}

// Cut short at every byte: refused, every time, as not whole.
func TestTruncationAtEveryByteIsRefused(t *testing.T) {
	data, _ := hallBundle(t, 100, 1)
	for n := 0; n < len(data); n++ {
		b, err := bundle.Parse(data[:n])
		var be *bundle.Error
		if err == nil || !errors.As(err, &be) {
			t.Fatalf("cut at %d of %d: parsed (%v)", n, len(data), b != nil)
		}
		if be.Check != bundle.CheckSize && be.Check != bundle.CheckFormat && be.Check != bundle.CheckDigest {
			t.Fatalf("cut at %d: %v", n, be)
		}
	}
}

// Any flipped bit is caught, by the digest or, on the digest's own line,
// by its form.
func TestBitFlipsAreRefused(t *testing.T) {
	data, _ := hallBundle(t, 100, 1)
	r := mrand.New(mrand.NewPCG(1, 2))
	for i := 0; i < 1000; i++ {
		d := bytes.Clone(data)
		at := r.IntN(len(d))
		d[at] ^= 1 << r.IntN(8)
		if b, err := bundle.Parse(d); err == nil {
			if err := b.VerifyAlone(); err == nil {
				t.Fatalf("flip %d at byte %d: the bundle still verifies", i, at)
			}
		}
	}
}

// Events dropped, duplicated, reordered or renumbered by someone who
// resealed the bundle: each refused by its own check, at its line.
func TestEditedBundlesAreRefusedByTheirCheck(t *testing.T) {
	data, pub := hallBundle(t, 100, 1)
	ls := lines(data)
	ev := func(i int) int { return bundle.EventLine(i) - 1 } // index in ls of event i (0-based)

	dropped := append(append([][]byte{}, ls[:ev(10)]...), ls[ev(11):]...)
	check(t, "dropped", reseal(dropped), pub, bundle.CheckSequence, bundle.EventLine(10))

	duplicated := append(append(append([][]byte{}, ls[:ev(11)]...), ls[ev(10)]), ls[ev(11):]...)
	check(t, "duplicated", reseal(duplicated), pub, bundle.CheckSequence, bundle.EventLine(11))

	reordered := append([][]byte{}, ls...)
	reordered[ev(20)], reordered[ev(21)] = reordered[ev(21)], reordered[ev(20)]
	check(t, "reordered", reseal(reordered), pub, bundle.CheckSequence, bundle.EventLine(20))

	// Renumbered: the line and the bytes both say 31 where 31 was, but
	// event 31's bytes are event 30's with its number changed.
	renumbered := append([][]byte{}, ls...)
	line := bytes.Replace(ls[ev(29)], []byte("event 30 "), []byte("event 31 "), 1)
	line = bytes.Replace(line, []byte(`{"seq":30,`), []byte(`{"seq":31,`), 1)
	renumbered[ev(30)] = line
	check(t, "renumbered", reseal(renumbered), pub, bundle.CheckLink, bundle.EventLine(30))

	// A changed event, its line resealed: the link of the next one fails.
	changed := append([][]byte{}, ls...)
	changed[ev(40)] = bytes.Replace(ls[ev(40)], []byte(`"at":"2`), []byte(`"at":"1`), 1)
	check(t, "changed", reseal(changed), pub, bundle.CheckLink, bundle.EventLine(41))

	// The last event changed: no event follows it, its signature fails.
	last := append([][]byte{}, ls...)
	li := ev(99)
	last[li] = bytes.Replace(ls[li], []byte(`"at":"2`), []byte(`"at":"1`), 1)
	check(t, "last changed", reseal(last), pub, bundle.CheckSignature, bundle.EventLine(99))
}

// An event signed by another laptop's key, or a bundle presented as
// another device's or epoch's: refused.
func TestForeignKeysAndEpochsAreRefused(t *testing.T) {
	data, pub := hallBundle(t, 100, 1)
	ls := lines(data)
	_, other, _ := ed25519.GenerateKey(rand.Reader)

	resigned := append([][]byte{}, ls...)
	i := bundle.EventLine(50) - 1
	parts := bytes.SplitN(ls[i], []byte(" "), 4)
	parts[2] = []byte(base64.StdEncoding.EncodeToString(ed25519.Sign(other, parts[3])))
	resigned[i] = bytes.Join(parts, []byte(" "))
	check(t, "signed by another key", reseal(resigned), pub, bundle.CheckSignature, bundle.EventLine(50))
	check(t, "signed by another key, alone", reseal(resigned), nil, bundle.CheckSignature, bundle.EventLine(50))

	otherPub := other.Public().(ed25519.PublicKey)
	check(t, "verified with another laptop's key", data, otherPub, bundle.CheckKey, 2)

	// Another epoch: the header's origin and key name the other epoch, so
	// the checkpoint (signed under the true origin) is of another log.
	b, _ := bundle.Parse(data)
	epoch := b.Header.Epoch
	wrong := strings.Repeat("ab", 16)
	rewritten := bytes.ReplaceAll(ls[1], []byte(epoch), []byte(wrong))
	withEpoch := append([][]byte{}, ls...)
	withEpoch[1] = rewritten
	check(t, "wrong epoch", reseal(withEpoch), pub, bundle.CheckCheckpoint, bundle.EventLine(100))
}

// A bundle of a range past 1 verifies alone: its frontier carries the
// tree before it. A frontier hash changed is caught by the root.
func TestRangeBundleRootNeedsItsFrontier(t *testing.T) {
	data, pub := hallBundle(t, 100, 61)
	b, err := bundle.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Verify(pub); err != nil {
		t.Fatal(err)
	}
	if len(b.Header.Frontier) != 4 { // 60 = 32 + 16 + 8 + 4: four subtrees
		t.Fatalf("the frontier of 60 events has %d hashes", len(b.Header.Frontier))
	}
	ls := lines(data)
	f0 := b.Header.Frontier[0].String()
	flipped := []byte(f0)
	if flipped[0] == 'A' {
		flipped[0] = 'B'
	} else {
		flipped[0] = 'A'
	}
	ls[1] = bytes.Replace(ls[1], []byte(f0), flipped, 1)
	check(t, "frontier changed", reseal(ls), pub, bundle.CheckRoot, 0)
}

func ExampleFrontierIndexes() {
	fmt.Println(len(bundle.FrontierIndexes(60)), len(bundle.FrontierIndexes(64)), len(bundle.FrontierIndexes(0)))
	// Output: 4 1 0
}

// The final line has one spelling: its digest in upper case, which
// hex.Decode would read as the same bytes, is refused.
func TestDigestIsLowerCaseOnly(t *testing.T) {
	data, pub := hallBundle(t, 20, 1)
	i := bytes.LastIndexByte(data[:len(data)-1], '\n') + 1
	upper := append(bytes.Clone(data[:i]), bytes.ToUpper(data[i:len(data)-1])...)
	upper = append(upper, '\n')
	upper = append(upper[:i], append([]byte("sha256 "), upper[i+len("SHA256 "):]...)...)
	if bytes.Equal(upper, data) {
		t.Skip("this digest has no hex letters")
	}
	check(t, "upper-case digest", upper, pub, bundle.CheckDigest, 0)
}
