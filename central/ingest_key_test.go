package central_test

import (
	"net/http"
	"strings"
	"testing"

	"examday/bundle"
	"examday/central"
)

// The header names the laptop's key. The central record verifies with the
// key it enrolled, but a header that names another key is a bundle that
// lies about itself, even when every event and the checkpoint are the
// laptop's: it is refused for its key, audited, and nothing is taken —
// whether it starts a log, continues one or repeats what is held.
func TestIngestRefusesAHeaderThatNamesAnotherKey(t *testing.T) {
	l := newLaptop(t, t.TempDir(), 5, 40)
	other := newLaptop(t, t.TempDir(), 3, 10)
	db := newCentral(t)
	enroll(t, db, l.pub, "Audience 204")

	// Two bits flipped in the base64 of the key, the final SHA-256 put
	// right again: the content is the laptop's, only the header lies.
	flipKey := func(key string) string {
		// name+hash+base64: the base64 may hold a "+" of its own.
		parts := strings.SplitN(key, "+", 3)
		b := []byte(key)
		i := len(parts[0]) + len(parts[1]) + 2 + 10
		b[i] ^= 0x01
		b[i+5] ^= 0x02
		return string(b)
	}
	withKey := func(data []byte, key string) []byte {
		b, err := bundle.Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		b.Header.Key = key
		out, err := bundle.Encode(b.Header, b.Events, b.Checkpoint)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	lies := []struct {
		name string
		key  string
	}{
		{"two bits flipped", flipKey(l.full.Header.Key)},
		{"another laptop's key", other.full.Header.Key},
		{"the right key under another name", strings.Replace(l.full.Header.Key, l.full.Header.Epoch, strings.Repeat("0", 32), 1)},
		{"no key", ""},
	}
	check := func(name string, data []byte) {
		t.Helper()
		ref := expectRefused(t, db, name, data, http.StatusBadRequest, string(bundle.CheckKey))
		if ref.Body.Line != 2 || !strings.Contains(ref.Body.Error, "header") || !strings.Contains(ref.Body.Error, "enrolled") {
			t.Errorf("%s: the reason %q (line %d) does not say the header's key is not the enrolled one", name, ref.Body.Error, ref.Body.Line)
		}
	}
	for _, lie := range lies {
		check("first bundle, "+lie.name, withKey(l.cut(t, 1, 20), lie.key))
	}
	holds(t, db, l, 0)
	mustIngest(t, db, l.cut(t, 1, 20))
	for _, lie := range lies {
		check("next bundle, "+lie.name, withKey(l.cut(t, 21, 40), lie.key))
		check("held bundle, "+lie.name, withKey(l.cut(t, 1, 20), lie.key))
	}
	holds(t, db, l, 20)

	var rows []central.AuditRow
	db.Audit(func(r central.AuditRow) bool { rows = append(rows, r); return true })
	refused := 0
	for _, r := range rows {
		if r.Result == central.ResultRefused && r.Check == string(bundle.CheckKey) && r.Device == l.device() {
			refused++
		}
	}
	if refused != 3*len(lies) {
		t.Errorf("%d refusals for the key audited; want %d", refused, 3*len(lies))
	}
	mustIngest(t, db, l.cut(t, 21, 40))
	holds(t, db, l, 40)
}
