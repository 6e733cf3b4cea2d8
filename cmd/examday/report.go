package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"examday/i18n"
	"examday/paper"
	"examday/store"
	"examday/store/boltfile"
)

// reportAsk is what the report command is asked for.
type reportAsk struct {
	out, format string
	demo        bool
	// protocol and place are printed as given: the file remembers
	// neither, and without them the paper leaves a line to fill in.
	protocol, place string
}

func (a *app) reportCommand() *cobra.Command {
	c := a.cat
	var ask reportAsk
	cmd := &cobra.Command{
		Use:   "report --out FILE.pdf|FILE.csv [--protocol N] [--place TEXT]",
		Short: c.T("cli.report.short"),
		Long:  c.T("cli.report.long"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.writeReport(ask, time.Now())
		},
	}
	cmd.Flags().StringVar(&ask.out, "out", "", c.T("cli.report.flag.out"))
	cmd.Flags().StringVar(&ask.format, "format", "", c.T("cli.report.flag.format"))
	cmd.Flags().BoolVar(&ask.demo, "demo", false, c.T("cli.report.flag.demo"))
	cmd.Flags().StringVar(&ask.protocol, "protocol", "", c.T("cli.report.flag.protocol"))
	cmd.Flags().StringVar(&ask.place, "place", "", c.T("cli.report.flag.place"))
	return cmd
}

// reportFormat is the format asked for with --format, else the one the
// file's extension names.
func (a *app) reportFormat(out, format string) (string, error) {
	if format != "" {
		switch f := strings.ToLower(strings.TrimSpace(format)); f {
		case "pdf", "csv":
			return f, nil
		}
		return "", fmt.Errorf("%s", a.cat.T("cli.report.unknown_format", format))
	}
	switch strings.ToLower(filepath.Ext(out)) {
	case ".pdf":
		return "pdf", nil
	case ".csv":
		return "csv", nil
	}
	return "", fmt.Errorf("%s", a.cat.T("cli.report.unknown_extension", filepath.Base(out)))
}

// writeReport reads the hall file and writes its report. It reads a file
// whose log does not verify too: the commission needs to see what it
// holds, and the warning is printed on stderr and on the report.
func (a *app) writeReport(ask reportAsk, now time.Time) error {
	c := a.cat
	kind, err := a.checkReportOut(ask)
	if err != nil {
		return err
	}
	path, err := a.hallFilePath(ask.demo)
	if err != nil {
		return err
	}
	s, err := a.openStore(path, toRead)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("%s", c.T("cli.no_hall_file", path))
	}
	if err != nil {
		return err
	}
	defer s.Close()
	a.warnIfBroken(s)
	if !s.Hall().Exists() {
		return fmt.Errorf("%s", c.T("cli.no_hall_file", path))
	}
	return a.writeReportIn(s, ask, kind, now)
}

// checkReportOut is the report's format, or why out cannot take it.
func (a *app) checkReportOut(ask reportAsk) (string, error) {
	if strings.TrimSpace(ask.out) == "" {
		return "", fmt.Errorf("%s", a.cat.T("cli.report.need_out"))
	}
	kind, err := a.reportFormat(ask.out, ask.format)
	if err != nil {
		return "", err
	}
	return kind, a.refuseKept(ask.out, false)
}

// writeReportIn is writeReport on an open hall file.
func (a *app) writeReportIn(s *store.Store, ask reportAsk, kind string, now time.Time) error {
	c := a.cat
	out := ask.out
	h := s.Hall()

	var records []store.Record
	readErr := s.Events(1, func(r store.Record) error {
		records = append(records, r)
		return nil
	})
	rep := paper.Build(h, records, now)
	rep.Hall.Protocol, rep.Hall.Place = strings.TrimSpace(ask.protocol), strings.TrimSpace(ask.place)
	// The report says why its log does not verify in its own language,
	// which may not be the command line's.
	cat := i18n.New(a.reportLang(s))
	var problems []string
	// A file read-only for want of its signing key, or because it cannot
	// be written here, still verifies: reading needs neither. The warning
	// above (or the screen's banner) says why it is read-only.
	if b := s.Broken(); store.Discredits(b) {
		problems = append(problems, cat.Error(b))
	}
	if readErr != nil {
		fmt.Fprintln(a.stderr, c.T("paper.warning")+": "+c.T("cli.report.log_unreadable", len(records), readErr))
		problems = append(problems, cat.T("cli.report.log_unreadable", len(records), readErr))
	}
	if len(rep.Unreadable) > 0 {
		seqs := make([]string, len(rep.Unreadable))
		for i, s := range rep.Unreadable {
			seqs[i] = fmt.Sprint(s)
		}
		problems = append(problems, cat.T("cli.report.unreadable", strings.Join(seqs, ", ")))
	}
	rep.Unverified = strings.Join(problems, "; ")

	write := func(w io.Writer) error { return paper.WriteCSV(w, rep, cat) }
	if kind == "pdf" {
		write = func(w io.Writer) error { return paper.WritePDF(w, rep, cat) }
	}
	if err := writeWhole(out, write); err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, c.T("cli.report.written", h.Name, out, rep.Log.Events, rep.Log.HashPrefix()))
	return nil
}

// reportLang is the language asked for with --lang or EXAMDAY_LANG, else
// the one remembered in the file, else English. A report remembers
// nothing: it only reads.
func (a *app) reportLang(s *store.Store) i18n.Lang {
	for _, asked := range []string{a.langFlag, os.Getenv("EXAMDAY_LANG"), s.Setting("lang")} {
		if l, ok := i18n.ParseLang(asked); ok {
			return l
		}
	}
	return i18n.EN
}

// writeWhole writes a file so that it is there whole or not at all
// (boltfile.WriteWhole): a report cut short by a full disk or a pulled USB
// stick is never left where a commission would take it for the whole one,
// and the temporary file of a run that was killed is removed by the next.
// The file is the user's only (0600): it names the examinees.
func writeWhole(path string, write func(io.Writer) error) error {
	if err := boltfile.WriteWhole(path, write); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
