package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"examday/admission"
	"examday/central"
	"examday/store/boltfile"
)

// centralRecord is what the central commands ask of the central record:
// its file opened here (*central.DB) or, while `examday central serve`
// holds the file, that server over its admin channel (*central.Admin),
// which does the same work with the same code on the file it holds. The
// commands print what they get either way, so their answers are the same.
type centralRecord interface {
	Path() string
	VerifierKey() string
	NewEnrolmentToken(central.Enrolment) (string, error)
	Revoke(device string) (string, error)
	IngestFile(path string) (central.PushResult, error)
	EnrollFromFile(data []byte, path string) ([]byte, central.EnrollResponse, error)
	Devices() ([]central.Device, error)
	Logs() ([]central.Log, error)
	RecentFailures(n int) ([]central.AuditRow, error)
	Timeline(examinee string) ([]central.Moment, error)
	HallTimeline(hall string) ([]central.Moment, error)
	Evidence(n uint64) ([]byte, error)
	CheckLogs() error
	Summary() (central.Summary, error)
	Backup(w io.Writer) (central.Summary, error)
	// The commission's own book.
	Desk() (*admission.Desk, error)
	ExamineeHalls() (map[string][]string, error)
	BookBundle() ([]byte, error)
	SetCampaign(central.CampaignRequest) (central.DecisionResult, error)
	ImportApplicants(central.ApplicantsRequest) (central.DecisionResult, error)
	Close() error
}

var (
	_ centralRecord = (*central.DB)(nil)
	_ centralRecord = (*central.Admin)(nil)
)

// centralWait is how long a command waits for a file another command
// holds (a second secretary's import) before it gives up; tests shorten it.
var centralWait = 15 * time.Second

// openRecord reaches the central record for the command name: through
// the running server if one answers for the file, else by opening the
// file (made if create; read-only, a shared lock, if readOnly). A file
// another command holds is waited for, up to centralWait, saying so at
// once; and each time round the server is asked first, so a server that
// starts meanwhile is found.
func (a *app) openRecord(name string, create, readOnly bool) (centralRecord, error) {
	path, err := a.centralPath()
	if err != nil {
		return nil, err
	}
	deadline := time.Now().Add(centralWait)
	said := false
	for {
		if adm, err := central.DialAdmin(path); err == nil {
			return adm, nil
		} else if !errors.Is(err, central.ErrNoServer) {
			return nil, err
		}
		if create {
			if err := ensureDir(path); err != nil {
				return nil, err
			}
		}
		before, _ := os.Stat(path)
		db, err := central.Open(path, central.Options{Create: create, ReadOnly: readOnly, Program: "examday central " + name})
		if err == nil {
			return db, nil
		}
		if errors.Is(err, central.ErrDamaged) && changedSince(path, before) && time.Now().Before(deadline) {
			// The look before the open sized the file while another
			// command held it and then grew it: a file being written, not
			// a damaged one. Looked at again; one really damaged does not
			// change.
			continue
		}
		if !errors.Is(err, central.ErrInUse) || time.Now().After(deadline) {
			return nil, a.openError(path, err, centralOpenErrors)
		}
		if !said {
			owner := boltfile.ReadOwner(path)
			if owner == "" {
				owner = "—"
			}
			fmt.Fprintln(a.stderr, a.cat.T("cli.central.open.waiting", path, owner, centralWait))
			said = true
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// changedSince reports whether the file at path is not as before was.
func changedSince(path string, before os.FileInfo) bool {
	now, err := os.Stat(path)
	return before != nil && err == nil && (now.Size() != before.Size() || !now.ModTime().Equal(before.ModTime()))
}
