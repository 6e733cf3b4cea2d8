package main

import (
	"bufio"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"examday/store"
)

func (a *app) eventsCommand() *cobra.Command {
	c := a.cat
	var asJSON, demo bool
	cmd := &cobra.Command{
		Use:   "events",
		Short: c.T("cli.events.short"),
		Long:  c.T("cli.events.long"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := a.openExisting(demo, toRead)
			if err != nil {
				return err
			}
			defer s.Close()
			a.warnIfBroken(s)
			w := bufio.NewWriter(a.stdout)
			defer w.Flush()
			err = s.Events(1, func(r store.Record) error {
				if asJSON {
					w.Write(r.JSONLine())
					return w.WriteByte('\n')
				}
				ev := r.Event
				_, err := fmt.Fprintf(w, "%6d  %s  %-18s %-8s %-24s %s\n", ev.Seq,
					ev.At.Local().Format("2006-01-02 15:04:05.000"), ev.Type, ev.Examinee, ev.Actor, ev.Data)
				return err
			})
			if errors.Is(err, store.ErrDamaged) {
				// A page Open's check let through and bbolt could not read.
				return a.describeOpenError(s.Path(), err)
			}
			return err
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, c.T("cli.events.flag.json"))
	cmd.Flags().BoolVar(&demo, "demo", false, c.T("cli.events.flag.demo"))
	return cmd
}
