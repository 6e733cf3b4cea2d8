// Package central is the central record: the server that receives the
// halls' signed records (bundles, package bundle) over HTTP or from a
// USB stick, verifies them against the keys it enrolled, merges them into
// its own bbolt file and flags forks; and the laptop's client of it
// (enrolment and sync). It is a top-level package of its own because it
// is a different program role with its own file: neither the hall's store
// nor its exam rules own it.
package central

// The HTTP API between a laptop and the central record. All bodies are
// JSON except a pushed bundle, which is the bundle's bytes.
//
//	POST /v1/enroll                 EnrollRequest  -> 200 EnrollResponse
//	GET  /v1/logs/{device}/{epoch}                  -> 200 LogState
//	POST /v1/bundles                bundle bytes   -> 200 PushResult
//	GET  /healthz                                   -> 200 Health, or 503
//
// Errors answer with an ErrorBody and the status says what kind:
//
//	400 the bundle or request is malformed or does not verify (ErrorBody.Line/Check say where)
//	403 the token is unknown or used, or the device is not enrolled or is revoked
//	404 unknown path (check "path")
//	408 the request's body came too slowly and was cut off (check "timeout")
//	409 fork: a different event at a stored sequence number (ErrorBody.Seq, StoredHash, IncomingHash),
//	    or the log is frozen after a fork; or rollback: the push is the laptop's whole log
//	    (HeaderLaptopHolds) and ends before what is held (ErrorBody.Seq is the first event
//	    the laptop lacks)
//	413 the bundle is larger than the server takes (ServerOptions.MaxBundle): refused
//	    at once when Content-Length says so, cut off when the body grows past it
//	422 gap: the bundle starts past the stored size + 1 (ErrorBody.ExpectedFirst)
//	500 the central record could not write; nothing was written
//	503 busy: no place or memory for the push now (check "busy"); Retry-After says
//	    when to come back
//
// 408 and 503 are failures on the way, not refusals: the laptop tries
// again (after Retry-After, within its own bound). The limits of size,
// time and concurrency are in server.go (ServerOptions).
const (
	// PathHealth answers 200 with a Health when the file is sound, 503
	// (check "damaged", or "write" when it cannot sign) when not.
	PathHealth  = "/healthz"
	PathEnroll  = "/v1/enroll"
	PathLogs    = "/v1/logs/" // + device + "/" + epoch
	PathBundles = "/v1/bundles"
)

// HeaderLaptopHolds goes with every push of `examday sync`: the number of
// events the laptop's file holds now, where its bundle ends. It is the
// laptop's word that the bundle is its whole log, so that one ending
// before what the central record holds is told from an old copy: the
// laptop's file was rolled back (409, check "rollback"). A push without
// it is taken as a bundle from a file would be.
const HeaderLaptopHolds = "Examday-Laptop-Holds"

// EnrollRequest registers a laptop's public key with a one-time token.
type EnrollRequest struct {
	Token string `json:"token"`
	// Device is the hex SHA-256 of the Ed25519 public key; PublicKey the
	// key itself in base64 (std encoding).
	Device    string `json:"device"`
	PublicKey string `json:"public_key"`
	// Role is what the device is: "hall" (also when empty, as an earlier
	// laptop sends it) or "marker". A token of the other role is refused
	// (403, check "role") and stays unused.
	Role string `json:"role,omitempty"`
}

// EnrollResponse names the role and the name the token was made for (Hall
// is the name again for a hall's laptop, as an earlier laptop reads it)
// and the central record's own verifier key (golang.org/x/mod/sumdb/note
// encoding), with which the device verifies its receipts.
type EnrollResponse struct {
	Hall       string `json:"hall"`
	Role       Role   `json:"role,omitempty"`
	Name       string `json:"name,omitempty"`
	CentralKey string `json:"central_key"`
}

// LogState is what the central record holds of one hall file's log.
type LogState struct {
	Size   int64  `json:"size"`
	Root   string `json:"root"`   // tlog hash, base64; "" when Size is 0
	Frozen bool   `json:"frozen"` // a fork was seen; nothing more is appended
	// Receipt is the central's signed receipt for Size (a note, see
	// Receipt), "" when Size is 0.
	Receipt string `json:"receipt"`
}

// PushResult answers a bundle that was taken: appended, or all of it
// already held (a duplicate). Size and Root are the stored log's after it.
type PushResult struct {
	Result   string `json:"result"` // "appended" or "duplicate"
	Appended int    `json:"appended"`
	Size     int64  `json:"size"`
	Root     string `json:"root"`
	Receipt  string `json:"receipt"`
}

const (
	ResultAppended  = "appended"
	ResultDuplicate = "duplicate"
)

// ErrorBody is the JSON of every error answer. Error is the central
// record's reason in English, for its audit and logs; Check, which every
// refusal of this server names, is what the laptop words it by, in the
// officer's language.
type ErrorBody struct {
	Error         string `json:"error"`
	Check         string `json:"check,omitempty"` // a bundle.Check, or a Check* of the central record ("fork", "gap", "device" …)
	Line          int    `json:"line,omitempty"`
	Seq           uint64 `json:"seq,omitempty"`
	StoredHash    string `json:"stored_hash,omitempty"`   // hex SHA-256
	IncomingHash  string `json:"incoming_hash,omitempty"` // hex SHA-256
	ExpectedFirst uint64 `json:"expected_first,omitempty"`
}

// A receipt is a note (golang.org/x/mod/sumdb/note) signed by the central
// record's key, named "examday-central/<central device id>", whose text is
//
//	examday receipt
//	<origin of the hall file's log>
//	<size>
//	<root, tlog hash in base64>
//	<time of the receipt, RFC 3339 UTC>
//
// It says that the central record holds the first <size> events of that
// log, with that root. Only a receipt marks events as delivered: the laptop
// checks its signature with the key it got at enrolment and the root
// against its own tree of that size.
const ReceiptTitle = "examday receipt"
