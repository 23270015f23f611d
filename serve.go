// newsbrowse serve: the browser over SSH (see tui/serve).

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"syscall"
	"time"

	"newsbrowse/loader"
	"newsbrowse/loader/marks"
	"newsbrowse/tui"
	"newsbrowse/tui/serve"
)

const serveUsage = "usage: newsbrowse serve [--listen ADDR] [--authorized-keys FILE] [--host-key FILE]\n" +
	"                        [--max-sessions N] [--idle-timeout DURATION] [--max-duration DURATION]\n" +
	"                        [--rate N] [--measure N] [--ambiguous auto|narrow|wide] PATH\n"

type serveOptions struct {
	listen, authorizedKeys, hostKey, ambiguous string
	maxSessions, rate, measure                 int
	idle, maxDuration                          time.Duration
	path                                       string
}

func parseServe(args []string) (serveOptions, error) {
	var o serveOptions
	fs := flag.NewFlagSet("newsbrowse serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.listen, "listen", "127.0.0.1:2222", "address to listen on")
	fs.StringVar(&o.authorizedKeys, "authorized-keys", "", "OpenSSH authorized_keys `FILE` (default ~/.ssh/authorized_keys)")
	fs.StringVar(&o.hostKey, "host-key", "", "host private key `FILE` (default: one generated in the state directory)")
	fs.IntVar(&o.maxSessions, "max-sessions", 32, "sessions open at once")
	fs.DurationVar(&o.idle, "idle-timeout", 30*time.Minute, "close a session after this long without a key (0: never)")
	fs.DurationVar(&o.maxDuration, "max-duration", 12*time.Hour, "longest session (0: no limit)")
	fs.IntVar(&o.rate, "rate", 30, "new connections an address may open a minute (0: no limit)")
	fs.IntVar(&o.measure, "measure", 80, "longest text line in the reader, in columns")
	fs.StringVar(&o.ambiguous, "ambiguous", "auto", "width of “ ” … — ·: auto (ask each terminal), narrow or wide")
	var rest []string
	for left := args; ; {
		if err := fs.Parse(left); err != nil {
			return o, err
		}
		if fs.NArg() == 0 {
			break
		}
		rest = append(rest, fs.Arg(0))
		left = fs.Args()[1:]
	}
	switch {
	case len(rest) != 1:
		return o, usageError{"serve takes one PATH, a folder or a zip archive"}
	case o.ambiguous != "auto" && o.ambiguous != "narrow" && o.ambiguous != "wide":
		return o, usageError{"--ambiguous takes auto, narrow or wide"}
	case o.maxSessions < 1:
		return o, usageError{"--max-sessions must be at least 1"}
	case o.idle < 0 || o.maxDuration < 0 || o.rate < 0:
		return o, usageError{"--idle-timeout, --max-duration and --rate cannot be negative"}
	}
	o.path = rest[0]
	if st, err := os.Stat(o.path); err != nil || !(st.IsDir() || loader.IsArchive(o.path)) {
		return o, usageError{fmt.Sprintf("%s is neither a folder nor a zip archive", loader.SanitizeLine(o.path))}
	}
	if o.authorizedKeys == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return o, usageError{"no home directory: give --authorized-keys"}
		}
		o.authorizedKeys = filepath.Join(home, ".ssh", "authorized_keys")
	}
	return o, nil
}

// runServe is `newsbrowse serve`: it serves until SIGINT or SIGTERM and
// exits 0, or exits 2 when it cannot start (no usable key, no host key,
// the address taken).
func runServe(args []string, stdout, stderr io.Writer) int {
	o, err := parseServe(args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, serveUsage)
		return exitOK
	}
	if err != nil {
		fmt.Fprintf(stderr, "newsbrowse serve: %s (see newsbrowse serve -h)\n", loader.SanitizeLine(err.Error()))
		return exitUsage
	}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "newsbrowse serve: %s\n", loader.SanitizeLine(err.Error()))
		return exitUsage
	}
	stateDir, err := marks.Dir()
	if err != nil && o.hostKey == "" {
		return fail(err)
	}
	abs, _ := filepath.Abs(o.path)
	browse := tui.Config{
		Path: loader.SanitizeLine(o.path), RootDir: o.path, FS: loader.DirFS(o.path),
		AbsPath: abs, Measure: o.measure, Workers: runtime.NumCPU(),
	}
	if loader.IsArchive(o.path) {
		root, err := loader.OpenArchive(o.path)
		if err != nil {
			return fail(err)
		}
		browse.FS, browse.RootDir = root, "" // marks keyed to the archive
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil))
	slog.SetDefault(logger) // charm's ssh logs its own errors with slog
	srv, err := serve.New(serve.Config{
		Listen: o.listen, AuthorizedKeys: o.authorizedKeys, HostKey: o.hostKey, StateDir: stateDir,
		MaxSessions: o.maxSessions, IdleTimeout: o.idle, MaxDuration: o.maxDuration, RatePerMinute: o.rate,
		Ambiguous: o.ambiguous, Log: logger,
		Browse: browse,
	})
	if err != nil {
		return fail(err)
	}
	ln, err := net.Listen("tcp", o.listen)
	if err != nil {
		return fail(err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := srv.Serve(ctx, ln); err != nil {
		logger.Error("stopped", "err", err.Error())
		return exitFailed
	}
	return exitOK
}
