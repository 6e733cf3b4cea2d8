package exam_test

import (
	"encoding/json"
	"slices"
	"testing"
	"time"

	"examday/exam"
)

// §1.3: the exam lasts 3 hours, with a break of 10 minutes after the
// theoretical part (also §2.1).
func TestDurationAndBreakOfClause1_3(t *testing.T) {
	if exam.ExamDuration != 3*time.Hour {
		t.Errorf("§1.3 ExamDuration = %v, want 3h", exam.ExamDuration)
	}
	if exam.BreakAllowance != 10*time.Minute {
		t.Errorf("§1.3/§2.1 BreakAllowance = %v, want 10m", exam.BreakAllowance)
	}
	almaty := time.FixedZone("ALMT", 5*3600)
	for _, start := range []time.Time{t0, time.Date(2025, 7, 28, 22, 30, 15, 0, almaty)} {
		end := exam.EndOf(start)
		if end.Sub(start) != 3*time.Hour {
			t.Errorf("§1.3 EndOf(%v) = %v, want 3h later", start, end)
		}
		if end.Location() != start.Location() {
			t.Errorf("EndOf moved the zone: %v → %v", start.Location(), end.Location())
		}
	}
}

// The warning marks (the commission's, on top of §1.3's 3 hours) are 30, 15
// and 5 minutes left, in the order they fall.
func TestWarningMarks(t *testing.T) {
	if !slices.Equal(exam.WarningMarks, []int{30, 15, 5}) {
		t.Errorf("WarningMarks = %v, want [30 15 5]", exam.WarningMarks)
	}
}

// §1.3: the board shows the time left of the 3 hours in whole seconds, and
// never a negative time.
func TestTimeLeftOnTheBoard(t *testing.T) {
	end := exam.EndOf(t0)
	almaty := time.FixedZone("ALMT", 5*3600)
	for _, tc := range []struct {
		name string
		now  time.Time
		want time.Duration
	}{
		{"at the start", t0, 3 * time.Hour},
		{"an hour in", at(time.Hour), 2 * time.Hour},
		{"truncated, not rounded", end.Add(-(time.Minute + 999*time.Millisecond)), time.Minute},
		{"under a second left", end.Add(-400 * time.Millisecond), 0},
		{"at the end", end, 0},
		{"after the end, not negative", end.Add(time.Minute), 0},
		{"now in another zone, same instant", end.Add(-10 * time.Minute).In(almaty), 10 * time.Minute},
		{"before the start (clock set back)", t0.Add(-time.Hour), 4 * time.Hour},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := exam.TimeLeft(end, tc.now); got != tc.want {
				t.Errorf("TimeLeft = %v, want %v", got, tc.want)
			}
		})
	}
}

// The end is a persisted instant (it has no monotonic reading); now comes
// from time.Now (it has one). The result must be the same as for the same
// instants without monotonic readings, so a restart changes nothing.
func TestTimeLeftWithMonotonicReadings(t *testing.T) {
	now := time.Now() // carries a monotonic reading
	liveEnd := now.Add(90*time.Minute + 500*time.Millisecond)
	b, err := json.Marshal(liveEnd)
	if err != nil {
		t.Fatal(err)
	}
	var storedEnd time.Time // as read back from the store: wall clock only
	if err := json.Unmarshal(b, &storedEnd); err != nil {
		t.Fatal(err)
	}
	want := 90 * time.Minute
	for name, got := range map[string]time.Duration{
		"live end, live now":     exam.TimeLeft(liveEnd, now),
		"stored end, live now":   exam.TimeLeft(storedEnd, now),
		"stored end, wall now":   exam.TimeLeft(storedEnd, now.Round(0)),
		"live end, stripped now": exam.TimeLeft(liveEnd, now.Round(0)),
	} {
		if got != want {
			t.Errorf("%s: TimeLeft = %v, want %v", name, got, want)
		}
	}
}

// A jump of the system clock (SPEC, Records) is a difference of more than
// 2 s, either way, between the wall and the monotonic time of two ticks.
func TestClockJumpThreshold(t *testing.T) {
	s := time.Second
	for _, tc := range []struct {
		name       string
		wall, mono time.Duration
		jump       time.Duration
		is         bool
	}{
		{"a normal tick", s, s, 0, false},
		{"scheduling noise", s + 30*time.Millisecond, s, 30 * time.Millisecond, false},
		{"exactly 2 s ahead is not a jump", 3 * s, s, 2 * s, false},
		{"exactly 2 s behind is not a jump", s, 3 * s, -2 * s, false},
		{"just over 2 s ahead", 3*s + time.Millisecond, s, 2*s + time.Millisecond, true},
		{"just over 2 s behind", s - time.Millisecond, 3 * s, -2*s - time.Millisecond, true},
		{"set forward an hour", time.Hour + s, s, time.Hour, true},
		{"set back an hour", s - time.Hour, s, -time.Hour, true},
		{"laptop slept 20 minutes", 20*time.Minute + s, s, 20 * time.Minute, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			jump, is := exam.ClockJump(tc.wall, tc.mono)
			if jump != tc.jump || is != tc.is {
				t.Errorf("ClockJump(%v, %v) = %v, %v; want %v, %v", tc.wall, tc.mono, jump, is, tc.jump, tc.is)
			}
		})
	}
}
