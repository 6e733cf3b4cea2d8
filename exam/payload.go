package exam

import (
	"encoding/json"
	"fmt"
	"reflect"
)

// eventKinds declares every event type once: its payload's type (nil for
// a type that carries none), whether it is an entry of one examinee's day
// (their timeline, replayed by a correction), the status it moves them to
// (§1.3–§2.3, checked against the state machine), and whether a
// correction may cancel it. Everything that reads an event's payload goes
// through Decode or Payload, so a payload is decoded in one place; a new
// event type is a line here, its apply, and its words (doc.go).
var eventKinds = map[string]eventKind{
	TypeHallCreated:         {payload: typeOf[HallCreatedData]()},
	TypeRosterImported:      {payload: typeOf[RosterImportedData]()},
	TypeArrived:             {payload: typeOf[ArrivedData](), examinee: true, status: Present, cancellable: true},
	TypeAbsent:              {examinee: true, status: Absent, cancellable: true},
	TypeAdmittedLate:        {payload: typeOf[AdmittedLateData](), examinee: true, status: Present, cancellable: true},
	TypeMaterialsIssued:     {payload: typeOf[MaterialsIssuedData](), examinee: true, status: Materials, cancellable: true},
	TypeExamStarted:         {payload: typeOf[ExamStartedData]()},
	TypeWarning:             {payload: typeOf[WarningData]()},
	TypeTimeUp:              {payload: typeOf[TimeUpData]()},
	TypeClockJump:           {payload: typeOf[ClockJumpData]()},
	TypeTheoryIn:            {examinee: true, status: TheoryIn, cancellable: true},
	TypeBreakOut:            {payload: typeOf[BreakOutData](), examinee: true, status: OnBreak, cancellable: true},
	TypeBreakIn:             {payload: typeOf[BreakInData](), examinee: true, cancellable: true},
	TypeSituationalDrawn:    {payload: typeOf[SituationalData](), examinee: true, status: Situational, cancellable: true},
	TypeCodeOut:             {examinee: true, cancellable: true},
	TypeCodeBack:            {examinee: true, cancellable: true},
	TypeHandedIn:            {payload: typeOf[HandedInData](), examinee: true, status: Finished, cancellable: true},
	TypeViolationOffered:    {payload: typeOf[OfferData](), examinee: true},
	TypeViolationDismissed:  {payload: typeOf[DismissData](), examinee: true},
	TypeViolationRecorded:   {payload: typeOf[ViolationData](), examinee: true, cancellable: true},
	TypeCancelled:           {payload: typeOf[CancelData]()},
	TypeInterruptionStarted: {payload: typeOf[InterruptionData]()},
	TypeInterruptionEnded:   {payload: typeOf[InterruptionData]()},
	TypePINFailed:           {payload: typeOf[PINFailedData]()},
	TypeHallClosed:          {payload: typeOf[ClosedData]()},
	TypeSheetsPrinted:       {payload: typeOf[SheetsPrintedData]()},
	TypeSheetReceived:       {payload: typeOf[SheetReceivedData](), examinee: true},
	TypeSheetVoided:         {payload: typeOf[SheetVoidedData](), examinee: true},
	TypeSeatChanged:         {payload: typeOf[SeatChangedData](), examinee: true, cancellable: true},
}

// eventKind is what eventKinds declares of one event type.
type eventKind struct {
	payload     reflect.Type
	examinee    bool
	status      Status // "" when the type moves no one
	cancellable bool
}

func typeOf[T any]() reflect.Type { return reflect.TypeFor[T]() }

// EventTypes is every event type, in no particular order.
func EventTypes() []string {
	out := make([]string, 0, len(eventKinds))
	for t := range eventKinds {
		out = append(out, t)
	}
	return out
}

// PayloadError is an event whose payload does not read as its type's: a
// file from a newer program, or one changed by hand. It is shown as such,
// never dropped.
type PayloadError struct {
	Seq  uint64
	Type string
	Err  error
}

func (e *PayloadError) Error() string {
	return fmt.Sprintf("event %d (%s): the payload does not read: %v", e.Seq, e.Type, e.Err)
}

func (e *PayloadError) Unwrap() error { return e.Err }

// Decode is ev's payload as T, the payload type declared for ev.Type. An
// event type that carries none decodes as T's zero value; asking for a
// type other than the declared one is a programming error, said as such.
func Decode[T any](ev Event) (T, error) {
	var v T
	k, known := eventKinds[ev.Type]
	want := k.payload
	switch {
	case !known:
		return v, &PayloadError{Seq: ev.Seq, Type: ev.Type, Err: fmt.Errorf("unknown event type")}
	case want != nil && want != reflect.TypeFor[T]():
		return v, &PayloadError{Seq: ev.Seq, Type: ev.Type, Err: fmt.Errorf("decoded as %v, declared %v", reflect.TypeFor[T](), want)}
	case want == nil || len(ev.Data) == 0:
		return v, nil
	}
	if err := json.Unmarshal(ev.Data, &v); err != nil {
		return v, &PayloadError{Seq: ev.Seq, Type: ev.Type, Err: err}
	}
	return v, nil
}

// Payload is ev's payload as a value of its declared type (HandedInData,
// SheetReceivedData …), nil for a type that carries none: for a screen or
// a report that words every type in one switch.
func (ev Event) Payload() (any, error) {
	k, known := eventKinds[ev.Type]
	want := k.payload
	if !known {
		return nil, &PayloadError{Seq: ev.Seq, Type: ev.Type, Err: fmt.Errorf("unknown event type")}
	}
	if want == nil {
		return nil, nil
	}
	p := reflect.New(want)
	if len(ev.Data) > 0 {
		if err := json.Unmarshal(ev.Data, p.Interface()); err != nil {
			return nil, &PayloadError{Seq: ev.Seq, Type: ev.Type, Err: err}
		}
	}
	return p.Elem().Interface(), nil
}
