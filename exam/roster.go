package exam

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"
)

// RosterColumns are the columns a roster CSV must have, in any order.
var RosterColumns = []string{"id", "full_name", "programme", "id_document", "seat"}

// RosterProblem is one bad row of a roster. Line is the file's line number
// (the header is line 1); Code is a catalogue key under "roster.".
type RosterProblem struct {
	Line int
	Code string
	Args []any
}

// RosterError lists every bad row; a roster with any is imported not at all.
type RosterError struct {
	Problems []RosterProblem
}

func (e *RosterError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "roster has %d problem(s):", len(e.Problems))
	for _, p := range e.Problems {
		fmt.Fprintf(&b, "\n  line %d: %s %v", p.Line, p.Code, p.Args)
	}
	return b.String()
}

// Roster problem codes (catalogue keys under "roster.").
const (
	RosterEmpty          = "empty"
	RosterNoData         = "no_rows"
	RosterBadHeader      = "bad_header"
	RosterInvalidUTF8    = "invalid_utf8"
	RosterColumnCount    = "column_count"
	RosterBadQuotes      = "bad_quotes"
	RosterEmptyField     = "empty_field"
	RosterUnknownProg    = "unknown_programme"
	RosterDuplicateID    = "duplicate_id"
	RosterDuplicateSeat  = "duplicate_seat"
	RosterDuplicateIDDoc = "duplicate_id_document"
)

// ParseRoster reads a roster CSV as spreadsheets in the region export it:
// UTF-8 with or without a byte-order mark, separated by commas or by
// semicolons (the header decides which). It returns the rows only if every
// row is good; otherwise a *RosterError lists every bad row by line.
func ParseRoster(r io.Reader) ([]RosterRow, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	var probs []RosterProblem

	// csv does not check the encoding: a line that is not UTF-8 is reported
	// here, by its line number, and its row is skipped below.
	badLine := map[int]bool{}
	for i, line := range bytes.Split(raw, []byte("\n")) {
		if !utf8.Valid(line) {
			badLine[i+1] = true
			probs = append(probs, RosterProblem{Line: i + 1, Code: RosterInvalidUTF8})
		}
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, &RosterError{Problems: []RosterProblem{{Line: 1, Code: RosterEmpty}}}
	}

	header := raw
	if i := bytes.IndexByte(raw, '\n'); i >= 0 {
		header = raw[:i]
	}
	cr := csv.NewReader(bytes.NewReader(raw))
	cr.FieldsPerRecord = -1
	if bytes.Count(header, []byte(";")) > bytes.Count(header, []byte(",")) {
		cr.Comma = ';'
	}

	rec, err := cr.Read()
	if err != nil {
		return nil, &RosterError{Problems: append(probs, RosterProblem{Line: 1, Code: RosterBadHeader, Args: []any{strings.Join(RosterColumns, ", ")}})}
	}
	col := map[string]int{}
	for i, name := range rec {
		col[strings.ToLower(strings.TrimSpace(name))] = i
	}
	for _, want := range RosterColumns {
		if _, ok := col[want]; !ok || len(rec) != len(RosterColumns) {
			return nil, &RosterError{Problems: append(probs, RosterProblem{Line: 1, Code: RosterBadHeader, Args: []any{strings.Join(RosterColumns, ", ")}})}
		}
	}

	var rows []RosterRow
	var lines []int
	for {
		line, _ := cr.FieldPos(0)
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				if !badLine[pe.StartLine] {
					probs = append(probs, RosterProblem{Line: pe.StartLine, Code: RosterBadQuotes})
				}
				continue
			}
			return nil, err
		}
		line, _ = cr.FieldPos(0)
		if badLine[line] {
			continue
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue // a blank line, as spreadsheets leave at the end
		}
		if len(rec) != len(RosterColumns) {
			probs = append(probs, RosterProblem{Line: line, Code: RosterColumnCount, Args: []any{len(rec), len(RosterColumns)}})
			continue
		}
		get := func(name string) string { return strings.TrimSpace(rec[col[name]]) }
		rows = append(rows, RosterRow{
			ID: get("id"), FullName: get("full_name"), Programme: strings.ToUpper(get("programme")),
			IDDocument: get("id_document"), Seat: get("seat"),
		})
		lines = append(lines, line)
	}
	probs = append(probs, checkRows(rows, lines)...)
	if len(probs) > 0 {
		sortProblems(probs)
		return nil, &RosterError{Problems: probs}
	}
	if len(rows) == 0 {
		return nil, &RosterError{Problems: []RosterProblem{{Line: 2, Code: RosterNoData}}}
	}
	return rows, nil
}

// CheckRoster checks rows already parsed (the demo's, or a test's); line
// numbers count the header as line 1.
func CheckRoster(rows []RosterRow) []RosterProblem {
	lines := make([]int, len(rows))
	for i := range rows {
		lines[i] = i + 2
	}
	return checkRows(rows, lines)
}

func checkRows(rows []RosterRow, lines []int) []RosterProblem {
	var probs []RosterProblem
	seenID, seenSeat, seenDoc := map[string]int{}, map[string]int{}, map[string]int{}
	for i, r := range rows {
		line := lines[i]
		for _, f := range []struct{ name, value string }{
			{"id", r.ID}, {"full_name", r.FullName}, {"programme", r.Programme},
			{"id_document", r.IDDocument}, {"seat", r.Seat},
		} {
			if f.value == "" {
				probs = append(probs, RosterProblem{Line: line, Code: RosterEmptyField, Args: []any{f.name}})
			}
		}
		if r.Programme != "" {
			if _, ok := ProgrammeByCode(r.Programme); !ok {
				probs = append(probs, RosterProblem{Line: line, Code: RosterUnknownProg, Args: []any{r.Programme}})
			}
		}
		for _, u := range []struct {
			seen  map[string]int
			value string
			code  string
		}{{seenID, r.ID, RosterDuplicateID}, {seenSeat, r.Seat, RosterDuplicateSeat}, {seenDoc, r.IDDocument, RosterDuplicateIDDoc}} {
			if u.value == "" {
				continue
			}
			if first, dup := u.seen[u.value]; dup {
				probs = append(probs, RosterProblem{Line: line, Code: u.code, Args: []any{u.value, first}})
			} else {
				u.seen[u.value] = line
			}
		}
	}
	return probs
}

func sortProblems(p []RosterProblem) {
	// Stable: the problems of one line stay in the order found.
	sort.SliceStable(p, func(i, j int) bool { return p[i].Line < p[j].Line })
}
