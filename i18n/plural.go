package i18n

import (
	"reflect"
	"strings"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// Plural is an entry whose words agree with a number: "1 event", "2
// events"; «1 событие», «2 события», «5 событий». Its Text is the message
// in each language as any entry has it, with the same fmt verbs in every
// language; where words must agree with a count, the text says ${name},
// and Words[name] gives those words in each plural category of that
// language, as the CLDR rules of golang.org/x/text/feature/plural choose
// them.
//
// A language whose sentence needs no agreement (a label and its number,
// «Листов: %d») simply says no ${name}; the words a language's text names
// are exactly those given forms in it.
type Plural struct {
	Text
	Words map[string]Count
}

// Count is words that agree with one argument of the entry, a count.
type Count struct {
	Arg        int // the count: 1 for the entry's first argument
	EN, RU, KK Forms
}

// Forms are the words in each CLDR plural category of a language, for
// whole numbers and (Other) fractions. English has One (1) and Other;
// Russian One (1, 21, 101), Few (2–4, 22), Many (0, 5–20, 25) and Other
// (1,5: the genitive singular); Kazakh One (1) and Other, which read alike,
// for a noun does not change after a numeral («5 оқиға») — the slots are
// kept all the same, so that every language gives its words alike. A
// language leaves its Forms empty for words its text does not name.
type Forms struct{ One, Few, Many, Other string }

func (c Count) in(l Lang) Forms {
	switch l {
	case RU:
		return c.RU
	case KK:
		return c.KK
	}
	return c.EN
}

// plurals are the plural entries, by key; their Text is in entries as
// well, so Has, Keys, Complete and the catalogue's tests see them as any
// entry. agreement holds their words in x/text's catalogue, one message
// per key and language, which picks the forms.
var (
	plurals   = map[string]Plural{}
	agreement = catalog.NewBuilder()
)

// registerPlural adds an area's plural entries, as register adds its
// plain ones. A form a language does not have (Few in English) or a
// ${name} without words is a mistake of the table, found at start-up.
func registerPlural(table map[string]Plural) {
	for k, p := range table {
		register(map[string]Text{k: p.Text})
		plurals[k] = p
		for _, l := range Langs {
			if p.in(l) == "" {
				continue // falls back to English, as any entry
			}
			if err := agreement.Set(l.tag(), k, p.message(l)...); err != nil {
				panic("i18n: plural entry " + k + " in " + string(l) + ": " + err.Error())
			}
		}
	}
}

// message is p in language l as x/text declares it: each ${name} a
// variable selecting its words by the plural category of its count, then
// the text. The printer only picks the words: every % of the text is
// doubled, so that the verbs pass through it to fmt untouched.
func (p Plural) message(l Lang) []catalog.Message {
	var msgs []catalog.Message
	for name, c := range p.Words {
		f := c.in(l)
		if f == (Forms{}) {
			continue
		}
		var cases []any
		for _, form := range []struct {
			category plural.Form
			words    string
		}{{plural.One, f.One}, {plural.Few, f.Few}, {plural.Many, f.Many}, {plural.Other, f.Other}} {
			// Other matches any number, so it is the last case.
			if form.words != "" {
				cases = append(cases, form.category, form.words)
			}
		}
		msgs = append(msgs, catalog.Var(name, plural.Selectf(c.Arg, "", cases...)))
	}
	return append(msgs, catalog.String(strings.ReplaceAll(p.in(l), "%", "%%")))
}

// agree is the template of plural entry key in l with each ${name}
// replaced by its words in the form the count asks for. The arguments are
// then filled in by fmt, as for every entry: a number reads the same in
// every sentence (x/text's printer would write 1 234 here and 1234 in the
// next line) and a wrong verb shows as it does everywhere else.
func agree(l Lang, key string, args []any) string {
	return message.NewPrinter(l.tag(), message.Catalog(agreement)).Sprintf(key, counts(args)...)
}

// counts is args with every integer as a plain int64 or uint64: x/text
// reads the plural category of its own integer types only, and takes a
// named one (a sequence number's type) for not a number at all.
func counts(args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		out[i] = a
		switch v := reflect.ValueOf(a); {
		case !v.IsValid():
		case v.CanInt():
			out[i] = v.Int()
		case v.CanUint():
			out[i] = v.Uint()
		}
	}
	return out
}

func (l Lang) tag() language.Tag {
	switch l {
	case RU:
		return language.Russian
	case KK:
		return language.Kazakh
	}
	return language.English
}

// eventsOf is "events" counted by argument arg, as the subject or object
// of a sentence ("holds 5 events"): the words the most entries count.
func eventsOf(arg int) Count {
	return Count{Arg: arg,
		EN: Forms{One: "event", Other: "events"},
		RU: Forms{One: "событие", Few: "события", Many: "событий", Other: "события"},
		KK: Forms{One: "оқиға", Other: "оқиға"}}
}

// bytesOf is "bytes" counted by argument arg.
func bytesOf(arg int) Count {
	return Count{Arg: arg,
		EN: Forms{One: "byte", Other: "bytes"},
		RU: Forms{One: "байт", Few: "байта", Many: "байт", Other: "байта"},
		KK: Forms{One: "байт", Other: "байт"}}
}

// logEventsOf is eventsOf as "N events of this log" reads in Kazakh, where
// the noun takes the possessive: «бұл журналдың 5 оқиғасы».
func logEventsOf(arg int) Count {
	c := eventsOf(arg)
	c.KK = Forms{One: "оқиғасы", Other: "оқиғасы"}
	return c
}

// notHandedOver is "events not yet handed over", the noun and the verb
// agreeing with the number in Russian (1 событие ещё не передано, 2 события
// ещё не переданы, 5 событий ещё не передано).
func notHandedOver(arg int) Count {
	return Count{Arg: arg,
		EN: Forms{One: "event", Other: "events"},
		RU: Forms{One: "событие ещё не передано", Few: "события ещё не переданы", Many: "событий ещё не передано", Other: "события ещё не передано"},
		KK: Forms{One: "оқиға", Other: "оқиға"}}
}
