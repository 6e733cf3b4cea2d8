package main

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"text/template"
	"time"

	"examday/admission"
	"examday/barcode"
	"examday/central"
	"examday/exam"
	"examday/store"
)

// The demo of a whole campaign (`examday demo --campaign DIR`): a
// central record with its campaign and applicants, two halls that sat
// the specialty exam today and were delivered to it, and two marking
// stations' files with every sheet marked, for a commission to try the
// steps after the exam on. It is made with the same decisions the
// commands make, through the same stores: nothing in it is written by
// hand, and every file verifies as a real one would.

// The files of a demo campaign, in DIR.
const (
	demoCentralFile = "central.db"
	demoHall1File   = "hall-1.db"
	demoHall2File   = "hall-2.db"
	demoMark1File   = "mark-1.db"
	demoMark2File   = "mark-2.db"
)

// The demo campaign's programmes: a master's in hall 1, a doctoral in
// hall 2.
const (
	demoMasterProgramme   = "7M04203"
	demoDoctoralProgramme = "8D12301"
)

// demoCampaignFile is the campaign, dated around the exam day: the
// documents until yesterday, the exams from today, the enrolment after.
// Every chair's PIN is the demo's.
var demoCampaignFile = template.Must(template.New("campaign").Parse(`# The demo campaign (examday demo --campaign): dated around {{.Today}}.
year = {{.Year}}
pass_marks_decision = "Academic Council, protocol No. 1 (demo)"

[dates]
documents_from = {{.DocumentsFrom}}
documents_to   = {{.DocumentsTo}}
exams_from     = {{.Today}}
exams_to       = {{.ExamsTo}}
enrolment_by   = {{.EnrolmentBy}}
moved_by = "Demo: the dates are set around the day the demo was made"

[marking]
markers = 2
third_over_percent = 20
third = "third"

[admission_commission]
chair = "Сәрсенов Ерлан Маратұлы"
secretary = "Иванова Анна Петровна"
members = ["Жақсыбеков Данияр", "Ким Виктор", "Омарова Гүлмира"]

[appeal_commission]
chair = "Байжанов Серік"
members = ["Петров Павел", "Әлиева Әсел"]

[programmes.7M04203]
places = 2
pass_mark = 50

[programmes.7M04203.exam_commission]
chair = "Тұрсынов Асқар"
secretary = "Ли Ольга"
members = [
  { name = "Серікова Гүлнар", degree = "doctor_of_law" },
  { name = "Абенов Бауыржан", degree = "phd" },
  "Smirnov Oleg",
]

[programmes.8D12301]
places = 1
pass_mark = 60

[programmes.8D12301.exam_commission]
chair = "Нұрланов Нұрлан"
secretary = "Ли Ольга"
members = [
  { name = "Серікова Гүлнар", degree = "doctor_of_law" },
  { name = "Абенов Бауыржан", degree = "phd" },
  { name = "Жанова Айгүл", degree = "candidate_of_science" },
]
`))

// demoApplicants: in hall 1, one who will be absent, one removed for a
// violation, one whose sheet is voided and replaced by a spare, two who
// will have the same total and different service (M-102 the longer), and
// one below the language gate who is not seated; in hall 2, one exempt
// from the language exam by a certificate (AR 22).
const demoApplicants = `id,full_name,programme,id_document,service_years,service_since,language,language_score,certificate,certificate_score,publications,publications_high,research_certificates,grants,diplomas
M-101,Сәрсенбаева Айгерім Қайратқызы,7M04203,041234501,6,,en,41,,,3,1,0,0,1
M-102,Иванов Пётр Сергеевич,7M04203,041234502,9.5,,de,35,,,0,0,0,0,0
M-103,Өтеғали Нұрлан Ғабитұлы,7M04203,041234503,4,,en,38,,,2,0,0,0,0
M-104,Ким Виктория Олеговна,7M04203,041234504,5,,fr,33,,,0,0,0,0,0
M-105,Aidos Serikuly Bekov,7M04203,041234505,3.5,,en,31,,,0,0,0,0,0
M-106,Жұмабекова Әсем Нұрланқызы,7M04203,041234506,7,,en,44,,,1,0,0,0,0
M-107,Петренко Олег Игоревич,7M04203,041234507,8,,en,22,,,0,0,0,0,0
D-201,Құралай Һадиқызы Үсенова,8D12301,041234601,10,,,,IELTS,6.5,7,3,1,1,2
D-202,Алексей Николаевич Смирнов,8D12301,041234602,6,,en,40,,,4,1,0,0,1
D-203,Іңкәр Ерланқызы Мұхамедиярова,8D12301,041234603,5,,de,36,,,2,0,0,0,0
`

// demoCampaignDates are the campaign's dates around today, or why a
// campaign of one calendar year cannot be dated around it (the first and
// the last day of a year).
type demoCampaignDates struct {
	Year                                                    int
	Today, DocumentsFrom, DocumentsTo, ExamsTo, EnrolmentBy string
}

func demoDates(today time.Time) (demoCampaignDates, error) {
	day := func(n int) time.Time { return today.AddDate(0, 0, n) }
	if day(-1).Year() != today.Year() || day(2).Year() != today.Year() {
		return demoCampaignDates{}, fmt.Errorf("a campaign's dates are of one year, and %s is too near its edge to date one around it", today.Format(exam.DateLayout))
	}
	from := day(-20)
	if from.Year() != today.Year() {
		from = time.Date(today.Year(), 1, 1, 0, 0, 0, 0, today.Location())
	}
	f := func(t time.Time) string { return t.Format(exam.DateLayout) }
	return demoCampaignDates{Year: today.Year(), Today: f(today), DocumentsFrom: f(from), DocumentsTo: f(day(-1)),
		ExamsTo: f(day(1)), EnrolmentBy: f(day(2))}, nil
}

// demoCampaign is what makeDemoCampaign made: the files, the hall's
// facts the README's walk names.
type demoCampaign struct {
	Dir     string
	Central *central.DB
	Halls   []demoHallMade
}

type demoHallMade struct {
	File, Name string
	Programme  string
	Examinees  int
}

// makeDemoCampaign makes the demo campaign in dir, which must hold none
// of its files: it never writes over a file. On a failure it says which
// step failed, and what it made stays for the commission to look at.
func (a *app) makeDemoCampaign(dir string, now time.Time) (*demoCampaign, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	for _, name := range []string{demoCentralFile, demoHall1File, demoHall2File, demoMark1File, demoMark2File} {
		for _, p := range []string{name, name + ".key"} {
			if _, err := os.Lstat(filepath.Join(dir, p)); !errors.Is(err, fs.ErrNotExist) {
				return nil, errors.New(a.cat.T("cli.demo_campaign.exists", filepath.Join(dir, p)))
			}
		}
	}
	dates, err := demoDates(now)
	if err != nil {
		return nil, err
	}
	var toml bytes.Buffer
	if err := demoCampaignFile.Execute(&toml, dates); err != nil {
		return nil, err
	}
	camp, err := admission.ParseCampaign(bytes.NewReader(toml.Bytes()))
	if err != nil {
		return nil, fmt.Errorf("the demo's campaign: %w", err)
	}
	db, err := central.Open(filepath.Join(dir, demoCentralFile), central.Options{Create: true, Program: "examday demo"})
	if err != nil {
		return nil, err
	}
	out := &demoCampaign{Dir: dir, Central: db}
	fail := func(step string, err error) (*demoCampaign, error) {
		db.Close()
		return nil, fmt.Errorf("the demo campaign: %s: %w", step, err)
	}
	hash, err := exam.HashPIN(demoPIN)
	if err != nil {
		return fail("the PIN", err)
	}
	hashes := map[string]string{}
	for _, ch := range camp.Chairs() {
		hashes[ch.Role] = hash
	}
	secretary := camp.AdmissionCommission.Secretary
	if _, err := db.SetCampaign(central.CampaignRequest{File: toml.Bytes(), PINHashes: hashes, Actor: secretary}); err != nil {
		return fail("the campaign", err)
	}
	res, err := db.ImportApplicants(central.ApplicantsRequest{File: []byte(demoApplicants), Actor: secretary})
	if err != nil {
		return fail("the applicants", err)
	}
	list, c := res.Desk.Applicants, *res.Desk.Campaign

	exams := time.Date(now.Year(), now.Month(), now.Day(), 9, 0, 0, 0, now.Location())
	for i, hall := range []struct {
		file, name, programme string
		day                   func(*demoDay) error
	}{
		{demoHall1File, "Audience 1", demoMasterProgramme, demoHall1Day},
		{demoHall2File, "Audience 2", demoDoctoralProgramme, demoHall2Day},
	} {
		seating, err := admission.HallRoster(list, c, []string{hall.programme})
		if err != nil {
			return fail(hall.name+": the roster", err)
		}
		path := filepath.Join(dir, hall.file)
		if err := buildDemoHall(path, hall.name, seating.Rows, exams.Add(time.Duration(i)*time.Minute), hash, hall.day); err != nil {
			return fail(hall.name, err)
		}
		if err := deliverDemoHall(db, path, hall.name); err != nil {
			return fail(hall.name+": the hand-over", err)
		}
		out.Halls = append(out.Halls, demoHallMade{File: hall.file, Name: hall.name, Programme: hall.programme, Examinees: len(seating.Rows)})
	}
	return out, nil
}

// demoDay is a hall's day as the demo scripts it: the hall's file, its
// clock and the chairman's agreement.
type demoDay struct {
	s     *store.Store
	at    time.Time
	agree exam.Agreement
}

const demoOfficer = "Серікбаев Дәулет"

// now is the day's clock: each step a minute after the one before.
func (d *demoDay) now() time.Time { d.at = d.at.Add(time.Minute); return d.at }

// do records the events decide returns for the hall as it is.
func (d *demoDay) do(what string, decide func(h *exam.Hall) ([]exam.Event, error)) error {
	if _, err := d.s.Do(decide); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// each records, in one step, what step returns for every examinee.
func (d *demoDay) each(what string, step func(h *exam.Hall, e *exam.Examinee) ([]exam.Event, error)) error {
	return d.do(what, func(h *exam.Hall) ([]exam.Event, error) {
		var out []exam.Event
		for _, e := range h.Examinees() {
			evs, err := step(h, e)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", e.ID, err)
			}
			out = append(out, evs...)
		}
		return out, nil
	})
}

func one(ev exam.Event, err error) ([]exam.Event, error) {
	if err != nil {
		return nil, err
	}
	return []exam.Event{ev}, nil
}

// buildDemoHall makes a hall file at path with the roster, and lives its
// day (the sheets printed, the arrivals, the materials, the start), then
// day's own events, then everyone still sitting hands everything in and
// the hall closes.
func buildDemoHall(path, name string, roster []exam.RosterRow, start time.Time, pinHash string, day func(*demoDay) error) error {
	setup := exam.HallSetup{Name: name, Date: start.Format(exam.DateLayout), Officer: demoOfficer,
		Chairman: "Тұрсынов Асқар", Members: []string{"Серікова Гүлнар", "Абенов Бауыржан"},
		PINRecord: exam.PINRecordDigest(pinHash)}
	d := &demoDay{at: start.Add(-40 * time.Minute)}
	s, err := store.Create(path, store.Options{Program: "examday demo"}, map[string]string{store.SecretChairmanPIN: pinHash},
		func(h *exam.Hall) ([]exam.Event, error) { return h.CreateHall(setup, roster, d.now(), demoOfficer) })
	if err != nil {
		return err
	}
	defer s.Close()
	d.s = s
	agreement, ok := s.Hall().Agree(pinHash, demoPIN)
	if !ok {
		return errors.New("the demo's PIN does not verify against its own hash")
	}
	d.agree = agreement
	// The codes are drawn from a source seeded by the hall's name: a
	// demo made twice prints the same sheets.
	rng := rand.NewChaCha8([32]byte([]byte(fmt.Sprintf("%-32s", name))))
	if err := d.do("the sheets", func(h *exam.Hall) ([]exam.Event, error) {
		return h.PrintSheets(3, false, rng, d.now(), demoOfficer)
	}); err != nil {
		return err
	}
	absent := demoAbsent[name]
	if err := d.each("arrivals", func(h *exam.Hall, e *exam.Examinee) ([]exam.Event, error) {
		if e.ID == absent {
			return one(h.MarkAbsent(e.ID, d.now(), demoOfficer))
		}
		return one(h.Arrive(e.ID, d.now(), demoOfficer))
	}); err != nil {
		return err
	}
	free := map[exam.Level][]barcode.Code{}
	for _, sh := range s.Hall().Sheets() {
		if !sh.Spare && sh.Question == 1 {
			free[sh.Level] = append(free[sh.Level], sh.Code)
		}
	}
	ticket := 0
	if err := d.each("materials", func(h *exam.Hall, e *exam.Examinee) ([]exam.Event, error) {
		if e.Status == exam.Absent {
			return nil, nil
		}
		code := free[e.Level()][0]
		free[e.Level()] = free[e.Level()][1:]
		ticket++
		return one(h.IssueMaterialsWithSheet(e.ID, fmt.Sprint(ticket), code, d.now(), demoOfficer))
	}); err != nil {
		return err
	}
	if err := d.do("the start", func(h *exam.Hall) ([]exam.Event, error) {
		proposed, err := h.ProposeStart()
		if err != nil {
			return nil, err
		}
		return one(h.StartExam(proposed, "", d.now(), demoOfficer))
	}); err != nil {
		return err
	}
	d.at = d.at.Add(30 * time.Minute)
	if err := day(d); err != nil {
		return err
	}
	d.at = d.at.Add(20 * time.Minute)
	// Everyone still sitting hands in: the theory sheets, the situational
	// ticket drawn, its sheet.
	for q := 1; q <= exam.TheoryQuestions(exam.Master); q++ {
		if err := d.each(fmt.Sprintf("theory sheet %d", q), func(h *exam.Hall, e *exam.Examinee) ([]exam.Event, error) {
			if q > exam.TheoryQuestions(e.Level()) {
				return nil, nil
			}
			return receiveQuestion(h, e, q, d.now())
		}); err != nil {
			return err
		}
	}
	situational := 0
	if err := d.each("situational tickets", func(h *exam.Hall, e *exam.Examinee) ([]exam.Event, error) {
		if !e.Status.Sitting() || e.SituationalTicket != "" {
			return nil, nil
		}
		situational++
		return one(h.DrawSituational(e.ID, fmt.Sprint(situational), true, d.now(), demoOfficer))
	}); err != nil {
		return err
	}
	if err := d.each("situational sheets", func(h *exam.Hall, e *exam.Examinee) ([]exam.Event, error) {
		return receiveQuestion(h, e, exam.TheoryQuestions(e.Level())+1, d.now())
	}); err != nil {
		return err
	}
	return d.do("the close", func(h *exam.Hall) ([]exam.Event, error) {
		return one(h.CloseHall(true, d.now(), demoOfficer))
	})
}

// receiveQuestion takes back the examinee's sheet of question q, if they
// are sitting and it is out.
func receiveQuestion(h *exam.Hall, e *exam.Examinee, q int, at time.Time) ([]exam.Event, error) {
	if !e.Status.Sitting() || q > exam.SheetsPerPacket(e.Level()) {
		return nil, nil
	}
	for _, sh := range h.SheetsOf(e.ID) {
		if sh.Question == q && sh.State == exam.SheetIssued {
			return h.ReceiveSheet(sh.Code, at, demoOfficer)
		}
	}
	return nil, nil
}

// demoAbsent is who does not come, by hall.
var demoAbsent = map[string]string{"Audience 1": "M-104"}

// demoHall1Day: M-105 is removed for a phone (§2.2 a, §2.3) and their
// sheets are collected; M-106's second sheet is spoilt and voided, a
// spare taking its place.
func demoHall1Day(d *demoDay) error {
	if err := d.do("the removal", func(h *exam.Hall) ([]exam.Event, error) {
		return one(h.RecordViolation("M-105", exam.ViolationInput{Clause: "a", Description: "a mobile phone in use",
			Witnesses: "Серікова Гүлнар", Decision: exam.DecisionRemoved}, d.agree, d.now(), demoOfficer))
	}); err != nil {
		return err
	}
	if err := d.do("the removed examinee's sheets", func(h *exam.Hall) ([]exam.Event, error) {
		var out []exam.Event
		for _, sh := range h.SheetsOf("M-105") {
			if sh.State != exam.SheetIssued {
				continue
			}
			evs, err := h.ReceiveSheet(sh.Code, d.now(), demoOfficer)
			if err != nil {
				return nil, err
			}
			out = append(out, evs...)
			if h, err = applied(h, evs); err != nil {
				return nil, err
			}
		}
		return out, nil
	}); err != nil {
		return err
	}
	return d.do("the voided sheet", func(h *exam.Hall) ([]exam.Event, error) {
		var spoilt, spare barcode.Code
		for _, sh := range h.SheetsOf("M-106") {
			if sh.Question == 2 {
				spoilt = sh.Code
			}
		}
		for _, sh := range h.Sheets() {
			if sh.Spare && sh.State == exam.SheetPrinted {
				spare = sh.Code
				break
			}
		}
		return one(h.VoidSheet(spoilt, "ink spilt over the sheet", spare, d.agree, d.now(), demoOfficer))
	})
}

// demoHall2Day: nothing out of the ordinary.
func demoHall2Day(*demoDay) error { return nil }

// applied is h with evs folded in, for a decision that takes several
// steps on one hall in one commit.
func applied(h *exam.Hall, evs []exam.Event) (*exam.Hall, error) {
	next := h.Clone()
	for _, ev := range evs {
		ev.Seq = next.LastSeq + 1
		if _, err := next.Apply(ev, nil); err != nil {
			return nil, err
		}
	}
	return next, nil
}

// deliverDemoHall enrols the hall's file at the central record and hands
// its whole log over, as a laptop with a stick would: the token, the
// enrolment, the bundle, the receipt kept.
func deliverDemoHall(db *central.DB, path, name string) error {
	s, err := store.Open(path, store.Options{Program: "examday demo"})
	if err != nil {
		return err
	}
	defer s.Close()
	token, err := db.NewEnrolmentToken(central.Enrolment{Role: central.RoleHall, Name: name})
	if err != nil {
		return err
	}
	resp, err := db.Enroll(central.EnrollRequest{Token: token, Device: s.DeviceID(),
		PublicKey: base64.StdEncoding.EncodeToString(s.PublicKey()), Role: string(central.RoleHall)}, "demo", "")
	if err != nil {
		return err
	}
	if err := s.SetEnrolment("", resp.CentralKey, resp.Hall, time.Now()); err != nil {
		return err
	}
	b, err := s.Bundle(1)
	if err != nil {
		return err
	}
	res, err := db.Ingest(b, "demo", "")
	if err != nil {
		return err
	}
	return s.StoreReceipt([]byte(res.Receipt), res.Size, time.Now())
}

// when the demo is made.

// demoCampaignCommand makes the demo campaign in dir and says what is in
// it and what to do next.
func (a *app) demoCampaignCommand(dir string) error {
	made, err := a.makeDemoCampaign(dir, time.Now())
	if err != nil {
		return err
	}
	defer made.Central.Close()
	c := a.cat
	fmt.Fprintln(a.stdout, c.T("cli.demo_campaign.made", dir, demoPIN))
	fmt.Fprintln(a.stdout, c.T("cli.demo_campaign.central", filepath.Join(dir, demoCentralFile)))
	for _, h := range made.Halls {
		fmt.Fprintln(a.stdout, c.T("cli.demo_campaign.hall", filepath.Join(dir, h.File), h.Name, h.Programme, h.Examinees))
	}
	fmt.Fprintln(a.stdout, c.T("cli.demo_campaign.next", dir))
	return nil
}
