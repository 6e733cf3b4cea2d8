package signedlog

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"

	"golang.org/x/mod/sumdb/note"
)

// Identity is what a file says of its key: the public key, the device id
// derived from it, and the epoch of the file, made with the key.
type Identity struct {
	Pub    ed25519.PublicKey
	Device string // hex SHA-256 of Pub
	Epoch  string // 16 random bytes in hex
}

// Signed reports whether there is a key: a file written before events
// were signed has none.
func (id Identity) Signed() bool { return id.Pub != nil }

// Origin names the log in its checkpoints and its key in notes:
// "examday/<device id>/<epoch>".
func (id Identity) Origin() string { return "examday/" + id.Device + "/" + id.Epoch }

// VerifierKey is the key in note's verifier encoding, as
// note.NewEd25519VerifierKey makes it.
func (id Identity) VerifierKey() string {
	vkey, err := note.NewEd25519VerifierKey(id.Origin(), id.Pub)
	if err != nil {
		// Only a key of the wrong size fails, and the identities read
		// from a file or made with a key are of the right size.
		panic(err)
	}
	return vkey
}

// Verifier verifies the file's checkpoints.
func (id Identity) Verifier() note.Verifier {
	v, err := note.NewVerifier(id.VerifierKey())
	if err != nil {
		panic(err) // the name is ours and valid, the key 32 bytes
	}
	return v
}

// DeviceID is the SHA-256 of a public key, in hex: a laptop's name in the
// central record.
func DeviceID(pub ed25519.PublicKey) string {
	sum := sha256.Sum256(pub)
	return hex.EncodeToString(sum[:])
}

// Key is the private half: the key every event is signed with and the
// same key as a note signer, named by the origin, for checkpoints.
type Key struct {
	Priv   ed25519.PrivateKey
	Signer note.Signer
}
