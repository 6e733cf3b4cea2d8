package admission

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"examday/barcode"
	"examday/exam"
)

// A marking station marks answer sheets by their codes only. What it is
// given is the code list the central record writes (`central marking
// codes`): per sheet its code, its level, its question and the
// question's maximum — never a name, a seat or a hall, so that nothing a
// marker sees says whose sheet it is. Its log (a signed log of its own,
// like a hall's) begins with TypeStationCreated, which holds the list
// whole, and then holds one TypeMarkRecorded per mark the marker gave.

// CodeLine is one sheet of a code list.
type CodeLine struct {
	Code     barcode.Code `json:"code"`
	Level    exam.Level   `json:"level"`
	Question int          `json:"question"` // 1…N in the ticket's order
	Max      int          `json:"max"`      // the question's maximum points (the campaign's question_points)
}

// The code list's columns, in the order WriteCodes writes them.
var codeColumns = []string{"code", "level", "question", "max"}

// WriteCodes writes a code list as CSV (UTF-8, comma, a header line).
func WriteCodes(w io.Writer, lines []CodeLine) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(codeColumns); err != nil {
		return err
	}
	for _, l := range lines {
		if err := cw.Write([]string{l.Code.String(), string(l.Level), strconv.Itoa(l.Question), strconv.Itoa(l.Max)}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// ReadCodes reads a code list WriteCodes wrote: the whole list, or every
// line that is wrong with its reason (a *CodesError) and no list.
func ReadCodes(r io.Reader) ([]CodeLine, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	rows, err := cr.ReadAll()
	if err != nil {
		return nil, &CodesError{Problems: []Problem{{Line: csvLine(err), Code: CodesBadCSV, Args: []any{err.Error()}}}}
	}
	if len(rows) == 0 {
		return nil, &CodesError{Problems: []Problem{{Line: 1, Code: CodesEmpty}}}
	}
	header := rows[0]
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\ufeff")
	}
	if len(header) != len(codeColumns) || !equalFold(header, codeColumns) {
		return nil, &CodesError{Problems: []Problem{{Line: 1, Code: CodesHeader, Args: []any{strings.Join(codeColumns, ",")}}}}
	}
	var out []CodeLine
	var probs []Problem
	seen := map[barcode.Code]int{}
	for i, row := range rows[1:] {
		line := i + 2
		if len(row) != len(codeColumns) {
			probs = append(probs, Problem{Line: line, Code: CodesColumns, Args: []any{len(row), len(codeColumns)}})
			continue
		}
		code, err := barcode.ParseAnySession(strings.TrimSpace(row[0]))
		if err != nil {
			probs = append(probs, Problem{Line: line, Field: "code", Code: CodesBadCode, Args: []any{row[0]}})
			continue
		}
		level := exam.Level(strings.TrimSpace(row[1]))
		if level != exam.Master && level != exam.Doctoral {
			probs = append(probs, Problem{Line: line, Field: "level", Code: CodesBadLevel, Args: []any{row[1]}})
			continue
		}
		q, errQ := strconv.Atoi(strings.TrimSpace(row[2]))
		if errQ != nil || q < 1 || q > exam.SheetsPerPacket(level) {
			probs = append(probs, Problem{Line: line, Field: "question", Code: CodesBadQuestion, Args: []any{row[2], exam.SheetsPerPacket(level)}})
			continue
		}
		max, errM := strconv.Atoi(strings.TrimSpace(row[3]))
		if errM != nil || max < 1 || max > ScaleOfExam {
			probs = append(probs, Problem{Line: line, Field: "max", Code: CodesBadMax, Args: []any{row[3], ScaleOfExam}})
			continue
		}
		if first, dup := seen[code]; dup {
			probs = append(probs, Problem{Line: line, Field: "code", Code: CodesDuplicate, Args: []any{code.String(), first}})
			continue
		}
		seen[code] = line
		out = append(out, CodeLine{Code: code, Level: level, Question: q, Max: max})
	}
	if len(probs) > 0 {
		return nil, &CodesError{Problems: probs}
	}
	if len(out) == 0 {
		return nil, &CodesError{Problems: []Problem{{Line: 2, Code: CodesEmpty}}}
	}
	return out, nil
}

func equalFold(a, b []string) bool {
	for i := range a {
		if !strings.EqualFold(strings.TrimSpace(a[i]), b[i]) {
			return false
		}
	}
	return true
}

func csvLine(err error) int {
	if pe, ok := err.(*csv.ParseError); ok {
		return pe.StartLine
	}
	return 1
}

// CodesError is every line of a code list that is wrong.
type CodesError struct{ Problems []Problem }

func (e *CodesError) Error() string {
	return fmt.Sprintf("the code list has %d problem(s), the first at line %d: %s", len(e.Problems), e.Problems[0].Line, e.Problems[0].Code)
}

// The code list's problems (catalogue keys under "admission.").
const (
	CodesBadCSV      = "codes_bad_csv"      // Args: the parser's words
	CodesEmpty       = "codes_empty"        // no sheet in the list
	CodesHeader      = "codes_header"       // Args: the header wanted
	CodesColumns     = "codes_columns"      // Args: columns found, wanted
	CodesBadCode     = "codes_bad_code"     // Args: the text (not a code: wrong length, check digit)
	CodesBadLevel    = "codes_bad_level"    // Args: the text
	CodesBadQuestion = "codes_bad_question" // Args: the text, the level's questions
	CodesBadMax      = "codes_bad_max"      // Args: the text, the scale
	CodesDuplicate   = "codes_duplicate"    // Args: the code, its first line
)

// The marking station's events, for its own signed log. As for the
// hall's and the campaign's, each type is declared once; its words are in
// the catalogue ("ui.event_type." + the type).
const (
	// TypeStationCreated is a station's first event: who marks there, and
	// the code list it was set up with, whole. The central record takes a
	// marking station's log only if it begins with it (central.RoleMarker).
	TypeStationCreated = "station.created"
	// TypeMarkRecorded is one mark the marker gave a sheet. A second mark
	// for the same code at the same station is a correction: it names its
	// reason and the seq of the mark it corrects, and takes its place.
	TypeMarkRecorded = "mark.recorded"
)

// StationCreatedData is a marking station's set-up.
type StationCreatedData struct {
	Marker string     `json:"marker"` // the marker's full name, as enrolled at the central record
	Codes  []CodeLine `json:"codes"`
	// Source is the SHA-256 of the code list file as read.
	Source string `json:"source_sha256,omitempty"`
	Demo   bool   `json:"demo,omitempty"`
}

// MarkRecordedData is one mark.
type MarkRecordedData struct {
	Code   barcode.Code `json:"code"`
	Points int          `json:"points"`
	// Corrects is the seq of the station's mark this one takes the place
	// of (0 for a first mark), with the marker's Reason.
	Corrects uint64 `json:"corrects,omitempty"`
	Reason   string `json:"reason,omitempty"`
	// Via is how the mark came: "screen" (scanned or typed at the
	// station) or "import" (a spreadsheet, `examday mark import`).
	Via string `json:"via"`
}
