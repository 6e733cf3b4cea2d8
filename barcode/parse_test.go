package barcode

import (
	"bufio"
	"errors"
	"maps"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// A scanner on a laptop whose layout is Kazakh types the number row's
// letters; with Caps Lock on, their capitals. Both read back as the code,
// as do the Latin and Russian rows, the grouped print and the burst's end.
func TestParseReadsEveryLayoutsNumberRow(t *testing.T) {
	for _, c := range sample(t, 2000) {
		kz := Keystrokes(c, "kz")
		for _, input := range []string{
			kz,
			strings.ToUpper(kz),
			kz + "\r\n",
			"\n" + kz + "\t",
			Keystrokes(c, "us"),
			Keystrokes(c, "ru") + "\r",
			c.Grouped(),
			"  " + strings.ReplaceAll(c.Grouped(), " ", "\u00a0") + " \n", // pasted with no-break spaces
			grouped(kz),
		} {
			got, err := Parse(input, c.Session())
			if err != nil || got != c {
				t.Fatalf("Parse(%q) = %s, %v; want %s", input, got, err, c)
			}
		}
	}
}

// grouped puts a space after every four characters, as a person types
// the groups of the print.
func grouped(s string) string {
	var b strings.Builder
	for i, r := range []rune(s) {
		if i > 0 && i%4 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func TestKeystrokesOnTheKazakhLayout(t *testing.T) {
	c := mustNew(t, "1234", 5678901) // check digit 8, worked through the table
	if got, want := Keystrokes(c, "kz"), "\"әіңғ,.үұқ\"ү"; got != want {
		t.Errorf("Keystrokes(%s, kz) = %q, want %q", c, got, want)
	}
	if got := Keystrokes(c, "us"); got != c.String() {
		t.Errorf("Keystrokes(%s, us) = %q", c, got)
	}
	defer func() {
		if recover() == nil {
			t.Error("Keystrokes on layout \"de\" did not panic")
		}
	}()
	Keystrokes(c, "de")
}

// The characters besides ASCII digits that are read, written out by hand
// from the xkeyboard-config files: the kz number row and its capitals,
// and the shifted rows where us, ru and kz agree. ";" (ru 4, kz 6) and
// ":" (ru 6, kz 7) are not among them.
func TestShiftedRowsAreReadOnlyWhereTheLayoutsAgree(t *testing.T) {
	want := map[rune]byte{
		'"': 1, 'ә': 2, 'і': 3, 'ң': 4, 'ғ': 5, ',': 6, '.': 7, 'ү': 8, 'ұ': 9, 'қ': 0,
		'Ә': 2, 'І': 3, 'Ң': 4, 'Ғ': 5, 'Ү': 8, 'Ұ': 9, 'Қ': 0,
		'!': 1, '@': 2, '#': 3, '№': 3, '$': 4, '%': 5, '^': 6, '&': 7, '?': 7, '*': 8, '(': 9, ')': 0,
	}
	for d := range byte(10) {
		want[rune('0'+d)] = d
	}
	if !maps.Equal(digitOf, want) {
		for r, d := range digitOf {
			if w, ok := want[r]; !ok || w != d {
				t.Errorf("%q is read as %d, want %v", r, d, map[bool]any{true: w, false: "refused"}[ok])
			}
		}
		for r := range want {
			if _, ok := digitOf[r]; !ok {
				t.Errorf("%q is not read, want %d", r, want[r])
			}
		}
	}
}

// The tables of numberRows against the xkeyboard-config files of this
// machine (Debian's xkb-data), where they are installed: the key for
// digit d is <AE0d> (<AE10> for 0), its first two keysyms plain and
// shifted.
func TestNumberRowsFollowXKeyboardConfig(t *testing.T) {
	keysym := map[string]string{
		"quotedbl": "\"", "exclam": "!", "comma": ",", "semicolon": ";", "period": ".", "colon": ":",
		"numerosign": "№", "percent": "%", "question": "?", "asterisk": "*", "parenleft": "(", "parenright": ")",
		"Cyrillic_schwa": "\u04d9", "Cyrillic_SCHWA": "\u04d8",
		"Ukrainian_i": "\u0456", "Ukrainian_I": "\u0406",
		"Cyrillic_en_descender": "\u04a3", "Cyrillic_EN_descender": "\u04a2",
		"Cyrillic_ghe_bar": "\u0493", "Cyrillic_GHE_bar": "\u0492",
		"Cyrillic_u_straight": "\u04af", "Cyrillic_U_straight": "\u04ae",
		"Cyrillic_u_straight_bar": "\u04b1", "Cyrillic_U_straight_bar": "\u04b0",
		"Cyrillic_ka_descender": "\u049b", "Cyrillic_KA_descender": "\u049a",
	}
	for d := range 10 {
		keysym[string(rune('0'+d))] = string(rune('0' + d))
	}
	for _, tc := range []struct {
		layout, file string
		sections     []string // read in order, a later one overriding
	}{
		{"kz", "kz", []string{"basic"}},
		{"ru", "ru", []string{"common", "winkeys"}},
	} {
		path := "/usr/share/X11/xkb/symbols/" + tc.file
		if _, err := os.Stat(path); err != nil {
			t.Skipf("%s: %v (Debian's xkb-data has it)", path, err)
		}
		keys := map[string][]string{}
		for _, s := range tc.sections {
			maps.Copy(keys, xkbSection(t, path, s))
		}
		row := numberRows[tc.layout]
		for d := range 10 {
			name := "AE" + []string{"10", "01", "02", "03", "04", "05", "06", "07", "08", "09"}[d]
			syms := keys[name]
			if len(syms) < 2 {
				t.Errorf("%s: <%s> has %v", path, name, syms)
				continue
			}
			if got := []string{keysym[syms[0]], keysym[syms[1]]}; !slices.Equal(got, []string{row.plain[d], row.shifted[d]}) {
				t.Errorf("%s <%s> types %v (%v); numberRows[%s] has %q, %q", tc.file, name, got, syms[:2], tc.layout, row.plain[d], row.shifted[d])
			}
		}
	}
}

var xkbKey = regexp.MustCompile(`key\s+<(\w+)>\s*\{\s*\[\s*([^\]]*)\]`)

// xkbSection is the keysyms of each key of one xkb_symbols section.
func xkbSection(t *testing.T, path, section string) map[string][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string][]string{}
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.Contains(line, `xkb_symbols "`+section+`"`):
			in = true
		case in && strings.HasPrefix(line, "};"):
			return out
		case in:
			if m := xkbKey.FindStringSubmatch(line); m != nil {
				var syms []string
				for _, s := range strings.Split(m[2], ",") {
					syms = append(syms, strings.TrimSpace(s))
				}
				out[m[1]] = syms
			}
		}
	}
	t.Fatalf("%s: no section %q", path, section)
	return nil
}

func TestParseRefusesWithItsReason(t *testing.T) {
	good := mustNew(t, "1234", 5678901) // 1234 5678 9018
	other := mustNew(t, "9876", 5678901)
	badCheck := good.String()[:11] + "5"
	for _, tc := range []struct {
		name, input string
		code        string
		args        []any
	}{
		{"letter", "1234 5678 9O14", ErrNotDigits, []any{"O"}},
		{"latin letter on the kz row", "1234 5678 9ui4", ErrNotDigits, []any{"u"}},
		{"kz semicolon: 6 or ru 4", "12345;789014", ErrNotDigits, []any{";"}},
		{"kz colon: 7 or ru 6", "123456:89014", ErrNotDigits, []any{":"}},
		{"tab inside", "1234\t5678 9014", ErrNotDigits, []any{"\t"}},
		{"hyphens", "1234-5678-9014", ErrNotDigits, []any{"-"}},
		{"first bad character wins over length", "x1", ErrNotDigits, []any{"x"}},
		{"short", "1234 5678 901", ErrLength, []any{11, 12}},
		{"long", "1234 5678 90144", ErrLength, []any{13, 12}},
		{"nothing", " \r\n", ErrLength, []any{0, 12}},
		{"check digit", badCheck, ErrCheckDigit, []any{"1234 5678 9015"}},
		{"check digit, typed on kz", string([]rune(Keystrokes(good, "kz"))[:11]) + "ғ", ErrCheckDigit, []any{"1234 5678 9015"}},
		{"another session", other.Grouped(), ErrSession, []any{"9876", "1234"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Parse(tc.input, "1234")
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Parse(%q) = %s, %v; want *Error %s", tc.input, c, err, tc.code)
			}
			if e.Code != tc.code || !slices.Equal(e.Args, tc.args) {
				t.Errorf("Parse(%q) = %s %v, want %s %v", tc.input, e.Code, e.Args, tc.code, tc.args)
			}
			if !c.IsZero() {
				t.Errorf("Parse(%q) refused but gave %s", tc.input, c)
			}
		})
	}
	if c, err := Parse(good.String(), "1234"); err != nil || c != good {
		t.Errorf("Parse(%s) = %s, %v", good, c, err)
	}
}

func TestParseTellsAWrongSessionArgumentFromABadInput(t *testing.T) {
	good := mustNew(t, "1234", 5678901)
	for _, s := range []string{"", "123", "12345", "abcd"} {
		_, err := Parse(good.String(), s)
		var e *Error
		if err == nil || errors.As(err, &e) {
			t.Errorf("Parse with session %q: %v, want a plain error", s, err)
		}
	}
}

func BenchmarkParse(b *testing.B) {
	c, err := New("1234", 5678901)
	if err != nil {
		b.Fatal(err)
	}
	input := Keystrokes(c, "kz") + "\r"
	for b.Loop() {
		if _, err := Parse(input, "1234"); err != nil {
			b.Fatal(err)
		}
	}
}
