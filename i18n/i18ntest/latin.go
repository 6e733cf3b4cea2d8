// Package i18ntest is what the tests of more than one package use to check
// the catalogue's words as a reader meets them.
package i18ntest

import (
	"strings"
	"unicode"
)

// LatinWords are the words of more than three Latin letters in s that
// are not names, codes, acronyms, commands, flags, URLs, paths or hex:
// what an officer reading Russian or Kazakh would meet as English.
// allowed are the names and codes s rightly holds (a hall's, a file's).
func LatinWords(s string, allowed ...string) []string {
	for _, a := range allowed {
		s = strings.ReplaceAll(s, a, " ")
	}
	var out []string
	for _, tok := range strings.Fields(s) {
		tok = strings.Trim(tok, ",.;:()«»\"“”…—–!?[]<>`'")
		switch {
		case strings.Contains(tok, "://"), strings.HasPrefix(tok, "-"), strings.ContainsAny(tok, "/\\_=@"):
			continue // a URL, a flag, a path, a code
		case strings.Trim(strings.ToLower(tok), "0123456789abcdef") == "" && strings.ContainsAny(tok, "0123456789"):
			continue // hex
		}
		for _, w := range strings.FieldsFunc(tok, func(r rune) bool { return r > unicode.MaxASCII || !unicode.IsLetter(r) }) {
			if len(w) <= 3 || strings.ToUpper(w) == w || latinAllowed[strings.ToLower(w)] {
				continue
			}
			out = append(out, w)
		}
	}
	return out
}

// latinAllowed are the words in Latin letters the Russian and Kazakh
// rightly hold: the program's name and commands, and names of formats,
// algorithms and headers.
var latinAllowed = map[string]bool{}

func init() {
	for _, w := range strings.Fields("examday sync enroll central serve import status verify export evidence revoke base64 loopback Merkle Retry-After") {
		latinAllowed[strings.ToLower(w)] = true
	}
}
