package central_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	mrand "math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"examday/central"
)

// pushHTTP posts a bundle as a laptop's sync does and reads the answer.
func pushHTTP(tb testing.TB, url string, data []byte) (central.PushResult, *central.Refusal) {
	tb.Helper()
	resp, err := http.Post(url+central.PathBundles, "application/octet-stream", bytes.NewReader(data))
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatal(err)
	}
	if resp.StatusCode == http.StatusOK {
		var res central.PushResult
		if err := json.Unmarshal(body, &res); err != nil {
			tb.Fatalf("answer %q: %v", body, err)
		}
		return res, nil
	}
	ref := &central.Refusal{Status: resp.StatusCode}
	if err := json.Unmarshal(body, &ref.Body); err != nil {
		tb.Fatalf("answer %d %q: %v", resp.StatusCode, body, err)
	}
	return central.PushResult{}, ref
}

// SPEC: the central "accepts their events idempotently (by laptop and
// sequence number) … refuses gaps". Three laptops of 2,000 events, their
// logs cut into bundles at random ranges (a partition, and overlapping
// ranges besides), every bundle sent one to three times, all in random
// order, over HTTP and from files: the central ends with exactly 6,000
// events, each laptop's log whole, its root the laptop's.
func TestConvergenceOfThreeLaptopsInAnyOrder(t *testing.T) {
	const perLaptop = 2000
	seed := mrand.Uint64()
	t.Logf("seed %d", seed)
	rng := mrand.New(mrand.NewPCG(seed, 7))
	db := newCentral(t)
	srv := httptest.NewServer(central.NewHandler(db, central.ServerOptions{}))
	defer srv.Close()
	stick := t.TempDir()

	type send struct {
		l        *laptop
		from, to uint64
		path     string // the bundle on the stick
		overHTTP bool
		data     []byte
	}
	var laptops []*laptop
	var sends []*send
	nBundles := 0
	for i := range 3 {
		l := newLaptop(t, t.TempDir(), 50+i*30, perLaptop)
		enroll(t, db, l.pub, fmt.Sprintf("Audience %d", 201+i))
		laptops = append(laptops, l)
		var ranges [][2]uint64
		for from := uint64(1); from <= perLaptop; {
			to := min(perLaptop, from+uint64(rng.IntN(300)))
			ranges = append(ranges, [2]uint64{from, to})
			from = to + 1
		}
		for range 8 {
			a := 1 + uint64(rng.IntN(perLaptop))
			b := min(perLaptop, a+uint64(rng.IntN(500)))
			ranges = append(ranges, [2]uint64{a, b})
		}
		for _, r := range ranges {
			data := l.cut(t, r[0], r[1])
			path := filepath.Join(stick, fmt.Sprintf("bundle-%d.examday", nBundles))
			nBundles++
			if err := os.WriteFile(path, data, 0o600); err != nil {
				t.Fatal(err)
			}
			for range 1 + rng.IntN(3) {
				sends = append(sends, &send{l: l, from: r[0], to: r[1], path: path, overHTTP: rng.IntN(2) == 0, data: data})
			}
		}
	}
	rng.Shuffle(len(sends), func(i, j int) { sends[i], sends[j] = sends[j], sends[i] })

	appended := map[*laptop]int{}
	var gaps, duplicates, pushes int
	for len(sends) > 0 {
		s := sends[0]
		sends = sends[1:]
		pushes++
		if pushes > 100000 {
			t.Fatal("no progress")
		}
		var res central.PushResult
		var ref *central.Refusal
		if s.overHTTP {
			res, ref = pushHTTP(t, srv.URL, s.data)
		} else {
			var err error
			res, err = db.IngestFile(s.path)
			ref = refusalOf(err)
			if err != nil && ref == nil {
				t.Fatal(err)
			}
		}
		switch {
		case ref != nil && ref.Status == http.StatusUnprocessableEntity:
			// Sent before the bundle it follows: the laptop tries again
			// later, from where the central says.
			if ref.Body.ExpectedFirst >= s.from {
				t.Fatalf("gap for %d…%d says expected %d", s.from, s.to, ref.Body.ExpectedFirst)
			}
			gaps++
			sends = append(sends, s)
		case ref != nil:
			t.Fatalf("%d…%d refused: %d %+v", s.from, s.to, ref.Status, ref.Body)
		case res.Result == central.ResultDuplicate:
			duplicates++
		default:
			appended[s.l] += res.Appended
			r, err := central.OpenReceipt([]byte(res.Receipt), db.VerifierKey())
			if err != nil || r.Size != res.Size || r.Root != s.l.root(uint64(res.Size)) {
				t.Fatalf("receipt %+v: %v", r, err)
			}
		}
	}
	total := 0
	for _, l := range laptops {
		if appended[l] != perLaptop {
			t.Errorf("%d events appended of a laptop of %d", appended[l], perLaptop)
		}
		holds(t, db, l, perLaptop)
		db.Events(l.origin(), 1, func(uint64, []byte, []byte) error { total++; return nil })
	}
	if total != 3*perLaptop {
		t.Fatalf("the central holds %d events, want %d", total, 3*perLaptop)
	}
	if err := db.CheckLogs(); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d bundles, %d pushes: %d gaps tried again, %d duplicates", nBundles, pushes, gaps, duplicates)
}
