package store

import bolt "go.etcd.io/bbolt"

// dbOf is the bbolt handle of an open store, for the tests that count
// what a commit writes (TestACommitWritesWhatABareUpdateWrites).
func dbOf(s *Store) *bolt.DB { return s.db }

// DBOf is dbOf for the package's external tests.
var DBOf = dbOf
