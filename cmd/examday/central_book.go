package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"examday/central"
	"examday/store/boltfile"
)

// centralExportCommand is `examday central export --out FILE`: the
// central record's own book (the commissions' decisions) as a bundle,
// which `examday verify FILE` checks alone, as a hall's.
func (a *app) centralExportCommand() *cobra.Command {
	c := a.cat
	var out string
	cmd := &cobra.Command{
		Use:   "export --out FILE",
		Short: c.T("cli.central.export.short"),
		Long:  c.T("cli.central.export.long"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := a.centralOut(out); err != nil {
				return err
			}
			data, err := a.bookBundle()
			switch {
			case errors.Is(err, central.ErrNoBook):
				return errors.New(c.T("cli.central.export.empty"))
			case errors.Is(err, central.ErrBookBroken):
				return errors.New(c.T("cli.central.export.broken", c.Error(err)))
			case err != nil:
				return err
			}
			if err := boltfile.Replace(out, data); err != nil {
				return errors.New(c.T("cli.export.write_failed", out, err))
			}
			sum := sha256.Sum256(data)
			fmt.Fprintln(a.stdout, c.T("cli.central.export.done", out, len(data), hex.EncodeToString(sum[:])))
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "out", "o", "", c.T("cli.central.export.flag.out"))
	return cmd
}

// bookBundle reads the book's bundle from the central record opened to
// read; only when its last events are under no signed checkpoint yet is
// it opened to write, to sign and keep one.
//
// While `central serve` runs, the server does both (openRecord).
func (a *app) bookBundle() ([]byte, error) {
	db, err := a.openRecord("export", false, true)
	if err != nil {
		return nil, err
	}
	data, err := db.BookBundle()
	db.Close()
	if !errors.Is(err, central.ErrReadOnly) {
		return data, err
	}
	if db, err = a.openRecord("export", false, false); err != nil {
		return nil, err
	}
	defer db.Close()
	return db.BookBundle()
}
