package store

import (
	bolt "go.etcd.io/bbolt"
)

// StoredAndReplayed gives, for the open store s, every state record as
// the file holds it and as the codec writes the same record of the hall
// the log replays to, by a name ("hall", "examinee <ordinal key>",
// "sheet <code>"), for the test that the stored state is the replay.
func StoredAndReplayed(s *Store) (stored, replayed map[string][]byte, err error) {
	stored, replayed = map[string][]byte{}, map[string][]byte{}
	err = s.view(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketHall).Get(keyState); v != nil {
			stored["hall"] = append([]byte(nil), v...)
		}
		tx.Bucket(bucketExaminees).ForEach(func(k, v []byte) error {
			stored["examinee "+string(k)] = append([]byte(nil), v...)
			return nil
		})
		tx.Bucket(bucketSheets).ForEach(func(k, v []byte) error {
			stored["sheet "+string(k)] = append([]byte(nil), v...)
			return nil
		})
		// The records are of the log up to the event they name: replayed
		// to it (they lag the log by up to StateEvery events while the
		// file is open).
		kept, _, err := loadHall(tx)
		if err != nil {
			return err
		}
		h, err := replayTx(tx, kept.LastSeq)
		if err != nil {
			return err
		}
		var last []byte // a file before schema 6 names none
		if v := tx.Bucket(bucketEvents).Get(seqKey(h.LastSeq)); h.LastSeq > 0 && schemaOf(tx) >= 6 && len(v) >= 32 {
			last = v[:32]
		}
		if replayed["hall"], err = encodeHall(h, last); err != nil {
			return err
		}
		for _, e := range h.Examinees() {
			if replayed["examinee "+string(ordinalKey(e.Ordinal))], err = encodeExaminee(e); err != nil {
				return err
			}
		}
		for _, sh := range h.Sheets() {
			if replayed["sheet "+sh.Code.String()], err = encodeSheet(sh); err != nil {
				return err
			}
		}
		return nil
	})
	return stored, replayed, err
}

// Record types, for the test that they cover the domain's.
var (
	HallRecordType     = hallRecord{}
	OfferRecordType    = offerRecord{}
	ExamineeRecordType = examineeRecord{}
	SheetRecordType    = sheetRecord{}
)
