// Package barcode is the room of the codes printed on the answer sheets:
// how a code is made, how what a scanner or a person typed is read back
// and checked, and how the code is drawn as Code 128 bars. It knows
// nothing of examinees: which sheet a code was given to is written in the
// log by the caller, never in the code.
//
// A code is 12 digits, printed in groups of four ("1234 5678 9012"):
//
//	SSSS  the exam session, derived from the hall's first event, so a
//	      sheet from another hall or another day is refused;
//	NNNNNNN  a serial of 7 digits drawn at random, not counted up, so
//	      nobody can read the order of the candidates from the sheets; the
//	      caller passes what the log holds and a serial is never reused;
//	C     a Damm check digit over the first 11.
//
// The Damm check catches every single-digit error and every transposition
// of two adjacent digits, with one digit and no letters — a code typed by
// hand from the printed groups is checked as well as a scanned one.
//
// Twelve digits are six Code 128 set-C symbols, so the symbol is 101
// modules wide: 34 mm at ModuleMM, 41 mm with the quiet zones.
package barcode

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strconv"
)

const (
	// Length is the number of digits of a code.
	Length = 12
	// SessionDigits is the number of digits of the session.
	SessionDigits = 4
	// SerialDigits is the number of digits of the serial.
	SerialDigits = 7
	// Serials is the number of serials of one session: 0 … Serials-1.
	Serials = 10_000_000
)

// Code is one checked code. Its zero value is no code; any other value was
// made by New, Random, Parse or UnmarshalText and is valid. Codes compare
// with == and serve as map keys.
type Code struct{ digits string }

// New makes the code of serial in session, with its check digit.
func New(session string, serial int) (Code, error) {
	if !isDigits(session) || len(session) != SessionDigits {
		return Code{}, fmt.Errorf("barcode: session %q is not %d digits", session, SessionDigits)
	}
	if serial < 0 || serial >= Serials {
		return Code{}, fmt.Errorf("barcode: serial %d is outside 0…%d", serial, Serials-1)
	}
	return makeCode(session, serial), nil
}

// makeCode is New without the checks, for a session and serial already
// known good; Random calls it up to ten million times.
func makeCode(session string, serial int) Code {
	var b [Length]byte
	copy(b[:], session)
	for i := SessionDigits + SerialDigits - 1; i >= SessionDigits; i-- {
		b[i] = byte('0' + serial%10)
		serial /= 10
	}
	b[Length-1] = byte('0' + Damm(string(b[:Length-1])))
	return Code{digits: string(b[:])}
}

// IsZero reports whether c is the zero Code, no code at all.
func (c Code) IsZero() bool { return c.digits == "" }

// Session is the 4-digit session the code belongs to.
func (c Code) Session() string {
	if c.IsZero() {
		return ""
	}
	return c.digits[:SessionDigits]
}

// Serial is the code's serial within its session.
func (c Code) Serial() int {
	if c.IsZero() {
		return -1
	}
	n, _ := strconv.Atoi(c.digits[SessionDigits : SessionDigits+SerialDigits])
	return n
}

// String is the 12 digits, as the bars carry them and the log stores them.
func (c Code) String() string { return c.digits }

// Grouped is the code in groups of four, for print and for reading aloud.
func (c Code) Grouped() string {
	if c.IsZero() {
		return ""
	}
	return c.digits[0:4] + " " + c.digits[4:8] + " " + c.digits[8:12]
}

// MarshalText writes the 12 digits, so a Code in an event encodes as its
// digits, not as an empty object.
func (c Code) MarshalText() ([]byte, error) { return []byte(c.digits), nil }

// UnmarshalText reads back what MarshalText wrote: 12 digits with a good
// check digit, of any session (the log may hold another hall's refusals),
// or nothing for the zero Code.
func (c *Code) UnmarshalText(text []byte) error {
	s := string(text)
	if s == "" {
		*c = Code{}
		return nil
	}
	if len(s) != Length || !isDigits(s) || !CheckDigitOK(s) {
		return fmt.Errorf("barcode: %q is not a code", s)
	}
	*c = Code{digits: s}
	return nil
}

// SessionCode derives the 4-digit session from a seed (the SHA-256 of the
// hall's first event): the big-endian value of its first 8 bytes, modulo
// 10000. A shorter seed counts as padded with zero bytes.
func SessionCode(seed []byte) string {
	var b [8]byte
	copy(b[:], seed)
	return fmt.Sprintf("%0*d", SessionDigits, binary.BigEndian.Uint64(b[:])%10_000)
}

// randomTries is how many serials Random draws before it stops trusting
// luck. With a hall's few hundred codes in ten million the first draw is
// free all but never; the search after it exists so that a full space
// ends in an error, not a loop.
const randomTries = 1000

// ErrExhausted means every serial of the session is taken.
var ErrExhausted = errors.New("barcode: every serial of the session is taken")

// Random draws a code of session whose serial taken does not hold. rng is
// the random source — crypto/rand.Reader on the day, a seeded generator
// in tests — and taken answers from the log, so no serial is ever given
// twice. taken may be nil when nothing is taken yet.
func Random(session string, rng io.Reader, taken func(Code) bool) (Code, error) {
	if _, err := New(session, 0); err != nil {
		return Code{}, err
	}
	if taken == nil {
		taken = func(Code) bool { return false }
	}
	for range randomTries {
		serial, err := drawSerial(rng)
		if err != nil {
			return Code{}, err
		}
		if c := makeCode(session, serial); !taken(c) {
			return c, nil
		}
	}
	// Almost everything is taken: walk the whole space from a random
	// point, so the answer is found if there is one.
	start, err := drawSerial(rng)
	if err != nil {
		return Code{}, err
	}
	for i := range Serials {
		if c := makeCode(session, (start+i)%Serials); !taken(c) {
			return c, nil
		}
	}
	return Code{}, ErrExhausted
}

// drawSerial is a uniform serial: four bytes of rng, drawn again while
// they fall in the last, incomplete span of Serials, which would favour
// the small serials.
func drawSerial(rng io.Reader) (int, error) {
	const limit = (1 << 32) / Serials * Serials
	var b [4]byte
	for {
		if _, err := io.ReadFull(rng, b[:]); err != nil {
			return 0, fmt.Errorf("barcode: random source: %w", err)
		}
		if v := binary.BigEndian.Uint32(b[:]); v < limit {
			return int(v % Serials), nil
		}
	}
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
