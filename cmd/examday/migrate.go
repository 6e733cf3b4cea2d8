package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"examday/store"
)

// migrateCommand is `examday migrate --db OLD --out NEW`: a hall file of
// the schema before this one written again, as a new file beside it, in
// this examday's layout (store.Migrate). Opening never does this: an old
// file opens read-only and stays as it is. The old file is left as it
// was; the new one gets a copy of its key, and is verified whole before
// it is given its name.
func (a *app) migrateCommand() *cobra.Command {
	c := a.cat
	var out string
	cmd := &cobra.Command{
		Use:   "migrate --db OLD --out NEW",
		Short: c.T("cli.migrate.short"),
		Long:  c.T("cli.migrate.long"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if strings.TrimSpace(out) == "" {
				return errors.New(c.T("cli.migrate.no_out"))
			}
			from, err := a.hallFilePath(false)
			if err != nil {
				return err
			}
			if err := store.Migrate(from, out); err != nil {
				return errors.New(c.T("cli.migrate.refused", from, c.Error(err)))
			}
			fmt.Fprintln(a.stdout, c.T("cli.migrate.done", from, out, store.KeyPath(out)))
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "out", "o", "", c.T("cli.migrate.flag.out"))
	return cmd
}
