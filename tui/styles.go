package tui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"

	"examday/exam"
)

// Styles is the whole look of the application, in one place. It is built
// for the terminal's background and rebuilt when the terminal reports it.
// Colour is never the only signal: every coloured thing also says it in
// words or with a mark.
type Styles struct {
	Plain     lipgloss.Style
	Title     lipgloss.Style // hall name
	Dim       lipgloss.Style // labels, secondary text
	Bold      lipgloss.Style
	Demo      lipgloss.Style // the DEMO mark
	Phase     lipgloss.Style // the hall's state badge
	TimeLeft  lipgloss.Style // time left in the header
	ReadOnly  lipgloss.Style // the read-only banner, on every screen
	Notice    lipgloss.Style // a clock jump
	Warning   lipgloss.Style // a warning at 30, 15, 5 minutes left
	TimeUp    lipgloss.Style // time is up
	StatusOK  lipgloss.Style // the status line after an action
	StatusErr lipgloss.Style // the status line after a refusal

	Closed      lipgloss.Style // the CLOSED banner, on every screen
	Interrupted lipgloss.Style // the INTERRUPTED banner, on every screen
	Out         lipgloss.Style // out of the audience, within the break
	Overrun     lipgloss.Style // out of the audience beyond the 10 minutes (§2.1)
	Attention   lipgloss.Style // the lines above the roster: who is out, open offers
	Cancelled   lipgloss.Style // a cancelled entry of the timeline (also marked ✗)
	ScanOK      lipgloss.Style // a scan accepted (also marked ✔)
	ScanRefused lipgloss.Style // a scan refused or not read (also marked ✗)

	TableHeader lipgloss.Style
	Selected    lipgloss.Style // the selected row (also marked with ›)
	Status      map[exam.Status]lipgloss.Style

	Dialog      lipgloss.Style
	DialogTitle lipgloss.Style
	Big         lipgloss.Style // large digits on the board and in dialogs
	BoardLabel  lipgloss.Style

	Help  help.Styles
	Input textinput.Styles
}

// NewStyles builds the styles for a dark or a light background.
func NewStyles(isDark bool) Styles {
	ld := lipgloss.LightDark(isDark)
	var (
		red    = lipgloss.Color("1")
		green  = lipgloss.Color("2")
		yellow = lipgloss.Color("3")
		blue   = lipgloss.Color("4")
		cyan   = lipgloss.Color("6")
		white  = lipgloss.Color("15")
		black  = lipgloss.Color("0")
		dim    = ld(lipgloss.Color("8"), lipgloss.Color("7"))
		accent = ld(blue, cyan)
	)
	base := lipgloss.NewStyle()
	s := Styles{
		Plain:     base,
		Title:     base.Bold(true).Foreground(accent),
		Dim:       base.Foreground(dim),
		Bold:      base.Bold(true),
		Demo:      base.Bold(true).Foreground(black).Background(yellow).Padding(0, 1),
		Phase:     base.Bold(true).Reverse(true).Padding(0, 1),
		TimeLeft:  base.Bold(true).Foreground(accent),
		ReadOnly:  base.Bold(true).Foreground(white).Background(red),
		Notice:    base.Bold(true).Foreground(black).Background(yellow),
		Warning:   base.Bold(true).Foreground(black).Background(yellow).Border(lipgloss.ThickBorder()).BorderForeground(yellow).Padding(0, 2),
		TimeUp:    base.Bold(true).Foreground(white).Background(red).Border(lipgloss.ThickBorder()).BorderForeground(red).Padding(0, 2),
		StatusOK:  base.Foreground(green),
		StatusErr: base.Bold(true).Foreground(red),

		Closed:      base.Bold(true).Reverse(true),
		Interrupted: base.Bold(true).Foreground(black).Background(yellow),
		Out:         base.Bold(true).Foreground(yellow),
		Overrun:     base.Bold(true).Foreground(white).Background(red),
		Attention:   base.Bold(true),
		Cancelled:   base.Foreground(dim).Strikethrough(true),
		ScanOK:      base.Bold(true).Foreground(black).Background(green).Border(lipgloss.ThickBorder()).BorderForeground(green).Padding(0, 2),
		ScanRefused: base.Bold(true).Foreground(white).Background(red).Border(lipgloss.ThickBorder()).BorderForeground(red).Padding(0, 2),

		TableHeader: base.Bold(true).Underline(true),
		Selected:    base.Reverse(true).Bold(true),
		Status: map[exam.Status]lipgloss.Style{
			exam.Registered:  base.Foreground(dim),
			exam.Present:     base.Foreground(green),
			exam.Absent:      base.Bold(true).Foreground(red),
			exam.Materials:   base.Foreground(accent),
			exam.Writing:     base.Foreground(accent),
			exam.TheoryIn:    base.Foreground(accent),
			exam.OnBreak:     base.Bold(true).Foreground(yellow),
			exam.BackIn:      base.Foreground(accent),
			exam.Situational: base.Foreground(accent),
			exam.Finished:    base.Foreground(green),
			exam.Removed:     base.Bold(true).Foreground(red),
		},

		Dialog:      base.Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(0, 1),
		DialogTitle: base.Bold(true).Foreground(accent),
		Big:         base.Bold(true).Foreground(accent),
		BoardLabel:  base.Bold(true).Foreground(dim),

		Help:  help.DefaultStyles(isDark),
		Input: textinput.DefaultStyles(isDark),
	}
	return s
}
