package main

import (
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"examday/central"
	"examday/i18n"
	"examday/store"
	"examday/store/storetest"
)

// Rollback seen by the central record (issue 9). The laptop's file is put
// back to a copy made when 80 of its events were delivered, after 100
// were: its events and its signed checkpoint are an earlier prefix of the
// same log, so every local check passes, and nothing new was written to
// it, so there is no fork. Only the central record knows it held more.
// `examday sync` says so in words and fails, in every language, however
// often it is run; `examday central status` shows the rollback under that
// laptop's log.
func TestSyncAndCentralStatusFlagAFileRolledBackToAnEarlierPrefix(t *testing.T) {
	cdbPath := filepath.Join(t.TempDir(), "central.db")
	cdb, err := central.Open(cdbPath, central.Options{Create: true, Program: "rollback-test"})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(central.NewHandler(cdb, central.ServerOptions{}))
	closed := false
	stop := func() {
		if !closed {
			srv.Close()
			cdb.Close()
			closed = true
		}
	}
	t.Cleanup(stop)
	quickRetries(t, 5, nil)

	dir := t.TempDir()
	hall := filepath.Join(dir, "hall.db")
	storetest.BuildHall(t, hall, 5, 80)
	if code, _, errOut := runCLI(t, "", "enroll", "--db", hall, "--central", srv.URL, "--token", token(t, cdb, "Audience 204")); code != 0 {
		t.Fatalf("enroll: %s", errOut)
	}
	if code, _, errOut := runCLI(t, "", "sync", "--db", hall); code != 0 {
		t.Fatalf("sync of 80: %s", errOut)
	}
	backup := filepath.Join(dir, "backup.db")
	copyFiles(t, hall, backup)
	appendJumps(t, hall, 20)
	if code, out, errOut := runCLI(t, "", "sync", "--db", hall); code != 0 || !strings.Contains(out, "events 81–100 of 100") {
		t.Fatalf("sync of 100: exit %d: %s %s", code, out, errOut)
	}
	copyFiles(t, backup, hall)

	// Every local check passes: the file is whole and signed throughout.
	if code, out, errOut := runCLI(t, "", "verify-log", "--db", hall); code != 0 {
		t.Fatalf("verify-log of the rolled-back file: exit %d\n%s%s", code, out, errOut)
	}

	for _, lang := range []i18n.Lang{i18n.EN, i18n.RU, i18n.KK} {
		code, out, errOut := runCLI(t, "", "sync", "--db", hall, "--lang", string(lang))
		cat := i18n.New(lang)
		if code == 0 {
			t.Errorf("%s: sync of the rolled-back file succeeded:\n%s", lang, out)
		}
		if want := cat.T("cli.sync.ahead", 100, 80); !strings.Contains(errOut, want) {
			t.Errorf("%s: sync does not say the central record holds more:\n%s", lang, errOut)
		}
		if want := cat.T("cli.sync.rollback_recorded", ""); !strings.Contains(errOut, strings.TrimSpace(want)) {
			t.Errorf("%s: sync does not say the central record recorded the rollback:\n%s", lang, errOut)
		}
		if strings.Contains(out, cat.T("cli.sync.nothing", 80, srv.URL)) {
			t.Errorf("%s: sync says all was delivered:\n%s", lang, out)
		}
		if lang == i18n.EN {
			t.Logf("sync of the rolled-back file, exit %d:\n%s%s", code, out, errOut)
		}
	}
	if d, _ := deliveryOf(t, hall); d.Delivered != 80 {
		t.Errorf("the rolled-back file's receipt is of %d; want the 80 it had", d.Delivered)
	}
	s, err := store.Open(hall, store.Options{Program: "test"})
	if err != nil {
		t.Fatal(err)
	}
	device, epoch := s.DeviceID(), s.Epoch()
	s.Close()
	st, err := cdb.LogState(device, epoch)
	if err != nil || st.Size != 100 || st.Frozen {
		t.Errorf("the central record after the rollback: %+v %v; want its 100 events, not frozen (nothing forked)", st, err)
	}

	stop()
	code, out, errOut := runCLI(t, "", "central", "status", "--db", cdbPath)
	if code != 0 {
		t.Fatalf("central status: %d %s", code, errOut)
	}
	t.Logf("central status:\n%s", out)
	if !strings.Contains(out, "ROLLBACK") || !strings.Contains(out, "only 80 of the 100 events") {
		t.Errorf("central status does not show the rollback of the laptop's file:\n%s", out)
	}
}
