package barcode

import (
	"errors"
	"testing"
)

// The three properties that make Damm's table work, checked on every cell
// and every triple rather than trusted from the thesis.
func TestDammTableIsATotallyAntiSymmetricQuasigroupWithZeroDiagonal(t *testing.T) {
	for i := range 10 {
		var inRow, inCol [10]bool
		for j := range 10 {
			inRow[dammTable[i][j]] = true
			inCol[dammTable[j][i]] = true
		}
		for d := range 10 {
			if !inRow[d] || !inCol[d] {
				t.Errorf("row or column %d lacks %d: not a Latin square", i, d)
			}
		}
		if dammTable[i][i] != 0 {
			t.Errorf("diagonal at %d is %d, not 0", i, dammTable[i][i])
		}
	}
	for c := range 10 {
		for x := range 10 {
			for y := range 10 {
				if x != y && dammTable[dammTable[c][x]][y] == dammTable[dammTable[c][y]][x] {
					t.Errorf("(%d∗%d)∗%d = (%d∗%d)∗%d: not anti-symmetric", c, x, y, c, y, x)
				}
			}
		}
	}
}

func TestDammKnownValues(t *testing.T) {
	for _, tc := range []struct {
		digits string
		want   int
	}{
		{"572", 4}, // the worked example of Damm's algorithm
		{"5724", 0},
		{"", 0},
		{"0", 0},
		{"1", 3},
		{"12a", -1},
		{"١٢", -1}, // Arabic-Indic digits are not ASCII digits
	} {
		if got := Damm(tc.digits); got != tc.want {
			t.Errorf("Damm(%q) = %d, want %d", tc.digits, got, tc.want)
		}
	}
	for code, want := range map[string]bool{"5724": true, "5723": false, "00": true, "0": false, "": false, "57x4": false} {
		if got := CheckDigitOK(code); got != want {
			t.Errorf("CheckDigitOK(%q) = %v, want %v", code, got, want)
		}
	}
}

// Every single-digit substitution at every position and every swap of two
// different neighbours, over 2,000 codes: none passes, neither the check
// nor Parse.
func TestDammCatchesEverySingleDigitErrorAndAdjacentTransposition(t *testing.T) {
	substitutions, transpositions := 0, 0
	for _, c := range sample(t, 2000) {
		if !CheckDigitOK(c.String()) {
			t.Fatalf("%s: a code made by New fails its own check", c)
		}
		for i := range Length {
			for d := byte('0'); d <= '9'; d++ {
				b := []byte(c.String())
				if b[i] == d {
					continue
				}
				b[i] = d
				substitutions++
				expectCaught(t, c, string(b), "digit %d changed", i+1)
			}
			if i+1 < Length {
				b := []byte(c.String())
				if b[i] == b[i+1] {
					continue
				}
				b[i], b[i+1] = b[i+1], b[i]
				transpositions++
				expectCaught(t, c, string(b), "digits %d and %d swapped", i+1, i+2)
			}
		}
	}
	if want := 2000 * Length * 9; substitutions != want {
		t.Errorf("%d substitutions tried, want %d", substitutions, want)
	}
	// About 9 pairs in 10 differ.
	if transpositions < 2000*(Length-1)*8/10 {
		t.Errorf("only %d transpositions tried", transpositions)
	}
}

func expectCaught(t *testing.T, orig Code, typed, what string, args ...any) {
	t.Helper()
	if CheckDigitOK(typed) {
		t.Fatalf("%s → %s ("+what+") passes the check", append([]any{orig, typed}, args...)...)
	}
	_, err := Parse(typed, orig.Session())
	var e *Error
	if !errors.As(err, &e) || e.Code != ErrCheckDigit {
		t.Fatalf("Parse(%s) = %v, want %s", typed, err, ErrCheckDigit)
	}
}
