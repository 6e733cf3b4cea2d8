package exam

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"
)

// The chairman of the examination commission agrees to decisions (§2.3) by
// typing a PIN on the laptop. The PIN is stored only as an argon2id hash,
// and never in the log, which leaves the laptop.

// MinPINLength: a PIN is digits only, at least this many.
const MinPINLength = 4

// Argon2id cost: about a tenth of a second on a laptop, so that trying
// every 4–6 digit PIN against a stolen file takes days, not seconds.
const (
	pinTime    = 3
	pinMemory  = 64 * 1024
	pinThreads = 2
	pinKeyLen  = 32
)

// PINRecordDigest is the commitment the log keeps to a stored PIN record
// (its encoded hash): SHA-256, hex.
func PINRecordDigest(encoded string) string {
	sum := sha256.Sum256([]byte(encoded))
	return hex.EncodeToString(sum[:])
}

// ErrPINRecord: the chairman's PIN record kept beside the log is not the
// one the log committed to when the hall was created.
var ErrPINRecord = errors.New("the chairman's PIN record is not the one the hall was created with")

// CheckPINRecord says whether encoded is the PIN record the hall's log
// committed to. A hall created before the log committed to its record
// has no commitment to check (PINRecordBound is false).
func (h *Hall) CheckPINRecord(encoded string) error {
	if h.PINRecord == "" {
		return nil
	}
	if subtle.ConstantTimeCompare([]byte(PINRecordDigest(encoded)), []byte(h.PINRecord)) != 1 {
		return fmt.Errorf("%w: the log's hall.created commits to a record of SHA-256 %s…, the file holds one of %s…",
			ErrPINRecord, h.PINRecord[:min(12, len(h.PINRecord))], PINRecordDigest(encoded)[:12])
	}
	return nil
}

// PINRecordBound reports whether the hall's log commits to its PIN record.
func (h *Hall) PINRecordBound() bool { return h.PINRecord != "" }

// CheckPIN refuses a PIN that is too short or not all digits.
func CheckPIN(pin string) error {
	if len(pin) < MinPINLength {
		return refuse(RefusePINShort, MinPINLength)
	}
	for _, r := range pin {
		if r < '0' || r > '9' {
			return refuse(RefusePINDigits)
		}
	}
	return nil
}

// HashPIN returns the encoded argon2id hash of pin with a fresh salt.
func HashPIN(pin string) (string, error) {
	if err := CheckPIN(pin); err != nil {
		return "", err
	}
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(pin), salt, pinTime, pinMemory, pinThreads, pinKeyLen)
	enc := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, pinMemory, pinTime, pinThreads,
		enc.EncodeToString(salt), enc.EncodeToString(key)), nil
}

// VerifyPIN reports whether pin matches the encoded hash.
func VerifyPIN(encoded, pin string) bool {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var version int
	var memory, iterations uint32
	var threads uint8
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return false
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &memory, &iterations, &threads); err != nil {
		return false
	}
	// A damaged or edited hash must refuse, not crash or hang the program:
	// argon2 panics on zero passes, zero threads or an empty key, and
	// allocates whatever memory it is told. The bounds leave room to raise
	// the cost later.
	if iterations < 1 || iterations > 16*pinTime || threads < 1 || memory > 16*pinMemory {
		return false
	}
	enc := base64.RawStdEncoding
	salt, err1 := enc.DecodeString(parts[4])
	want, err2 := enc.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(salt) < 8 || len(want) < 16 {
		return false
	}
	got := argon2.IDKey([]byte(pin), salt, iterations, memory, threads, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}
