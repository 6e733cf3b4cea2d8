package admission

import (
	"fmt"
	"strings"
	"time"
)

// Date is a day of the calendar, without a time or a zone: the dates of
// the campaign (AR 4–6) and the day an applicant's service began. It reads
// and writes as YYYY-MM-DD.
type Date struct{ t time.Time }

// NewDate is the day y-m-d.
func NewDate(y int, m time.Month, d int) Date { return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)} }

// ParseDate reads a date as YYYY-MM-DD or as DD.MM.YYYY, the way the
// region's forms and spreadsheets write it.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02", "02.01.2006", "2.1.2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return Date{t}, nil
		}
	}
	return Date{}, fmt.Errorf("%q is not a date (YYYY-MM-DD or DD.MM.YYYY)", s)
}

func (d Date) IsZero() bool             { return d.t.IsZero() }
func (d Date) Year() int                { return d.t.Year() }
func (d Date) Before(o Date) bool       { return d.t.Before(o.t) }
func (d Date) After(o Date) bool        { return d.t.After(o.t) }
func (d Date) Equal(o Date) bool        { return d.t.Equal(o.t) }
func (d Date) AddYears(n int) Date      { return Date{d.t.AddDate(n, 0, 0)} }
func (d Date) Time() time.Time          { return d.t }
func (d Date) sub(o Date) time.Duration { return d.t.Sub(o.t) }

func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format("2006-01-02")
}

func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
