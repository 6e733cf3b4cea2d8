package central

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"examday/bundle"
)

// maxEnrollBody bounds an enrolment request: a token, an id and a key.
const maxEnrollBody = 64 << 10

// DefaultMaxBundle is the largest bundle the server takes by default. The
// biggest real hall, 10,000 examinees and 100,000 events, makes a bundle
// of 34 MB (measured: 339 bytes an event line on average, the roster
// line included); 64 MiB leaves nearly twice that for longer events. It
// is below bundle.MaxSize, the format's own bound, which a USB stick's
// file is read against.
const DefaultMaxBundle = 64 << 20

// ServerOptions are the limits of the HTTP API: how big a push may be,
// how slowly it may come, and how many are read at once. The zero value
// of a field is its default.
type ServerOptions struct {
	// MaxBundle is the largest push taken, in bytes (DefaultMaxBundle; at
	// most bundle.MaxSize). A Content-Length over it is refused at once
	// with 413; a body that grows past it is cut with 413.
	MaxBundle int64
	// Pushes is how many pushes are read and ingested at once (4). One
	// more is answered 503 with Retry-After at once, not held waiting.
	Pushes int
	// Buffered caps the bytes that all pushes being read hold in memory
	// together (room for two of MaxBundle). Memory is taken as the bytes
	// arrive, in chunks of at most 1 MiB, and never for what a client only
	// claims; a push that would go past the cap is answered 503 with
	// Retry-After.
	Buffered int64
	// BodyGrace, BodyRate and BodyIdle are the deadline of a request's
	// body, on the enrolment too: it must arrive within BodyGrace (10 s)
	// plus one second for every BodyRate bytes received (64 KiB, a slow
	// mobile link), and never pause for longer than BodyIdle (10 s). A
	// body that misses it is cut with 408.
	BodyGrace time.Duration
	BodyRate  int64
	BodyIdle  time.Duration
	// RetryAfter is how long a 503 asks the laptop to wait (5 s).
	RetryAfter time.Duration
	// Log is told of every request, one line each (Handler's comment
	// says what it holds); nil logs nothing.
	Log *slog.Logger
	// Words, if set, is what a refusal's check means in the operator's
	// language, logged beside the central record's English reason.
	Words func(check string) string
}

func (o ServerOptions) withDefaults() ServerOptions {
	if o.MaxBundle <= 0 {
		o.MaxBundle = DefaultMaxBundle
	}
	o.MaxBundle = min(o.MaxBundle, bundle.MaxSize)
	if o.Pushes <= 0 {
		o.Pushes = 4
	}
	// A push takes at most one byte more than MaxBundle (to see a body
	// over it), so a push of MaxBundle always fits, and two by default.
	if o.Buffered <= 0 {
		o.Buffered = 2 * (o.MaxBundle + 1)
	}
	o.Buffered = max(o.Buffered, o.MaxBundle+1)
	if o.BodyGrace <= 0 {
		o.BodyGrace = 10 * time.Second
	}
	if o.BodyRate <= 0 {
		o.BodyRate = 64 << 10
	}
	if o.BodyIdle <= 0 {
		o.BodyIdle = 10 * time.Second
	}
	if o.RetryAfter <= 0 {
		o.RetryAfter = 5 * time.Second
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	return o
}

// LongestBody is the most time the body of a push of MaxBundle bytes may
// take: what an http.Server's ReadTimeout should allow, as a backstop to
// the handler's own deadline.
func (o ServerOptions) LongestBody() time.Duration {
	o = o.withDefaults()
	return o.BodyGrace + time.Duration(o.MaxBundle/o.BodyRate+1)*time.Second
}

// answerWithin bounds the time from a push's last byte to its answer:
// the wait for the pushes ahead of it and its own ingest, a few seconds
// each for the largest bundle.
const answerWithin = 2 * time.Minute

// handler serves the API of api.go over a DB.
type handler struct {
	db   *DB
	opts ServerOptions
	// pushing holds a place for each push being read or ingested.
	pushing chan struct{}
	buffers budget
}

// NewHandler is the central record's HTTP API (see api.go) over db, with
// the limits of opts.
func NewHandler(db *DB, opts ServerOptions) http.Handler {
	opts = opts.withDefaults()
	h := &handler{db: db, opts: opts, pushing: make(chan struct{}, opts.Pushes), buffers: budget{limit: opts.Buffered}}
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+PathHealth, h.health)
	mux.HandleFunc("POST "+PathEnroll, h.enroll)
	mux.HandleFunc("GET "+PathLogs+"{device}/{epoch}", h.logState)
	mux.HandleFunc("POST "+PathBundles, h.push)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeRefusal(w, refusal(http.StatusNotFound, CheckPath, "no such path: %s %s", r.Method, r.URL.Path))
	})
	return h.logged(mux)
}

// requestNote is what a request's handler learns for its log line: the
// device it concerns and what came of it.
type requestNote struct{ device, result string }

type requestNoteKey struct{}

func noteOf(r *http.Request) *requestNote {
	if n, ok := r.Context().Value(requestNoteKey{}).(*requestNote); ok {
		return n
	}
	return &requestNote{}
}

// logged logs one line for every request, when its answer is written:
// the method and path, who asked, the device it concerns (an enrolment's,
// a log's, a bundle's header's), the status, the result ("appended",
// "duplicate", "enrolled", "state", "ok", or "refused" with the check,
// the central record's reason and its words) and the time it took.
func (h *handler) logged(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		n := &requestNote{}
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(sw, r.WithContext(context.WithValue(r.Context(), requestNoteKey{}, n)))
		attrs := []slog.Attr{slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.String("remote", r.RemoteAddr),
			slog.String("device", n.device), slog.Int("status", sw.status)}
		level := slog.LevelInfo
		if sw.status >= 400 {
			level = slog.LevelWarn
			var b ErrorBody
			_ = json.Unmarshal(sw.body, &b)
			attrs = append(attrs, slog.String("result", ResultRefused), slog.String("check", b.Check), slog.String("reason", b.Error))
			if h.opts.Words != nil {
				attrs = append(attrs, slog.String("words", h.opts.Words(b.Check)))
			}
		} else {
			attrs = append(attrs, slog.String("result", n.result))
		}
		attrs = append(attrs, slog.Duration("took", time.Since(start).Round(time.Microsecond)))
		h.opts.Log.LogAttrs(r.Context(), level, "request", attrs...)
	})
}

// statusWriter keeps a response's status and the start of an error
// answer, for the log line.
type statusWriter struct {
	http.ResponseWriter
	status int
	body   []byte
}

func (w *statusWriter) WriteHeader(status int) {
	w.status = status
	w.ResponseWriter.WriteHeader(status)
}

func (w *statusWriter) Write(p []byte) (int, error) {
	if w.status >= 400 && len(w.body) < 4<<10 {
		w.body = append(w.body, p[:min(len(p), 4<<10-len(w.body))]...)
	}
	return w.ResponseWriter.Write(p)
}

// Unwrap lets http.ResponseController reach the connection, for the
// deadlines put on a request's body.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// Health is the answer of GET /healthz when the file is sound.
type Health struct {
	Status  string `json:"status"` // "ok"
	Devices int    `json:"devices"`
	Logs    int    `json:"logs"`
	Events  int64  `json:"events"`
}

// health answers 200 with what the file holds when it reads as the
// central record it was opened as and can sign receipts, else 503.
func (h *handler) health(w http.ResponseWriter, r *http.Request) {
	s, err := h.db.Health()
	switch {
	case errors.Is(err, ErrReadOnly):
		writeRefusal(w, refusal(http.StatusServiceUnavailable, CheckWrite, "the central record cannot sign receipts: %v", err))
		return
	case err != nil:
		writeRefusal(w, refusal(http.StatusServiceUnavailable, CheckDamaged, "the central record's file is not sound: %v", err))
		return
	}
	noteOf(r).result = "ok"
	writeAnswer(w, http.StatusOK, Health{Status: "ok", Devices: s.Devices, Logs: s.Logs, Events: s.Events})
}

func writeAnswer(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		status, body = http.StatusInternalServerError, []byte(`{"error":"the answer could not be written","check":"write"}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(append(body, '\n'))
}

func writeRefusal(w http.ResponseWriter, r *Refusal) { writeAnswer(w, r.Status, r.Body) }

// writeCutOff sends a refusal of a request whose body was not read to its
// end, and closes the connection after it: what is left of the body is
// not read, and the connection cannot carry another request.
func writeCutOff(w http.ResponseWriter, r *Refusal) {
	w.Header().Set("Connection", "close")
	writeRefusal(w, r)
}

// answer sends what Ingest, Enroll or LogState returned.
func answer(w http.ResponseWriter, v any, err error) {
	if err == nil {
		writeAnswer(w, http.StatusOK, v)
		return
	}
	var ref *Refusal
	if !errors.As(err, &ref) {
		ref = writeFailed(err)
	}
	writeRefusal(w, ref)
}

func (h *handler) enroll(w http.ResponseWriter, r *http.Request) {
	var req EnrollRequest
	body := h.deadline(w, r.Body)
	dec := json.NewDecoder(http.MaxBytesReader(w, body, maxEnrollBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		if errors.Is(err, os.ErrDeadlineExceeded) {
			h.opts.Log.Warn("enrolment cut off: its body came too slowly", "remote", r.RemoteAddr)
			writeCutOff(w, h.tooSlow("enrolment request", body.got))
			return
		}
		writeRefusal(w, refusal(http.StatusBadRequest, string(bundle.CheckFormat), "the enrolment request is not readable: %v", err))
		return
	}
	body.done()
	n := noteOf(r)
	n.device = req.Device
	resp, err := h.db.Enroll(req, "http", r.RemoteAddr)
	if err == nil {
		n.result = "enrolled"
	}
	answer(w, resp, err)
}

func (h *handler) logState(w http.ResponseWriter, r *http.Request) {
	device, epoch := r.PathValue("device"), r.PathValue("epoch")
	if !isLowerHex(device, 64) || !isLowerHex(epoch, 32) {
		writeRefusal(w, refusal(http.StatusBadRequest, CheckDevice, "a log is named by a device id (64 hex digits) and an epoch (32 hex digits)"))
		return
	}
	n := noteOf(r)
	n.device, n.result = device, "state"
	st, err := h.db.LogState(device, epoch)
	answer(w, st, err)
}

// push reads a bundle, no more than MaxBundle of it and no slower than
// the body's deadline, and ingests it. A claim over the limit is refused
// before anything is read; a body over the limit, too slow or cut short
// is refused without being read further; all of these are audited. A
// push beyond the places or the memory the server has is answered 503
// with Retry-After at once, and not audited: nothing was looked at.
func (h *handler) push(w http.ResponseWriter, r *http.Request) {
	var holds uint64
	if v := r.Header.Get(HeaderLaptopHolds); v != "" {
		var err error
		if holds, err = strconv.ParseUint(v, 10, 64); err != nil || holds == 0 {
			writeCutOff(w, refusal(http.StatusBadRequest, string(bundle.CheckFormat), "%s: %q is not a number of events", HeaderLaptopHolds, v))
			return
		}
	}
	if limit := h.opts.MaxBundle; r.ContentLength > limit {
		ref := refusal(http.StatusRequestEntityTooLarge, string(bundle.CheckSize),
			"the bundle is %d bytes, more than the %d this central record takes", r.ContentLength, limit)
		h.db.RecordAttempt("http", r.RemoteAddr, int(min(r.ContentLength, math.MaxInt32)), ref)
		writeCutOff(w, ref)
		return
	}
	select {
	case h.pushing <- struct{}{}:
		defer func() { <-h.pushing }()
	default:
		h.busy(w, fmt.Sprintf("the central record is taking in %d bundles already, as many as it takes at once", h.opts.Pushes))
		return
	}
	data, got, release, ref := h.readPush(w, r)
	defer release()
	switch {
	case ref != nil && ref.Body.Check == CheckBusy:
		h.busy(w, ref.Body.Error)
		return
	case ref != nil:
		h.db.RecordAttempt("http", r.RemoteAddr, int(got), ref)
		writeCutOff(w, ref)
		return
	}
	n := noteOf(r)
	n.device = headerDevice(data)
	var res PushResult
	var err error
	if holds > 0 {
		res, err = h.db.IngestWhole(data, "http", r.RemoteAddr, holds)
	} else {
		res, err = h.db.Ingest(data, "http", r.RemoteAddr)
	}
	n.result = res.Result
	answer(w, res, err)
}

// busy answers 503 with Retry-After.
func (h *handler) busy(w http.ResponseWriter, why string) {
	secs := int64(math.Ceil(h.opts.RetryAfter.Seconds()))
	w.Header().Set("Retry-After", strconv.FormatInt(secs, 10))
	writeCutOff(w, refusal(http.StatusServiceUnavailable, CheckBusy, "%s; try again in %d s", why, secs))
}

func (h *handler) tooSlow(what string, got int64) *Refusal {
	o := h.opts
	return refusal(http.StatusRequestTimeout, CheckTimeout,
		"the %s came too slowly and was cut off after %d bytes: a body may take %s, and a second more for every %d bytes that came, and never pause for longer than %s",
		what, got, o.BodyGrace, o.BodyRate, o.BodyIdle)
}

// readPush reads a push's body in chunks of memory taken from the
// handler's budget as the bytes arrive (a claimed length bounds them but
// reserves nothing), and puts them together once the body has come whole:
// what came, and twice that for the moment of putting it together. release gives
// the memory back; until then data is the body. got is how many bytes
// came, on a refusal too.
func (h *handler) readPush(w http.ResponseWriter, r *http.Request) (data []byte, got int64, release func(), ref *Refusal) {
	limit := h.opts.MaxBundle
	var held int64
	release = func() { h.buffers.give(held); held = 0 }
	body := h.deadline(w, r.Body)
	limited := http.MaxBytesReader(w, body, limit)
	// One byte past the claim reads its end; one past the limit shows a
	// body over it.
	ceiling := limit + 1
	if r.ContentLength >= 0 {
		ceiling = min(ceiling, r.ContentLength+1)
	}
	var chunks [][]byte
	next := int64(32 << 10) // doubling up to 1 MiB: a small push stays small
	for {
		if len(chunks) == 0 || len(chunks[len(chunks)-1]) == cap(chunks[len(chunks)-1]) {
			n := max(min(next, ceiling-got), 1)
			if !h.buffers.take(n) {
				return nil, got, release, refusal(http.StatusServiceUnavailable, CheckBusy,
					"the central record holds as many bundles in memory as it may (%d bytes)", h.opts.Buffered)
			}
			held += n
			chunks = append(chunks, make([]byte, 0, n))
			next = min(2*next, 1<<20)
		}
		c := chunks[len(chunks)-1]
		n, err := limited.Read(c[len(c):cap(c)])
		chunks[len(chunks)-1] = c[:len(c)+n]
		got += int64(n)
		if err == io.EOF {
			break
		}
		if err != nil {
			var tooBig *http.MaxBytesError
			switch {
			case errors.As(err, &tooBig):
				return nil, got, release, refusal(http.StatusRequestEntityTooLarge, string(bundle.CheckSize),
					"the bundle is more than the %d bytes this central record takes", limit)
			case errors.Is(err, os.ErrDeadlineExceeded):
				return nil, got, release, h.tooSlow("bundle", got)
			}
			return nil, got, release, refusal(http.StatusBadRequest, string(bundle.CheckFormat), "the bundle did not arrive whole: %v", err)
		}
	}
	body.done()
	if len(chunks) == 1 {
		return chunks[0], got, release, nil
	}
	// The chunks are garbage once copied; the budget they took (at least
	// got) stands for the whole.
	data = make([]byte, 0, got)
	for _, c := range chunks {
		data = append(data, c...)
	}
	return data, got, release, nil
}

// deadline wraps a request's body so that each read of it has the body's
// deadline (ServerOptions.BodyGrace, BodyRate, BodyIdle) on the
// connection. Without a connection that takes read deadlines (the
// ResponseController says so), the http.Server's ReadTimeout is all.
func (h *handler) deadline(w http.ResponseWriter, r io.ReadCloser) *deadlineReader {
	return &deadlineReader{r: r, rc: http.NewResponseController(w), start: time.Now(), opts: h.opts}
}

type deadlineReader struct {
	r     io.ReadCloser
	rc    *http.ResponseController
	start time.Time
	opts  ServerOptions
	got   int64
}

func (d *deadlineReader) Read(p []byte) (int, error) {
	credit := time.Duration(float64(d.got) / float64(d.opts.BodyRate) * float64(time.Second))
	at := d.start.Add(d.opts.BodyGrace + credit)
	if idle := time.Now().Add(d.opts.BodyIdle); idle.Before(at) {
		at = idle
	}
	_ = d.rc.SetReadDeadline(at)
	n, err := d.r.Read(p)
	d.got += int64(n)
	return n, err
}

func (d *deadlineReader) Close() error { return d.r.Close() }

// done lifts the body's deadline once it is read, and gives the answer
// its own: the wait for the pushes ahead and the ingest.
func (d *deadlineReader) done() {
	_ = d.rc.SetReadDeadline(time.Time{})
	_ = d.rc.SetWriteDeadline(time.Now().Add(answerWithin))
}

// budget is memory shared by the pushes being read.
type budget struct {
	mu          sync.Mutex
	used, limit int64
}

func (b *budget) take(n int64) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.used+n > b.limit {
		return false
	}
	b.used += n
	return true
}

func (b *budget) give(n int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.used -= n
}

func isLowerHex(s string, n int) bool {
	return len(s) == n && strings.Trim(s, "0123456789abcdef") == ""
}

// IngestFile ingests a bundle from a file (a USB stick) through Ingest,
// via "file". A file over the limit is refused, and audited, before it is
// read.
func (d *DB) IngestFile(path string) (PushResult, error) {
	data, size, err := ReadBundleFile(path)
	if err != nil {
		return PushResult{}, err
	}
	return d.IngestFileData(path, size, data)
}

// ReadBundleFile reads a bundle's file for IngestFileData: its size, and
// its bytes unless it is larger than any bundle may be (nil then: it is
// refused unread).
func ReadBundleFile(path string) (data []byte, size int64, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, 0, err
	}
	if info.Size() > bundle.MaxSize {
		return nil, info.Size(), nil
	}
	data, err = io.ReadAll(io.LimitReader(f, bundle.MaxSize+1))
	if err != nil {
		return nil, 0, fmt.Errorf("reading %s: %w", path, err)
	}
	return data, max(info.Size(), int64(len(data))), nil
}

// IngestFileData ingests what ReadBundleFile read of the file at path:
// the command line reads the file, and the central record, opened here or
// running as `examday central serve`, takes its bytes the same way.
func (d *DB) IngestFileData(path string, size int64, data []byte) (PushResult, error) {
	if size > bundle.MaxSize || len(data) > bundle.MaxSize {
		ref := refusal(http.StatusRequestEntityTooLarge, string(bundle.CheckSize),
			"the bundle is %d bytes, more than the %d a bundle may be", size, bundle.MaxSize)
		if err := d.RecordAttempt("file", path, int(min(size, math.MaxInt32)), ref); err != nil {
			return PushResult{}, writeFailed(err)
		}
		return PushResult{}, ref
	}
	return d.Ingest(data, "file", path)
}

// headerDevice is the device a bundle's header names, for the log line of
// its push; "" if it has none that reads (the refusal says why).
func headerDevice(data []byte) string {
	lines := bytes.SplitN(data[:min(len(data), 64<<10)], []byte("\n"), 3)
	if len(lines) < 2 {
		return ""
	}
	var h struct {
		Device string `json:"device"`
	}
	if json.Unmarshal(bytes.TrimPrefix(lines[1], []byte("header ")), &h) != nil || !isLowerHex(h.Device, 64) {
		return ""
	}
	return h.Device
}
