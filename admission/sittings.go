package admission

import (
	"examday/barcode"
	"examday/exam"
)

// HallSitting is what the halls' logs say of one examinee at the
// specialty exam, as the central record replays them (package exam's
// rules): the hall, where the examinee's day ended, the §2.2 clause of a
// removal, and the answer sheets to mark — those received back, a spare
// in place of a voided sheet, in the ticket's order. It names the
// examinee: it is joined to the marks only after marking closes.
type HallSitting struct {
	Examinee  string      `json:"examinee"` // the roster's id, the applicant's
	Hall      string      `json:"hall"`
	Origin    string      `json:"origin"` // the hall log it was read from
	Programme string      `json:"programme"`
	Level     exam.Level  `json:"level"`
	Status    exam.Status `json:"status"`
	// Clause is the §2.2 clause of the violation a removal (§2.3) was
	// decided for; "" unless Status is exam.Removed.
	Clause string `json:"clause,omitempty"`
	// Sheets are the sheets bound to the examinee that count, by
	// question: for a removed examinee too (a mark of one is refused as
	// a removed examinee's, not as an unknown code).
	Sheets []SittingSheet `json:"sheets"`
}

// SittingSheet is one sheet of a sitting.
type SittingSheet struct {
	Code     barcode.Code `json:"code"`
	Question int          `json:"question"`
	// Received: scanned back in at the hand-in. A sheet bound but never
	// received is not to be marked (and is said in the marking status).
	Received bool `json:"received"`
	// Replaces is the voided sheet this spare took the place of.
	Replaces barcode.Code `json:"replaces,omitzero"`
}
