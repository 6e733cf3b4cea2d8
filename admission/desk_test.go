package admission_test

import (
	"errors"
	"maps"
	"slices"
	"testing"
	"time"

	"examday/admission"
	"examday/exam"
)

var (
	t0    = time.Date(2027, 6, 20, 10, 0, 0, 0, time.UTC)
	clerk = "secretary"
)

// pinsFor are PIN record digests for the chairs, as the terminal makes
// them: exam.PINRecordDigest of each stored record.
func pinsFor(chairs []admission.Chair) map[string]string {
	out := map[string]string{}
	for _, ch := range chairs {
		out[ch.Role] = exam.PINRecordDigest("$argon2id$record-of-" + ch.Role + "-" + ch.Name)
	}
	return out
}

func refusalCode(err error) string {
	var r *admission.Refusal
	if errors.As(err, &r) {
		return r.Code
	}
	return ""
}

// setUp is a desk with campaign2027 set, and its log.
func setUp(t *testing.T) (*admission.Desk, []admission.Event) {
	t.Helper()
	d := &admission.Desk{}
	c := campaign2027()
	ev, err := d.SetCampaign(admission.CampaignChange{Campaign: c, PINRecords: pinsFor(d.PINsToAsk(c)), Source: admission.SourceDigest([]byte("file"))}, t0, clerk)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Apply(ev); err != nil {
		t.Fatal(err)
	}
	return d, []admission.Event{ev}
}

func TestFirstCampaignAsksEveryChairsPIN(t *testing.T) {
	d := &admission.Desk{}
	c := campaign2027()
	ask := d.PINsToAsk(c)
	if len(ask) != 5 {
		t.Fatalf("PINs to ask: %v", ask)
	}
	pins := pinsFor(ask)
	delete(pins, "appeal_commission")
	_, err := d.SetCampaign(admission.CampaignChange{Campaign: c, PINRecords: pins}, t0, clerk)
	var r *admission.Refusal
	if !errors.As(err, &r) || r.Code != admission.RefusePINMissing || r.Args[0] != "Байжанов Серік" {
		t.Fatalf("got %v, want the appeal chair's PIN missing", err)
	}

	ev, err := d.SetCampaign(admission.CampaignChange{Campaign: c, PINRecords: pinsFor(ask), Source: "ab"}, t0, clerk)
	if err != nil {
		t.Fatal(err)
	}
	if ev.Type != admission.TypeCampaignSet || ev.Actor != clerk || !ev.At.Equal(t0) {
		t.Errorf("event %+v", ev)
	}
	data, err := admission.Decode[admission.CampaignSetData](ev)
	if err != nil {
		t.Fatal(err)
	}
	if data.Revision != 1 || data.Reason != "" || data.Source != "ab" || len(data.PINRecords) != 5 {
		t.Errorf("payload %+v", data)
	}
	if !slices.EqualFunc(data.Campaign.Programmes, c.Programmes, func(a, b admission.ProgrammePlan) bool { return a.Code == b.Code }) {
		t.Errorf("programmes %+v", data.Campaign.Programmes)
	}
	if err := d.Apply(ev); err != nil {
		t.Fatal(err)
	}
	if d.Campaign == nil || d.CampaignRevision != 1 || d.Campaign.Year != 2027 {
		t.Errorf("desk %+v", d)
	}
}

func TestACampaignThatBreaksARuleIsNotSet(t *testing.T) {
	d := &admission.Desk{}
	c := campaign2027()
	c.AppealCommission.Members = nil
	c.Programmes[0].PassMark = 0
	_, err := d.SetCampaign(admission.CampaignChange{Campaign: c, PINRecords: pinsFor(c.Chairs())}, t0, clerk)
	if got := codes(t, err); !slices.Equal(got, []string{admission.CampaignPassMarkMissing, admission.CampaignMembersTooFew}) {
		t.Errorf("codes %v", got)
	}
}

// A change is a new event with its reason; the old settings stay in the
// log, and the desk is the last.
func TestACampaignChangeNeedsAReasonAndKeepsTheOld(t *testing.T) {
	d, log := setUp(t)
	next := campaign2027()
	next.Programmes[0].PassMark = 65
	ch := admission.CampaignChange{Campaign: next}
	if _, err := d.SetCampaign(ch, t0, clerk); refusalCode(err) != admission.RefuseChangeReason {
		t.Fatalf("without a reason: %v", err)
	}
	if _, err := d.SetCampaign(admission.CampaignChange{Campaign: campaign2027(), Reason: "again"}, t0, clerk); refusalCode(err) != admission.RefuseCampaignUnchanged {
		t.Fatalf("unchanged: %v", err)
	}
	ch.Reason = "  Academic Council, protocol No. 10: pass mark 65  "
	if ask := d.PINsToAsk(next); len(ask) != 0 {
		t.Errorf("the same chairs keep their PINs: %v", ask)
	}
	ev, err := d.SetCampaign(ch, t0.Add(time.Hour), clerk)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := admission.Decode[admission.CampaignSetData](ev)
	if data.Revision != 2 || data.Reason != "Academic Council, protocol No. 10: pass mark 65" {
		t.Errorf("payload %+v", data)
	}
	first, _ := admission.Decode[admission.CampaignSetData](log[0])
	if !maps.Equal(data.PINRecords, first.PINRecords) {
		t.Errorf("the PINs carried over: %v, %v", data.PINRecords, first.PINRecords)
	}
	if err := d.Apply(ev); err != nil {
		t.Fatal(err)
	}
	log = append(log, ev)
	if p, _ := d.Campaign.Programme("7M04203"); p.PassMark != 65 {
		t.Errorf("in force: %+v", p)
	}
	if p, _ := first.Campaign.Programme("7M04203"); p.PassMark != 60 {
		t.Errorf("the old settings in the log: %+v", p)
	}

	// The log is the truth: a new desk from it is the same desk.
	replay := &admission.Desk{}
	for _, ev := range log {
		if err := replay.Apply(ev); err != nil {
			t.Fatal(err)
		}
	}
	if replay.CampaignRevision != 2 || !maps.Equal(replay.PINRecords, d.PINRecords) {
		t.Errorf("replayed %+v", replay)
	}
	// An event out of order is not this desk's log.
	if err := replay.Apply(log[0]); err == nil {
		t.Error("revision 1 applied after 2")
	}
}

// A new chair's PIN is asked; the others keep theirs.
func TestANewChairGivesAPIN(t *testing.T) {
	d, _ := setUp(t)
	next := campaign2027()
	next.AppealCommission.Chair = "Жаңа Төраға"
	ask := d.PINsToAsk(next)
	if len(ask) != 1 || ask[0].Role != "appeal_commission" || ask[0].Name != "Жаңа Төраға" {
		t.Fatalf("PINs to ask: %v", ask)
	}
	ch := admission.CampaignChange{Campaign: next, Reason: "the rector's order No. 5"}
	if _, err := d.SetCampaign(ch, t0, clerk); refusalCode(err) != admission.RefusePINMissing {
		t.Fatalf("without the new chair's PIN: %v", err)
	}
	ch.PINRecords = pinsFor(ask)
	ev, err := d.SetCampaign(ch, t0, clerk)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := admission.Decode[admission.CampaignSetData](ev)
	if data.PINRecords["appeal_commission"] != ch.PINRecords["appeal_commission"] || data.PINRecords["admission_commission"] != d.PINRecords["admission_commission"] {
		t.Errorf("PINs %v", data.PINRecords)
	}
	// A PIN record that is not a digest, or of a chair the campaign lacks.
	for _, pins := range []map[string]string{{"appeal_commission": "1234"}, {"exam_commission.7M12303": exam.PINRecordDigest("x")}} {
		ch.PINRecords = pins
		if _, err := d.SetCampaign(ch, t0, clerk); refusalCode(err) != admission.RefusePINRecord {
			t.Errorf("%v: %v", pins, err)
		}
	}
}

// A change cannot take away what the applicants already rely on.
func TestACampaignChangeKeepsTheApplicantsValid(t *testing.T) {
	d, _ := setUp(t)
	applyImport(t, d, goodApplicants, "")

	next := campaign2027()
	next.Programmes = next.Programmes[:2] // 8D12301, which A-003 applied to, gone
	_, err := d.SetCampaign(admission.CampaignChange{Campaign: next, Reason: "no doctoral places"}, t0, clerk)
	var r *admission.Refusal
	if !errors.As(err, &r) || r.Code != admission.RefuseProgrammeInUse || r.Args[0] != "8D12301" || r.Args[1] != 1 {
		t.Errorf("got %v", err)
	}
	next = campaign2027()
	next.Language.Scale, next.Language.Gate = 30, 20 // A-001 has 34
	if _, err := d.SetCampaign(admission.CampaignChange{Campaign: next, Reason: "new scale"}, t0, clerk); refusalCode(err) != admission.RefuseScoreOverScale {
		t.Errorf("got %v", err)
	}
}

func applyImport(t *testing.T, d *admission.Desk, list []admission.Applicant, reason string) admission.ApplicantsImportedData {
	t.Helper()
	ev, err := d.ImportApplicants(list, reason, "cafe", t0, clerk)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Apply(ev); err != nil {
		t.Fatal(err)
	}
	data, err := admission.Decode[admission.ApplicantsImportedData](ev)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// An import is the whole list in one event; a re-import names its reason
// and says whom it added, removed and changed.
func TestApplicantsImports(t *testing.T) {
	if _, err := (&admission.Desk{}).ImportApplicants(goodApplicants, "", "", t0, clerk); refusalCode(err) != admission.RefuseNoCampaign {
		t.Errorf("before a campaign: %v", err)
	}
	d, _ := setUp(t)
	if _, err := d.ImportApplicants(nil, "", "", t0, clerk); refusalCode(err) != admission.RefuseNoApplicants {
		t.Errorf("nobody: %v", err)
	}
	first := applyImport(t, d, goodApplicants, "")
	if first.Revision != 1 || len(first.Applicants) != 5 || first.Added != nil || first.CampaignRevision != 1 || first.Source != "cafe" {
		t.Errorf("first import %+v", first)
	}

	next := slices.Clone(goodApplicants)
	next[0].LanguageScore = score(40)    // A-001 changed
	next = append(next[:3], next[4:]...) // A-004 removed
	next = append(next, admission.Applicant{Line: 9, ID: "A-009", FullName: "Жаңа Ж.", Programme: "7M04203", IDDocument: "D9", ServiceYears: 4, Language: "en"})
	for i := range next {
		next[i].Line += 10 // other rows of the file are no change
	}
	if _, err := d.ImportApplicants(next, " ", "", t0, clerk); refusalCode(err) != admission.RefuseChangeReason {
		t.Errorf("without a reason: %v", err)
	}
	if _, err := d.ImportApplicants(goodApplicants, "again", "", t0, clerk); refusalCode(err) != admission.RefuseApplicantsUnchanged {
		t.Errorf("unchanged: %v", err)
	}
	second := applyImport(t, d, next, "language results of 12 August")
	if !slices.Equal(second.Added, []string{"A-009"}) || !slices.Equal(second.Removed, []string{"A-004"}) || !slices.Equal(second.Changed, []string{"A-001"}) {
		t.Errorf("added %v removed %v changed %v", second.Added, second.Removed, second.Changed)
	}
	if d.ApplicantsRevision != 2 || len(d.Applicants) != 5 || *d.Applicants[0].LanguageScore != 40 {
		t.Errorf("desk %+v", d.Applicants)
	}

	// A list that did not come through ReadApplicants is checked all the same.
	bad := slices.Clone(goodApplicants[:2])
	bad[1].ID, bad[1].Programme = "A-001", "7M12303"
	_, err := d.ImportApplicants(bad, "r", "", t0, clerk)
	if got := codes(t, err); !slices.Equal(got, []string{admission.ApplicantsProgrammeNotInCampaign, admission.ApplicantsDuplicateID}) {
		t.Errorf("codes %v", got)
	}
}

func TestEventTypesAndPayloads(t *testing.T) {
	types := admission.EventTypes()
	slices.Sort(types)
	if !slices.Equal(types, []string{admission.TypeApplicantsImported, admission.TypeCampaignSet}) {
		t.Errorf("types %v", types)
	}
	d, log := setUp(t)
	p, err := log[0].Payload()
	if _, ok := p.(admission.CampaignSetData); !ok || err != nil {
		t.Errorf("Payload %T %v", p, err)
	}
	var pe *admission.PayloadError
	if _, err := admission.Decode[admission.ApplicantsImportedData](log[0]); !errors.As(err, &pe) {
		t.Errorf("decoded as another type: %v", err)
	}
	broken := log[0]
	broken.Data = []byte(`{"revision": "one"}`)
	if _, err := broken.Payload(); !errors.As(err, &pe) {
		t.Errorf("a payload that does not read: %v", err)
	}
	unknown := admission.Event{Type: "campaign.unknown", Data: []byte(`{}`)}
	if err := d.Apply(unknown); !errors.As(err, &pe) {
		t.Errorf("an unknown type: %v", err)
	}
}
