package main

import (
	"context"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/mod/sumdb/tlog"

	"examday/bundle"
	"examday/central"
	"examday/i18n"
	"examday/store/boltfile"
)

// centralCommand is `examday central …`: the central record's server and
// its operator's commands, over the central's own file (package central).
func (a *app) centralCommand() *cobra.Command {
	c := a.cat
	cmd := &cobra.Command{
		Use:   "central",
		Short: c.T("cli.central.short"),
		Long:  c.T("cli.central.long"),
		Args:  cobra.NoArgs,
	}
	// The same --db, said for what it names here: the central record's
	// file, not a hall's.
	cmd.PersistentFlags().StringVar(&a.dbPath, "db", "", c.T("cli.flag.central_db"))
	cmd.AddCommand(a.centralServeCommand(), a.centralEnrollCommand(), a.centralRevokeCommand(),
		a.centralImportCommand(), a.centralStatusCommand(), a.centralExamineeCommand(), a.centralHallCommand(), a.centralEvidenceCommand(),
		a.centralExportCommand())
	return cmd
}

// centralPath is the central record's file: --db, then
// EXAMDAY_CENTRAL_DB, then central.db in the data directory. EXAMDAY_DB
// names a hall file and is not used: the two are never the same file.
func (a *app) centralPath() (string, error) {
	if a.dbPath != "" {
		return a.dbPath, nil
	}
	if p := os.Getenv("EXAMDAY_CENTRAL_DB"); p != "" {
		return p, nil
	}
	dir, err := dataDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "central.db"), nil
}

// openCentral opens the central record: made if create and missing;
// read-only (a shared lock, no key needed) for the commands that only
// show what it holds.
func (a *app) openCentral(create, readOnly bool) (*central.DB, error) {
	path, err := a.centralPath()
	if err != nil {
		return nil, err
	}
	if create {
		if err := ensureDir(path); err != nil {
			return nil, err
		}
	}
	db, err := central.Open(path, central.Options{Create: create, ReadOnly: readOnly, Program: "examday central"})
	if err != nil {
		return nil, a.openError(path, err, centralOpenErrors)
	}
	return db, nil
}

// centralOpenErrors are the words for what opening the central record's
// file can refuse.
var centralOpenErrors = []openErrorWords{
	{central.ErrInUse, "cli.central.open.in_use"},
	{central.ErrNotFound, "cli.central.open.not_found"},
	{central.ErrNotCentral, "cli.central.open.not_central"},
	{central.ErrDamaged, "cli.central.open.damaged"},
	{central.ErrNewerSchema, "cli.central.open.newer"},
	{central.ErrKeyMissing, "cli.central.open.key"},
	{central.ErrKeyMismatch, "cli.central.open.key"},
	{central.ErrKeyExists, "cli.central.open.key_exists"},
}

func (a *app) centralEnrollCommand() *cobra.Command {
	c := a.cat
	var hall string
	cmd := &cobra.Command{
		Use:   "enroll --hall NAME",
		Short: c.T("cli.central.enroll.short"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if strings.TrimSpace(hall) == "" {
				return errors.New(c.T("cli.central.enroll.no_hall"))
			}
			db, err := a.openCentral(true, false)
			if err != nil {
				return err
			}
			defer db.Close()
			token, err := db.NewToken(hall)
			if err != nil {
				return err
			}
			fmt.Fprintln(a.stdout, c.T("cli.central.enroll.token", strings.TrimSpace(hall), token))
			fmt.Fprintln(a.stdout, c.T("cli.central.enroll.how", token))
			return nil
		},
	}
	cmd.Flags().StringVar(&hall, "hall", "", c.T("cli.central.enroll.flag.hall"))
	return cmd
}

func (a *app) centralRevokeCommand() *cobra.Command {
	c := a.cat
	return &cobra.Command{
		Use:   "revoke DEVICE",
		Short: c.T("cli.central.revoke.short"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			db, err := a.openCentral(false, false)
			if err != nil {
				return err
			}
			defer db.Close()
			id, err := db.Revoke(args[0])
			if err != nil {
				return err
			}
			fmt.Fprintln(a.stdout, c.T("cli.central.revoke.done", id))
			return nil
		},
	}
}

// centralLoopback reports whether addr listens only on this machine. A host
// name other than localhost is not trusted to be one: it may resolve to
// anything.
func centralLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func (a *app) centralServeCommand() *cobra.Command {
	c := a.cat
	var addr, certFile, keyFile string
	var insecure bool
	var maxBundleMiB, pushes int
	cmd := &cobra.Command{
		Use:   "serve",
		Short: c.T("cli.central.serve.short"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if (certFile == "") != (keyFile == "") {
				return errors.New(c.T("cli.central.serve.tls_pair"))
			}
			if maxBundleMiB < 1 || int64(maxBundleMiB)<<20 > bundle.MaxSize {
				return errors.New(c.T("cli.central.serve.bad_max_bundle", maxBundleMiB, bundle.MaxSize>>20))
			}
			if pushes < 1 {
				return errors.New(c.T("cli.central.serve.bad_pushes", pushes))
			}
			// The handler's log (central.ServerOptions.Log) is English, for
			// a program that keeps one: the operator reads every refusal
			// on the request's own line, in the words of its check.
			limits := central.ServerOptions{MaxBundle: int64(maxBundleMiB) << 20, Pushes: pushes}
			useTLS := certFile != ""
			if !useTLS && !centralLoopback(addr) {
				if !insecure {
					return errors.New(c.T("cli.central.serve.plain_refused", addr))
				}
				fmt.Fprintln(a.stderr, c.T("cli.central.serve.insecure", addr))
			}
			var tlsConfig *tls.Config
			if useTLS {
				// Loaded before anything listens, so a bad pair is said at once.
				pair, err := tls.LoadX509KeyPair(certFile, keyFile)
				var unreadable *fs.PathError
				switch {
				case errors.As(err, &unreadable):
					return errors.New(c.T("cli.central.serve.cert_unreadable", unreadable))
				case err != nil:
					// crypto/tls's reason is English: the words say what it can be.
					return errors.New(c.T("cli.central.serve.bad_cert", certFile, keyFile))
				}
				tlsConfig = &tls.Config{Certificates: []tls.Certificate{pair}, MinVersion: tls.VersionTLS12}
			}
			db, err := a.openCentral(true, false)
			if err != nil {
				return err
			}
			defer db.Close()
			return a.serveCentral(cmd.Context(), db, addr, tlsConfig, limits)
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8750", c.T("cli.central.serve.flag.addr"))
	cmd.Flags().StringVar(&certFile, "tls-cert", "", c.T("cli.central.serve.flag.cert"))
	cmd.Flags().StringVar(&keyFile, "tls-key", "", c.T("cli.central.serve.flag.key"))
	cmd.Flags().BoolVar(&insecure, "insecure", false, c.T("cli.central.serve.flag.insecure"))
	cmd.Flags().IntVar(&maxBundleMiB, "max-bundle", central.DefaultMaxBundle>>20, c.T("cli.central.serve.flag.max_bundle", bundle.MaxSize>>20))
	cmd.Flags().IntVar(&pushes, "max-pushes", 4, c.T("cli.central.serve.flag.max_pushes"))
	return cmd
}

// serveCentral serves until SIGINT or SIGTERM, then shuts down
// gracefully: a bundle being taken in is finished and answered (its
// transaction is short next to its checks) before the file is closed.
// The limits of a push are the handler's (central.ServerOptions); the
// server's own timeouts are only a backstop to them.
func (a *app) serveCentral(ctx context.Context, db *central.DB, addr string, tlsConfig *tls.Config, limits central.ServerOptions) error {
	c := a.cat
	if ctx == nil {
		ctx = context.Background()
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	ln, err := net.Listen("tcp", addr)
	switch {
	case errors.Is(err, syscall.EADDRINUSE):
		return errors.New(c.T("cli.central.serve.addr_in_use", addr))
	case errors.Is(err, fs.ErrPermission):
		return errors.New(c.T("cli.central.serve.addr_denied", addr))
	case err != nil:
		return errors.New(c.T("cli.central.serve.cannot_listen", addr))
	}
	var out sync.Mutex
	logRequest := func(r *http.Request, sw *centralStatusWriter, took time.Duration) {
		out.Lock()
		defer out.Unlock()
		at, what, spent := time.Now().Format("2006-01-02 15:04:05"), r.Method+" "+r.URL.Path, c.Duration(took.Round(time.Millisecond))
		if check, ok := sw.refused(); ok {
			// A refusal, the server's own (busy, too slow) or of what was
			// sent: in the words of its check.
			fmt.Fprintln(a.stdout, c.T("cli.central.serve.refused", at, r.RemoteAddr, what, sw.status, spent, a.checkWords(check)))
			return
		}
		fmt.Fprintln(a.stdout, c.T("cli.central.serve.request", at, r.RemoteAddr, what, sw.status, spent))
	}
	handler := central.NewHandler(db, limits)
	longest := limits.LongestBody()
	srv := &http.Server{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			start := time.Now()
			sw := &centralStatusWriter{ResponseWriter: w, status: http.StatusOK}
			handler.ServeHTTP(sw, r)
			logRequest(r, sw, time.Since(start))
		}),
		TLSConfig:         tlsConfig,
		ReadHeaderTimeout: 10 * time.Second,
		// The handler cuts a slow body off long before these: they only
		// hold for a connection that takes no deadline of its own.
		ReadTimeout:  longest,
		WriteTimeout: longest + 3*time.Minute,
		IdleTimeout:  2 * time.Minute,
	}
	scheme := "http"
	if tlsConfig != nil {
		scheme = "https"
	}
	out.Lock()
	fmt.Fprintln(a.stdout, c.T("cli.central.serve.listening", db.Path(), scheme+"://"+ln.Addr().String()))
	fmt.Fprintln(a.stdout, c.T("cli.central.serve.key", db.VerifierKey()))
	fmt.Fprintln(a.stdout, c.T("cli.central.serve.limits", limits.MaxBundle>>20, limits.Pushes))
	fmt.Fprintln(a.stdout, c.T("cli.central.serve.stop"))
	out.Unlock()
	done := make(chan error, 1)
	go func() {
		if tlsConfig != nil {
			done <- srv.ServeTLS(ln, "", "")
		} else {
			done <- srv.Serve(ln)
		}
	}()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	err = srv.Shutdown(shutdown)
	<-done
	out.Lock()
	fmt.Fprintln(a.stdout, c.T("cli.central.serve.stopped"))
	out.Unlock()
	return err
}

type centralStatusWriter struct {
	http.ResponseWriter
	status int
	// body is the start of an error answer, for the check it names.
	body []byte
}

func (w *centralStatusWriter) WriteHeader(status int) {
	w.status = status
	w.ResponseWriter.WriteHeader(status)
}

func (w *centralStatusWriter) Write(p []byte) (int, error) {
	if w.status >= 400 && len(w.body) < 4<<10 {
		w.body = append(w.body, p[:min(len(p), 4<<10-len(w.body))]...)
	}
	return w.ResponseWriter.Write(p)
}

// refused is the check an error answer named, if it was one.
func (w *centralStatusWriter) refused() (string, bool) {
	if w.status < 400 {
		return "", false
	}
	var b central.ErrorBody
	_ = json.Unmarshal(w.body, &b)
	return b.Check, true
}

// Unwrap lets http.ResponseController reach the connection, for the
// deadlines the handler puts on a request's body.
func (w *centralStatusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (a *app) centralImportCommand() *cobra.Command {
	c := a.cat
	return &cobra.Command{
		Use:   "import FILE…",
		Short: c.T("cli.central.import.short"),
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			// Not made here: a central record that enrolled no laptop
			// would refuse every bundle anyway.
			db, err := a.openCentral(false, false)
			if err != nil {
				return err
			}
			defer db.Close()
			refused := 0
			var first error
			for _, path := range args {
				res, err := db.IngestFile(path)
				if err != nil {
					refused++
					if first == nil {
						first = err
					}
					a.printRefusal(a.stderr, path, err)
					continue
				}
				a.printPushResult(db, path, res)
			}
			if refused > 0 {
				if len(args) > 1 {
					fmt.Fprintln(a.stderr, c.T("cli.central.import.failed", refused, len(args)))
				}
				return &reportedError{err: first}
			}
			return nil
		},
	}
}

func (a *app) printPushResult(db *central.DB, path string, res central.PushResult) {
	c := a.cat
	centralRootHex := centralRootHex(res.Root)
	if res.Result == central.ResultDuplicate {
		fmt.Fprintln(a.stdout, c.T("cli.central.import.duplicate", path, res.Size, centralRootHex))
		return
	}
	hall := ""
	if r, err := central.OpenReceipt([]byte(res.Receipt), db.VerifierKey()); err == nil {
		if logs, err := db.Logs(); err == nil {
			for _, l := range logs {
				if l.Origin == r.Origin {
					hall = l.Hall
				}
			}
		}
	}
	first := res.Size - int64(res.Appended) + 1
	fmt.Fprintln(a.stdout, c.T("cli.central.import.appended", path, res.Appended, first, res.Size, hall, res.Size, centralRootHex))
}

// centralRootHex is a root given in base64 (tlog's spelling, as on the wire)
// in hex, followed by nothing else: the paper protocol copies its first 12.
func centralRootHex(b64 string) string {
	root, err := tlog.ParseHash(b64)
	if err != nil {
		return b64
	}
	return hex.EncodeToString(root[:])
}

// printRefusal says why a bundle was not taken, in the operator's words:
// the check a refusal names and what it means, and the line, event and
// hashes it points at. The central record's English reason stays in its
// audit.
func (a *app) printRefusal(w io.Writer, path string, err error) {
	c := a.cat
	var ref *central.Refusal
	if !errors.As(err, &ref) {
		fmt.Fprintln(w, c.T("cli.central.import.unread", path, err))
		return
	}
	fmt.Fprintln(w, c.T("cli.central.import.refused", path, ref.Status, a.checkName(ref.Body.Check), a.checkWords(ref.Body.Check)))
	a.refusalFacts(w, ref.Body)
}

// centralEvidenceCommand is `examday central evidence N --out FILE`: the
// bundle a fork was refused with, kept whole, written out for the
// commission; `examday verify FILE` checks it alone, as any bundle.
func (a *app) centralEvidenceCommand() *cobra.Command {
	c := a.cat
	var out string
	cmd := &cobra.Command{
		Use:   "evidence N --out FILE",
		Short: c.T("cli.central.evidence.short"),
		Long:  c.T("cli.central.evidence.long"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			n, err := strconv.ParseUint(args[0], 10, 64)
			if err != nil || n == 0 {
				return errors.New(c.T("cli.central.evidence.bad_number", args[0]))
			}
			if out == "" {
				return errors.New(c.T("cli.export.no_out"))
			}
			if err := a.refuseKept(out, true); err != nil {
				return err
			}
			db, err := a.openCentral(false, true)
			if err != nil {
				return err
			}
			defer db.Close()
			data, err := db.Evidence(n)
			if err != nil {
				return errors.New(c.T("cli.central.evidence.none", n))
			}
			if err := boltfile.Replace(out, data); err != nil {
				return errors.New(c.T("cli.export.write_failed", out, err))
			}
			sum := sha256.Sum256(data)
			fmt.Fprintln(a.stdout, c.T("cli.central.evidence.done", n, out, len(data), hex.EncodeToString(sum[:])))
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "out", "o", "", c.T("cli.central.evidence.flag.out"))
	return cmd
}

func (a *app) centralStatusCommand() *cobra.Command {
	c := a.cat
	return &cobra.Command{
		Use:   "status",
		Short: c.T("cli.central.status.short"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			db, err := a.openCentral(false, true)
			if err != nil {
				return err
			}
			defer db.Close()
			return a.centralStatus(db)
		},
	}
}

const centralStampLayout = "2006-01-02 15:04:05"

func centralStamp(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.Local().Format(centralStampLayout)
}

func (a *app) centralStatus(db *central.DB) error {
	c := a.cat
	out := a.stdout
	devices, err := db.Devices()
	if err != nil {
		return err
	}
	logs, err := db.Logs()
	if err != nil {
		return err
	}
	failures, err := db.RecentFailures(10)
	if err != nil {
		return err
	}
	fmt.Fprintln(out, c.T("cli.central.status.file", db.Path(), db.VerifierKey()))
	fmt.Fprintln(out, c.T("cli.central.status.laptops", len(devices)))
	for _, d := range devices {
		line := c.T("cli.central.status.laptop", d.Hall, centralShortID(d.ID), centralStamp(d.EnrolledAt))
		if !d.RevokedAt.IsZero() {
			line += c.T("cli.central.status.revoked", centralStamp(d.RevokedAt))
		}
		fmt.Fprintln(out, line)
	}
	fmt.Fprintln(out, c.T("cli.central.status.logs", len(logs)))
	for _, l := range logs {
		fmt.Fprintln(out, c.T("cli.central.status.log", l.Hall, centralShortID(l.Device), l.Size, hex.EncodeToString(l.Root[:]), hex.EncodeToString(l.Root[:6])))
		if l.HallName != "" && l.HallName != l.Hall {
			fmt.Fprintln(out, c.T("cli.central.status.hall_name", l.HallName))
		}
		fmt.Fprintln(out, c.T("cli.central.status.receipt", centralStamp(l.ReceiptAt)))
		if f := l.Fork; f != nil {
			fmt.Fprintln(out, c.T("cli.central.status.fork", f.Seq, f.StoredHash, f.IncomingHash, centralStamp(f.At), a.via(f.Via), f.Remote, f.ID))
		}
		if r := l.Rollback; r != nil {
			fmt.Fprintln(out, c.T("cli.central.status.rollback", centralStamp(r.At), a.via(r.Via), r.Remote, r.LaptopSize, r.CentralSize, r.LaptopSize+1, r.CentralSize))
		}
	}
	fmt.Fprintln(out, c.T("cli.central.status.failures", len(failures)))
	if len(failures) == 0 {
		fmt.Fprintln(out, c.T("cli.central.status.none"))
	}
	for _, r := range failures {
		// The audit keeps the central record's English reason; the
		// operator reads its check's words.
		fmt.Fprintln(out, c.T("cli.central.status.failure", centralStamp(r.At), a.via(r.Via), r.Remote, r.Status, a.checkName(r.Check), a.checkWords(r.Check)))
	}
	return nil
}

// via is how a bundle came to the central record, in words: over the
// network or from a file.
func (a *app) via(v string) string {
	if key := "cli.central.via." + v; i18n.Has(key) {
		return a.cat.T(key)
	}
	return v
}

// shortID is the first 12 hex digits of a device id: enough to tell
// laptops apart on a screen.
func centralShortID(id string) string {
	if len(id) > 12 {
		return id[:12]
	}
	return id
}

// centralExamineeCommand is `examday central examinee ID`: one
// examinee's merged timeline across every hall.
func (a *app) centralExamineeCommand() *cobra.Command {
	c := a.cat
	return a.centralTimeline("examinee ID", "cli.central.examinee", (*central.DB).Timeline,
		func(id string, moments []central.Moment, logs int) {
			fmt.Fprintln(a.stdout, c.T("cli.central.examinee.header", id, len(moments), logs))
			for _, m := range moments {
				fmt.Fprintln(a.stdout, c.T("cli.central.examinee.line", m.At.Local().Format(centralStampLayout), m.Hall, m.Type, centralSummary(m.Data)))
			}
		})
}

// centralHallCommand is `examday central hall NAME`: the merged record
// of one hall, every laptop's log of it in the order of time.
func (a *app) centralHallCommand() *cobra.Command {
	c := a.cat
	return a.centralTimeline("hall NAME", "cli.central.hall", (*central.DB).HallTimeline,
		func(_ string, moments []central.Moment, logs int) {
			fmt.Fprintln(a.stdout, c.T("cli.central.hall.header", moments[0].Hall, len(moments), logs))
			for _, m := range moments {
				device := strings.SplitN(strings.TrimPrefix(m.Origin, "examday/"), "/", 2)[0]
				fmt.Fprintln(a.stdout, c.T("cli.central.hall.line", m.At.Local().Format(centralStampLayout),
					centralShortID(device), m.Seq, m.Type, m.Examinee, centralSummary(m.Data)))
			}
		})
}

// centralTimeline is a command that prints a merged timeline, read by get
// for its one argument, with show; words under key (.short, .none).
func (a *app) centralTimeline(use, key string, get func(*central.DB, string) ([]central.Moment, error),
	show func(arg string, moments []central.Moment, logs int)) *cobra.Command {
	c := a.cat
	return &cobra.Command{
		Use:   use,
		Short: c.T(key + ".short"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			db, err := a.openCentral(false, true)
			if err != nil {
				return err
			}
			defer db.Close()
			moments, err := get(db, args[0])
			if err != nil {
				return err
			}
			if len(moments) == 0 {
				return errors.New(c.T(key+".none", args[0]))
			}
			logs := map[string]bool{}
			for _, m := range moments {
				logs[m.Origin] = true
			}
			show(args[0], moments, len(logs))
			return nil
		},
	}
}

// summary is an event's data in one short line: its plain fields as
// key=value, in key order; lists and objects (a roster, a packet) are left
// out, the full event is in `examday events`.
func centralSummary(data json.RawMessage) string {
	var fields map[string]any
	if len(data) == 0 || json.Unmarshal(data, &fields) != nil {
		return ""
	}
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		switch v := fields[k].(type) {
		case string:
			if v != "" {
				parts = append(parts, k+"="+v)
			}
		case float64:
			parts = append(parts, fmt.Sprintf("%s=%v", k, v))
		case bool:
			if v {
				parts = append(parts, k)
			}
		}
	}
	s := strings.Join(parts, ", ")
	if r := []rune(s); len(r) > 90 {
		s = string(r[:89]) + "…"
	}
	return s
}
