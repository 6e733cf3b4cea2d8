package tui

import (
	"charm.land/bubbles/v2/key"

	"examday/i18n"
)

// KeyMap is every key of the application, as data: the pages match on it
// and the help is generated from it, so the help cannot drift from the
// keys. A new key is a field here, a line in DefaultKeyMap, and a place in
// the page's ShortHelp/FullHelp.
type KeyMap struct {
	// Moving in the roster.
	Up, Down, PageUp, PageDown, Home, End key.Binding

	// Acting on the selected examinee, and on the hall.
	Present, Absent, Materials, Start key.Binding

	// The examinee's day after the start (§1.5, §1.6, §2.1–§2.3), from
	// the dashboard and from their detail view.
	Open, Theory, Out, BackIn, Situational, Code, HandIn, Violation key.Binding
	// Seat: the examinee moves to another seat during the exam.
	Seat key.Binding

	// The hall's day: offered violations, an interruption, the close.
	Offers, Interrupt, CloseHall key.Binding

	// In the examinee's detail view: cancel the selected entry.
	CancelEntry key.Binding

	// The answer sheets (§1.5): void a spoilt sheet and put a spare in its
	// place, and the reconciliation of every sheet given out. TypeCode is
	// for the help only: a code typed on a page (digits, and what the
	// Kazakh layout's digit row types) is read as a scan.
	Void, Reconcile, TypeCode key.Binding

	// The day's files without quitting: print, report, export, sync.
	Files key.Binding

	// Everywhere.
	Board, Help, Lang, Quit, Back, Ack key.Binding

	// In dialogs.
	Yes, No, Confirm, Cancel, Correct, NextField key.Binding
	// Choose moves a choice in a dialog (arrow keys only: letters belong
	// to the text fields); Pick changes a selector such as the decision.
	Choose, Pick key.Binding
	// In the list of offered violations.
	OfferEdit, OfferDismiss key.Binding
	// In the chairman's PIN prompt.
	Erase key.Binding
}

// DefaultKeyMap is the key map with its help in the catalogue's language.
func DefaultKeyMap(c i18n.Catalogue) KeyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, c.T(desc)))
	}
	return KeyMap{
		Up:       b("↑/k", "ui.key.up", layouts("up", "k")...),
		Down:     b("↓/j", "ui.key.down", layouts("down", "j")...),
		PageUp:   b("pgup", "ui.key.page_up", "pgup"),
		PageDown: b("pgdn", "ui.key.page_down", "pgdown"),
		Home:     b("home", "ui.key.home", "home"),
		End:      b("end", "ui.key.end", "end"),

		Present:   b("p", "ui.key.present", layouts("p")...),
		Absent:    b("x", "ui.key.absent", layouts("x")...),
		Materials: b("m", "ui.key.materials", layouts("m")...),
		Start:     b("s", "ui.key.start", layouts("s")...),

		Open:        b("enter", "ui.key.open", "enter"),
		Theory:      b("t", "ui.key.theory", layouts("t")...),
		Out:         b("o", "ui.key.out", layouts("o")...),
		BackIn:      b("i", "ui.key.back_in", layouts("i")...),
		Situational: b("d", "ui.key.situational", layouts("d")...),
		Code:        b("c", "ui.key.code", layouts("c")...),
		HandIn:      b("h", "ui.key.hand_in", layouts("h")...),
		Violation:   b("v", "ui.key.violation", layouts("v")...),
		Seat:        b("S", "ui.key.seat", layouts("S")...),
		Offers:      b("r", "ui.key.offers", layouts("r")...),
		Interrupt:   b("I", "ui.key.interrupt", layouts("I")...),
		CloseHall:   b("C", "ui.key.close", layouts("C")...),
		CancelEntry: b("u/del", "ui.key.cancel_entry", layouts("u", "delete")...),
		Void:        b("V", "ui.key.void", layouts("V")...),
		Reconcile:   b("R", "ui.key.reconcile", layouts("R")...),
		TypeCode:    b("0-9", "ui.key.type_code", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
		Files:       b("F", "ui.key.files", layouts("F")...),

		Board: b("b", "ui.key.board", layouts("b")...),
		Help:  b("?", "ui.key.help", "?"),
		Lang:  b("L", "ui.key.lang", layouts("L")...),
		Quit:  b("q", "ui.key.quit", layouts("q", "ctrl+c")...),
		Back:  b("esc", "ui.key.back", "esc"),
		Ack:   b("a", "ui.key.ack", layouts("a")...),

		Yes:       b("y", "ui.key.yes", layouts("y")...),
		No:        b("n/esc", "ui.key.no", layouts("n", "esc")...),
		Confirm:   b("enter", "ui.key.confirm", "enter"),
		Cancel:    b("esc", "ui.key.cancel", "esc"),
		Correct:   b("c", "ui.key.correct", layouts("c")...),
		NextField: b("tab", "ui.key.next_field", "tab", "shift+tab"),

		Choose:       b("↑/↓", "ui.key.choose", "up", "down"),
		Pick:         b("←/→", "ui.key.pick", "left", "right", "space"),
		OfferEdit:    b("e", "ui.key.offer_edit", layouts("e")...),
		OfferDismiss: b("d", "ui.key.offer_dismiss", layouts("d")...),
		Erase:        b("⌫", "ui.key.erase", "backspace"),
	}
}

// cyrillic is where a key of the US layout sits on the Russian and Kazakh
// layouts (ЙЦУКЕН; the Kazakh layout differs only in the digit row), so
// that a letter key works whatever layout the laptop is switched to.
var cyrillic = map[rune]rune{
	'q': 'й', 'w': 'ц', 'e': 'у', 'r': 'к', 't': 'е', 'y': 'н', 'u': 'г', 'i': 'ш', 'o': 'щ', 'p': 'з',
	'a': 'ф', 's': 'ы', 'd': 'в', 'f': 'а', 'g': 'п', 'h': 'р', 'j': 'о', 'k': 'л', 'l': 'д',
	'z': 'я', 'x': 'ч', 'c': 'с', 'v': 'м', 'b': 'и', 'n': 'т', 'm': 'ь',
}

// layouts returns the keys with, for each single letter, the letter the
// same key types on the Cyrillic layouts.
func layouts(keys ...string) []string {
	out := append([]string(nil), keys...)
	for _, k := range keys {
		r := []rune(k)
		if len(r) != 1 {
			continue
		}
		lower := r[0]
		upper := false
		if lower >= 'A' && lower <= 'Z' {
			lower, upper = lower+'a'-'A', true
		}
		c, ok := cyrillic[lower]
		if !ok {
			continue
		}
		if upper {
			c = []rune(string(c))[0] - 'а' + 'А'
		}
		out = append(out, string(c))
	}
	return out
}
