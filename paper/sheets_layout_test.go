package paper

import (
	"bytes"
	"compress/zlib"
	"image"
	"image/color"
	_ "image/png"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"examday/barcode"
	"examday/exam"
)

// onePage is the PDF of a single master's first sheet with code c.
func onePage(t *testing.T, c barcode.Code) []byte {
	t.Helper()
	h := exam.NewHall()
	h.Date = "2027-08-12"
	s := &exam.Sheet{Code: c, Packet: c.String(), Level: exam.Master, Question: 1, State: exam.SheetPrinted}
	var buf bytes.Buffer
	if err := WriteSheetsPDF(&buf, h, []*exam.Sheet{s}, time.Date(2027, 8, 12, 7, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// pageContent is the PDF's page content: every Flate stream that
// inflates, joined (the fonts' streams are binary and harmless here).
func pageContent(t *testing.T, pdf []byte) string {
	t.Helper()
	var out bytes.Buffer
	rest := pdf
	for {
		i := bytes.Index(rest, []byte("stream\n"))
		if i < 0 {
			break
		}
		rest = rest[i+len("stream\n"):]
		j := bytes.Index(rest, []byte("endstream"))
		if j < 0 {
			break
		}
		if r, err := zlib.NewReader(bytes.NewReader(rest[:j])); err == nil {
			b, _ := io.ReadAll(r)
			out.Write(b)
			out.WriteByte('\n')
		}
		rest = rest[j:]
	}
	return out.String()
}

const ptPerMM = 72 / 25.4

// The bars are vectors: one filled rectangle per run of dark modules, a
// module barcode.ModuleMM wide, barsHeightMM high, starting a quiet zone
// in from the left of the code's box — and no other rectangle has their
// height.
func TestBarsAreOneRectanglePerRunOfDarkModules(t *testing.T) {
	c, err := barcode.New("0907", 1558341)
	if err != nil {
		t.Fatal(err)
	}
	modules, err := barcode.Modules(c)
	if err != nil {
		t.Fatal(err)
	}
	type run struct{ x, w float64 }
	var want []run
	left := sheetW - sheetMargin - codeBoxW + quietMM
	for i := 0; i < len(modules); {
		j := i
		for j < len(modules) && modules[j] == modules[i] {
			j++
		}
		if modules[i] {
			want = append(want, run{(left + float64(i)*barcode.ModuleMM) * ptPerMM, float64(j-i) * barcode.ModuleMM * ptPerMM})
		}
		i = j
	}

	content := pageContent(t, onePage(t, c))
	re := regexp.MustCompile(`(?m)^(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re f$`)
	var got []run
	for _, m := range re.FindAllStringSubmatch(content, -1) {
		h, _ := strconv.ParseFloat(m[4], 64)
		if math.Abs(-h-barsHeightMM*ptPerMM) > 0.01 {
			continue
		}
		x, _ := strconv.ParseFloat(m[1], 64)
		w, _ := strconv.ParseFloat(m[3], 64)
		got = append(got, run{x, w})
	}
	if len(got) != len(want) {
		t.Fatalf("%d bars drawn, want %d runs of dark modules", len(got), len(want))
	}
	for i := range want {
		if math.Abs(got[i].x-want[i].x) > 0.006 || math.Abs(got[i].w-want[i].w) > 0.006 {
			t.Errorf("bar %d at %.2f pt, %.2f wide; want %.2f, %.2f", i, got[i].x, got[i].w, want[i].x, want[i].w)
		}
	}
	if barsHeightMM < barcode.MinHeightMM {
		t.Errorf("bars %.1f mm high, under the %d mm least", barsHeightMM, barcode.MinHeightMM)
	}
}

// The quiet zones each side of the bars stay white on paper, and the
// code's box — bars and digits — ends above the question band.
func TestBarcodeQuietZonesAreWhiteAndClearOfTheAnswerArea(t *testing.T) {
	ppm, err := exec.LookPath("pdftoppm")
	if err != nil {
		t.Skip("pdftoppm (poppler-utils) is not installed")
	}
	c, err := barcode.New("0907", 1558341)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "one.pdf")
	if err := os.WriteFile(path, onePage(t, c), 0o600); err != nil {
		t.Fatal(err)
	}
	const dpi = 300
	if out, err := exec.Command(ppm, "-png", "-gray", "-r", strconv.Itoa(dpi), "-singlefile", path, filepath.Join(dir, "one")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v: %s", err, out)
	}
	f, err := os.Open(filepath.Join(dir, "one.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, _, err := image.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	px := func(mm float64) int { return int(math.Round(mm / 25.4 * dpi)) }
	// ink counts the pixels darker than light grey in a box given in mm,
	// leaving a pixel each side for the anti-aliasing of the edges.
	ink := func(x0, y0, x1, y1 float64) int {
		n := 0
		for y := px(y0) + 1; y < px(y1)-1; y++ {
			for x := px(x0) + 1; x < px(x1)-1; x++ {
				if color.GrayModel.Convert(img.At(x, y)).(color.Gray).Y < 0xe0 {
					n++
				}
			}
		}
		return n
	}
	boxLeft := sheetW - sheetMargin - codeBoxW
	barsLeft := boxLeft + quietMM
	barsRight := barsLeft + barcode.SymbolModules*barcode.ModuleMM
	barsTop, barsBottom := headerTop+4.0, headerTop+4.0+barsHeightMM
	if n := ink(boxLeft, barsTop, barsLeft, barsBottom); n != 0 {
		t.Errorf("the left quiet zone has %d dark pixels", n)
	}
	if n := ink(barsRight, barsTop, boxLeft+codeBoxW, barsBottom); n != 0 {
		t.Errorf("the right quiet zone has %d dark pixels", n)
	}
	if n := ink(barsLeft, barsTop, barsRight, barsBottom); n == 0 {
		t.Error("no bars where the bars should be")
	}
	// The digits sit under the bars; under them, down to the band, and
	// across the whole width of the box, nothing.
	if n := ink(boxLeft, barsBottom+6.5, boxLeft+codeBoxW, bandTop-0.5); n != 0 {
		t.Errorf("%d dark pixels between the code and the question band", n)
	}
	// Left of the quiet zone, beside the bars, 6 mm of white before the
	// header's text may begin.
	if n := ink(boxLeft-6, barsTop, boxLeft, barsBottom); n != 0 {
		t.Errorf("%d dark pixels in the 6 mm left of the quiet zone", n)
	}
}
