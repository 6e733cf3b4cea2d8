package admission

import (
	"testing"
)

// keyLines reads go-toml's unstable parser: these are the shapes of the
// campaign file it must find the line of, pinned so that an upgrade that
// changes the parser shows here first.
func TestKeyLinesOfEveryShape(t *testing.T) {
	data := []byte(`year = 2027
dates.exams_from = 2027-08-10
[programmes.7M04203]
places = 15
[programmes.7M04203.exam_commission]
members = [
  { name = "X", degree = "phd" },
  "Y",
]
[[extra]]
a = 1
[[extra]]
a = 2
[extra.sub]
b = 3
`)
	lines := keyLines(data)
	for path, want := range map[string]int{
		"year": 1, "dates": 2, "dates.exams_from": 2,
		"programmes.7m04203": 3, "programmes.7m04203.places": 4,
		"programmes.7m04203.exam_commission":                   5,
		"programmes.7m04203.exam_commission.members":           6,
		"programmes.7m04203.exam_commission.members[1]":        7,
		"programmes.7m04203.exam_commission.members[1].degree": 7,
		"programmes.7m04203.exam_commission.members[2]":        8,
		"extra[1]": 10, "extra[1].a": 11, "extra[2]": 12, "extra[2].a": 13,
		"extra[2].sub": 14, "extra[2].sub.b": 15,
	} {
		if got := lines[path]; got != want {
			t.Errorf("%s: line %d, want %d", path, got, want)
		}
	}
	// A key the file lacks is at the line of the table that should hold it.
	for field, want := range map[string]int{
		"programmes.7M04203.pass_mark":                       3,
		"programmes.7M04203.exam_commission.members[3].name": 6,
		"language.gate": 0,
	} {
		if got := lineOf(lines, field); got != want {
			t.Errorf("lineOf(%s) = %d, want %d", field, got, want)
		}
	}
}
