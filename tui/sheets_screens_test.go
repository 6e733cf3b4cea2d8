package tui

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/exp/golden"

	"examday/barcode"
	"examday/exam"
	"examday/i18n"
	"examday/store"
	"examday/store/storetest"
)

// The screens of the answer sheets at 80×24, compared with their golden
// files in testdata/TestSheetScreens/ (refresh with -update and read the
// diff like code). The sheets are printed from a seeded source, so the
// codes on screen are the same every run.
func TestSheetScreens(t *testing.T) {
	cases := []struct {
		name  string
		lang  i18n.Lang
		stage sheetStage
		clock string
		setup func(t testing.TB, s *store.Store)
		do    func(t *testing.T, a *app, s *store.Store)
	}{
		{name: "en/materials_packet", stage: sheetsMorning, clock: "08:46:00", do: materialsWithPacket},
		{name: "ru/materials_packet", lang: i18n.RU, stage: sheetsMorning, clock: "08:46:00", do: materialsWithPacket},
		{name: "en/materials_refused", stage: sheetsMorning, clock: "08:46:00", do: func(t *testing.T, a *app, s *store.Store) {
			a.press("m")
			a.typeText("17")
			a.scan(printedPacket(t, s, "D-01"), "us")
			a.pause()
		}},
		{name: "en/scan_accepted", stage: sheetsRunning, clock: "10:42:05", setup: twoTheorySheetsIn, do: scanThirdTheorySheet},
		{name: "ru/scan_accepted", lang: i18n.RU, stage: sheetsRunning, clock: "10:42:05", setup: twoTheorySheetsIn, do: scanThirdTheorySheet},
		{name: "kk/scan_accepted", lang: i18n.KK, stage: sheetsRunning, clock: "10:42:05", setup: twoTheorySheetsIn, do: scanThirdTheorySheet},
		{name: "en/scan_over_form", stage: sheetsRunning, clock: "10:42:05", setup: twoTheorySheetsIn, do: func(t *testing.T, a *app, s *store.Store) {
			a.press("v", "enter")
			a.typeText("phone on the desk")
			scanThirdTheorySheet(t, a, s)
		}},
		{name: "en/scan_refused", stage: sheetsRunning, clock: "10:50:00", setup: twoTheorySheetsIn, do: func(t *testing.T, a *app, s *store.Store) {
			a.scan(sheetOf(t, s, "M-01", 2), "kz")
			a.waitScanned()
		}},
		{name: "en/scan_not_read", stage: sheetsRunning, clock: "10:50:00", do: func(t *testing.T, a *app, s *store.Store) {
			a.burst(badCheckDigit(sheetOf(t, s, "M-01", 2)), "enter")
			a.pause()
		}},
		{name: "en/scan_voided", stage: sheetsRunning, clock: "10:50:00", setup: someSheetsIn, do: func(t *testing.T, a *app, s *store.Store) {
			a.scan(voidedSheet(t, s), "us")
			a.waitScanned()
		}},
		{name: "en/reconcile", stage: sheetsRunning, clock: "11:00:00", setup: someSheetsIn, do: pressKeys("R")},
		{name: "ru/reconcile", lang: i18n.RU, stage: sheetsRunning, clock: "11:00:00", setup: someSheetsIn, do: pressKeys("R")},
		{name: "kk/reconcile", lang: i18n.KK, stage: sheetsRunning, clock: "11:00:00", setup: someSheetsIn, do: pressKeys("R")},
		{name: "en/detail_sheets", stage: sheetsRunning, clock: "11:00:00", setup: someSheetsIn, do: pressKeys("down", "down", "down", "enter")},
		{name: "en/void_spoilt", stage: sheetsRunning, clock: "10:05:00", do: pressKeys("V")},
		{name: "en/void_reason", stage: sheetsRunning, clock: "10:05:00", do: func(t *testing.T, a *app, s *store.Store) {
			a.press("V")
			a.scan(sheetOf(t, s, "M-04", 2), "us")
			a.typeText("ink spilt over the answer")
		}},
		{name: "kk/void_reason", lang: i18n.KK, stage: sheetsRunning, clock: "10:05:00", do: func(t *testing.T, a *app, s *store.Store) {
			a.press("V")
			a.scan(sheetOf(t, s, "M-04", 2), "kz")
			a.typeText("сия төгілді")
			a.pause()
		}},
		{name: "en/void_pin", stage: sheetsRunning, clock: "10:05:00", do: func(t *testing.T, a *app, s *store.Store) {
			a.press("V")
			a.scan(sheetOf(t, s, "M-04", 2), "us")
			a.typeText("ink spilt over the answer")
			a.press("enter")
			a.scan(spares(t, s)[0], "us")
			a.pause()
		}},
		{name: "en/undrawn_asks", stage: sheetsRunning, clock: "11:20:00", setup: theorySheetsIn, do: scanSituationalUndrawn},
		{name: "ru/undrawn_asks", lang: i18n.RU, stage: sheetsRunning, clock: "11:20:00", setup: theorySheetsIn, do: scanSituationalUndrawn},
		{name: "kk/undrawn_asks", lang: i18n.KK, stage: sheetsRunning, clock: "11:20:00", setup: theorySheetsIn, do: scanSituationalUndrawn},
		{name: "en/undrawn_ticket", stage: sheetsRunning, clock: "11:20:00", setup: theorySheetsIn, do: func(t *testing.T, a *app, s *store.Store) {
			scanSituationalUndrawn(t, a, s)
			a.typeText("14")
			a.press("enter")
			a.scanOK()
		}},
		{name: "en/undrawn_blank_detail", stage: sheetsRunning, clock: "11:20:00", setup: theorySheetsIn, do: func(t *testing.T, a *app, s *store.Store) {
			scanSituationalUndrawn(t, a, s)
			a.press("down")
			a.typeText("declined the situational problem")
			a.press("enter")
			a.scanOK()
			a.press("enter")
		}},
		{name: "en/undrawn_hand_in", stage: sheetsRunning, clock: "11:20:00", setup: theorySheetsIn, do: pressKeys("h")},
		{name: "en/close_shortfall", stage: sheetsRunning, clock: "11:00:00", setup: everyoneHandedInButTheSituational, do: pressKeys("C")},
		{name: "en/help_sheets", stage: sheetsRunning, clock: "11:00:00", do: pressKeys("R", "?")},
		{name: "en/removed_collect", stage: sheetsRunning, clock: "10:50:00", setup: twoTheorySheetsIn, do: removeFirst},
		{name: "ru/removed_collect", lang: i18n.RU, stage: sheetsRunning, clock: "10:50:00", setup: twoTheorySheetsIn, do: removeFirst},
		{name: "kk/removed_collect", lang: i18n.KK, stage: sheetsRunning, clock: "10:50:00", setup: twoTheorySheetsIn, do: removeFirst},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := newSheetsHall(t, tc.stage)
			if tc.setup != nil {
				tc.setup(t, s)
			}
			lang := tc.lang
			if lang == "" {
				lang = i18n.EN
			}
			a := run(t, s, newClock(tc.clock), lang, 80, 24)
			tc.do(t, a, s)
			got := screen(a.final())
			lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
			if len(lines) > 24 {
				t.Errorf("%d lines on a screen of 24", len(lines))
			}
			for i, l := range lines {
				if lipgloss.Width(l) > 80 {
					t.Errorf("line %d is %d wide: %q", i+1, lipgloss.Width(l), l)
				}
			}
			golden.RequireEqual(t, []byte(got))
		})
	}
}

func pressKeys(keys ...string) func(t *testing.T, a *app, s *store.Store) {
	return func(t *testing.T, a *app, s *store.Store) { a.press(keys...) }
}

func materialsWithPacket(t *testing.T, a *app, s *store.Store) {
	a.press("m")
	a.typeText("17")
	a.scan(printedPacket(t, s, "M-01"), "kz")
	a.pause()
}

// twoTheorySheetsIn: Әлия's first two theory sheets received at 10:31
// and 10:35.
func twoTheorySheetsIn(t testing.TB, s *store.Store) {
	receive(t, s, sheetOf(t, s, "M-01", 1), "10:31:00")
	receive(t, s, sheetOf(t, s, "M-01", 2), "10:35:00")
}

// theorySheetsIn: Әлия's three theory sheets received, which hand her
// theory in (§1.5); she has drawn no situational ticket.
func theorySheetsIn(t testing.TB, s *store.Store) {
	for q := 1; q <= 3; q++ {
		receive(t, s, sheetOf(t, s, "M-01", q), "10:3"+string(rune('0'+q))+":00")
	}
}

// scanSituationalUndrawn scans Әлия's situational sheet: with no ticket on
// record the program asks what happened.
func scanSituationalUndrawn(t *testing.T, a *app, s *store.Store) {
	a.scan(sheetOf(t, s, "M-01", 4), "us")
	if m := a.waitScanned(); !refusedWith(m.err, exam.RefuseSituationalUndrawn) {
		t.Fatalf("the situational sheet without a ticket: %v", m.err)
	}
	a.pause()
}

func scanThirdTheorySheet(t *testing.T, a *app, s *store.Store) {
	a.scan(sheetOf(t, s, "M-01", 3), "kz")
	a.scanOK()
}

func receive(t testing.TB, s *store.Store, code barcode.Code, hms string) {
	t.Helper()
	rec(t, s, func(h *exam.Hall) ([]exam.Event, error) { return storetest.HandBack(h, code, at(hms), officer) })
}

// someSheetsIn: Әлия all four sheets in (and so finished); Dana two of
// three theory sheets; Ғалым's second sheet spoilt at 10:05 and replaced
// by a spare, his first received; Құралай nothing yet.
func someSheetsIn(t testing.TB, s *store.Store) {
	for q, hms := range []string{"10:31:00", "10:35:00", "10:40:00", "10:52:00"} {
		receive(t, s, sheetOf(t, s, "M-01", q+1), hms)
	}
	receive(t, s, sheetOf(t, s, "M-03", 1), "10:33:00")
	receive(t, s, sheetOf(t, s, "M-03", 2), "10:45:00")
	spoilt, spare := sheetOf(t, s, "M-04", 2), spares(t, s)[0]
	rec1(t, s, func(h *exam.Hall) (exam.Event, error) {
		return h.VoidSheet(spoilt, "ink spilt over the answer", spare, agree(t, h), at("10:05:00"), officer)
	})
	receive(t, s, sheetOf(t, s, "M-04", 1), "10:47:00")
}

// voidedSheet is the sheet someSheetsIn voided.
func voidedSheet(t testing.TB, s *store.Store) barcode.Code {
	for _, sh := range s.Hall().SheetsOf("M-04") {
		if sh.State == exam.SheetVoided {
			return sh.Code
		}
	}
	t.Fatal("nothing voided")
	return barcode.Code{}
}

// everyoneHandedInButTheSituational: every theory sheet received, the
// work handed in by the hand-in key, the situational sheets not scanned.
func everyoneHandedInButTheSituational(t testing.TB, s *store.Store) {
	for _, id := range []string{"M-01", "M-03", "M-04", "D-01"} {
		for _, sh := range s.Hall().SheetsOf(id) {
			if !sh.Situational() {
				receive(t, s, sh.Code, "10:00:00")
			}
		}
		rec(t, s, handIn(id, "10:30:00"))
	}
}

// The roster shows each examinee's received of issued sheets, so a
// hand-in scanned in part is seen at a glance: 2 of 4 after two theory
// sheets, 3 of 4 after the third.
func TestTheRosterShowsReceivedOfIssuedSheets(t *testing.T) {
	s := newSheetsHall(t, sheetsRunning)
	twoTheorySheetsIn(t, s)
	a := run(t, s, newClock("10:42:05"), i18n.EN, 120, 24)
	a.press("pause")
	m := a.final()
	row := func(got, seat string) string {
		for _, l := range strings.Split(got, "\n") {
			if f := strings.Fields(strings.TrimPrefix(strings.TrimPrefix(l, markerSelected), markerNone)); len(f) > 0 && f[0] == seat {
				return l
			}
		}
		return ""
	}
	got := screen(m)
	if r := row(got, "1"); !strings.Contains(r, " 2/4 ") {
		t.Errorf("seat 1 after two theory sheets: %q; want 2/4", r)
	}
	if !strings.Contains(got, "Sheets") {
		t.Errorf("no Sheets column:\n%s", got)
	}
}

// On a wide terminal the name takes what the longest names need, not
// everything left: at 200 columns it gave a name 116 characters.
func TestAWideRosterSharesTheRoomBeyondTheName(t *testing.T) {
	s := newSheetsHall(t, sheetsRunning)
	a := run(t, s, newClock("10:42:05"), i18n.EN, 200, 24)
	a.press("pause")
	got := screen(a.final())
	for _, l := range strings.Split(got, "\n") {
		if name, prog := strings.Index(l, "Name"), strings.Index(l, "Programme"); name >= 0 && prog > name {
			if w := lipgloss.Width(l[name:prog]); w > maxNameWidth+1 {
				t.Errorf("the name column is %d wide at 200 columns: %q", w, l)
			}
			return
		}
	}
	t.Errorf("no roster header:\n%s", got)
}

// removeFirst removes the first examinee for a violation (§2.3): the
// notice lists what to collect, the sheets by their codes.
func removeFirst(t *testing.T, a *app, s *store.Store) {
	a.press("home", "v", "enter")
	a.typeText("used a smartphone")
	a.press("tab")
	a.typeText("Кузнецов Д. А.")
	a.press("tab", "tab", "right", "enter")
	a.typeText(chairmanPIN)
	a.press("enter")
	a.waitRecorded(recordAction)
}
