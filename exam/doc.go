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
