package admission

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"examday/exam"
)

// The applicants file: a CSV (as the roster, exam/roster.go) or an Excel
// workbook (.xlsx), one applicant a row under a header row that names the
// columns, in any order. The file is checked whole: a file with any bad
// row imports nobody, and every bad row is reported by its line (the
// spreadsheet's row number; the header is line 1).

// Applicant columns. The first four are required; service is one of
// service_years or service_since; the language is language (with
// language_score once the exam is marked) or certificate with
// certificate_score; the counts of AR 31 are 0 when their column is
// absent or the cell is empty.
const (
	ColID                   = "id"
	ColFullName             = "full_name"
	ColProgramme            = "programme"
	ColIDDocument           = "id_document"
	ColServiceYears         = "service_years"
	ColServiceSince         = "service_since"
	ColLanguage             = "language"
	ColLanguageScore        = "language_score"
	ColCertificate          = "certificate"
	ColCertificateScore     = "certificate_score"
	ColPublications         = "publications"
	ColPublicationsHigh     = "publications_high"
	ColResearchCertificates = "research_certificates"
	ColGrants               = "grants"
	ColDiplomas             = "diplomas"
)

// ApplicantColumns are every column an applicants file may have.
var ApplicantColumns = []string{
	ColID, ColFullName, ColProgramme, ColIDDocument, ColServiceYears, ColServiceSince,
	ColLanguage, ColLanguageScore, ColCertificate, ColCertificateScore,
	ColPublications, ColPublicationsHigh, ColResearchCertificates, ColGrants, ColDiplomas,
}

var requiredColumns = []string{ColID, ColFullName, ColProgramme, ColIDDocument}

var countColumns = []string{ColPublications, ColPublicationsHigh, ColResearchCertificates, ColGrants, ColDiplomas}

// Applicants problem codes (catalogue keys under "applicants.").
const (
	ApplicantsEmpty                   = "empty"
	ApplicantsNoRows                  = "no_rows"
	ApplicantsNotWorkbook             = "not_workbook"
	ApplicantsInvalidUTF8             = "invalid_utf8"
	ApplicantsBadQuotes               = "bad_quotes"
	ApplicantsColumnCount             = "column_count"
	ApplicantsColumnMissing           = "column_missing"
	ApplicantsColumnUnknown           = "column_unknown"
	ApplicantsColumnTwice             = "column_twice"
	ApplicantsColumnUnnamed           = "column_unnamed"
	ApplicantsServiceColumns          = "service_columns"
	ApplicantsLanguageColumns         = "language_columns"
	ApplicantsEmptyField              = "empty_field"
	ApplicantsUnknownProgramme        = "unknown_programme"
	ApplicantsProgrammeNotInCampaign  = "programme_not_in_campaign"
	ApplicantsDuplicateID             = "duplicate_id"
	ApplicantsDuplicateIDDocument     = "duplicate_id_document"
	ApplicantsServiceMissing          = "service_missing"
	ApplicantsServiceBoth             = "service_both"
	ApplicantsServiceYears            = "service_years"
	ApplicantsServiceSince            = "service_since"
	ApplicantsServiceSinceRange       = "service_since_range"
	ApplicantsLanguageUnknown         = "language_unknown"
	ApplicantsLanguageMissing         = "language_missing"
	ApplicantsLanguageScore           = "language_score"
	ApplicantsCertificateUnknown      = "certificate_unknown"
	ApplicantsCertificateMissing      = "certificate_missing"
	ApplicantsCertificateScoreMissing = "certificate_score_missing"
	ApplicantsCertificateScoreRange   = "certificate_score_range"
	ApplicantsCertificateScoreStep    = "certificate_score_step"
	ApplicantsCertificateLevel        = "certificate_level"
	ApplicantsCertificateTwoLevels    = "certificate_two_levels"
	ApplicantsCertificateLanguage     = "certificate_language"
	ApplicantsCount                   = "count"
	ApplicantsHighOverPublications    = "high_over_publications"
)

// ReadApplicants reads an applicants file, CSV or XLSX (known by its
// content: a workbook is a ZIP archive), for campaign c. It returns the
// applicants, in the file's order, only if every row is good; otherwise an
// *ApplicantsError lists every bad row by line.
func ReadApplicants(r io.Reader, c Campaign) ([]Applicant, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	if bytes.HasPrefix(raw, []byte("PK\x03\x04")) {
		return ParseApplicantsXLSX(bytes.NewReader(raw), c)
	}
	return ParseApplicantsCSV(bytes.NewReader(raw), c)
}

// ParseApplicantsCSV reads an applicants CSV as the roster is read: UTF-8
// with or without a byte-order mark, comma- or semicolon-separated (the
// header decides).
func ParseApplicantsCSV(r io.Reader, c Campaign) ([]Applicant, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	t, probs, err := readCSV(raw)
	if err != nil {
		return nil, err
	}
	return applicantsOf(t, probs, c)
}

// ParseApplicantsXLSX reads an applicants workbook: the sheet named
// "applicants" if there is one, else the first. Cells are read as typed,
// not as shown (a service_since typed as an Excel date is that date).
func ParseApplicantsXLSX(r io.Reader, c Campaign) ([]Applicant, error) {
	t, probs := readXLSX(r)
	return applicantsOf(t, probs, c)
}

// sheet is a file's rows: the header's columns, and each row's cells with
// its line. A row whose line has a problem of its own is left out.
type sheet struct {
	header []string
	rows   []sheetRow
	// workbook: cells typed in Excel (dates are serial numbers).
	workbook bool
}

type sheetRow struct {
	line  int
	cells []string
}

func readCSV(raw []byte) (sheet, []Problem, error) {
	raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	var probs []Problem
	if len(bytes.TrimSpace(raw)) == 0 {
		return sheet{}, []Problem{{Line: 1, Code: ApplicantsEmpty}}, nil
	}
	badLine := map[int]bool{}
	for i, line := range bytes.Split(raw, []byte("\n")) {
		if !utf8.Valid(line) {
			badLine[i+1] = true
			probs = append(probs, Problem{Line: i + 1, Code: ApplicantsInvalidUTF8})
		}
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
	var s sheet
	first := true
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				return sheet{}, nil, err
			}
			if !badLine[pe.StartLine] {
				probs = append(probs, Problem{Line: pe.StartLine, Code: ApplicantsBadQuotes})
			}
			if first {
				return sheet{}, probs, nil
			}
			continue
		}
		line, _ := cr.FieldPos(0)
		if first {
			first = false
			s.header = rec
			if badLine[line] {
				return sheet{}, probs, nil
			}
			continue
		}
		if badLine[line] {
			continue
		}
		if len(rec) != len(s.header) && !blank(rec) {
			probs = append(probs, Problem{Line: line, Code: ApplicantsColumnCount, Args: []any{len(rec), len(s.header)}})
			continue
		}
		s.rows = append(s.rows, sheetRow{line: line, cells: rec})
	}
	return s, probs, nil
}

func readXLSX(r io.Reader) (sheet, []Problem) {
	notWorkbook := []Problem{{Line: 0, Code: ApplicantsNotWorkbook}}
	// An applicants workbook is a few hundred rows: a file that unzips to
	// more than this is not one, and is not let fill the memory.
	f, err := excelize.OpenReader(r, excelize.Options{RawCellValue: true, UnzipSizeLimit: 64 << 20, UnzipXMLSizeLimit: 16 << 20})
	if err != nil {
		return sheet{}, notWorkbook
	}
	defer f.Close()
	names := f.GetSheetList()
	if len(names) == 0 {
		return sheet{}, notWorkbook
	}
	name := names[0]
	for _, n := range names {
		if strings.EqualFold(strings.TrimSpace(n), "applicants") {
			name = n
		}
	}
	rows, err := f.Rows(name)
	if err != nil {
		return sheet{}, notWorkbook
	}
	defer rows.Close()
	s := sheet{workbook: true}
	var probs []Problem
	for line := 1; rows.Next(); line++ {
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return sheet{}, notWorkbook
		}
		if line == 1 {
			s.header = cells
			continue
		}
		if blank(cells) {
			continue
		}
		// A workbook drops empty cells at a row's end; a filled cell past
		// the header's last column is a column too many.
		if len(cells) > len(s.header) && !blank(cells[len(s.header):]) {
			probs = append(probs, Problem{Line: line, Code: ApplicantsColumnCount, Args: []any{len(cells), len(s.header)}})
			continue
		}
		s.rows = append(s.rows, sheetRow{line: line, cells: cells})
	}
	if s.header == nil {
		return sheet{}, []Problem{{Line: 1, Code: ApplicantsEmpty}}
	}
	return s, probs
}

func blank(cells []string) bool {
	return !slices.ContainsFunc(cells, func(c string) bool { return strings.TrimSpace(c) != "" })
}

// columns maps the header's names to their column, reporting every name
// unknown, twice, or missing.
func columns(header []string) (map[string]int, []Problem) {
	var probs []Problem
	col := map[string]int{}
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(h))
		switch {
		case name == "":
			probs = append(probs, Problem{Line: 1, Code: ApplicantsColumnUnnamed, Args: []any{i + 1}})
		case !slices.Contains(ApplicantColumns, name):
			probs = append(probs, Problem{Line: 1, Field: name, Code: ApplicantsColumnUnknown, Args: []any{strings.TrimSpace(h), strings.Join(ApplicantColumns, ", ")}})
		default:
			if _, dup := col[name]; dup {
				probs = append(probs, Problem{Line: 1, Field: name, Code: ApplicantsColumnTwice, Args: []any{name}})
				continue
			}
			col[name] = i
		}
	}
	for _, want := range requiredColumns {
		if _, ok := col[want]; !ok {
			probs = append(probs, Problem{Line: 1, Field: want, Code: ApplicantsColumnMissing, Args: []any{want}})
		}
	}
	has := func(name string) bool { _, ok := col[name]; return ok }
	if !has(ColServiceYears) && !has(ColServiceSince) {
		probs = append(probs, Problem{Line: 1, Code: ApplicantsServiceColumns})
	}
	if !has(ColLanguage) && !has(ColCertificate) {
		probs = append(probs, Problem{Line: 1, Code: ApplicantsLanguageColumns})
	}
	return col, probs
}

func applicantsOf(s sheet, probs []Problem, c Campaign) ([]Applicant, error) {
	if s.header == nil {
		if len(probs) == 0 {
			probs = []Problem{{Line: 1, Code: ApplicantsEmpty}}
		}
		sortProblems(probs)
		return nil, &ApplicantsError{Problems: probs}
	}
	col, headerProbs := columns(s.header)
	probs = append(probs, headerProbs...)
	if len(headerProbs) > 0 {
		// Without the header, no row can be read as meant.
		sortProblems(probs)
		return nil, &ApplicantsError{Problems: probs}
	}
	var list []Applicant
	seenID, seenDoc := map[string]int{}, map[string]int{}
	for _, row := range s.rows {
		if blank(row.cells) {
			continue // a blank line, as spreadsheets leave at the end
		}
		get := func(name string) string {
			i, ok := col[name]
			if !ok || i >= len(row.cells) {
				return ""
			}
			return strings.TrimSpace(row.cells[i])
		}
		a, rowProbs := applicantOf(get, c, s.workbook)
		a.Line = row.line
		for _, u := range []struct {
			seen       map[string]int
			value, col string
			code       string
		}{{seenID, a.ID, ColID, ApplicantsDuplicateID}, {seenDoc, strings.ToUpper(a.IDDocument), ColIDDocument, ApplicantsDuplicateIDDocument}} {
			if u.value == "" {
				continue
			}
			if first, dup := u.seen[u.value]; dup {
				rowProbs = append(rowProbs, Problem{Field: u.col, Code: u.code, Args: []any{get(u.col), first}})
			} else {
				u.seen[u.value] = row.line
			}
		}
		for i := range rowProbs {
			rowProbs[i].Line = row.line
		}
		probs = append(probs, rowProbs...)
		list = append(list, a)
	}
	if len(probs) > 0 {
		sortProblems(probs)
		return nil, &ApplicantsError{Problems: probs}
	}
	if len(list) == 0 {
		return nil, &ApplicantsError{Problems: []Problem{{Line: 2, Code: ApplicantsNoRows}}}
	}
	return list, nil
}

// applicantOf reads one row; its problems have no line yet.
func applicantOf(get func(string) string, c Campaign, workbook bool) (Applicant, []Problem) {
	var probs []Problem
	add := func(field, code string, args ...any) {
		probs = append(probs, Problem{Field: field, Code: code, Args: args})
	}
	a := Applicant{
		ID: get(ColID), FullName: strings.Join(strings.Fields(get(ColFullName)), " "),
		Programme: strings.ToUpper(get(ColProgramme)), IDDocument: get(ColIDDocument),
	}
	for _, f := range []struct{ col, value string }{
		{ColID, a.ID}, {ColFullName, a.FullName}, {ColProgramme, a.Programme}, {ColIDDocument, a.IDDocument},
	} {
		if f.value == "" {
			add(f.col, ApplicantsEmptyField, f.col)
		}
	}
	if a.Programme != "" {
		if _, ok := exam.ProgrammeByCode(a.Programme); !ok {
			add(ColProgramme, ApplicantsUnknownProgramme, a.Programme)
		} else if _, ok := c.Programme(a.Programme); !ok {
			add(ColProgramme, ApplicantsProgrammeNotInCampaign, a.Programme, c.Year)
		}
	}

	// Service (AR 7, 8, 31): years, or the day it began.
	years, since := get(ColServiceYears), get(ColServiceSince)
	switch {
	case years == "" && since == "":
		add(ColServiceYears, ApplicantsServiceMissing)
	case years != "" && since != "":
		add(ColServiceYears, ApplicantsServiceBoth)
	case years != "":
		v, err := strconv.ParseFloat(strings.ReplaceAll(years, ",", "."), 64)
		if err != nil || math.IsNaN(v) || v < 0 || v > MaxServiceYears {
			add(ColServiceYears, ApplicantsServiceYears, years, MaxServiceYears)
		} else {
			a.ServiceYears = v
		}
	default:
		d, err := ParseDate(since)
		if err != nil && workbook {
			d, err = excelDate(since)
		}
		from, to := serviceSinceBounds(c)
		switch {
		case err != nil:
			add(ColServiceSince, ApplicantsServiceSince, since)
		case d.Before(from) || d.After(to):
			add(ColServiceSince, ApplicantsServiceSinceRange, d, from, to)
		default:
			a.ServiceSince = d
		}
	}

	// The language (AR 20) and a certificate (AR 22).
	if name, score := get(ColCertificate), get(ColCertificateScore); name != "" {
		cert, p := ParseCertificate(name, score)
		if p != nil {
			probs = append(probs, *p)
		} else {
			a.Certificate = &cert
		}
	} else if score != "" {
		add(ColCertificate, ApplicantsCertificateMissing, score)
	}
	if l := get(ColLanguage); l != "" {
		if lang, ok := ParseLanguage(l); ok {
			a.Language = lang
		} else {
			add(ColLanguage, ApplicantsLanguageUnknown, l)
		}
	}
	if s := get(ColLanguageScore); s != "" {
		v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", "."), 64)
		if err != nil || v != math.Trunc(v) || v < 0 || v > float64(c.Language.Scale) {
			add(ColLanguageScore, ApplicantsLanguageScore, s, c.Language.Scale)
		} else {
			n := int(v)
			a.LanguageScore = &n
		}
	}
	switch {
	case a.Certificate != nil && a.Language == "" && get(ColLanguage) == "":
		a.Language = a.Certificate.Language()
	case a.Certificate != nil && a.Language != "" && a.Language != a.Certificate.Language():
		add(ColCertificate, ApplicantsCertificateLanguage, a.Certificate.Name, a.Certificate.Language(), a.Language)
	case a.Certificate == nil && get(ColCertificate) == "" && get(ColLanguage) == "":
		add(ColLanguage, ApplicantsLanguageMissing)
	}

	// AR 31's achievements.
	counts := map[string]*int{
		ColPublications: &a.Publications, ColPublicationsHigh: &a.PublicationsHigh,
		ColResearchCertificates: &a.ResearchCertificates, ColGrants: &a.Grants, ColDiplomas: &a.Diplomas,
	}
	for _, name := range countColumns {
		s := get(name)
		if s == "" {
			continue
		}
		n, err := strconv.Atoi(s)
		if err != nil {
			// A workbook may hold a whole number as 3.0.
			if v, ferr := strconv.ParseFloat(s, 64); ferr == nil && v == math.Trunc(v) && workbook {
				n, err = int(v), nil
			}
		}
		if err != nil || n < 0 {
			add(name, ApplicantsCount, name, s)
			continue
		}
		*counts[name] = n
	}
	if a.PublicationsHigh > a.Publications {
		add(ColPublicationsHigh, ApplicantsHighOverPublications, a.PublicationsHigh, a.Publications)
	}
	return a, probs
}

// excelDate reads a date typed in Excel, which the workbook keeps as the
// number of days since 1899-12-30.
func excelDate(s string) (Date, error) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v < 1 || v > 2958465 {
		return Date{}, fmt.Errorf("%q is not a date", s)
	}
	t, err := excelize.ExcelDateToTime(v, false)
	if err != nil {
		return Date{}, err
	}
	return NewDate(t.Year(), t.Month(), t.Day()), nil
}
