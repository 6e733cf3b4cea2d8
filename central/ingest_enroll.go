package central

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// Enrolment. The central record trusts no key that arrives inside a
// bundle: a laptop's key is trusted only once it was registered with a
// one-time token the central made for a hall. The central keeps only the
// token's SHA-256 (the token is 160 random bits, so a plain hash is as
// good as a slow one), and a token registers one laptop.

// tokenEncoding spells tokens in lower-case letters and digits 2–7, which
// read aloud and type without confusion (no 0/O, 1/l).
var tokenEncoding = base32.StdEncoding.WithPadding(base32.NoPadding)

func tokenHash(token string) []byte {
	sum := sha256.Sum256([]byte(strings.ToLower(strings.TrimSpace(token))))
	return sum[:]
}

// NewToken makes a one-time enrolment token for a laptop of a hall and
// keeps its hash.
func (d *DB) NewToken(hall string) (string, error) {
	return d.NewEnrolmentToken(Enrolment{Role: RoleHall, Name: hall})
}

// NewEnrolmentToken makes a one-time token that enrols one device of e's
// role under e's name, and keeps its hash.
func (d *DB) NewEnrolmentToken(e Enrolment) (string, error) {
	if d.readOnly {
		return "", ErrReadOnly
	}
	name := strings.TrimSpace(e.Name)
	role, ok := ParseRole(string(e.Role))
	switch {
	case !ok:
		return "", failure("central.token.role", []any{string(e.Role)}, fmt.Errorf("%q is not a role of a device", e.Role))
	case name == "" && role == RoleMarker:
		return "", failure("central.token.no_marker", nil, errors.New("a token is made for a marker: the name is empty"))
	case name == "":
		return "", failure("central.token.no_hall", nil, errors.New("a token is made for a hall: its name is empty"))
	}
	rec := tokenRecord{Role: role, Name: name, MadeAt: d.now().UTC()}
	if role == RoleHall {
		// A hall's name where an earlier examday reads it.
		rec.Name, rec.Hall = "", name
	}
	raw := make([]byte, 20)
	if _, err := rand.Read(raw); err != nil {
		return "", err
	}
	token := strings.ToLower(tokenEncoding.EncodeToString(raw))
	err := d.update(func(tx *bolt.Tx) error {
		return putJSON(tx.Bucket(bucketTokens), tokenHash(token), &rec)
	})
	if err != nil {
		return "", err
	}
	return token, nil
}

// Enroll registers a laptop's public key with a token. The same laptop
// enrolling again with the token it used (its answer was lost) is told
// the same; any other use of a used token is refused. Every attempt gets
// an audit row, in the same transaction as the enrolment. The error is a
// *Refusal.
func (d *DB) Enroll(req EnrollRequest, via, remote string) (EnrollResponse, error) {
	if d.readOnly {
		return EnrollResponse{}, refusal(http.StatusInternalServerError, CheckWrite, "%v", ErrReadOnly)
	}
	row := AuditRow{At: d.now().UTC(), Kind: "enroll", Via: via, Remote: remote, Device: req.Device}
	resp, ref := d.enroll(req, &row)
	if ref == nil {
		return resp, nil
	}
	row.Result, row.Status, row.Check, row.Error = ResultRefused, ref.Status, ref.Body.Check, ref.Body.Error
	if err := d.update(func(tx *bolt.Tx) error { return putAudit(tx, &row) }); err != nil {
		return EnrollResponse{}, writeFailed(err)
	}
	return EnrollResponse{}, ref
}

func (d *DB) enroll(req EnrollRequest, row *AuditRow) (EnrollResponse, *Refusal) {
	now := row.At
	pub, err := base64.StdEncoding.DecodeString(req.PublicKey)
	if err != nil || len(pub) != ed25519.PublicKeySize {
		return EnrollResponse{}, refusal(http.StatusBadRequest, CheckDevice, "the public key is not 32 bytes of base64")
	}
	if sum := sha256.Sum256(pub); hex.EncodeToString(sum[:]) != req.Device {
		return EnrollResponse{}, refusal(http.StatusBadRequest, CheckDevice, "the device id is not the SHA-256 of the public key")
	}
	if strings.TrimSpace(req.Token) == "" {
		return EnrollResponse{}, refusal(http.StatusForbidden, CheckToken, "no token was given")
	}
	role, ok := ParseRole(req.Role)
	if !ok {
		return EnrollResponse{}, refusal(http.StatusBadRequest, CheckRole, "%q is not a role of a device", req.Role)
	}
	var resp EnrollResponse
	err = d.update(func(tx *bolt.Tx) error {
		tokens, devices := tx.Bucket(bucketTokens), tx.Bucket(bucketDevices)
		var tok tokenRecord
		found, err := getJSON(tokens, tokenHash(req.Token), &tok)
		if err != nil {
			return err
		}
		if !found {
			return refusal(http.StatusForbidden, CheckToken, "the token is not one the central record made")
		}
		var dev deviceRecord
		enrolled, err := getJSON(devices, []byte(req.Device), &dev)
		if err != nil {
			return err
		}
		want := tok.enrolment()
		switch {
		case want.Role != role:
			// Refused before the token is used: a hall laptop cannot take
			// a marking station's place, nor one a hall's.
			return refusal(http.StatusForbidden, CheckRole, "the token is for a %s (%q), and this device is a %s", want.Role, want.Name, role)
		case tok.UsedBy != "" && tok.UsedBy != req.Device:
			return refusal(http.StatusForbidden, CheckToken, "the token was used already, on %s", tok.UsedAt.Format("2006-01-02 15:04:05 UTC"))
		case enrolled && !dev.RevokedAt.IsZero():
			return refusal(http.StatusForbidden, CheckDevice, "device %s was revoked; it cannot be enrolled again", short(req.Device))
		case enrolled && tok.UsedBy == req.Device:
			// The same laptop again with its own token: its answer was lost.
		case enrolled:
			return refusal(http.StatusForbidden, CheckDevice, "device %s is enrolled already, as a %s, %q", short(req.Device), dev.enrolment().Role, dev.enrolment().Name)
		default:
			tok.UsedBy, tok.UsedAt = req.Device, now
			if err := putJSON(tokens, tokenHash(req.Token), &tok); err != nil {
				return err
			}
			dev = deviceRecord{PublicKey: pub, Role: want.Role, Name: tok.Name, Hall: tok.Hall, EnrolledAt: now}
			if err := putJSON(devices, []byte(req.Device), &dev); err != nil {
				return err
			}
		}
		e := dev.enrolment()
		resp = EnrollResponse{Role: e.Role, Name: e.Name, CentralKey: d.vkey}
		if e.Role == RoleHall {
			resp.Hall = e.Name
		}
		row.Result, row.Status = "enrolled", http.StatusOK
		return putAudit(tx, row)
	})
	var ref *Refusal
	if errors.As(err, &ref) {
		return EnrollResponse{}, ref
	}
	if err != nil {
		return EnrollResponse{}, writeFailed(err)
	}
	return resp, nil
}

// Revoke stops trusting a laptop: nothing more of it is taken. device may
// be the id's first hex digits if they name one device. It returns the
// whole id.
func (d *DB) Revoke(device string) (string, error) {
	if d.readOnly {
		return "", ErrReadOnly
	}
	// An ingest checks the device before its transaction: a revocation
	// waits for it, so that nothing checked before is appended after.
	d.ingestMu.Lock()
	defer d.ingestMu.Unlock()
	device = strings.ToLower(strings.TrimSpace(device))
	var id string
	err := d.update(func(tx *bolt.Tx) error {
		devices := tx.Bucket(bucketDevices)
		var matches []string
		c := devices.Cursor()
		for k, _ := c.Seek([]byte(device)); k != nil && strings.HasPrefix(string(k), device); k, _ = c.Next() {
			matches = append(matches, string(k))
		}
		switch {
		case device == "" || len(matches) == 0:
			return failure("central.revoke.unknown", []any{device}, fmt.Errorf("no enrolled device %q", device))
		case len(matches) > 1:
			return failure("central.revoke.ambiguous", []any{device, len(matches)}, fmt.Errorf("%q names %d devices; give more of the id", device, len(matches)))
		}
		id = matches[0]
		var dev deviceRecord
		if _, err := getJSON(devices, []byte(id), &dev); err != nil {
			return err
		}
		if !dev.RevokedAt.IsZero() {
			return nil
		}
		dev.RevokedAt = d.now().UTC()
		return putJSON(devices, []byte(id), &dev)
	})
	return id, err
}
