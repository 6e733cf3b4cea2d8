package barcode

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// The codes of the errors of Parse. Each is a key of the catalogue under
// "barcode." (i18n/barcode.go), which takes the Error's Args in order.
const (
	// ErrNotDigits: a character that is no digit on any layout.
	// Args: the character (string).
	ErrNotDigits = "not_digits"
	// ErrLength: the input holds too few or too many digits.
	// Args: how many were read (int), how many a code has (int).
	ErrLength = "length"
	// ErrCheckDigit: the check digit does not match the other eleven.
	// Args: the digits read, grouped (string).
	ErrCheckDigit = "check_digit"
	// ErrSession: a good code of another session — another hall or day.
	// Args: the code's session (string), this hall's session (string).
	ErrSession = "session"
)

// Error is why an input is not a code of this session. Code is one of the
// Err constants; the words are the catalogue's, so Error() is for logs.
type Error struct {
	Code string
	Args []any
}

func (e *Error) Error() string {
	return fmt.Sprintf("barcode: %s %v", e.Code, e.Args)
}

// A numberRow is what the digit keys of a layout type, indexed by digit
// (plain[1] is the key marked 1): plain is without modifiers, shifted
// with Shift held (or Caps Lock, for keys that are letters).
type numberRow struct{ plain, shifted [10]string }

// numberRows are the layouts whose number rows Parse reads back. They
// follow xkeyboard-config (xkb-data 2.35): symbols/us "basic"; symbols/ru
// "winkeys", the default "ru" (the "common" section with the Windows
// shifted row); and symbols/kz "basic", the default "kz" — the Kazakh
// layout of RST KazSSR 903-90 that officers' laptops have. The kz variants
// "ruskaz" and "kazrus" keep digits on the number row and need no table;
// the older ru "legacy" shifted row (# * : , . ;) is not followed.
var numberRows = map[string]numberRow{
	"us": {
		plain:   [10]string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"},
		shifted: [10]string{")", "!", "@", "#", "$", "%", "^", "&", "*", "("},
	},
	"ru": {
		plain:   [10]string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"},
		shifted: [10]string{")", "!", "\"", "№", ";", "%", ":", "?", "*", "("},
	},
	"kz": {
		// <AE01> quotedbl/exclam, <AE06> comma/semicolon and <AE07>
		// period/colon are FOUR_LEVEL keys: Caps Lock leaves them alone.
		// The others are ALPHABETIC: Caps Lock gives the capital.
		plain:   [10]string{"қ", "\"", "ә", "і", "ң", "ғ", ",", ".", "ү", "ұ"},
		shifted: [10]string{"Қ", "!", "Ә", "І", "Ң", "Ғ", ";", ":", "Ү", "Ұ"},
	},
}

// digitOf maps every character that a number row types back to its digit.
//
// What a scanner types — the plain level — is always read: the layouts
// never disagree there. A shifted character (a scanner that sends Shift,
// a stuck Shift) is read only where every layout that types it on the
// number row means the same digit, and no plain character is the same:
//
//	read:     ! → 1, @ → 2, # № → 3, $ → 4, % → 5, ^ → 6, & ? → 7, * → 8,
//	          ( → 9, ) → 0, and the capitals Ә І Ң Ғ Ү Ұ Қ;
//	not read: ; (kz 6, ru 4) and : (kz 7, ru 6) — refused as not digits;
//	plain:    " is kz 1 although ru Shift+2 types it too: a scanner on kz
//	          types it unshifted, and the rare ru Shift+2 becomes a wrong
//	          single digit, which the check digit catches.
var digitOf = buildDigitOf(numberRows)

func buildDigitOf(rows map[string]numberRow) map[rune]byte {
	plain := map[rune]byte{}
	shifted := map[rune][]byte{}
	for name, row := range rows {
		for d := range 10 {
			r := []rune(row.plain[d])[0]
			if old, ok := plain[r]; ok && old != byte(d) {
				panic(fmt.Sprintf("barcode: layout %s types %q for %d, another for %d", name, r, d, old))
			}
			plain[r] = byte(d)
			r = []rune(row.shifted[d])[0]
			if !slices.Contains(shifted[r], byte(d)) {
				shifted[r] = append(shifted[r], byte(d))
			}
		}
	}
	out := make(map[rune]byte, len(plain)+len(shifted))
	for r, ds := range shifted {
		if _, isPlain := plain[r]; !isPlain && len(ds) == 1 {
			out[r] = ds[0]
		}
	}
	for r, d := range plain {
		out[r] = d
	}
	return out
}

// Keystrokes is what a keyboard-wedge scanner types for c on a layout
// ("us", "ru" or "kz"), without the Enter that ends the burst: what the
// program receives when the officer's layout is not Latin. It is for tests
// and panics on an unknown layout.
func Keystrokes(c Code, layout string) string {
	row, ok := numberRows[layout]
	if !ok {
		panic(fmt.Sprintf("barcode: unknown layout %q", layout))
	}
	var b strings.Builder
	for i := 0; i < len(c.digits); i++ {
		b.WriteString(row.plain[c.digits[i]-'0'])
	}
	return b.String()
}

// Parse reads what a scanner sent or a person typed as a code of session.
// The number rows of the us, ru and kz layouts are read as digits (see
// digitOf); spaces anywhere and the Enter, Tab, CR or LF that end a burst
// are ignored. A refusal is an *Error, in this order: a character that is
// no digit, the wrong number of digits, a wrong check digit, another
// session. An error that is not an *Error means session itself is not 4
// digits: the caller's mistake, not the officer's.
func Parse(input, session string) (Code, error) {
	if !isDigits(session) || len(session) != SessionDigits {
		return Code{}, fmt.Errorf("barcode: session %q is not %d digits", session, SessionDigits)
	}
	c, err := ParseAnySession(input)
	if err != nil {
		return Code{}, err
	}
	if c.Session() != session {
		return Code{}, &Error{Code: ErrSession, Args: []any{c.Session(), session}}
	}
	return c, nil
}

// ParseAnySession is Parse for a reader of sheets of many sessions (a
// marking station's, whose list holds the sheets of every hall): the same
// reading and checks, but for the session, which the caller's list of
// codes decides.
func ParseAnySession(input string) (Code, error) {
	input = strings.Trim(input, "\r\n\t")
	digits := make([]byte, 0, Length)
	for _, r := range input {
		switch {
		case r >= '0' && r <= '9':
			digits = append(digits, byte(r))
		case unicode.Is(unicode.Zs, r):
			// Spaces between the groups, typed or pasted, of any width.
		default:
			d, ok := digitOf[r]
			if !ok {
				return Code{}, &Error{Code: ErrNotDigits, Args: []any{string(r)}}
			}
			digits = append(digits, '0'+d)
		}
	}
	if len(digits) != Length {
		return Code{}, &Error{Code: ErrLength, Args: []any{len(digits), Length}}
	}
	c := Code{digits: string(digits)}
	if !CheckDigitOK(c.digits) {
		return Code{}, &Error{Code: ErrCheckDigit, Args: []any{c.Grouped()}}
	}
	return c, nil
}
