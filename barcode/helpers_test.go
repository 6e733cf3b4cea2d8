package barcode

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// seeded is a reproducible random source: a failing test fails again.
func seeded(n byte) *rand.ChaCha8 {
	var seed [32]byte
	seed[0] = n
	return rand.NewChaCha8(seed)
}

// sample is n distinct codes over random sessions, reproducibly.
func sample(t testing.TB, n int) []Code {
	t.Helper()
	rng := rand.New(seeded(1))
	seen := map[Code]bool{}
	out := make([]Code, 0, n)
	for len(out) < n {
		c, err := New(fmt.Sprintf("%04d", rng.IntN(10_000)), rng.IntN(Serials))
		if err != nil {
			t.Fatal(err)
		}
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}

func mustNew(t testing.TB, session string, serial int) Code {
	t.Helper()
	c, err := New(session, serial)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
