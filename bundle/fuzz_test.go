package bundle

import (
	"bytes"
	"errors"
	"testing"
)

// FuzzParse feeds anything to Parse (its seed corpus, in
// testdata/fuzz/FuzzParse, is bundles of a synthetic signed log and a few
// damaged ones, written by central's TestWriteFuzzSeeds). Whatever comes:
// no panic; a refusal is an *Error naming a check and a line of the
// input; what parses encodes again to a bundle that parses to the same
// header, events and checkpoint, and verifying it alone does not panic.
func FuzzParse(f *testing.F) {
	f.Add([]byte("examday-bundle 1\n"))
	f.Add([]byte{})
	checks := map[Check]bool{CheckSize: true, CheckFormat: true, CheckDigest: true, CheckKey: true, CheckSignature: true,
		CheckSequence: true, CheckLink: true, CheckCheckpoint: true, CheckRoot: true}
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := Parse(data)
		if err != nil {
			var be *Error
			if !errors.As(err, &be) {
				t.Fatalf("not an *Error: %v", err)
			}
			if !checks[be.Check] || be.Reason == "" {
				t.Fatalf("check %q reason %q", be.Check, be.Reason)
			}
			if lines := bytes.Count(data, []byte{'\n'}); be.Line < 0 || be.Line > lines+1 {
				t.Fatalf("line %d of a bundle of %d lines", be.Line, lines)
			}
			return
		}
		if int64(b.Header.Last) != b.Size || uint64(len(b.Events)) != b.Header.Last-b.Header.First+1 {
			t.Fatalf("parsed %d events of %d … %d, size %d", len(b.Events), b.Header.First, b.Header.Last, b.Size)
		}
		again, err := Encode(b.Header, b.Events, b.Checkpoint)
		if err != nil {
			t.Fatalf("a parsed bundle does not encode: %v", err)
		}
		b2, err := Parse(again)
		if err != nil {
			t.Fatalf("a re-encoded bundle does not parse: %v", err)
		}
		if b2.Header.Origin != b.Header.Origin || b2.Root != b.Root || !bytes.Equal(b2.Checkpoint, b.Checkpoint) || len(b2.Events) != len(b.Events) {
			t.Fatal("the re-encoded bundle is another bundle")
		}
		for i := range b.Events {
			if !bytes.Equal(b.Events[i].Body, b2.Events[i].Body) || !bytes.Equal(b.Events[i].Signature, b2.Events[i].Signature) {
				t.Fatalf("event %d changed on re-encoding", b.Events[i].Seq)
			}
		}
		_ = b.VerifyAlone()
	})
}
