package central_test

import (
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"examday/admission"
	"examday/central"
	"examday/exam"
)

func readTestdata(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The campaign and its applicants are decisions in the central record's
// book: set with the chairs' PIN hashes kept beside the book (the book
// holding only their digests), the applicants imported for the campaign
// in force, and the desk the book makes after a reopen is the same.
func TestTheCampaignAndItsApplicantsAreInTheBook(t *testing.T) {
	db := newCentral(t)
	file := readTestdata(t, "../admission/testdata/campaign/good_full.toml")
	if _, err := db.ImportApplicants(central.ApplicantsRequest{File: []byte(applicantsCSV), Actor: "secretary"}); !errors.Is(err, central.ErrNoCampaign) {
		t.Errorf("applicants before a campaign: %v; want ErrNoCampaign", err)
	}
	c, err := admission.ParseCampaign(bytesReader(file))
	if err != nil {
		t.Fatal(err)
	}
	hashes := map[string]string{}
	for _, ch := range (&admission.Desk{}).PINsToAsk(c) {
		h, err := exam.HashPIN("2468")
		if err != nil {
			t.Fatal(err)
		}
		hashes[ch.Role] = h
	}
	// A first campaign without every chair's PIN is refused, and nothing
	// is written.
	if _, err := db.SetCampaign(central.CampaignRequest{File: file, Actor: "secretary"}); err == nil {
		t.Fatal("a campaign without its chairs' PINs was set")
	}
	res, err := db.SetCampaign(central.CampaignRequest{File: file, PINHashes: hashes, Actor: "secretary"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Desk.Campaign == nil || res.Desk.Campaign.Year != 2027 || res.Desk.CampaignRevision != 1 {
		t.Fatalf("the desk after the campaign: %+v", res.Desk)
	}
	for role, h := range hashes {
		if db.Secret(central.PINSecret(role)) != h {
			t.Errorf("the PIN hash of %s is not kept beside the book", role)
		}
		if res.Desk.PINRecords[role] != exam.PINRecordDigest(h) {
			t.Errorf("the book commits to %q for %s; want the digest of its hash", res.Desk.PINRecords[role], role)
		}
	}
	if string(res.Records[0].Body) == "" || bytesContains(res.Records[0].Body, hashes) {
		t.Error("a PIN hash is in the book")
	}
	// The same file again changes nothing and is refused.
	if _, err := db.SetCampaign(central.CampaignRequest{File: file, Reason: "again", Actor: "secretary"}); err == nil {
		t.Error("the same campaign was set twice")
	}
	imp, err := db.ImportApplicants(central.ApplicantsRequest{File: []byte(applicantsCSV), Actor: "secretary"})
	if err != nil {
		t.Fatal(err)
	}
	if len(imp.Desk.Applicants) == 0 || imp.Desk.ApplicantsRevision != 1 {
		t.Fatalf("the desk after the import: %d applicants, revision %d", len(imp.Desk.Applicants), imp.Desk.ApplicantsRevision)
	}
	desk, err := db.Desk()
	if err != nil {
		t.Fatal(err)
	}
	if len(desk.Applicants) != len(imp.Desk.Applicants) || desk.CampaignRevision != 1 {
		t.Errorf("the desk the book makes: %d applicants, campaign revision %d", len(desk.Applicants), desk.CampaignRevision)
	}
	if err := db.VerifyBook(); err != nil {
		t.Error(err)
	}
}

const applicantsCSV = `id,full_name,programme,id_document,service_years,language,language_score,certificate,certificate_score
A-001,Сәрсенбаева Айгерім Қайратқызы,7M04203,041234567,3.5,en,34,,
A-003,Өтеғали Нұрлан Ғабитұлы,8D12301,041234569,5.2,,,IELTS,5.5
A-004,Ким Виктория,7M04203,N12345678,4,fr,29,,
`

func bytesReader(b []byte) io.Reader { return strings.NewReader(string(b)) }

func bytesContains(body []byte, hashes map[string]string) bool {
	for _, h := range hashes {
		if strings.Contains(string(body), h) {
			return true
		}
	}
	return false
}
