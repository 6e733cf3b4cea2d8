package store

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"time"

	"examday/exam"
)

// TimeLayout is how instants are written in the log: RFC 3339 in UTC with
// all nine digits of nanoseconds, so every event's time has one spelling.
const TimeLayout = "2006-01-02T15:04:05.000000000Z07:00"

// wireEvent fixes the field order of a stored event. The bytes written are
// kept as they are forever and hashed; they are never produced again from
// a decoded event, so this order only has to be stable for new events.
type wireEvent struct {
	Seq      uint64          `json:"seq"`
	At       string          `json:"at"`
	Type     string          `json:"type"`
	Examinee string          `json:"examinee,omitempty"`
	Actor    string          `json:"actor"`
	Data     json.RawMessage `json:"data,omitempty"`
	Prev     string          `json:"prev"`
}

// EncodeEvent gives the bytes an event is stored as.
func EncodeEvent(ev exam.Event) ([]byte, error) {
	return json.Marshal(wireEvent{
		Seq: ev.Seq, At: ev.At.UTC().Format(TimeLayout), Type: ev.Type, Examinee: ev.Examinee,
		Actor: ev.Actor, Data: ev.Data, Prev: ev.Prev,
	})
}

// DecodeEvent reads stored bytes back into an event.
func DecodeEvent(body []byte) (exam.Event, error) {
	var w wireEvent
	if err := json.Unmarshal(body, &w); err != nil {
		return exam.Event{}, err
	}
	at, err := time.Parse(TimeLayout, w.At)
	if err != nil {
		return exam.Event{}, fmt.Errorf("time %q: %w", w.At, err)
	}
	return exam.Event{Seq: w.Seq, At: at, Type: w.Type, Examinee: w.Examinee, Actor: w.Actor, Data: w.Data, Prev: w.Prev}, nil
}

// JSONLine is the stored event as one JSON object with its hash and its
// signature added: the stored bytes unchanged up to the closing brace,
// then ,"hash":"<hex>" and, for a signed event, ,"sig":"<base64>", so a
// script can check both without the hall file.
func (r Record) JSONLine() []byte {
	body := bytes.TrimRight(r.Body, " \n")
	out := make([]byte, 0, len(body)+180)
	out = append(out, body[:len(body)-1]...)
	out = fmt.Appendf(out, `,"hash":"%x"`, r.Hash)
	if r.Signature != nil {
		out = append(out, `,"sig":"`...)
		out = base64.StdEncoding.AppendEncode(out, r.Signature)
		out = append(out, '"')
	}
	return append(out, '}')
}
