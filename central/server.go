package central

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"

	"examday/bundle"
)

// maxEnrollBody bounds an enrolment request: a token, an id and a key.
const maxEnrollBody = 64 << 10

// handler serves the API of api.go over a DB.
type handler struct {
	db *DB
	// reading bounds how many bundles are read into memory at once: each
	// may be bundle.MaxSize, and ingests run one at a time anyway.
	reading chan struct{}
}

// NewHandler is the central record's HTTP API (see api.go) over db.
func NewHandler(db *DB) http.Handler {
	h := &handler{db: db, reading: make(chan struct{}, 2)}
	mux := http.NewServeMux()
	mux.HandleFunc("POST "+PathEnroll, h.enroll)
	mux.HandleFunc("GET "+PathLogs+"{device}/{epoch}", h.logState)
	mux.HandleFunc("POST "+PathBundles, h.push)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeRefusal(w, refusal(http.StatusNotFound, "", "no such path: %s %s", r.Method, r.URL.Path))
	})
	return mux
}

func writeAnswer(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		status, body = http.StatusInternalServerError, []byte(`{"error":"the answer could not be written"}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(append(body, '\n'))
}

func writeRefusal(w http.ResponseWriter, r *Refusal) { writeAnswer(w, r.Status, r.Body) }

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
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxEnrollBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		writeRefusal(w, refusal(http.StatusBadRequest, string(bundle.CheckFormat), "the enrolment request is not readable: %v", err))
		return
	}
	resp, err := h.db.Enroll(req, "http", r.RemoteAddr)
	answer(w, resp, err)
}

func (h *handler) logState(w http.ResponseWriter, r *http.Request) {
	device, epoch := r.PathValue("device"), r.PathValue("epoch")
	if !isLowerHex(device, 64) || !isLowerHex(epoch, 32) {
		writeRefusal(w, refusal(http.StatusBadRequest, CheckDevice, "a log is named by a device id (64 hex digits) and an epoch (32 hex digits)"))
		return
	}
	st, err := h.db.LogState(device, epoch)
	answer(w, st, err)
}

// push reads a bundle whole, no more than bundle.MaxSize of it, and
// ingests it. A body over the limit or cut short is refused, and audited,
// without being read further.
func (h *handler) push(w http.ResponseWriter, r *http.Request) {
	select {
	case h.reading <- struct{}{}:
		defer func() { <-h.reading }()
	case <-r.Context().Done():
		return
	}
	if r.ContentLength > bundle.MaxSize {
		ref := refusal(http.StatusRequestEntityTooLarge, string(bundle.CheckSize),
			"the bundle is %d bytes, more than the %d a bundle may be", r.ContentLength, bundle.MaxSize)
		h.db.RecordAttempt("http", r.RemoteAddr, int(r.ContentLength), ref)
		writeRefusal(w, ref)
		return
	}
	var buf bytes.Buffer
	if r.ContentLength > 0 {
		buf.Grow(int(r.ContentLength))
	}
	_, err := buf.ReadFrom(http.MaxBytesReader(w, r.Body, bundle.MaxSize))
	if err != nil {
		var tooBig *http.MaxBytesError
		ref := refusal(http.StatusBadRequest, string(bundle.CheckFormat), "the bundle did not arrive whole: %v", err)
		if errors.As(err, &tooBig) {
			ref = refusal(http.StatusRequestEntityTooLarge, string(bundle.CheckSize), "the bundle is more than the %d bytes a bundle may be", bundle.MaxSize)
		}
		h.db.RecordAttempt("http", r.RemoteAddr, buf.Len(), ref)
		writeRefusal(w, ref)
		return
	}
	res, err := h.db.Ingest(buf.Bytes(), "http", r.RemoteAddr)
	answer(w, res, err)
}

func isLowerHex(s string, n int) bool {
	return len(s) == n && strings.Trim(s, "0123456789abcdef") == ""
}

// IngestFile ingests a bundle from a file (a USB stick) through Ingest,
// via "file". A file over the limit is refused, and audited, before it is
// read.
func (d *DB) IngestFile(path string) (PushResult, error) {
	f, err := os.Open(path)
	if err != nil {
		return PushResult{}, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return PushResult{}, err
	}
	if info.Size() > bundle.MaxSize {
		ref := refusal(http.StatusRequestEntityTooLarge, string(bundle.CheckSize),
			"the bundle is %d bytes, more than the %d a bundle may be", info.Size(), bundle.MaxSize)
		if err := d.RecordAttempt("file", path, int(info.Size()), ref); err != nil {
			return PushResult{}, writeFailed(err)
		}
		return PushResult{}, ref
	}
	data, err := io.ReadAll(io.LimitReader(f, bundle.MaxSize+1))
	if err != nil {
		return PushResult{}, fmt.Errorf("reading %s: %w", path, err)
	}
	return d.Ingest(data, "file", path)
}
