package central

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"

	bolt "go.etcd.io/bbolt"

	"examday/admission"
	"examday/exam"
)

// The admission commission's desk (package admission) is the projection
// of the book's admission events: the campaign in force and its
// applicants. Its decisions are taken on the desk the book makes at that
// moment, in the transaction that records them.

// PINSecret is the key of a chair's PIN hash beside the book.
func PINSecret(role string) string { return "pin:" + role }

// Desk is the desk the book makes now.
func (d *DB) Desk() (*admission.Desk, error) {
	desk := &admission.Desk{}
	err := d.Book(1, func(r BookRecord) error { return foldDesk(desk, r.Event) })
	return desk, err
}

// DecideAdmission records the admission events decide returns, given the
// desk the book makes, with secrets kept beside the book in the same
// transaction (DecideWithSecrets).
func (d *DB) DecideAdmission(secrets map[string]string, decide func(*admission.Desk) ([]admission.Event, error)) ([]BookRecord, error) {
	return d.DecideWithSecrets(secrets, func(book []BookEvent) ([]BookEvent, error) {
		desk := &admission.Desk{}
		for _, ev := range book {
			if err := foldDesk(desk, ev); err != nil {
				return nil, err
			}
		}
		events, err := decide(desk)
		if err != nil {
			return nil, err
		}
		out := make([]BookEvent, len(events))
		for i, ev := range events {
			out[i] = BookEvent{At: ev.At, Type: ev.Type, Applicant: ev.Applicant, Actor: ev.Actor, Data: ev.Data}
		}
		return out, nil
	})
}

// foldDesk applies a book event to the desk if it is one of the
// admission campaign's; the book's other events (the marks, the results,
// the appeals of later stages) are not the desk's.
func foldDesk(desk *admission.Desk, ev BookEvent) error {
	if !slices.Contains(admission.EventTypes(), ev.Type) {
		return nil
	}
	err := desk.Apply(admission.Event{Seq: ev.Seq, At: ev.At, Type: ev.Type, Applicant: ev.Applicant, Actor: ev.Actor, Data: ev.Data, Prev: ev.Prev})
	if err != nil {
		return fmt.Errorf("%w: %v", ErrBookBroken, err)
	}
	return nil
}

// CampaignRequest is a campaign file to set, as `central campaign set`
// hands it over: the file's bytes (read again here, so that what is set
// is what the file says), the reason of a change, the PIN hashes of the
// chairs whose PINs were asked (by role), and who records it.
type CampaignRequest struct {
	File      []byte            `json:"file"`
	Reason    string            `json:"reason,omitempty"`
	PINHashes map[string]string `json:"pin_hashes,omitempty"`
	Actor     string            `json:"actor"`
}

// DecisionResult is what a decision recorded: the book's events it added
// and the desk after them.
type DecisionResult struct {
	Records []BookRecord    `json:"records"`
	Desk    *admission.Desk `json:"desk"`
}

// SetCampaign sets the campaign of the file, or changes the one in
// force (admission.Desk.SetCampaign decides), and keeps the PIN hashes
// given beside the book, the book committing to their digests.
func (d *DB) SetCampaign(req CampaignRequest) (DecisionResult, error) {
	c, err := admission.ParseCampaign(bytes.NewReader(req.File))
	if err != nil {
		return DecisionResult{}, err
	}
	secrets := map[string]string{}
	digests := map[string]string{}
	for role, hash := range req.PINHashes {
		secrets[PINSecret(role)] = hash
		digests[role] = exam.PINRecordDigest(hash)
	}
	return d.decideOne(secrets, func(now *admission.Desk) (admission.Event, error) {
		return now.SetCampaign(admission.CampaignChange{Campaign: c, Reason: req.Reason, PINRecords: digests, Source: sha256Hex(req.File)}, d.now(), req.Actor)
	})
}

// ApplicantsRequest is an applicants file to import (CSV or XLSX), as
// `central applicants import` hands it over.
type ApplicantsRequest struct {
	File   []byte `json:"file"`
	Reason string `json:"reason,omitempty"`
	Actor  string `json:"actor"`
}

// ImportApplicants takes the applicants of the file for the campaign in
// force (admission.Desk.ImportApplicants decides): the whole list, or
// nobody, with every bad row by line.
func (d *DB) ImportApplicants(req ApplicantsRequest) (DecisionResult, error) {
	return d.decideOne(nil, func(now *admission.Desk) (admission.Event, error) {
		if now.Campaign == nil {
			return admission.Event{}, ErrNoCampaign
		}
		list, err := admission.ReadApplicants(bytes.NewReader(req.File), *now.Campaign)
		if err != nil {
			return admission.Event{}, err
		}
		return now.ImportApplicants(list, req.Reason, sha256Hex(req.File), d.now(), req.Actor)
	})
}

// ErrNoCampaign: nothing can be decided of the applicants before the
// campaign is set.
var ErrNoCampaign = errors.New("no campaign is set yet")

// decideOne records the one event decide returns on the desk the book
// makes (DecideAdmission), and returns it with the desk after it.
func (d *DB) decideOne(secrets map[string]string, decide func(*admission.Desk) (admission.Event, error)) (DecisionResult, error) {
	var desk *admission.Desk
	recs, err := d.DecideAdmission(secrets, func(now *admission.Desk) ([]admission.Event, error) {
		ev, err := decide(now)
		if err != nil {
			return nil, err
		}
		desk = now
		return []admission.Event{ev}, nil
	})
	if err != nil {
		return DecisionResult{}, err
	}
	for _, r := range recs {
		if err := foldDesk(desk, r.Event); err != nil {
			return DecisionResult{}, err
		}
	}
	return DecisionResult{Records: recs, Desk: desk}, nil
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// ExamineeHalls is, for every examinee the halls' logs name, the halls
// (by the name the hall's log gives itself, else the one it was enrolled
// under) whose logs hold an event of theirs: what the applicants are
// matched against (an examinee who is no admitted applicant, or in two
// halls: AR 25, no retakes).
func (d *DB) ExamineeHalls() (map[string][]string, error) {
	out := map[string][]string{}
	err := d.view(func(tx *bolt.Tx) error {
		halls := map[string]string{}
		c := tx.Bucket(bucketExaminees).Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			// examinee id, 0, origin, 0, seq (8 bytes)
			if len(k) < 10 || k[len(k)-9] != 0 {
				continue
			}
			i := bytes.IndexByte(k, 0)
			if i <= 0 || i >= len(k)-9 {
				continue
			}
			id, origin := string(k[:i]), string(k[i+1:len(k)-9])
			hall, ok := halls[origin]
			if !ok {
				var r logRecord
				if _, err := getJSON(tx.Bucket(bucketLogs), []byte(origin), &r); err != nil {
					return err
				}
				hall = cmp.Or(r.HallName, r.Hall)
				halls[origin] = hall
			}
			if !slices.Contains(out[id], hall) {
				out[id] = append(out[id], hall)
			}
		}
		return nil
	})
	for _, hs := range out {
		slices.Sort(hs)
	}
	return out, err
}
