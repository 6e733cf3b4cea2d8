package main

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"examday/exam"
	"examday/store"
)

// The demo hall: twelve examinees across all five programmes of §1.2, with
// names in Kazakh, Russian and Latin script, sitting today in a hall of
// its own file, which says it is the demo's (Demo).
var demoSetup = exam.HallSetup{
	Name:     "Audience 204 (demo)",
	Officer:  "Capt. Aibek Seitkali",
	Chairman: "Prof. Gulnara Omarova",
	Members:  []string{"Maj. Dmitry Kuznetsov", "Ainur Zhaksylykova"},
	Demo:     true,
}

// DemoPIN is the demo chairman's PIN; it is in the README. A real hall's
// PIN is typed by the chairman at set-up and never shown.
const demoPIN = "2468"

var demoRoster = []exam.RosterRow{
	{ID: "M-001", FullName: "Әлия Қасымқызы Нұрланова", Programme: "7M04203", IDDocument: "N04512837", Seat: "1"},
	{ID: "M-002", FullName: "Иван Сергеевич Петров", Programme: "7M04203", IDDocument: "N05128846", Seat: "2"},
	{ID: "M-003", FullName: "Dana Serikovna Akhmetova", Programme: "7M04203", IDDocument: "N03377125", Seat: "3"},
	{ID: "M-004", FullName: "Ерұлан Бауыржанұлы Төлеуов", Programme: "7M12301", IDDocument: "N06631904", Seat: "4"},
	{ID: "M-005", FullName: "Ольга Викторовна Ким", Programme: "7M12301", IDDocument: "N02219473", Seat: "5"},
	{ID: "M-006", FullName: "Ғалым Өмірзақұлы Сәрсенбаев", Programme: "7M12301", IDDocument: "N07745012", Seat: "6"},
	{ID: "M-007", FullName: "Timur Bolatovich Zhunusov", Programme: "7M12303", IDDocument: "N01198354", Seat: "7"},
	{ID: "M-008", FullName: "Анастасия Андреевна Волкова", Programme: "7M12303", IDDocument: "N08864520", Seat: "8"},
	{ID: "D-001", FullName: "Құралай Һадиқызы Үсенова", Programme: "8D04201", IDDocument: "N09937261", Seat: "9"},
	{ID: "D-002", FullName: "Алексей Николаевич Смирнов", Programme: "8D04201", IDDocument: "N04420758", Seat: "10"},
	{ID: "D-003", FullName: "Іңкәр Ерланқызы Мұхамедиярова", Programme: "8D12301", IDDocument: "N05573619", Seat: "11"},
	{ID: "D-004", FullName: "Madina Kairatovna Ibraeva", Programme: "8D12301", IDDocument: "N06681347", Seat: "12"},
}

func (a *app) demoCommand() *cobra.Command {
	c := a.cat
	var reset, yes, noTUI bool
	var campaignDir string
	cmd := &cobra.Command{
		Use:   "demo",
		Short: c.T("cli.demo.short"),
		Long:  c.T("cli.demo.long", demoPIN),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if campaignDir != "" {
				return a.demoCampaignCommand(campaignDir)
			}
			path, err := a.demoPath()
			if err != nil {
				return err
			}
			if reset {
				if err := a.resetDemo(path, yes); err != nil {
					return err
				}
			}
			s, err := a.openDemo(path)
			if err != nil {
				return err
			}
			defer s.Close()
			if noTUI {
				h := s.Hall()
				fmt.Fprintln(a.stdout, c.T("cli.demo.ready", h.Name, len(h.Examinees()), path))
				return nil
			}
			return a.runTUI(s)
		},
	}
	cmd.Flags().BoolVar(&reset, "reset", false, c.T("cli.demo.flag.reset"))
	cmd.Flags().BoolVar(&yes, "yes", false, c.T("cli.demo.flag.yes"))
	cmd.Flags().BoolVar(&noTUI, "no-tui", false, c.T("cli.demo.flag.no_tui"))
	cmd.Flags().StringVar(&campaignDir, "campaign", "", c.T("cli.demo.flag.campaign"))
	cmd.MarkFlagsMutuallyExclusive("campaign", "reset")
	return cmd
}

// isDemoHall reports whether h is a demo hall: its hall.created says so;
// or, for a demo made before it could say so, it has the demo's name and
// exactly the demo's roster, which a real hall will not.
func isDemoHall(h *exam.Hall) bool {
	if h.Demo {
		return true
	}
	if h.Name != demoSetup.Name || len(h.Examinees()) != len(demoRoster) {
		return false
	}
	for i, e := range h.Examinees() {
		r := exam.RosterRow{ID: e.ID, FullName: e.FullName, Programme: e.Programme, IDDocument: e.IDDocument, Seat: e.Seat}
		if r != demoRoster[i] {
			return false
		}
	}
	return true
}

// holdsNothing reports whether the open file has no hall and no event in
// it: nothing the demo could destroy.
func holdsNothing(s *store.Store) bool {
	h := s.Hall()
	return !h.Exists() && h.LastSeq == 0
}

// openDemo opens the demo hall at path, making it where there is no file
// yet. A file that holds a real hall is refused and left as it is.
func (a *app) openDemo(path string) (*store.Store, error) {
	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		return a.createDemoHall(path, time.Now())
	}
	s, err := a.openForScreen(path)
	if err != nil {
		return nil, err
	}
	switch {
	case isDemoHall(s.Hall()):
		return s, nil
	case holdsNothing(s) && s.Broken() == nil:
		// A hall file with nothing in it yet: the demo is made in it, in
		// one commit.
		if err := fillDemoHall(s, time.Now()); err != nil {
			s.Close()
			return nil, err
		}
		return s, nil
	}
	name := s.Hall().Name
	s.Close()
	return nil, fmt.Errorf("%s", a.cat.T("cli.demo.not_demo", path, name))
}

// createDemoHall makes the demo hall in a new file at path, whole or not
// at all.
func (a *app) createDemoHall(path string, now time.Time) (*store.Store, error) {
	if err := a.clearInterrupted(path); err != nil {
		return nil, err
	}
	hash, err := exam.HashPIN(demoPIN)
	if err != nil {
		return nil, err
	}
	s, err := store.Create(path, store.Options{Program: "examday"}, map[string]string{store.SecretChairmanPIN: hash}, demoDecision(now, hash))
	if err != nil {
		return nil, a.createError(path, err)
	}
	return s, nil
}

func fillDemoHall(s *store.Store, now time.Time) error {
	hash, err := exam.HashPIN(demoPIN)
	if err != nil {
		return err
	}
	_, err = s.DoWithSecret(store.SecretChairmanPIN, hash, demoDecision(now, hash))
	return err
}

// demoDecision sets up the demo hall, dated now, its log committed to
// the PIN record pinHash.
func demoDecision(now time.Time, pinHash string) store.Decision {
	setup := demoSetup
	setup.Date = now.Format(exam.DateLayout)
	setup.PINRecord = exam.PINRecordDigest(pinHash)
	return func(h *exam.Hall) ([]exam.Event, error) {
		return h.CreateHall(setup, demoRoster, now, setup.Officer)
	}
}

// resetDemo removes the demo file after the officer confirms. Only a file
// that holds a demo hall, or nothing at all, is removed: a real hall, or a
// file that cannot be read as a hall, is refused and left as it is. A
// file that another program holds open is left alone: Open says it is in
// use.
func (a *app) resetDemo(path string, yes bool) error {
	c := a.cat
	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	// Looked at read-only: a file that is to be kept is never written.
	s, err := a.openStore(path, toRead)
	switch {
	case errors.Is(err, store.ErrNotExamday) || errors.Is(err, store.ErrDamaged) || errors.Is(err, store.ErrNewerSchema):
		return fmt.Errorf("%s", c.T("cli.demo.unreadable", path, err))
	case err != nil:
		return err
	}
	h, empty := s.Hall(), holdsNothing(s)
	s.Close()
	if !isDemoHall(h) && !empty {
		return fmt.Errorf("%s", c.T("cli.demo.not_demo", path, h.Name))
	}
	if !yes {
		fmt.Fprint(a.stderr, c.T("cli.demo.confirm_reset", path))
		line, _ := bufio.NewReader(a.stdin).ReadString('\n')
		if !isYes(strings.TrimSpace(line)) {
			return &reportedError{err: errors.New("reset not confirmed")}
		}
	}
	if err := store.Remove(path); err != nil {
		return err
	}
	fmt.Fprintln(a.stderr, c.T("cli.demo.reset_done", path))
	return nil
}

// isYes accepts yes in the three languages of the catalogue.
func isYes(s string) bool {
	switch strings.ToLower(s) {
	case "y", "yes", "д", "да", "и", "иә":
		return true
	}
	return false
}
