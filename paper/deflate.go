package paper

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"sort"
	"strconv"

	"codeberg.org/go-pdf/fpdf"
)

// outputDeflated writes p, made with SetCompression(false), to out with
// every page's content stream compressed byte for byte as fpdf's own
// SetCompression(true) would have written it: zlib at zlib.BestSpeed under
// "<</Filter /FlateDecode /Length n>>", and the cross-reference table's
// offsets moved to match.
//
// Why not leave it to fpdf: fpdf makes a new zlib writer for every page,
// and a compress/flate writer is about 1.1 MB of hash tables and window
// before it has compressed a byte: of the 2.6 GB that 2,000 answer sheets
// allocated for a PDF of 5.6 MB, 2.3 GB were those writers
// (BenchmarkPrint500Packets). Here one writer is
// Reset for each page; Reset makes it what NewWriterLevel would have made,
// so the bytes are the same (TestSheetsPDFIsDeflatedAsFpdfDeflatesIt).
//
// The PDF is read where fpdf's layout puts things — the xref table, each
// page object followed by its content — and never searched for what looks
// like a stream: a font's ToUnicode map has the same "<</Length n>>" as an
// uncompressed page and must stay as it is. Anything not where it should
// be is an error, never a damaged PDF.
func outputDeflated(p *fpdf.Fpdf, out io.Writer) error {
	pages := p.PageCount()
	var raw bytes.Buffer
	if err := p.Output(&raw); err != nil {
		return err
	}
	return deflatePages(out, raw.Bytes(), pages)
}

// pdfStream is a page's content object in an uncompressed PDF: its number,
// where it starts and ends (after its "endobj\n"), and its stream's bytes.
type pdfStream struct {
	obj, start, end int
	data            []byte
}

func deflatePages(out io.Writer, pdf []byte, pages int) error {
	bad := func(what string, args ...any) error {
		return fmt.Errorf("paper: the PDF is not laid out as fpdf lays it out (%s): cannot compress its pages", fmt.Sprintf(what, args...))
	}
	offsets, xref, trailer, err := xrefTable(pdf)
	if err != nil {
		return bad("%v", err)
	}

	// fpdf writes each page as its page object, then at once its content
	// object, numbered one more, which the page object names last.
	var streams []pdfStream
	var scratch []byte
	for j := 1; j+1 < len(offsets); j++ {
		scratch = strconv.AppendInt(scratch[:0], int64(j), 10)
		scratch = append(scratch, " 0 obj\n<</Type /Page\n"...)
		if !bytes.HasPrefix(pdf[offsets[j]:], scratch) {
			continue
		}
		c := j + 1
		scratch = append(strconv.AppendInt(append(scratch[:0], "/Contents "...), int64(c), 10), " 0 R>>\nendobj\n"...)
		if offsets[c] <= offsets[j] || !bytes.HasSuffix(pdf[offsets[j]:offsets[c]], scratch) {
			return bad("page object %d is not followed by its content %d", j, c)
		}
		s, err := contentStream(pdf, c, offsets[c])
		if err != nil {
			return bad("%v", err)
		}
		if len(streams) > 0 && s.start < streams[len(streams)-1].end || s.end > xref {
			return bad("content object %d is out of order", c)
		}
		streams = append(streams, s)
	}
	if len(streams) != pages {
		return bad("%d page contents for %d pages", len(streams), pages)
	}

	// Everything is read before a byte is written. bufio keeps the first
	// error of out and Flush returns it, so the writes are not checked
	// one by one.
	w := bufio.NewWriterSize(out, 64<<10)
	var z bytes.Buffer
	zw, err := zlib.NewWriterLevel(&z, zlib.BestSpeed)
	if err != nil {
		return err
	}
	// shift[i] is how much later everything after streams[i] now is.
	shift := make([]int, len(streams))
	delta, from := 0, 0
	const tail = "\nendstream\nendobj\n"
	for i, s := range streams {
		z.Reset()
		zw.Reset(&z)
		if _, err := zw.Write(s.data); err != nil {
			return err
		}
		if err := zw.Close(); err != nil {
			return err
		}
		scratch = fmt.Appendf(scratch[:0], "%d 0 obj\n<</Filter /FlateDecode /Length %d>>\nstream\n", s.obj, z.Len())
		w.Write(pdf[from:s.start])
		w.Write(scratch)
		w.Write(z.Bytes())
		w.WriteString(tail)
		delta += len(scratch) + z.Len() + len(tail) - (s.end - s.start)
		shift[i] = delta
		from = s.end
	}
	w.Write(pdf[from:xref])

	moved := func(offset int) int {
		// The streams before offset: they all end before it, objects
		// being whole.
		k := sort.Search(len(streams), func(i int) bool { return streams[i].start >= offset })
		if k == 0 {
			return offset
		}
		return offset + shift[k-1]
	}
	fmt.Fprintf(w, "xref\n0 %d\n0000000000 65535 f \n", len(offsets))
	for _, o := range offsets[1:] {
		fmt.Fprintf(w, "%010d 00000 n \n", moved(o))
	}
	w.Write(pdf[trailer:bytes.LastIndex(pdf, []byte("startxref\n"))])
	fmt.Fprintf(w, "startxref\n%d\n%%%%EOF\n", xref+delta)
	return w.Flush()
}

// xrefTable reads the end of an fpdf PDF: the objects' offsets (index 0
// unused, as object 0 is the free list's head), where the xref table
// starts, and where the trailer after it starts.
func xrefTable(pdf []byte) (offsets []int, xref, trailer int, err error) {
	sx := bytes.LastIndex(pdf, []byte("startxref\n"))
	if sx < 0 {
		return nil, 0, 0, fmt.Errorf("no startxref")
	}
	rest := pdf[sx+len("startxref\n"):]
	nl := bytes.IndexByte(rest, '\n')
	if nl < 0 || string(rest[nl+1:]) != "%%EOF\n" {
		return nil, 0, 0, fmt.Errorf("no %%%%EOF after startxref")
	}
	xref, err = strconv.Atoi(string(rest[:nl]))
	if err != nil || xref < 0 || xref >= sx {
		return nil, 0, 0, fmt.Errorf("startxref %q", rest[:nl])
	}
	rest = pdf[xref:sx]
	if !bytes.HasPrefix(rest, []byte("xref\n0 ")) {
		return nil, 0, 0, fmt.Errorf("no xref table at %d", xref)
	}
	rest = rest[len("xref\n0 "):]
	nl = bytes.IndexByte(rest, '\n')
	if nl < 0 {
		return nil, 0, 0, fmt.Errorf("no size of the xref table")
	}
	n, err := strconv.Atoi(string(rest[:nl]))
	const entry = len("0000000000 00000 n \n")
	rest = rest[nl+1:]
	if err != nil || n < 1 || len(rest) < n*entry || string(rest[:entry]) != "0000000000 65535 f \n" {
		return nil, 0, 0, fmt.Errorf("xref table of %q entries", pdf[xref:xref+min(32, sx-xref)])
	}
	offsets = make([]int, n)
	for j := 1; j < n; j++ {
		e := rest[j*entry : (j+1)*entry]
		if string(e[10:]) != " 00000 n \n" {
			return nil, 0, 0, fmt.Errorf("xref entry %d %q", j, e)
		}
		o, err := strconv.Atoi(string(e[:10]))
		if err != nil || o >= xref {
			return nil, 0, 0, fmt.Errorf("xref entry %d %q", j, e)
		}
		offsets[j] = o
	}
	trailer = sx - len(rest) + n*entry
	if !bytes.HasPrefix(pdf[trailer:], []byte("trailer\n")) {
		return nil, 0, 0, fmt.Errorf("no trailer after the xref table")
	}
	return offsets, xref, trailer, nil
}

// contentStream reads content object obj at offset start, as fpdf writes
// it uncompressed: "obj 0 obj\n<</Length n>>\nstream\n", n bytes, then
// "\nendstream\nendobj\n".
func contentStream(pdf []byte, obj, start int) (pdfStream, error) {
	head := fmt.Sprintf("%d 0 obj\n<</Length ", obj)
	rest := pdf[start:]
	if !bytes.HasPrefix(rest, []byte(head)) {
		return pdfStream{}, fmt.Errorf("content object %d does not start as an uncompressed stream", obj)
	}
	rest = rest[len(head):]
	end := bytes.IndexByte(rest, '>')
	if end < 0 || !bytes.HasPrefix(rest[end:], []byte(">>\nstream\n")) {
		return pdfStream{}, fmt.Errorf("content object %d has no length", obj)
	}
	n, err := strconv.Atoi(string(rest[:end]))
	rest = rest[end+len(">>\nstream\n"):]
	const tail = "\nendstream\nendobj\n"
	if err != nil || n < 0 || len(rest) < n+len(tail) || string(rest[n:n+len(tail)]) != tail {
		return pdfStream{}, fmt.Errorf("content object %d is not %q bytes then endstream", obj, pdf[start:start+len(head)+end])
	}
	dataAt := len(pdf) - len(rest)
	return pdfStream{obj: obj, start: start, end: dataAt + n + len(tail), data: rest[:n]}, nil
}
