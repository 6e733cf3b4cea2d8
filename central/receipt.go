package central

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

// Receipt is what a receipt says (see ReceiptTitle for its text).
type Receipt struct {
	Origin string
	Size   int64
	Root   tlog.Hash
	At     time.Time
}

func (r Receipt) text() string {
	return fmt.Sprintf("%s\n%s\n%d\n%s\n%s\n", ReceiptTitle, r.Origin, r.Size, r.Root, r.At.UTC().Format(time.RFC3339))
}

// SignReceipt signs a receipt with the central record's signer.
func SignReceipt(r Receipt, signer note.Signer) ([]byte, error) {
	return note.Sign(&note.Note{Text: r.text()}, signer)
}

// OpenReceipt verifies a receipt with the central record's verifier key
// and reads it.
func OpenReceipt(msg []byte, centralKey string) (Receipt, error) {
	v, err := note.NewVerifier(centralKey)
	if err != nil {
		return Receipt{}, fmt.Errorf("the central record's key is not a verifier key: %v", err)
	}
	n, err := note.Open(msg, note.VerifierList(v))
	if err != nil {
		return Receipt{}, fmt.Errorf("the receipt's signature does not verify with the central record's key: %v", err)
	}
	lines := strings.Split(n.Text, "\n")
	if len(lines) != 6 || lines[5] != "" || lines[0] != ReceiptTitle {
		return Receipt{}, fmt.Errorf("the receipt's text is not a receipt")
	}
	r := Receipt{Origin: lines[1]}
	if r.Size, err = strconv.ParseInt(lines[2], 10, 64); err != nil || r.Size < 0 {
		return Receipt{}, fmt.Errorf("the receipt's size %q is not a number", lines[2])
	}
	if r.Root, err = tlog.ParseHash(lines[3]); err != nil {
		return Receipt{}, fmt.Errorf("the receipt's root %q is not a hash", lines[3])
	}
	if r.At, err = time.Parse(time.RFC3339, lines[4]); err != nil {
		return Receipt{}, fmt.Errorf("the receipt's time %q is not a time", lines[4])
	}
	return r, nil
}
