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
	"log/slog"
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
		a.centralBackupCommand(), a.centralVerifyCommand(), a.centralExportCommand(),
		a.centralCampaignCommand(), a.centralApplicantsCommand(), a.centralRosterCommand())
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

// openCentral opens the central record's file itself: made if create and
// missing; read-only (a shared lock, no key needed) if readOnly. The
// server holds it so; every other command reaches it by openRecord.
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
	db, err := central.Open(path, central.Options{Create: create, ReadOnly: readOnly, Program: "examday central serve"})
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
	var hall, marker, request, out string
	cmd := &cobra.Command{
		Use:   "enroll --hall NAME | --marker \"FULL NAME\" | --import REQUEST --out ANSWER",
		Short: c.T("cli.central.enroll.short"),
		Long:  c.T("cli.central.enroll.long"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if request != "" || out != "" {
				if hall != "" || marker != "" || request == "" || out == "" {
					return errors.New(c.T("cli.central.enroll.import_needs"))
				}
				return a.centralEnrollFromFile(request, out)
			}
			e := central.Enrolment{Role: central.RoleHall, Name: strings.TrimSpace(hall)}
			if marker != "" {
				e = central.Enrolment{Role: central.RoleMarker, Name: strings.TrimSpace(marker)}
			}
			switch {
			case hall != "" && marker != "":
				return errors.New(c.T("cli.central.enroll.one_role"))
			case e.Name == "" && marker != "":
				return errors.New(c.T("cli.central.enroll.no_marker"))
			case e.Name == "":
				return errors.New(c.T("cli.central.enroll.no_hall"))
			}
			db, err := a.openRecord("enroll", true, false)
			if err != nil {
				return err
			}
			defer db.Close()
			token, err := db.NewEnrolmentToken(e)
			if err != nil {
				return err
			}
			if e.Role == central.RoleMarker {
				fmt.Fprintln(a.stdout, c.T("cli.central.enroll.token_marker", e.Name, token))
				fmt.Fprintln(a.stdout, c.T("cli.central.enroll.how_marker", token))
				return nil
			}
			fmt.Fprintln(a.stdout, c.T("cli.central.enroll.token", e.Name, token))
			fmt.Fprintln(a.stdout, c.T("cli.central.enroll.how", token))
			return nil
		},
	}
	cmd.Flags().StringVar(&hall, "hall", "", c.T("cli.central.enroll.flag.hall"))
	cmd.Flags().StringVar(&marker, "marker", "", c.T("cli.central.enroll.flag.marker"))
	cmd.Flags().StringVar(&request, "import", "", c.T("cli.central.enroll.flag.import"))
	cmd.Flags().StringVarP(&out, "out", "o", "", c.T("cli.central.enroll.flag.out"))
	return cmd
}

// centralEnrollFromFile enrols the laptop whose request file is at
// request, through the same checks as over HTTP, and writes the answer
// the laptop keeps to out: a new file, never over a record or its key.
func (a *app) centralEnrollFromFile(request, out string) error {
	c := a.cat
	if err := a.refuseKept(out, true); err != nil {
		return err
	}
	if samePath(out, request) {
		return errors.New(c.T("cli.central.enroll.out_is_request", out))
	}
	data, err := readSmallFile(request, central.MaxEnrolmentFile)
	if err != nil {
		return errors.New(c.T("cli.central.enroll.unreadable", request, a.cat.Error(err)))
	}
	db, err := a.openRecord("enroll", false, false)
	if err != nil {
		return err
	}
	defer db.Close()
	answer, resp, err := db.EnrollFromFile(data, request)
	if err != nil {
		a.printRefusal(a.stderr, request, err)
		return &reportedError{err: err}
	}
	if err := boltfile.Replace(out, answer); err != nil {
		// The device is enrolled: the same request again makes the answer again.
		return errors.New(c.T("cli.central.enroll.answer_not_written", out, a.cat.Error(err), request))
	}
	fmt.Fprintln(a.stdout, c.T("cli.central.enroll.enrolled", a.roleWords(resp.Role), resp.Name, request))
	fmt.Fprintln(a.stdout, c.T("cli.central.enroll.answer_written", out, out))
	return nil
}

// readSmallFile reads a file of at most limit bytes; a bigger one is
// refused unread.
func readSmallFile(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err == nil && int64(len(data)) > limit {
		err = fmt.Errorf("%s is larger than %d bytes", path, limit)
	}
	return data, err
}

// roleWords is a device's role in words.
func (a *app) roleWords(r central.Role) string {
	if r == central.RoleMarker {
		return a.cat.T("cli.central.role.marker")
	}
	return a.cat.T("cli.central.role.hall")
}

func (a *app) centralRevokeCommand() *cobra.Command {
	c := a.cat
	return &cobra.Command{
		Use:   "revoke DEVICE",
		Short: c.T("cli.central.revoke.short"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			db, err := a.openRecord("revoke", false, false)
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
	var addr, certFile, keyFile, logFormat string
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
			if a.outMu == nil {
				a.outMu = &sync.Mutex{}
			}
			var logs slog.Handler
			switch logFormat {
			case "text":
				logs = slog.NewTextHandler(a.stdout, nil)
			case "json":
				logs = slog.NewJSONHandler(a.stdout, nil)
			default:
				return errors.New(c.T("cli.central.serve.bad_log_format", logFormat))
			}
			// The log's keys and the central record's reasons are English,
			// for a program that keeps it; the operator reads every refusal
			// on the request's own line in the words of its check too.
			limits := central.ServerOptions{MaxBundle: int64(maxBundleMiB) << 20, Pushes: pushes,
				Log: slog.New(&lockedHandler{h: logs, mu: a.outMu}), Words: a.checkWords}
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
	cmd.Flags().StringVar(&logFormat, "log-format", "text", c.T("cli.central.serve.flag.log_format"))
	return cmd
}

// lockedHandler keeps the log's lines whole between the server's own
// lines on the same stream.
type lockedHandler struct {
	h  slog.Handler
	mu *sync.Mutex
}

func (l *lockedHandler) Enabled(ctx context.Context, lv slog.Level) bool { return l.h.Enabled(ctx, lv) }
func (l *lockedHandler) Handle(ctx context.Context, r slog.Record) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.h.Handle(ctx, r)
}
func (l *lockedHandler) WithAttrs(as []slog.Attr) slog.Handler {
	return &lockedHandler{h: l.h.WithAttrs(as), mu: l.mu}
}
func (l *lockedHandler) WithGroup(name string) slog.Handler {
	return &lockedHandler{h: l.h.WithGroup(name), mu: l.mu}
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
	if limits.Log == nil {
		limits.Log = slog.New(slog.DiscardHandler)
	}
	handler := central.NewHandler(db, limits)
	longest := limits.LongestBody()
	srv := &http.Server{
		Handler:           handler,
		TLSConfig:         tlsConfig,
		ReadHeaderTimeout: 10 * time.Second,
		// The handler cuts a slow body off long before these: they only
		// hold for a connection that takes no deadline of its own.
		ReadTimeout:  longest,
		WriteTimeout: longest + 3*time.Minute,
		IdleTimeout:  2 * time.Minute,
		ErrorLog:     slog.NewLogLogger(limits.Log.Handler(), slog.LevelWarn),
	}
	// The commands of this computer reach the file through the server
	// while it holds it (central.StartAdmin): without it they are refused.
	admin, err := central.StartAdmin(db, limits.Log)
	if err != nil {
		fmt.Fprintln(a.stderr, c.T("cli.central.serve.admin_failed", a.cat.Error(err)))
	}
	out := a.outMu
	scheme := "http"
	if tlsConfig != nil {
		scheme = "https"
	}
	out.Lock()
	fmt.Fprintln(a.stdout, c.T("cli.central.serve.listening", db.Path(), scheme+"://"+ln.Addr().String()))
	fmt.Fprintln(a.stdout, c.T("cli.central.serve.key", db.VerifierKey()))
	fmt.Fprintln(a.stdout, c.T("cli.central.serve.limits", limits.MaxBundle>>20, limits.Pushes))
	if admin != nil {
		fmt.Fprintln(a.stdout, c.T("cli.central.serve.admin", central.AdminPath(db.Path())))
	}
	fmt.Fprintln(a.stdout, c.T("cli.central.serve.health", scheme+"://"+ln.Addr().String()+central.PathHealth))
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
		if admin != nil {
			admin.Stop(context.Background())
		}
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if admin != nil {
		// First: no command comes any more, and those under way finish.
		admin.Stop(shutdown)
	}
	err = srv.Shutdown(shutdown)
	<-done
	out.Lock()
	fmt.Fprintln(a.stdout, c.T("cli.central.serve.stopped"))
	out.Unlock()
	return err
}

func (a *app) centralImportCommand() *cobra.Command {
	c := a.cat
	var receiptOut string
	cmd := &cobra.Command{
		Use:   "import FILE… [--receipt RECEIPT]",
		Short: c.T("cli.central.import.short"),
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if receiptOut != "" {
				if len(args) > 1 {
					return errors.New(c.T("cli.central.import.receipt_one"))
				}
				if err := a.refuseKept(receiptOut, true); err != nil {
					return err
				}
				if samePath(receiptOut, args[0]) {
					return errors.New(c.T("cli.central.import.receipt_is_bundle", receiptOut))
				}
			}
			// Not made here: a central record that enrolled no laptop
			// would refuse every bundle anyway.
			db, err := a.openRecord("import", false, false)
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
				if receiptOut != "" {
					// The receipt goes back to the laptop on the stick:
					// `examday sync --receipt` keeps it there.
					if err := boltfile.Replace(receiptOut, []byte(res.Receipt)); err != nil {
						return errors.New(c.T("cli.central.import.receipt_not_written", receiptOut, a.cat.Error(err)))
					}
					fmt.Fprintln(a.stdout, c.T("cli.central.import.receipt_written", res.Size, receiptOut, receiptOut))
				}
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
	cmd.Flags().StringVar(&receiptOut, "receipt", "", c.T("cli.central.import.flag.receipt"))
	return cmd
}

func (a *app) printPushResult(db centralRecord, path string, res central.PushResult) {
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
			if err := a.centralOut(out); err != nil {
				return err
			}
			db, err := a.openRecord("evidence", false, true)
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
			db, err := a.openRecord("status", false, true)
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

func (a *app) centralStatus(db centralRecord) error {
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
		line := c.T("cli.central.status.laptop", d.Name, centralShortID(d.ID), centralStamp(d.EnrolledAt))
		if d.Role == central.RoleMarker {
			line = c.T("cli.central.status.marker", d.Name, centralShortID(d.ID), centralStamp(d.EnrolledAt))
		}
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
	if err := a.statusOfApplicants(db); err != nil {
		return err
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
	return a.centralTimeline("examinee ID", "cli.central.examinee", centralRecord.Timeline,
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
	return a.centralTimeline("hall NAME", "cli.central.hall", centralRecord.HallTimeline,
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
func (a *app) centralTimeline(use, key string, get func(centralRecord, string) ([]central.Moment, error),
	show func(arg string, moments []central.Moment, logs int)) *cobra.Command {
	c := a.cat
	return &cobra.Command{
		Use:   use,
		Short: c.T(key + ".short"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			db, err := a.openRecord(cmd.Name(), false, true)
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
