package central

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strconv"
	"time"

	"examday/admission"
	"examday/store/boltfile"
)

// The admin channel: how `examday central …` commands reach the central
// record while `examday central serve` holds its file. bbolt locks the
// file for its one writer, so a second program cannot open it; instead the
// server does the work it is asked, on the file it has open, through the
// same methods of DB the command would call itself — one code path, so
// the answer is the same either way.
//
// It is HTTP on a loopback address (127.0.0.1, a port the system picks),
// which every system has, Windows too. The server writes FILE.admin beside
// the record (mode 0600: readable only by the record's owner; on Windows,
// as private as the data directory): its address and a random 256-bit
// secret, made anew at each start and removed at the stop. The secret
// never crosses the connection: each request carries a fresh nonce and an
// HMAC-SHA256 under the secret of the operation, the nonce and its body,
// and each answer an HMAC of the nonce, its status and its body (for a
// backup, in a trailer after the stream) — so only the owner of the
// record can ask, and the command trusts only the server that holds the
// secret, never a program that took the port of a server that is gone.
//
//	POST /admin/{op}   JSON arguments   -> JSON answer, or an adminError
//
// The operations are those of adminOps, and "backup", which streams the
// file.

// AdminPath is the admin note beside the central file at path.
func AdminPath(path string) string { return path + ".admin" }

// ErrNoServer: no `examday central serve` answers for the file.
var ErrNoServer = errors.New("no central record server runs for this file")

const (
	headerNonce = "Examday-Admin-Nonce"
	headerAuth  = "Examday-Admin-Auth"
	headerProof = "Examday-Admin-Proof"
	headerSum   = "Examday-Admin-Summary"
	adminPrefix = "/admin/"
)

// adminNote is FILE.admin.
type adminNote struct {
	Addr   string    `json:"addr"`
	Secret string    `json:"secret"` // hex
	PID    int       `json:"pid"`
	Since  time.Time `json:"since"`
}

func adminMAC(secret []byte, parts ...string) string {
	m := hmac.New(sha256.New, secret)
	for _, p := range parts {
		io.WriteString(m, p)
		m.Write([]byte{0})
	}
	return hex.EncodeToString(m.Sum(nil))
}

func sumHex(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// The arguments and answers of the operations.
type (
	adminInfo struct {
		Path string `json:"path"`
		Key  string `json:"key"`
	}
	adminToken  struct{ Token string }
	adminDevice struct{ Device string }
	adminImport struct {
		Path string
		Size int64
		Data []byte
	}
	adminEnroll struct {
		Path string
		Data []byte
	}
	adminEnrolled struct {
		Response EnrollResponse
		Answer   []byte
	}
	adminN   struct{ N uint64 }
	adminArg struct{ Arg string }
)

// adminOps are the operations, each over the server's open DB.
var adminOps = map[string]func(d *DB, in []byte) (any, error){
	"info": func(d *DB, _ []byte) (any, error) { return adminInfo{d.path, d.vkey}, nil },
	"token": withArgs(func(d *DB, e Enrolment) (any, error) {
		t, err := d.NewEnrolmentToken(e)
		return adminToken{t}, err
	}),
	"revoke": withArgs(func(d *DB, a adminDevice) (any, error) {
		id, err := d.Revoke(a.Device)
		return adminDevice{id}, err
	}),
	"import": withArgs(func(d *DB, a adminImport) (any, error) { return d.IngestFileData(a.Path, a.Size, a.Data) }),
	"enroll": withArgs(func(d *DB, a adminEnroll) (any, error) {
		answer, resp, err := d.EnrollFromFile(a.Data, a.Path)
		return adminEnrolled{resp, answer}, err
	}),
	"devices":  func(d *DB, _ []byte) (any, error) { return d.Devices() },
	"logs":     func(d *DB, _ []byte) (any, error) { return d.Logs() },
	"failures": withArgs(func(d *DB, a adminN) (any, error) { return d.RecentFailures(int(a.N)) }),
	"timeline": withArgs(func(d *DB, a adminArg) (any, error) { return d.Timeline(a.Arg) }),
	"hall":     withArgs(func(d *DB, a adminArg) (any, error) { return d.HallTimeline(a.Arg) }),
	"evidence": withArgs(func(d *DB, a adminN) (any, error) { return d.Evidence(a.N) }),
	"check":    func(d *DB, _ []byte) (any, error) { return struct{}{}, d.CheckLogs() },
	"summary":  func(d *DB, _ []byte) (any, error) { return d.Summary() },
	// The commission's book.
	"desk":           func(d *DB, _ []byte) (any, error) { return d.Desk() },
	"examinee_halls": func(d *DB, _ []byte) (any, error) { return d.ExamineeHalls() },
	"book_bundle":    func(d *DB, _ []byte) (any, error) { return d.BookBundle() },
	"campaign_set": withArgs(func(d *DB, r CampaignRequest) (any, error) {
		return d.SetCampaign(r)
	}),
	"applicants_import": withArgs(func(d *DB, r ApplicantsRequest) (any, error) {
		return d.ImportApplicants(r)
	}),
}

func withArgs[T any](fn func(d *DB, args T) (any, error)) func(*DB, []byte) (any, error) {
	return func(d *DB, in []byte) (any, error) {
		var args T
		if err := json.Unmarshal(in, &args); err != nil {
			return nil, fmt.Errorf("the arguments are not readable: %v", err)
		}
		return fn(d, args)
	}
}

// AdminServer is the admin channel of a running server.
type AdminServer struct {
	path   string
	srv    *http.Server
	done   chan error
	secret []byte
}

// StartAdmin opens the admin channel of d: a loopback listener, and
// FILE.admin beside the file saying where and with which secret. log is
// told of each request (nil: nothing).
func StartAdmin(d *DB, log *slog.Logger) (*AdminServer, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	secret := make([]byte, 32)
	if _, err := rand.Read(secret); err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	a := &AdminServer{path: d.path, secret: secret, done: make(chan error, 1)}
	a.srv = &http.Server{Handler: a.handler(d, log), ReadHeaderTimeout: 10 * time.Second, IdleTimeout: time.Minute}
	note, _ := json.Marshal(adminNote{Addr: ln.Addr().String(), Secret: hex.EncodeToString(secret), PID: os.Getpid(), Since: time.Now().UTC()})
	// Replaced whole (a note a killed server left is stale), mode 0600.
	if err := boltfile.Replace(AdminPath(d.path), append(note, '\n')); err != nil {
		ln.Close()
		return nil, fmt.Errorf("writing %s: %w", AdminPath(d.path), err)
	}
	go func() { a.done <- a.srv.Serve(ln) }()
	return a, nil
}

// Stop removes FILE.admin, so no command comes any more, and finishes
// the requests being served.
func (a *AdminServer) Stop(ctx context.Context) error {
	os.Remove(AdminPath(a.path))
	err := a.srv.Shutdown(ctx)
	<-a.done
	return err
}

func (a *AdminServer) handler(d *DB, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		op := r.URL.Path[min(len(adminPrefix), len(r.URL.Path)):]
		status := a.serve(d, w, r, op)
		log.Info("admin", "op", op, "status", status, "took", time.Since(start).Round(time.Microsecond))
	})
}

// serve answers one admin request and returns its status.
func (a *AdminServer) serve(d *DB, w http.ResponseWriter, r *http.Request, op string) int {
	nonce := r.Header.Get(headerNonce)
	body, err := io.ReadAll(io.LimitReader(r.Body, 512<<20))
	if err != nil || r.Method != http.MethodPost || len(nonce) < 32 ||
		!hmac.Equal([]byte(r.Header.Get(headerAuth)), []byte(adminMAC(a.secret, "request", op, nonce, sumHex(body)))) {
		// Nothing is said to one who does not hold the secret.
		w.WriteHeader(http.StatusUnauthorized)
		return http.StatusUnauthorized
	}
	if op == "backup" {
		return a.backup(d, w, nonce)
	}
	fn, ok := adminOps[op]
	var out any
	status := http.StatusOK
	if !ok {
		err = fmt.Errorf("no admin operation %q", op)
	} else {
		out, err = fn(d, body)
	}
	if err != nil {
		status, out = http.StatusConflict, encodeAdminError(err)
	}
	answer, jerr := json.Marshal(out)
	if jerr != nil {
		status, answer = http.StatusConflict, mustJSON(encodeAdminError(jerr))
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set(headerProof, adminMAC(a.secret, "answer", nonce, strconv.Itoa(status), sumHex(answer)))
	w.WriteHeader(status)
	w.Write(answer)
	return status
}

// backup streams the file; the summary, the proof over the stream and any
// failure come in the trailer.
func (a *AdminServer) backup(d *DB, w http.ResponseWriter, nonce string) int {
	w.Header().Set("Trailer", headerProof+", "+headerSum)
	w.Header().Set("Content-Type", "application/octet-stream")
	w.WriteHeader(http.StatusOK)
	h := sha256.New()
	sum, err := d.Backup(io.MultiWriter(w, h))
	var tail []byte
	if err != nil {
		tail = mustJSON(encodeAdminError(err))
	} else {
		tail = mustJSON(sum)
	}
	w.Header().Set(headerSum, string(tail))
	w.Header().Set(headerProof, adminMAC(a.secret, "backup", nonce, hex.EncodeToString(h.Sum(nil)), string(tail), strconv.FormatBool(err == nil)))
	return http.StatusOK
}

func mustJSON(v any) []byte {
	b, _ := json.Marshal(v)
	return b
}

// adminError carries an error over the channel so that the command words
// it as it would words the error of the file opened by itself: a refusal
// whole, a coded error with its code and arguments, a sentinel by name.
type adminError struct {
	Status   int               `json:"status,omitempty"`
	Refusal  *ErrorBody        `json:"refusal,omitempty"`
	Code     string            `json:"code,omitempty"`
	Args     []json.RawMessage `json:"args,omitempty"`
	Sentinel string            `json:"sentinel,omitempty"`
	Log      *LogError         `json:"log,omitempty"`
	Message  string            `json:"message"`
}

// adminSentinels are the errors a command tells apart by errors.Is.
var adminSentinels = map[string]error{
	"damaged": ErrDamaged, "read_only": ErrReadOnly, "key_missing": ErrKeyMissing, "key_mismatch": ErrKeyMismatch,
	"not_central": ErrNotCentral, "newer": ErrNewerSchema, "in_use": ErrInUse, "not_found": ErrNotFound,
	"copy_differs": ErrCopyDiffers, "not_exist": fs.ErrNotExist, "permission": fs.ErrPermission,
	"book_broken": ErrBookBroken, "no_book": ErrNoBook, "no_campaign": ErrNoCampaign,
}

func encodeAdminError(err error) adminError {
	e := adminError{Message: err.Error()}
	var ref *Refusal
	var logErr *LogError
	var c interface{ ErrorCode() (string, []any) }
	switch {
	case errors.As(err, &ref):
		e.Status, e.Refusal = ref.Status, &ref.Body
	case errors.As(err, &logErr):
		e.Log = logErr
	case errors.As(err, &c):
		var args []any
		e.Code, args = c.ErrorCode()
		for _, a := range args {
			e.Args = append(e.Args, mustJSON(a))
		}
	}
	for name, s := range adminSentinels {
		if errors.Is(err, s) {
			e.Sentinel = name
		}
	}
	return e
}

// remoteError is an error the server met, as the command reads it.
type remoteError struct {
	msg      string
	sentinel error
}

func (e *remoteError) Error() string { return e.msg }
func (e *remoteError) Unwrap() error { return e.sentinel }

func (e adminError) decode() error {
	switch {
	case e.Refusal != nil:
		return &Refusal{Status: e.Status, Body: *e.Refusal}
	case e.Log != nil:
		return e.Log
	}
	var cause error = &remoteError{msg: e.Message, sentinel: adminSentinels[e.Sentinel]}
	if e.Code != "" {
		args := make([]any, len(e.Args))
		for i, raw := range e.Args {
			dec := json.NewDecoder(bytes.NewReader(raw))
			dec.UseNumber()
			var v any
			_ = dec.Decode(&v)
			if n, ok := v.(json.Number); ok {
				if i, err := n.Int64(); err == nil {
					v = i
				} else if f, err := n.Float64(); err == nil {
					v = f
				}
			}
			args[i] = v
		}
		return &clientFailure{code: e.Code, args: args, err: cause}
	}
	return cause
}

// Admin is the running server's record, reached over its admin channel:
// the same methods as DB's that the commands use, done by the server.
type Admin struct {
	path   string // as the command names it
	addr   string
	secret []byte
	key    string
	http   *http.Client
}

// DialAdmin reaches the server of the central file at path, by the note
// beside it: ErrNoServer if there is none or nothing that holds its
// secret answers, or if the server's file is not this one.
func DialAdmin(path string) (*Admin, error) {
	raw, err := os.ReadFile(AdminPath(path))
	if err != nil {
		return nil, fmt.Errorf("%w (%v)", ErrNoServer, err)
	}
	var n adminNote
	if err := json.Unmarshal(raw, &n); err != nil {
		return nil, fmt.Errorf("%w (%s is not readable: %v)", ErrNoServer, AdminPath(path), err)
	}
	secret, herr := hex.DecodeString(n.Secret)
	if herr != nil || len(secret) < 32 {
		return nil, fmt.Errorf("%w (%s holds no secret)", ErrNoServer, AdminPath(path))
	}
	a := &Admin{path: path, addr: n.Addr, secret: secret, http: &http.Client{Transport: &http.Transport{Proxy: nil}}}
	var info adminInfo
	if err := a.callTimeout("info", nil, &info, 3*time.Second); err != nil {
		var re *remoteError
		if errors.As(err, &re) || errors.Is(err, errAdminUnreached) {
			return nil, fmt.Errorf("%w (%v)", ErrNoServer, err)
		}
		return nil, err
	}
	if !sameFile(info.Path, path) {
		return nil, fmt.Errorf("%w (the server at %s serves %s)", ErrNoServer, n.Addr, info.Path)
	}
	a.key = info.Key
	return a, nil
}

func sameFile(a, b string) bool {
	ai, aerr := os.Stat(a)
	bi, berr := os.Stat(b)
	return aerr == nil && berr == nil && os.SameFile(ai, bi)
}

// errAdminUnreached: the request did not reach a server that holds the
// secret, or its answer did not come back whole and proven.
var errAdminUnreached = errors.New("the central record's server did not answer")

// adminTimeout bounds a request: an import of the largest bundle takes
// seconds, a full check of a big record a few minutes.
const adminTimeout = 10 * time.Minute

func (a *Admin) call(op string, in, out any) error { return a.callTimeout(op, in, out, adminTimeout) }

func (a *Admin) request(ctx context.Context, op string, in any) (*http.Request, string, error) {
	body := []byte("{}")
	if in != nil {
		var err error
		if body, err = json.Marshal(in); err != nil {
			return nil, "", err
		}
	}
	raw := make([]byte, 16)
	rand.Read(raw)
	nonce := hex.EncodeToString(raw)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "http://"+a.addr+adminPrefix+op, bytes.NewReader(body))
	if err != nil {
		return nil, "", err
	}
	req.Header.Set(headerNonce, nonce)
	req.Header.Set(headerAuth, adminMAC(a.secret, "request", op, nonce, sumHex(body)))
	return req, nonce, nil
}

func (a *Admin) callTimeout(op string, in, out any, timeout time.Duration) error {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	req, nonce, err := a.request(ctx, op, in)
	if err != nil {
		return err
	}
	resp, err := a.http.Do(req)
	if err != nil {
		return fmt.Errorf("%w: %v", errAdminUnreached, err)
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(io.LimitReader(resp.Body, 1<<30))
	if err != nil {
		return fmt.Errorf("%w: %v", errAdminUnreached, err)
	}
	if !hmac.Equal([]byte(resp.Header.Get(headerProof)), []byte(adminMAC(a.secret, "answer", nonce, strconv.Itoa(resp.StatusCode), sumHex(answer)))) {
		return fmt.Errorf("%w: the answer (HTTP %d) is not proven by the secret of %s", errAdminUnreached, resp.StatusCode, AdminPath(a.path))
	}
	if resp.StatusCode != http.StatusOK {
		var e adminError
		if err := json.Unmarshal(answer, &e); err != nil {
			return fmt.Errorf("%w: %v", errAdminUnreached, err)
		}
		return e.decode()
	}
	return json.Unmarshal(answer, out)
}

// Path is the file as the command named it.
func (a *Admin) Path() string { return a.path }

// VerifierKey is the central record's key.
func (a *Admin) VerifierKey() string { return a.key }

// Close lets the channel go; the server runs on.
func (a *Admin) Close() error { a.http.CloseIdleConnections(); return nil }

func (a *Admin) NewEnrolmentToken(e Enrolment) (string, error) {
	var out adminToken
	err := a.call("token", e, &out)
	return out.Token, err
}

func (a *Admin) Revoke(device string) (string, error) {
	var out adminDevice
	err := a.call("revoke", adminDevice{device}, &out)
	return out.Device, err
}

// IngestFile reads the file here, with the command's rights, and has the
// server ingest its bytes as DB.IngestFile would.
func (a *Admin) IngestFile(path string) (PushResult, error) {
	data, size, err := ReadBundleFile(path)
	if err != nil {
		return PushResult{}, err
	}
	var out PushResult
	err = a.call("import", adminImport{path, size, data}, &out)
	return out, err
}

func (a *Admin) EnrollFromFile(data []byte, path string) ([]byte, EnrollResponse, error) {
	var out adminEnrolled
	err := a.call("enroll", adminEnroll{path, data}, &out)
	return out.Answer, out.Response, err
}

func (a *Admin) Devices() ([]Device, error) {
	var out []Device
	return out, a.call("devices", nil, &out)
}

func (a *Admin) Logs() ([]Log, error) {
	var out []Log
	return out, a.call("logs", nil, &out)
}

func (a *Admin) RecentFailures(n int) ([]AuditRow, error) {
	var out []AuditRow
	return out, a.call("failures", adminN{uint64(n)}, &out)
}

func (a *Admin) Timeline(examinee string) ([]Moment, error) {
	var out []Moment
	return out, a.call("timeline", adminArg{examinee}, &out)
}

func (a *Admin) HallTimeline(hall string) ([]Moment, error) {
	var out []Moment
	return out, a.call("hall", adminArg{hall}, &out)
}

func (a *Admin) Evidence(id uint64) ([]byte, error) {
	var out []byte
	return out, a.call("evidence", adminN{id}, &out)
}

func (a *Admin) CheckLogs() error { return a.call("check", nil, &struct{}{}) }

// Desk is DB.Desk, done by the server.
func (a *Admin) Desk() (*admission.Desk, error) {
	var out admission.Desk
	err := a.call("desk", nil, &out)
	return &out, err
}

// ExamineeHalls is DB.ExamineeHalls, done by the server.
func (a *Admin) ExamineeHalls() (map[string][]string, error) {
	var out map[string][]string
	err := a.call("examinee_halls", nil, &out)
	return out, err
}

// BookBundle is DB.BookBundle, done by the server.
func (a *Admin) BookBundle() ([]byte, error) {
	var out []byte
	err := a.call("book_bundle", nil, &out)
	return out, err
}

// SetCampaign is DB.SetCampaign, done by the server.
func (a *Admin) SetCampaign(r CampaignRequest) (DecisionResult, error) {
	var out DecisionResult
	err := a.call("campaign_set", r, &out)
	return out, err
}

// ImportApplicants is DB.ImportApplicants, done by the server.
func (a *Admin) ImportApplicants(r ApplicantsRequest) (DecisionResult, error) {
	var out DecisionResult
	err := a.call("applicants_import", r, &out)
	return out, err
}

func (a *Admin) Summary() (Summary, error) {
	var out Summary
	return out, a.call("summary", nil, &out)
}

// Backup has the server write the file, as one of its read transactions
// sees it, to w; the stream is trusted only when the trailer's proof
// holds for every byte that came.
func (a *Admin) Backup(w io.Writer) (Summary, error) {
	ctx, cancel := context.WithTimeout(context.Background(), adminTimeout)
	defer cancel()
	req, nonce, err := a.request(ctx, "backup", nil)
	if err != nil {
		return Summary{}, err
	}
	resp, err := a.http.Do(req)
	if err != nil {
		return Summary{}, fmt.Errorf("%w: %v", errAdminUnreached, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return Summary{}, fmt.Errorf("%w: HTTP %d", errAdminUnreached, resp.StatusCode)
	}
	h := sha256.New()
	if _, err := io.Copy(io.MultiWriter(w, h), resp.Body); err != nil {
		return Summary{}, fmt.Errorf("%w: the copy was cut off: %v", errAdminUnreached, err)
	}
	return a.backupTrailer(resp, nonce, h)
}

func (a *Admin) backupTrailer(resp *http.Response, nonce string, h hash.Hash) (Summary, error) {
	tail := resp.Trailer.Get(headerSum)
	var e adminError
	failed := json.Unmarshal([]byte(tail), &e) == nil && e.Message != ""
	if !hmac.Equal([]byte(resp.Trailer.Get(headerProof)), []byte(adminMAC(a.secret, "backup", nonce, hex.EncodeToString(h.Sum(nil)), tail, strconv.FormatBool(!failed)))) {
		return Summary{}, fmt.Errorf("%w: the copy is not proven by the secret of %s", errAdminUnreached, AdminPath(a.path))
	}
	if failed {
		return Summary{}, e.decode()
	}
	var s Summary
	return s, json.Unmarshal([]byte(tail), &s)
}
