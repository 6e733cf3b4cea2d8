package tui

import (
	"errors"
	"fmt"
	"time"

	"examday/exam"
	"examday/i18n"
	"examday/store"
)

// Context is what every page and dialog shares: the file, the clock, the
// words, the look, the keys, the size of the screen and the last state read
// from the file. Only the root model changes it, in Update.
type Context struct {
	Store  *store.Store
	Clock  Clock
	Cat    i18n.Catalogue
	Styles Styles
	Keys   KeyMap

	Width, Height int

	// Hall is the state as last read from the file after a commit: the
	// screen shows nothing else.
	Hall *exam.Hall
	// Now is the wall time of the last clock tick.
	Now time.Time
	// Broken is why the file is read-only, or nil.
	Broken error
	// Delivery is the file's hand-over to the central record, read when
	// the file is opened: only `examday sync` changes it, and it cannot
	// run while this program holds the file. What is undelivered follows
	// the log as it grows.
	Delivery store.Delivery
}

// status is the answer to the last action: done, or refused and why.
type status struct {
	text string
	err  bool
}

// SetLang switches the words and the help texts of the keys.
func (c *Context) SetLang(l i18n.Lang) {
	c.Cat = i18n.New(l)
	c.Keys = DefaultKeyMap(c.Cat)
}

// ErrorText puts an error into the officer's words: a read-only file says
// why it is read-only, a refusal says what the rules do not allow.
func (c *Context) ErrorText(err error) string {
	if errors.Is(err, store.ErrReadOnly) && c.Broken != nil {
		return c.BrokenText()
	}
	return c.Cat.Error(err)
}

// BrokenText says that the file is read-only and why.
func (c *Context) BrokenText() string {
	var ce *store.ChainError
	if errors.As(c.Broken, &ce) {
		return c.Cat.T("ui.readonly.chain", ce.Seq, c.Cat.ChainReason(ce))
	}
	return c.Cat.T("ui.readonly.other", c.Cat.Error(c.Broken))
}

// clockText formats an instant as the laptop's time of day.
func clockText(t time.Time) string {
	if t.IsZero() {
		return "--:--:--"
	}
	return t.Local().Format("15:04:05")
}

// durationText is a time left as H:MM:SS.
func durationText(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	s := int64(d / time.Second)
	return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
}

// jumpText is the size of a clock jump with its sign: +3m12s, -45s.
func jumpText(seconds float64) string {
	d := time.Duration(seconds * float64(time.Second)).Round(time.Second)
	if d >= 0 {
		return "+" + d.String()
	}
	return d.String()
}
