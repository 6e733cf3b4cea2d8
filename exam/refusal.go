package exam

import (
	"fmt"
	"strings"
)

// Refusal is the answer when the regulation does not allow an action. Code
// names the reason; the catalogue turns "refusal."+Code and Args into words
// an officer on duty understands, in their language. A refusal changes
// nothing: the caller writes no event.
type Refusal struct {
	Code string
	Args []any
}

func refuse(code string, args ...any) *Refusal { return &Refusal{Code: code, Args: args} }

// Error is the fallback text for logs and tests; what the user reads comes
// from the catalogue.
func (r *Refusal) Error() string {
	if len(r.Args) == 0 {
		return "refused: " + r.Code
	}
	parts := make([]string, len(r.Args))
	for i, a := range r.Args {
		parts[i] = fmt.Sprint(a)
	}
	return "refused: " + r.Code + " (" + strings.Join(parts, ", ") + ")"
}

// Refusal codes callers may branch on. Each is a catalogue key under
// "refusal.".
const (
	RefuseNoHall               = "no_hall"
	RefuseHallExists           = "hall_exists"
	RefuseSetupField           = "setup_field_missing"
	RefuseBadDate              = "bad_date"
	RefuseEmptyRoster          = "empty_roster"
	RefuseUnknownExaminee      = "unknown_examinee"
	RefuseTransition           = "transition"
	RefuseAfterStart           = "after_start"
	RefuseTicketMissing        = "ticket_missing"
	RefuseTicketTooLong        = "ticket_too_long"
	RefuseTicketNotDigits      = "ticket_not_digits"
	RefuseTicketIsSheetCode    = "ticket_is_sheet_code"
	RefuseNotStartable         = "not_startable"
	RefuseUnmarked             = "unmarked"
	RefuseNobodyPresent        = "nobody_present"
	RefuseMaterialsMissing     = "materials_missing"
	RefuseAlreadyStarted       = "already_started"
	RefuseStartInFuture        = "start_in_future"
	RefuseStartTooEarly        = "start_too_early"
	RefuseCorrectionReason     = "correction_reason"
	RefuseNotRunning           = "not_running"
	RefuseNoJump               = "no_jump"
	RefuseHallClosed           = "hall_closed"
	RefuseNotStarted           = "not_started"
	RefuseTimeIsUp             = "time_is_up"
	RefusePINLocked            = "pin_locked"
	RefuseAgreementMissing     = "agreement_missing"
	RefuseMedicalReason        = "medical_reason"
	RefuseBreakBeforeTheory    = "break_before_theory"
	RefuseBreakNotNow          = "break_not_now"
	RefuseBreakUsed            = "break_used"
	RefuseNotOut               = "not_out"
	RefuseSituationalDuplicate = "situational_duplicate"
	RefuseCodeNotSituational   = "code_not_situational"
	RefuseCodeAlreadyOut       = "code_already_out"
	RefuseCodeNotOut           = "code_not_out"
	RefuseCodeStillOut         = "code_still_out"
	RefuseNotArrived           = "not_arrived"
	RefuseAlreadyRemoved       = "already_removed"
	RefuseViolationClause      = "violation_clause"
	RefuseViolationDescription = "violation_description"
	RefuseViolationWitnesses   = "violation_witnesses"
	RefuseViolationDecision    = "violation_decision"
	RefuseOfferUnknown         = "offer_unknown"
	RefuseDismissReason        = "dismiss_reason"
	RefuseCancelType           = "cancel_type"
	RefuseCancelReason         = "cancel_reason"
	RefuseAlreadyCancelled     = "already_cancelled"
	RefuseCancelPacket         = "cancel_packet"
	RefuseSparesRange          = "spares_range"
	RefuseNoSheets             = "no_sheets"
	RefuseSheetUnknown         = "sheet_unknown"
	RefuseSheetVoided          = "sheet_voided"
	RefuseSheetReprinted       = "sheet_reprinted"
	RefuseSheetSpare           = "sheet_spare"
	RefusePacketBound          = "packet_bound"
	RefusePacketLevel          = "packet_level"
	RefuseSheetAlreadyReceived = "sheet_already_received"
	RefuseSheetNotIssued       = "sheet_not_issued"
	RefuseSheetNotVoidable     = "sheet_not_voidable"
	RefuseNotASpare            = "not_a_spare"
	RefuseVoidReason           = "void_reason"
	RefuseSheetsUnaccounted    = "sheets_unaccounted"
	RefuseShortfallReason      = "shortfall_reason"
	RefuseCancelDepends        = "cancel_depends"
	RefuseAlreadyInterrupted   = "already_interrupted"
	RefuseNotInterrupted       = "not_interrupted"
	RefuseInterruptionKind     = "interruption_kind"
	RefuseInterruptionReason   = "interruption_reason"
	RefuseStillSitting         = "still_sitting"
	RefuseOutstanding          = "outstanding"
	RefusePINShort             = "pin_short"
	RefusePINDigits            = "pin_digits"
	// A situational sheet, or the hand-in, of someone with no situational
	// ticket on record: the officer is asked what happened.
	RefuseSituationalUndrawn       = "situational_undrawn"
	RefuseWithoutSituationalReason = "without_situational_reason"
	RefuseSituationalDrawnAlready  = "situational_drawn_already"
	RefuseNotSituationalSheet      = "not_situational_sheet"
	RefuseSeatNotSitting           = "seat_not_sitting"
	RefuseSeatMissing              = "seat_missing"
	RefuseSeatTooLong              = "seat_too_long"
	RefuseSeatSame                 = "seat_same"
	RefuseSeatReason               = "seat_reason"
	RefuseSeatTaken                = "seat_taken"
)
