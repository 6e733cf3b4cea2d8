package i18n

import (
	"strconv"
	"strings"
	"time"
)

// How long something takes, in words of the language, the number agreeing
// with its noun: "2 seconds", «2 секунды», «2 секунд»; "1.5 seconds",
// «1,5 секунды»; "2 minutes 5 seconds". A time.Duration given to T is said
// so, never in Go's spelling (1.5s, 250ms, 2m0s).
//
// The Russian words are those of a span after «через» and «за» («через 1
// секунду», «за 1 минуту»), as every sentence that says a span takes it;
// the Kazakh ones stand before «өткен соң», «ішінде» («2 секунд ішінде»).
func (c Catalogue) Duration(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	switch {
	case d < time.Second:
		ms := int64((d + time.Millisecond/2) / time.Millisecond)
		if ms < time.Second.Milliseconds() {
			return c.T("duration.ms", ms)
		}
		d = time.Second
	case d < time.Minute:
		// Tenths of a second: what a pause of a retry is told in.
		tenths := int64((d + 50*time.Millisecond) / (100 * time.Millisecond))
		if tenths%10 != 0 && tenths < 600 {
			return c.T("duration.s_fraction", c.decimal(tenths/10, tenths%10))
		}
		d = time.Duration(tenths) * 100 * time.Millisecond
	}
	s := int64((d + time.Second/2) / time.Second)
	switch {
	case s < 60:
		return c.T("duration.s", s)
	case s < 3600 && s%60 == 0:
		return c.T("duration.m", s/60)
	case s < 3600:
		return c.T("duration.m_s", s/60, s%60)
	}
	m := (s + 30) / 60
	if m%60 == 0 {
		return c.T("duration.h", m/60)
	}
	return c.T("duration.h_m", m/60, m%60)
}

// decimal is whole,tenth as the language writes a fraction: 1.5 in
// English, 1,5 in Russian and Kazakh.
func (c Catalogue) decimal(whole, tenth int64) string {
	sep := "."
	if c.Lang == RU || c.Lang == KK {
		sep = ","
	}
	return strings.Join([]string{strconv.FormatInt(whole, 10), strconv.FormatInt(tenth, 10)}, sep)
}

func init() {
	// A fraction takes one form in every language: the genitive singular
	// in Russian («1,5 секунды»), the plural in English.
	register(map[string]Text{
		"duration.s_fraction": {"%s seconds", "%s секунды", "%s секунд"},
	})
	registerPlural(map[string]Plural{
		"duration.ms": {Text: Text{"%d ${ms}", "%d ${ms}", "%d ${ms}"},
			Words: map[string]Count{"ms": millisecondsOf(1)}},
		"duration.s": {Text: Text{"%d ${s}", "%d ${s}", "%d ${s}"},
			Words: map[string]Count{"s": secondsOf(1)}},
		"duration.m": {Text: Text{"%d ${m}", "%d ${m}", "%d ${m}"},
			Words: map[string]Count{"m": minutesOf(1)}},
		"duration.m_s": {Text: Text{"%d ${m} %d ${s}", "%d ${m} %d ${s}", "%d ${m} %d ${s}"},
			Words: map[string]Count{"m": minutesOf(1), "s": secondsOf(2)}},
		"duration.h": {Text: Text{"%d ${h}", "%d ${h}", "%d ${h}"},
			Words: map[string]Count{"h": hoursOf(1)}},
		"duration.h_m": {Text: Text{"%d ${h} %d ${m}", "%d ${h} %d ${m}", "%d ${h} %d ${m}"},
			Words: map[string]Count{"h": hoursOf(1), "m": minutesOf(2)}},
	})
}

func millisecondsOf(arg int) Count {
	return Count{Arg: arg,
		EN: Forms{One: "millisecond", Other: "milliseconds"},
		RU: Forms{One: "миллисекунду", Few: "миллисекунды", Many: "миллисекунд", Other: "миллисекунды"},
		KK: Forms{One: "миллисекунд", Other: "миллисекунд"}}
}

func secondsOf(arg int) Count {
	return Count{Arg: arg,
		EN: Forms{One: "second", Other: "seconds"},
		RU: Forms{One: "секунду", Few: "секунды", Many: "секунд", Other: "секунды"},
		KK: Forms{One: "секунд", Other: "секунд"}}
}

func minutesOf(arg int) Count {
	return Count{Arg: arg,
		EN: Forms{One: "minute", Other: "minutes"},
		RU: Forms{One: "минуту", Few: "минуты", Many: "минут", Other: "минуты"},
		KK: Forms{One: "минут", Other: "минут"}}
}

func hoursOf(arg int) Count {
	return Count{Arg: arg,
		EN: Forms{One: "hour", Other: "hours"},
		RU: Forms{One: "час", Few: "часа", Many: "часов", Other: "часа"},
		KK: Forms{One: "сағат", Other: "сағат"}}
}
