package store

import (
	"fmt"
	"os"
	"strings"
	"time"
)

// The owner note sits beside the hall file while a program has it open, so
// that a second copy can say who holds the file rather than just "locked".
// The lock itself is bbolt's; the note is only a courtesy and may be stale
// after a crash, so it is read only when the lock is really held.

func ownerPath(path string) string { return path + ".owner" }

func writeOwner(path, program string) {
	if program == "" {
		program = "examday"
	}
	host, _ := os.Hostname()
	note := fmt.Sprintf("%s, process %d on %s, since %s", program, os.Getpid(), host, time.Now().Format("2006-01-02 15:04:05"))
	_ = os.WriteFile(ownerPath(path), []byte(note), 0o600)
}

func readOwner(path string) string {
	b, err := os.ReadFile(ownerPath(path))
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}

func removeOwner(path string) { _ = os.Remove(ownerPath(path)) }
