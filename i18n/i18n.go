// Package i18n is the one catalogue of user-facing text, in English,
// Russian and Kazakh. Every word the officer reads — on screen, in a
// message from the command line, on a printed page — comes from here, by
// key. English is complete; a key missing in Russian or Kazakh falls back
// to English rather than to nothing, and the catalogue's tests say which
// keys must be complete in all three.
//
// It is a top-level package of its own because the terminal UI, the
// command line and the printed reports all speak through it, and none of
// them owns the words.
package i18n

import (
	"fmt"
	"strings"
	"time"

	"examday/exam"
)

// Lang is a language of the catalogue.
type Lang string

const (
	EN Lang = "en"
	RU Lang = "ru"
	KK Lang = "kk"
)

// Langs are the languages, in the order the language key cycles them.
var Langs = []Lang{EN, RU, KK}

// ParseLang reads a language code as given on the command line.
func ParseLang(s string) (Lang, bool) {
	switch Lang(strings.ToLower(strings.TrimSpace(s))) {
	case EN:
		return EN, true
	case RU:
		return RU, true
	case KK:
		return KK, true
	}
	return "", false
}

// Next is the language after l, for the key that switches language.
func (l Lang) Next() Lang {
	for i, x := range Langs {
		if x == l {
			return Langs[(i+1)%len(Langs)]
		}
	}
	return EN
}

// Text is one entry: the same message in each language. Templates use
// fmt verbs, and every language of an entry takes the same arguments in
// the same order.
type Text struct{ EN, RU, KK string }

func (t Text) in(l Lang) string {
	switch l {
	case RU:
		return t.RU
	case KK:
		return t.KK
	}
	return t.EN
}

// entries is filled by the area files (ui.go, cli.go, rules.go …) with
// register, each from its own table, so the words of one screen sit
// together.
var entries = map[string]Text{}

func register(table map[string]Text) {
	for k, v := range table {
		if _, dup := entries[k]; dup {
			panic("i18n: key registered twice: " + k)
		}
		entries[k] = v
	}
}

// Catalogue speaks one language.
type Catalogue struct{ Lang Lang }

// New returns the catalogue for l.
func New(l Lang) Catalogue { return Catalogue{Lang: l} }

// T is the text of key with args. A key missing in the language falls back
// to English; a key missing altogether shows as «key» so a test finds it.
// In a plural entry the words agree with the counts among args (plural.go).
func (c Catalogue) T(key string, args ...any) string {
	e, ok := entries[key]
	if !ok {
		return "«" + key + "»"
	}
	lang := c.Lang
	if e.in(lang) == "" {
		lang = EN
	}
	tmpl := e.in(lang)
	if _, ok := plurals[key]; ok {
		tmpl = agree(lang, key, args)
	}
	if len(args) == 0 {
		return tmpl
	}
	// Format a copy: args may be the caller's own slice (a Refusal's Args,
	// passed with ...), which must still hold the instant afterwards.
	shown := make([]any, len(args))
	for i, a := range args {
		shown[i] = a
		// Instants reach the officer as the wall-clock time of the laptop.
		switch v := a.(type) {
		case time.Time:
			shown[i] = v.Local().Format("15:04:05")
		case exam.Status:
			// A status, a level, a sheet's state reach the officer in
			// words, not as their codes.
			shown[i] = c.T("status." + string(v))
		case exam.Level:
			shown[i] = c.T("level." + string(v))
		case exam.SheetState:
			shown[i] = c.T("sheet_state." + string(v))
		case worded:
			// A domain's value that names its own words (a commission,
			// a degree, a place at the language gate).
			key, wargs := v.CatalogueKey()
			shown[i] = c.T(key, wargs...)
		case time.Duration:
			// A span reads in words, not as Go spells it (1.5s).
			shown[i] = c.Duration(v)
		case error:
			// An error in a sentence (the cause of a failure) is in
			// the same words as the sentence.
			shown[i] = c.Error(v)
		}
	}
	return fmt.Sprintf(tmpl, shown...)
}

// worded is a value of a domain that names its words: CatalogueKey is its
// key in the catalogue and the arguments its words take.
type worded interface {
	CatalogueKey() (key string, args []any)
}

// Has reports whether key is in the catalogue.
func Has(key string) bool { _, ok := entries[key]; return ok }

// Keys returns every key, for the catalogue's tests.
func Keys() []string {
	out := make([]string, 0, len(entries))
	for k := range entries {
		out = append(out, k)
	}
	return out
}

// Complete reports whether key has text in every language.
func Complete(key string) bool {
	e := entries[key]
	return e.EN != "" && e.RU != "" && e.KK != ""
}

// Error turns an error into words for the officer: the outermost error of
// its chain that the catalogue knows — a refusal of the rules, a bad
// roster, a code that is not this hall's, what the hall file's or a
// bundle's checks found, a failure on the way to the central record, a
// file the system refuses (errors.go) — in the catalogue's words; an
// error it does not know, as it is.
func (c Catalogue) Error(err error) string {
	if err == nil {
		return ""
	}
	if words, ok := c.outermost(err); ok {
		return words
	}
	return err.Error()
}
