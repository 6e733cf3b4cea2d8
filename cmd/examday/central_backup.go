package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"examday/central"
	"examday/store/boltfile"
)

// centralBackupCommand is `examday central backup --out FILE`: a hot,
// consistent copy of the central record's file — one read transaction's
// view of it (bbolt's tx.WriteTo), by the server while it runs, so pushes
// go on arriving — written beside its name, fsynced, opened again and
// checked whole before it gets its name, never over a file already there.
// The signing key is not in it: the key is kept apart (see the README).
func (a *app) centralBackupCommand() *cobra.Command {
	c := a.cat
	var out string
	cmd := &cobra.Command{
		Use:   "backup --out FILE",
		Short: c.T("cli.central.backup.short"),
		Long:  c.T("cli.central.backup.long"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := a.centralOut(out); err != nil {
				return err
			}
			if _, err := os.Lstat(out); err == nil {
				return errors.New(c.T("cli.central.backup.exists", out))
			}
			db, err := a.openRecord("backup", false, true)
			if err != nil {
				return err
			}
			defer db.Close()
			sum, err := a.backupTo(db, out)
			if err != nil {
				return err
			}
			fmt.Fprintln(a.stdout, c.T("cli.central.backup.done", out, sum.Bytes, sum.Logs, sum.Events, sum.Devices, sum.Audit))
			fmt.Fprintln(a.stdout, c.T("cli.central.backup.key", central.KeyPath(db.Path())))
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "out", "o", "", c.T("cli.central.backup.flag.out"))
	return cmd
}

// backupTo writes the copy to a temporary file beside out, syncs it,
// checks it read back from the disk (central.VerifyCopy: it opens as a
// central record, every log verifies, it holds what the transaction
// counted, under the same key), and only then names it out — a name no
// file had. Whatever fails, no temporary file is left, and nothing is at out.
func (a *app) backupTo(db centralRecord, out string) (central.Summary, error) {
	c := a.cat
	boltfile.RemoveStale(out)
	f, err := boltfile.CreateTemp(out)
	if err != nil {
		return central.Summary{}, errors.New(c.T("cli.central.backup.write_failed", out, a.cat.Error(err)))
	}
	tmp := f.Name()
	defer os.Remove(tmp)
	sum, err := db.Backup(f)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return sum, errors.New(c.T("cli.central.backup.write_failed", out, a.cat.Error(err)))
	}
	if sum.Key != db.VerifierKey() {
		return sum, errors.New(c.T("cli.central.backup.not_verified", out, "key"))
	}
	if err := central.VerifyCopy(tmp, sum); err != nil {
		return sum, errors.New(c.T("cli.central.backup.not_verified", out, a.cat.Error(err)))
	}
	if err := boltfile.PlaceNew(tmp, out); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return sum, errors.New(c.T("cli.central.backup.exists", out))
		}
		return sum, errors.New(c.T("cli.central.backup.write_failed", out, a.cat.Error(err)))
	}
	return sum, nil
}

// centralVerifyCommand is `examday central verify [FILE]`: the whole
// check of a central record's file — the record (the default), or a
// backup or a restored copy named by FILE — read-only: it opens as a
// central record (format, schema, every page's structure), and every
// log in it verifies (chain, signatures with the enrolled keys, tree and
// root). With FILE, its key beside it is checked too, if there is one.
func (a *app) centralVerifyCommand() *cobra.Command {
	c := a.cat
	return &cobra.Command{
		Use:   "verify [FILE]",
		Short: c.T("cli.central.verify.short"),
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var db centralRecord
			var err error
			if len(args) == 1 {
				db, err = a.openCentralFile(args[0])
			} else {
				db, err = a.openRecord("verify", false, true)
			}
			if err != nil {
				return err
			}
			defer func() {
				if db != nil {
					db.Close()
				}
			}()
			if err := db.CheckLogs(); err != nil {
				return errors.New(c.T("cli.central.verify.failed", db.Path(), a.cat.Error(err)))
			}
			sum, err := db.Summary()
			if err != nil {
				return errors.New(c.T("cli.central.verify.failed", db.Path(), a.cat.Error(err)))
			}
			fmt.Fprintln(a.stdout, c.T("cli.central.verify.ok", db.Path(), sum.Logs, sum.Events, sum.Devices, sum.Audit))
			fmt.Fprintln(a.stdout, c.T("cli.central.status.file", db.Path(), db.VerifierKey()))
			if len(args) == 1 {
				// The key is tried by opening the file to write, as a
				// server would: this reader lets it go first.
				db.Close()
				db = nil
				a.sayKey(args[0])
			}
			return nil
		},
	}
}

// openCentralFile opens a central file named on the command line (a
// backup, a restored copy) to read it, through its server if one holds it.
func (a *app) openCentralFile(path string) (centralRecord, error) {
	if adm, err := central.DialAdmin(path); err == nil {
		return adm, nil
	}
	db, err := central.Open(path, central.Options{ReadOnly: true})
	if err != nil {
		return nil, a.openError(path, err, centralOpenErrors)
	}
	return db, nil
}

// sayKey says whether the key beside a central file is there and is its
// key: a restored copy signs receipts only with it.
func (a *app) sayKey(path string) {
	c := a.cat
	key := central.KeyPath(path)
	if _, err := os.Stat(key); err != nil {
		fmt.Fprintln(a.stdout, c.T("cli.central.verify.no_key", key))
		return
	}
	db, err := central.Open(path, central.Options{Program: "examday central verify"})
	switch {
	case errors.Is(err, central.ErrKeyMismatch):
		fmt.Fprintln(a.stdout, c.T("cli.central.verify.wrong_key", key))
	case err == nil:
		db.Close()
		fmt.Fprintln(a.stdout, c.T("cli.central.verify.key_ok", key))
	default:
		fmt.Fprintln(a.stdout, c.T("cli.central.verify.key_untried", key, a.cat.Error(err)))
	}
}
