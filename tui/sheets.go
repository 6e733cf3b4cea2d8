package tui

import (
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"examday/barcode"
	"examday/exam"
	"examday/store"
)

// A sheet handed back in (§1.5, §1.6): a scan anywhere — on any page, over
// any dialog that does not read scans itself — is received at once. The
// rules decide (exam.Hall.ReceiveSheet: the last theory sheet hands the
// theory in, the situational sheet the work), the store commits, and only
// then does the screen say so: a large banner over everything, naming the
// seat and the question, and the terminal's bell; a refusal is a red
// banner with the reason and two bells. A duplicate is refused and
// changes nothing.

// scanShown is how long a scan's banner stays up: long enough to be read
// from the desk, short enough not to hide the header for the next one.
const scanShown = 8 * time.Second

// scanResult is the answer to the last scan, as the banner shows it.
type scanResult struct {
	ok bool
	// code and records are the sheet accepted and what was recorded, to
	// word the banner again from the state read after the commit.
	code    barcode.Code
	records []store.Record
	// seat is drawn in large digits beside an accepted scan.
	seat  string
	lines []string
	// codeAdvice is the line of lines that says the hand-in waits for the
	// Criminal Code of examinee; it is dropped from the banner as soon as
	// the Code is back or the examinee has finished: advice on screen is
	// always current.
	codeAdvice string
	examinee   string
	// at is the screen's clock when the answer came.
	at time.Time
	// drawn is the banner as last drawn, for width wide in the styles of
	// that moment: the root asks for it several times a frame.
	drawn string
	width int
	look  int
	stale bool
}

// scannedMsg is the file's answer to a scan received: the records are
// committed and fsynced, or err says why nothing was.
type scannedMsg struct {
	code    barcode.Code
	records []store.Record
	err     error
}

// hallReadMsg is the state read from the file after a scan's commit: the
// scan is answered the moment it is durable, and the roster catches up a
// moment later, read off the UI loop.
type hallReadMsg struct {
	code barcode.Code
	hall *exam.Hall
}

// secondBellMsg rings the refusal's second bell, a moment after the first.
type secondBellMsg struct{}

// refusedBells is the sound of a refusal: two bells, distinct from the
// one of a scan accepted or a warning.
var refusedBells = tea.Batch(bell, tea.Tick(250*time.Millisecond, func(time.Time) tea.Msg { return secondBellMsg{} }))

// receiveScan reads what the scanner (or a person) typed as a code of this
// hall and receives the sheet in the store.
func (m *Model) receiveScan(raw string) tea.Cmd {
	c := m.ctx
	if c.Broken != nil {
		m.scanRefused(c.Cat.T("ui.scan.refused_nocode"), c.BrokenText())
		return refusedBells
	}
	code, err := c.Hall.ParseCode(raw)
	if err != nil {
		m.scanRefused(c.Cat.T("ui.scan.not_read"), c.ErrorText(err))
		return refusedBells
	}
	s, clock := c.Store, c.Clock
	return func() tea.Msg {
		recs, err := s.Do(func(h *exam.Hall) ([]exam.Event, error) {
			return h.ReceiveSheet(code, clock.Now(), h.Officer)
		})
		return scannedMsg{code: code, records: recs, err: err}
	}
}

// readHall reads the state from the file after the scan of code.
func readHall(s *store.Store, code barcode.Code) tea.Cmd {
	return func() tea.Msg { return hallReadMsg{code: code, hall: s.Hall()} }
}

// scanRefused puts a refused scan on the banner, and its reason in the
// status line.
func (m *Model) scanRefused(title, reason string) {
	c := m.ctx
	m.scan = &scanResult{lines: []string{"✗ " + title, reason, c.Cat.T("ui.scan.nothing_recorded")}, at: c.Now}
	m.status = status{text: reason, err: true}
}

// onScanned shows the file's answer to a scan.
func (m Model) onScanned(msg scannedMsg) (tea.Model, tea.Cmd) {
	c := m.ctx
	m.noteWrite(msg.err, len(msg.records) > 0)
	if refusedWith(msg.err, exam.RefuseSituationalUndrawn) && m.dialog == nil {
		// Not a refusal but a question: what happened to the ticket.
		if s, ok := c.Hall.Sheet(msg.code); ok {
			if e, ok := c.Hall.Examinee(s.Examinee); ok {
				m.scan, m.status = nil, status{}
				f, cmd := newUndrawnForm(c, e, msg.code)
				m.dialog = f
				m.layout()
				return m, tea.Batch(bell, cmd)
			}
		}
	}
	if msg.err != nil || len(msg.records) == 0 {
		m.scanRefused(c.Cat.T("ui.scan.refused", msg.code.Grouped()), c.ErrorText(msg.err))
		return m, refusedBells
	}
	// Worded from the state on screen (the examinee, the question, the
	// sheets still out but this one), until the state after the commit
	// is read.
	m.scan = scanAccepted(c, msg.code, msg.records)
	m.status = status{text: strings.TrimPrefix(m.scan.lines[0], "✔ ")}
	m.layout()
	return m, tea.Batch(bell, readHall(c.Store, msg.code))
}

// onHallRead takes the state read after a scan's commit, and words the
// scan's banner again from it if it is still up.
func (m Model) onHallRead(msg hallReadMsg) (tea.Model, tea.Cmd) {
	c := m.ctx
	m.adopt(msg.hall)
	reload := m.pages[pageDetail].(*detail).reload()
	if r := m.scan; r != nil && r.ok && r.code == msg.code {
		at := r.at
		m.scan = scanAccepted(c, r.code, r.records)
		m.scan.at = at
	}
	m.layout()
	return m, reload
}

// scanAccepted puts a sheet received into words: whose seat, which
// question, when, and what else the rules recorded with it.
func scanAccepted(c *Context, code barcode.Code, recs []store.Record) *scanResult {
	T := c.Cat.T
	// The sheet's receipt leads its records, unless a situational ticket
	// recorded with it (undrawnForm) comes first.
	first := recs[0].Event
	for _, r := range recs {
		if r.Event.Type == exam.TypeSheetReceived {
			first = r.Event
			break
		}
	}
	d, _ := exam.Decode[exam.SheetReceivedData](first) // just decided by this program: it reads
	e, _ := c.Hall.Examinee(first.Examinee)
	sheet, _ := c.Hall.Sheet(d.Code)
	r := &scanResult{ok: true, code: code, records: recs, at: c.Now}
	if e == nil || sheet == nil {
		r.lines = []string{"✔ " + T("ui.scan.received_code", d.Code.Grouped(), clockText(first.At))}
		return r
	}
	r.seat, r.examinee = e.Seat, e.ID
	r.lines = append(r.lines,
		"✔ "+T("ui.scan.accepted", e.Seat, c.questionText(sheet), clockText(first.At)),
		T("ui.scan.whose", e.FullName, d.Code.Grouped()))
	var theoryIn, handedIn, offered bool
	for _, rec := range recs[1:] {
		switch rec.Event.Type {
		case exam.TypeTheoryIn:
			theoryIn = true
		case exam.TypeHandedIn:
			handedIn = true
		case exam.TypeViolationOffered:
			offered = true
		}
	}
	theoryOut, out := 0, 0
	for _, s := range c.Hall.SheetsOf(e.ID) {
		if s.State == exam.SheetIssued && s.Code != code {
			out++
			if !s.Situational() {
				theoryOut++
			}
		}
	}
	// The hand-in a sheet would have finished waits for the Criminal
	// Code: say so, or the officer is left wondering why it did not.
	codeHolds := !handedIn && e.CodeOut && (sheet.Situational() || out == 0)
	codeOut := T("ui.scan.code_out", c.Keys.Code.Help().Key, c.Keys.HandIn.Help().Key)
	if codeHolds {
		r.codeAdvice = codeOut
	}
	switch {
	case handedIn:
		r.lines = append(r.lines, T("ui.scan.handed_in", e.FullName))
	case theoryIn:
		r.lines = append(r.lines, T("ui.scan.theory_in", exam.TheoryQuestions(e.Level())))
		if codeHolds {
			r.lines = append(r.lines, codeOut)
		}
	case codeHolds:
		r.lines = append(r.lines, codeOut)
	case theoryOut > 0:
		r.lines = append(r.lines, T("ui.scan.theory_left", theoryOut))
	}
	for _, rec := range recs {
		if rec.Event.Type == exam.TypeSituationalDrawn {
			r.lines = append(r.lines, T("ui.scan.ticket_recorded", e.SituationalTicket))
		}
	}
	if d.Blank {
		r.lines = append(r.lines, T("ui.scan.blank", c.reasonOrNone(d.Reason)))
	}
	if offered {
		r.lines = append(r.lines, T("ui.scan.late", c.spanSeconds(d.LateBySeconds), c.clauseLabel("i"), c.Keys.Offers.Help().Key))
	}
	return r
}

// questionText names a sheet's question: "Question 2 of 3", or the
// situational problem; a spare not yet in use has none.
func (c *Context) questionText(s *exam.Sheet) string {
	switch {
	case s.Situational():
		return c.Cat.T("ui.sheet.situational")
	case s.Question > 0:
		return c.Cat.T("ui.sheet.question", s.Question, exam.TheoryQuestions(s.Level))
	}
	return c.Cat.T("ui.sheet.spare")
}

// scanBanner is the banner of the last scan, as wide as the screen.
func (m Model) scanBanner(width int) string {
	r := m.scan
	if r == nil {
		return ""
	}
	stale := r.codeAdvice != "" && !codeStillOut(m.ctx.Hall, r.examinee)
	if r.drawn == "" || r.width != width || r.look != m.look || r.stale != stale {
		r.drawn, r.width, r.look, r.stale = drawScanBanner(m.ctx, r, width, stale), width, m.look, stale
	}
	return r.drawn
}

// codeStillOut reports whether examinee id still has the Criminal Code
// and has not finished: whether a scan's advice about it still holds.
func codeStillOut(h *exam.Hall, id string) bool {
	e, ok := h.Examinee(id)
	return ok && e.CodeOut && e.Status != exam.Finished && e.Status != exam.Removed
}

func drawScanBanner(c *Context, r *scanResult, width int, codeAdviceStale bool) string {
	s := c.Styles
	if !r.ok {
		return s.ScanRefused.Width(width).Render(strings.Join(r.lines, "\n"))
	}
	inner := max(width-s.ScanOK.GetHorizontalFrameSize(), 1)
	digits := strings.Map(func(r rune) rune {
		if _, ok := glyphs[r]; ok && r != ' ' {
			return r
		}
		return -1
	}, r.seat)
	room := inner
	if digits != "" && bigWidth(digits, 1)+3 < inner/3 {
		room = inner - bigWidth(digits, 1) - 3
	} else {
		digits = ""
	}
	// Each line wraps in its room beside the digits: nothing is cut.
	var lines []string
	for _, l := range r.lines {
		if codeAdviceStale && l == r.codeAdvice {
			continue
		}
		lines = append(lines, strings.Split(s.Plain.Width(room).Render(l), "\n")...)
	}
	if digits == "" {
		return s.ScanOK.Width(width).Render(strings.Join(lines, "\n"))
	}
	return c.banner(s.ScanOK, digits, lines, width)
}

// expireScan takes a scan's banner down once it has been up scanShown,
// and reports whether it did.
func (m *Model) expireScan() bool {
	if m.scan != nil && m.ctx.Now.Sub(m.scan.at) >= scanShown {
		m.scan = nil
		return true
	}
	return false
}

// typedLine is the code a person is typing on a page, with its keys.
func (m Model) typedLine(width int) string {
	if m.typed == "" {
		return ""
	}
	c := m.ctx
	k := c.Keys
	text := "⌨ " + c.Cat.T("ui.scan.typed", m.typed) + "▏  " +
		c.Cat.T("ui.scan.typed_keys", k.Confirm.Help().Key, k.Erase.Help().Key, k.Back.Help().Key)
	return c.Styles.Notice.Render(pad(text, max(width, 1)))
}
