package store

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"golang.org/x/mod/sumdb/note"

	"examday/signedlog"
	"examday/store/boltfile"
)

// The laptop's signing key. Each hall file has its own Ed25519 key pair,
// made when the file is (or when a file of an older schema is upgraded).
// The public half is in the file's meta bucket; the private half is not in
// the file at all but in a key file beside it, KeyPath(path), which only
// the user can read: a copy of the hall file alone (a bundle, a backup,
// the central record's copy) can be checked by anyone and signed by no one.
//
// The key file holds one line, the private key in the encoding of
// golang.org/x/mod/sumdb/note ("PRIVATE+KEY+<name>+<hash>+<key>"), so that
// note.NewSigner reads it and nothing here is a format of our own. Its name
// is the file's origin, "examday/<device id>/<epoch>": the device id is the
// SHA-256 of the 32-byte public key in hex (not note's 32-bit key hash,
// which is too short to name a laptop among many, and depends on the
// name), and the epoch is 16 random bytes in hex, made with the key.
//
// A file whose key file is missing, unreadable or not the key of this
// file opens read-only: it can be read, checked and exported (none of that
// needs the private key), but nothing can be added to it. A new key is
// never made for a log that has one: its events would be signed by two
// keys, and no one could tell the second from a forger's.

var (
	// ErrKeyMissing: the key file beside the hall file is not there or
	// cannot be read; the file is open read-only.
	ErrKeyMissing = errors.New("the signing key of this file is missing")
	// ErrKeyMismatch: the key file beside the hall file is not the key
	// whose public half the file holds; the file is open read-only.
	ErrKeyMismatch = errors.New("the signing key beside this file is not its key")
	// ErrKeyExists: a new hall file was not made because a key file is
	// already where its key would go: it may be the key of a hall file
	// moved away, which would be lost if it were overwritten.
	ErrKeyExists = errors.New("a signing key file is already there")
	// ErrUnsigned: the file was written before events were signed (schema
	// 1 or 2); it opens read-only and is never signed now.
	ErrUnsigned = signedlog.ErrUnsigned
)

// KeyPath is where the private key of the hall file at path is kept.
func KeyPath(path string) string { return path + ".key" }

// identity is what the file says of its key, signingKey the private
// half, read from the key file: package signedlog signs and verifies with
// them.
type (
	identity   = signedlog.Identity
	signingKey = signedlog.Key
)

var deviceID = signedlog.DeviceID

// newKey makes a key pair and an epoch for a new file (or one being
// upgraded) and returns them with the key file's text. Keys come from
// crypto/rand: since Go 1.26 ed25519.GenerateKey ignores any other source.
func newKey() (identity, *signingKey, []byte, error) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return identity{}, nil, nil, err
	}
	epoch := make([]byte, 16)
	if _, err := rand.Read(epoch); err != nil {
		return identity{}, nil, nil, err
	}
	id := identity{Pub: pub, Device: deviceID(pub), Epoch: hex.EncodeToString(epoch)}
	// The signer key is the verifier key's name and hash with the private
	// seed in place of the public key, as note.GenerateKey writes it.
	name, rest, _ := strings.Cut(id.VerifierKey(), "+")
	hash, _, _ := strings.Cut(rest, "+")
	skey := "PRIVATE+KEY+" + name + "+" + hash + "+" + base64.StdEncoding.EncodeToString(append([]byte{1}, priv.Seed()...))
	key, err := parseKey(skey)
	if err != nil {
		return identity{}, nil, nil, err
	}
	return id, key, []byte(skey + "\n"), nil
}

// parseKey reads a key file's text: note reads and checks the encoding,
// and the seed is taken from it for signing events.
func parseKey(text string) (*signingKey, error) {
	text = strings.TrimSpace(text)
	signer, err := note.NewSigner(text)
	if err != nil {
		return nil, fmt.Errorf("not a signing key (%v)", err)
	}
	// PRIVATE+KEY+<name>+<hash>+<key>: the key's base64 may hold a '+'.
	fields := strings.SplitN(text, "+", 5)
	raw, err := base64.StdEncoding.DecodeString(fields[len(fields)-1])
	if err != nil || len(raw) != 1+ed25519.SeedSize || raw[0] != 1 {
		return nil, errors.New("not an Ed25519 signing key")
	}
	return &signingKey{Priv: ed25519.NewKeyFromSeed(raw[1:]), Signer: signer}, nil
}

// identityOfKey is the identity a key file names: its public key, and the
// device id and epoch in its name.
func identityOfKey(key *signingKey) (identity, error) {
	pub := key.Priv.Public().(ed25519.PublicKey)
	device, epoch, ok := strings.Cut(strings.TrimPrefix(key.Signer.Name(), "examday/"), "/")
	id := identity{Pub: pub, Device: device, Epoch: epoch}
	if !strings.HasPrefix(key.Signer.Name(), "examday/") || !ok || device != deviceID(pub) || !isEpoch(epoch) {
		return identity{}, fmt.Errorf("its name %q is not the origin of an examday key", key.Signer.Name())
	}
	return id, nil
}

func isEpoch(s string) bool {
	b, err := hex.DecodeString(s)
	return err == nil && len(b) == 16 && hex.EncodeToString(b) == s
}

// writeKeyFile writes a new key file, never over an existing one
// (O_EXCL), and makes it durable, its directory entry included, before
// the hall file is made to depend on it (boltfile.WriteNew). Mode 0600
// keeps it to its owner where the system has modes; on Windows it is as
// private as the directory it is in, the user's own data directory.
func writeKeyFile(path string, text []byte) error {
	switch err := boltfile.WriteNew(path, text); {
	case errors.Is(err, fs.ErrExist):
		return fmt.Errorf("%s: %w", path, ErrKeyExists)
	case err != nil:
		return fmt.Errorf("writing the signing key %s: %w", path, err)
	}
	return nil
}

// readKeyFile reads the key of the file whose identity is id from the key
// file at path. The error says why it cannot be used, wrapping
// ErrKeyMissing or ErrKeyMismatch.
func readKeyFile(path string, id identity) (*signingKey, error) {
	text, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &codedError{kind: ErrKeyMissing, code: "store.key_file_missing", args: []any{path},
			text: fmt.Sprintf("%v: there is no key file %s; the file can be read and exported, but nothing can be added to it", ErrKeyMissing, path)}
	}
	if err != nil {
		return nil, &codedError{kind: ErrKeyMissing, code: "store.key_file_unreadable", args: []any{path, err},
			text: fmt.Sprintf("%v: the key file %s cannot be read (%v); the file can be read and exported, but nothing can be added to it", ErrKeyMissing, path, err)}
	}
	key, err := parseKey(string(text))
	if err != nil {
		return nil, &codedError{kind: ErrKeyMismatch, code: "store.key_file_not_key", args: []any{path},
			text: fmt.Sprintf("%v: %s is %v; the file can be read and exported, but nothing can be added to it", ErrKeyMismatch, path, err)}
	}
	if pub := key.Priv.Public().(ed25519.PublicKey); !bytes.Equal(pub, id.Pub) || key.Signer.Name() != id.Origin() {
		return nil, &codedError{kind: ErrKeyMismatch, code: "store.key_file_other", args: []any{path, short(deviceID(pub)), short(id.Device)},
			text: fmt.Sprintf("%v: %s holds the key of device %s, this file was signed by device %s; the file can be read and exported, but nothing can be added to it",
				ErrKeyMismatch, path, short(deviceID(pub)), short(id.Device))}
	}
	return key, nil
}

// short is the first 12 hex digits of an id, enough to tell two apart in a
// message.
func short(id string) string {
	if len(id) > 12 {
		return id[:12]
	}
	return id
}

// Remove deletes the hall file at path with its key file and owner note,
// for a file that is to be made again (the demo's reset, a file an
// interrupted set-up left empty). A key file left behind would stop the
// new file being made.
func Remove(path string) error {
	err := os.Remove(path)
	if kerr := os.Remove(KeyPath(path)); kerr != nil && !errors.Is(kerr, fs.ErrNotExist) && err == nil {
		err = kerr
	}
	boltfile.RemoveOwner(path)
	return err
}

// KeyExposed reports whether the key file beside the hall file can be
// read or written by others on this computer (see boltfile.ExposedMode),
// with its permission bits, so that every open can warn.
func (s *Store) KeyExposed() (fs.FileMode, bool) {
	if s.key == nil {
		return 0, false
	}
	return boltfile.ExposedMode(KeyPath(s.path))
}
