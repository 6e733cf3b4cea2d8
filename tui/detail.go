package tui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"examday/exam"
	"examday/store"
)

// detail is one examinee's day: who they are, where they are, their
// break, their violations with the decisions and who agreed, what is
// still outstanding, and every entry of their day in order, read from the
// file (a cancelled entry stays, marked, beside the correction that
// cancelled it). The officer acts on the examinee from here with the same
// keys as on the dashboard, and corrects an entry by cancelling it.
//
// The entries are read from the file in a command (readDay), on opening
// and after every commit, and arrive as a dayReadMsg: Update never waits
// on the file, and the page draws what the last answer brought.
type detail struct {
	ctx           *Context
	act           actions
	width, height int
	// frame is what the root hands over to draw (alerts, status).
	frame frame
	id    string
	// entries are the examinee's events as the file holds them, in order.
	entries []exam.Event
	bySeq   map[uint64]exam.Event
	loadErr error
	sel     int
	offset  int
	// asked numbers the reads of the day asked of the file, answered the
	// newest one taken: reads answer in any order, and an older one than
	// the entries on screen is not taken.
	asked, answered int
	// toEnd selects the last entry when the next read answers: the page
	// opens on the latest of the day.
	toEnd bool
}

// dayReadMsg is an examinee's day read from the file: their events by
// their sequence numbers, in one read transaction.
type dayReadMsg struct {
	id      string
	n       int // which read of the page
	entries []exam.Event
	bySeq   map[uint64]exam.Event
	err     error
}

func newDetail(ctx *Context, act actions) *detail { return &detail{ctx: ctx, act: act} }

func (d *detail) SetSize(w, h int) { d.width, d.height = w, h }

func (d *detail) SetFrame(f frame) { d.frame = f }

// show opens the day of examinee id; its last entry is selected when the
// day is read.
func (d *detail) show(id string) tea.Cmd {
	d.id, d.sel, d.offset = id, 0, 0
	d.entries, d.bySeq, d.loadErr = nil, nil, nil
	d.toEnd = true
	return d.reload()
}

// reload asks the file again for the examinee's entries, as the hall on
// screen lists them. Called on opening and after every commit.
func (d *detail) reload() tea.Cmd {
	e, ok := d.ctx.Hall.Examinee(d.id)
	if !ok {
		d.entries, d.bySeq = nil, nil
		return nil
	}
	d.asked++
	return readDay(d.ctx.Store, d.id, d.asked, slices.Clone(e.Seqs))
}

// readDay reads examinee id's events seqs, off the UI loop.
func readDay(s *store.Store, id string, n int, seqs []uint64) tea.Cmd {
	return func() tea.Msg {
		entries, bySeq, err := readEntries(s, seqs)
		return dayReadMsg{id: id, n: n, entries: entries, bySeq: bySeq, err: err}
	}
}

// onDayRead takes a day read from the file: the selection stays on the
// last entry if it was there (a new entry is followed), else where it was.
func (d *detail) onDayRead(msg dayReadMsg) {
	if msg.id != d.id || msg.n <= d.answered {
		return // another examinee's day, or older than the one on screen
	}
	d.answered = msg.n
	atEnd := d.toEnd || d.sel >= len(d.entries)-1
	d.toEnd = false
	d.entries, d.bySeq, d.loadErr = msg.entries, msg.bySeq, msg.err
	if atEnd {
		d.sel = len(d.entries) - 1
	}
	d.follow()
}

// reading reports whether a read of the day asked is not answered yet.
func (d *detail) reading() bool { return d.answered < d.asked }

// history is the examinee's events as the page read them, for the rules
// to replay their day without an entry (exam.Hall.Cancel) when the screen
// asks whether a correction would be allowed: the store replays its own
// log again when the correction is recorded.
func (d *detail) history() exam.EventSource {
	bySeq := d.bySeq
	return func(seq uint64) (exam.Event, error) {
		if ev, ok := bySeq[seq]; ok {
			return ev, nil
		}
		return exam.Event{}, fmt.Errorf("event %d: not read from the file yet", seq)
	}
}

func readEntries(s *store.Store, seqs []uint64) ([]exam.Event, map[uint64]exam.Event, error) {
	entries, err := s.EventsAt(seqs)
	bySeq := make(map[uint64]exam.Event, len(entries))
	for _, ev := range entries {
		bySeq[ev.Seq] = ev
	}
	return entries, bySeq, err
}

func (d *detail) examinee() *exam.Examinee {
	e, _ := d.ctx.Hall.Examinee(d.id)
	return e
}

func (d *detail) ShortHelp() []key.Binding {
	k := d.ctx.Keys
	keys := d.act.keysFor(d.examinee())
	if d.ctx.Hall.Phase != exam.PhaseClosed {
		keys = append(keys, k.CancelEntry)
		if len(d.ctx.Hall.SheetsOf(d.id)) > 0 {
			keys = append(keys, k.Void)
		}
	}
	return append(keys, k.Back)
}

func (d *detail) FullHelp() [][]key.Binding {
	k := d.ctx.Keys
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End},
		{k.CancelEntry, k.Back, k.Offers, k.Interrupt, k.CloseHall, k.Void, k.Reconcile, k.TypeCode, k.Files, k.Seat},
		{k.Present, k.Absent, k.Materials, k.Theory, k.Out, k.BackIn, k.Situational, k.Code, k.HandIn, k.Violation},
		{k.Board, k.Ack, k.Lang, k.Help, k.Quit},
	}
}

func (d *detail) Update(msg tea.Msg) reply {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return reply{}
	}
	c := d.ctx
	k := c.Keys
	switch {
	case key.Matches(km, k.Up):
		d.sel--
	case key.Matches(km, k.Down):
		d.sel++
	case key.Matches(km, k.PageUp):
		d.sel -= max(d.rows()-1, 1)
	case key.Matches(km, k.PageDown):
		d.sel += max(d.rows()-1, 1)
	case key.Matches(km, k.Home):
		d.sel = 0
	case key.Matches(km, k.End):
		d.sel = len(d.entries) - 1
	case key.Matches(km, k.CancelEntry):
		return d.cancelEntry()
	default:
		if r, ok := d.act.onExaminee(km, d.examinee()); ok {
			return r
		}
		r, _ := d.act.onHall(km)
		return r
	}
	d.follow()
	return reply{}
}

func (d *detail) follow() {
	n := len(d.entries)
	d.sel = min(max(d.sel, 0), max(n-1, 0))
	rows := d.rows()
	if d.sel < d.offset {
		d.offset = d.sel
	}
	if d.sel >= d.offset+rows {
		d.offset = d.sel - rows + 1
	}
	d.offset = min(max(d.offset, 0), max(n-rows, 0))
}

// cancelEntry corrects the selected entry: nothing is edited or deleted;
// a new entry cancels it, with the reason, and the rules replay the day
// without it. A violation's cancellation needs the chairman's PIN, as the
// decision did (§2.3).
func (d *detail) cancelEntry() reply {
	c := d.ctx
	if r, ok := d.act.readOnly(); ok {
		return r
	}
	if len(d.entries) == 0 {
		return reply{}
	}
	target, history := d.entries[d.sel], d.history()
	if _, err := c.Hall.Cancel(target, "-", nil, history, c.Now, c.Hall.Officer); err != nil && !needsAgreement(err) {
		return d.act.refused(err)
	}
	e := d.examinee()
	what := clockText(target.At) + "  " + c.entryText(target, d.bySeq)
	title := c.Cat.T("ui.cancel.title", e.FullName)
	lines := []string{c.Styles.Bold.Render(what), "", c.Cat.T("ui.cancel.explain")}
	name, typ := e.FullName, c.eventName(target.Type)
	done := func(c *Context, recs []store.Record) string {
		return c.Cat.T("ui.done.cancelled", clockText(target.At), typ, name)
	}
	f, cmd := newReasonForm(c, title, lines, c.Cat.T("ui.cancel.reason"),
		func(f *reasonForm, reason string) (dialog, tea.Cmd) {
			if target.Type != exam.TypeViolationRecorded {
				return f.recording(c.recordDescribed(done, one(func(h *exam.Hall) (exam.Event, error) {
					return h.Cancel(target, reason, nil, c.Store.History(), c.Clock.Now(), h.Officer)
				})))
			}
			// Ask the rules whether all but the agreement is in order
			// before the chairman is asked.
			a := exam.Agreement{}
			if _, err := c.Hall.Cancel(target, reason, &a, history, c.Now, c.Hall.Officer); !needsAgreement(err) {
				f.err = c.ErrorText(err)
				return f, nil
			}
			return newPINDialog(c, agreedAction{
				purpose: "cancel_violation",
				title:   title,
				lines:   []string{what, c.Cat.T("ui.cancel.reason_is", reason)},
				act: func(h *exam.Hall, a exam.Agreement, now time.Time) ([]exam.Event, error) {
					ev, err := h.Cancel(target, reason, &a, c.Store.History(), now, h.Officer)
					if err != nil {
						return nil, err
					}
					return []exam.Event{ev}, nil
				},
				describe: done,
			}, f), nil
		})
	return reply{open: f, cmd: cmd}
}

// info is the lines above the timeline.
func (d *detail) info(e *exam.Examinee) []string {
	c := d.ctx
	s := c.Styles
	T := c.Cat.T
	w := d.width

	stat := T("status." + string(c.Hall.DisplayStatus(e)))
	st := c.Styles.Status[c.Hall.DisplayStatus(e)]
	if e.Status == exam.OnBreak {
		stat, st = c.outText(e)
	}
	left := s.Title.Render(e.FullName) + "  " + st.Render(stat)
	lines := []string{spread(left, s.Bold.Render(T("ui.detail.seat", e.Seat)), w)}
	level := T("level." + string(e.Level()))
	lines = append(lines, fit(T("ui.detail.identity", T("programme."+e.Programme), level, e.IDDocument), w))

	// The materials of the day.
	ticket, situational := orDash(e.Ticket), orDash(e.SituationalTicket)
	if e.WithoutSituational {
		// One way everywhere: the hand-in says there was none, and why.
		situational = T("ui.detail.situational_none", c.reasonOrNone(e.WithoutSituationalReason))
	}
	code := T("ui.detail.code_none")
	switch {
	case e.CodeOut:
		code = T("ui.detail.code_out", clockText(e.CodeOutAt))
	case !e.CodeBackAt.IsZero():
		code = T("ui.detail.code_back", clockText(e.CodeOutAt), clockText(e.CodeBackAt))
	}
	lines = append(lines, fit(T("ui.detail.materials", ticket, situational, code), w))
	lines = append(lines, d.sheetLines(e)...)

	lines = append(lines, fit(d.breakLine(e), w))
	lines = append(lines, fit(d.violationsLine(), w))
	if e.Status == exam.Removed {
		held := strings.Join(c.heldLines(c.Hall.Held(e), e, true), " · ")
		if held == "" {
			held = T("ui.removed.nothing")
		}
		lines = append(lines, s.StatusErr.Render(fit(T("ui.detail.removed", clockText(e.RemovedAt), held), w)))
	}
	lines = append(lines, fit(d.owedLine(e), w))
	return lines
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// breakLine is the break of §2.1: not taken, running now, or taken with
// its length and any overrun; and the exits for medical care.
func (d *detail) breakLine(e *exam.Examinee) string {
	c := d.ctx
	T := c.Cat.T
	var text string
	switch {
	case e.Status == exam.OnBreak && !e.OutMedical:
		now, _ := c.outText(e)
		text = T("ui.detail.break_now", clockText(e.OutAt), now)
	case e.BreakTaken && !e.BreakBackAt.IsZero():
		out, over, _ := e.PastBreak()
		if over > 0 {
			text = T("ui.detail.break_over", clockText(e.BreakOutAt), clockText(e.BreakBackAt), c.span(out), c.span(over))
		} else {
			text = T("ui.detail.break_taken", clockText(e.BreakOutAt), clockText(e.BreakBackAt), c.span(out))
		}
	default:
		text = T("ui.detail.break_none")
	}
	medical := 0
	for _, ev := range d.entries {
		if ev.Type != exam.TypeBreakOut || d.cancelled(ev.Seq) {
			continue
		}
		if out, err := exam.Decode[exam.BreakOutData](ev); err == nil && out.Medical {
			medical++
		}
	}
	if medical > 0 {
		text += " · " + T("ui.detail.medical_exits", medical)
	}
	return text
}

func (d *detail) cancelled(seq uint64) bool {
	_, ok := d.ctx.Hall.Cancelled[seq]
	return ok
}

// violationsLine lists the violations recorded and not cancelled, with
// the decisions and who agreed (§2.3).
func (d *detail) violationsLine() string {
	c := d.ctx
	var parts []string
	for _, ev := range d.entries {
		if ev.Type != exam.TypeViolationRecorded || d.cancelled(ev.Seq) {
			continue
		}
		v, err := exam.Decode[exam.ViolationData](ev)
		if err != nil {
			parts = append(parts, c.Cat.T("ui.event.unreadable", c.eventName(ev.Type), c.ErrorText(err)))
			continue
		}
		parts = append(parts, c.Cat.T("ui.detail.violation", c.clauseLabel(v.Clause), c.Cat.T("decision."+v.Decision), v.AgreedBy))
	}
	if len(parts) == 0 {
		return c.Cat.T("ui.detail.no_violations")
	}
	return c.Cat.T("ui.detail.violations", len(parts), strings.Join(parts, "; "))
}

// owedLine is what is still outstanding for them, as the rules list it
// for the close.
func (d *detail) owedLine(e *exam.Examinee) string {
	c := d.ctx
	var parts []string
	for _, o := range c.Hall.OutstandingFor(e.ID) {
		args := o.Args[min(2, len(o.Args)):]
		if o.Key == "outstanding.offer" && len(args) > 0 {
			if clause, ok := args[0].(string); ok {
				args = []any{c.clauseLabel(clause)}
			}
		}
		parts = append(parts, c.Cat.T("ui.owed."+strings.TrimPrefix(o.Key, "outstanding."), args...))
	}
	if len(parts) == 0 {
		return c.Cat.T("ui.detail.owed_nothing")
	}
	return c.Cat.T("ui.detail.owed", strings.Join(parts, " · "))
}

// chrome is the lines that are not timeline rows.
func (d *detail) chrome() int {
	n := 2 + len(d.frame.alerts) + 1 + 2
	if e := d.examinee(); e != nil {
		n += len(d.info(e))
	}
	return n
}

func (d *detail) rows() int { return max(d.height-d.chrome(), 1) }

func (d *detail) View() string {
	c := d.ctx
	s := c.Styles
	e := d.examinee()
	if e == nil {
		return c.Cat.T("refusal.unknown_examinee", d.id)
	}
	lines := make([]string, 0, d.height)
	lines = append(lines, c.headerLines(d.width)...)
	lines = append(lines, d.frame.alerts...)
	lines = append(lines, d.info(e)...)
	lines = append(lines, s.TableHeader.Render(fit(c.Cat.T("ui.detail.day"), d.width)))

	// The selected entry's words in full, wrapped under the list, when its
	// row cuts them: a violation's description or a correction's reason
	// is read on screen, not only in the report.
	whole := d.wholeText()
	rows := max(d.rows()-len(whole), 1)
	offset := min(max(d.offset, d.sel-rows+1, 0), max(d.sel, 0))
	end := min(offset+rows, len(d.entries))
	for i := offset; i < end; i++ {
		lines = append(lines, d.row(d.entries[i], i == d.sel))
	}
	for _, l := range whole {
		lines = append(lines, s.Dim.Render(l))
	}
	if d.loadErr != nil && end-offset < rows {
		lines = append(lines, s.StatusErr.Render(fit(c.ErrorText(d.loadErr), d.width)))
	}
	for len(lines) < d.height-2 {
		lines = append(lines, "")
	}
	lines = append(lines, d.frame.status, c.keyLine(d, d.width))
	return strings.Join(lines, "\n")
}

// wholeTextLines is how many lines the selected entry's full words may
// take under the list.
const wholeTextLines = 4

// wholeText is the selected entry's words wrapped to the width, indented,
// when its row cannot show them all; nil when it can.
func (d *detail) wholeText() []string {
	if d.sel < 0 || d.sel >= len(d.entries) {
		return nil
	}
	ev := d.entries[d.sel]
	text := d.entryWords(ev)
	prefix := markerSelected + clockText(ev.At) + "   "
	if lipgloss.Width(prefix+text) <= d.width || d.width < 20 {
		return nil
	}
	lines := strings.Split(ansi.Wrap(text, d.width-4, " "), "\n")
	if len(lines) > wholeTextLines {
		lines = lines[:wholeTextLines]
		lines[wholeTextLines-1] = fit(lines[wholeTextLines-1]+" …", d.width-4)
	}
	for i, l := range lines {
		lines[i] = "    " + l
	}
	return lines
}

// entryWords is what an entry's row says after its time: its words, and
// for a cancelled entry when and why.
func (d *detail) entryWords(ev exam.Event) string {
	c := d.ctx
	text := c.entryText(ev, d.bySeq)
	if by, ok := c.Hall.Cancelled[ev.Seq]; ok {
		reason, when := "", "--:--:--"
		if corr, ok := d.bySeq[by]; ok {
			reason, when = c.reasonOrNone(""), clockText(corr.At)
			if cd, err := exam.Decode[exam.CancelData](corr); err == nil {
				reason = cd.Reason
			}
		}
		text = c.Cat.T("ui.detail.cancelled_mark", when) + " " + text + " — " + reason
	}
	return text
}

// row is one entry: its time, a ✗ if cancelled, and its words; a
// cancelled entry also says when and why.
func (d *detail) row(ev exam.Event, selected bool) string {
	c := d.ctx
	s := c.Styles
	text := d.entryWords(ev)
	flag := "  "
	_, cancelled := c.Hall.Cancelled[ev.Seq]
	if cancelled {
		flag = "✗ "
	}
	marker := markerNone
	if selected {
		marker = markerSelected
	}
	line := marker + clockText(ev.At) + " " + flag
	if selected {
		return s.Selected.Render(fit(line+text, d.width))
	}
	rest := fit(text, max(d.width-lipgloss.Width(line), 0))
	if cancelled {
		rest = s.Cancelled.Render(rest)
	}
	return line + rest
}

// sheetLines are the examinee's answer sheets (§1.5) in question order,
// each with its state and time: received, still out, or void. Nothing
// while the hall has no sheets printed; at most two lines.
func (d *detail) sheetLines(e *exam.Examinee) []string {
	c := d.ctx
	T := c.Cat.T
	if c.Hall.Session == "" {
		return nil
	}
	sheets := c.Hall.SheetsOf(e.ID)
	if len(sheets) == 0 {
		return []string{fit(T("ui.detail.sheets_none"), d.width)}
	}
	// A void sheet before the spare that replaced it.
	slices.SortStableFunc(sheets, func(a, b *exam.Sheet) int {
		if a.Question != b.Question {
			return cmp.Compare(a.Question, b.Question)
		}
		return cmp.Compare(voidRank(b), voidRank(a))
	})
	issued, received := 0, 0
	var items []string
	for _, s := range sheets {
		label := d.sheetLabel(s)
		switch s.State {
		case exam.SheetReceived:
			issued++
			received++
			if s.Blank {
				items = append(items, T("ui.detail.sheet_blank", label, clockText(s.ReceivedAt)))
				break
			}
			items = append(items, T("ui.detail.sheet_received", label, clockText(s.ReceivedAt)))
		case exam.SheetVoided:
			items = append(items, T("ui.detail.sheet_void", label, clockText(s.VoidedAt)))
		default:
			issued++
			items = append(items, T("ui.detail.sheet_out", label))
		}
	}
	head := T("ui.detail.sheets", received, issued) + " "
	indent := strings.Repeat(" ", lipgloss.Width(head))
	lines := []string{head}
	for i, item := range items {
		sep := ""
		if i > 0 {
			sep = " · "
		}
		last := &lines[len(lines)-1]
		if i > 0 && lipgloss.Width(*last+sep+item) > d.width && len(lines) < 2 {
			lines = append(lines, indent+item)
			continue
		}
		*last += sep + item
	}
	for i := range lines {
		lines[i] = fit(lines[i], d.width)
	}
	return lines
}

// sheetLabel is a sheet's question, short: Q2, or Sit. for the
// situational problem.
func (d *detail) sheetLabel(s *exam.Sheet) string {
	c := d.ctx
	if s.Situational() {
		return c.Cat.T("ui.sheet.situational_short")
	}
	return c.Cat.T("ui.sheet.question_short", s.Question)
}

func voidRank(s *exam.Sheet) int {
	if s.State == exam.SheetVoided {
		return 1
	}
	return 0
}

// reasonOrNone is a reason as the officer gave it, or words saying none
// is on record (a file from before the reason was asked).
func (c *Context) reasonOrNone(reason string) string {
	if reason == "" {
		return c.Cat.T("ui.no_reason_recorded")
	}
	return reason
}
