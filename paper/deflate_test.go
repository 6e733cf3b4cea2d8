package paper

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/go-fonts/dejavu/dejavusansmono"

	"examday/barcode"
	"examday/exam"
)

// someSheets are packets of both levels and spares, enough pages for one
// compressor to be reused many times.
func someSheets(t *testing.T) (*exam.Hall, []*exam.Sheet) {
	t.Helper()
	h := exam.NewHall()
	h.Date = "2027-08-12"
	var sheets []*exam.Sheet
	serial := 1000
	add := func(packet string, level exam.Level, question int, spare bool) {
		t.Helper()
		serial += 7919
		c, err := barcode.New("0907", serial)
		if err != nil {
			t.Fatal(err)
		}
		if packet == "" && !spare {
			packet = c.String()
		}
		sheets = append(sheets, &exam.Sheet{Code: c, Packet: packet, Level: level, Question: question, Spare: spare, State: exam.SheetPrinted})
	}
	for i := range 12 {
		level := exam.Master
		if i%3 == 2 {
			level = exam.Doctoral
		}
		first := len(sheets)
		add("", level, 1, false)
		for q := 2; q <= exam.TheoryQuestions(level)+1; q++ {
			add(sheets[first].Packet, level, q, false)
		}
	}
	for range 5 {
		add("", exam.Master, 0, true)
	}
	return h, sheets
}

// WriteSheetsPDF's bytes are those fpdf writes when it compresses the
// pages itself: the same streams, the same offsets, the same trailer.
func TestSheetsPDFIsDeflatedAsFpdfDeflatesIt(t *testing.T) {
	h, sheets := someSheets(t)
	generated := time.Date(2027, 8, 12, 7, 0, 0, 0, time.UTC)
	// fpdf changes a byte of dejavusansmono.TTF, which it is handed and
	// does not copy, the first time a document embeds it: the first PDF
	// of a process embeds the mono font a byte apart from the next ones.
	// A first print, thrown away, so that both below are next ones.
	if err := WriteSheetsPDF(io.Discard, h, sheets[:1], generated); err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if err := WriteSheetsPDF(&got, h, sheets, generated); err != nil {
		t.Fatal(err)
	}

	d, err := drawSheets(h, sheets, generated)
	if err != nil {
		t.Fatal(err)
	}
	d.pdf.SetCompression(true)
	var want bytes.Buffer
	if err := d.pdf.Output(&want); err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(want.Bytes(), []byte("/Type /Page\n")); n != len(sheets) {
		t.Fatalf("fpdf wrote %d pages for %d sheets", n, len(sheets))
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		g, w := got.Bytes(), want.Bytes()
		i := 0
		for i < min(len(g), len(w)) && g[i] == w[i] {
			i++
		}
		t.Fatalf("%d bytes, fpdf's own %d; they part at byte %d: %q, fpdf %q",
			len(g), len(w), i, g[i:min(i+60, len(g))], w[i:min(i+60, len(w))])
	}
}

// A PDF not laid out as fpdf lays it out is refused, not half rewritten.
func TestDeflatePagesRefusesWhatFpdfDidNotWrite(t *testing.T) {
	h, sheets := someSheets(t)
	d, err := drawSheets(h, sheets[:2], time.Date(2027, 8, 12, 7, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	var raw bytes.Buffer
	if err := d.pdf.Output(&raw); err != nil {
		t.Fatal(err)
	}
	pdf := raw.Bytes()
	var out bytes.Buffer
	if err := deflatePages(&out, pdf, 2); err != nil {
		t.Fatalf("fpdf's own PDF: %v", err)
	}
	for name, broken := range map[string][]byte{
		"a page fewer than said": pdf,
		"no startxref":           bytes.Replace(pdf, []byte("startxref\n"), []byte("startxrof\n"), 1),
		"a stream's length off":  bytes.Replace(pdf, []byte("<</Length "), []byte("<</Length 1"), 1),
		"cut short":              pdf[:len(pdf)-10],
	} {
		pages := 2
		if name == "a page fewer than said" {
			pages = 3
		}
		out.Reset()
		err := deflatePages(&out, broken, pages)
		if err == nil || !strings.Contains(err.Error(), "not laid out as fpdf") {
			t.Errorf("%s: %v", name, err)
		}
		if out.Len() != 0 {
			t.Errorf("%s: %d bytes written", name, out.Len())
		}
	}
}

// A print leaves the fonts it embedded as they were: fpdf writes into the
// bytes it is given, and a shared font changed by the first PDF of a
// process made every later one (a second print from the screen) differ
// from the first (the command line's).
func TestAPrintLeavesTheFontsAsTheyWere(t *testing.T) {
	before := bytes.Clone(dejavusansmono.TTF)
	h, sheets := someSheets(t)
	for range 2 {
		if err := WriteSheetsPDF(io.Discard, h, sheets, time.Date(2027, 8, 12, 7, 0, 0, 0, time.UTC)); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(before, dejavusansmono.TTF) {
		t.Error("a print changed the mono font's bytes")
	}
}
