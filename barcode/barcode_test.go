package barcode

import (
	crand "crypto/rand"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"testing"
)

func TestNewRefusesABadSessionOrSerial(t *testing.T) {
	for _, tc := range []struct {
		session string
		serial  int
	}{
		{"123", 1}, {"12345", 1}, {"12a4", 1}, {"", 1}, {"١٢٣٤", 1},
		{"1234", -1}, {"1234", Serials}, {"1234", 1 << 40},
	} {
		if c, err := New(tc.session, tc.serial); err == nil {
			t.Errorf("New(%q, %d) = %s, want an error", tc.session, tc.serial, c)
		}
	}
}

func TestCodeHasSessionSerialAndCheckDigit(t *testing.T) {
	for _, tc := range []struct {
		session         string
		serial          int
		digits, grouped string
	}{
		// The check digits are Damm's of the first eleven, worked by hand
		// through the table.
		{"0042", 7, "004200000075", "0042 0000 0075"},
		{"0000", 0, "000000000000", "0000 0000 0000"},
		{"9999", Serials - 1, "999999999999", "9999 9999 9999"},
	} {
		c := mustNew(t, tc.session, tc.serial)
		if c.String() != tc.digits || c.Grouped() != tc.grouped {
			t.Errorf("New(%s, %d) = %s / %s, want %s / %s", tc.session, tc.serial, c, c.Grouped(), tc.digits, tc.grouped)
		}
		if c.Session() != tc.session || c.Serial() != tc.serial || c.IsZero() {
			t.Errorf("%s: session %s serial %d zero %v", c, c.Session(), c.Serial(), c.IsZero())
		}
	}
	var zero Code
	if !zero.IsZero() || zero.String() != "" || zero.Grouped() != "" || zero.Session() != "" || zero.Serial() != -1 {
		t.Errorf("the zero Code is %q %q %q %d", zero.String(), zero.Grouped(), zero.Session(), zero.Serial())
	}
}

// A Code inside an event goes to JSON as its digits and comes back equal;
// what is not a code does not come back.
func TestCodeEncodesAsItsDigits(t *testing.T) {
	type event struct {
		Sheet Code `json:"sheet"`
		None  Code `json:"none"`
	}
	c := mustNew(t, "1234", 5678901)
	b, err := json.Marshal(event{Sheet: c})
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != `{"sheet":"123456789018","none":""}` {
		t.Errorf("json of a code: %s", b)
	}
	var back event
	if err := json.Unmarshal(b, &back); err != nil || back.Sheet != c || !back.None.IsZero() {
		t.Errorf("read back %+v, %v", back, err)
	}
	for _, bad := range []string{`"123456789015"`, `"12345678901"`, `"1234567890188"`, `"12345678901x"`} {
		var x Code
		if err := json.Unmarshal([]byte(bad), &x); err == nil {
			t.Errorf("%s read as %s", bad, x)
		}
	}
}

func TestSessionCodeIsFourDigitsOfTheSeed(t *testing.T) {
	for _, tc := range []struct {
		seed []byte
		want string
	}{
		{[]byte{0, 0, 0, 0, 0, 0, 0x30, 0x39}, "2345"}, // 12345 mod 10000
		{[]byte{0, 0, 0, 0, 0, 0, 0, 7, 0xff}, "0007"}, // zero-padded; the ninth byte is not read
		{[]byte{0, 0, 0x30, 0x39}, "9120"},             // short, padded on the right: 12345·2³² = 53021371269120
		{nil, "0000"},
		{[]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, "1615"}, // 18446744073709551615
	} {
		if got := SessionCode(tc.seed); got != tc.want {
			t.Errorf("SessionCode(% x) = %s, want %s", tc.seed, got, tc.want)
		}
	}
	a := sha256.Sum256([]byte("hall 12, first event"))
	b := sha256.Sum256([]byte("hall 13, first event"))
	sa, sb := SessionCode(a[:]), SessionCode(b[:])
	if len(sa) != 4 || !isDigits(sa) || sa == sb {
		t.Errorf("sessions of two halls: %q and %q", sa, sb)
	}
}

// Of ten million serials only three are free: Random finds each once,
// then says the session is full.
func TestRandomNeverReturnsATakenSerial(t *testing.T) {
	free := []int{3, 4_999_999, Serials - 2}
	given := map[Code]bool{}
	taken := func(c Code) bool {
		if c.Session() != "0815" {
			t.Fatalf("taken asked about %s, of another session", c)
		}
		return given[c] || !slices.Contains(free, c.Serial())
	}
	var got []int
	for range free {
		c, err := Random("0815", seeded(2), taken)
		if err != nil {
			t.Fatal(err)
		}
		if taken(c) {
			t.Fatalf("Random gave %s, which is taken", c)
		}
		given[c] = true
		got = append(got, c.Serial())
	}
	slices.Sort(got)
	if !slices.Equal(got, free) {
		t.Errorf("Random gave %v, want each of %v once", got, free)
	}
	if c, err := Random("0815", seeded(2), taken); !errors.Is(err, ErrExhausted) {
		t.Errorf("Random on a full session = %s, %v; want ErrExhausted", c, err)
	}
}

// A day's worth of codes, each checked against those already given, as
// the caller does with the log.
func TestRandomGivesEachSerialOnce(t *testing.T) {
	rng := seeded(3)
	given := map[Code]bool{}
	for range 20_000 {
		c, err := Random("1234", rng, func(c Code) bool { return given[c] })
		if err != nil {
			t.Fatal(err)
		}
		if given[c] {
			t.Fatalf("%s given twice", c)
		}
		if c.Session() != "1234" || !CheckDigitOK(c.String()) {
			t.Fatalf("Random gave %s", c)
		}
		given[c] = true
	}
}

// Nobody may read the order of the candidates from the serials: in order
// of issue they go up about as often as down, never step by one, and
// spread over the whole space.
func TestRandomSerialsAreNotInOrder(t *testing.T) {
	rng := seeded(4)
	const n = 1000
	serials := make([]int, n)
	var deciles [10]int
	for i := range serials {
		c, err := Random("1234", rng, nil)
		if err != nil {
			t.Fatal(err)
		}
		serials[i] = c.Serial()
		deciles[serials[i]/(Serials/10)]++
	}
	ups := 0
	for i := 1; i < n; i++ {
		if d := serials[i] - serials[i-1]; d == 1 || d == -1 {
			t.Errorf("serials %d then %d: consecutive", serials[i-1], serials[i])
		} else if d > 0 {
			ups++
		}
	}
	if ups < n*4/10 || ups > n*6/10 {
		t.Errorf("%d of %d steps go up: ordered", ups, n-1)
	}
	for d, k := range deciles {
		if k < n/20 {
			t.Errorf("only %d of %d serials in decile %d", k, n, d)
		}
	}
}

func TestRandomWorksOnTheSystemSource(t *testing.T) {
	a, err := Random("1234", crand.Reader, nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Random("1234", crand.Reader, func(c Code) bool { return c == a })
	if err != nil || a == b {
		t.Errorf("Random = %s then %s, %v", a, b, err)
	}
}

func TestRandomReportsABrokenSourceAndABadSession(t *testing.T) {
	if _, err := Random("1234", io.LimitReader(seeded(5), 2), nil); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("Random on a source that runs dry: %v", err)
	}
	if _, err := Random("12", seeded(5), nil); err == nil {
		t.Error("Random accepted session 12")
	}
}
