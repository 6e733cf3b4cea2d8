package tui

import (
	"context"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"examday/exam"
	"examday/i18n"
	"examday/store"
)

// The files of the day, made without quitting: the answer sheets to
// print, the hall report, the graders' list, the bundle for a USB stick,
// the hand-over to the central record. The screen holds the hall file, so
// a second program could not open it; the command line's own code does
// the work here, on the store the screen holds, with the same checks and
// the same words (FileActions, given by the binary).

// FileKind is one of the files the screen can make.
type FileKind string

const (
	FileSheets  FileKind = "sheets"  // examday sheets print
	FileReport  FileKind = "report"  // examday report
	FileGraders FileKind = "graders" // examday sheets graders
	FileExport  FileKind = "export"  // examday export
	FileSync    FileKind = "sync"    // examday sync
)

// fileKinds is the order of the menu.
var fileKinds = []FileKind{FileSheets, FileReport, FileGraders, FileExport, FileSync}

// FileAction is what the officer asks for: where to write (none for a
// sync), and for the report its protocol number and place.
type FileAction struct {
	Kind            FileKind
	Path            string
	Protocol, Place string
}

// FileActions makes the files. Run does what the command does, on s,
// writing what the command would print (in cat's language) line by line
// to progress as it goes; its error is the command's. DefaultPath is
// where the file goes unless the officer types another place: beside the
// hall file, named so that nothing earlier is replaced.
type FileActions interface {
	Run(ctx context.Context, s *store.Store, a FileAction, cat i18n.Catalogue, progress func(line string)) error
	DefaultPath(s *store.Store, kind FileKind, now time.Time) string
}

// fileProgressMsg is a line the running action printed; fileDoneMsg its
// end. Both carry the form whose run they belong to (a form runs once),
// so that a closed dialog's run does not write into the next one.
type fileProgressMsg struct {
	form *fileForm
	line string
}

type fileDoneMsg struct {
	form *fileForm
	err  error
	// hall and delivery are what the action changed, read from the file
	// by the command after it ended: the print is in the log (the
	// roster's sheets), a sync's receipt in the delivery.
	hall     *exam.Hall
	delivery *store.Delivery
}

// filesMenu chooses the file to make.
type filesMenu struct {
	ctx     *Context
	actions FileActions
	sel     int
}

func newFilesMenu(c *Context, actions FileActions) *filesMenu {
	return &filesMenu{ctx: c, actions: actions}
}

func (f *filesMenu) ShortHelp() []key.Binding {
	k := f.ctx.Keys
	return []key.Binding{k.Choose, k.Confirm, k.Cancel}
}

func (f *filesMenu) FullHelp() [][]key.Binding { return [][]key.Binding{f.ShortHelp()} }

func (f *filesMenu) Update(msg tea.Msg) (dialog, tea.Cmd) {
	c := f.ctx
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return f, nil
	}
	switch {
	case key.Matches(km, c.Keys.Cancel):
		return nil, nil
	case key.Matches(km, c.Keys.Choose):
		n := len(fileKinds)
		if km.String() == "up" {
			f.sel = (f.sel + n - 1) % n
		} else {
			f.sel = (f.sel + 1) % n
		}
		return f, nil
	case key.Matches(km, c.Keys.Confirm):
		return newFileForm(c, f.actions, fileKinds[f.sel])
	}
	return f, nil
}

func (f *filesMenu) View() string {
	c := f.ctx
	s := c.Styles
	var b strings.Builder
	b.WriteString(c.Cat.T("ui.files.how") + "\n\n")
	for i, k := range fileKinds {
		line := c.Cat.T("ui.files." + string(k))
		if i == f.sel {
			b.WriteString("▸ " + s.Bold.Render(line) + "\n")
			continue
		}
		b.WriteString("  " + line + "\n")
	}
	return c.dialogBox(c.Cat.T("ui.files.title"), strings.TrimSuffix(b.String(), "\n"), "", f)
}

// fileForm asks where to write (and the report's protocol and place),
// runs the action and shows what it printed as it goes.
type fileForm struct {
	ctx     *Context
	actions FileActions
	kind    FileKind
	inputs  []textinput.Model // the path; the report's protocol and place
	focus   int

	running bool
	started time.Time
	cancel  context.CancelFunc
	next    tea.Cmd // reads the run's next line, or its end
	lines   []string
	done    bool
	err     error
}

func newFileForm(c *Context, actions FileActions, kind FileKind) (dialog, tea.Cmd) {
	f := &fileForm{ctx: c, actions: actions, kind: kind}
	if kind == FileSync {
		// Nothing to type: the central record is the one enrolled.
		return f, nil
	}
	path := c.newInput(c.Cat.T("ui.files.path"), 1024)
	path.SetValue(actions.DefaultPath(c.Store, kind, c.Clock.Now()))
	f.inputs = append(f.inputs, path)
	if kind == FileReport {
		f.inputs = append(f.inputs, c.newInput(c.Cat.T("ui.files.protocol"), 40), c.newInput(c.Cat.T("ui.files.place"), 200))
	}
	return f, f.inputs[0].Focus()
}

func (f *fileForm) ShortHelp() []key.Binding {
	k := f.ctx.Keys
	switch {
	case f.running && f.kind == FileSync:
		return []key.Binding{k.Cancel}
	case f.running:
		return nil
	case f.done:
		return []key.Binding{k.Back}
	case len(f.inputs) > 1:
		return []key.Binding{k.NextField, k.Confirm, k.Cancel}
	}
	return []key.Binding{k.Confirm, k.Cancel}
}

func (f *fileForm) FullHelp() [][]key.Binding { return [][]key.Binding{f.ShortHelp()} }

func (f *fileForm) Update(msg tea.Msg) (dialog, tea.Cmd) {
	c := f.ctx
	switch msg := msg.(type) {
	case fileProgressMsg:
		if msg.form != f {
			return f, nil
		}
		f.lines = append(f.lines, msg.line)
		return f, f.next
	case fileDoneMsg:
		if msg.form != f {
			return f, nil
		}
		f.running, f.done, f.err = false, true, msg.err
		if f.cancel != nil {
			f.cancel()
		}
		return f, nil
	case tea.KeyPressMsg:
		k := c.Keys
		switch {
		case f.running:
			if f.kind == FileSync && key.Matches(msg, k.Cancel) && f.cancel != nil {
				f.cancel() // the sync stops; nothing it did not finish is kept
			}
			return f, nil
		case f.done:
			if key.Matches(msg, k.Back, k.Confirm) {
				return nil, nil
			}
			return f, nil
		case key.Matches(msg, k.Cancel):
			return nil, nil
		case key.Matches(msg, k.NextField) && len(f.inputs) > 1:
			f.inputs[f.focus].Blur()
			if msg.String() == "shift+tab" {
				f.focus = (f.focus + len(f.inputs) - 1) % len(f.inputs)
			} else {
				f.focus = (f.focus + 1) % len(f.inputs)
			}
			return f, f.inputs[f.focus].Focus()
		case key.Matches(msg, k.Confirm):
			return f, f.start()
		}
	}
	if f.running || f.done || len(f.inputs) == 0 {
		return f, nil
	}
	var cmd tea.Cmd
	f.inputs[f.focus], cmd = f.inputs[f.focus].Update(msg)
	return f, cmd
}

// start runs the action off the UI loop; its lines come back as messages.
func (f *fileForm) start() tea.Cmd {
	c := f.ctx
	a := FileAction{Kind: f.kind}
	if len(f.inputs) > 0 {
		a.Path = strings.TrimSpace(f.inputs[0].Value())
	}
	if f.kind == FileReport {
		a.Protocol, a.Place = strings.TrimSpace(f.inputs[1].Value()), strings.TrimSpace(f.inputs[2].Value())
	}
	f.running, f.started, f.lines, f.err = true, c.Clock.Now(), nil, nil
	ctx, cancel := context.WithCancel(context.Background())
	f.cancel = cancel
	// The lines wait here until the dialog reads them, one message each;
	// a run that printed more than this room lets the rest go rather
	// than stop (the file is written all the same).
	lines := make(chan string, 1024)
	done := make(chan error, 1)
	actions, s, cat := f.actions, c.Store, c.Cat
	go func() {
		err := actions.Run(ctx, s, a, cat, func(line string) {
			select {
			case lines <- line:
			default:
			}
		})
		close(lines)
		done <- err
	}()
	f.next = func() tea.Msg {
		if line, ok := <-lines; ok {
			return fileProgressMsg{form: f, line: line}
		}
		msg := fileDoneMsg{form: f, err: <-done}
		switch f.kind {
		case FileSheets:
			msg.hall = s.Hall()
		case FileSync:
			d := s.Delivery()
			msg.delivery = &d
		}
		return msg
	}
	return f.next
}

func (f *fileForm) View() string {
	c := f.ctx
	s := c.Styles
	T := c.Cat.T
	var b strings.Builder
	b.WriteString(T("ui.files.about." + string(f.kind)))
	if len(f.inputs) > 0 {
		b.WriteString("\n")
		for _, in := range f.inputs {
			b.WriteString("\n" + in.View())
		}
	}
	switch {
	case f.running:
		b.WriteString("\n\n" + s.Bold.Render(T("ui.files.running", c.spanSeconds(int64(c.Clock.Now().Sub(f.started)/time.Second)))))
	case f.done && f.err == nil:
		b.WriteString("\n\n" + s.StatusOK.Render("✔ "+T("ui.files.done")))
	case f.done:
		b.WriteString("\n\n" + s.StatusErr.Render("✗ "+T("ui.files.failed")))
	}
	for _, l := range f.lines {
		b.WriteString("\n" + l)
	}
	refusal := ""
	if f.done && f.err != nil && !reported(f.err) {
		refusal = c.ErrorText(f.err)
	}
	return c.dialogBox(T("ui.files.title_"+string(f.kind)), b.String(), refusal, f)
}

// Reported is an error whose words the action already printed (the
// command line's reportedError): the screen does not say it twice.
type Reported interface{ Reported() bool }

func reported(err error) bool {
	r, ok := err.(Reported)
	return ok && r.Reported()
}

// afterFileAction puts the end of the open form's action on the status
// line, and takes what the command read again of what it changed.
func (m *Model) afterFileAction(msg fileDoneMsg) {
	c, f := m.ctx, msg.form
	switch {
	case msg.err != nil && !reported(msg.err):
		m.status = status{text: c.ErrorText(msg.err), err: true}
	case msg.err != nil && len(f.lines) > 0:
		m.status = status{text: f.lines[0], err: true}
	case len(f.lines) > 0:
		m.status = status{text: f.lines[len(f.lines)-1]}
	}
	if msg.hall != nil {
		m.adopt(msg.hall)
	}
	if msg.delivery != nil {
		c.Delivery = *msg.delivery
	}
}
