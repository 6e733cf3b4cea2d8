package paper

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/go-fonts/dejavu/dejavusanscondensed"
	"github.com/go-fonts/dejavu/dejavusanscondensedbold"
	"github.com/go-fonts/dejavu/dejavusansmono"

	"examday/barcode"
	"examday/exam"
	"examday/i18n"
)

// The answer sheet (§1.5): A4 portrait, in millimetres. Top left the
// academy, the exam, its date and the level; top right the barcode; under
// them the question; then the answer area, and at the foot the three
// signatures the regulation asks for.
const (
	sheetW      = 210.0
	sheetMargin = 12.0
	sheetBodyW  = sheetW - 2*sheetMargin

	// barsHeightMM is the height of the bars: above barcode.MinHeightMM,
	// so that a scanner held at a slant still crosses every bar.
	barsHeightMM = 15.0
	// quietMM is the blank margin each side of the bars; nothing is drawn
	// in it.
	quietMM = barcode.QuietModules * barcode.ModuleMM
	// codeBoxW is the bars and their quiet zones.
	codeBoxW = barcode.SymbolModules*barcode.ModuleMM + 2*quietMM

	// The bands down the page.
	headerTop    = sheetMargin
	bandTop      = 47.0
	bandH        = 13.0
	answerBottom = 250.0
	ruleGap      = 8.0 // between the answer area's lines
	signTop      = 254.0
)

// sheetLangs are the languages of a sheet, in the order they are printed:
// Kazakh, the state language, first; then Russian; then English. Every
// label is on the sheet in all three, whatever language the officer's
// screen speaks: the sheet is read by the examinee, the commission and the
// graders.
var sheetLangs = []i18n.Lang{i18n.KK, i18n.RU, i18n.EN}

// tri is key's text in the three languages of the sheet.
func tri(key string, args ...any) []string {
	out := make([]string, len(sheetLangs))
	for i, l := range sheetLangs {
		out[i] = i18n.New(l).T(key, args...)
	}
	return out
}

// joined says the three texts on one line, each once: "Магистратура" is
// the same word in Kazakh and Russian and is printed once.
func joined(texts []string) string {
	var out []string
	for _, t := range texts {
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return strings.Join(out, " · ")
}

// sheetDoc is the PDF being written and the words every page repeats,
// said once.
type sheetDoc struct {
	pdf *fpdf.Fpdf

	academy     []string
	examTitle   string
	date        string
	level       map[exam.Level]string
	situational string
	spare       string
	spareAsk    string
	codeLabel   string
	answer      string
	rule        []string
	spareRule   []string
	signatures  string
	signers     [3][]string
	signHint    string
}

// WriteSheetsPDF writes the answer sheets to out: one A4 page a sheet, the
// sheets of each packet together and in question order, the packets in
// the order of their codes, then the loose spares. A page carries, in
// Kazakh, Russian and English, the academy, "Entrance examination", the
// hall's date, the level, the question ("Question 2 of 3", "Situational
// problem", or blanks on a spare), a ruled answer area and the three
// signature lines of §1.5; and the sheet's code as Code 128 bars, drawn as
// rectangles, with its digits under them.
//
// Nothing on a page says whose it is or which packet it belongs to — no
// name, no seat, no hall, no page number — so that a grader holding a
// sheet cannot tell whose it is (the SPEC's Barcodes). Only sheets still
// in the printed state are accepted: a second paper copy of a sheet
// already given out would be a second sheet with its code. For a fixed
// generated the bytes are always the same.
func WriteSheetsPDF(out io.Writer, h *exam.Hall, sheets []*exam.Sheet, generated time.Time) error {
	if len(sheets) == 0 {
		return errors.New("no answer sheets to print")
	}
	for _, s := range sheets {
		if s.State != exam.SheetPrinted {
			return fmt.Errorf("sheet %s is %s: only sheets not yet given out are printed", s.Code.Grouped(), s.State)
		}
	}
	d, err := drawSheets(h, sheets, generated)
	if err != nil {
		return err
	}
	return outputDeflated(d.pdf, out)
}

// drawSheets lays out the sheets' pages, the pages' content not yet
// compressed: outputDeflated compresses it.
func drawSheets(h *exam.Hall, sheets []*exam.Sheet, generated time.Time) (*sheetDoc, error) {
	d := newSheetDoc(h, generated)
	for _, s := range printOrder(sheets) {
		if err := d.page(s); err != nil {
			return nil, err
		}
	}
	return d, d.pdf.Error()
}

// printOrder is the sheets as they come off the printer: packet by packet,
// each in question order, then the spares, by code.
func printOrder(sheets []*exam.Sheet) []*exam.Sheet {
	out := slices.Clone(sheets)
	slices.SortStableFunc(out, func(a, b *exam.Sheet) int {
		switch {
		case a.Spare != b.Spare:
			if a.Spare {
				return 1
			}
			return -1
		case a.Packet != b.Packet:
			return strings.Compare(a.Packet, b.Packet)
		case a.Question != b.Question:
			return a.Question - b.Question
		}
		return strings.Compare(a.Code.String(), b.Code.String())
	})
	return out
}

// sheetDate is the hall's date as it is written in Kazakhstan, 12.08.2027.
func sheetDate(date string) string {
	t, err := time.Parse(exam.DateLayout, date)
	if err != nil {
		return date
	}
	return t.Format("02.01.2006")
}

func newSheetDoc(h *exam.Hall, generated time.Time) *sheetDoc {
	p := fpdf.New("P", "mm", "A4", "")
	p.AddUTF8FontFromBytes(sans, "", fontCopy(dejavusans.TTF))
	p.AddUTF8FontFromBytes(sans, "B", fontCopy(dejavusansbold.TTF))
	p.AddUTF8FontFromBytes(cond, "", fontCopy(dejavusanscondensed.TTF))
	p.AddUTF8FontFromBytes(cond, "B", fontCopy(dejavusanscondensedbold.TTF))
	p.AddUTF8FontFromBytes(mono, "", fontCopy(dejavusansmono.TTF))

	date := sheetDate(h.Date)
	p.SetCreationDate(generated)
	p.SetModificationDate(generated)
	p.SetCatalogSort(true)
	// The pages are compressed, but by outputDeflated, not by fpdf: fpdf
	// would make a compressor of a megabyte for every sheet.
	p.SetCompression(false)
	p.SetTitle(joined(tri("paper.sheet.title", date)), true)
	p.SetSubject(i18n.New(i18n.EN).T("paper.academy"), true)
	p.SetCreator("examday", true)
	p.SetMargins(sheetMargin, sheetMargin, sheetMargin)
	// Every page is laid out by hand; a page break of fpdf's own would cut
	// a sheet in two.
	p.SetAutoPageBreak(false, 0)

	d := &sheetDoc{
		pdf:       p,
		academy:   tri("paper.academy"),
		examTitle: joined(tri("paper.sheet.exam")),
		date:      joined(tri("paper.sheet.date")) + ": " + date,
		level: map[exam.Level]string{
			exam.Master:   joined(tri("paper.sheet.master")),
			exam.Doctoral: joined(tri("paper.sheet.doctoral")),
		},
		situational: joined(tri("paper.sheet.situational")),
		spare:       joined(tri("paper.sheet.spare")),
		spareAsk:    joined(tri("paper.sheet.spare_question")),
		codeLabel:   joined(tri("paper.sheet.code")),
		answer:      joined(tri("paper.sheet.answer")),
		rule:        tri("paper.sheet.rule"),
		spareRule:   tri("paper.sheet.spare_rule"),
		signatures:  joined(tri("paper.sheet.signatures")) + " — §1.5",
		signers: [3][]string{
			tri("paper.sheet.sign.admission"),
			tri("paper.sheet.sign.examination"),
			tri("paper.sheet.sign.security"),
		},
		signHint: joined(tri("paper.sheet.sign.hint")),
	}
	return d
}

// questionLabel is what the sheet is for, in the three languages.
func (d *sheetDoc) questionLabel(s *exam.Sheet) string {
	if s.Situational() {
		return d.situational
	}
	return joined(tri("paper.sheet.question", s.Question, exam.TheoryQuestions(s.Level)))
}

func (d *sheetDoc) font(family, style string, size float64) { d.pdf.SetFont(family, style, size) }

// fit sets the largest font size from size down to least at which text is
// no wider than w, and returns it.
func (d *sheetDoc) fit(family, style string, size, least, w float64, text string) float64 {
	for ; size > least; size -= 0.25 {
		d.font(family, style, size)
		if d.pdf.GetStringWidth(text)+2*d.pdf.GetCellMargin() <= w {
			return size
		}
	}
	d.font(family, style, least)
	return least
}

// page draws one sheet.
func (d *sheetDoc) page(s *exam.Sheet) error {
	p := d.pdf
	p.AddPage()
	p.SetTextColor(0, 0, 0)
	p.SetDrawColor(0, 0, 0)

	if err := d.code(s.Code); err != nil {
		return err
	}
	d.header(s)
	d.question(s)
	rulesBottom := d.rules(s)
	d.answerArea(rulesBottom + 2)
	d.signLines()
	return p.Error()
}

// header: the academy, the exam, the date and the level, left of the
// barcode and clear of its quiet zone.
func (d *sheetDoc) header(s *exam.Sheet) {
	p := d.pdf
	// The column ends 6 mm before the bars' quiet zone begins.
	w := sheetW - sheetMargin - codeBoxW - 6 - sheetMargin
	y := headerTop
	d.font(cond, "B", 7.5)
	p.SetTextColor(40, 40, 40)
	for _, line := range d.academy {
		d.fit(cond, "B", 7.5, 6, w, line)
		p.SetXY(sheetMargin, y)
		p.CellFormat(w, 3.4, line, "", 0, "L", false, 0, "")
		y += 3.4
	}
	p.SetTextColor(0, 0, 0)
	y += 2
	d.fit(sans, "B", 12, 9, w, d.examTitle)
	p.SetXY(sheetMargin, y)
	p.CellFormat(w, 6, d.examTitle, "", 0, "L", false, 0, "")
	y += 6.5
	d.font(sans, "", 9)
	p.SetXY(sheetMargin, y)
	p.CellFormat(w, 5, d.date, "", 0, "L", false, 0, "")
	y += 5.5
	if !s.Spare {
		d.fit(sans, "B", 10, 8, w, d.level[s.Level])
		p.SetXY(sheetMargin, y)
		p.CellFormat(w, 5, d.level[s.Level], "", 0, "L", false, 0, "")
		return
	}
	// A spare is of no level until it replaces a sheet: the officer ticks
	// the level of the sheet it replaces.
	x := sheetMargin
	for _, l := range []exam.Level{exam.Master, exam.Doctoral} {
		x = d.checkbox(x, y, d.level[l], 8, (w-5)/2) + 5
	}
}

// checkbox draws an empty box and its label at (x, y) on a 5 mm line, the
// whole at most w wide, and returns where the label ends.
func (d *sheetDoc) checkbox(x, y float64, label string, size, w float64) float64 {
	p := d.pdf
	p.SetLineWidth(0.3)
	p.Rect(x+0.5, y+1, 3, 3, "D")
	d.fit(sans, "", size, 6, w-4, label)
	lw := min(p.GetStringWidth(label)+2*p.GetCellMargin(), w-4)
	p.SetXY(x+4, y)
	p.CellFormat(lw, 5, label, "", 0, "L", false, 0, "")
	return x + 4 + lw
}

// code draws the sheet's code top right: a caption, the bars — one filled
// rectangle per run of dark modules, barcode.ModuleMM a module — with the
// quiet zone left white each side, and the digits in groups of four under
// them.
func (d *sheetDoc) code(c barcode.Code) error {
	p := d.pdf
	modules, err := barcode.Modules(c)
	if err != nil {
		return err
	}
	left := sheetW - sheetMargin - codeBoxW
	barsX := left + quietMM
	barsY := headerTop + 4

	d.font(cond, "", 6.5)
	p.SetTextColor(60, 60, 60)
	p.SetXY(left, headerTop)
	p.CellFormat(codeBoxW, 3.5, d.codeLabel, "", 0, "C", false, 0, "")

	p.SetFillColor(0, 0, 0)
	for i := 0; i < len(modules); {
		if !modules[i] {
			i++
			continue
		}
		j := i
		for j < len(modules) && modules[j] {
			j++
		}
		p.Rect(barsX+float64(i)*barcode.ModuleMM, barsY, float64(j-i)*barcode.ModuleMM, barsHeightMM, "F")
		i = j
	}

	p.SetTextColor(0, 0, 0)
	d.font(mono, "", 11)
	p.SetXY(left, barsY+barsHeightMM+0.8)
	p.CellFormat(codeBoxW, 5, c.Grouped(), "", 0, "C", false, 0, "")
	return nil
}

// question: the band that says which question the sheet is for; on a
// spare, blanks for the officer to fill in.
func (d *sheetDoc) question(s *exam.Sheet) {
	p := d.pdf
	p.SetLineWidth(0.4)
	p.SetFillColor(236, 236, 236)
	p.Rect(sheetMargin, bandTop, sheetBodyW, bandH, "FD")
	label := d.spare
	if !s.Spare {
		label = d.questionLabel(s)
	}
	d.fit(sans, "B", 16, 10, sheetBodyW-4, label)
	p.SetXY(sheetMargin+2, bandTop)
	p.CellFormat(sheetBodyW-4, bandH, label, "", 0, "C", false, 0, "")
	if !s.Spare {
		return
	}
	y := bandTop + bandH + 2
	d.font(sans, "B", 9)
	ask := d.spareAsk
	aw := p.GetStringWidth(ask) + 2*p.GetCellMargin()
	p.SetXY(sheetMargin, y)
	p.CellFormat(aw, 5, ask, "", 0, "L", false, 0, "")
	p.SetLineWidth(0.3)
	p.Line(sheetMargin+aw+1, y+4.5, sheetMargin+aw+21, y+4.5)
	x := sheetMargin + aw + 28
	d.checkbox(x, y, d.situational, 9, sheetW-sheetMargin-x)
}

// rules prints the instructions under the question, a line a language,
// and returns where they end.
func (d *sheetDoc) rules(s *exam.Sheet) float64 {
	p := d.pdf
	y := bandTop + bandH + 1.5
	lines := d.rule
	if s.Spare {
		y += 6.5
		lines = append(slices.Clone(d.spareRule), d.rule...)
	}
	p.SetTextColor(60, 60, 60)
	d.font(cond, "", 6.8)
	for _, l := range lines {
		p.SetXY(sheetMargin, y)
		p.MultiCell(sheetBodyW, 3, l, "", "L", false)
		y = p.GetY()
	}
	p.SetTextColor(0, 0, 0)
	return y
}

// answerArea is a framed, ruled area from top to answerBottom.
func (d *sheetDoc) answerArea(top float64) {
	p := d.pdf
	p.SetDrawColor(0, 0, 0)
	p.SetLineWidth(0.4)
	p.Rect(sheetMargin, top, sheetBodyW, answerBottom-top, "D")
	d.font(cond, "", 6.5)
	p.SetTextColor(90, 90, 90)
	p.SetXY(sheetMargin+1, top+0.8)
	p.CellFormat(60, 3, d.answer, "", 0, "L", false, 0, "")
	p.SetTextColor(0, 0, 0)
	p.SetDrawColor(170, 170, 170)
	p.SetLineWidth(0.15)
	for y := top + ruleGap + 2; y < answerBottom-2; y += ruleGap {
		p.Line(sheetMargin+3, y, sheetW-sheetMargin-3, y)
	}
	p.SetDrawColor(0, 0, 0)
}

// signLines: the three signatures every sheet carries before it is given
// out (§1.5), each role in the three languages over its line.
func (d *sheetDoc) signLines() {
	p := d.pdf
	d.font(cond, "B", 7)
	p.SetXY(sheetMargin, signTop)
	p.CellFormat(sheetBodyW, 3.5, d.signatures, "", 0, "L", false, 0, "")
	colW := sheetBodyW / 3
	top := signTop + 4.5
	for i, role := range d.signers {
		x := sheetMargin + float64(i)*colW
		p.SetTextColor(40, 40, 40)
		for k, line := range role {
			d.fit(cond, "", 6.8, 5.5, colW-3, line)
			p.SetXY(x, top+float64(k)*3)
			p.CellFormat(colW-3, 3, line, "", 0, "L", false, 0, "")
		}
		p.SetTextColor(0, 0, 0)
		lineY := top + 19
		p.SetDrawColor(0, 0, 0)
		p.SetLineWidth(0.3)
		p.Line(x+1, lineY, x+colW-5, lineY)
		d.font(cond, "", 5.5)
		p.SetTextColor(90, 90, 90)
		p.SetXY(x+1, lineY+0.3)
		p.CellFormat(colW-6, 2.5, d.signHint, "", 0, "C", false, 0, "")
		p.SetTextColor(0, 0, 0)
	}
}
