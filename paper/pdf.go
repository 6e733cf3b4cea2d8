package paper

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"codeberg.org/go-pdf/fpdf"
	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/go-fonts/dejavu/dejavusanscondensed"
	"github.com/go-fonts/dejavu/dejavusanscondensedbold"
	"github.com/go-fonts/dejavu/dejavusansmono"

	"examday/i18n"
)

// The page: A4 landscape, in millimetres.
const (
	pageW, pageH = 297.0, 210.0
	margin       = 10.0
	bodyW        = pageW - 2*margin
	// The footer: rows of signature slots, the last one the place of the
	// seal, then the line with the page number and the log's seal.
	slotsPerRow = 4
	slotH       = 12.0
	sealH       = 5.0
)

// Fonts: DejaVu has every letter of Kazakh (Ә Ғ Қ Ң Ө Ұ Ү Һ І) and of
// Russian; the condensed cut fits the examinees' table on a landscape page;
// the mono cut keeps the hash's 0 and O, 1 and l apart.
const (
	sans = "DejaVu"
	cond = "DejaVuCond"
	mono = "DejaVuMono"
)

// pdfCol is a column of a printed table: its title, width and alignment.
type pdfCol struct {
	title string
	w     float64
	align string
}

type pdfDoc struct {
	pdf     *fpdf.Fpdf
	w       words
	r       Report
	footerH float64
	// table is the header of the table being printed, repeated at the top
	// of each page it runs onto.
	table []pdfCol
}

// WritePDF writes the report as a PDF for the commission: a title block,
// the start, the end and the interruptions, a table of the examinees, the
// violations, the offered violations, the corrections and every answer
// sheet, and on every page
// a footer with the page number, the log's size and hash, and lines for the
// signatures of the officer, the chairman and the members. For a fixed
// r.Generated the bytes are always the same.
func WritePDF(out io.Writer, r Report, cat i18n.Catalogue) error {
	d := newPDF(r, cat)
	d.titleBlock()
	d.timesBlock()
	d.examineesTable()
	d.violationsTable()
	d.offersTable()
	d.correctionsTable()
	d.sheetsTable()
	d.outstandingList()
	if err := d.pdf.Error(); err != nil {
		return err
	}
	return d.pdf.Output(out)
}

func newPDF(r Report, cat i18n.Catalogue) *pdfDoc {
	p := fpdf.New("L", "mm", "A4", "")
	d := &pdfDoc{pdf: p, w: newWords(r, cat), r: r}
	// The alias for the page count must be set before the fonts are added:
	// fpdf then keeps the digits in the fonts' subsets.
	p.AliasNbPages("{nb}")
	p.AddUTF8FontFromBytes(sans, "", fontCopy(dejavusans.TTF))
	p.AddUTF8FontFromBytes(sans, "B", fontCopy(dejavusansbold.TTF))
	p.AddUTF8FontFromBytes(cond, "", fontCopy(dejavusanscondensed.TTF))
	p.AddUTF8FontFromBytes(cond, "B", fontCopy(dejavusanscondensedbold.TTF))
	p.AddUTF8FontFromBytes(mono, "", fontCopy(dejavusansmono.TTF))

	// Determinism: the dates are the report's, the catalogs sorted.
	p.SetCreationDate(r.Generated)
	p.SetModificationDate(r.Generated)
	p.SetCatalogSort(true)
	p.SetCompression(true)
	p.SetTitle(cat.T("paper.title")+" — "+r.Hall.Name, true)
	p.SetSubject(cat.T("paper.academy"), true)
	p.SetCreator("examday", true)
	p.SetLang(string(cat.Lang))

	slots := len(d.signers()) + 1 // and the place of the seal
	rows := (slots + slotsPerRow - 1) / slotsPerRow
	d.footerH = float64(rows)*slotH + sealH + 8
	p.SetMargins(margin, margin, margin)
	p.SetAutoPageBreak(true, d.footerH)
	p.SetFooterFunc(d.footer)
	p.SetHeaderFunc(func() {
		if d.table != nil {
			d.tableHeader()
		}
	})
	p.AddPage()
	return d
}

func (d *pdfDoc) font(family, style string, size float64) { d.pdf.SetFont(family, style, size) }

// signer is one signature line of the footer: the role, and the name
// printed beside the line ("" for one to write in by hand).
type signer struct{ role, name string }

// signers are who signs every page: the officer on duty, the chairman, the
// secretary of the examination commission (AR 18–19) and each member. The
// hall's set-up names no secretary: the name is written in by hand.
func (d *pdfDoc) signers() []signer {
	w, h := d.w, d.r.Hall
	out := []signer{
		{w.t("paper.hall.officer"), h.Officer},
		{w.t("paper.hall.chairman"), h.Chairman},
		{w.t("paper.hall.secretary"), ""},
	}
	for _, m := range h.Members {
		out = append(out, signer{w.t("paper.hall.member"), m})
	}
	return out
}

// blank is a run of underscores as wide as w in the current font: a line
// to write on by hand that is also text, so that it is there in the PDF's
// text as on the paper.
func (d *pdfDoc) blank(w float64) string {
	n := int(w / d.pdf.GetStringWidth("_"))
	return strings.Repeat("_", max(n, 4))
}

// footer: the signature lines and the place of the seal, then the page
// number and the log's seal.
func (d *pdfDoc) footer() {
	p, w, h := d.pdf, d.w, d.r.Hall
	top := pageH - d.footerH + 1
	p.SetDrawColor(0, 0, 0)
	p.SetLineWidth(0.2)
	p.Line(margin, top, pageW-margin, top)

	signers := d.signers()
	slotW := bodyW / slotsPerRow
	for i, s := range signers {
		// The role, then a line to sign on with the name beside it and
		// "signature" under it.
		x := margin + float64(i%slotsPerRow)*slotW
		y := top + 1 + float64(i/slotsPerRow)*slotH
		d.font(cond, "", 7)
		p.SetTextColor(80, 80, 80)
		p.SetXY(x, y)
		p.CellFormat(slotW-2, 3.5, s.role, "", 0, "L", false, 0, "")
		p.SetTextColor(0, 0, 0)
		lineW := (slotW - 4) * 0.45
		p.SetLineWidth(0.2)
		p.Line(x+1, y+8.5, x+1+lineW, y+8.5)
		d.font(cond, "", 8)
		name := s.name
		if name == "" {
			name = d.blank(slotW - lineW - 6)
		}
		p.SetXY(x+lineW+1, y+5)
		p.CellFormat(slotW-lineW-3, 3.5, name, "", 0, "L", false, 0, "")
		d.font(cond, "", 5.5)
		p.SetXY(x+1, y+8.7)
		p.CellFormat(lineW, 2.3, w.t("paper.sign.hint"), "", 0, "C", false, 0, "")
	}
	// The place of the seal: the slot after the last signature.
	n := len(signers)
	d.font(sans, "B", 9)
	p.SetXY(margin+float64(n%slotsPerRow)*slotW+1, top+1+float64(n/slotsPerRow)*slotH+4)
	p.CellFormat(slotW-2, 4.5, w.t("paper.seal_place"), "", 0, "L", false, 0, "")

	y := pageH - margin/2 - sealH
	p.SetLineWidth(0.1)
	p.Line(margin, y, pageW-margin, y)
	p.SetXY(margin, y)
	d.font(cond, "B", 7.5)
	page := w.t("paper.page", p.PageNo(), "{nb}")
	p.CellFormat(p.GetStringWidth(page)+4, sealH, page, "", 0, "L", false, 0, "")
	d.font(cond, "", 7.5)
	seal := w.t("paper.log.seal", d.r.Log.Events, "")
	p.CellFormat(p.GetStringWidth(seal)+1, sealH, seal, "", 0, "L", false, 0, "")
	d.font(mono, "", 8)
	hash := d.r.Log.HashPrefix()
	p.CellFormat(p.GetStringWidth(hash)+4, sealH, hash, "", 0, "L", false, 0, "")
	if d.r.Unverified != "" {
		// Every page says it, not only the first: pages get separated.
		d.font(cond, "B", 7.5)
		p.SetTextColor(180, 0, 0)
		mark := w.t("paper.unverified_short")
		p.CellFormat(p.GetStringWidth(mark)+4, sealH, mark, "", 0, "L", false, 0, "")
		p.SetTextColor(0, 0, 0)
	}
	d.font(cond, "", 7.5)
	// A page that comes apart from the others still says whose protocol
	// it is; without a number, there is a line to write it on.
	protocol := h.Protocol
	if protocol == "" {
		protocol = d.blank(15)
	}
	rest := w.t("paper.hall.protocol") + " " + protocol + " · " + h.Name + " · " + sheetDate(h.Date) + " · " +
		w.t("paper.hall.generated") + " " + w.printedDateTime(d.r.Generated)
	p.CellFormat(0, sealH, rest, "", 0, "R", false, 0, "")
}

// titleBlock: the head of the protocol — the academy, the protocol's
// number, what it is, where and when — then a warning if the log does not
// verify, the hall and its commission.
func (d *pdfDoc) titleBlock() {
	p, w, h := d.pdf, d.w, d.r.Hall
	d.font(sans, "B", 10)
	p.MultiCell(0, 5, w.t("paper.academy"), "", "C", false)
	p.Ln(1)
	d.font(sans, "B", 14)
	number := h.Protocol
	if number == "" {
		number = d.blank(25)
	}
	p.MultiCell(0, 7, w.t("paper.protocol", number), "", "C", false)
	d.font(sans, "B", 11)
	p.MultiCell(0, 6, w.t("paper.title"), "", "C", false)
	p.Ln(1)
	d.placeAndDate()
	p.Ln(2)

	if d.r.Unverified != "" {
		p.SetDrawColor(180, 0, 0)
		p.SetTextColor(180, 0, 0)
		p.SetLineWidth(0.6)
		d.font(sans, "B", 9)
		p.MultiCell(0, 5, w.t("paper.unverified", d.r.Unverified), "1", "L", false)
		p.SetTextColor(0, 0, 0)
		p.SetDrawColor(0, 0, 0)
		p.SetLineWidth(0.2)
		p.Ln(2)
	}

	programmes := make([]string, len(h.Programmes))
	for i, c := range h.Programmes {
		programmes[i] = w.programme(c)
	}
	left := [][2]string{
		{w.t("paper.hall.name"), h.Name},
		{w.t("paper.hall.programmes"), strings.Join(programmes, "; ")},
	}
	d.font(sans, "B", 8.5)
	right := [][2]string{
		{w.t("paper.hall.officer"), h.Officer},
		{w.t("paper.hall.chairman"), h.Chairman},
		{w.t("paper.hall.secretary"), d.blank(50)},
		{w.t("paper.hall.members"), strings.Join(h.Members, "; ")},
	}
	d.pairs(left, right, 34, 56)
	p.Ln(2)
}

// placeAndDate is the protocol's line of where and when: the place on the
// left (a line to write it on if none was given), the exam's date on the
// right, and a rule under them.
func (d *pdfDoc) placeAndDate() {
	p, w, h := d.pdf, d.w, d.r.Hall
	y := p.GetY()
	label := func(text string) float64 {
		d.font(cond, "", 8)
		p.SetTextColor(80, 80, 80)
		lw := p.GetStringWidth(text) + 2*p.GetCellMargin()
		p.CellFormat(lw, 5, text, "", 0, "L", false, 0, "")
		p.SetTextColor(0, 0, 0)
		return lw
	}

	date := sheetDate(h.Date)
	d.font(sans, "B", 9)
	dateW := p.GetStringWidth(date) + 2*p.GetCellMargin()
	d.font(cond, "", 8)
	dateLabel := w.t("paper.hall.date") + ":"
	dateX := pageW - margin - dateW - p.GetStringWidth(dateLabel) - 2*p.GetCellMargin()
	p.SetXY(dateX, y)
	label(dateLabel)
	d.font(sans, "B", 9)
	p.CellFormat(dateW, 5, date, "", 0, "R", false, 0, "")

	p.SetXY(margin, y)
	x := margin + label(w.t("paper.hall.place")+":")
	room := dateX - x - 10
	d.font(sans, "B", 9)
	place := h.Place
	if place == "" {
		place = d.blank(min(room, 90))
	}
	p.SetXY(x, y)
	p.MultiCell(room, 5, place, "", "L", false)
	bottom := p.GetY() + 1
	p.SetDrawColor(0, 0, 0)
	p.SetLineWidth(0.3)
	p.Line(margin, bottom, pageW-margin, bottom)
	p.SetXY(margin, bottom)
}

// pairs prints two columns of label–value pairs side by side.
func (d *pdfDoc) pairs(left, right [][2]string, leftLabelW, rightLabelW float64) {
	p := d.pdf
	half := bodyW / 2
	top := p.GetY()
	column := func(x, labelW float64, items [][2]string) float64 {
		y := top
		for _, it := range items {
			d.font(cond, "", 8)
			labelLines := p.SplitText(it[0], labelW)
			d.font(sans, "B", 8.5)
			valueLines := p.SplitText(it[1], half-labelW-4)
			if len(valueLines) == 0 {
				valueLines = []string{"—"}
			}
			d.font(cond, "", 8)
			for i, l := range labelLines {
				p.SetXY(x, y+float64(i)*4)
				p.SetTextColor(80, 80, 80)
				p.CellFormat(labelW, 4, l, "", 0, "L", false, 0, "")
			}
			p.SetTextColor(0, 0, 0)
			d.font(sans, "B", 8.5)
			for i, l := range valueLines {
				p.SetXY(x+labelW, y+float64(i)*4)
				p.CellFormat(half-labelW-4, 4, l, "", 0, "L", false, 0, "")
			}
			y += 4*float64(max(len(labelLines), len(valueLines))) + 0.8
		}
		return y
	}
	yl := column(margin, leftLabelW, left)
	yr := column(margin+half, rightLabelW, right)
	p.SetXY(margin, max(yl, yr))
}

// heading starts a section, on a new page if not even its first rows
// would fit under it.
func (d *pdfDoc) heading(title string, need float64) {
	p := d.pdf
	if p.GetY()+8+need > pageH-d.footerH {
		p.AddPage()
	}
	p.Ln(2)
	d.font(sans, "B", 10)
	p.CellFormat(0, 6, title, "", 1, "L", false, 0, "")
}

func (d *pdfDoc) timesBlock() {
	w, h, r := d.w, d.r.Hall, d.r
	d.heading(w.t("paper.section.times"), 30)
	start := w.clock(h.Start)
	if h.StartCorrection != "" {
		start += " — " + w.t("paper.hall.start_correction") + ": " + h.StartCorrection
	}
	warnings := make([]string, len(r.Warnings))
	for i, x := range r.Warnings {
		warnings[i] = w.warning(x)
	}
	wrong := make([]string, len(r.WrongPINs))
	for i, x := range r.WrongPINs {
		wrong[i] = w.wrongPIN(x)
	}
	jumps := make([]string, len(r.ClockJumps))
	for i, j := range r.ClockJumps {
		jumps[i] = w.t("paper.hall.clock_jump_value", signed(j.Jump), w.clock(j.At))
	}
	left := [][2]string{
		{w.t("paper.hall.proposed_start"), w.clock(h.ProposedStart)},
		{w.t("paper.hall.start"), start},
		{w.t("paper.hall.planned_end"), w.clock(h.PlannedEnd)},
		{w.t("paper.hall.end"), w.clock(h.End)},
		{w.t("paper.hall.interrupted"), orNone(w, nonZero(h.Interrupted))},
	}
	right := [][2]string{
		{w.t("paper.hall.warning"), orNone(w, strings.Join(warnings, "; "))},
		{w.t("paper.hall.time_up"), w.clock(h.TimeUpAt)},
		{w.t("paper.hall.clock_jump"), orNone(w, nonZeroCount(len(jumps)))},
		{w.t("paper.hall.wrong_pin"), orNone(w, nonZeroCount(len(wrong)))},
		{w.t("paper.hall.phase"), w.phase(h.Phase)},
		{w.t("paper.hall.closed"), w.closed(h)},
	}
	d.pairs(left, right, 48, 40)
	if len(jumps) > 0 {
		// A laptop that slept often jumped often: the list flows on as a
		// paragraph, over a page break if it must.
		d.legend(w.t("paper.hall.clock_jump") + ": " + strings.Join(jumps, "; "))
	}
	if len(wrong) > 0 {
		d.legend(w.t("paper.hall.wrong_pin") + ": " + strings.Join(wrong, "; "))
	}

	if len(r.Interruptions) == 0 {
		return
	}
	d.heading(w.t("paper.section.interruptions"), 12)
	cols := []pdfCol{
		{w.t("paper.v.seq"), 12, "R"}, {w.t("paper.i.kind"), 40, "L"}, {w.t("paper.c.reason"), 71, "L"},
		{w.t("paper.i.from"), 20, "C"}, {w.t("paper.i.to"), 20, "C"}, {w.t("paper.i.length"), 24, "C"},
		{w.t("paper.i.new_end"), 30, "C"}, {w.t("paper.c.agreed_by"), 60, "L"},
	}
	rows := make([][]string, len(r.Interruptions))
	for i, x := range r.Interruptions {
		rows[i] = []string{fmt.Sprint(x.Seq), w.kind(x.Kind), x.Reason, w.clock(x.Start), w.interruptionEnd(x),
			nonZero(x.Length), w.clock(x.NewEnd), x.AgreedBy}
	}
	d.printTable(cols, rows)
}

func nonZeroCount(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprint(n)
}

func orNone(w words, s string) string {
	if s == "" {
		return w.t("paper.none")
	}
	return s
}

func (d *pdfDoc) examineesTable() {
	w := d.w
	// The key to the abbreviations goes above the table, so that it is on
	// the page where the table starts, however long the table runs.
	legend := w.t("paper.legend", w.zoneName(d.r.Generated))
	d.heading(w.t("paper.section.examinees"), 20+d.legendH(legend))
	d.legend(legend)
	cols := []pdfCol{
		{w.t("paper.abbr.seat"), 9, "C"},
		{w.t("paper.abbr.id"), 15, "L"},
		{w.t("paper.abbr.name"), 44, "L"},
		{w.t("paper.abbr.programme"), 14, "C"},
		{w.t("paper.abbr.status"), 21, "L"},
		{w.t("paper.abbr.arrived"), 15, "C"},
		{w.t("paper.abbr.materials"), 15, "C"},
		{w.t("paper.abbr.theory"), 14, "C"},
		{w.t("paper.abbr.break"), 15, "C"},
		{w.t("paper.abbr.medical"), 25, "L"},
		{w.t("paper.abbr.situational"), 15, "C"},
		{w.t("paper.abbr.code"), 18, "C"},
		{w.t("paper.abbr.handed_in"), 26, "L"},
		{w.t("paper.abbr.removed"), 17, "C"},
		{w.t("paper.abbr.violations"), 14, "C"},
	}
	rows := make([][]string, len(d.r.Examinees))
	for i, x := range d.r.Examinees {
		// The status says ABSENT; the narrow column keeps to times.
		arrived := w.clock(x.Arrived)
		if x.AdmittedLate {
			arrived += "\n" + w.t("paper.abbr.late")
		}
		materials := w.clock(x.Materials)
		if x.Ticket != "" {
			materials += "\n" + w.t("paper.ticket_no", x.Ticket)
		}
		brk := ""
		if !x.BreakOut.IsZero() {
			back := w.clock(x.BreakBack)
			if back == "" {
				back = w.t("paper.not_back")
			}
			brk = w.clock(x.BreakOut) + "\n" + back
			if x.BreakOverrun > 0 {
				brk += "\n+" + duration(x.BreakOverrun)
			}
		}
		sit := ""
		if x.SituationalTicket != "" {
			sit = w.t("paper.ticket_no", x.SituationalTicket) + "\n" + w.clock(x.SituationalAt)
		}
		code := ""
		if !x.CodeOut.IsZero() {
			code = w.clock(x.CodeOut) + "\n" + w.codeBack(x)
		}
		handed := []string{w.clock(x.HandedIn)}
		if x.LateBy > 0 {
			handed = append(handed, w.t("paper.late_by", duration(x.LateBy)))
		}
		if x.Forced != "" {
			handed = append(handed, w.t("paper.forced", x.Forced))
		}
		if x.WithoutSituational {
			handed = append(handed, w.withoutSituational(x))
		}
		viol := ""
		if x.Violations > 0 {
			viol = fmt.Sprint(x.Violations)
		}
		seat := x.Seat
		for _, m := range x.SeatChanges {
			seat += "\n" + w.t("paper.seat_from", m.From, w.clock(m.At))
		}
		rows[i] = []string{seat, x.ID, x.FullName, x.Programme, w.status(x.Status), arrived, materials,
			w.clock(x.TheoryIn), brk, w.medical(x), sit, code, strings.Join(handed, "\n"), w.clock(x.Removed), viol}
	}
	d.printTable(cols, rows)
}

// legend prints a small paragraph.
func (d *pdfDoc) legend(text string) {
	p := d.pdf
	d.font(cond, "", 6.5)
	p.SetTextColor(60, 60, 60)
	p.MultiCell(0, 3, text, "", "L", false)
	p.Ln(1)
	p.SetTextColor(0, 0, 0)
}

// legendH is the height legend will take.
func (d *pdfDoc) legendH(text string) float64 {
	d.font(cond, "", 6.5)
	return float64(len(d.pdf.SplitText(text, bodyW)))*3 + 1
}

func (d *pdfDoc) violationsTable() {
	w := d.w
	d.heading(w.t("paper.section.violations"), rowsNeed(len(d.r.Violations)))
	if len(d.r.Violations) == 0 {
		d.noneLine()
		return
	}
	cols := []pdfCol{
		{w.t("paper.v.seq"), 10, "R"}, {w.t("paper.v.at"), 15, "C"}, {w.t("paper.v.examinee"), 40, "L"},
		{w.t("paper.v.clause_text"), 47, "L"}, {w.t("paper.v.description"), 42, "L"}, {w.t("paper.v.witnesses"), 29, "L"},
		{w.t("paper.v.action"), 25, "L"}, {w.t("paper.v.decision"), 24, "L"}, {w.t("paper.v.agreed_by"), 25, "L"},
		{w.t("paper.v.recorded_by"), 20, "L"},
	}
	rows := make([][]string, len(d.r.Violations))
	for i, v := range d.r.Violations {
		decision := w.decision(v.Decision)
		if v.Offer != 0 {
			decision += "\n(" + w.t("paper.v.offer") + " " + fmt.Sprint(v.Offer) + ")"
		}
		rows[i] = []string{fmt.Sprint(v.Seq), w.clock(v.At), w.who(v.Who), w.clause(v.Clause), v.Description,
			v.Witnesses, v.ActionTaken, decision, v.AgreedBy, v.RecordedBy}
	}
	d.printTable(cols, rows)
}

func (d *pdfDoc) offersTable() {
	w := d.w
	d.heading(w.t("paper.section.offers"), rowsNeed(len(d.r.Offers)))
	if len(d.r.Offers) == 0 {
		d.noneLine()
		return
	}
	cols := []pdfCol{
		{w.t("paper.v.seq"), 10, "R"}, {w.t("paper.v.at"), 15, "C"}, {w.t("paper.v.examinee"), 45, "L"},
		{w.t("paper.v.clause_text"), 62, "L"}, {w.t("paper.o.reason"), 45, "L"}, {w.t("paper.o.fate"), 65, "L"},
		{w.t("paper.o.fate_at"), 15, "C"}, {w.t("paper.o.fate_by"), 20, "L"},
	}
	rows := make([][]string, len(d.r.Offers))
	for i, o := range d.r.Offers {
		rows[i] = []string{fmt.Sprint(o.Seq), w.clock(o.At), w.who(o.Who), w.clause(o.Clause), w.offerReason(o),
			w.fate(o), w.clock(o.FateAt), o.FateBy}
	}
	d.printTable(cols, rows)
}

func (d *pdfDoc) correctionsTable() {
	w := d.w
	d.heading(w.t("paper.section.corrections"), rowsNeed(len(d.r.Corrections)))
	if len(d.r.Corrections) == 0 {
		d.noneLine()
		return
	}
	cols := []pdfCol{
		{w.t("paper.v.seq"), 10, "R"}, {w.t("paper.v.at"), 15, "C"}, {w.t("paper.v.examinee"), 45, "L"},
		{w.t("paper.c.cancelled"), 50, "L"}, {w.t("paper.c.cancelled_at"), 17, "C"}, {w.t("paper.c.reason"), 80, "L"},
		{w.t("paper.c.agreed_by"), 30, "L"}, {w.t("paper.v.recorded_by"), 30, "L"},
	}
	rows := make([][]string, len(d.r.Corrections))
	for i, c := range d.r.Corrections {
		rows[i] = []string{fmt.Sprint(c.Seq), w.clock(c.At), w.who(c.Who), w.cancelledEntry(c), w.clock(c.CancelledAt),
			c.Reason, c.AgreedBy, c.By}
	}
	d.printTable(cols, rows)
}

func (d *pdfDoc) outstandingList() {
	if len(d.r.Outstanding) == 0 {
		return
	}
	w, p := d.w, d.pdf
	d.heading(w.t("paper.section.outstanding"), 8)
	d.font(sans, "", 8)
	for _, o := range d.r.Outstanding {
		p.MultiCell(0, 4, "• "+w.outstanding(o), "", "L", false)
	}
}

// rowsNeed is the room a section needs under its heading so as not to be
// left alone at the foot of a page: a table's header and first row — a
// header of two lines and a row of three, as the Kazakh and Russian titles
// and the clauses' words often take — or the one line saying there is
// none.
func rowsNeed(n int) float64 {
	if n == 0 {
		return 5
	}
	return 2*lineH + 3*lineH + 4*cellPadTop
}

func (d *pdfDoc) noneLine() {
	d.font(sans, "", 8)
	d.pdf.CellFormat(0, 5, d.w.t("paper.none"), "", 1, "L", false, 0, "")
}

// Table metrics: condensed 7 pt, 3.2 mm a line, 0.8 mm above and below.
const (
	tableSize  = 7.0
	lineH      = 3.2
	cellPadTop = 0.8
)

// printTable prints a table whose rows wrap inside their cells; a row that
// would cross the footer goes to the next page, under the header again.
func (d *pdfDoc) printTable(cols []pdfCol, rows [][]string) {
	p := d.pdf
	d.table = cols
	d.tableHeader()
	for i, row := range rows {
		lines := make([][]string, len(cols))
		sizes := make([]float64, len(cols))
		n := 1
		for j, c := range cols {
			sizes[j] = d.fitWords(row[j], c.w, "")
			d.font(cond, "", sizes[j])
			lines[j] = d.split(row[j], c.w)
			n = max(n, len(lines[j]))
		}
		h := float64(n)*lineH + 2*cellPadTop
		if p.GetY()+h > pageH-d.footerH {
			// The header function prints the table's header on the new page.
			p.AddPage()
		}
		y := p.GetY()
		x := margin
		fill := i%2 == 1
		if fill {
			p.SetFillColor(242, 242, 242)
		}
		for j, c := range cols {
			p.SetDrawColor(150, 150, 150)
			p.SetLineWidth(0.1)
			style := "D"
			if fill {
				style = "FD"
			}
			p.Rect(x, y, c.w, h, style)
			d.font(cond, "", sizes[j])
			for k, l := range lines[j] {
				p.SetXY(x, y+cellPadTop+float64(k)*lineH)
				p.CellFormat(c.w, lineH, l, "", 0, c.align, false, 0, "")
			}
			x += c.w
		}
		p.SetXY(margin, y+h)
	}
	d.table = nil
	p.SetDrawColor(0, 0, 0)
}

func (d *pdfDoc) tableHeader() {
	p := d.pdf
	lines := make([][]string, len(d.table))
	sizes := make([]float64, len(d.table))
	n := 1
	for j, c := range d.table {
		sizes[j] = d.fitWords(c.title, c.w, "B")
		d.font(cond, "B", sizes[j])
		lines[j] = d.split(c.title, c.w)
		n = max(n, len(lines[j]))
	}
	h := float64(n)*lineH + 2*cellPadTop
	y := p.GetY()
	x := margin
	p.SetFillColor(215, 222, 232)
	p.SetDrawColor(120, 120, 120)
	p.SetLineWidth(0.15)
	for j, c := range d.table {
		p.Rect(x, y, c.w, h, "FD")
		d.font(cond, "B", sizes[j])
		for k, l := range lines[j] {
			p.SetXY(x, y+cellPadTop+float64(k)*lineH)
			p.CellFormat(c.w, lineH, l, "", 0, "C", false, 0, "")
		}
		x += c.w
	}
	p.SetXY(margin, y+h)
	d.font(cond, "", tableSize)
}

// fitWords is the size of the table's font (style "" or "B"), from
// tableSize down to 6 pt, at which every word of text fits in a column
// w wide: a cell wraps between words, never inside one ("Шығарылд-ы").
// A word too long even then is broken as it must be.
func (d *pdfDoc) fitWords(text string, w float64, style string) float64 {
	p := d.pdf
	room := w - 2*p.GetCellMargin()
	size := tableSize
	for ; size > 6; size -= 0.25 {
		d.font(cond, style, size)
		fits := true
		for _, word := range strings.Fields(text) {
			if p.GetStringWidth(word) > room {
				fits = false
				break
			}
		}
		if fits {
			break
		}
	}
	return size
}

// split wraps text to a column's width in the current font, keeping its
// own line breaks.
func (d *pdfDoc) split(text string, w float64) []string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		if para == "" {
			out = append(out, "")
			continue
		}
		out = append(out, d.pdf.SplitText(para, w)...)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// fontCopy is a font's bytes for one document: fpdf writes into the bytes
// it is given (one byte of the mono font, the first time it embeds it), so
// a shared font would make the first PDF of a process differ from every
// later one — a print from the screen from the same print on the command
// line. Each document gets its own copy.
func fontCopy(ttf []byte) []byte { return bytes.Clone(ttf) }
