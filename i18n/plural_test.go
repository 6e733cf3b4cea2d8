package i18n

import (
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The numbers whose words differ somewhere: 0 and 5 (Russian many), 1
// (one everywhere), 2 and 22 (few), 11 (many, not one), 21 and 101 (one
// in Russian, other in English), 25 (many).
var pluralNumbers = []int{0, 1, 2, 5, 11, 21, 22, 25, 101}

// category is the CLDR plural category of a whole number n, written out
// here from the rules (unicode.org/cldr, plurals.xml) so that the test
// does not ask x/text what x/text does: Russian one is n%10 = 1 and
// n%100 ≠ 11, few n%10 = 2..4 and n%100 ≠ 12..14, many the rest; English
// and Kazakh one is n = 1.
func category(l Lang, n int) string {
	if l == RU {
		switch {
		case n%10 == 1 && n%100 != 11:
			return "one"
		case n%10 >= 2 && n%10 <= 4 && (n%100 < 12 || n%100 > 14):
			return "few"
		}
		return "many"
	}
	if n == 1 {
		return "one"
	}
	return "other"
}

func (f Forms) of(category string) string {
	switch category {
	case "one":
		return f.One
	case "few":
		return f.Few
	case "many":
		return f.Many
	}
	return f.Other
}

var wordName = regexp.MustCompile(`\$\{(\w+)\}`)

// names are the ${name}s of a text.
func names(text string) []string {
	var out []string
	for _, m := range wordName.FindAllStringSubmatch(text, -1) {
		out = append(out, m[1])
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Each plural entry gives, in each language, forms for exactly the words
// its text names, and all the forms of that language's categories and no
// others (x/text refuses a Few in English at start-up; this says which
// form is missing); each count is an argument its text prints with %d.
func TestPluralEntriesGiveEveryFormOfTheirLanguage(t *testing.T) {
	if len(plurals) < 50 {
		t.Errorf("only %d plural entries", len(plurals))
	}
	for k, p := range plurals {
		en := verbs(p.EN)
		named := map[string]bool{}
		for _, l := range Langs {
			text := p.in(l)
			if text == "" {
				continue
			}
			var given []string
			for name, c := range p.Words {
				if c.in(l) != (Forms{}) {
					given = append(given, name)
				}
			}
			slices.Sort(given)
			if used := names(text); !slices.Equal(used, given) {
				t.Errorf("%s %s: the text names %q, the words are given for %q", k, l, used, given)
			}
			for _, name := range given {
				named[name] = true
				f := p.Words[name].in(l)
				want := map[string]bool{"one": true, "other": true, "few": l == RU, "many": l == RU}
				for _, cat := range []string{"one", "few", "many", "other"} {
					if has := f.of(cat) != ""; has != want[cat] {
						t.Errorf("%s %s ${%s}: %s form %q; %s has it: %v", k, l, name, cat, f.of(cat), l, want[cat])
					}
					if strings.ContainsAny(f.of(cat), "%$") {
						t.Errorf("%s %s ${%s}: the %s form %q holds a verb or a name: forms are words", k, l, name, cat, f.of(cat))
					}
				}
			}
		}
		for name, c := range p.Words {
			if !named[name] {
				t.Errorf("%s: ${%s} is named by no language", k, name)
			}
			if c.Arg < 1 || c.Arg > len(en) || !strings.HasSuffix(en[c.Arg-1], "d") {
				t.Errorf("%s: ${%s} counts argument %d, which is not a %%d of %q", k, name, c.Arg, p.EN)
			}
		}
	}
}

// A representative set of plural entries over the numbers that differ, in
// every language: the domain's refusals, the screen, the command line,
// one count or several, the number before or after its words.
func TestPluralWordsAgreeWithTheNumber(t *testing.T) {
	for _, tc := range []struct {
		key        string
		args       func(n int) []any
		en, ru, kk Forms // the text, or a part of it, with %d for the number
	}{
		{"roster.header", one,
			Forms{One: "imported: %d problem.", Other: "imported: %d problems."},
			Forms{One: "импортирован: %d ошибка.", Few: "импортирован: %d ошибки.", Many: "импортирован: %d ошибок."},
			Forms{One: "импортталмады: %d қате.", Other: "импортталмады: %d қате."}},
		{"cli.bundle.size", one,
			Forms{One: "Log size: %d event", Other: "Log size: %d events"},
			Forms{One: "Размер журнала: %d событие", Few: "Размер журнала: %d события", Many: "Размер журнала: %d событий"},
			Forms{One: "Журнал өлшемі: %d оқиға", Other: "Журнал өлшемі: %d оқиға"}},
		{"ui.warning.minutes", one,
			Forms{One: "%d MINUTE LEFT", Other: "%d MINUTES LEFT"},
			Forms{One: "ОСТАЛАСЬ %d МИНУТА", Few: "ОСТАЛОСЬ %d МИНУТЫ", Many: "ОСТАЛОСЬ %d МИНУТ"},
			Forms{One: "%d МИНУТ ҚАЛДЫ", Other: "%d МИНУТ ҚАЛДЫ"}},
		{"ui.pin.locked_now", func(n int) []any { return []any{n, "09:00:00"} },
			Forms{One: "Wrong PIN %d time in a row", Other: "Wrong PIN %d times in a row"},
			Forms{One: "Неверный PIN-код %d раз подряд", Few: "Неверный PIN-код %d раза подряд", Many: "Неверный PIN-код %d раз подряд"},
			Forms{One: "қатарынан %d рет қате", Other: "қатарынан %d рет қате"}},
		{"refusal.pin_short", one,
			Forms{One: "at least %d digit.", Other: "at least %d digits."},
			Forms{One: "не менее %d цифры.", Few: "не менее %d цифр.", Many: "не менее %d цифр."},
			Forms{One: "кемінде %d цифрдан", Other: "кемінде %d цифрдан"}},
		{"cli.sheets.recorded", func(n int) []any { return []any{n, n, n} },
			Forms{One: "%d new packet, %d new spare sheet, %d old sheet voided.", Other: "%d new packets, %d new spare sheets, %d old sheets voided."},
			Forms{One: "новых пакетов — %d,", Few: "новых пакетов — %d,", Many: "новых пакетов — %d,"},
			Forms{One: "жаңа пакеттер — %d,", Other: "жаңа пакеттер — %d,"}},
		{"cli.central.examinee.header", func(n int) []any { return []any{"0421", n, n} },
			Forms{One: "Examinee 0421: %d event in %d hall", Other: "Examinee 0421: %d events in %d halls"},
			Forms{One: "Экзаменуемый 0421: %d событие в %d аудитории", Few: "Экзаменуемый 0421: %d события в %d аудиториях", Many: "Экзаменуемый 0421: %d событий в %d аудиториях"},
			Forms{One: "Емтихан тапсырушы 0421: %d оқиға, %d аудитория", Other: "Емтихан тапсырушы 0421: %d оқиға, %d аудитория"}},
		{"ui.confirm.theory_unscanned", func(n int) []any { return []any{n, n, "Q2"} },
			Forms{One: "Only %d of the %d theory sheet was scanned in;", Other: "Only %d of the %d theory sheets were scanned in;"},
			Forms{One: "Отсканирован только %d из %d листа теории;", Few: "Отсканированы только %d из %d листов теории;", Many: "Отсканировано только %d из %d листов теории;"},
			Forms{One: "(берілген %d парақтан)", Other: "(берілген %d парақтан)"}},
		{"cli.sync.nothing", func(n int) []any { return []any{n, "https://c"} },
			Forms{One: "The %d event was already delivered to the central record at https://c; nothing to send.", Other: "All %d events were already delivered to the central record at https://c; nothing to send."},
			Forms{One: "Уже доставлено %d событие в центральную запись по адресу https://c; отправлять нечего.", Few: "Уже доставлены все %d события в центральную запись по адресу https://c; отправлять нечего.", Many: "Уже доставлены все %d событий в центральную запись по адресу https://c; отправлять нечего."},
			Forms{One: "Барлық %d оқиға https://c мекенжайындағы", Other: "Барлық %d оқиға https://c мекенжайындағы"}},
	} {
		if _, ok := plurals[tc.key]; !ok {
			t.Errorf("%s is not a plural entry", tc.key)
			continue
		}
		for _, l := range Langs {
			want := map[Lang]Forms{EN: tc.en, RU: tc.ru, KK: tc.kk}[l]
			for _, n := range pluralNumbers {
				got := New(l).T(tc.key, tc.args(n)...)
				part := strings.ReplaceAll(want.of(category(l, n)), "%d", strconv.Itoa(n))
				if !strings.Contains(got, part) {
					t.Errorf("%s %s n=%d (%s): %q\ndoes not read %q", tc.key, l, n, category(l, n), got, part)
				}
			}
		}
	}
}

func one(n int) []any { return []any{n} }

// Every plural entry, with a number for each %d and words for the rest,
// reads as a sentence in every language and for every number: no ${name}
// left, no "%!" of a verb that does not fit, no «key».
func TestEveryPluralEntryRendersCleanly(t *testing.T) {
	for _, k := range slices.Sorted(maps.Keys(plurals)) {
		for _, l := range Langs {
			for _, n := range pluralNumbers {
				var args []any
				for _, v := range verbs(entries[k].EN) {
					if strings.HasSuffix(v, "d") {
						args = append(args, n)
					} else {
						args = append(args, "x")
					}
				}
				got := New(l).T(k, args...)
				if strings.Contains(got, "${") || strings.Contains(got, "%!") || strings.Contains(got, "«"+k) {
					t.Errorf("%s %s n=%d: %q", k, l, n, got)
				}
			}
		}
	}
}

// A number printed in a plural entry reads as in every other entry: no
// digit grouping by language (x/text's own printer writes 12 345).
func TestPluralNumbersAreNotGrouped(t *testing.T) {
	for _, l := range Langs {
		if got := New(l).T("cli.bundle.size", 1234567); !strings.Contains(got, "1234567") {
			t.Errorf("%s: %q", l, got)
		}
	}
}

// Counts of a named integer type (a sequence number's) agree too.
func TestPluralCountsOfNamedIntegerTypes(t *testing.T) {
	type seq uint64
	if got := New(RU).T("cli.bundle.size", seq(2)); got != "Размер журнала: 2 события" {
		t.Errorf("%q", got)
	}
	if got := New(RU).T("cli.bundle.size", int32(5)); got != "Размер журнала: 5 событий" {
		t.Errorf("%q", got)
	}
}

// The words "(s)" were how English dodged agreement; none is left, in a
// text or in a form.
func TestNoEnglishTextSaysS(t *testing.T) {
	for _, k := range Keys() {
		if strings.Contains(entries[k].EN, "(s)") {
			t.Errorf("%s: %q", k, entries[k].EN)
		}
	}
	for k, p := range plurals {
		for name, c := range p.Words {
			if strings.Contains(c.EN.One+c.EN.Other, "(s)") {
				t.Errorf("%s ${%s}: %+v", k, name, c.EN)
			}
		}
	}
}

func TestPluralFallsBackToEnglish(t *testing.T) {
	const key = "test.plural_only_in_english"
	registerPlural(map[string]Plural{key: {Text: Text{EN: "%d ${things} in English"},
		Words: map[string]Count{"things": {Arg: 1, EN: Forms{One: "thing", Other: "things"}}}}})
	t.Cleanup(func() { delete(entries, key); delete(plurals, key) })
	for _, l := range Langs {
		if got := New(l).T(key, 1); got != "1 thing in English" {
			t.Errorf("%s: %q", l, got)
		}
		if got := New(l).T(key, 21); got != "21 things in English" {
			t.Errorf("%s: %q", l, got)
		}
	}
}

// A form a language does not have is a mistake of the table, refused at
// start-up, not a word silently never shown.
func TestPluralRefusesAFormTheLanguageLacks(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("a Few form in English was taken")
		}
	}()
	const key = "test.plural_english_few"
	t.Cleanup(func() { delete(entries, key); delete(plurals, key) })
	registerPlural(map[string]Plural{key: {Text: Text{EN: "%d ${things}"},
		Words: map[string]Count{"things": {Arg: 1, EN: Forms{One: "thing", Few: "things", Other: "things"}}}}})
}
