package tui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// dialogWidth is the width of a dialog's text, at most.
const dialogWidth = 64

// confirm asks yes or no before an action is recorded: marking present
// (with the identity document to check) or absent.
type confirm struct {
	ctx     *Context
	title   string
	lines   []string
	onYes   tea.Cmd
	pending bool // the store is recording; wait for its answer
	// then, if set, is what yes opens instead of recording: the
	// chairman's PIN prompt, for an entry that needs their agreement.
	then func() (dialog, tea.Cmd)
	err  string
}

func newConfirm(c *Context, title string, lines []string, onYes tea.Cmd) *confirm {
	return &confirm{ctx: c, title: title, lines: lines, onYes: onYes}
}

// newQuestion asks yes or no; yes opens the next dialog.
func newQuestion(c *Context, title string, lines []string, then func() (dialog, tea.Cmd)) *confirm {
	return &confirm{ctx: c, title: title, lines: lines, then: then}
}

func (d *confirm) ShortHelp() []key.Binding {
	return []key.Binding{d.ctx.Keys.Yes, d.ctx.Keys.No}
}

func (d *confirm) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }

func (d *confirm) Update(msg tea.Msg) (dialog, tea.Cmd) {
	switch msg := msg.(type) {
	case recordedMsg:
		// Done or refused, the answer is in the status line.
		return nil, nil
	case tea.KeyPressMsg:
		if d.pending {
			return d, nil
		}
		switch {
		case key.Matches(msg, d.ctx.Keys.Yes) && d.then != nil:
			return d.then()
		case key.Matches(msg, d.ctx.Keys.Yes):
			d.pending = true
			return d, d.onYes
		case key.Matches(msg, d.ctx.Keys.No):
			return nil, nil
		}
	}
	return d, nil
}

func (d *confirm) View() string {
	return d.ctx.dialogBox(d.title, strings.Join(d.lines, "\n"), d.err, d)
}

// reasonForm asks for one line of text, a reason that goes into the log
// (a correction, a dismissed offer, a forced hand-in, a medical exit).
// submit decides what enter does with it: record (the form waits for the
// store's answer and shows a refusal) or open the next dialog.
type reasonForm struct {
	ctx     *Context
	title   string
	lines   []string
	input   textinput.Model
	submit  func(f *reasonForm, reason string) (dialog, tea.Cmd)
	err     string
	pending bool
	// after is opened once the store recorded; nil closes the form.
	after func() (dialog, tea.Cmd)
}

func newReasonForm(c *Context, title string, lines []string, prompt string,
	submit func(f *reasonForm, reason string) (dialog, tea.Cmd)) (*reasonForm, tea.Cmd) {
	f := &reasonForm{ctx: c, title: title, lines: lines, submit: submit}
	f.input = c.newInput(prompt, 300)
	return f, f.input.Focus()
}

// recording marks the form as waiting for the store and returns cmd.
func (f *reasonForm) recording(cmd tea.Cmd) (dialog, tea.Cmd) {
	f.pending, f.err = true, ""
	return f, cmd
}

func (f *reasonForm) ShortHelp() []key.Binding {
	return []key.Binding{f.ctx.Keys.Confirm, f.ctx.Keys.Cancel}
}

func (f *reasonForm) FullHelp() [][]key.Binding { return [][]key.Binding{f.ShortHelp()} }

func (f *reasonForm) Update(msg tea.Msg) (dialog, tea.Cmd) {
	c := f.ctx
	switch msg := msg.(type) {
	case recordedMsg:
		f.pending = false
		if msg.err != nil {
			f.err = c.ErrorText(msg.err)
			return f, nil
		}
		if f.after != nil {
			return f.after()
		}
		return nil, nil
	case tea.KeyPressMsg:
		if f.pending {
			return f, nil
		}
		switch {
		case key.Matches(msg, c.Keys.Cancel):
			return nil, nil
		case key.Matches(msg, c.Keys.Confirm):
			reason := strings.TrimSpace(f.input.Value())
			return f.submit(f, reason)
		}
	}
	var cmd tea.Cmd
	f.input, cmd = f.input.Update(msg)
	return f, cmd
}

func (f *reasonForm) View() string {
	body := strings.Join(f.lines, "\n")
	if body != "" {
		body += "\n\n"
	}
	return f.ctx.dialogBox(f.title, body+f.input.View(), f.err, f)
}

// notice says something that needs no answer but must be read: the
// materials to collect from an examinee removed from the exam.
type notice struct {
	ctx   *Context
	title string
	lines []string
}

func (n *notice) ShortHelp() []key.Binding { return []key.Binding{n.ctx.Keys.Confirm} }

func (n *notice) FullHelp() [][]key.Binding { return [][]key.Binding{n.ShortHelp()} }

func (n *notice) Update(msg tea.Msg) (dialog, tea.Cmd) {
	if km, ok := msg.(tea.KeyPressMsg); ok && key.Matches(km, n.ctx.Keys.Confirm, n.ctx.Keys.Cancel) {
		return nil, nil
	}
	return n, nil
}

func (n *notice) View() string {
	return n.ctx.dialogBox(n.title, strings.Join(n.lines, "\n"), "", n)
}

// dialogBox draws a dialog: a title, its body, a refusal if any, and its
// keys, generated from its key map. A body too long for the screen is cut
// with an ellipsis; the keys always show.
func (c *Context) dialogBox(title, body, refusal string, km help.KeyMap) string {
	s := c.Styles
	width := min(dialogWidth, max(c.Width-4, 20))
	h := help.New()
	h.Styles = s.Help
	h.SetWidth(width)
	head := []string{s.DialogTitle.Width(width).Render(title), ""}
	var tail []string
	if refusal != "" {
		tail = append(tail, "", s.StatusErr.Width(width).Render(refusal))
	}
	tail = append(tail, "", h.ShortHelpView(km.ShortHelp()))
	var lines []string
	if body != "" {
		lines = strings.Split(s.Plain.Width(width).Render(body), "\n")
	}
	room := c.Height - s.Dialog.GetVerticalFrameSize() - lipgloss.Height(strings.Join(head, "\n")) - lipgloss.Height(strings.Join(tail, "\n"))
	if len(lines) > room {
		lines = append(lines[:max(room-1, 0)], "…")
	}
	parts := append(append(head, lines...), tail...)
	return s.Dialog.Render(lipgloss.JoinVertical(lipgloss.Left, parts...))
}

// overlay draws box in the middle of the screen, over body.
func overlay(body, box string, width, height int) string {
	x := max((width-lipgloss.Width(box))/2, 0)
	y := max((height-lipgloss.Height(box))/2, 0)
	return overlayAt(body, box, x, y, width, height)
}

// overlayAt draws box over body with its top left corner at x, y.
func overlayAt(body, box string, x, y, width, height int) string {
	layers := lipgloss.NewCompositor(lipgloss.NewLayer(body), lipgloss.NewLayer(box).X(x).Y(y).Z(1))
	return lipgloss.NewCanvas(width, height).Compose(layers).Render()
}

// writing is what a dialog knows of the write it asked the store for:
// whether its answer is awaited (keys wait meanwhile), and the refusal it
// brought, shown in the dialog so the officer can put it right.
type writing struct {
	pending bool
	err     string
}

// answered takes the store's answer: true when the write was done and the
// dialog may close, false with the refusal kept for the dialog to show.
func (w *writing) answered(c *Context, msg recordedMsg) bool {
	w.pending = false
	if msg.err != nil {
		w.err = c.ErrorText(msg.err)
		return false
	}
	return true
}
