package main

import (
	"strings"

	"github.com/spf13/cobra"
)

// localise puts cobra's own words — the frame of every help page, the
// help flag, and the help and completion commands it adds — into the
// catalogue's language, so that `examday --lang kk help` is Kazakh from
// its first line to its last. The template is cobra's default with its
// words taken from the catalogue; cobra fills in the rest.
func (a *app) localise(root *cobra.Command) {
	c := a.cat
	more := c.T("cli.usage.more", "{{.CommandPath}} [command] --help")
	root.SetUsageTemplate(c.T("cli.usage.usage") + `:{{if .Runnable}}
  {{.UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [command]{{end}}{{if gt (len .Aliases) 0}}

` + c.T("cli.usage.aliases") + `:
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

` + c.T("cli.usage.examples") + `:
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

` + c.T("cli.usage.commands") + `:{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

` + c.T("cli.usage.flags") + `:
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

` + c.T("cli.usage.global_flags") + `:
{{.InheritedFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableSubCommands}}

` + strings.ReplaceAll(more, "%", "%%") + `{{end}}
`)
	// A help flag declared on the root is the one every command takes;
	// cobra adds its own, in English, only where there is none.
	root.PersistentFlags().BoolP("help", "h", false, c.T("cli.usage.help_flag"))

	// Cobra makes its help and completion commands when it runs; made
	// now, their words can be replaced, and it keeps them.
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	for _, cmd := range root.Commands() {
		switch cmd.Name() {
		case "help":
			cmd.Short = c.T("cli.usage.help_short")
			cmd.Long = c.T("cli.usage.help_long")
		case "completion":
			cmd.Short = c.T("cli.usage.completion_short")
			cmd.Long = c.T("cli.usage.completion_long")
			for _, shell := range cmd.Commands() {
				shell.Short = c.T("cli.usage.completion_shell", shell.Name())
				shell.Long = c.T("cli.usage.completion_shell_long", shell.Name())
				if f := shell.Flags().Lookup("no-descriptions"); f != nil {
					f.Usage = c.T("cli.usage.no_descriptions")
				}
			}
		}
	}
}
