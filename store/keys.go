package store

// Keys of the secrets bucket.
const (
	// SecretChairmanPIN holds the argon2id hash of the chairman's PIN.
	SecretChairmanPIN = "chairman_pin"
)
