package main

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"examday/admission"
	"examday/central"
	"examday/exam"
	"examday/store/boltfile"
)

// The admission campaign at the central record: its settings and its
// applicants are decisions in the central record's own book (package
// central), decided by the rules of package admission. The files are read
// and checked here first, so that every reason a file breaks the rules is
// said in the secretary's language before anything is asked or sent; the
// central record reads them again where it records them.

func (a *app) centralCampaignCommand() *cobra.Command {
	c := a.cat
	cmd := &cobra.Command{
		Use:   "campaign",
		Short: c.T("cli.campaign.short"),
		Args:  cobra.NoArgs,
	}
	cmd.AddCommand(a.campaignSetCommand(), a.campaignShowCommand())
	return cmd
}

func (a *app) campaignSetCommand() *cobra.Command {
	c := a.cat
	var reason, by string
	var pinStdin bool
	cmd := &cobra.Command{
		Use:   "set FILE",
		Short: c.T("cli.campaign.set.short"),
		Long:  c.T("cli.campaign.set.long"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			file, err := a.readInput(args[0])
			if err != nil {
				return err
			}
			next, err := admission.ParseCampaign(bytes.NewReader(file))
			if err != nil {
				return err
			}
			rec, err := a.openRecord("campaign set", true, false)
			if err != nil {
				return err
			}
			defer rec.Close()
			desk, err := a.deskOf(rec)
			if err != nil {
				return err
			}
			// The PINs first, so that a ctrl+c at a prompt records nothing.
			hashes := map[string]string{}
			asked := desk.PINsToAsk(next)
			for _, ch := range asked {
				fmt.Fprintln(a.stderr, c.T("cli.campaign.pin_for", ch.Body, ch.Name))
				pin, err := a.readPIN(pinStdin, c.T("cli.hall.pin_prompt"), c.T("cli.hall.pin_again"), "cli.campaign.pin_cancelled")
				if err != nil {
					return err
				}
				if hashes[ch.Role], err = exam.HashPIN(pin); err != nil {
					return err
				}
			}
			res, err := rec.SetCampaign(central.CampaignRequest{File: file, Reason: reason, PINHashes: hashes, Actor: cmp.Or(strings.TrimSpace(by), next.AdmissionCommission.Secretary)})
			if err != nil {
				return err
			}
			set := res.Desk.Campaign
			fmt.Fprintln(a.stdout, c.T("cli.campaign.set.done", set.Year, res.Desk.CampaignRevision, res.Records[0].Event.Seq))
			a.printProgrammes(set)
			for _, ch := range asked {
				fmt.Fprintln(a.stdout, c.T("cli.campaign.pin_kept", ch.Body, ch.Name))
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&reason, "reason", "", c.T("cli.campaign.flag.reason"))
	f.StringVar(&by, "by", "", c.T("cli.campaign.flag.by"))
	f.BoolVar(&pinStdin, "pin-stdin", false, c.T("cli.campaign.flag.pin_stdin"))
	return cmd
}

// readInput reads a file the secretary names, saying plainly when it
// cannot be.
func (a *app) readInput(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, errors.New(a.cat.T("cli.campaign.unreadable", path, a.cat.Error(err)))
	}
	return b, nil
}

// printProgrammes says the places and the pass mark of each programme.
func (a *app) printProgrammes(set *admission.Campaign) {
	for _, p := range set.Programmes {
		fmt.Fprintln(a.stdout, a.cat.T("cli.campaign.programme", p.Code, p.Places, p.PassMark))
	}
}

func (a *app) campaignShowCommand() *cobra.Command {
	c := a.cat
	return &cobra.Command{
		Use:   "show",
		Short: c.T("cli.campaign.show.short"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			desk, err := a.readDesk()
			if err != nil {
				return err
			}
			set := desk.Campaign
			if set == nil {
				fmt.Fprintln(a.stdout, c.T("cli.campaign.none"))
				return nil
			}
			fmt.Fprintln(a.stdout, c.T("cli.campaign.show.head", set.Year, desk.CampaignRevision))
			d := set.Dates
			fmt.Fprintln(a.stdout, c.T("cli.campaign.show.dates", d.DocumentsFrom, d.DocumentsTo, d.ExamsFrom, d.ExamsTo, d.EnrolmentBy))
			fmt.Fprintln(a.stdout, c.T("cli.campaign.show.language", set.Language.Gate, set.Language.Scale))
			fmt.Fprintln(a.stdout, c.T("cli.campaign.show.points", joinInts(set.QuestionPoints.Master), joinInts(set.QuestionPoints.Doctoral)))
			a.printProgrammes(set)
			type commission struct {
				body admission.Body
				of   admission.Commission
			}
			commissions := []commission{
				{admission.Body{Kind: admission.BodyAdmission}, set.AdmissionCommission},
				{admission.Body{Kind: admission.BodyAppeal}, set.AppealCommission},
			}
			for _, p := range set.Programmes {
				commissions = append(commissions, commission{admission.Body{Kind: admission.BodyExam, Programme: p.Code}, p.ExamCommission})
			}
			for _, cm := range commissions {
				fmt.Fprintln(a.stdout, c.T("cli.campaign.show.commission", cm.body, cm.of.Chair, cmp.Or(strings.TrimSpace(cm.of.Secretary), "—"), memberNames(cm.of)))
			}
			fmt.Fprintln(a.stdout, c.T("cli.campaign.show.applicants", len(desk.Applicants), desk.ApplicantsRevision))
			return nil
		},
	}
}

// readDesk is the admission desk the central record's book makes now.
func (a *app) readDesk() (*admission.Desk, error) {
	rec, err := a.openRecord("campaign", false, true)
	if err != nil {
		return nil, err
	}
	defer rec.Close()
	return a.deskOf(rec)
}

// deskOf is the desk of the record's book, a book that does not verify
// said as the central record's own.
func (a *app) deskOf(rec centralRecord) (*admission.Desk, error) {
	desk, err := rec.Desk()
	if errors.Is(err, central.ErrBookBroken) {
		return nil, errors.New(a.cat.T("cli.status.book_broken", a.cat.Error(err)))
	}
	return desk, err
}

func memberNames(c admission.Commission) string {
	names := make([]string, len(c.Members))
	for i, m := range c.Members {
		names[i] = m.Name
	}
	return strings.Join(names, ", ")
}

func joinInts(v []int) string {
	s := make([]string, len(v))
	for i, n := range v {
		s[i] = fmt.Sprint(n)
	}
	return strings.Join(s, "/")
}

func (a *app) centralApplicantsCommand() *cobra.Command {
	c := a.cat
	cmd := &cobra.Command{
		Use:   "applicants",
		Short: c.T("cli.applicants.short"),
		Args:  cobra.NoArgs,
	}
	cmd.AddCommand(a.applicantsImportCommand(), a.applicantsShowCommand())
	return cmd
}

func (a *app) applicantsImportCommand() *cobra.Command {
	c := a.cat
	var reason, by string
	cmd := &cobra.Command{
		Use:   "import FILE",
		Short: c.T("cli.applicants.import.short"),
		Long:  c.T("cli.applicants.import.long"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			file, err := a.readInput(args[0])
			if err != nil {
				return err
			}
			rec, err := a.openRecord("applicants import", false, false)
			if err != nil {
				return err
			}
			defer rec.Close()
			desk, err := a.deskOf(rec)
			if err != nil {
				return err
			}
			if desk.Campaign == nil {
				return errors.New(c.T("cli.campaign.none"))
			}
			// Every bad row, by line, before anything is sent.
			if _, err := admission.ReadApplicants(bytes.NewReader(file), *desk.Campaign); err != nil {
				return err
			}
			res, err := rec.ImportApplicants(central.ApplicantsRequest{File: file, Reason: reason, Actor: cmp.Or(strings.TrimSpace(by), desk.Campaign.AdmissionCommission.Secretary)})
			if err != nil {
				return err
			}
			fmt.Fprintln(a.stdout, c.T("cli.applicants.import.done", len(res.Desk.Applicants), res.Desk.ApplicantsRevision, res.Records[0].Event.Seq))
			a.printGateCounts(res.Desk)
			return nil
		},
	}
	cmd.Flags().StringVar(&reason, "reason", "", c.T("cli.applicants.flag.reason"))
	cmd.Flags().StringVar(&by, "by", "", c.T("cli.campaign.flag.by"))
	return cmd
}

// printGateCounts says how many applicants stand where at the language
// gate (AR 20, 22), and how many are flagged for the admission commission
// (AR 7, 8).
func (a *app) printGateCounts(desk *admission.Desk) {
	counts := map[admission.GateStatus]int{}
	flagged := 0
	for _, ap := range desk.Applicants {
		counts[ap.LanguageGate(*desk.Campaign).Status]++
		if len(ap.Flags(*desk.Campaign)) > 0 {
			flagged++
		}
	}
	for _, s := range []admission.GateStatus{admission.GatePassed, admission.GateExempt, admission.GateFailed, admission.GatePending} {
		if counts[s] > 0 {
			fmt.Fprintln(a.stdout, a.cat.T("cli.applicants.gate_count", s, counts[s]))
		}
	}
	if flagged > 0 {
		fmt.Fprintln(a.stdout, a.cat.T("cli.applicants.flagged_count", flagged))
	}
}

func (a *app) applicantsShowCommand() *cobra.Command {
	c := a.cat
	var programme string
	cmd := &cobra.Command{
		Use:   "show [--programme P]",
		Short: c.T("cli.applicants.show.short"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			desk, err := a.readDesk()
			if err != nil {
				return err
			}
			if desk.Campaign == nil {
				fmt.Fprintln(a.stdout, c.T("cli.campaign.none"))
				return nil
			}
			for _, ap := range desk.Applicants {
				if programme != "" && !strings.EqualFold(ap.Programme, programme) {
					continue
				}
				g := ap.LanguageGate(*desk.Campaign)
				fmt.Fprintln(a.stdout, c.T("cli.applicants.row", ap.ID, ap.FullName, ap.Programme, g.Status))
				for _, n := range ap.Flags(*desk.Campaign) {
					fmt.Fprintln(a.stdout, "    "+c.Note(n))
				}
			}
			a.printGateCounts(desk)
			return nil
		},
	}
	cmd.Flags().StringVar(&programme, "programme", "", c.T("cli.applicants.flag.programme"))
	return cmd
}

// centralRosterCommand is `examday central roster --hall NAME --programme
// P … --out FILE`: the roster `hall create` reads, of the applicants of
// those programmes who may sit the specialty exam (AR 20, 22), seats
// 1…N in the applicants' order; the others are listed with why.
func (a *app) centralRosterCommand() *cobra.Command {
	c := a.cat
	var hall, out string
	var programmes []string
	cmd := &cobra.Command{
		Use:   "roster --hall NAME --programme P [--programme P …] --out FILE",
		Short: c.T("cli.roster.short"),
		Long:  c.T("cli.roster.long"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if strings.TrimSpace(hall) == "" || len(programmes) == 0 {
				return errors.New(c.T("cli.roster.needs"))
			}
			if err := a.centralOut(out); err != nil {
				return err
			}
			desk, err := a.readDesk()
			if err != nil {
				return err
			}
			if desk.Campaign == nil {
				return errors.New(c.T("cli.campaign.none"))
			}
			for i, p := range programmes {
				programmes[i] = strings.ToUpper(strings.TrimSpace(p))
			}
			seating, err := admission.HallRoster(desk.Applicants, *desk.Campaign, programmes)
			a.printNotSeated(seating)
			if err != nil {
				return err
			}
			var buf bytes.Buffer
			if err := admission.WriteRoster(&buf, seating.Rows); err != nil {
				return err
			}
			if err := boltfile.WriteNew(out, buf.Bytes()); err != nil {
				return errors.New(c.T("cli.roster.write_failed", out, c.Error(err)))
			}
			fmt.Fprintln(a.stdout, c.T("cli.roster.done", hall, out, len(seating.Rows), strings.Join(programmes, ", ")))
			ids := make([]string, 0, len(seating.Flagged))
			for id := range seating.Flagged {
				ids = append(ids, id)
			}
			slices.Sort(ids)
			for _, id := range ids {
				for _, n := range seating.Flagged[id] {
					fmt.Fprintln(a.stdout, c.T("cli.roster.flagged", id, c.Note(n)))
				}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&hall, "hall", "", c.T("cli.roster.flag.hall"))
	f.StringArrayVar(&programmes, "programme", nil, c.T("cli.roster.flag.programme"))
	f.StringVarP(&out, "out", "o", "", c.T("cli.roster.flag.out"))
	return cmd
}

// printNotSeated lists the applicants left out of a roster, and why.
func (a *app) printNotSeated(s admission.Seating) {
	if len(s.NotSeated) == 0 {
		return
	}
	fmt.Fprintln(a.stdout, a.cat.T("cli.roster.not_seated", len(s.NotSeated)))
	for _, n := range s.NotSeated {
		fmt.Fprintln(a.stdout, a.cat.T("cli.roster.not_seated_row", n.Applicant.ID, n.Applicant.FullName, a.cat.Note(n.Why)))
	}
}

// statusOfApplicants says, in `central status`, the book's size and the
// campaign in force, and matches the examinees the halls' logs name
// against the applicants by id: an examinee who is not an applicant, one
// not admitted to the specialty exam (AR 20, 22), and one in the logs of
// two halls (AR 25: no retakes) are flagged.
func (a *app) statusOfApplicants(rec centralRecord) error {
	c := a.cat
	desk, err := rec.Desk()
	if err != nil {
		fmt.Fprintln(a.stdout, c.T("cli.status.book_broken", c.Error(err)))
		return nil
	}
	if desk.Campaign == nil {
		fmt.Fprintln(a.stdout, c.T("cli.status.no_campaign"))
		return nil
	}
	fmt.Fprintln(a.stdout, c.T("cli.status.campaign", desk.Campaign.Year, desk.CampaignRevision, len(desk.Applicants), desk.ApplicantsRevision))
	halls, err := rec.ExamineeHalls()
	if err != nil {
		return err
	}
	byID := map[string]admission.Applicant{}
	for _, ap := range desk.Applicants {
		byID[ap.ID] = ap
	}
	ids := make([]string, 0, len(halls))
	for id := range halls {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	var lines []string
	for _, id := range ids {
		in := strings.Join(halls[id], ", ")
		ap, ok := byID[id]
		switch gate := ap.LanguageGate(*desk.Campaign); {
		case !ok:
			lines = append(lines, c.T("cli.status.not_applicant", id, in))
		case !gate.MaySit():
			lines = append(lines, c.T("cli.status.not_admitted", id, ap.FullName, in, gate.Status))
		}
		if len(halls[id]) > 1 {
			lines = append(lines, c.T("cli.status.two_halls", id, in))
		}
	}
	fmt.Fprintln(a.stdout, c.T("cli.status.examinees", len(ids), len(lines)))
	for _, l := range lines {
		fmt.Fprintln(a.stdout, l)
	}
	return nil
}
