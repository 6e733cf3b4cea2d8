package main

import (
	"encoding/hex"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"examday/store"
)

// verifyLogCommand is `examday verify-log`: everything Open checks, and
// what it leaves for later (every event's signature, the projection),
// with the record's size, root, device and checkpoint printed for the
// commission. A file opened read-only only because its key file is
// missing or another's still verifies: reading needs no private key.
func (a *app) verifyLogCommand() *cobra.Command {
	c := a.cat
	var demo bool
	cmd := &cobra.Command{
		Use:   "verify-log",
		Short: c.T("cli.verifylog.short"),
		Long:  c.T("cli.verifylog.long"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := a.openExisting(demo, toRead)
			if err != nil {
				return err
			}
			defer s.Close()
			return a.verifyLog(s)
		},
	}
	cmd.Flags().BoolVar(&demo, "demo", false, c.T("cli.verifylog.flag.demo"))
	return cmd
}

func (a *app) verifyLog(s *store.Store) error {
	c := a.cat
	var problems []string
	// A missing key, an older schema, a file that cannot be written here
	// make it read-only, not its record untrue: said, and the record is
	// still checked.
	if b := s.Broken(); store.Discredits(b) {
		problems = append(problems, c.Error(b))
	}
	switch err := s.VerifySignatures(); {
	case errors.Is(err, store.ErrUnsigned):
		problems = append(problems, c.T("cli.verifylog.unsigned"))
	case err != nil && (len(problems) == 0 || c.Error(err) != problems[0]):
		problems = append(problems, c.Error(err))
	}
	if err := s.CheckProjection(); err != nil {
		// Open's check may have found it first: said once, in these words.
		if p := c.T("cli.verifylog.projection", err); len(problems) > 0 && problems[0] == c.Error(err) {
			problems[0] = p
		} else {
			problems = append(problems, p)
		}
	}
	if b := s.Broken(); b != nil && !store.Discredits(b) {
		a.warnIfBroken(s)
	}

	size, root := s.TreeHead()
	if len(problems) > 0 {
		fmt.Fprintln(a.stderr, c.T("cli.verifylog.failed", s.Path()))
		for _, p := range problems {
			fmt.Fprintln(a.stderr, c.T("cli.verifylog.problem", p))
		}
		// What verified before the first failure, for the commission.
		fmt.Fprintln(a.stderr, c.T("cli.verifylog.size", size))
		fmt.Fprintln(a.stderr, c.T("cli.verifylog.root", hex.EncodeToString(root[:]), hex.EncodeToString(root[:6])))
		return &reportedError{err: errors.New(problems[0])}
	}
	out := a.stdout
	fmt.Fprintln(out, c.T("cli.verifylog.ok", s.Path(), size))
	fmt.Fprintln(out, c.T("cli.verifylog.root", hex.EncodeToString(root[:]), hex.EncodeToString(root[:6])))
	fmt.Fprintln(out, c.T("cli.verifylog.device", s.DeviceID(), s.Epoch()))
	fmt.Fprintln(out, c.T("cli.verifylog.verifier", s.VerifierKey()))
	if n := s.SignedAtUpgrade(); n > 0 {
		fmt.Fprintln(out, c.T("cli.verifylog.upgraded", n))
	}
	if h := s.Hall(); h.Exists() && !h.PINRecordBound() {
		fmt.Fprintln(out, c.T("cli.verifylog.pin_unbound"))
	}
	cp, err := s.Checkpoint()
	if err != nil {
		return err
	}
	fmt.Fprintln(out, c.T("cli.verifylog.checkpoint"))
	_, err = out.Write(cp)
	return err
}
