package main

import (
	"os"
	"path/filepath"
	"runtime"
)

// dataDir is where examday keeps its files when neither --db nor
// EXAMDAY_DB says otherwise: the user's data directory, which survives
// reboots and is not synced to a roaming profile.
func dataDir() (string, error) {
	switch runtime.GOOS {
	case "windows":
		if d := os.Getenv("LocalAppData"); d != "" {
			return filepath.Join(d, "examday"), nil
		}
		d, err := os.UserConfigDir()
		return filepath.Join(d, "examday"), err
	case "darwin":
		home, err := os.UserHomeDir()
		return filepath.Join(home, "Library", "Application Support", "examday"), err
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "examday"), nil
	}
	home, err := os.UserHomeDir()
	return filepath.Join(home, ".local", "share", "examday"), err
}

// filePath is the hall file to use: --db, then EXAMDAY_DB, then name in the
// data directory (hall.db for the real hall, demo.db for the demo, so the
// demo can never touch a real hall's file).
func (a *app) filePath(name string) (string, error) {
	if a.dbPath != "" {
		return a.dbPath, nil
	}
	if p := os.Getenv("EXAMDAY_DB"); p != "" {
		return p, nil
	}
	dir, err := dataDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, name), nil
}

// ensureDir makes the directory a new file goes in, readable only by the
// user: the file holds examinees' names and document numbers.
func ensureDir(path string) error {
	return os.MkdirAll(filepath.Dir(path), 0o700)
}

// hallFilePath is the file of the real hall, or of the demo with demo: what
// every command taking --demo opens.
func (a *app) hallFilePath(demo bool) (string, error) {
	if demo {
		return a.demoPath()
	}
	return a.filePath("hall.db")
}

// demoPath is the demo's file: --db if it was given, else demo.db in the
// data directory. EXAMDAY_DB names the real hall's file and is never the
// demo's; and even a --db file is only used by the demo if it holds a
// demo hall (openDemo).
func (a *app) demoPath() (string, error) {
	if a.dbPath != "" {
		return a.dbPath, nil
	}
	dir, err := dataDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "demo.db"), nil
}
