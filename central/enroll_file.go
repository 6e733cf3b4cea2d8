package central

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"golang.org/x/mod/sumdb/note"

	"examday/bundle"
)

// Enrolment without a network between the laptop and the central record:
// the laptop writes its request to a file (`examday enroll --token T
// --out request.file`), the central record enrols it from that file
// through the same checks as over HTTP (DB.Enroll, via "file") and writes
// its answer to a file, and the laptop keeps the answer (`examday enroll
// --answer answer.file`). The answer is a note signed by the central
// record's key, naming the device it enrols, its role and its name: a
// laptop takes only an answer for itself, whose signature verifies with
// the key it carries, and checks its receipts with that key from then on.

const (
	requestMark = "examday enrolment request 1"
	answerMark  = "examday enrolment answer 1"
	answerTitle = "examday enrolment"
)

// MaxEnrolmentFile bounds a request or an answer file: a token, a key, a
// name and a signature.
const MaxEnrolmentFile = maxEnrollBody

type requestFile struct {
	Format string `json:"format"`
	EnrollRequest
	// Name is what the device calls itself (a hall file's hall name), for
	// the operator to compare with the token's.
	Name string `json:"name,omitempty"`
}

// EnrolmentRequestFile is the file a laptop writes for an enrolment by
// file: its request, as it would send it over HTTP, and what it calls
// itself.
func EnrolmentRequestFile(req EnrollRequest, name string) []byte {
	b, _ := json.MarshalIndent(requestFile{Format: requestMark, EnrollRequest: req, Name: name}, "", "  ")
	return append(b, '\n')
}

// EnrolmentAnswer is what an answer file says, its signature verified.
type EnrolmentAnswer struct {
	Device     string `json:"device"`
	Role       Role   `json:"role"`
	Name       string `json:"name"`
	CentralKey string `json:"-"`
}

type answerFile struct {
	Format     string `json:"format"`
	CentralKey string `json:"central_key"`
	Note       string `json:"note"` // the signed note
}

// EnrollFromFile enrols the device whose request file holds data, read
// from path, through Enroll (the same checks and audit as over HTTP), and
// returns the answer file for it. A file that is not a request is refused
// (400, check "format") before anything is looked up.
func (d *DB) EnrollFromFile(data []byte, path string) ([]byte, EnrollResponse, error) {
	if len(data) > MaxEnrolmentFile {
		return nil, EnrollResponse{}, refusal(http.StatusRequestEntityTooLarge, string(bundle.CheckSize), "the enrolment request is %d bytes; one is at most %d", len(data), MaxEnrolmentFile)
	}
	var rf requestFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&rf); err != nil || rf.Format != requestMark {
		return nil, EnrollResponse{}, refusal(http.StatusBadRequest, string(bundle.CheckFormat), "%s is not an examday enrolment request", path)
	}
	resp, err := d.Enroll(rf.EnrollRequest, "file", path)
	if err != nil {
		return nil, resp, err
	}
	text, _ := json.Marshal(EnrolmentAnswer{Device: rf.Device, Role: resp.Role, Name: resp.Name})
	msg, err := note.Sign(&note.Note{Text: answerTitle + "\n" + string(text) + "\n"}, d.signer)
	if err != nil {
		return nil, resp, writeFailed(err)
	}
	out, _ := json.MarshalIndent(answerFile{Format: answerMark, CentralKey: d.vkey, Note: string(msg)}, "", "  ")
	return append(out, '\n'), resp, nil
}

// ErrNotAnswer: the file is not an enrolment answer whose signature
// verifies with the key it names.
var ErrNotAnswer = errors.New("not an examday enrolment answer signed by the central record it names")

// OpenEnrolmentAnswer reads an answer file and verifies its signature
// with the central record's key it carries.
func OpenEnrolmentAnswer(data []byte) (EnrolmentAnswer, error) {
	var af answerFile
	if err := json.Unmarshal(data, &af); err != nil || af.Format != answerMark {
		return EnrolmentAnswer{}, ErrNotAnswer
	}
	v, err := note.NewVerifier(af.CentralKey)
	if err != nil {
		return EnrolmentAnswer{}, fmt.Errorf("%w: its key: %v", ErrNotAnswer, err)
	}
	n, err := note.Open([]byte(af.Note), note.VerifierList(v))
	if err != nil {
		return EnrolmentAnswer{}, fmt.Errorf("%w: %v", ErrNotAnswer, err)
	}
	body, ok := strings.CutPrefix(n.Text, answerTitle+"\n")
	var a EnrolmentAnswer
	if !ok || json.Unmarshal([]byte(body), &a) != nil || a.Device == "" {
		return EnrolmentAnswer{}, ErrNotAnswer
	}
	a.CentralKey = af.CentralKey
	return a, nil
}
