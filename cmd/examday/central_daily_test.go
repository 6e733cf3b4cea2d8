package main

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"examday/central"
	"examday/store"
	"examday/store/storetest"
)

// serving runs `examday central serve` on db in this process, on a port
// the system picks, until the test ends (or stop is called); its log lines
// are in out.
func serving(t *testing.T, db string) (url string, out *syncBuffer, stop func()) {
	t.Helper()
	out = &syncBuffer{}
	a := newApp(nil, strings.NewReader(""), out, out)
	c, err := central.Open(db, central.Options{Program: "examday central serve"})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- a.serveCentral(ctx, c, "127.0.0.1:0", nil, central.ServerOptions{Log: slog.New(slog.NewTextHandler(out, nil))})
	}()
	listening := regexp.MustCompile(`listens on (http://127\.0\.0\.1:\d+)`)
	for deadline := time.Now().Add(10 * time.Second); ; {
		if m := listening.FindStringSubmatch(out.String()); m != nil && strings.Contains(out.String(), "Ctrl+C") {
			url = m[1]
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("not listening: %q", out.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			if err := <-done; err != nil {
				t.Error(err)
			}
			c.Close()
		})
	}
	t.Cleanup(stop)
	return url, out, stop
}

var (
	stampRE = regexp.MustCompile(`\d{4}-\d\d-\d\d \d\d:\d\d:\d\d|\d\d:\d\d:\d\d`)
	tokenRE = regexp.MustCompile(`\b[a-z2-7]{32}\b`)
)

const applicantsCSVForTest = `id,full_name,programme,id_document,service_years,language,language_score,certificate,certificate_score
A-001,Сәрсенбаева Айгерім,7M04203,041234567,3.5,en,34,,
A-003,Ким Виктория,7M04203,N12345678,4,fr,29,,
A-004,Смит Джон,7M04203,041234570,2,en,,TOEFL ITP,337
`

// normal is a command's output with what differs between two runs of it
// by nature put aside: the folder of the record, the times, new tokens.
func normal(s, dir string) string {
	s = strings.ReplaceAll(s, dir, "DIR")
	s = stampRE.ReplaceAllString(s, "TIME")
	return tokenRE.ReplaceAllString(s, "TOKEN")
}

// Every central command gives the same answer while `examday central
// serve` holds the file as when it is stopped: the same commands, run
// against two copies of one record — one opened by the commands
// themselves, one held by a running server that does their work — print
// the same, and exit the same, word for word (but for times and tokens).
func TestCentralCommandsAnswerTheSameWhileTheServerRuns(t *testing.T) {
	base := t.TempDir()
	hallPath, full := centralHall(t, base, 40)
	s, _ := store.Open(hallPath, store.Options{Program: "test"})
	device := s.DeviceID()
	s.Close()
	stick := filepath.Join(base, "hall.bundle")
	os.WriteFile(stick, full, 0o600)
	damaged := []byte(string(full))
	damaged[len(damaged)/2] ^= 4
	bad := filepath.Join(base, "damaged.bundle")
	os.WriteFile(bad, damaged, 0o600)

	stopped, served := filepath.Join(t.TempDir(), "central.db"), filepath.Join(t.TempDir(), "central.db")
	enrolHall(t, stopped, hallPath, "Audience 204")
	for _, suffix := range []string{"", ".key"} {
		b, _ := os.ReadFile(stopped + suffix)
		os.WriteFile(served+suffix, b, 0o600)
	}
	_, logs, _ := serving(t, served)

	steps := [][]string{
		{"central", "status"},
		{"central", "import", stick},
		{"central", "import", stick},
		{"central", "import", bad},
		{"central", "import", filepath.Join(base, "missing.bundle")},
		{"central", "import", stick, bad},
		{"central", "status"},
		{"central", "status", "--lang", "kk"},
		{"central", "examinee", "E000001"},
		{"central", "examinee", "nobody"},
		{"central", "hall", "Audience 204"},
		{"central", "hall", "Audience 999"},
		{"central", "enroll", "--hall", "Audience 205"},
		{"central", "enroll", "--marker", "Ержан Сейткали"},
		{"central", "enroll", "--hall", " "},
		{"central", "evidence", "1", "--out", filepath.Join(base, "evidence.bundle")},
		{"central", "verify"},
		{"central", "revoke", "ffff", "--lang", "ru"},
		{"central", "revoke", device[:10]},
		{"central", "import", stick, "--lang", "ru"},
		{"central", "status"},
	}
	for _, step := range steps {
		var answers [2]string
		for i, db := range []string{stopped, served} {
			code, out, errOut := runCLI(t, "", append(step, "--db", db)...)
			answers[i] = normal(strings.Join([]string{strings.Repeat("exit ", code) + "0", out, errOut}, "\n"), filepath.Dir(db))
		}
		if answers[0] != answers[1] {
			t.Errorf("%v:\nstopped:\n%s\nserved:\n%s", step, answers[0], answers[1])
		}
	}
	// The admission campaign's commands too, with the PINs on standard
	// input; DBDIR is each record's own folder.
	campaign, _ := filepath.Abs("../../admission/testdata/campaign/good_full.toml")
	broken := filepath.Join(base, "broken.toml")
	text, _ := os.ReadFile(campaign)
	os.WriteFile(broken, []byte(strings.Replace(string(text), "pass_mark = 60", "pass_mark = 160", 1)), 0o600)
	applicants := filepath.Join(base, "applicants.csv")
	os.WriteFile(applicants, []byte(applicantsCSVForTest), 0o600)
	for _, step := range []struct {
		stdin string
		args  []string
	}{
		{"", []string{"central", "campaign", "show"}},
		{"", []string{"central", "applicants", "import", applicants}},
		{"", []string{"central", "campaign", "set", broken, "--pin-stdin"}},
		{"2468\n1357\n", []string{"central", "campaign", "set", campaign, "--pin-stdin"}},
		{"2468\n1357\n9753\n8642\n", []string{"central", "campaign", "set", campaign, "--pin-stdin", "--lang", "ru"}},
		{"", []string{"central", "campaign", "show", "--lang", "kk"}},
		{"", []string{"central", "applicants", "import", applicants}},
		{"", []string{"central", "applicants", "import", applicants}},
		{"", []string{"central", "applicants", "show"}},
		{"", []string{"central", "roster", "--hall", "Audience 204", "--programme", "7M04203", "--out", "DBDIR/roster.csv"}},
		{"", []string{"central", "roster", "--hall", "Audience 204", "--programme", "7M04203", "--out", "DBDIR/roster.csv"}},
		{"", []string{"central", "status"}},
	} {
		var answers [2]string
		for i, db := range []string{stopped, served} {
			args := make([]string, len(step.args))
			for j, a := range step.args {
				args[j] = strings.ReplaceAll(a, "DBDIR", filepath.Dir(db))
			}
			code, out, errOut := runCLI(t, step.stdin, append(args, "--db", db)...)
			answers[i] = normal(strings.Join([]string{strings.Repeat("exit ", code) + "0", out, errOut}, "\n"), filepath.Dir(db))
		}
		if answers[0] != answers[1] {
			t.Errorf("%v:\nstopped:\n%s\nserved:\n%s", step.args, answers[0], answers[1])
		}
	}
	// The served copy's answers came from the server: it did the work.
	for _, op := range []string{"op=import", "op=token", "op=revoke", "op=devices", "op=timeline", "op=hall", "op=evidence", "op=check",
		"op=desk", "op=campaign_set", "op=applicants_import", "op=examinee_halls"} {
		if !strings.Contains(logs.String(), op) {
			t.Errorf("the server was not asked %s:\n%s", op, logs.String())
		}
	}
	// And the two files hold the same record.
	var sums [2]string
	for i, db := range []string{stopped, served} {
		_, out, _ := runCLI(t, "", "central", "verify", "--db", db)
		sums[i] = normal(out, filepath.Dir(db))
	}
	if sums[0] != sums[1] || !strings.Contains(sums[0], "1 logs, 40 events") {
		t.Fatalf("the records differ:\n%s\n%s", sums[0], sums[1])
	}
}

// Two secretaries at once: with the server running, every command is
// done, each exactly once; with none, the second command waits for the
// first's file and then does its work too.
func TestTwoSecretariesAtOnce(t *testing.T) {
	for _, withServer := range []bool{true, false} {
		dir := t.TempDir()
		db := filepath.Join(dir, "central.db")
		hallPath, full := centralHall(t, dir, 30)
		enrolHall(t, db, hallPath, "Audience 204")
		stick := filepath.Join(dir, "hall.bundle")
		os.WriteFile(stick, full, 0o600)
		if withServer {
			serving(t, db)
		}
		var wg sync.WaitGroup
		results := make(chan string, 8)
		for i := range 6 {
			wg.Go(func() {
				args := [][]string{{"central", "import", stick}, {"central", "enroll", "--hall", "Audience 205"}, {"central", "status"}}[i%3]
				code, out, errOut := runCLI(t, "", append(args, "--db", db)...)
				if code != 0 {
					t.Errorf("server %v: %v: exit %d: %s", withServer, args, code, errOut)
				}
				results <- out
			})
		}
		wg.Wait()
		close(results)
		var appended, duplicate, tokens int
		for out := range results {
			appended += strings.Count(out, "30 new events")
			duplicate += strings.Count(out, "duplicate")
			tokens += len(tokenLine.FindAllString(out, -1))
		}
		if appended != 1 || duplicate != 1 || tokens != 2 {
			t.Fatalf("server %v: %d appended, %d duplicates, %d tokens", withServer, appended, duplicate, tokens)
		}
	}
}

// `examday central backup` while the server takes pushes: a verified
// copy, not over any file, never over the record, its key or its notes;
// restored by cp (and the key put back), it is the record.
func TestCentralBackupAndRestore(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "central.db")
	hallPath, full := centralHall(t, dir, 30)
	enrolHall(t, db, hallPath, "Audience 204")
	_, _, stop := serving(t, db)
	stick := filepath.Join(dir, "hall.bundle")
	os.WriteFile(stick, full, 0o600)
	if code, _, errOut := runCLI(t, "", "central", "import", stick, "--db", db); code != 0 {
		t.Fatal(errOut)
	}
	out := filepath.Join(dir, "backup.db")
	code, stdout, errOut := runCLI(t, "", "central", "backup", "--db", db, "--out", out)
	if code != 0 || !strings.Contains(stdout, "verified read back: 1 logs, 30 events, 1 devices") || !strings.Contains(stdout, "central.db.key is not in the copy") {
		t.Fatalf("backup: %d %q %q", code, stdout, errOut)
	}
	if _, err := os.Stat(out + ".key"); err == nil {
		t.Fatal("a key was written beside the backup")
	}
	before := map[string][]byte{}
	for _, p := range []string{db, db + ".key", db + ".owner", db + ".admin", out} {
		before[p], _ = os.ReadFile(p)
	}
	for target, want := range map[string]string{
		db: "is the central record's file", db + ".key": "is the signing key of the central record",
		db + ".admin": "is the note of the running server", db + ".owner": "is the owner note",
		out: "is the central record's file", hallPath: "is the hall file",
	} {
		code, _, errOut := runCLI(t, "", "central", "backup", "--db", db, "--out", target)
		if code == 0 || !strings.Contains(errOut, want) {
			t.Errorf("--out %s: %d %q", target, code, errOut)
		}
	}
	other := filepath.Join(dir, "notes.txt")
	os.WriteFile(other, []byte("mine"), 0o600)
	if code, _, errOut := runCLI(t, "", "central", "backup", "--db", db, "--out", other); code == 0 || !strings.Contains(errOut, "never over a file") {
		t.Errorf("over a file: %d %q", code, errOut)
	}
	for p, b := range before {
		if now, _ := os.ReadFile(p); string(now) != string(b) {
			t.Errorf("%s was changed", p)
		}
	}
	if b, _ := os.ReadFile(other); string(b) != "mine" {
		t.Error("the file was written over")
	}
	if m, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(m) != 0 {
		t.Errorf("temporary files left: %v", m)
	}

	// Restore: stop the server, cp the backup over the file, the key
	// back beside it, and verify.
	stop()
	code, stdout, _ = runCLI(t, "", "central", "verify", out)
	if code != 0 || !strings.Contains(stdout, "1 logs, 30 events") || !strings.Contains(stdout, "No key beside it") {
		t.Fatalf("verify the backup: %d %q", code, stdout)
	}
	restored := filepath.Join(t.TempDir(), "central.db")
	b, _ := os.ReadFile(out)
	os.WriteFile(restored, b, 0o600)
	k, _ := os.ReadFile(db + ".key")
	os.WriteFile(restored+".key", k, 0o600)
	code, stdout, _ = runCLI(t, "", "central", "verify", restored)
	if code != 0 || !strings.Contains(stdout, "is its own") {
		t.Fatalf("verify the restored copy: %d %q", code, stdout)
	}
	if code, stdout, _ := runCLI(t, "", "central", "import", stick, "--db", restored); code != 0 || !strings.Contains(stdout, "duplicate") {
		t.Fatalf("the restored record: %d %q", code, stdout)
	}
}

// A hall that never meets a network: enrolled by a request and an answer
// on a stick, its record handed over by a bundle on the stick, and the
// receipt brought back marks it delivered — the same checks as over HTTP.
func TestAHallHandsOverByStickAlone(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "central.db")
	hallPath, _ := centralHall(t, dir, 25)
	code, out, _ := runCLI(t, "", "central", "enroll", "--db", db, "--hall", "Audience 204")
	token := tokenLine.FindStringSubmatch(out)
	markerOut := func() string {
		_, o, _ := runCLI(t, "", "central", "enroll", "--db", db, "--marker", "Ержан Сейткали")
		return o
	}()
	markerToken := regexp.MustCompile(`: ([a-z2-7]{32})`).FindStringSubmatch(markerOut)
	if code != 0 || token == nil || markerToken == nil {
		t.Fatalf("tokens: %q %q", out, markerOut)
	}
	stick := t.TempDir()
	request := filepath.Join(stick, "request.json")
	answer := filepath.Join(stick, "answer.json")

	// A marking station's token, on a hall laptop: refused, and unused.
	if code, _, errOut := runCLI(t, "", "enroll", "--db", hallPath, "--token", markerToken[1], "--out", request); code != 0 {
		t.Fatal(errOut)
	}
	code, _, errOut := runCLI(t, "", "central", "enroll", "--db", db, "--import", request, "--out", answer)
	if code == 0 || !strings.Contains(errOut, "check: device's role") {
		t.Fatalf("marker token: %d %q", code, errOut)
	}
	if _, err := os.Stat(answer); err == nil {
		t.Fatal("an answer was written for a refused request")
	}
	// The --out of a request is never the hall file, its key, or the request.
	for _, target := range []string{hallPath, store.KeyPath(hallPath)} {
		if code, _, errOut := runCLI(t, "", "enroll", "--db", hallPath, "--token", token[1], "--out", target); code == 0 || !strings.Contains(errOut, "Nothing was written") {
			t.Errorf("request over %s: %d %q", target, code, errOut)
		}
	}
	if code, _, errOut := runCLI(t, "", "central", "enroll", "--db", db, "--import", request, "--out", request); code == 0 || !strings.Contains(errOut, "is the request itself") {
		t.Errorf("answer over the request: %d %q", code, errOut)
	}

	runCLI(t, "", "enroll", "--db", hallPath, "--token", token[1], "--out", request)
	code, out, errOut = runCLI(t, "", "central", "enroll", "--db", db, "--import", request, "--out", answer)
	if code != 0 || !strings.Contains(out, "Enrolled: the hall laptop “Audience 204”") {
		t.Fatalf("enrol by file: %d %q %q", code, out, errOut)
	}
	// An answer changed on the way, or for another laptop, is not kept.
	good, _ := os.ReadFile(answer)
	changed := filepath.Join(stick, "changed.json")
	os.WriteFile(changed, []byte(strings.Replace(string(good), "Audience 204", "Audience 206", 1)), 0o600)
	if code, _, errOut := runCLI(t, "", "enroll", "--db", hallPath, "--answer", changed); code == 0 || !strings.Contains(errOut, "is not an enrolment answer") {
		t.Fatalf("changed answer: %d %q", code, errOut)
	}
	otherHall := filepath.Join(t.TempDir(), "hall.db")
	storetest.BuildHall(t, otherHall, 6, 5)
	if code, _, errOut := runCLI(t, "", "enroll", "--db", otherHall, "--answer", answer); code == 0 || !strings.Contains(errOut, "not this file's") {
		t.Fatalf("another laptop's answer: %d %q", code, errOut)
	}
	code, out, errOut = runCLI(t, "", "enroll", "--db", hallPath, "--answer", answer)
	if code != 0 || !strings.Contains(out, "Enrolled with the central record by file") {
		t.Fatalf("keep the answer: %d %q %q", code, out, errOut)
	}
	// Sync has no address to go to, and says what to do instead.
	if code, _, errOut := runCLI(t, "", "sync", "--db", hallPath); code == 0 || !strings.Contains(errOut, "enrolled by file") {
		t.Fatalf("sync: %d %q", code, errOut)
	}

	bundlePath := filepath.Join(stick, "hall.bundle")
	receipt := filepath.Join(stick, "receipt.txt")
	if code, _, errOut := runCLI(t, "", "export", "--db", hallPath, "--out", bundlePath); code != 0 {
		t.Fatal(errOut)
	}
	code, out, errOut = runCLI(t, "", "central", "import", "--db", db, bundlePath, "--receipt", receipt)
	if code != 0 || !strings.Contains(out, "25 new events") || !strings.Contains(out, "The receipt for 25 events") {
		t.Fatalf("import: %d %q %q", code, out, errOut)
	}
	code, out, errOut = runCLI(t, "", "sync", "--db", hallPath, "--receipt", receipt)
	if code != 0 || !strings.Contains(out, "the central record holds all 25 events") || !strings.Contains(out, "Not yet delivered: 0 events") {
		t.Fatalf("keep the receipt: %d %q %q", code, out, errOut)
	}
	os.WriteFile(receipt, []byte(strings.Replace(readString(t, receipt), "25", "24", 1)), 0o600)
	if code, _, errOut := runCLI(t, "", "sync", "--db", hallPath, "--receipt", receipt); code == 0 || !strings.Contains(errOut, "does not verify") {
		t.Fatalf("a changed receipt: %d %q", code, errOut)
	}
}

func readString(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
