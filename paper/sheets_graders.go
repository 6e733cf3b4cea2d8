package paper

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"examday/barcode"
	"examday/exam"
	"examday/i18n"
)

// GraderSheet is one line of the graders' list: a sheet received back,
// with what a grader needs to grade it and nothing that says whose it is.
// The level and the question are printed on the sheet itself; the list
// tells the grader nothing the paper does not.
type GraderSheet struct {
	Code        barcode.Code
	Level       exam.Level
	Question    int
	Situational bool
}

// GraderSheets are the sheets received back, by code. Sorting by code
// keeps the list from telling anything: the serials are random, so the
// order is neither the roster's, nor the seats', nor the order the sheets
// were handed in. A spare that replaced a spoilt sheet carries the level
// and question of the sheet it replaced.
func GraderSheets(sheets []*exam.Sheet) []GraderSheet {
	var out []GraderSheet
	for _, s := range sheets {
		if s.State != exam.SheetReceived {
			continue
		}
		out = append(out, GraderSheet{Code: s.Code, Level: s.Level, Question: s.Question, Situational: s.Situational()})
	}
	slices.SortFunc(out, func(a, b GraderSheet) int { return strings.Compare(a.Code.String(), b.Code.String()) })
	return out
}

// label is the question in words: "Question 2 of 3", "Situational problem".
func (g GraderSheet) label(cat i18n.Catalogue) string {
	if g.Situational {
		return cat.T("paper.sheet.situational")
	}
	return cat.T("paper.sheet.question", g.Question, exam.TheoryQuestions(g.Level))
}

func (g GraderSheet) cells(cat i18n.Catalogue) []string {
	return []string{g.Code.Grouped(), cat.T("level." + string(g.Level)), strconv.Itoa(g.Question), g.label(cat)}
}

func graderTitles(cat i18n.Catalogue) []string {
	return []string{cat.T("paper.sheet.code"), cat.T("paper.graders.col.level"), cat.T("paper.graders.col.question"), cat.T("paper.graders.col.label")}
}

// WriteGradersCSV writes the list as a CSV for a spreadsheet: UTF-8 with a
// byte-order mark, CRLF, a header row, then code, level, question number
// and question. The code is written in its printed groups, as text: 12
// bare digits would turn into 1.23457E+11 in Excel.
func WriteGradersCSV(out io.Writer, list []GraderSheet, cat i18n.Catalogue) error {
	if _, err := io.WriteString(out, bom); err != nil {
		return err
	}
	cw := csv.NewWriter(out)
	cw.UseCRLF = true
	cw.Write(graderTitles(cat))
	for _, g := range list {
		cw.Write(g.cells(cat))
	}
	cw.Flush()
	return cw.Error()
}

// WriteGradersText writes the list as plain text to print: a title with
// the exam's date, a note on what the list is, the count, then a table.
func WriteGradersText(out io.Writer, h *exam.Hall, list []GraderSheet, cat i18n.Catalogue) error {
	var b strings.Builder
	fmt.Fprintln(&b, cat.T("paper.graders.title", sheetDate(h.Date)))
	fmt.Fprintln(&b, cat.T("paper.graders.note"))
	fmt.Fprintln(&b, cat.T("paper.graders.count", len(list)))
	fmt.Fprintln(&b)
	tw := tabwriter.NewWriter(&b, 0, 0, 3, ' ', 0)
	fmt.Fprintln(tw, strings.Join(graderTitles(cat), "\t"))
	for _, g := range list {
		fmt.Fprintln(tw, strings.Join(g.cells(cat), "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := io.WriteString(out, b.String())
	return err
}
