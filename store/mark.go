package store

// FormatMark is what a hall file says it is, under "format" in its meta
// bucket (boltfile.Mark reads it): a program that writes a file of its
// own refuses to write over one.
const FormatMark = formatMark
