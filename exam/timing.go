package exam

import "time"

const (
	// ExamDuration is the examination time (§1.3).
	ExamDuration = 3 * time.Hour
	// BreakAllowance is the longest an examinee may be out of the audience
	// after the theoretical part (§1.3, §2.1).
	BreakAllowance = 10 * time.Minute
	// ClockJumpThreshold is how far the wall clock and the monotonic clock
	// may drift apart between two ticks before we call it a jump. A tick is
	// one second; scheduling noise is milliseconds, so 2 s is unmistakable.
	ClockJumpThreshold = 2 * time.Second
	// StartCorrectionWindow bounds how far before the proposed start an
	// officer may correct it: the proposal is the moment the last material
	// was recorded (§1.3), and a correction only fixes a late recording.
	StartCorrectionWindow = 30 * time.Minute
)

// WarningMarks are the minutes-left marks at which the hall is warned, in
// the order they fall. They are not in the regulation; they are what the
// commission asked for so nobody is surprised by the end of §1.3's 3 hours.
var WarningMarks = []int{30, 15, 5}

// EndOf returns the end of the exam that starts at start (§1.3).
func EndOf(start time.Time) time.Time { return start.Add(ExamDuration) }

// TimeLeft is the time left until end at now, never negative, truncated to
// the second as the board shows it. It is computed from persisted instants
// only, so a restart, a crash or a sleep of the laptop cannot change it.
func TimeLeft(end, now time.Time) time.Duration {
	left := end.Round(0).Sub(now.Round(0))
	if left < 0 {
		return 0
	}
	return left.Truncate(time.Second)
}

// ClockJump compares how much time passed between two ticks by the wall
// clock and by the monotonic clock. The monotonic clock measures how much
// time really passed; the wall clock may have been set by hand, by NTP, or
// (on most systems) moved on by a sleep of the laptop during which the
// monotonic clock stood still. It returns how far the wall clock moved
// beyond the monotonic one, and whether that is more than
// ClockJumpThreshold either way.
func ClockJump(wallElapsed, monoElapsed time.Duration) (time.Duration, bool) {
	jump := wallElapsed - monoElapsed
	return jump, jump > ClockJumpThreshold || jump < -ClockJumpThreshold
}
