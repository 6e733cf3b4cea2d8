package central

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"examday/i18n"
)

// Every refusal the central record can send names a check, and every
// check has the officer's words: what it means (cli.central.check.*) and
// its name (bundle.check.* or cli.central.check_name.*). A refusal
// without a check would reach the laptop as the central record's English.
func TestEveryRefusalNamesACheckWithWords(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	sites := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) < 3 {
				return true
			}
			if id, ok := call.Fun.(*ast.Ident); !ok || id.Name != "refusal" {
				return true
			}
			sites++
			switch check := call.Args[1].(type) {
			case *ast.Ident: // CheckFork …
				if !strings.HasPrefix(check.Name, "Check") {
					t.Errorf("%s: the check %s is not a Check constant", fset.Position(call.Pos()), check.Name)
				}
			case *ast.CallExpr: // string(bundle.CheckSize)
				sel, ok := check.Args[0].(*ast.SelectorExpr)
				if !ok || !strings.HasPrefix(sel.Sel.Name, "Check") {
					t.Errorf("%s: the check is not a bundle.Check", fset.Position(call.Pos()))
				}
			default:
				t.Errorf("%s: a refusal that names no check", fset.Position(call.Pos()))
			}
			return true
		})
	}
	if sites < 30 {
		t.Errorf("only %d refusals found", sites)
	}
	for _, check := range []string{"size", "format", "digest", "key", "signature", "sequence", "link", "checkpoint", "root",
		CheckFork, CheckGap, CheckFrozen, CheckDevice, CheckToken, CheckWrite, CheckBusy, CheckTimeout, CheckRollback, CheckPath,
		CheckRole, CheckDamaged} {
		if key := "cli.central.check." + check; !i18n.Has(key) || !i18n.Complete(key) {
			t.Errorf("no words in every language for the check %q", check)
		}
		if !i18n.Has("bundle.check."+check) && !i18n.Complete("cli.central.check_name."+check) {
			t.Errorf("no name in every language for the check %q", check)
		}
		// A refusal that reaches the catalogue as an error reads as its check.
		ref := &Refusal{Status: 400, Body: ErrorBody{Error: "the central record's English", Check: check}}
		if got := i18n.New(i18n.RU).Error(ref); got != i18n.New(i18n.RU).T("cli.central.check."+check) {
			t.Errorf("%s: %q", check, got)
		}
	}

	// A path the API does not have is refused with its check too.
	db, err := Open(filepath.Join(t.TempDir(), "central.db"), Options{Create: true, Program: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	srv := httptest.NewServer(NewHandler(db, ServerOptions{}))
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/v2/anything")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body ErrorBody
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil || resp.StatusCode != 404 || body.Check != CheckPath {
		t.Errorf("unknown path: %d %+v %v", resp.StatusCode, body, err)
	}
}

// What the operator's own commands refuse reads in the operator's words.
func TestTheOperatorsRefusalsAreWorded(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "central.db"), Options{Create: true, Program: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_, noHall := db.NewToken("  ")
	_, unknown := db.Revoke("abcdef")
	for _, err := range []error{noHall, unknown} {
		if err == nil {
			t.Fatal("not refused")
		}
		for _, l := range []i18n.Lang{i18n.RU, i18n.KK} {
			if got := i18n.New(l).Error(err); got == err.Error() {
				t.Errorf("%s: %q is the English", l, got)
			}
		}
	}
}
