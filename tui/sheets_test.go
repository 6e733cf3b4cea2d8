package tui

import (
	"github.com/charmbracelet/x/exp/golden"

	"slices"
	"testing"

	"examday/barcode"
	"examday/exam"
	"examday/i18n"
	"examday/store/storetest"
)

// Step 4 of the day: the materials step takes the ticket typed and a scan
// of any sheet of a packet, and records both in one entry; the whole
// packet is bound to the examinee.
func TestMaterialsBindTheScannedPacketWithTheTicket(t *testing.T) {
	s := newSheetsHall(t, sheetsMorning)
	a := run(t, s, newClock("08:46:00"), i18n.EN, 80, 24)
	packet := printedPacket(t, s, "M-01")
	a.press("m")
	a.typeText("17")
	a.scan(packet, "kz")
	a.press("enter")
	r := a.ok("the materials")
	if len(r.records) != 1 || r.records[0].Event.Type != exam.TypeMaterialsIssued {
		t.Fatalf("recorded %+v", r.records)
	}
	d := decode[exam.MaterialsIssuedData](t, r.records[0].Event)
	if d.Ticket != "17" || d.Packet == "" {
		t.Errorf("materials %+v, want ticket 17 and a packet", d)
	}
	m := a.final()
	sheets := m.ctx.Hall.SheetsOf("M-01")
	if len(sheets) != 4 {
		t.Fatalf("%d sheets bound to M-01, want the packet of 4", len(sheets))
	}
	for i, sh := range sheets {
		if sh.State != exam.SheetIssued || sh.Question != i+1 || !sh.IssuedAt.Equal(at("08:46:00")) {
			t.Errorf("sheet %d: %+v", i+1, sh)
		}
	}
	if want := en.T("ui.done.materials_packet", "Әлия Қасымқызы Нұрланова", "17", packet.Grouped(), 4); m.status.text != want {
		t.Errorf("the status says %q, want %q", m.status.text, want)
	}
}

// A packet the rules refuse is refused where it is scanned, with the
// reason, and nothing changes: a doctoral packet for a master's examinee,
// one already given to someone else, a spare.
func TestMaterialsRefuseAPacketThatCannotBeBound(t *testing.T) {
	s := newSheetsHall(t, sheetsMorning)
	danas := printedPacket(t, s, "M-03")
	rec1(t, s, func(h *exam.Hall) (exam.Event, error) {
		return h.IssueMaterialsWithSheet("M-03", "5", danas, at("08:45:00"), officer)
	})
	for _, tc := range []struct {
		name string
		code barcode.Code
		want string
	}{
		{"other level", printedPacket(t, s, "D-01"), "belongs to a doctoral packet; this examinee sits the master's exam"},
		{"bound elsewhere", sheetOf(t, s, "M-03", 4), "is already given to seat 3, Dana Serikovna Akhmetova"},
		{"spare", spares(t, s)[0], "is a spare"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := len(events(t, s))
			a := run(t, s, newClock("08:46:00"), i18n.EN, 80, 24)
			a.press("m")
			a.typeText("17")
			a.scan(tc.code, "us")
			a.press("enter")
			m := a.final()
			text := dialogText(screen(m))
			if !contains(text, tc.want) {
				t.Errorf("the form does not say %q:\n%s", tc.want, text)
			}
			if _, ok := m.dialog.(*materialsForm); !ok {
				t.Errorf("the form closed")
			}
			if after := len(events(t, s)); after != before {
				t.Errorf("%d events written", after-before)
			}
		})
	}
}

// Before the sheets are printed, the materials step records the ticket
// alone, and says that no packet is bound.
func TestMaterialsWithoutSheetsRecordTheTicketAlone(t *testing.T) {
	s, _ := newHall(t, morning)
	a := run(t, s, newClock("08:46:00"), i18n.EN, 80, 24)
	a.press("down", "down", "m")
	a.typeText("42")
	a.press("enter")
	r := a.ok("the materials")
	if d := decode[exam.MaterialsIssuedData](t, r.records[0].Event); d.Ticket != "42" || d.Packet != "" {
		t.Errorf("materials %+v", d)
	}
	m := a.final()
	if want := en.T("ui.done.materials_no_packet", "Dana Serikovna Akhmetova", "42"); m.status.text != want {
		t.Errorf("the status says %q, want %q", m.status.text, want)
	}
}

// The void flow: the spoilt sheet scanned, the reason, the spare scanned,
// the chairman's PIN; the spare takes the spoilt sheet's place, and the
// spoilt sheet scanned later is refused naming its replacement.
func TestVoidReplacesASpoiltSheetWithASpare(t *testing.T) {
	s := newSheetsHall(t, sheetsRunning)
	spoilt, spare := sheetOf(t, s, "M-04", 2), spares(t, s)[1]
	a := run(t, s, newClock("10:05:00"), i18n.EN, 80, 24)
	a.press("V")
	a.scan(spoilt, "us")
	a.typeText("ink spilt over the answer")
	a.press("enter")
	a.scan(spare, "kz")
	a.typeAndEnter(chairmanPIN)
	r := a.ok("the void")
	if len(r.records) != 1 || r.records[0].Event.Type != exam.TypeSheetVoided {
		t.Fatalf("recorded %+v", r.records)
	}
	d := decode[exam.SheetVoidedData](t, r.records[0].Event)
	if d.Code != spoilt || d.Replacement != spare || d.Reason != "ink spilt over the answer" || d.AgreedBy != chairman {
		t.Errorf("voided %+v", d)
	}
	a.scan(spoilt, "us")
	refused := a.waitScanned()
	if !refusedWith(refused.err, exam.RefuseSheetVoided) {
		t.Errorf("the void sheet scanned: %v", refused.err)
	}
	a.scan(spare, "us")
	a.scanOK()
	m := a.final()
	text := screen(m)
	if want := "✔ Seat 4 — Question 2 of 3 received 10:05:00"; !contains(text, want) {
		t.Errorf("the spare is not received as question 2:\n%s", text)
	}
	if got := received(t, s); !slices.Equal(got, []barcode.Code{spare}) {
		t.Errorf("received %v", got)
	}
}

// A sheet that cannot be voided, or a spare that is none, is refused at
// its step, with the reason; the flow waits there.
func TestVoidRefusesAtTheStepThatIsWrong(t *testing.T) {
	s := newSheetsHall(t, sheetsRunning)
	a := run(t, s, newClock("10:05:00"), i18n.EN, 80, 24)
	a.press("V")
	a.scan(spares(t, s)[0], "us") // a spare is not given out
	a.scan(sheetOf(t, s, "M-01", 1), "us")
	a.typeText("torn")
	a.press("enter")
	a.scan(sheetOf(t, s, "M-03", 1), "us") // not a spare
	a.pause()
	m := a.final()
	f, ok := m.dialog.(*voidFlow)
	if !ok || f.step != voidSpare {
		t.Fatalf("dialog %T", m.dialog)
	}
	if want := en.T("refusal.not_a_spare", sheetOf(t, s, "M-03", 1).Grouped()); f.err != want {
		t.Errorf("error %q, want %q", f.err, want)
	}
	if n := len(ofType(events(t, s), exam.TypeSheetVoided)); n != 0 {
		t.Errorf("%d voids", n)
	}
}

// Step 11: closing with sheets given out and not back asks for the reason
// and the chairman's PIN, and the closing entry names each sheet.
func TestCloseWithSheetsMissingNeedsAReasonAndThePIN(t *testing.T) {
	s := newSheetsHall(t, sheetsRunning)
	var missing []barcode.Code
	for _, id := range []string{"M-01", "M-03", "M-04", "D-01"} {
		for _, sh := range s.Hall().SheetsOf(id) {
			if sh.Situational() {
				missing = append(missing, sh.Code)
				continue
			}
			rec(t, s, func(h *exam.Hall) ([]exam.Event, error) {
				return storetest.HandBack(h, sh.Code, at("10:00:00"), officer)
			})
		}
		rec(t, s, handIn(id, "10:30:00"))
	}
	a := run(t, s, newClock("11:00:00"), i18n.EN, 80, 24)
	a.press("C")
	a.press("y")
	a.typeText("four sheets left on the desks, not found")
	a.press("enter")
	a.typeAndEnter(chairmanPIN)
	a.ok("the close")
	a.final()
	closed := ofType(events(t, s), exam.TypeHallClosed)
	if len(closed) != 1 {
		t.Fatalf("%d closes", len(closed))
	}
	d := decode[exam.ClosedData](t, closed[0])
	slices.SortFunc(missing, func(x, y barcode.Code) int { return compareCodes(x, y) })
	slices.SortFunc(d.Shortfall, func(x, y barcode.Code) int { return compareCodes(x, y) })
	if !slices.Equal(d.Shortfall, missing) || d.ShortfallReason != "four sheets left on the desks, not found" || d.AgreedBy != chairman {
		t.Errorf("closed %+v, want the %d situational sheets", d, len(missing))
	}
}

func compareCodes(x, y barcode.Code) int {
	switch {
	case x.String() < y.String():
		return -1
	case x.String() > y.String():
		return 1
	}
	return 0
}

// The situational sheet of an examinee with no situational ticket on
// record is never taken silently (their day would read both "sheet in"
// and "without the situational problem"): the scan asks. Esc records
// nothing; the answer "handed in without it", with its reason, receives
// the sheet blank and finishes the work for that reason; the hand-in key
// asks the same, and the ticket typed there is recorded with the hand-in.
func TestASituationalSheetWithoutATicketIsAskedNeverTakenSilently(t *testing.T) {
	s := newSheetsHall(t, sheetsRunning)
	theorySheetsIn(t, s)
	// Dana (M-03) has the theory in by the keys.
	rec1(t, s, func(h *exam.Hall) (exam.Event, error) { return h.HandTheoryIn("M-03", at("11:00:00"), officer) })
	a := run(t, s, newClock("11:20:00"), i18n.EN, 80, 24)
	situational := sheetOf(t, s, "M-01", 4)
	before := len(events(t, s))

	scanSituationalUndrawn(t, a, s)
	a.press("esc")
	a.pause()
	scanSituationalUndrawn(t, a, s) // asked again: nothing was taken
	if n := len(events(t, s)); n != before {
		t.Fatalf("asking recorded %d events", n-before)
	}
	a.press("down")
	a.typeText("  declined the situational problem ")
	a.press("enter")
	if r := a.scanOK(); r.code != situational {
		t.Fatalf("the answer was taken as the scan of %s", r.code.Grouped())
	}

	// Dana's hand-in by the key asks too.
	a.press("down", "down", "h")
	a.typeText("23")
	a.press("enter")
	a.waitRecorded(recordAction)
	a.final()

	evs := events(t, s)
	in := ofType(evs, exam.TypeSheetReceived)
	blank := decode[exam.SheetReceivedData](t, in[len(in)-1])
	if blank.Code != situational || !blank.Blank || blank.Reason != "declined the situational problem" {
		t.Errorf("the situational sheet was received as %+v", blank)
	}
	hands := ofType(evs, exam.TypeHandedIn)
	if len(hands) != 2 {
		t.Fatalf("%d hand-ins, want Әлия's and Dana's", len(hands))
	}
	if d := decode[exam.HandedInData](t, hands[0]); hands[0].Examinee != "M-01" || !d.WithoutSituational || d.WithoutSituationalReason != blank.Reason {
		t.Errorf("Әлия's hand-in %+v", d)
	}
	draws := ofType(evs, exam.TypeSituationalDrawn)
	if len(draws) != 1 || draws[0].Examinee != "M-03" || decode[exam.SituationalData](t, draws[0]).Ticket != "23" {
		t.Errorf("situational tickets recorded: %+v", draws)
	}
	if d := decode[exam.HandedInData](t, hands[1]); hands[1].Examinee != "M-03" || d.WithoutSituational {
		t.Errorf("Dana's hand-in %+v, with ticket 23 recorded", d)
	}
}

// A seat change is one key, two fields and Enter: the examinee moves, the
// roster shows the new seat, the day lists the move with its reason, and
// a seat someone in the room holds is refused in the dialog.
func TestASeatChangeIsAnEntryOfTheDay(t *testing.T) {
	s := newSheetsHall(t, sheetsRunning)
	a := run(t, s, newClock("10:40:00"), i18n.EN, 80, 24)
	a.press("S")
	a.typeText("3")
	a.pause()
	a.press("tab")
	a.typeText("the desk is broken")
	a.press("enter")
	if r := a.waitRecorded(recordAction); !refusedWith(r.err, exam.RefuseSeatTaken) {
		t.Fatalf("seat 3 (Dana's) was not refused: %v", r.err)
	}
	a.press("tab")
	a.press("backspace")
	a.typeText("7")
	a.pause()
	a.press("enter")
	if r := a.waitRecorded(recordAction); r.err != nil {
		t.Fatalf("the seat change: %v", r.err)
	}
	a.press("enter")
	m := a.final()
	moves := ofType(events(t, s), exam.TypeSeatChanged)
	if len(moves) != 1 || decode[exam.SeatChangedData](t, moves[0]) != (exam.SeatChangedData{From: "1", To: "7", Reason: "the desk is broken"}) {
		t.Fatalf("seat changes in the log: %+v", moves)
	}
	text := screen(m)
	for _, want := range []string{"seat 7", "moved from seat 1 to seat 7: the desk is broken"} {
		if !contains(text, want) {
			t.Errorf("the detail does not say %q:\n%s", want, text)
		}
	}
	golden.RequireEqual(t, []byte(text))
}
