package admission

import (
	"encoding/hex"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"time"

	"examday/exam"
)

// Desk is the admission commission's desk at the central record: the
// campaign in force and its applicants, the projection of the campaign's
// events. A decision is a method that returns the Event recording it, or
// a refusal that says why the rules do not allow it; Apply folds an event
// in. Nothing here stores anything.
type Desk struct {
	// Campaign is the campaign in force; nil until one is set.
	Campaign         *Campaign
	CampaignRevision int
	// PINRecords are the digests of the chairs' PIN records the campaign
	// in force committed to, by role.
	PINRecords map[string]string

	Applicants         []Applicant
	ApplicantsRevision int
}

// CampaignChange is a campaign to set: the settings, the reason (required
// for a change, not for the first), the PIN record digests of the chairs
// whose PINs were asked (PINsToAsk), and the file's digest.
type CampaignChange struct {
	Campaign   Campaign
	Reason     string
	PINRecords map[string]string
	Source     string
}

// PINsToAsk are the chairs of next whose PIN must be asked on the
// terminal before it is set: every chair of a first campaign; after that,
// a chair of a new commission or a different person in the chair. A chair
// who stays keeps the PIN the log committed to.
func (d *Desk) PINsToAsk(next Campaign) []Chair {
	var ask []Chair
	for _, ch := range next.Chairs() {
		if !d.keepsPIN(ch) {
			ask = append(ask, ch)
		}
	}
	return ask
}

func (d *Desk) keepsPIN(ch Chair) bool {
	if d.Campaign == nil || d.PINRecords[ch.Role] == "" {
		return false
	}
	for _, old := range d.Campaign.Chairs() {
		if old.Role == ch.Role {
			return foldName(old.Name) == foldName(ch.Name)
		}
	}
	return false
}

// SetCampaign sets the campaign, or changes the one in force. The
// campaign must keep every rule (a *CampaignError lists every reason it
// does not); a change must name its reason and change something, and
// cannot take away a programme that has applicants, nor shrink the
// language scale under a score already given. The old settings stay in
// the log: the event holds the new ones whole.
func (d *Desk) SetCampaign(ch CampaignChange, at time.Time, actor string) (Event, error) {
	next := ch.Campaign.canonical()
	if probs := next.Check(); len(probs) > 0 {
		return Event{}, &CampaignError{Problems: probs}
	}
	reason := strings.TrimSpace(ch.Reason)
	if d.Campaign != nil && reason == "" {
		return Event{}, refuse(RefuseChangeReason, d.CampaignRevision)
	}

	roles := map[string]Chair{}
	for _, c := range next.Chairs() {
		roles[c.Role] = c
	}
	pins := map[string]string{}
	for role, digest := range ch.PINRecords {
		if _, ok := roles[role]; !ok || !isDigest(digest) {
			return Event{}, refuse(RefusePINRecord, role)
		}
		pins[role] = strings.ToLower(digest)
	}
	var missing []string
	for _, c := range next.Chairs() {
		if _, given := pins[c.Role]; given {
			continue
		}
		if d.keepsPIN(c) {
			pins[c.Role] = d.PINRecords[c.Role]
			continue
		}
		missing = append(missing, c.Name)
	}
	if len(missing) > 0 {
		return Event{}, refuse(RefusePINMissing, strings.Join(missing, ", "))
	}
	if d.Campaign != nil && d.Campaign.equal(next) && maps.Equal(pins, d.PINRecords) {
		return Event{}, refuse(RefuseCampaignUnchanged, d.CampaignRevision)
	}

	// What the applicants already imported need of the campaign.
	uses := map[string]int{}
	over := 0
	for _, a := range d.Applicants {
		if _, ok := next.Programme(a.Programme); !ok {
			uses[a.Programme]++
		}
		if a.LanguageScore != nil && *a.LanguageScore > next.Language.Scale {
			over++
		}
	}
	for _, p := range exam.Programmes() {
		if n := uses[p.Code]; n > 0 {
			return Event{}, refuse(RefuseProgrammeInUse, p.Code, n)
		}
	}
	if over > 0 {
		return Event{}, refuse(RefuseScoreOverScale, over, next.Language.Scale)
	}

	return newEvent(TypeCampaignSet, "", actor, at, CampaignSetData{
		Revision: d.CampaignRevision + 1, Reason: reason, Campaign: next,
		PINRecords: pins, Source: ch.Source,
	}), nil
}

func isDigest(s string) bool {
	b, err := hex.DecodeString(s)
	return err == nil && len(b) == 32
}

// ImportApplicants takes the applicants of a file read for the campaign in
// force (ReadApplicants): the whole list, replacing the one before. An
// import after the first names its reason and must change something.
func (d *Desk) ImportApplicants(list []Applicant, reason, source string, at time.Time, actor string) (Event, error) {
	if d.Campaign == nil {
		return Event{}, refuse(RefuseNoCampaign)
	}
	if len(list) == 0 {
		return Event{}, refuse(RefuseNoApplicants)
	}
	if probs := CheckApplicants(list, *d.Campaign); len(probs) > 0 {
		return Event{}, &ApplicantsError{Problems: probs}
	}
	reason = strings.TrimSpace(reason)
	data := ApplicantsImportedData{
		Revision: d.ApplicantsRevision + 1, Reason: reason, Applicants: slices.Clone(list),
		Source: source, CampaignRevision: d.CampaignRevision,
	}
	if d.ApplicantsRevision > 0 {
		if reason == "" {
			return Event{}, refuse(RefuseChangeReason, d.ApplicantsRevision)
		}
		data.Added, data.Removed, data.Changed = diffApplicants(d.Applicants, list)
		if len(data.Added)+len(data.Removed)+len(data.Changed) == 0 {
			return Event{}, refuse(RefuseApplicantsUnchanged, d.ApplicantsRevision)
		}
	}
	return newEvent(TypeApplicantsImported, "", actor, at, data), nil
}

// CheckApplicants is every way a list of applicants does not fit campaign
// c: what ReadApplicants checks of a file, for a list that came another
// way. Each problem is at the applicant's Line.
func CheckApplicants(list []Applicant, c Campaign) []Problem {
	var probs []Problem
	seenID, seenDoc := map[string]int{}, map[string]int{}
	for _, a := range list {
		add := func(field, code string, args ...any) {
			probs = append(probs, Problem{Line: a.Line, Field: field, Code: code, Args: args})
		}
		for _, f := range []struct{ col, value string }{
			{ColID, a.ID}, {ColFullName, a.FullName}, {ColProgramme, a.Programme}, {ColIDDocument, a.IDDocument},
		} {
			if strings.TrimSpace(f.value) == "" {
				add(f.col, ApplicantsEmptyField, f.col)
			}
		}
		if _, ok := exam.ProgrammeByCode(a.Programme); !ok {
			add(ColProgramme, ApplicantsUnknownProgramme, a.Programme)
		} else if _, ok := c.Programme(a.Programme); !ok {
			add(ColProgramme, ApplicantsProgrammeNotInCampaign, a.Programme, c.Year)
		}
		if a.LanguageScore != nil && (*a.LanguageScore < 0 || *a.LanguageScore > c.Language.Scale) {
			add(ColLanguageScore, ApplicantsLanguageScore, fmt.Sprint(*a.LanguageScore), c.Language.Scale)
		}
		if first, dup := seenID[a.ID]; dup {
			add(ColID, ApplicantsDuplicateID, a.ID, first)
		} else {
			seenID[a.ID] = a.Line
		}
		doc := strings.ToUpper(a.IDDocument)
		if first, dup := seenDoc[doc]; dup {
			add(ColIDDocument, ApplicantsDuplicateIDDocument, a.IDDocument, first)
		} else {
			seenDoc[doc] = a.Line
		}
	}
	sortProblems(probs)
	return probs
}

// diffApplicants is who was added, removed and changed from old to new,
// by id, in the lists' orders. Where a row stands in the file is not a
// change.
func diffApplicants(old, new []Applicant) (added, removed, changed []string) {
	before := map[string]Applicant{}
	for _, a := range old {
		before[a.ID] = a
	}
	now := map[string]bool{}
	for _, a := range new {
		now[a.ID] = true
		b, ok := before[a.ID]
		if !ok {
			added = append(added, a.ID)
			continue
		}
		a.Line, b.Line = 0, 0
		if !reflect.DeepEqual(a, b) {
			changed = append(changed, a.ID)
		}
	}
	for _, a := range old {
		if !now[a.ID] {
			removed = append(removed, a.ID)
		}
	}
	return added, removed, changed
}

// Apply folds an event into the desk. An event out of its order (a
// revision that does not follow the one in force) is an error: the log
// is not what this desk was built from.
func (d *Desk) Apply(ev Event) error {
	switch ev.Type {
	case TypeCampaignSet:
		data, err := Decode[CampaignSetData](ev)
		if err != nil {
			return err
		}
		if data.Revision != d.CampaignRevision+1 {
			return fmt.Errorf("event %d: campaign revision %d follows revision %d", ev.Seq, data.Revision, d.CampaignRevision)
		}
		c := data.Campaign
		d.Campaign, d.CampaignRevision, d.PINRecords = &c, data.Revision, data.PINRecords
	case TypeApplicantsImported:
		data, err := Decode[ApplicantsImportedData](ev)
		if err != nil {
			return err
		}
		if data.Revision != d.ApplicantsRevision+1 {
			return fmt.Errorf("event %d: applicants revision %d follows revision %d", ev.Seq, data.Revision, d.ApplicantsRevision)
		}
		d.Applicants, d.ApplicantsRevision = data.Applicants, data.Revision
	default:
		return &PayloadError{Seq: ev.Seq, Type: ev.Type, Err: fmt.Errorf("unknown event type")}
	}
	return nil
}
