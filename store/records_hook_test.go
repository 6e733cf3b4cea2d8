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
		h, err := replayTx(tx, ^uint64(0))
		if err != nil {
			return err
		}
		if replayed["hall"], err = encodeHall(h); err != nil {
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
