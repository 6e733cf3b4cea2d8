package i18n

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// A span reads in words of the language, its noun agreeing with the
// number, never in Go's spelling of a time.Duration.
func TestDurationsAreWordsOfTheLanguage(t *testing.T) {
	for _, tc := range []struct {
		d          time.Duration
		en, ru, kk string
	}{
		{0, "0 milliseconds", "0 миллисекунд", "0 миллисекунд"},
		{time.Millisecond, "1 millisecond", "1 миллисекунду", "1 миллисекунд"},
		{250 * time.Millisecond, "250 milliseconds", "250 миллисекунд", "250 миллисекунд"},
		{322 * time.Millisecond, "322 milliseconds", "322 миллисекунды", "322 миллисекунд"},
		{999*time.Millisecond + 600*time.Microsecond, "1 second", "1 секунду", "1 секунд"},
		{time.Second, "1 second", "1 секунду", "1 секунд"},
		{1500 * time.Millisecond, "1.5 seconds", "1,5 секунды", "1,5 секунд"},
		{2 * time.Second, "2 seconds", "2 секунды", "2 секунд"},
		{5 * time.Second, "5 seconds", "5 секунд", "5 секунд"},
		{21 * time.Second, "21 seconds", "21 секунду", "21 секунд"},
		{59*time.Second + 970*time.Millisecond, "1 minute", "1 минуту", "1 минут"},
		{2 * time.Minute, "2 minutes", "2 минуты", "2 минут"},
		{2*time.Minute + 5*time.Second, "2 minutes 5 seconds", "2 минуты 5 секунд", "2 минут 5 секунд"},
		{5*time.Minute + 1*time.Second, "5 minutes 1 second", "5 минут 1 секунду", "5 минут 1 секунд"},
		{time.Hour, "1 hour", "1 час", "1 сағат"},
		{time.Hour + 3*time.Minute, "1 hour 3 minutes", "1 час 3 минуты", "1 сағат 3 минут"},
		{-time.Second, "0 milliseconds", "0 миллисекунд", "0 миллисекунд"},
	} {
		for l, want := range map[Lang]string{EN: tc.en, RU: tc.ru, KK: tc.kk} {
			if got := New(l).Duration(tc.d); got != want {
				t.Errorf("%v in %s: %q, want %q", tc.d, l, got, want)
			}
		}
	}
}

// A time.Duration given to T, as the sync's messages give the pause
// before a retry and the time spent, is said in words.
func TestSyncMessagesSayTheirSpansInWords(t *testing.T) {
	cause := errors.New("cause")
	for _, tc := range []struct {
		key  string
		args []any
		ru   string
		kk   string
	}{
		{"cli.sync.retry", []any{cause, 1500 * time.Millisecond, 1, 5}, "повтор через 1,5 секунды", "1,5 секунд өткен соң"},
		{"cli.sync.busy", []any{cause, 2 * time.Second, 1, 5}, "прийти через 2 секунды", "2 секунд өткен соң"},
		{"cli.sync.gave_up", []any{3, 2 * time.Minute, cause}, "за 2 минуты", "2 минут ішінде"},
		{"central.gave_up", []any{3, 250 * time.Millisecond, cause}, "за 250 миллисекунд", "250 миллисекунд ішінде"},
	} {
		ru, kk := New(RU).T(tc.key, tc.args...), New(KK).T(tc.key, tc.args...)
		if !strings.Contains(ru, tc.ru) {
			t.Errorf("%s ru: %q lacks %q", tc.key, ru, tc.ru)
		}
		if !strings.Contains(kk, tc.kk) {
			t.Errorf("%s kk: %q lacks %q", tc.key, kk, tc.kk)
		}
		for _, goSpelling := range []string{"1.5s", "2s", "2m0s", "250ms"} {
			if strings.Contains(ru+kk, goSpelling) {
				t.Errorf("%s: %q in %q / %q", tc.key, goSpelling, ru, kk)
			}
		}
	}
}
