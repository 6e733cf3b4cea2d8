package tui

import "strings"

// Large digits for the board, readable from the back of a room on a
// projector. Each glyph is a 3×5 grid of pixels; a pixel is scale columns
// wide and about as many half-rows high, drawn with half blocks (▀ ▄ █):
// a terminal cell is about twice as high as wide, so a half-row is about
// a column. At scale 1 two pixels share a cell; from scale 2 on a pixel is
// whole rows high, so no cell is half lit (odd scales are a little taller
// than square). Scale 1 is 3 rows high, 2 is 5, 3 is 10, 4 is 10, 6 is 15.

var glyphs = map[rune][5]string{
	'0': {"###", "#.#", "#.#", "#.#", "###"},
	'1': {".#.", "##.", ".#.", ".#.", "###"},
	'2': {"###", "..#", "###", "#..", "###"},
	'3': {"###", "..#", "###", "..#", "###"},
	'4': {"#.#", "#.#", "###", "..#", "..#"},
	'5': {"###", "#..", "###", "..#", "###"},
	'6': {"###", "#..", "###", "#.#", "###"},
	'7': {"###", "..#", "..#", "..#", "..#"},
	'8': {"###", "#.#", "###", "#.#", "###"},
	'9': {"###", "#.#", "###", "..#", "###"},
	':': {".", "#", ".", "#", "."},
	'-': {"...", "...", "###", "...", "..."},
	' ': {"..", "..", "..", "..", ".."},
}

const glyphRows = 5

// bigWidth is how many columns s takes at scale.
func bigWidth(s string, scale int) int {
	w := 0
	n := 0
	for _, r := range s {
		g, ok := glyphs[r]
		if !ok {
			continue
		}
		if n > 0 {
			w++ // the gap between glyphs
		}
		w += len(g[0])
		n++
	}
	return w * scale
}

// pixelHalfRows is how many half-rows high a pixel is at scale.
func pixelHalfRows(scale int) int {
	if scale > 1 && scale%2 == 1 {
		return scale + 1
	}
	return max(scale, 1)
}

// bigHeight is how many rows a line of big digits takes at scale.
func bigHeight(scale int) int { return (glyphRows*pixelHalfRows(scale) + 1) / 2 }

// bigText draws s (digits, ':', '-' and spaces) at scale, one string per
// row, every row of the same width. Other characters are skipped.
func bigText(s string, scale int) []string {
	if scale < 1 {
		scale = 1
	}
	// The pixel grid: rows of booleans, already scaled.
	w := bigWidth(s, 1)
	grid := make([][]bool, glyphRows)
	for y := range grid {
		grid[y] = make([]bool, 0, w)
	}
	n := 0
	for _, r := range s {
		g, ok := glyphs[r]
		if !ok {
			continue
		}
		for y := range glyphRows {
			if n > 0 {
				grid[y] = append(grid[y], false)
			}
			for _, c := range g[y] {
				grid[y] = append(grid[y], c == '#')
			}
		}
		n++
	}
	ph := pixelHalfRows(scale)
	px := func(x, y int) bool { // a pixel of the scaled grid
		y /= ph
		if y >= glyphRows {
			return false
		}
		return grid[y][x/scale]
	}
	width, halfRows := w*scale, glyphRows*ph
	lines := make([]string, 0, bigHeight(scale))
	var b strings.Builder
	for y := 0; y < halfRows; y += 2 {
		b.Reset()
		for x := range width {
			top, bottom := px(x, y), px(x, y+1)
			switch {
			case top && bottom:
				b.WriteString("█")
			case top:
				b.WriteString("▀")
			case bottom:
				b.WriteString("▄")
			default:
				b.WriteByte(' ')
			}
		}
		lines = append(lines, b.String())
	}
	return lines
}
