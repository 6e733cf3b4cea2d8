package central_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"examday/central"
)

func requestOf(token string, l *laptop, role string) central.EnrollRequest {
	sum := sha256.Sum256(l.pub)
	return central.EnrollRequest{Token: token, Device: hex.EncodeToString(sum[:]), PublicKey: base64.StdEncoding.EncodeToString(l.pub), Role: role}
}

// A token is for one role: a hall laptop cannot use a marking station's
// token (and the token stays unused), and a device enrolled as a marking
// station has no hall laptop's record taken from it.
func TestARoleIsNeverTakenForTheOther(t *testing.T) {
	db := newCentral(t)
	l := newLaptop(t, t.TempDir(), 4, 20)
	markerToken, err := db.NewEnrolmentToken(central.Enrolment{Role: central.RoleMarker, Name: "Ержан Сейткали"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.Enroll(requestOf(markerToken, l, "hall"), "http", "test")
	if ref := refusalOf(err); ref == nil || ref.Status != 403 || ref.Body.Check != central.CheckRole {
		t.Fatalf("a hall laptop with a marker's token: %v", err)
	}
	devices, _ := db.Devices()
	if len(devices) != 0 {
		t.Fatalf("enrolled: %+v", devices)
	}
	// The token was not used up: the marking station it was made for
	// enrols with it (here the same key, standing for one).
	resp, err := db.Enroll(requestOf(markerToken, l, "marker"), "http", "test")
	if err != nil || resp.Role != central.RoleMarker || resp.Name != "Ержан Сейткали" || resp.Hall != "" {
		t.Fatalf("the marker's enrolment: %+v %v", resp, err)
	}
	// Its device's bundles are a hall's record: refused for that.
	_, err = db.Ingest(l.cut(t, 1, l.size()), "file", "stick")
	if ref := refusalOf(err); ref == nil || ref.Status != 403 || ref.Body.Check != central.CheckRole || !strings.Contains(ref.Body.Error, "a hall's record") {
		t.Fatalf("a hall's bundle from a marking station: %v", err)
	}
	if logs, _ := db.Logs(); len(logs) != 0 {
		t.Fatalf("a log was taken: %+v", logs)
	}
	devices, _ = db.Devices()
	if len(devices) != 1 || devices[0].Role != central.RoleMarker || devices[0].Name != "Ержан Сейткали" {
		t.Fatalf("devices: %+v", devices)
	}

	// A hall laptop's own enrolment and log are a hall's.
	other := newLaptop(t, t.TempDir(), 4, 10)
	resp = enroll(t, db, other.pub, "Audience 204")
	if resp.Role != central.RoleHall || resp.Hall != "Audience 204" || resp.Name != "Audience 204" {
		t.Fatalf("hall enrolment: %+v", resp)
	}
	if _, err := db.Ingest(other.cut(t, 1, other.size()), "file", "stick"); err != nil {
		t.Fatal(err)
	}
	logs, _ := db.Logs()
	if len(logs) != 1 || logs[0].Role != central.RoleHall {
		t.Fatalf("logs: %+v", logs)
	}
	// A request naming no role is a hall laptop's, as an earlier laptop
	// sends it; an unknown role is refused.
	tok, _ := db.NewToken("Audience 205")
	third := newLaptop(t, t.TempDir(), 2, 5)
	if _, err := db.Enroll(requestOf(tok, third, "judge"), "http", "test"); refusalOf(err) == nil || refusalOf(err).Body.Check != central.CheckRole {
		t.Fatalf("unknown role: %v", err)
	}
	if resp, err := db.Enroll(requestOf(tok, third, ""), "http", "test"); err != nil || resp.Role != central.RoleHall {
		t.Fatalf("no role: %+v %v", resp, err)
	}
}

// A backup taken while pushes keep arriving is one moment of the file:
// read back, it verifies whole, and every log in it is as one of the
// pushes left it, never half of one.
func TestABackupWhilePushesArriveIsConsistentAndVerified(t *testing.T) {
	db := newCentral(t)
	var laptops []*laptop
	for i := range 3 {
		l := newLaptop(t, t.TempDir(), 4, 200)
		enroll(t, db, l.pub, "Audience "+string(rune('A'+i)))
		laptops = append(laptops, l)
	}
	key, _ := os.ReadFile(central.KeyPath(db.Path()))
	text := strings.TrimSpace(string(key))
	// PRIVATE+KEY+<name>+<hash>+<key>: the key's base64 may hold a '+'.
	fields := strings.SplitN(text, "+", 5)
	raw, err := base64.StdEncoding.DecodeString(fields[len(fields)-1])
	if err != nil || len(raw) != 33 {
		t.Fatalf("the key file: %v", err)
	}
	seed := raw[1:]
	var wg sync.WaitGroup
	for _, l := range laptops {
		wg.Go(func() {
			for from := uint64(1); from <= l.size(); from += 10 {
				if _, err := db.Ingest(l.cut(t, from, from+9), "http", "test"); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	pushed := make(chan struct{})
	go func() { wg.Wait(); close(pushed) }()
	dir := t.TempDir()
	var copies []central.Summary
	between := 0
	for i := 0; ; i++ {
		path := filepath.Join(dir, fmt.Sprintf("backup%d.db", i))
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		sum, err := db.Backup(f)
		if err == nil {
			err = f.Sync()
		}
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if err := central.VerifyCopy(path, sum); err != nil {
			t.Fatalf("copy %d: %v", i, err)
		}
		if sum.Events%10 != 0 || sum.Key != db.VerifierKey() {
			t.Fatalf("copy %d holds %d events: half of a push", i, sum.Events)
		}
		if sum.Events > 0 && sum.Events < 600 {
			between++
		}
		copyBytes, _ := os.ReadFile(path)
		if bytes.Contains(copyBytes, seed) {
			t.Fatal("the signing key is in the backup")
		}
		copies = append(copies, sum)
		select {
		case <-pushed:
		default:
			continue
		}
		break
	}
	if between == 0 {
		t.Fatalf("no copy was taken while the pushes went on (%d copies)", len(copies))
	}
	t.Logf("%d copies, %d of them taken between pushes", len(copies), between)
	// A copy that does not hold what was counted is told apart.
	last := copies[len(copies)-1]
	last.Events++
	if err := central.VerifyCopy(filepath.Join(dir, fmt.Sprintf("backup%d.db", len(copies)-1)), last); !errors.Is(err, central.ErrCopyDiffers) {
		t.Fatalf("a copy short of an event: %v", err)
	}
	final, _ := db.Summary()
	if final.Events != 600 || final.Logs != 3 {
		t.Fatalf("after the pushes: %+v", final)
	}
}

// GET /healthz answers 200 with what the file holds, and 503 when the
// file cannot sign (opened read-only).
func TestHealthzSaysTheFileIsSound(t *testing.T) {
	db := newCentral(t)
	l := newLaptop(t, t.TempDir(), 4, 12)
	enroll(t, db, l.pub, "Audience 204")
	if _, err := db.Ingest(l.cut(t, 1, l.size()), "http", "test"); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(central.NewHandler(db, central.ServerOptions{}))
	defer srv.Close()
	resp, err := http.Get(srv.URL + central.PathHealth)
	if err != nil {
		t.Fatal(err)
	}
	var h central.Health
	json.NewDecoder(resp.Body).Decode(&h)
	resp.Body.Close()
	if resp.StatusCode != 200 || h != (central.Health{Status: "ok", Devices: 1, Logs: 1, Events: 12}) {
		t.Fatalf("healthz: %d %+v", resp.StatusCode, h)
	}

	path := db.Path()
	db.Close()
	ro, err := central.Open(path, central.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	srv2 := httptest.NewServer(central.NewHandler(ro, central.ServerOptions{}))
	defer srv2.Close()
	resp, err = http.Get(srv2.URL + central.PathHealth)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 503 || !strings.Contains(string(body), `"check":"write"`) {
		t.Fatalf("read-only: %d %s", resp.StatusCode, body)
	}
}

// The admin channel: a request not made with the secret of FILE.admin is
// answered 401 and does nothing; a note whose server is gone is no
// server; a server found through the note does the work on its file.
func TestTheAdminChannelTakesOnlyRequestsMadeWithItsSecret(t *testing.T) {
	db := newCentral(t)
	if _, err := central.DialAdmin(db.Path()); !errors.Is(err, central.ErrNoServer) {
		t.Fatalf("no note: %v", err)
	}
	adm, err := central.StartAdmin(db, nil)
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(central.AdminPath(db.Path()))
	if err != nil || info.Mode().Perm()&0o077 != 0 && os.PathSeparator == '/' {
		t.Fatalf("the note: %v %v", info, err)
	}
	var note struct{ Addr, Secret string }
	raw, _ := os.ReadFile(central.AdminPath(db.Path()))
	json.Unmarshal(raw, &note)
	for _, auth := range []string{"", note.Secret, strings.Repeat("0", 64)} {
		req, _ := http.NewRequest("POST", "http://"+note.Addr+"/admin/token", strings.NewReader(`{"role":"hall","name":"X"}`))
		req.Header.Set("Examday-Admin-Nonce", strings.Repeat("a", 32))
		req.Header.Set("Examday-Admin-Auth", auth)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 401 {
			t.Fatalf("auth %q: %d", auth, resp.StatusCode)
		}
	}
	c, err := central.DialAdmin(db.Path())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.NewEnrolmentToken(central.Enrolment{Role: central.RoleHall, Name: "Audience 204"}); err != nil {
		t.Fatal(err)
	}
	// A refusal comes back as the same refusal, a coded error with its
	// code and arguments.
	if _, err := c.Revoke("ffff"); err == nil || err.Error() != `no enrolled device "ffff"` {
		t.Fatalf("revoke: %v", err)
	} else if coded, ok := err.(interface{ ErrorCode() (string, []any) }); !ok {
		t.Fatalf("not coded: %T", err)
	} else if code, args := coded.ErrorCode(); code != "central.revoke.unknown" || len(args) != 1 || args[0] != "ffff" {
		t.Fatalf("code %s %v", code, args)
	}
	if _, err := c.IngestFile(filepath.Join(t.TempDir(), "none")); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("missing file: %v", err)
	}
	c.Close()
	if err := adm.Stop(t.Context()); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(central.AdminPath(db.Path())); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("the note stays after the stop")
	}
	// A note left by a server that was killed: nothing answers there.
	os.WriteFile(central.AdminPath(db.Path()), raw, 0o600)
	if _, err := central.DialAdmin(db.Path()); !errors.Is(err, central.ErrNoServer) {
		t.Fatalf("stale note: %v", err)
	}
}

// An enrolment by file goes through the same checks as over HTTP, and its
// answer is signed: one changed byte and it is not an answer.
func TestAnEnrolmentByFileIsCheckedAndItsAnswerSigned(t *testing.T) {
	db := newCentral(t)
	l := newLaptop(t, t.TempDir(), 4, 8)
	tok, _ := db.NewToken("Audience 204")
	req := central.EnrolmentRequestFile(requestOf(tok, l, "hall"), "Аудитория 214")
	answer, resp, err := db.EnrollFromFile(req, "req.json")
	if err != nil || resp.Hall != "Audience 204" {
		t.Fatalf("%+v %v", resp, err)
	}
	a, err := central.OpenEnrolmentAnswer(answer)
	if err != nil || a.Device != requestOf("", l, "").Device || a.Role != central.RoleHall || a.Name != "Audience 204" || a.CentralKey != db.VerifierKey() {
		t.Fatalf("answer: %+v %v", a, err)
	}
	// The same request again (the answer was lost): the same enrolment.
	if again, _, err := db.EnrollFromFile(req, "req.json"); err != nil {
		t.Fatal(err)
	} else if b, _ := central.OpenEnrolmentAnswer(again); b != a {
		t.Fatalf("again: %+v", b)
	}
	// Another laptop with the used token: refused, as over HTTP, and audited.
	other := newLaptop(t, t.TempDir(), 2, 4)
	_, _, err = db.EnrollFromFile(central.EnrolmentRequestFile(requestOf(tok, other, "hall"), ""), "other.json")
	if ref := refusalOf(err); ref == nil || ref.Body.Check != central.CheckToken {
		t.Fatalf("used token: %v", err)
	}
	if f, _ := db.RecentFailures(5); len(f) != 1 || f[0].Via != "file" || f[0].Remote != "other.json" {
		t.Fatalf("audit: %+v", f)
	}
	if _, _, err := db.EnrollFromFile([]byte("not a request"), "x"); refusalOf(err) == nil || refusalOf(err).Body.Check != "format" {
		t.Fatalf("not a request: %v", err)
	}
	changed := bytes.Replace(answer, []byte("Audience 204"), []byte("Audience 205"), 1)
	if _, err := central.OpenEnrolmentAnswer(changed); !errors.Is(err, central.ErrNotAnswer) {
		t.Fatalf("changed answer: %v", err)
	}
}
