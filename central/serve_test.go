package central_test

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"examday/central"
)

func postJSON(t *testing.T, url string, v any) (int, []byte) {
	t.Helper()
	body, _ := json.Marshal(v)
	resp, err := http.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, out
}

func errorBody(t *testing.T, raw []byte) central.ErrorBody {
	t.Helper()
	var e central.ErrorBody
	if err := json.Unmarshal(raw, &e); err != nil {
		t.Fatalf("%q: %v", raw, err)
	}
	return e
}

// The enrolment over HTTP: a token registers one laptop's key once; the
// same laptop may ask again (its answer lost); a used or unknown token
// and a device id that is not the key's are refused.
func TestHTTPEnrolmentAndLogState(t *testing.T) {
	db := newCentral(t)
	srv := httptest.NewServer(central.NewHandler(db, central.ServerOptions{}))
	defer srv.Close()
	pub, _, _ := ed25519.GenerateKey(rand.Reader)
	sum := sha256.Sum256(pub)
	device := hex.EncodeToString(sum[:])
	token, err := db.NewToken("Audience 204")
	if err != nil {
		t.Fatal(err)
	}
	req := central.EnrollRequest{Token: token, Device: device, PublicKey: base64.StdEncoding.EncodeToString(pub)}

	bad := req
	bad.Device = strings.Repeat("0", 64)
	if code, raw := postJSON(t, srv.URL+central.PathEnroll, bad); code != 400 || errorBody(t, raw).Check != central.CheckDevice {
		t.Fatalf("device not the key's: %d %s", code, raw)
	}
	code, raw := postJSON(t, srv.URL+central.PathEnroll, req)
	var resp central.EnrollResponse
	if code != 200 || json.Unmarshal(raw, &resp) != nil || resp.Hall != "Audience 204" || resp.CentralKey != db.VerifierKey() {
		t.Fatalf("enrol: %d %s", code, raw)
	}
	if !strings.HasPrefix(resp.CentralKey, "examday-central/"+db.ID()+"+") {
		t.Fatalf("central key %q", resp.CentralKey)
	}
	if code, _ := postJSON(t, srv.URL+central.PathEnroll, req); code != 200 {
		t.Fatalf("the same laptop again: %d", code)
	}
	pub2, _, _ := ed25519.GenerateKey(rand.Reader)
	sum2 := sha256.Sum256(pub2)
	other := central.EnrollRequest{Token: token, Device: hex.EncodeToString(sum2[:]), PublicKey: base64.StdEncoding.EncodeToString(pub2)}
	if code, raw := postJSON(t, srv.URL+central.PathEnroll, other); code != 403 || errorBody(t, raw).Check != central.CheckToken {
		t.Fatalf("used token: %d %s", code, raw)
	}
	other.Token = "nosuchtoken"
	if code, raw := postJSON(t, srv.URL+central.PathEnroll, other); code != 403 || errorBody(t, raw).Check != central.CheckToken {
		t.Fatalf("unknown token: %d %s", code, raw)
	}

	get := func(path string) (int, []byte) {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, b
	}
	epoch := strings.Repeat("ab", 16)
	code, raw = get(central.PathLogs + device + "/" + epoch)
	var st central.LogState
	if code != 200 || json.Unmarshal(raw, &st) != nil || st.Size != 0 || st.Receipt != "" {
		t.Fatalf("state: %d %s", code, raw)
	}
	if code, _ := get(central.PathLogs + other.Device + "/" + epoch); code != 403 {
		t.Fatalf("state of an unknown device: %d", code)
	}
	if code, raw := get("/v1/nothing"); code != 404 || errorBody(t, raw).Error == "" {
		t.Fatalf("unknown path: %d %s", code, raw)
	}
	var rows []central.AuditRow
	db.Audit(func(r central.AuditRow) bool { rows = append(rows, r); return true })
	if len(rows) != 5 || rows[0].Result != central.ResultRefused || rows[0].Via != "http" || rows[0].Kind != "enroll" {
		t.Fatalf("audit %+v", rows)
	}
}
