package exam

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"time"

	"examday/barcode"
)

// The answer sheets (§1.5): signed, barcoded, four to a master's packet and
// three to a doctoral one, one per question in order — sheets 1..T for the
// theoretical questions, the last for the situational problem. A packet is
// printed unbound; scanning any of its sheets at the "materials" step binds
// the whole packet to the examinee. The code on a sheet never says whose it
// is: that lives only in the log.

const (
	TypeSheetsPrinted = "sheets.printed"
	TypeSheetReceived = "sheet.received"
	TypeSheetVoided   = "sheet.voided"
)

// SheetState is where a sheet is.
type SheetState string

const (
	SheetPrinted  SheetState = "printed"  // printed, not given to anyone
	SheetIssued   SheetState = "issued"   // bound to an examinee
	SheetReceived SheetState = "received" // scanned back in
	SheetVoided   SheetState = "voided"   // spoilt, or an old unissued print
)

// Sheet is one printed answer sheet.
type Sheet struct {
	Code barcode.Code `json:"code"`
	// Packet is the packet's id (the code of its first sheet); a loose
	// spare has none until it replaces a voided sheet.
	Packet   string `json:"packet,omitempty"`
	Level    Level  `json:"level,omitempty"`
	Question int    `json:"question,omitempty"` // 1..T theory, T+1 the situational problem; 0 for a spare
	Spare    bool   `json:"spare,omitempty"`

	State      SheetState `json:"state"`
	Examinee   string     `json:"examinee,omitempty"`
	IssuedAt   time.Time  `json:"issued_at,omitzero"`
	ReceivedAt time.Time  `json:"received_at,omitzero"`
	// Blank: received without the situational problem (SheetReceivedData).
	Blank       bool         `json:"blank,omitempty"`
	BlankReason string       `json:"blank_reason,omitempty"`
	VoidedAt    time.Time    `json:"voided_at,omitzero"`
	VoidReason  string       `json:"void_reason,omitempty"`
	Replaces    barcode.Code `json:"replaces,omitempty"`
	ReplacedBy  barcode.Code `json:"replaced_by,omitempty"`
}

// Situational reports whether the sheet is for the situational problem.
func (s *Sheet) Situational() bool {
	return s.Question > 0 && s.Question == TheoryQuestions(s.Level)+1
}

// Payloads.

type PrintedPacket struct {
	Packet string         `json:"packet"`
	Level  Level          `json:"level"`
	Codes  []barcode.Code `json:"codes"`
}

type SheetsPrintedData struct {
	Session string          `json:"session,omitempty"` // set by the first print
	Packets []PrintedPacket `json:"packets,omitempty"`
	Spares  []barcode.Code  `json:"spares,omitempty"`
	// Voided are the old unissued sheets a new print replaces.
	Voided []barcode.Code `json:"voided,omitempty"`
}

type SheetReceivedData struct {
	Code          barcode.Code `json:"code"`
	Question      int          `json:"question"`
	LateBySeconds int64        `json:"late_by_s,omitempty"`
	// Blank: a situational sheet handed back without the situational
	// problem (no situational ticket was drawn), with the reason the
	// officer gave or the hand-in already recorded.
	Blank  bool   `json:"blank,omitempty"`
	Reason string `json:"reason,omitempty"`
}

type SheetVoidedData struct {
	Code        barcode.Code `json:"code"`
	Reason      string       `json:"reason"`
	AgreedBy    string       `json:"agreed_by"`
	Replacement barcode.Code `json:"replacement"`
}

// Sheet finds a sheet by its code.
func (h *Hall) Sheet(c barcode.Code) (*Sheet, bool) {
	s, ok := h.sheets[c]
	return s, ok
}

// Sheets returns every sheet, ordered by packet then question, spares last.
func (h *Hall) Sheets() []*Sheet {
	out := make([]*Sheet, 0, len(h.sheets))
	for _, s := range h.sheets {
		out = append(out, s)
	}
	sortSheets(out)
	return out
}

func sortSheets(out []*Sheet) {
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		// Loose spares last; a spare that replaced a sheet sits in its
		// packet at its question.
		if la, lb := a.Packet == "", b.Packet == ""; la != lb {
			return !la
		}
		if a.Packet != b.Packet {
			return a.Packet < b.Packet
		}
		if a.Question != b.Question {
			return a.Question < b.Question
		}
		return a.Code.String() < b.Code.String()
	})
}

// SheetsOf is the sheets ever bound to examinee id, in the order of Sheets.
func (h *Hall) SheetsOf(id string) []*Sheet {
	codes := h.sheetsBy[id]
	out := make([]*Sheet, 0, len(codes))
	for _, c := range codes {
		out = append(out, h.sheets[c])
	}
	sortSheets(out)
	return out
}

// AddLoadedSheet puts a sheet record read from the store back.
func (h *Hall) AddLoadedSheet(s *Sheet) {
	if h.sheets == nil {
		h.sheets = map[barcode.Code]*Sheet{}
	}
	h.indexSheet(s)
	h.sheets[s.Code] = s
}

// indexSheet keeps sheetsBy as s replaces the sheet of its code. A sheet
// is bound to an examinee once and stays theirs (a voided sheet too), so
// an index entry is only ever added; the check of the old owner keeps it
// true should that change.
func (h *Hall) indexSheet(s *Sheet) {
	var was string
	if old, ok := h.sheets[s.Code]; ok {
		was = old.Examinee
	}
	if was == s.Examinee {
		return
	}
	if was != "" {
		h.sheetsBy[was] = slices.DeleteFunc(h.sheetsBy[was], func(c barcode.Code) bool { return c == s.Code })
	}
	if s.Examinee != "" {
		if h.sheetsBy == nil {
			h.sheetsBy = map[string][]barcode.Code{}
		}
		h.sheetsBy[s.Examinee] = append(h.sheetsBy[s.Examinee], s.Code)
	}
}

// TakeChangedSheets returns the sheets changed since the last call, for the
// store to write beside the event that changed them.
func (h *Hall) TakeChangedSheets() []*Sheet {
	out := make([]*Sheet, 0, len(h.changedSheets))
	for c := range h.changedSheets {
		out = append(out, h.sheets[c])
	}
	h.changedSheets = nil
	return out
}

func (h *Hall) putSheet(s *Sheet) {
	if h.sheets == nil {
		h.sheets = map[barcode.Code]*Sheet{}
	}
	if h.changedSheets == nil {
		h.changedSheets = map[barcode.Code]bool{}
	}
	h.indexSheet(s)
	h.sheets[s.Code] = s
	h.changedSheets[s.Code] = true
}

// PrintSheets decides what a print of the hall's sheets records: the first
// print makes one packet per examinee on the roster, of their level, plus
// spares; printing again prints the same codes (and records only extra
// spares, if more are asked for); renew voids every sheet not yet issued
// and prints new ones for everyone whose packet is not bound yet. Serials
// are random (rng: crypto/rand on the day) and never reused. It returns no
// event when nothing new is to be recorded.
func (h *Hall) PrintSheets(spares int, renew bool, rng io.Reader, at time.Time, actor string) ([]Event, error) {
	if err := h.open(); err != nil {
		return nil, err
	}
	if spares < 0 || spares > 500 {
		return nil, refuse(RefuseSparesRange, spares)
	}
	d := SheetsPrintedData{}
	session := h.Session
	if session == "" {
		b := make([]byte, 8)
		if _, err := io.ReadFull(rng, b); err != nil {
			return nil, err
		}
		session = barcode.SessionCode(b)
		d.Session = session
	}
	taken := map[barcode.Code]bool{}
	for c := range h.sheets {
		taken[c] = true
	}
	draw := func() (barcode.Code, error) {
		c, err := barcode.Random(session, rng, func(c barcode.Code) bool { return taken[c] })
		if err == nil {
			taken[c] = true
		}
		return c, err
	}
	bound := map[string]bool{}
	unissuedSpares := 0
	for _, s := range h.sheets {
		if s.State == SheetPrinted {
			if renew {
				d.Voided = append(d.Voided, s.Code)
			} else if s.Spare {
				unissuedSpares++
			}
		}
		if s.Examinee != "" && s.Packet != "" {
			bound[s.Examinee] = true
		}
	}
	if len(h.sheets) == 0 || renew {
		for _, e := range h.examinees {
			if bound[e.ID] || e.Status == Removed {
				continue
			}
			level := e.Level()
			p := PrintedPacket{Level: level}
			for range SheetsPerPacket(level) {
				c, err := draw()
				if err != nil {
					return nil, err
				}
				p.Codes = append(p.Codes, c)
			}
			p.Packet = p.Codes[0].String()
			d.Packets = append(d.Packets, p)
		}
		unissuedSpares = 0
	}
	for ; unissuedSpares < spares; unissuedSpares++ {
		c, err := draw()
		if err != nil {
			return nil, err
		}
		d.Spares = append(d.Spares, c)
	}
	if len(d.Packets) == 0 && len(d.Spares) == 0 && len(d.Voided) == 0 && d.Session == "" {
		return nil, nil
	}
	sortCodes(d.Voided)
	return []Event{newEvent(TypeSheetsPrinted, "", actor, at, d)}, nil
}

func sortCodes(cs []barcode.Code) {
	sort.Slice(cs, func(i, j int) bool { return cs[i].String() < cs[j].String() })
}

// ParseCode reads a typed or scanned code of this hall's session.
func (h *Hall) ParseCode(input string) (barcode.Code, error) {
	if h.Session == "" {
		return barcode.Code{}, refuse(RefuseNoSheets)
	}
	return barcode.Parse(input, h.Session)
}

// PacketToBind checks that the sheet scanned at the materials step can
// bind its packet to examinee e, and returns the packet's id. Refused: a
// code of another session or with a bad check digit (by ParseCode), an
// unknown code, a voided sheet, a spare, a packet of the other level, a
// packet already bound (naming to whom).
func (h *Hall) PacketToBind(e *Examinee, c barcode.Code) (string, error) {
	s, ok := h.sheets[c]
	if !ok {
		return "", refuse(RefuseSheetUnknown, c.Grouped())
	}
	if err := h.bindable(s, e); err != nil {
		return "", err
	}
	return s.Packet, nil
}

func (h *Hall) bindable(s *Sheet, e *Examinee) error {
	c := s.Code
	switch {
	case s.State == SheetVoided:
		return h.voidedRefusal(s)
	case s.Spare:
		return refuse(RefuseSheetSpare, c.Grouped())
	case s.Examinee != "":
		owner := h.byID[s.Examinee]
		return refuse(RefusePacketBound, c.Grouped(), owner.Seat, owner.FullName)
	case s.Level != e.Level():
		return refuse(RefusePacketLevel, c.Grouped(), s.Level, e.Level())
	}
	// A packet whose sheets were voided by a reprint, even in part, is
	// not given out.
	for _, o := range h.sheets {
		if o.Packet == s.Packet && o.State != SheetPrinted {
			return h.voidedRefusal(o)
		}
	}
	return nil
}

// packetFree checks that packet was printed, is of e's level and is not
// bound to anyone yet.
func (h *Hall) packetFree(packet string, e *Examinee) error {
	for _, s := range h.sheets {
		if s.Packet == packet && !s.Spare {
			return h.bindable(s, e)
		}
	}
	return refuse(RefuseSheetUnknown, packet)
}

// IssueMaterialsWithSheet is IssueMaterials with the packet scanned: the
// whole packet of the scanned sheet is bound to the examinee with the
// ticket, in one entry.
func (h *Hall) IssueMaterialsWithSheet(id, ticket string, scanned barcode.Code, at time.Time, actor string) (Event, error) {
	e, err := h.examineeFor(id)
	if err != nil {
		return Event{}, err
	}
	if e.Status == Removed || e.Status == Absent {
		return Event{}, refuse(RefuseTransition, e.FullName, e.Status, Materials)
	}
	packet, err := h.PacketToBind(e, scanned)
	if err != nil {
		return Event{}, err
	}
	return h.IssueMaterials(id, ticket, packet, at, actor)
}

// bindPacket marks every sheet of packet issued to the examinee.
func (h *Hall) bindPacket(packet, id string, at time.Time) error {
	n := 0
	for _, s := range h.sheets {
		if s.Packet == packet && s.State == SheetPrinted {
			c := *s
			c.State, c.Examinee, c.IssuedAt = SheetIssued, id, at
			h.putSheet(&c)
			n++
		}
	}
	if n == 0 {
		return fmt.Errorf("packet %s has no unissued sheets", packet)
	}
	return nil
}

// ReceiveSheet takes a scanned sheet back in. It names the examinee's seat
// and the question. When the sheet is the last of the examinee's theory
// sheets still out, their theory part is handed in (§1.5) by the same
// decision as the explicit action; when it is the last of all their sheets
// still out, the hand-in is finished as the explicit action would record
// it, unless they still hold the Criminal Code (then the hand-in waits for
// the Code, and the screen says so). The order of the scans does not
// matter. A scan after the end is accepted and, for an examinee still
// sitting, offered as violation (i), once per examinee.
//
// The situational sheet of someone with no situational ticket on record
// is a question, not a receipt: either the ticket was drawn and not
// recorded (ReceiveSheetWithTicket records it and takes the sheet), or
// the examinee hands in without the situational problem and the sheet
// comes back blank, with a reason (ReceiveBlankSituational). Taking it
// silently would leave a day that reads both "situational sheet in" and
// "without the situational problem". ReceiveSheet refuses it with
// RefuseSituationalUndrawn while the examinee sits; after a hand-in or a
// removal the decision is already on record and the sheet is received
// blank, with the hand-in's reason.
//
// A situational sheet handed back blank while the theory is still out
// (§1.5–§1.6 put the situational problem after the theory) leaves the
// examinee writing; when their last theory sheet comes in, the theory is
// handed in and, every sheet being in, so is the work — without the
// situational problem, for the reason given with the blank sheet. Any
// order of a packet's sheets ends the day at the last one.
func (h *Hall) ReceiveSheet(c barcode.Code, at time.Time, actor string) ([]Event, error) {
	return h.receive(c, "", at, actor)
}

// ReceiveBlankSituational receives the situational sheet of an examinee
// who drew no situational ticket, blank, with the reason (for example
// "declined the situational problem").
func (h *Hall) ReceiveBlankSituational(c barcode.Code, reason string, at time.Time, actor string) ([]Event, error) {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return nil, refuse(RefuseWithoutSituationalReason)
	}
	return h.receive(c, reason, at, actor)
}

// ReceiveSheetWithTicket records the situational ticket the examinee
// drew and was not recorded, then receives their situational sheet: one
// decision, as if the ticket had been recorded when drawn (§1.6).
func (h *Hall) ReceiveSheetWithTicket(c barcode.Code, ticket string, confirmDuplicate bool, at time.Time, actor string) ([]Event, error) {
	if err := h.open(); err != nil {
		return nil, err
	}
	s, ok := h.sheets[c]
	if !ok {
		return nil, refuse(RefuseSheetUnknown, c.Grouped())
	}
	if !s.Situational() {
		return nil, refuse(RefuseNotSituationalSheet, c.Grouped())
	}
	draw, err := h.DrawSituational(s.Examinee, ticket, confirmDuplicate, at, actor)
	if err != nil {
		return nil, err
	}
	rest, err := h.withTicket(s.Examinee, draw).receive(c, "", at, actor)
	if err != nil {
		return nil, err
	}
	return append([]Event{draw}, rest...), nil
}

// receive is ReceiveSheet; blank, when not empty, is the reason a
// situational sheet comes back without the situational problem.
func (h *Hall) receive(c barcode.Code, blank string, at time.Time, actor string) ([]Event, error) {
	if err := h.open(); err != nil {
		return nil, err
	}
	// Answers are written after the start (§1.3, §2.2 g): before it there
	// is nothing to hand in, and the theory hand-in a last sheet triggers
	// would be refused anyway. A sheet spoilt before the start is voided.
	if !h.Phase.Started() {
		return nil, refuse(RefuseNotStarted)
	}
	s, ok := h.sheets[c]
	switch {
	case !ok:
		return nil, refuse(RefuseSheetUnknown, c.Grouped())
	case s.State == SheetVoided:
		return nil, h.voidedRefusal(s)
	case s.State == SheetReceived:
		e := h.byID[s.Examinee]
		return nil, refuse(RefuseSheetAlreadyReceived, c.Grouped(), e.Seat, s.ReceivedAt)
	case s.State == SheetPrinted:
		return nil, refuse(RefuseSheetNotIssued, c.Grouped())
	}
	e := h.byID[s.Examinee]
	d := SheetReceivedData{Code: c, Question: s.Question}
	switch {
	case blank != "" && !s.Situational():
		return nil, refuse(RefuseNotSituationalSheet, c.Grouped())
	case blank != "" && e.SituationalTicket != "":
		return nil, refuse(RefuseSituationalDrawnAlready, e.FullName, e.SituationalTicket)
	case blank != "":
		d.Blank, d.Reason = true, blank
	case s.Situational() && e.SituationalTicket == "" && e.Status.Sitting():
		return nil, refuse(RefuseSituationalUndrawn, e.FullName, e.Seat)
	case s.Situational() && e.SituationalTicket == "":
		// Handed in without it, or removed: decided already.
		d.Blank, d.Reason = true, e.WithoutSituationalReason
	}
	late := h.lateBy(at)
	if late > 0 {
		d.LateBySeconds = int64(late / time.Second)
	}
	out := []Event{newEvent(TypeSheetReceived, e.ID, actor, at, d)}

	// The examinee's sheets still out once this one is in (a voided sheet
	// is not out: its replacement is), and the reason a situational sheet
	// already in came back blank (the hand-in's reason, if it finishes).
	without := d.Reason
	if !d.Blank {
		without = ""
	}
	theoryLeft, situationalLeft := 0, 0
	for _, code := range h.sheetsBy[e.ID] {
		o := h.sheets[code]
		if o.Examinee != e.ID || o.Code == c {
			continue
		}
		if o.State == SheetReceived && o.Blank && without == "" {
			without = o.BlankReason
		}
		if o.State != SheetIssued {
			continue
		}
		if o.Situational() {
			situationalLeft++
		} else {
			theoryLeft++
		}
	}
	// The theory is handed in by its last sheet only from the theoretical
	// part itself: someone out for emergency medical care (§2.2 d) cannot
	// move on until back, and is handed in by the keys then.
	decider := h
	if theoryLeft == 0 && e.Status == Materials {
		ev, err := h.HandTheoryIn(e.ID, at, actor)
		if err != nil {
			return nil, err
		}
		out = append(out, ev)
		decider = h.afterTheoryIn(e, at)
	}
	// The hand-in is finished by the situational sheet once the theory is
	// in (the theory sheets, handed in by the keys, may be scanned later),
	// or by whichever sheet is the examinee's last one out. Without a
	// situational ticket it is finished only with the blank sheet's
	// reason: a situational sheet received without one (a file written
	// before the question was asked) leaves the hand-in to the officer.
	lastOut := theoryLeft == 0 && situationalLeft == 0
	if (s.Situational() || lastOut) && !e.CodeOut {
		switch st := decider.byID[e.ID].Status; {
		case st == Situational:
			evs, err := decider.HandIn(e.ID, "", at, actor)
			if err != nil {
				return nil, err
			}
			return append(out, evs...), nil // HandIn offers (i) itself when late
		case (st == TheoryIn || st == BackIn) && without != "":
			evs, err := decider.HandInWithoutSituational(e.ID, without, at, actor)
			if err != nil {
				return nil, err
			}
			return append(out, evs...), nil
		}
	}
	// §2.2 i is the examinee's delay: the sheets of someone who already
	// handed in, or was removed and had their materials collected (§2.3),
	// are scanned late by the commission, not handed in late by them.
	if late > 0 && e.Status.Sitting() && !h.lateOffered(e.ID) {
		out = append(out, newEvent(TypeViolationOffered, e.ID, ActorSystem, at, OfferData{Clause: "i", Reason: "late_hand_in", Seconds: d.LateBySeconds}))
	}
	return out, nil
}

// afterTheoryIn is the hall as it will be once the theory hand-in just
// decided for e is applied, to decide the hand-in that follows it in the
// same scan: HandIn asks where the examinee is, and the theory entry is
// not applied yet. A shallow copy whose only difference is e's status;
// nothing of h changes (a decision must not change the hall).
func (h *Hall) afterTheoryIn(e *Examinee, at time.Time) *Hall {
	next := *e
	next.Status, next.TheoryInAt = TheoryIn, at
	return h.withExaminee(&next)
}

// withTicket is the hall as it will be once the situational ticket just
// decided for id (draw) is applied.
func (h *Hall) withTicket(id string, draw Event) *Hall {
	next := *h.byID[id]
	var d SituationalData
	_ = json.Unmarshal(draw.Data, &d) // encoded by DrawSituational a moment ago
	next.Status, next.SituationalTicket, next.SituationalAt = Situational, d.Ticket, draw.At
	return h.withExaminee(&next)
}

// withExaminee is a shallow copy of the hall in which one examinee is
// replaced; the maps it shares are only read.
func (h *Hall) withExaminee(next *Examinee) *Hall {
	c := *h
	c.byID = make(map[string]*Examinee, len(h.byID))
	for id, e := range h.byID {
		c.byID[id] = e
	}
	c.byID[next.ID] = next
	return &c
}

// lateBy is how long after the end (moved by interruptions) at is.
func (h *Hall) lateBy(at time.Time) time.Duration {
	if !h.Phase.Started() {
		return 0
	}
	end := h.End
	if h.Interrupted {
		end = end.Add(at.Sub(h.InterruptedAt))
	}
	if late := at.Sub(end); late >= time.Second {
		return late
	}
	return 0
}

// lateOffered reports whether a late hand-in (i) was already offered for
// the examinee, open or decided: one lateness, one offer.
func (h *Hall) lateOffered(id string) bool {
	if e, ok := h.byID[id]; ok && e.LateOffered {
		return true
	}
	return false
}

// CanVoid says whether the void flow may begin: a hall with sheets printed
// (a spare to replace the spoilt one), open.
func (h *Hall) CanVoid() error {
	if err := h.open(); err != nil {
		return err
	}
	if h.Session == "" {
		return refuse(RefuseNoSheets)
	}
	return nil
}

// CheckVoidReason refuses a void without its reason, as VoidSheet does:
// the flow asks for the reason before the spare is scanned.
func CheckVoidReason(reason string) error {
	if strings.TrimSpace(reason) == "" {
		return refuse(RefuseVoidReason)
	}
	return nil
}

// VoidSheet voids a spoilt issued sheet, with the reason and the chairman's
// agreement, and binds a spare in its place to the same examinee and
// question.
func (h *Hall) VoidSheet(c barcode.Code, reason string, spare barcode.Code, a Agreement, at time.Time, actor string) (Event, error) {
	if err := h.open(); err != nil {
		return Event{}, err
	}
	s, ok := h.sheets[c]
	switch {
	case !ok:
		return Event{}, refuse(RefuseSheetUnknown, c.Grouped())
	case s.State == SheetVoided:
		return Event{}, h.voidedRefusal(s)
	case s.State != SheetIssued:
		return Event{}, refuse(RefuseSheetNotVoidable, c.Grouped(), s.State)
	}
	sp, ok := h.sheets[spare]
	switch {
	case !ok:
		return Event{}, refuse(RefuseSheetUnknown, spare.Grouped())
	case !sp.Spare || sp.State != SheetPrinted:
		return Event{}, refuse(RefuseNotASpare, spare.Grouped())
	}
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return Event{}, refuse(RefuseVoidReason)
	}
	if err := h.agreed(a, at); err != nil {
		return Event{}, err
	}
	return newEvent(TypeSheetVoided, s.Examinee, actor, at, SheetVoidedData{Code: c, Reason: reason, AgreedBy: a.by, Replacement: spare}), nil
}

// SheetCount is an examinee's sheets: issued, received, voided.
type SheetCount struct {
	Issued, Received, Voided int
	Missing                  []*Sheet // issued, not received, not voided
}

// Reconcile counts each examinee's sheets (§1.5: answers only on issued
// sheets, every one accounted for) and lists every sheet not accounted for.
func (h *Hall) Reconcile() map[string]SheetCount {
	out := map[string]SheetCount{}
	for _, s := range h.Sheets() {
		if s.Examinee == "" {
			continue
		}
		n := out[s.Examinee]
		n.add(s)
		out[s.Examinee] = n
	}
	return out
}

// ToBeMarked reports whether a sheet is to be marked: received back from
// an examinee who was not removed from the exam. A removed examinee's
// exam is over (§2.3): their sheets are kept and accounted for, never
// marked.
func (h *Hall) ToBeMarked(s *Sheet) bool {
	if s.State != SheetReceived {
		return false
	}
	e, ok := h.Examinee(s.Examinee)
	return ok && e.Status != Removed
}

// SheetsToMark are the sheets to be marked (ToBeMarked), in the order of
// Sheets; SheetsOfRemoved the received sheets of removed examinees.
func (h *Hall) SheetsToMark() []*Sheet {
	var out []*Sheet
	for _, s := range h.Sheets() {
		if h.ToBeMarked(s) {
			out = append(out, s)
		}
	}
	return out
}

func (h *Hall) SheetsOfRemoved() []*Sheet {
	var out []*Sheet
	for _, s := range h.Sheets() {
		if s.State == SheetReceived && !h.ToBeMarked(s) {
			out = append(out, s)
		}
	}
	return out
}

// TheorySheetsOf counts an examinee's theory sheets (§1.5): given to them
// and received back, and lists those given and not received. A hall
// without barcoded sheets has none to count.
func (h *Hall) TheorySheetsOf(id string) (received, issued int, missing []*Sheet) {
	for _, s := range h.SheetsOf(id) {
		if s.Situational() || s.State == SheetVoided {
			continue
		}
		switch s.State {
		case SheetIssued:
			issued++
			missing = append(missing, s)
		case SheetReceived:
			issued++
			received++
		}
	}
	return received, issued, missing
}

// SheetCountOf counts one examinee's sheets as Reconcile does, from the
// examinee's own sheets only.
func (h *Hall) SheetCountOf(id string) SheetCount {
	var n SheetCount
	for _, s := range h.SheetsOf(id) {
		n.add(s)
	}
	return n
}

// add counts one of the examinee's sheets.
func (n *SheetCount) add(s *Sheet) {
	switch s.State {
	case SheetIssued:
		n.Issued++
		n.Missing = append(n.Missing, s)
	case SheetReceived:
		n.Issued++
		n.Received++
	case SheetVoided:
		n.Voided++
	}
}

// voidedRefusal says why a void sheet is refused: spoilt and replaced
// (naming the replacement), or left unissued by a new print.
func (h *Hall) voidedRefusal(s *Sheet) error {
	if s.ReplacedBy.IsZero() {
		return refuse(RefuseSheetReprinted, s.Code.Grouped(), s.VoidedAt)
	}
	return refuse(RefuseSheetVoided, s.Code.Grouped(), s.ReplacedBy.Grouped())
}

// Shortfall is every answer sheet given out and neither received nor
// voided, in packet and question order.
func (h *Hall) Shortfall() []*Sheet {
	var out []*Sheet
	for _, s := range h.Sheets() {
		if s.State == SheetIssued {
			out = append(out, s)
		}
	}
	return out
}

// applySheets is what a sheet event changes; called from apply.
func (h *Hall) applySheets(ev Event) ([]int, error) {
	switch ev.Type {
	case TypeSheetsPrinted:
		var d SheetsPrintedData
		if err := json.Unmarshal(ev.Data, &d); err != nil {
			return nil, err
		}
		if d.Session != "" {
			if h.Session != "" {
				return nil, fmt.Errorf("session already %s", h.Session)
			}
			h.Session = d.Session
		}
		for _, c := range d.Voided {
			s, ok := h.sheets[c]
			if !ok || s.State != SheetPrinted {
				return nil, fmt.Errorf("sheet %s cannot be voided", c)
			}
			v := *s
			v.State, v.VoidedAt, v.VoidReason = SheetVoided, ev.At, "reprinted"
			h.putSheet(&v)
		}
		for _, p := range d.Packets {
			for i, c := range p.Codes {
				if _, dup := h.sheets[c]; dup {
					return nil, fmt.Errorf("sheet %s printed twice", c)
				}
				h.putSheet(&Sheet{Code: c, Packet: p.Packet, Level: p.Level, Question: i + 1, State: SheetPrinted})
			}
		}
		for _, c := range d.Spares {
			if _, dup := h.sheets[c]; dup {
				return nil, fmt.Errorf("sheet %s printed twice", c)
			}
			h.putSheet(&Sheet{Code: c, Spare: true, State: SheetPrinted})
		}
		return nil, nil

	case TypeSheetVoided:
		var d SheetVoidedData
		if err := json.Unmarshal(ev.Data, &d); err != nil {
			return nil, err
		}
		s, ok1 := h.sheets[d.Code]
		sp, ok2 := h.sheets[d.Replacement]
		if !ok1 || !ok2 || s.State != SheetIssued || !sp.Spare || sp.State != SheetPrinted {
			return nil, fmt.Errorf("void %s for %s does not fit", d.Code, d.Replacement)
		}
		v, r := *s, *sp
		v.State, v.VoidedAt, v.VoidReason, v.ReplacedBy = SheetVoided, ev.At, d.Reason, d.Replacement
		r.State, r.Examinee, r.IssuedAt, r.Replaces = SheetIssued, s.Examinee, ev.At, d.Code
		r.Packet, r.Level, r.Question = s.Packet, s.Level, s.Question
		h.putSheet(&v)
		h.putSheet(&r)
		h.pinRight()
		return nil, nil
	}
	return nil, fmt.Errorf("unknown sheet event %q", ev.Type)
}
