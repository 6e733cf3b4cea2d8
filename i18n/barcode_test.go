package i18n

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"
	"testing"

	"examday/barcode"
)

// Every error code of package barcode, read from its source so that a new
// one without words fails here, has words in every language.
func TestEveryBarcodeErrorHasWords(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "../barcode/parse.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	ast.Inspect(f, func(node ast.Node) bool {
		vs, ok := node.(*ast.ValueSpec)
		if !ok {
			return true
		}
		for i, name := range vs.Names {
			if !strings.HasPrefix(name.Name, "Err") || i >= len(vs.Values) {
				continue
			}
			lit, ok := vs.Values[i].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				continue
			}
			code, _ := strconv.Unquote(lit.Value)
			n++
			if !Complete("barcode." + code) {
				t.Errorf("barcode.%s = %q has no words in every language", name.Name, code)
			}
		}
		return true
	})
	if n < 4 {
		t.Errorf("only %d error codes found in barcode/parse.go", n)
	}
}

// A refused scan reaches the officer in words, with its particulars, even
// when a caller wrapped the error.
func TestCatalogueSpeaksBarcodeErrors(t *testing.T) {
	other, err := barcode.New("9876", 42)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		input string
		want  map[Lang]string
	}{
		{"1234 ж", map[Lang]string{EN: `"ж" is not a digit`, RU: `"ж" — не цифра`, KK: `"ж" — цифр емес`}},
		{"12345", map[Lang]string{EN: "5 digits read, but a code has 12", RU: "Прочитано цифр: 5, а в коде их 12", KK: "Оқылған цифрлар: 5, ал кодта 12"}},
		{"1234 5678 9015", map[Lang]string{EN: "1234 5678 9015: the check digit", RU: "1234 5678 9015: контрольная цифра", KK: "1234 5678 9015: бақылау цифры"}},
		{other.String(), map[Lang]string{EN: "session 9876, not to this hall's session 1234", RU: "сессии 9876, а не к сессии этой аудитории 1234", KK: "9876 сессиясына жатады, осы аудиторияның 1234"}},
	} {
		_, err := barcode.Parse(tc.input, "1234")
		if err == nil {
			t.Fatalf("Parse(%q) accepted", tc.input)
		}
		for lang, want := range tc.want {
			got := New(lang).Error(fmt.Errorf("scan: %w", err))
			if !strings.Contains(got, want) || strings.Contains(got, "%!") || strings.Contains(got, "«") {
				t.Errorf("%s: Error(%v) = %q, want it to contain %q", lang, err, got, want)
			}
		}
	}
}
