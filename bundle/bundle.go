// Package bundle is the hand-over format of a hall's signed record: what
// `examday export` writes to a USB stick, what `examday sync` pushes over
// HTTP, and what the central record ingests either way. Neither the hall
// file (package store) nor the central record owns it: both read and write
// it, and `examday verify` checks one alone, offline.
//
// A bundle is UTF-8 text, one item a line, each line ending in "\n":
//
//	examday-bundle 1
//	header {"device":…,"epoch":…,"origin":…,"key":…,"first":F,"last":L,"prev":…,"frontier":[…]}
//	event <seq> <signature, base64> <the event's stored bytes, exactly>
//	…                                   (one line for each event F … L)
//	checkpoint <the signed checkpoint note, base64>
//	sha256 <hex SHA-256 of every byte before this line>
//
// The header names the laptop (device id: SHA-256 of its Ed25519 public
// key, in hex), the hall file (its random epoch), the log's origin
// ("examday/<device>/<epoch>"), the public key in the verifier encoding of
// golang.org/x/mod/sumdb/note (for `examday verify` alone; the central
// record trusts only the key it enrolled, and refuses a header that names
// another), the range of sequence numbers,
// the hash of the event before the range (64 zeros for a range from 1),
// and the frontier: the Merkle tree hashes (RFC 6962, as
// golang.org/x/mod/sumdb/tlog stores them) of the log before the range,
// so that the root of the whole log can be recomputed from the bundle and
// compared with the checkpoint even when the range starts past 1. The
// checkpoint is the tlog checkpoint note of the log of L events, signed by
// the laptop's key; its text is "<origin>\n<L>\n<root>\n".
//
// Events are kept as their exact stored bytes (compact JSON, never a
// newline in them): their hash is taken over those bytes, and each signature
// is over them too.
package bundle

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

// Version is the format version this code writes and reads.
const Version = 1

// MaxSize is the largest bundle anyone reads: a hall's whole day is a few
// thousand events of a few hundred bytes; 100,000 events fit with room.
const MaxSize = 256 << 20

const magic = "examday-bundle 1"

// Header is the second line of a bundle.
type Header struct {
	Device   string      `json:"device"`
	Epoch    string      `json:"epoch"`
	Origin   string      `json:"origin"`
	Key      string      `json:"key"`
	First    uint64      `json:"first"`
	Last     uint64      `json:"last"`
	Prev     string      `json:"prev"`
	Frontier []tlog.Hash `json:"frontier"`
}

// Event is one event of the range: its sequence number, its exact stored
// bytes and the laptop's Ed25519 signature over them.
type Event struct {
	Seq       uint64
	Body      []byte
	Signature []byte
}

// Hash is the SHA-256 of the event's stored bytes: what the next event's
// "prev" names, and what a fork is shown by.
func (e Event) Hash() [32]byte { return sha256.Sum256(e.Body) }

// Bundle is a parsed bundle.
type Bundle struct {
	Header     Header
	Events     []Event
	Checkpoint []byte // the signed note, as written
	// Size is the log's size the checkpoint signs, and Root its root.
	Size int64
	Root tlog.Hash
	// Digest is the SHA-256 of the whole bundle, final line included: the
	// name of this bundle in an audit row.
	Digest [32]byte
}

// Check names the check a bundle failed.
type Check string

const (
	CheckSize       Check = "size"       // over MaxSize, or empty
	CheckFormat     Check = "format"     // a line is not what the format says
	CheckDigest     Check = "digest"     // the final SHA-256 line does not match
	CheckKey        Check = "key"        // the key does not belong to the device, or is not the trusted one
	CheckSignature  Check = "signature"  // an event's signature does not verify
	CheckSequence   Check = "sequence"   // sequence numbers are not F, F+1, … L
	CheckLink       Check = "link"       // an event's "prev" is not the hash of the one before it
	CheckCheckpoint Check = "checkpoint" // the checkpoint's signature, origin or size is wrong
	CheckRoot       Check = "root"       // the recomputed root is not the checkpoint's
)

// Error says which line of a bundle failed which check. Line is 1-based;
// 0 when the failure is of the bundle as a whole.
type Error struct {
	Line  int
	Seq   uint64 // the event concerned, if any
	Check Check
	// Code is what was found (Code…), Args its details: the catalogue
	// words each for the officer (package i18n). Reason says it in
	// English, for logs, tests and the central record's answer.
	Code   string
	Args   []any
	Reason string
}

func (e *Error) Error() string {
	switch {
	case e.Line > 0 && e.Seq > 0:
		return fmt.Sprintf("line %d (event %d): %s check: %s", e.Line, e.Seq, e.Check, e.Reason)
	case e.Line > 0:
		return fmt.Sprintf("line %d: %s check: %s", e.Line, e.Check, e.Reason)
	}
	return fmt.Sprintf("%s check: %s", e.Check, e.Reason)
}

func fail(line int, check Check, format string, args ...any) *Error {
	return &Error{Line: line, Check: check, Reason: fmt.Sprintf(format, args...)}
}

// coded names what e found, for the officer's words, and returns e.
func (e *Error) coded(code string, args ...any) *Error {
	e.Code, e.Args = code, args
	return e
}

// What an Error found: its Code. The catalogue has the officer's words
// for each (package i18n), which take the Error's Args.
const (
	CodeEmpty               = "empty"             // the bundle is empty
	CodeTooBig              = "too_big"           // Args its size, MaxSize
	CodeCutShort            = "cut_short"         // it does not end with a whole line
	CodeNoDigest            = "no_digest"         // the last line is not its SHA-256
	CodeDigestNotHex        = "digest_not_hex"    // the SHA-256 line is not 64 lower-case hex digits
	CodeDigestMismatch      = "digest_mismatch"   // its bytes do not match its SHA-256
	CodeNotBundle           = "not_bundle"        // the first line is not the magic line: Args the magic
	CodeNoHeader            = "no_header"         // there is no header line
	CodeNotHeader           = "not_header"        // the second line is not the header
	CodeHeaderUnreadable    = "header_unreadable" // the header is not readable JSON of a header
	CodeHeaderDevice        = "header_device"     // Args the device id
	CodeHeaderEpoch         = "header_epoch"      // Args the epoch
	CodeHeaderOrigin        = "header_origin"     // Args the origin
	CodeHeaderRange         = "header_range"      // Args first, last
	CodeHeaderPrev          = "header_prev"       // Args the hash before the range
	CodeHeaderPrevFirst     = "header_prev_first" // a range from event 1 names a hash before it
	CodeHeaderFrontier      = "header_frontier"   // Args the hashes held, the events before, the hashes wanted
	CodeHeaderKey           = "header_key"        // the header's key is not a verifier key
	CodeHeaderKeyName       = "header_key_name"   // Args the key's name
	CodeEndsEarly           = "ends_early"        // Args the event missing, first, last
	CodeOutOfOrder          = "out_of_order"      // Args the event found, the one expected
	CodeTooManyEvents       = "too_many_events"   // Args first, last
	CodeMissingEvents       = "missing_events"    // the checkpoint comes before the last event
	CodeNotEvent            = "not_event"         // a line is not an event
	CodeEventLine           = "event_line"        // an event line is not "event <seq> <signature> <bytes>"
	CodeSeqNotNumber        = "seq_not_number"    // Args the sequence number's text
	CodeSignatureFormat     = "signature_format"  // the signature is not 64 bytes of base64
	CodeBodyNotEvent        = "body_not_event"    // the event's bytes are not an event
	CodeBodySeq             = "body_seq"          // Args the line's number, the bytes' number
	CodeUnlinked            = "unlinked"          // an event does not link to the one before it
	CodeNoCheckpoint        = "no_checkpoint"     // there is no checkpoint line
	CodeNotCheckpoint       = "not_checkpoint"    // the line after the last event is not the checkpoint
	CodeCheckpointNotBase64 = "checkpoint_not_base64"
	CodeCheckpointNotNote   = "checkpoint_not_note"  // the checkpoint is not a signed note
	CodeCheckpointText      = "checkpoint_text"      // its text is not origin, size and root
	CodeCheckpointOrigin    = "checkpoint_origin"    // Args the origin it names
	CodeCheckpointSizeText  = "checkpoint_size_text" // Args the size's text
	CodeCheckpointRootText  = "checkpoint_root_text" // Args the root's text
	CodeCheckpointSize      = "checkpoint_size"      // Args its size, the last event
	CodeCheckpointKey       = "checkpoint_key"       // the key cannot make a verifier of the checkpoint
	CodeCheckpointSignature = "checkpoint_signature" // Args the device (short)
	CodeTrailing            = "trailing"             // there is more after the checkpoint
	CodeNoKey               = "no_key"               // no key to verify with
	CodeKeyNotDevice        = "key_not_device"       // Args the device (short)
	CodeSignatureBad        = "signature_bad"        // Args the device (short)
	CodeRootUnbuilt         = "root_unbuilt"         // the root cannot be computed from the bundle
	CodeRootDiffers         = "root_differs"         // Args the events' root, the checkpoint's
)

// EventLine is the line number of the i-th event (0-based) of a bundle.
func EventLine(i int) int { return 3 + i }

var zeroHash = strings.Repeat("0", 64)

// Encode writes a bundle. It checks what it is given as Parse would,
// signatures and root aside (Verify checks those), so that it never
// writes a bundle that cannot be read back.
func Encode(h Header, events []Event, checkpoint []byte) ([]byte, error) {
	if len(events) == 0 {
		return nil, fmt.Errorf("a bundle holds at least one event")
	}
	h.First, h.Last = events[0].Seq, events[len(events)-1].Seq
	if h.Frontier == nil {
		h.Frontier = []tlog.Hash{}
	}
	head, err := json.Marshal(h)
	if err != nil {
		return nil, err
	}
	size := len(magic) + len(head) + 200
	for _, e := range events {
		size += len(e.Body) + 120
	}
	out := make([]byte, 0, size)
	out = append(out, magic...)
	out = append(out, "\nheader "...)
	out = append(out, head...)
	out = append(out, '\n')
	for i, e := range events {
		if e.Seq != h.First+uint64(i) {
			return nil, fmt.Errorf("event %d follows event %d", e.Seq, h.First+uint64(i)-1)
		}
		if bytes.ContainsAny(e.Body, "\n\r") || len(e.Body) == 0 {
			return nil, fmt.Errorf("event %d: its stored bytes are empty or hold a line break", e.Seq)
		}
		out = append(out, "event "...)
		out = strconv.AppendUint(out, e.Seq, 10)
		out = append(out, ' ')
		out = base64.StdEncoding.AppendEncode(out, e.Signature)
		out = append(out, ' ')
		out = append(out, e.Body...)
		out = append(out, '\n')
	}
	out = append(out, "checkpoint "...)
	out = base64.StdEncoding.AppendEncode(out, checkpoint)
	out = append(out, '\n')
	sum := sha256.Sum256(out)
	out = append(out, "sha256 "...)
	out = hex.AppendEncode(out, sum[:])
	out = append(out, '\n')
	return out, nil
}

// Parse reads a bundle and checks its form: the size limit, every line's
// format, the trailing SHA-256, the header, that the events are numbered
// F … L without a gap and each links to the one before it (the first to
// the header's prev), and that the checkpoint is a note whose text is this
// log's origin and size L. It does not verify signatures or the root:
// those need a key, which Verify is given.
//
// The events' bytes are slices of data, not copies — a bundle of 100,000
// events is read with one copy of it in memory, not two — so data must
// not be changed while the bundle is in use.
func Parse(data []byte) (*Bundle, error) {
	if len(data) == 0 {
		return nil, fail(0, CheckSize, "the bundle is empty").coded(CodeEmpty)
	}
	if len(data) > MaxSize {
		return nil, fail(0, CheckSize, "the bundle is %d bytes, more than the %d a bundle may be", len(data), MaxSize).coded(CodeTooBig, len(data), MaxSize)
	}
	if data[len(data)-1] != '\n' {
		return nil, fail(0, CheckFormat, "the bundle does not end with a complete line (it was cut short)").coded(CodeCutShort)
	}
	// The final line is found from the end, so a bundle cut short or
	// changed anywhere is refused by the digest before any other line is
	// believed.
	lastStart := bytes.LastIndexByte(data[:len(data)-1], '\n') + 1
	lines := bytes.Count(data, []byte{'\n'})
	final := data[lastStart : len(data)-1]
	digestHex, ok := bytes.CutPrefix(final, []byte("sha256 "))
	if !ok {
		return nil, fail(lines, CheckDigest, "the last line is not the bundle's SHA-256 (the bundle was cut short)").coded(CodeNoDigest)
	}
	var want [32]byte
	// Lower case only, as Encode writes it: hex.Decode also reads upper
	// case, and a flipped case bit would then leave the digest valid.
	if !isHex(string(digestHex), 64) {
		return nil, fail(lines, CheckDigest, "the SHA-256 on the last line is not 64 lower-case hex digits").coded(CodeDigestNotHex)
	}
	if _, err := hex.Decode(want[:], digestHex); err != nil {
		return nil, fail(lines, CheckDigest, "the SHA-256 on the last line is not hex").coded(CodeDigestNotHex)
	}
	if got := sha256.Sum256(data[:lastStart]); got != want {
		return nil, fail(lines, CheckDigest, "the bundle's bytes do not match the SHA-256 on its last line (changed or damaged)").coded(CodeDigestMismatch)
	}
	b := &Bundle{Digest: sha256.Sum256(data)}

	rest := data[:lastStart]
	line := 0
	next := func() []byte {
		i := bytes.IndexByte(rest, '\n')
		l := rest[:i]
		rest = rest[i+1:]
		line++
		return l
	}
	if len(rest) == 0 || string(next()) != magic {
		return nil, fail(1, CheckFormat, "the first line is not %q (not an examday bundle, or another version)", magic).coded(CodeNotBundle, magic)
	}
	if len(rest) == 0 {
		return nil, fail(2, CheckFormat, "there is no header").coded(CodeNoHeader)
	}
	headJSON, ok := bytes.CutPrefix(next(), []byte("header "))
	if !ok {
		return nil, fail(2, CheckFormat, "the second line is not the header").coded(CodeNotHeader)
	}
	if err := unmarshalStrict(headJSON, &b.Header); err != nil {
		return nil, fail(2, CheckFormat, "the header is not readable: %v", err).coded(CodeHeaderUnreadable)
	}
	h := &b.Header
	if err := checkHeader(h); err != nil {
		return nil, err
	}
	prev := h.Prev
	n := h.Last - h.First + 1
	b.Events = make([]Event, 0, min(n, uint64(len(rest)/64+1)))
	for seq := h.First; seq <= h.Last; seq++ {
		if len(rest) == 0 {
			return nil, fail(line+1, CheckSequence, "the bundle ends before event %d (the header says %d … %d)", seq, h.First, h.Last).coded(CodeEndsEarly, seq, h.First, h.Last)
		}
		l := next()
		e, err := parseEventLine(l, line)
		if err != nil {
			return nil, err
		}
		if e.Seq != seq {
			return nil, &Error{Line: line, Seq: e.Seq, Check: CheckSequence, Code: CodeOutOfOrder, Args: []any{e.Seq, seq}, Reason: fmt.Sprintf("event %d is where event %d should be", e.Seq, seq)}
		}
		if err := checkBody(e, prev); err != nil {
			err.Line = line
			return nil, err
		}
		sum := e.Hash()
		prev = hex.EncodeToString(sum[:])
		b.Events = append(b.Events, e)
	}
	if len(rest) == 0 {
		return nil, fail(line+1, CheckFormat, "there is no checkpoint line").coded(CodeNoCheckpoint)
	}
	cpLine := next()
	cp64, ok := bytes.CutPrefix(cpLine, []byte("checkpoint "))
	if !ok {
		if bytes.HasPrefix(cpLine, []byte("event ")) {
			return nil, fail(line, CheckSequence, "there are more events than the header's %d … %d", h.First, h.Last).coded(CodeTooManyEvents, h.First, h.Last)
		}
		return nil, fail(line, CheckFormat, "the line after the last event is not the checkpoint").coded(CodeNotCheckpoint)
	}
	cp, err := base64.StdEncoding.AppendDecode(nil, cp64)
	if err != nil {
		return nil, fail(line, CheckFormat, "the checkpoint is not base64").coded(CodeCheckpointNotBase64)
	}
	b.Checkpoint = cp
	size, root, bad := readCheckpointText(cp, h.Origin)
	if bad != nil {
		bad.Line = line
		return nil, bad
	}
	if size != int64(h.Last) {
		return nil, fail(line, CheckCheckpoint, "the checkpoint is of %d events, the bundle ends at event %d", size, h.Last).coded(CodeCheckpointSize, size, h.Last)
	}
	b.Size, b.Root = size, root
	if len(rest) != 0 {
		return nil, fail(line+1, CheckFormat, "there is more after the checkpoint").coded(CodeTrailing)
	}
	return b, nil
}

func unmarshalStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return fmt.Errorf("more than one value")
	}
	return nil
}

// checkHeader checks the header's fields; a failure is of line 2.
func checkHeader(h *Header) *Error {
	if !isHex(h.Device, 64) {
		return fail(2, CheckFormat, "the device id %q is not 64 hex digits", h.Device).coded(CodeHeaderDevice, h.Device)
	}
	if !isHex(h.Epoch, 32) {
		return fail(2, CheckFormat, "the epoch %q is not 32 hex digits", h.Epoch).coded(CodeHeaderEpoch, h.Epoch)
	}
	if h.Origin != "examday/"+h.Device+"/"+h.Epoch {
		return fail(2, CheckFormat, "the origin %q is not examday/<device>/<epoch>", h.Origin).coded(CodeHeaderOrigin, h.Origin)
	}
	if h.First < 1 || h.Last < h.First {
		return fail(2, CheckFormat, "the range %d … %d is not a range of events", h.First, h.Last).coded(CodeHeaderRange, h.First, h.Last)
	}
	if !isHex(h.Prev, 64) {
		return fail(2, CheckFormat, "the hash before the range %q is not 64 hex digits", h.Prev).coded(CodeHeaderPrev, h.Prev)
	}
	if h.First == 1 && h.Prev != zeroHash {
		return fail(2, CheckFormat, "a range from event 1 follows nothing, but the header names a hash before it").coded(CodeHeaderPrevFirst)
	}
	if want := frontierLen(int64(h.First - 1)); len(h.Frontier) != want {
		return fail(2, CheckFormat, "the frontier holds %d hashes; a log of %d events before the range has %d", len(h.Frontier), h.First-1, want).
			coded(CodeHeaderFrontier, len(h.Frontier), h.First-1, want)
	}
	return nil
}

func isHex(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for _, c := range s {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

func parseEventLine(l []byte, line int) (Event, error) {
	rest, ok := bytes.CutPrefix(l, []byte("event "))
	if !ok {
		if bytes.HasPrefix(l, []byte("checkpoint ")) {
			return Event{}, fail(line, CheckSequence, "the checkpoint comes before the last event of the header's range (events are missing)").coded(CodeMissingEvents)
		}
		return Event{}, fail(line, CheckFormat, "the line is not an event").coded(CodeNotEvent)
	}
	seqText, rest, ok1 := bytes.Cut(rest, []byte{' '})
	sig64, body, ok2 := bytes.Cut(rest, []byte{' '})
	if !ok1 || !ok2 {
		return Event{}, fail(line, CheckFormat, "an event line is \"event <seq> <signature> <bytes>\"").coded(CodeEventLine)
	}
	seq, err := strconv.ParseUint(string(seqText), 10, 64)
	if err != nil || seq == 0 || strconv.FormatUint(seq, 10) != string(seqText) {
		return Event{}, fail(line, CheckFormat, "the sequence number %q is not a number", seqText).coded(CodeSeqNotNumber, string(seqText))
	}
	sig, err := base64.StdEncoding.AppendDecode(nil, sig64)
	if err != nil || len(sig) != ed25519.SignatureSize {
		return Event{}, &Error{Line: line, Seq: seq, Check: CheckFormat, Code: CodeSignatureFormat, Reason: "the signature is not 64 bytes of base64"}
	}
	return Event{Seq: seq, Signature: sig, Body: body[:len(body):len(body)]}, nil
}

// checkBody checks that the stored bytes say they are event e.Seq and
// name prev as the event before them.
func checkBody(e Event, prev string) *Error {
	var head struct {
		Seq  *uint64 `json:"seq"`
		Prev *string `json:"prev"`
	}
	if err := json.Unmarshal(e.Body, &head); err != nil || head.Seq == nil || head.Prev == nil {
		return &Error{Seq: e.Seq, Check: CheckFormat, Code: CodeBodyNotEvent, Reason: "the event's bytes are not an event (JSON with seq and prev)"}
	}
	if *head.Seq != e.Seq {
		return &Error{Seq: e.Seq, Check: CheckSequence, Code: CodeBodySeq, Args: []any{e.Seq, *head.Seq}, Reason: fmt.Sprintf("the line says event %d, its bytes say event %d", e.Seq, *head.Seq)}
	}
	if *head.Prev != prev {
		return &Error{Seq: e.Seq, Check: CheckLink, Code: CodeUnlinked, Reason: "it does not link to the event before it (an event was changed, removed or inserted)"}
	}
	return nil
}

// readCheckpointText reads the size and root from a checkpoint note's
// text, without verifying its signature. A failure's Line is the caller's
// to set.
func readCheckpointText(msg []byte, origin string) (int64, tlog.Hash, *Error) {
	text, _, ok := bytes.Cut(msg, []byte("\n\n"))
	if !ok {
		return 0, tlog.Hash{}, fail(0, CheckCheckpoint, "the checkpoint is not a signed note").coded(CodeCheckpointNotNote)
	}
	lines := strings.Split(string(text), "\n")
	if len(lines) != 3 {
		return 0, tlog.Hash{}, fail(0, CheckCheckpoint, "the checkpoint's text is not origin, size and root").coded(CodeCheckpointText)
	}
	if lines[0] != origin {
		return 0, tlog.Hash{}, fail(0, CheckCheckpoint, "the checkpoint is of %q, not of this log", lines[0]).coded(CodeCheckpointOrigin, lines[0])
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil || size < 0 || strconv.FormatInt(size, 10) != lines[1] {
		return 0, tlog.Hash{}, fail(0, CheckCheckpoint, "the checkpoint's size %q is not a number", lines[1]).coded(CodeCheckpointSizeText, lines[1])
	}
	root, err := tlog.ParseHash(lines[2])
	if err != nil {
		return 0, tlog.Hash{}, fail(0, CheckCheckpoint, "the checkpoint's root %q is not a hash", lines[2]).coded(CodeCheckpointRootText, lines[2])
	}
	return size, root, nil
}

// Verify checks what Parse leaves to a key: that pub is the device's key,
// every event's signature with it, the checkpoint's signature, and the
// root recomputed from the frontier and the events against the
// checkpoint's. The central record calls it with the key it enrolled;
// VerifyAlone with the key the bundle names.
func (b *Bundle) Verify(pub ed25519.PublicKey) error {
	h := &b.Header
	if len(pub) != ed25519.PublicKeySize {
		return fail(2, CheckKey, "no key to verify with").coded(CodeNoKey)
	}
	if sum := sha256.Sum256(pub); hex.EncodeToString(sum[:]) != h.Device {
		return fail(2, CheckKey, "the key is not the key of device %s", short(h.Device)).coded(CodeKeyNotDevice, short(h.Device))
	}
	if firstBad := firstBadSignature(b.Events, pub); firstBad >= 0 {
		e := b.Events[firstBad]
		return &Error{Line: EventLine(firstBad), Seq: e.Seq, Check: CheckSignature, Code: CodeSignatureBad, Args: []any{short(h.Device)},
			Reason: "its signature does not verify with the key of device " + short(h.Device)}
	}
	cpLine := EventLine(len(b.Events))
	vkey, err := note.NewEd25519VerifierKey(h.Origin, pub)
	if err != nil {
		return fail(cpLine, CheckCheckpoint, "%v", err).coded(CodeCheckpointKey)
	}
	v, err := note.NewVerifier(vkey)
	if err != nil {
		return fail(cpLine, CheckCheckpoint, "%v", err).coded(CodeCheckpointKey)
	}
	if _, err := note.Open(b.Checkpoint, note.VerifierList(v)); err != nil {
		return fail(cpLine, CheckCheckpoint, "its signature does not verify with the key of device %s (%v)", short(h.Device), err).coded(CodeCheckpointSignature, short(h.Device))
	}
	root, err := b.recomputeRoot()
	if err != nil {
		return fail(cpLine, CheckRoot, "%v", err).coded(CodeRootUnbuilt)
	}
	if root != b.Root {
		return fail(cpLine, CheckRoot, "the root of the events is %s, the checkpoint signs %s", root, b.Root).coded(CodeRootDiffers, root.String(), b.Root.String())
	}
	return nil
}

// VerifyAlone is Verify with the key the header names: what a bundle can
// show by itself, offline — that it is whole, and signed throughout by the
// key of the device it names. Whether that device is a laptop of the exam
// is for the central record, which enrolled it, to say.
func (b *Bundle) VerifyAlone() error {
	v, err := note.NewVerifier(b.Header.Key)
	if err != nil {
		return fail(2, CheckKey, "the header's key is not a verifier key: %v", err).coded(CodeHeaderKey)
	}
	if v.Name() != b.Header.Origin {
		return fail(2, CheckKey, "the header's key is named %q, not the log's origin", v.Name()).coded(CodeHeaderKeyName, v.Name())
	}
	pub, err := PublicKeyOf(b.Header.Key)
	if err != nil {
		return fail(2, CheckKey, "%v", err).coded(CodeHeaderKey)
	}
	return b.Verify(pub)
}

// PublicKeyOf reads the Ed25519 public key out of a verifier key in
// note's encoding, "<name>+<hash>+<base64 of 0x01 and the key>".
func PublicKeyOf(vkey string) (ed25519.PublicKey, error) {
	// A note name has no "+" in it; the base64 of the key may.
	parts := strings.SplitN(vkey, "+", 3)
	if len(parts) != 3 {
		return nil, fmt.Errorf("the key %q is not a verifier key", vkey)
	}
	raw, err := base64.StdEncoding.DecodeString(parts[2])
	if err != nil || len(raw) != 1+ed25519.PublicKeySize || raw[0] != 1 {
		return nil, fmt.Errorf("the key %q is not an Ed25519 verifier key", vkey)
	}
	return ed25519.PublicKey(raw[1:]), nil
}

func short(id string) string {
	if len(id) > 16 {
		return id[:16]
	}
	return id
}
