// Package exam holds the rules of the written entrance exam, clause by
// clause from the Regulation (Appendix 5, cited as §1.3, §2.2 …): the
// programmes and their disciplines, the shape of a ticket, the sheets per
// packet, the exam's duration and break, the warning marks, and the state
// machine of an examinee's day.
//
// It decides; it does not store and it does not draw. A user action is a
// method on Hall that either returns the Event that records it or a
// *Refusal that says why the regulation does not allow it. Hall.Apply folds
// an event into the state; the store calls it inside the same transaction
// that appends the event, so the state on disk is always the projection of
// the log. Nothing here imports bbolt or Bubble Tea.
package exam

// # Adding an event type
//
// An event type is declared once, in this package, and worded once, in
// the catalogue; a screen words it in its timeline. Take
// examinee.seat_changed (seat.go) as the pattern:
//
//  1. The type's name (a constant; never renamed once written), its
//     payload type (a struct with JSON tags, stable like the name), and
//     the decision that makes it: a method on Hall that returns the Event
//     or a *Refusal with a code (refusal.go) — the rule lives here and
//     nowhere else.
//  2. One line in eventKinds (payload.go): the payload's type, whether it
//     is an entry of one examinee's day, the status it moves them to, and
//     whether a correction may cancel it.
//  3. What it changes: a case in applyToExaminee (an examinee's entry) or
//     applyHallSide (the hall's), reading the payload with Decode — never
//     json.Unmarshal. A correction replays an examinee's entries, so an
//     entry's apply must depend only on the examinee and the event.
//  4. Its words in package i18n: "ui.event_type.<type>" and
//     "paper.event.<type>" (a test checks every declared type has both),
//     "refusal.<code>" for each refusal, and the timeline's text.
//  5. In package tui, a case in entryText (timeline.go) on the payload's
//     type; a key and a form only if the officer records it by hand.
//
// Screens and reports read payloads with Event.Payload or Decode, and
// show one that does not read as such (PayloadError), never drop it.
