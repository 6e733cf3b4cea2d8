package i18n

import (
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"unicode"

	"examday/bundle"
	"examday/store"
	"examday/store/boltfile"
)

// englishSentence finds English prose in a text that should have none: a
// run of three or more ASCII words of letters at least one of which is an
// English function word. Every English reason of the store, the bundle
// and the client has one within any three of its words ("its signature
// does not verify", "the file is damaged"), while what a Russian or a
// Kazakh text rightly holds in Latin letters does not: commands
// ("examday central serve"), flags (--ca-cert), names of formats (JSON,
// base64, SHA-256), acronyms (PIN, HTTP, TLS), hex and paths. It is a
// heuristic, tested below on both kinds.
func englishSentence(s string) (string, bool) {
	var run []string
	english := false
	for _, f := range strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",.;:()«»\"“”…—–!?[]<>/", r)
	}) {
		if !isEnglishWord(f) {
			if len(run) >= 3 && english {
				return strings.Join(run, " "), true
			}
			run, english = nil, false
			continue
		}
		run = append(run, f)
		english = english || functionWords[strings.ToLower(f)]
	}
	if len(run) >= 3 && english {
		return strings.Join(run, " "), true
	}
	return "", false
}

var functionWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields("the a an is are was were be been of to in on at by for from with and or not no it its this that these those does do did has have had can cannot there which who what when than as into before after") {
		functionWords[w] = true
	}
}

// isEnglishWord: ASCII letters (and an apostrophe within), two or more,
// not all capitals (an acronym).
func isEnglishWord(f string) bool {
	if len(f) < 2 || strings.ToUpper(f) == f {
		return false
	}
	for i, r := range f {
		if r == '\'' && i > 0 {
			continue
		}
		if r > unicode.MaxASCII || !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

func TestEnglishSentenceHeuristic(t *testing.T) {
	for _, s := range []string{
		"its signature does not verify with this file's key",
		"журнал: the file is damaged",
		"hall.db: the file is in use by another program",
	} {
		if _, ok := englishSentence(s); !ok {
			t.Errorf("not found in %q", s)
		}
	}
	for _, s := range []string{
		"Файл центральной записи занят (запущен `examday central serve`?)",
		"сначала выполните «examday enroll --central URL --token ТОКЕН»",
		"байты события — не событие (JSON с seq и prev)",
		"подпись — не 64 байта в base64; SHA-256 пакета; HTTP 503; PIN-код",
		"/tmp/TestX/001/hall.db: доступ запрещён",
		"строка события — «event <номер> <подпись> <байты>»",
		"источник \"examday/ab12/cd34\" — не examday/<устройство>/<эпоха>",
	} {
		if run, ok := englishSentence(s); ok {
			t.Errorf("%q found in %q", run, s)
		}
	}
}

// The words of an error, in Russian and Kazakh, are a sentence of the
// catalogue: no English prose, no «key» of missing words, no "%!" of a
// verb that does not fit, no ${name} left.
func checkWorded(t *testing.T, what string, err error) {
	t.Helper()
	for _, l := range Langs {
		got := New(l).Error(err)
		if strings.Contains(got, "%!") || strings.Contains(got, "${") {
			t.Errorf("%s %s: %q", what, l, got)
		}
		for _, prefix := range []string{"«store.", "«bundle.", "«central.", "«os.", "«cli."} {
			if strings.Contains(got, prefix) {
				t.Errorf("%s %s: missing words: %q", what, l, got)
			}
		}
		if l == EN {
			continue
		}
		if run, ok := englishSentence(got); ok {
			t.Errorf("%s %s reads English %q:\n%s", what, l, run, got)
		}
	}
}

// argsFor are arguments that fit the verbs of key's English: a number for
// %d, a word for the rest.
func argsFor(key string) []any {
	var args []any
	for _, v := range verbs(entries[key].EN) {
		if strings.HasSuffix(v, "d") {
			args = append(args, 7)
		} else {
			args = append(args, "0a1b2c")
		}
	}
	return args
}

// site is where a package makes one of its coded errors: the code's
// constant and how many arguments it gives.
type site struct {
	pos  string
	code string // the constant's name
	args int
}

// codedSites reads a package's source (not its tests) for the errors of
// type typeName it makes: the literals with a Reason (Code: X, Args:
// []any{…}) and, for the bundle, the calls .coded(X, …). The literal of
// the bundle's fail, which .coded completes, is not a site.
func codedSites(t *testing.T, dir, typeName string) []site {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var out []site
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || fd.Name.Name == "fail" {
				continue
			}
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				switch x := n.(type) {
				case *ast.CompositeLit:
					if id, ok := x.Type.(*ast.Ident); !ok || id.Name != typeName {
						return true
					}
					s := site{pos: fset.Position(x.Pos()).String()}
					reason := false
					for _, e := range x.Elts {
						kv, ok := e.(*ast.KeyValueExpr)
						if !ok {
							continue
						}
						switch kv.Key.(*ast.Ident).Name {
						case "Code":
							if id, ok := kv.Value.(*ast.Ident); ok {
								s.code = id.Name
							}
						case "Args":
							s.args = len(kv.Value.(*ast.CompositeLit).Elts)
						case "Reason":
							reason = true
						}
					}
					if reason {
						out = append(out, s)
					}
				case *ast.CallExpr:
					if sel, ok := x.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "coded" && len(x.Args) > 0 {
						if id, ok := x.Args[0].(*ast.Ident); ok {
							out = append(out, site{pos: fset.Position(x.Pos()).String(), code: id.Name, args: len(x.Args) - 1})
						}
					}
				}
				return true
			})
		}
	}
	return out
}

// codeValues reads the string constants of a file whose names start with
// prefix, as name → value.
func codeValues(t *testing.T, file, prefix string) map[string]string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, name := range vs.Names {
				if !strings.HasPrefix(name.Name, prefix) || i >= len(vs.Values) {
					continue
				}
				if lit, ok := vs.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
					v, _ := strconv.Unquote(lit.Value)
					out[name.Name] = v
				}
			}
		}
	}
	if len(out) == 0 {
		t.Fatalf("no %s… constants in %s", prefix, file)
	}
	return out
}

// Every ChainError the store makes names a code, with the arguments its
// words take, and reads in every language: each place in the store's
// source that makes one is found and rendered as it would be.
func TestEveryChainErrorOfTheStoreIsWorded(t *testing.T) {
	// The log's checks are package signedlog's, and store names their
	// codes after it; both make ChainErrors.
	codes := codeValues(t, "../signedlog/verify.go", "Chain")
	used := map[string]bool{}
	sites := append(codedSites(t, "store", "ChainError"), codedSites(t, "signedlog", "ChainError")...)
	if len(sites) < 20 {
		t.Fatalf("only %d places make a ChainError", len(sites))
	}
	for _, s := range sites {
		code, ok := codes[s.code]
		if !ok {
			t.Errorf("%s: a ChainError without a code (%q)", s.pos, s.code)
			continue
		}
		used[s.code] = true
		key := "store.chain." + code
		if !Has(key) || !Complete(key) {
			t.Errorf("%s: %s has no words in every language", s.pos, key)
			continue
		}
		if n := len(verbs(entries[key].EN)); n != s.args {
			t.Errorf("%s: %s gives %d arguments, its words take %d", s.pos, s.code, s.args, n)
			continue
		}
		checkWorded(t, s.pos, &store.ChainError{Seq: 9, Check: store.CheckChain, Code: code, Args: argsFor(key), Reason: "English"})
	}
	for name := range codes {
		if !used[name] {
			t.Errorf("store.%s is made nowhere", name)
		}
	}
	// The screen's banner takes the reason alone; an error without a
	// code keeps its English.
	ce := &store.ChainError{Seq: 9, Code: store.ChainSignatureBad, Reason: "its signature does not verify with this file's key"}
	if got := New(RU).ChainReason(ce); got != "его подпись не проходит проверку ключом этого файла" {
		t.Errorf("ChainReason = %q", got)
	}
	if got := New(RU).Error(fmt.Errorf("%w: %w", store.ErrReadOnly, ce)); !strings.HasPrefix(got, "файл открыт только для чтения") {
		t.Errorf("the outermost known error is worded, got %q", got)
	}
	if got := New(RU).ChainReason(&store.ChainError{Reason: "something new"}); got != "something new" {
		t.Errorf("ChainReason without a code = %q", got)
	}
}

// Every bundle.Error the bundle package makes names a code with the
// arguments its words take, and reads in every language with its line and
// its check.
func TestEveryBundleErrorIsWorded(t *testing.T) {
	codes := codeValues(t, "../bundle/bundle.go", "Code")
	used := map[string]bool{}
	sites := codedSites(t, "bundle", "Error")
	if len(sites) < 40 {
		t.Fatalf("only %d places make a bundle.Error", len(sites))
	}
	for _, s := range sites {
		code, ok := codes[s.code]
		if !ok {
			t.Errorf("%s: a bundle.Error without a code (%q)", s.pos, s.code)
			continue
		}
		used[s.code] = true
		key := "bundle.reason." + code
		if !Has(key) || !Complete(key) {
			t.Errorf("%s: %s has no words in every language", s.pos, key)
			continue
		}
		if n := len(verbs(entries[key].EN)); n != s.args {
			t.Errorf("%s: %s gives %d arguments, its words take %d", s.pos, s.code, s.args, n)
			continue
		}
		for _, e := range []*bundle.Error{
			{Line: 5, Seq: 3, Check: bundle.CheckSignature, Code: code, Args: argsFor(key), Reason: "English"},
			{Line: 2, Check: bundle.CheckFormat, Code: code, Args: argsFor(key), Reason: "English"},
			{Check: bundle.CheckSize, Code: code, Args: argsFor(key), Reason: "English"},
		} {
			checkWorded(t, s.pos, e)
		}
	}
	for name := range codes {
		if !used[name] {
			t.Errorf("bundle.%s is made nowhere", name)
		}
	}
	// Real ones, with the arguments Parse really gives.
	for _, data := range []string{"", "x", "x\n", "examday-bundle 1\nheader {}\nsha256 " + strings.Repeat("0", 64) + "\n"} {
		_, err := bundle.Parse([]byte(data))
		var be *bundle.Error
		if !errors.As(err, &be) || be.Code == "" {
			t.Errorf("Parse(%q) = %v, not a coded bundle.Error", data, err)
			continue
		}
		checkWorded(t, "Parse "+strconv.Quote(data), err)
	}
	want := "строка 5, событие 3: подпись: его подпись не проходит проверку ключом устройства 0a1b2c"
	if got := New(RU).Error(&bundle.Error{Line: 5, Seq: 3, Check: bundle.CheckSignature, Code: bundle.CodeSignatureBad, Args: []any{"0a1b2c"}}); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// Every sentinel of the store (errors.New in its source) has words, and
// reads in every language however it is wrapped: with a path and a
// detail, as bbolt's file error, or under "%w (…)".
func TestEveryStoreSentinelIsWorded(t *testing.T) {
	var texts []string
	files, _ := filepath.Glob("../store/*.go")
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			vs, ok := n.(*ast.ValueSpec)
			if !ok || len(vs.Names) != 1 || !strings.HasPrefix(vs.Names[0].Name, "Err") || len(vs.Values) != 1 {
				return true
			}
			if call, ok := vs.Values[0].(*ast.CallExpr); ok && len(call.Args) == 1 {
				if lit, ok := call.Args[0].(*ast.BasicLit); ok {
					v, _ := strconv.Unquote(lit.Value)
					texts = append(texts, vs.Names[0].Name+": "+v)
				}
			}
			return true
		})
	}
	if len(texts) < 14 {
		t.Fatalf("only %d sentinels found", len(texts))
	}
	for _, text := range texts {
		name, msg, _ := strings.Cut(text, ": ")
		i := slices.IndexFunc(storeWords, func(w struct {
			err error
			key string
		}) bool {
			return w.err.Error() == msg
		})
		if i < 0 {
			t.Errorf("store.%s (%q) has no words", name, msg)
			continue
		}
		w := storeWords[i]
		if !Complete(w.key) {
			t.Errorf("%s is not in every language", w.key)
		}
		for _, err := range []error{
			w.err,
			fmt.Errorf("/media/stick/hall.db: %w", w.err),
			fmt.Errorf("%w (schema 5, this examday knows 4)", w.err),
			&boltfile.Error{Path: "/media/stick/hall.db", Kind: w.err, Detail: "invalid page type: 12: 4"},
		} {
			checkWorded(t, name, err)
		}
	}
	// A file in use says who holds it, as its owner note has it.
	inUse := &boltfile.Error{Path: "hall.db", Kind: store.ErrInUse, Detail: "examday, process 4242 on exam-204, since 2027-06-21 08:00:00"}
	if got := New(RU).Error(inUse); !strings.Contains(got, "занят") || !strings.Contains(got, "process 4242") {
		t.Errorf("%q", got)
	}
}

// The errors opening a hall file really gives, in every language.
func TestRealOpenErrorsAreWorded(t *testing.T) {
	dir := t.TempDir()
	foreign := filepath.Join(dir, "notes.db")
	if err := os.WriteFile(foreign, []byte(strings.Repeat("not a bbolt file\n", 512)), 0o600); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty.db")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	orphanKey := filepath.Join(dir, "new.db")
	if err := os.WriteFile(store.KeyPath(orphanKey), []byte("someone's key\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path string
		opts store.Options
		want error
	}{
		{filepath.Join(dir, "none.db"), store.Options{}, store.ErrNotFound},
		{foreign, store.Options{}, store.ErrNotExamday},
		{empty, store.Options{}, nil},
		{orphanKey, store.Options{Create: true}, store.ErrKeyExists},
	} {
		s, err := store.Open(tc.path, tc.opts)
		if err == nil {
			s.Close()
			t.Errorf("%s opened", tc.path)
			continue
		}
		if tc.want != nil && !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want %v", tc.path, err, tc.want)
		}
		checkWorded(t, filepath.Base(tc.path), err)
	}
	// A hall file whose key file is gone opens read-only, and says why.
	path := filepath.Join(dir, "hall.db")
	s, err := store.Open(path, store.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if err := os.Remove(store.KeyPath(path)); err != nil {
		t.Fatal(err)
	}
	s, err = store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if !errors.Is(s.Broken(), store.ErrKeyMissing) {
		t.Fatalf("Broken = %v", s.Broken())
	}
	checkWorded(t, "key missing", s.Broken())
	_, err = s.Bundle(1)
	if err != nil {
		checkWorded(t, "export without the key", err)
	}
}

// What the system says of a file or a disk, with the file's path.
func TestSystemErrorsAreWorded(t *testing.T) {
	for _, errno := range []error{fs.ErrNotExist, fs.ErrPermission, fs.ErrExist, syscall.ENOSPC, syscall.EROFS} {
		err := fmt.Errorf("writing the report: %w", &fs.PathError{Op: "write", Path: "/media/stick/report.pdf", Err: errno})
		checkWorded(t, errno.Error(), err)
		if got := New(RU).Error(err); !strings.HasPrefix(got, "/media/stick/report.pdf: ") {
			t.Errorf("%q does not name the file", got)
		}
	}
	// What the catalogue does not know stays as it is, in every language.
	if got := New(KK).Error(context.Canceled); got != context.Canceled.Error() {
		t.Errorf("%q", got)
	}
}

// An error given to T as an argument (the cause in a sentence) reads in
// the sentence's language.
func TestErrorArgumentsAreWorded(t *testing.T) {
	err := fmt.Errorf("open: %w", &fs.PathError{Op: "open", Path: "ca.pem", Err: fs.ErrPermission})
	got := New(RU).T("cli.enroll.ca_unreadable", "ca.pem", err)
	if !strings.Contains(got, "доступ запрещён") || strings.Contains(got, "permission denied") {
		t.Errorf("%q", got)
	}
}

// The words of every code of the store, the bundle, the central record's
// client and the system read in Russian and Kazakh without English
// prose, as do the command line's sentences they are put in.
func TestTheWordsOfErrorsHaveNoEnglish(t *testing.T) {
	n := 0
	for _, k := range Keys() {
		if !slices.ContainsFunc([]string{"store.", "bundle.", "central.", "os.", "cli.open.", "cli.sync.", "cli.enroll.", "cli.export.", "cli.verify.", "cli.bundle.", "cli.verifylog.", "ui.readonly."},
			func(p string) bool { return strings.HasPrefix(k, p) }) ||
			strings.HasSuffix(k, ".short") || strings.HasSuffix(k, ".long") || strings.Contains(k, ".flag.") {
			continue
		}
		n++
		if !Complete(k) {
			t.Errorf("%s is not in every language", k)
			continue
		}
		for _, l := range []Lang{RU, KK} {
			got := New(l).T(k, argsFor(k)...)
			if run, ok := englishSentence(got); ok {
				t.Errorf("%s %s reads English %q:\n%s", k, l, run, got)
			}
		}
	}
	if n < 150 {
		t.Errorf("only %d keys checked", n)
	}
}

// Every code an error of the store or of the central record's client
// names in its source ("store.key_file_missing", "central.busy" …) has
// words in every language, taking as many arguments as it gives where the
// source says (a literal's args, failure's []any).
func TestEveryErrorCodeNamedInTheSourceHasWords(t *testing.T) {
	n := 0
	for _, dir := range []string{"store", "central"} {
		files, _ := filepath.Glob(filepath.Join("..", dir, "*.go"))
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, name, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(node ast.Node) bool {
				lit, ok := node.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					return true
				}
				key, _ := strconv.Unquote(lit.Value)
				if !strings.HasPrefix(key, dir+".") || strings.ContainsAny(key, " /%") {
					return true
				}
				n++
				if !Has(key) || !Complete(key) {
					t.Errorf("%s: %q has no words in every language", fset.Position(lit.Pos()), key)
				}
				return true
			})
			// The arguments a literal or a call gives with its code.
			ast.Inspect(f, func(node ast.Node) bool {
				var key string
				args := -1
				switch x := node.(type) {
				case *ast.CompositeLit:
					for _, e := range x.Elts {
						kv, ok := e.(*ast.KeyValueExpr)
						if !ok {
							continue
						}
						id, _ := kv.Key.(*ast.Ident)
						switch {
						case id == nil:
						case id.Name == "code":
							if l, ok := kv.Value.(*ast.BasicLit); ok {
								key, _ = strconv.Unquote(l.Value)
							}
						case id.Name == "args":
							if c, ok := kv.Value.(*ast.CompositeLit); ok {
								args = len(c.Elts)
							}
						}
					}
					if key != "" && args < 0 {
						args = 0
					}
				case *ast.CallExpr:
					if id, ok := x.Fun.(*ast.Ident); ok && id.Name == "failure" && len(x.Args) == 3 {
						if l, ok := x.Args[0].(*ast.BasicLit); ok {
							key, _ = strconv.Unquote(l.Value)
						}
						switch a := x.Args[1].(type) {
						case *ast.CompositeLit:
							args = len(a.Elts)
						case *ast.Ident:
							args = 0 // nil
						}
					}
				}
				if key != "" && args >= 0 && Has(key) {
					if want := len(verbs(entries[key].EN)); want != args {
						t.Errorf("%s: %s is given %d arguments, its words take %d", fset.Position(node.Pos()), key, args, want)
					}
				}
				return true
			})
		}
	}
	if n < 25 {
		t.Errorf("only %d codes found", n)
	}
}
