package exam_test

import (
	"strings"
	"testing"
	"time"

	"examday/exam"
)

// §2.3: the chairman agrees to a decision by typing a PIN; it is digits
// only and at least MinPINLength long.
func TestCheckPIN(t *testing.T) {
	for _, tc := range []struct {
		pin, code string
	}{
		{"1234", ""},
		{"0000", ""},
		{"12345678", ""},
		{"", exam.RefusePINShort},
		{"123", exam.RefusePINShort},
		{"12a4", exam.RefusePINDigits},
		{"12 34", exam.RefusePINDigits},
		{"１２３４", exam.RefusePINDigits}, // full-width digits
		{"١٢٣٤", exam.RefusePINDigits}, // Arabic-Indic digits
	} {
		err := exam.CheckPIN(tc.pin)
		if got := refusalCode(err); got != tc.code || (tc.code == "") != (err == nil) {
			t.Errorf("CheckPIN(%q) = %v, want %q", tc.pin, err, tc.code)
		}
	}
	if err := exam.CheckPIN("12"); err == nil || err.(*exam.Refusal).Args[0] != exam.MinPINLength {
		t.Errorf("a short PIN's refusal must say the minimum: %v", err)
	}
}

func TestHashPINRefusesABadPIN(t *testing.T) {
	if h, err := exam.HashPIN("12"); refusalCode(err) != exam.RefusePINShort || h != "" {
		t.Errorf("HashPIN(12) = %q, %v", h, err)
	}
}

func TestHashAndVerifyPIN(t *testing.T) {
	const pin = "4821"
	h1, err := exam.HashPIN(pin)
	if err != nil {
		t.Fatal(err)
	}
	h2, err := exam.HashPIN(pin)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h1, "$argon2id$") || strings.Contains(h1, pin) {
		t.Errorf("hash %q: want an argon2id hash that does not show the PIN", h1)
	}
	if h1 == h2 {
		t.Error("two hashes of one PIN are equal: the salt is not fresh")
	}
	for _, h := range []string{h1, h2} {
		if !exam.VerifyPIN(h, pin) {
			t.Errorf("right PIN refused by %q", h)
		}
		for _, wrong := range []string{"4822", "482", "48210", "", " 4821"} {
			if exam.VerifyPIN(h, wrong) {
				t.Errorf("wrong PIN %q accepted", wrong)
			}
		}
	}
}

// The hash lives in the laptop's file. A damaged or edited one must refuse
// every PIN — quickly, and without taking the program down.
func TestVerifyPINRefusesATamperedHash(t *testing.T) {
	const pin = "4821"
	good, err := exam.HashPIN(pin)
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.Split(good, "$") // "", argon2id, v=19, m=…,t=…,p=…, salt, key
	with := func(i int, v string) string {
		p := append([]string(nil), parts...)
		p[i] = v
		return strings.Join(p, "$")
	}
	flip := func(s string) string {
		b := []byte(s)
		if b[0] == 'A' {
			b[0] = 'B'
		} else {
			b[0] = 'A'
		}
		return string(b)
	}
	for name, h := range map[string]string{
		"key changed":          with(5, flip(parts[5])),
		"salt changed":         with(4, flip(parts[4])),
		"key emptied":          with(5, ""),
		"key cut short":        with(5, parts[5][:8]),
		"salt emptied":         with(4, ""),
		"key not base64":       with(5, "!!!!"),
		"another algorithm":    with(1, "argon2i"),
		"another version":      with(2, "v=16"),
		"cost changed":         with(3, "m=65536,t=2,p=2"),
		"no threads":           with(3, "m=65536,t=3,p=0"),
		"no passes":            with(3, "m=65536,t=0,p=2"),
		"absurd memory":        with(3, "m=4294967295,t=3,p=2"),
		"absurd passes":        with(3, "m=65536,t=4294967295,p=2"),
		"cost not numbers":     with(3, "m=x,t=3,p=2"),
		"a part missing":       strings.Join(parts[:5], "$"),
		"not a hash":           "4821",
		"empty":                "",
		"the PIN in the clear": "$argon2id$" + pin,
	} {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			ok := func() (ok bool) {
				defer func() {
					if r := recover(); r != nil {
						t.Errorf("VerifyPIN panicked: %v", r)
					}
				}()
				return exam.VerifyPIN(h, pin)
			}()
			if ok {
				t.Errorf("VerifyPIN(%q) accepted the PIN", h)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("VerifyPIN took %v", d)
			}
		})
	}
}
