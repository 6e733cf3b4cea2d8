package store_test

import (
	"os"
	"testing"
)

// sharedDir holds files that are expensive to build and shared by several
// benchmarks (the 100,000-event hall); it is removed when the tests end.
var sharedDir string

func TestMain(m *testing.M) {
	code := m.Run()
	if sharedDir != "" {
		os.RemoveAll(sharedDir)
	}
	os.Exit(code)
}
