package barcode

import (
	"errors"
	"fmt"
	"image"
	"image/color"

	"github.com/boombuler/barcode/code128"
)

// The print geometry of the bars.
const (
	// ModuleMM is the width of one module on paper: 4 dots at 300 dpi.
	// 0.254 mm (3 dots) also scans; narrower does not on a laser printer's
	// spread and a cheap scanner.
	ModuleMM = 0.339
	// MinHeightMM is the least height of the bars.
	MinHeightMM = 12
	// QuietModules is the least blank margin each side, in modules.
	QuietModules = 10
	// SymbolModules is the width of a code's symbol, in modules, without
	// the quiet zones: start C, six digit pairs and the check symbol of 11
	// modules each, and the stop of 13.
	SymbolModules = 11 + 6*11 + 11 + 13
)

// Modules are the modules of c's Code 128 symbol, left to right, true for
// dark: start, data, check and stop, without the quiet zones. A printer
// draws one rectangle per run of dark modules.
//
// code128.Encode starts in set C when the first four characters are
// digits and stays in it while pairs of digits follow, so twelve digits
// are start C, six pairs, the check and stop; the length is checked here
// so that a change in the library cannot print a different symbol.
func Modules(c Code) ([]bool, error) {
	if c.IsZero() {
		return nil, errors.New("barcode: no code to draw")
	}
	sym, err := code128.Encode(c.digits)
	if err != nil {
		return nil, fmt.Errorf("barcode: encoding %s: %w", c.digits, err)
	}
	width := sym.Bounds().Dx()
	if width != SymbolModules {
		return nil, fmt.Errorf("barcode: %s encoded in %d modules, not %d: not Code 128 set C", c.digits, width, SymbolModules)
	}
	out := make([]bool, width)
	for x := range out {
		out[x] = color.GrayModel.Convert(sym.At(sym.Bounds().Min.X+x, 0)).(color.Gray).Y < 0x80
	}
	return out, nil
}

// Image draws c as a black-and-white picture: moduleWidthPx pixels per
// module, heightPx high, with quietModules blank modules each side (at
// least QuietModules). A width or height under one pixel counts as one.
// It panics on the zero Code, which has no bars.
func Image(c Code, moduleWidthPx, heightPx, quietModules int) image.Image {
	modules, err := Modules(c)
	if err != nil {
		panic(err)
	}
	moduleWidthPx = max(moduleWidthPx, 1)
	heightPx = max(heightPx, 1)
	quietModules = max(quietModules, QuietModules)

	// Index 0 of the palette, which a new image is filled with, is white.
	const black = 1
	img := image.NewPaletted(
		image.Rect(0, 0, (len(modules)+2*quietModules)*moduleWidthPx, heightPx),
		color.Palette{color.Gray{Y: 0xff}, color.Gray{Y: 0}},
	)
	// Draw one row, then copy it: every row of a 1D symbol is the same.
	row := img.Pix[:img.Stride]
	for i, dark := range modules {
		if !dark {
			continue
		}
		x := (quietModules + i) * moduleWidthPx
		for p := x; p < x+moduleWidthPx; p++ {
			row[p] = black
		}
	}
	for y := 1; y < heightPx; y++ {
		copy(img.Pix[y*img.Stride:(y+1)*img.Stride], row)
	}
	return img
}
