package admission

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"time"

	toml "github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// The campaign file is TOML (doc.go shows one). It is read in two passes:
// go-toml decodes it into plain maps, and each key is then taken by hand,
// so that a word where a number belongs, a misspelt key and a rule broken
// are all reported at once, each at its line, instead of the first one
// alone; the line of every key comes from go-toml's parser (keyLines).

// ParseCampaign reads a campaign file, fills in the defaults (AR 4–5 for
// the dates, AR 20 for the language gate, 25/25/25/25 and 30/30/40 for
// the questions' points) and checks it against the admission rules. A
// file with any problem is refused with a *CampaignError that lists every
// one, by line and key.
func ParseCampaign(r io.Reader) (Campaign, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return Campaign{}, err
	}
	var doc map[string]any
	if err := toml.Unmarshal(data, &doc); err != nil {
		var de *toml.DecodeError
		if errors.As(err, &de) {
			line, col := de.Position()
			return Campaign{}, &CampaignError{Problems: []Problem{{Line: line, Code: CampaignSyntax, Args: []any{col}}}}
		}
		return Campaign{}, err
	}
	if len(doc) == 0 {
		return Campaign{}, &CampaignError{Problems: []Problem{{Line: 1, Code: CampaignEmpty}}}
	}

	rd := &fileReader{}
	c := rd.campaign(doc)
	probs := rd.probs
	// A key the reader could not take is reported once, as unreadable,
	// not again as breaking a rule.
	for _, p := range c.Check() {
		if !rd.took(p.Field) {
			probs = append(probs, p)
		}
	}
	if len(probs) == 0 {
		return c, nil
	}
	lines := keyLines(data)
	for i := range probs {
		probs[i].Line = lineOf(lines, probs[i].Field)
	}
	sortProblems(probs)
	return Campaign{}, &CampaignError{Problems: probs}
}

// SourceDigest is the SHA-256 of a file as read, hex: what an event says
// it was made from.
func SourceDigest(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// The keys of each table of the file.
var (
	rootKeys       = []string{"year", "pass_marks_decision", "dates", "language", "question_points", "marking", "programmes", "admission_commission", "appeal_commission"}
	markingKeys    = []string{"markers", "third_over_percent", "third"}
	dateKeys       = []string{"documents_from", "documents_to", "exams_from", "exams_to", "enrolment_by", "moved_by"}
	languageKeys   = []string{"gate", "scale"}
	pointsKeys     = []string{"master", "doctoral"}
	programmeKeys  = []string{"places", "pass_mark", "exam_commission"}
	commissionKeys = []string{"chair", "secretary", "members"}
	memberKeys     = []string{"name", "degree"}
)

func (rd *fileReader) campaign(doc map[string]any) Campaign {
	root := rd.table(doc, "", rootKeys)
	var c Campaign
	c.Year, _ = rd.integer(root, "", "year")
	c.PassMarksDecision, _ = rd.text(root, "", "pass_marks_decision")

	c.Dates = DefaultDates(c.Year)
	if t := rd.table(root["dates"], "dates", dateKeys); t != nil {
		for key, d := range map[string]*Date{
			"documents_from": &c.Dates.DocumentsFrom, "documents_to": &c.Dates.DocumentsTo,
			"exams_from": &c.Dates.ExamsFrom, "exams_to": &c.Dates.ExamsTo, "enrolment_by": &c.Dates.EnrolmentBy,
		} {
			if v, ok := rd.date(t, "dates", key); ok {
				*d = v
			}
		}
		c.Dates.MovedBy, _ = rd.text(t, "dates", "moved_by")
	}

	c.Language = LanguageExam{Gate: DefaultLanguageGate, Scale: DefaultLanguageScale}
	if t := rd.table(root["language"], "language", languageKeys); t != nil {
		if v, ok := rd.integer(t, "language", "gate"); ok {
			c.Language.Gate = v
		}
		if v, ok := rd.integer(t, "language", "scale"); ok {
			c.Language.Scale = v
		}
	}

	c.QuestionPoints = DefaultQuestionPoints()
	if t := rd.table(root["question_points"], "question_points", pointsKeys); t != nil {
		if v, ok := rd.integers(t, "question_points", "master"); ok {
			c.QuestionPoints.Master = v
		}
		if v, ok := rd.integers(t, "question_points", "doctoral"); ok {
			c.QuestionPoints.Doctoral = v
		}
	}

	c.Marking = DefaultMarkingRules()
	if t := rd.table(root["marking"], "marking", markingKeys); t != nil {
		if v, ok := rd.integer(t, "marking", "markers"); ok {
			c.Marking.Markers = v
		}
		if v, ok := rd.integer(t, "marking", "third_over_percent"); ok {
			c.Marking.ThirdOver = float64(v) / 100
		}
		if v, ok := rd.text(t, "marking", "third"); ok {
			c.Marking.Third = v
		}
	}

	if t := rd.table(root["programmes"], "programmes", nil); t != nil {
		for code, v := range t {
			path := "programmes." + code
			pt := rd.table(v, path, programmeKeys)
			if pt == nil {
				continue
			}
			p := ProgrammePlan{Code: strings.ToUpper(strings.TrimSpace(code))}
			p.Places, _ = rd.integer(pt, path, "places")
			p.PassMark, _ = rd.integer(pt, path, "pass_mark")
			p.ExamCommission = rd.commission(pt["exam_commission"], path+".exam_commission")
			c.Programmes = append(c.Programmes, p)
		}
		sortPlans(c.Programmes)
	}
	c.AdmissionCommission = rd.commission(root["admission_commission"], "admission_commission")
	c.AppealCommission = rd.commission(root["appeal_commission"], "appeal_commission")
	return c
}

func (rd *fileReader) commission(v any, path string) Commission {
	var c Commission
	t := rd.table(v, path, commissionKeys)
	if t == nil {
		return c
	}
	c.Chair, _ = rd.text(t, path, "chair")
	c.Secretary, _ = rd.text(t, path, "secretary")
	list, ok := t["members"]
	if !ok {
		return c
	}
	items, ok := list.([]any)
	if !ok {
		rd.fail(join(path, "members"), CampaignWantList)
		return c
	}
	for i, item := range items {
		field := fmt.Sprintf("%s.members[%d]", path, i+1)
		switch x := item.(type) {
		case string:
			c.Members = append(c.Members, Member{Name: strings.TrimSpace(x)})
		case map[string]any:
			mt := rd.table(x, field, memberKeys)
			var m Member
			m.Name, _ = rd.text(mt, field, "name")
			deg, _ := rd.text(mt, field, "degree")
			m.Degree, _ = ParseDegree(deg)
			c.Members = append(c.Members, m)
		default:
			rd.fail(field, CampaignWantText)
			c.Members = append(c.Members, Member{Name: "?"}) // counted, not named twice
		}
	}
	return c
}

// fileReader takes the keys of a decoded file one by one, noting every
// key it could not take.
type fileReader struct {
	probs  []Problem
	failed []string // fields reported as unreadable
}

func (rd *fileReader) fail(field, code string, args ...any) {
	rd.probs = append(rd.probs, Problem{Field: field, Code: code, Args: args})
	rd.failed = append(rd.failed, strings.ToLower(field))
}

// took reports whether the reader already reported field, or the table
// or list it is in, as unreadable.
func (rd *fileReader) took(field string) bool {
	field = strings.ToLower(field)
	return slices.ContainsFunc(rd.failed, func(f string) bool {
		return field == f || strings.HasPrefix(field, f+".") || strings.HasPrefix(field, f+"[")
	})
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// table is v as a table whose keys are known (any key, if known is nil);
// nil if v is absent or not a table.
func (rd *fileReader) table(v any, path string, known []string) map[string]any {
	if v == nil {
		return nil
	}
	t, ok := v.(map[string]any)
	if !ok {
		rd.fail(path, CampaignWantTable)
		return nil
	}
	if known != nil {
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			if !slices.Contains(known, k) {
				rd.fail(join(path, k), CampaignUnknownKey, k)
				delete(t, k)
			}
		}
	}
	return t
}

func (rd *fileReader) integer(t map[string]any, path, key string) (int, bool) {
	v, ok := t[key]
	if !ok {
		return 0, false
	}
	if n, ok := asInt(v); ok {
		return n, true
	}
	rd.fail(join(path, key), CampaignWantInteger)
	return 0, false
}

func asInt(v any) (int, bool) {
	switch n := v.(type) {
	case int64:
		if n >= math.MinInt32 && n <= math.MaxInt32 {
			return int(n), true
		}
	case float64: // 50.0 is 50; 50.5 is not a number of points
		if n == math.Trunc(n) && math.Abs(n) <= math.MaxInt32 {
			return int(n), true
		}
	}
	return 0, false
}

func (rd *fileReader) integers(t map[string]any, path, key string) ([]int, bool) {
	v, ok := t[key]
	if !ok {
		return nil, false
	}
	list, ok := v.([]any)
	if !ok {
		rd.fail(join(path, key), CampaignWantList)
		return nil, false
	}
	out := make([]int, len(list))
	good := true
	for i, x := range list {
		n, ok := asInt(x)
		if !ok {
			rd.fail(fmt.Sprintf("%s[%d]", join(path, key), i+1), CampaignWantInteger)
			good = false
		}
		out[i] = n
	}
	return out, good
}

func (rd *fileReader) text(t map[string]any, path, key string) (string, bool) {
	v, ok := t[key]
	if !ok {
		return "", false
	}
	if s, ok := v.(string); ok {
		return strings.TrimSpace(s), true
	}
	rd.fail(join(path, key), CampaignWantText)
	return "", false
}

// date takes a TOML date (2027-08-10) or a date written as text, either
// "2027-08-10" or "10.08.2027".
func (rd *fileReader) date(t map[string]any, path, key string) (Date, bool) {
	v, ok := t[key]
	if !ok {
		return Date{}, false
	}
	switch d := v.(type) {
	case toml.LocalDate:
		return NewDate(d.Year, time.Month(d.Month), d.Day), true
	case string:
		if parsed, err := ParseDate(d); err == nil {
			return parsed, true
		}
		rd.fail(join(path, key), CampaignBadDate, d)
		return Date{}, false
	}
	rd.fail(join(path, key), CampaignWantDate)
	return Date{}, false
}

// keyLines is the line of every key of a TOML file, by its path as the
// problems name it ("programmes.7m04203.exam_commission.members[2].degree",
// lower case), from go-toml's parser: its package is marked unstable, so
// it is used here alone, and the tests pin what it gives.
func keyLines(data []byte) map[string]int {
	lines := map[string]int{}
	set := func(path string, line int) {
		path = strings.ToLower(path)
		if _, seen := lines[path]; !seen && line > 0 {
			lines[path] = line
		}
	}
	var p unstable.Parser
	p.Reset(data)
	lineAt := func(n *unstable.Node) int {
		if n == nil || n.Raw.Length == 0 {
			return 0
		}
		return p.Shape(n.Raw).Start.Line
	}
	keyOf := func(n *unstable.Node) ([]string, int) {
		var parts []string
		line := 0
		it := n.Key()
		for it.Next() {
			parts = append(parts, string(it.Node().Data))
			if line == 0 {
				line = lineAt(it.Node())
			}
		}
		return parts, line
	}
	var walk func(path string, v *unstable.Node, line int)
	walk = func(path string, v *unstable.Node, line int) {
		if v == nil {
			return
		}
		switch v.Kind {
		case unstable.Array:
			it := v.Children()
			for i := 1; it.Next(); i++ {
				el := it.Node()
				elLine := lineAt(el)
				if elLine == 0 {
					elLine = line
				}
				elPath := fmt.Sprintf("%s[%d]", path, i)
				set(elPath, elLine)
				walk(elPath, el, elLine)
			}
		case unstable.InlineTable:
			it := v.Children()
			for it.Next() {
				kv := it.Node()
				parts, l := keyOf(kv)
				for i := range parts {
					set(path+"."+strings.Join(parts[:i+1], "."), l)
				}
				walk(path+"."+strings.Join(parts, "."), kv.Value(), l)
			}
		}
	}
	arrays := map[string]int{} // an array of tables → its elements so far
	table := ""
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			parts, line := keyOf(e)
			path := ""
			for i, part := range parts {
				path = join(path, part)
				key := strings.ToLower(path)
				if i == len(parts)-1 && e.Kind == unstable.ArrayTable {
					arrays[key]++
				}
				if n := arrays[key]; n > 0 {
					path = fmt.Sprintf("%s[%d]", path, n)
				}
				set(path, line)
			}
			table = path
		case unstable.KeyValue:
			parts, line := keyOf(e)
			path := table
			for _, part := range parts {
				path = join(path, part)
				set(path, line)
			}
			walk(path, e.Value(), line)
		}
	}
	return lines
}

// lineOf is the line of field, or of the nearest table or list that holds
// it; 0 if none is in the file (a key left to its default).
func lineOf(lines map[string]int, field string) int {
	field = strings.ToLower(field)
	for field != "" {
		if l, ok := lines[field]; ok {
			return l
		}
		cut := strings.LastIndexAny(field, ".[")
		if cut < 0 {
			break
		}
		field = field[:cut]
	}
	return 0
}
