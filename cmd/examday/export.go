package main

import (
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"examday/bundle"
	"examday/store"
	"examday/store/boltfile"
)

// exportCommand is `examday export --out DIR_OR_FILE`: the hall's whole
// record as one bundle, for a USB stick. The bundle is written to a
// temporary file beside its final name, fsynced, renamed, the directory
// fsynced, then read back from the stick and verified. A stick may still
// lie about what it holds, so an export never marks events as delivered:
// only the central record's receipt does (`examday sync`).
func (a *app) exportCommand() *cobra.Command {
	c := a.cat
	var out string
	var demo bool
	cmd := &cobra.Command{
		Use:   "export --out DIR_OR_FILE",
		Short: c.T("cli.export.short"),
		Long:  c.T("cli.export.long"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := a.checkExportOut(out); err != nil {
				return err
			}
			s, err := a.openExisting(demo, toRead)
			if err != nil {
				return err
			}
			defer s.Close()
			return a.export(s, out)
		},
	}
	cmd.Flags().StringVarP(&out, "out", "o", "", c.T("cli.export.flag.out"))
	cmd.Flags().BoolVar(&demo, "demo", false, c.T("cli.export.flag.demo"))
	return cmd
}

// checkExportOut refuses an --out a bundle cannot be written to.
func (a *app) checkExportOut(out string) error {
	if strings.TrimSpace(out) == "" {
		return errors.New(a.cat.T("cli.export.no_out"))
	}
	return a.refuseKept(out, false)
}

func (a *app) export(s *store.Store, out string) error {
	c := a.cat
	data, err := s.Bundle(1)
	if err != nil {
		return errors.New(c.T("cli.export.cannot", err))
	}
	b, err := bundle.Parse(data)
	if err != nil {
		return err // Bundle writes only what Parse reads: a bug, not the officer's
	}
	target := out
	if st, err := os.Stat(out); err == nil && st.IsDir() {
		target = filepath.Join(out, bundleName(b))
		if err := a.refuseKept(target, false); err != nil {
			return err
		}
	}
	if err := boltfile.Replace(target, data); err != nil {
		return errors.New(c.T("cli.export.write_failed", target, err))
	}
	// Read back what the stick says it holds: a bundle that does not
	// read back whole is reported, and left for the officer to see.
	back, err := os.ReadFile(target)
	if err != nil {
		return errors.New(c.T("cli.export.readback_failed", target, err))
	}
	rb, err := bundle.Parse(back)
	if err == nil {
		err = rb.Verify(s.PublicKey())
	}
	if err != nil {
		return errors.New(c.T("cli.export.readback_bad", target, err))
	}
	fmt.Fprintln(a.stdout, c.T("cli.export.done", target, rb.Header.First, rb.Header.Last, len(back)))
	fmt.Fprintln(a.stdout, c.T("cli.bundle.root", hex.EncodeToString(rb.Root[:]), rootPrefix(rb)))
	fmt.Fprintln(a.stdout, c.T("cli.export.not_delivered"))
	return nil
}

// bundleName names a bundle by its log and range, so that bundles of
// several halls, or of one hall at several times, sit side by side on a
// stick without one replacing another.
func bundleName(b *bundle.Bundle) string {
	return fmt.Sprintf("examday-%s-%s-%d-%d.bundle", b.Header.Device[:12], b.Header.Epoch[:8], b.Header.First, b.Header.Last)
}

// rootPrefix is the root as the paper report prints it: the first 12 hex
// digits of its bytes.
func rootPrefix(b *bundle.Bundle) string { return hex.EncodeToString(b.Root[:6]) }

// verifyCommand is `examday verify FILE`: a bundle checked alone, offline,
// with the key it names — that it is whole and signed throughout by the
// laptop it names. Whether that laptop belongs to the exam is for the
// central record, which enrolled it, to say.
func (a *app) verifyCommand() *cobra.Command {
	c := a.cat
	return &cobra.Command{
		Use:   "verify FILE",
		Short: c.T("cli.verify.short"),
		Long:  c.T("cli.verify.long"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.verifyBundle(args[0])
		},
	}
}

func (a *app) verifyBundle(path string) error {
	c := a.cat
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return errors.New(c.T("cli.verify.no_file", path))
	}
	if err != nil {
		return errors.New(c.T("cli.verify.unreadable", path, err))
	}
	b, err := bundle.Parse(data)
	if err == nil {
		err = b.VerifyAlone()
	}
	if err != nil {
		fmt.Fprintln(a.stdout, c.T("cli.verify.failed", path))
		fmt.Fprintln(a.stdout, "  "+c.Error(err))
		return &reportedError{err}
	}
	fmt.Fprintln(a.stdout, c.T("cli.verify.ok", path, b.Header.First, b.Header.Last))
	fmt.Fprintln(a.stdout, c.T("cli.bundle.size", b.Size))
	fmt.Fprintln(a.stdout, c.T("cli.bundle.root", hex.EncodeToString(b.Root[:]), rootPrefix(b)))
	fmt.Fprintln(a.stdout, c.T("cli.verifylog.device", b.Header.Device, b.Header.Epoch))
	return nil
}
