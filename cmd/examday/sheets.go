package main

import (
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"examday/exam"
	"examday/i18n"
	"examday/paper"
	"examday/store"
)

func (a *app) sheetsCommand() *cobra.Command {
	c := a.cat
	sheets := &cobra.Command{
		Use:   "sheets",
		Short: c.T("cli.sheets.short"),
		Args:  cobra.NoArgs,
	}

	var out string
	var spares int
	var renew, demo bool
	printCmd := &cobra.Command{
		Use:   "print --out FILE.pdf [--spares N] [--new]",
		Short: c.T("cli.sheets.print.short"),
		Long:  c.T("cli.sheets.print.long"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.printSheets(out, spares, !cmd.Flags().Changed("spares"), renew, demo, time.Now())
		},
	}
	f := printCmd.Flags()
	f.StringVar(&out, "out", "", c.T("cli.sheets.print.flag.out"))
	f.IntVar(&spares, "spares", 0, c.T("cli.sheets.print.flag.spares"))
	f.BoolVar(&renew, "new", false, c.T("cli.sheets.print.flag.new"))
	f.BoolVar(&demo, "demo", false, c.T("cli.sheets.flag.demo"))

	var listOut string
	var listDemo bool
	graders := &cobra.Command{
		Use:   "graders --out FILE.csv|FILE.txt",
		Short: c.T("cli.sheets.graders.short"),
		Long:  c.T("cli.sheets.graders.long"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.writeGraders(listOut, listDemo)
		},
	}
	graders.Flags().StringVar(&listOut, "out", "", c.T("cli.sheets.graders.flag.out"))
	graders.Flags().BoolVar(&listDemo, "demo", false, c.T("cli.sheets.flag.demo"))

	sheets.AddCommand(printCmd, graders)
	return sheets
}

// defaultSpares is the spares asked for when --spares is not given. A
// first print, and a print of new codes, makes one for every five
// examinees on the roster, at least five; printing again adds none, so
// that it prints the same sheets as before.
func defaultSpares(h *exam.Hall, renew bool) int {
	if len(h.Sheets()) > 0 && !renew {
		return 0
	}
	return min(max(5, (len(h.Examinees())+4)/5), 500)
}

// openHallFile opens the hall's file (the demo's with demo) for a command
// that needs a hall in it.
func (a *app) openHallFile(demo bool, how access) (*store.Store, error) {
	s, err := a.openExisting(demo, how)
	if err != nil {
		return nil, err
	}
	if !s.Hall().Exists() {
		s.Close()
		return nil, fmt.Errorf("%s", a.cat.T("cli.no_hall_file", s.Path()))
	}
	return s, nil
}

// openExisting opens the hall's file (the demo's with demo), which must
// be there, for a command that reads whatever it holds: a log that does
// not verify from its first event has no hall, and is still shown and
// checked.
func (a *app) openExisting(demo bool, how access) (*store.Store, error) {
	path, err := a.hallFilePath(demo)
	if err != nil {
		return nil, err
	}
	s, err := a.openStore(path, how)
	if errors.Is(err, store.ErrNotFound) {
		return nil, fmt.Errorf("%s", a.cat.T("cli.no_hall_file", path))
	}
	return s, err
}

// printSheets records the print, then writes the PDF of every sheet not
// given out yet. The record comes first and is on disk before a page
// exists: a sheet on paper is always a sheet in the log, and a print cut
// short is printed again with the same codes. With autoSpares the spares
// are defaultSpares, else spares. Anything refused — a closed hall, a read-only file, a bad
// count — writes nothing, neither to the log nor to out.
func (a *app) printSheets(out string, spares int, autoSpares, renew, demo bool, now time.Time) error {
	if err := a.checkSheetsOut(out); err != nil {
		return err
	}
	s, err := a.openHallFile(demo, toWrite)
	if err != nil {
		return err
	}
	defer s.Close()
	a.warnIfBroken(s)
	return a.printSheetsIn(s, out, spares, autoSpares, renew, now)
}

// checkSheetsOut refuses an --out the sheets cannot be written to, before
// anything is recorded.
func (a *app) checkSheetsOut(out string) error {
	c := a.cat
	if strings.TrimSpace(out) == "" {
		return fmt.Errorf("%s", c.T("cli.sheets.need_out"))
	}
	if !strings.EqualFold(filepath.Ext(out), ".pdf") {
		return fmt.Errorf("%s", c.T("cli.sheets.not_pdf", filepath.Base(out)))
	}
	// A folder that is not there would fail the write after the print was
	// recorded.
	if st, err := os.Stat(filepath.Dir(out)); err != nil || !st.IsDir() {
		return fmt.Errorf("%s", c.T("cli.sheets.no_dir", filepath.Dir(out)))
	}
	return a.refuseKept(out, false)
}

// printSheetsIn is printSheets on an open hall file: the command's, or
// the one the screen holds.
func (a *app) printSheetsIn(s *store.Store, out string, spares int, autoSpares, renew bool, now time.Time) error {
	c := a.cat
	if b := s.Broken(); b != nil {
		return fmt.Errorf("%s", c.T("cli.sheets.read_only", s.Path(), b))
	}
	if autoSpares {
		spares = defaultSpares(s.Hall(), renew)
	}

	recs, err := s.Do(func(h *exam.Hall) ([]exam.Event, error) {
		return h.PrintSheets(spares, renew, rand.Reader, now, h.Officer)
	})
	if err != nil {
		return err
	}
	var printed exam.SheetsPrintedData
	for _, r := range recs {
		if r.Event.Type == exam.TypeSheetsPrinted {
			if err := json.Unmarshal(r.Event.Data, &printed); err != nil {
				return err
			}
		}
	}

	h := s.Hall()
	var sheets []*exam.Sheet
	packets, loose := map[string]bool{}, 0
	for _, sh := range h.Sheets() {
		if sh.State != exam.SheetPrinted {
			continue
		}
		sheets = append(sheets, sh)
		if sh.Spare {
			loose++
		} else {
			packets[sh.Packet] = true
		}
	}
	if len(sheets) == 0 {
		return fmt.Errorf("%s", c.T("cli.sheets.none_to_print"))
	}
	if err := writeWhole(out, func(w io.Writer) error { return paper.WriteSheetsPDF(w, h, sheets, now) }); err != nil {
		return err
	}

	if len(recs) == 0 {
		fmt.Fprintln(a.stdout, c.T("cli.sheets.nothing_new"))
	} else {
		fmt.Fprintln(a.stdout, c.T("cli.sheets.recorded", len(printed.Packets), len(printed.Spares), len(printed.Voided)))
	}
	fmt.Fprintln(a.stdout, c.T("cli.sheets.written", h.Name, len(sheets), len(packets), loose, h.Session, out))
	if len(printed.Voided) > 0 {
		fmt.Fprintln(a.stdout, c.T("cli.sheets.voided_note", len(printed.Voided)))
	}
	return nil
}

// writeGraders writes the codes of the sheets received back, for the
// graders: by code, with level and question, and nothing of whose they
// are.
func (a *app) writeGraders(out string, demo bool) error {
	if err := a.checkGradersOut(out); err != nil {
		return err
	}
	s, err := a.openHallFile(demo, toRead)
	if err != nil {
		return err
	}
	defer s.Close()
	a.warnIfBroken(s)
	return a.writeGradersIn(s, out)
}

// checkGradersOut refuses an --out the graders' list cannot be written to.
func (a *app) checkGradersOut(out string) error {
	c := a.cat
	if strings.TrimSpace(out) == "" {
		return fmt.Errorf("%s", c.T("cli.sheets.graders.need_out"))
	}
	ext := strings.ToLower(filepath.Ext(out))
	if ext != ".csv" && ext != ".txt" {
		return fmt.Errorf("%s", c.T("cli.sheets.graders.bad_ext", filepath.Base(out)))
	}
	return a.refuseKept(out, false)
}

// writeGradersIn is writeGraders on an open hall file.
func (a *app) writeGradersIn(s *store.Store, out string) error {
	c := a.cat
	ext := strings.ToLower(filepath.Ext(out))
	h := s.Hall()
	list := paper.GraderSheets(h.SheetsToMark())
	if len(list) == 0 {
		return fmt.Errorf("%s", c.T("cli.sheets.graders.none"))
	}
	cat := i18n.New(a.reportLang(s))
	write := func(w io.Writer) error { return paper.WriteGradersCSV(w, list, cat) }
	if ext == ".txt" {
		write = func(w io.Writer) error { return paper.WriteGradersText(w, h, list, cat) }
	}
	if err := writeWhole(out, write); err != nil {
		return err
	}
	if h.Phase != exam.PhaseClosed {
		if n := len(h.Shortfall()); n > 0 {
			fmt.Fprintln(a.stderr, c.T("cli.sheets.graders.outstanding", n))
		}
	}
	fmt.Fprintln(a.stdout, c.T("cli.sheets.graders.written", len(list), out))
	if n := len(h.SheetsOfRemoved()); n > 0 {
		fmt.Fprintln(a.stdout, c.T("cli.sheets.graders.removed", n))
	}
	return nil
}
