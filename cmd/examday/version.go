package main

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// versionLine is what `examday --version` and `examday version` print:
// the module's version, the commit and the time it was built from, as
// the Go toolchain stamped them into the binary (runtime/debug), and the
// Go version. A binary built without version control (go run, a copy of
// the sources) says so rather than inventing a number.
func (a *app) versionLine() string {
	unknown := a.cat.T("cli.version.unknown")
	version, commit, built := unknown, unknown, unknown
	if info, ok := debug.ReadBuildInfo(); ok {
		if v := info.Main.Version; v != "" && v != "(devel)" {
			version = v
		}
		dirty := false
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				commit = s.Value
				if len(commit) > 12 {
					commit = commit[:12]
				}
			case "vcs.time":
				built = s.Value
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
		if dirty && commit != unknown {
			commit += "+"
		}
	}
	return a.cat.T("cli.version.line", version, commit, built, runtime.Version())
}

func (a *app) versionCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: a.cat.T("cli.version.short"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			fmt.Fprintln(a.stdout, a.versionLine())
			return nil
		},
	}
}
