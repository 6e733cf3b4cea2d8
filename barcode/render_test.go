package barcode

import (
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/oned"
)

// bits reads a pattern written as 1s and 0s.
func bits(s string) []bool {
	out := make([]bool, len(s))
	for i := range s {
		out[i] = s[i] == '1'
	}
	return out
}

// Twelve digits are six set-C symbols: start C, six pairs, the check,
// the stop — 101 modules. A start in set B, or any switch, would be wider.
func TestModulesAreCode128SetC(t *testing.T) {
	startC := bits("11010011100") // symbol 105
	stop := bits("1100011101011") // symbol 106 with its final bar
	for _, c := range sample(t, 50) {
		m, err := Modules(c)
		if err != nil {
			t.Fatal(err)
		}
		if len(m) != SymbolModules || SymbolModules != 101 {
			t.Fatalf("%s: %d modules, want 101", c, len(m))
		}
		if !slices.Equal(m[:11], startC) {
			t.Errorf("%s starts with %v, not start C", c, m[:11])
		}
		if !slices.Equal(m[len(m)-13:], stop) {
			t.Errorf("%s ends with %v, not the stop", c, m[len(m)-13:])
		}
	}
	if _, err := Modules(Code{}); err == nil {
		t.Error("Modules of the zero Code gave no error")
	}
}

func TestImageHasTheModulesAndQuietZones(t *testing.T) {
	c := mustNew(t, "1234", 5678901)
	m, err := Modules(c)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ w, h, quiet, wantQuiet int }{
		{3, 40, 10, 10},
		{1, 1, 15, 15},
		{2, 10, 0, QuietModules}, // too narrow a margin is widened
		{0, 0, 10, 10},           // at least one pixel
	} {
		img := Image(c, tc.w, tc.h, tc.quiet)
		w, h := max(tc.w, 1), max(tc.h, 1)
		b := img.Bounds()
		if b.Dx() != (len(m)+2*tc.wantQuiet)*w || b.Dy() != h {
			t.Fatalf("Image(%d, %d, %d) is %v", tc.w, tc.h, tc.quiet, b)
		}
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				i := x/w - tc.wantQuiet
				want := i >= 0 && i < len(m) && m[i]
				if dark(img, x, y) != want {
					t.Fatalf("Image(%d, %d, %d) at (%d,%d): dark %v, want %v", tc.w, tc.h, tc.quiet, x, y, !want, want)
				}
			}
		}
	}
}

func dark(img image.Image, x, y int) bool {
	return color.GrayModel.Convert(img.At(x, y)).(color.Gray).Y < 0x80
}

// What is drawn is what a reader reads: 200 codes through ZXing's Code 128
// reader, at the module widths a screen or a print would have.
func TestImageRoundTripsThroughZXing(t *testing.T) {
	reader := oned.NewCode128Reader()
	for i, c := range sample(t, 200) {
		img := Image(c, 1+i%4, 30, QuietModules)
		bmp, err := gozxing.NewBinaryBitmapFromImage(img)
		if err != nil {
			t.Fatal(err)
		}
		res, err := reader.Decode(bmp, nil)
		if err != nil {
			t.Fatalf("%s at %d px/module: %v", c, 1+i%4, err)
		}
		if res.GetText() != c.String() {
			t.Fatalf("%s read back as %q", c, res.GetText())
		}
	}
}

// The same through zbar, a reader independent of ZXing, as a PNG file.
func TestImageDecodesWithZbarimg(t *testing.T) {
	zbarimg, err := exec.LookPath("zbarimg")
	if err != nil {
		t.Skip("zbarimg not installed (Debian zbar-tools)")
	}
	dir := t.TempDir()
	for i, c := range sample(t, 5) {
		path := filepath.Join(dir, c.String()+".png")
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := png.Encode(f, Image(c, 2+i%3, 60, QuietModules)); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(zbarimg, "--raw", "-q", path).Output()
		if err != nil {
			t.Fatalf("zbarimg %s: %v", path, err)
		}
		if got := strings.TrimSpace(string(out)); got != c.String() {
			t.Errorf("zbarimg read %s as %q", c, got)
		}
	}
}

func BenchmarkModules(b *testing.B) {
	c, err := New("1234", 5678901)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Modules(c); err != nil {
			b.Fatal(err)
		}
	}
}
