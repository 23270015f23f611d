// Package serve serves the browser over SSH: each client with a key from
// an authorized_keys file gets its own newsbrowse program on the
// collection, drawn on its terminal, and nothing else — no shell, no
// command, no forwarding, no subsystem. The SSH protocol is
// charm.land/ssh's, set up with charm.land/wish.
package serve

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"sync"
	"time"

	"charm.land/ssh"
	"charm.land/wish/v2"

	"newsbrowse/tui"
)

// Config is what a server needs to know at start.
type Config struct {
	Listen         string        // the address to listen on, host:port
	AuthorizedKeys string        // the OpenSSH authorized_keys file of who may log in
	HostKey        string        // the host's private key; "" for one generated in StateDir
	StateDir       string        // where the host key and each key's marks are kept
	MaxSessions    int           // sessions open at once; one more is told and closed
	IdleTimeout    time.Duration // a session without a key for this long is closed; 0 never
	MaxDuration    time.Duration // no session lasts longer; 0 no limit
	RatePerMinute  int           // new connections a client address may open a minute; 0 no limit
	Ambiguous      string        // width of ambiguous characters: "narrow", "wide", or "" to ask each terminal
	Browse         tui.Config    // the collection: Path, RootDir, FS, Single, AbsPath, Measure, Workers
	Log            *slog.Logger  // one line per event; nil discards
}

// Times of the server itself.
const (
	handshakeTimeout = 30 * time.Second // to log in, from the first byte
	closeGrace       = 3 * time.Second  // for sessions to close when told to
	backstop         = time.Minute      // beyond the session limits, the connection's own
)

// Reasons a session ends other than its user quitting.
var (
	errShutdown = errors.New("the server is shutting down")
	errIdle     = errors.New("closed after no key was pressed for too long")
	errTooLong  = errors.New("the session reached its time limit")
	errGone     = errors.New("the client went away")
)

// Server is an SSH server of the browser.
type Server struct {
	cfg     Config
	log     *slog.Logger
	keys    *keyring
	ssh     *ssh.Server
	limiter *addrLimiter
	conns   counter // open connections, logged in or not
	open    counter // open sessions
	list    *listing

	HostKeyPath        string // the host key in use
	HostKeyFingerprint string

	byAddr sync.Map // remote address → *connInfo, for the log of failed logins

	stopping context.Context // done when the server shuts down
	stop     context.CancelCauseFunc
	mu       sync.Mutex
	stopped  bool
	running  sync.WaitGroup // session handlers
}

// New checks the configuration and prepares the server; nothing listens
// yet. It fails when the authorized keys file holds no usable key
// (ErrNoKeys) or the host key cannot be read or made.
func New(cfg Config) (*Server, error) {
	if cfg.MaxSessions < 1 {
		return nil, errors.New("--max-sessions must be at least 1")
	}
	s := &Server{cfg: cfg, log: cfg.Log, limiter: newAddrLimiter(cfg.RatePerMinute)}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	s.open.limit = cfg.MaxSessions
	s.conns.limit = 2*cfg.MaxSessions + 16
	s.stopping, s.stop = context.WithCancelCause(context.Background())
	if s.cfg.Browse.Scan == nil && s.cfg.Browse.FS != nil && s.cfg.Browse.Single == nil {
		s.list = &listing{fs: s.cfg.Browse.FS, maxAge: listingAge, now: time.Now}
		s.cfg.Browse.Scan = s.list.get
	}
	keys, err := loadKeyring(cfg.AuthorizedKeys, s.log.Warn)
	if err != nil {
		return nil, err
	}
	s.keys = keys
	signer, path, err := hostSigner(cfg.HostKey, cfg.StateDir)
	if err != nil {
		return nil, err
	}
	s.HostKeyPath, s.HostKeyFingerprint = path, Fingerprint(signer.PublicKey())

	idle, maxConn := time.Duration(0), time.Duration(0)
	if cfg.IdleTimeout > 0 {
		idle = cfg.IdleTimeout + backstop
	}
	if cfg.MaxDuration > 0 {
		maxConn = cfg.MaxDuration + backstop
	}
	srv, err := wish.NewServer(
		wish.WithAddress(cfg.Listen),
		func(srv *ssh.Server) error { srv.AddHostKey(signer); return nil },
		wish.WithPublicKeyAuth(s.allowKey),
		wish.WithIdleTimeout(idle),
		wish.WithMaxTimeout(maxConn),
		ssh.WrapConn(s.accept),
		wish.WithMiddleware(func(ssh.Handler) ssh.Handler { return s.handle }),
	)
	if err != nil {
		return nil, err
	}
	srv.HandshakeTimeout = handshakeTimeout
	srv.ServerConfigCallback = s.sshConfig
	srv.ConnectionFailedCallback = s.failed
	srv.ConnectionCloseCallback = func(c net.Conn) { s.byAddr.Delete(c.RemoteAddr().String()) }
	// Only "session" channels, no global requests (tcpip-forward), no
	// subsystems, no password or keyboard-interactive login: what charm's
	// server does when nothing else is set. Made explicit here.
	srv.ChannelHandlers = map[string]ssh.ChannelHandler{"session": ssh.DefaultSessionHandler}
	srv.RequestHandlers = map[string]ssh.RequestHandler{}
	srv.SubsystemHandlers = map[string]ssh.SubsystemHandler{}
	srv.PasswordHandler, srv.KeyboardInteractiveHandler = nil, nil
	srv.LocalPortForwardingCallback, srv.ReversePortForwardingCallback = nil, nil
	s.ssh = srv
	return s, nil
}

// Serve serves on ln until ctx is done, then shuts down: no new
// connection is taken, every session is told and closed within a few
// seconds, and Serve returns nil.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	s.log.Info("listening", "addr", ln.Addr().String(), "host_key", s.HostKeyFingerprint,
		"max_sessions", s.cfg.MaxSessions, "idle_timeout", s.cfg.IdleTimeout.String())
	errc := make(chan error, 1)
	go func() { errc <- s.ssh.Serve(ln) }()
	select {
	case err := <-errc:
		s.shutdown()
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	s.shutdown()
	<-errc
	return nil
}

// shutdown stops taking connections, tells every session, and closes
// what is still open after closeGrace.
func (s *Server) shutdown() {
	s.mu.Lock()
	s.stopped = true
	s.mu.Unlock()
	s.open.mu.Lock()
	n := s.open.n
	s.open.mu.Unlock()
	s.log.Info("shutting down", "sessions", n)
	s.stop(errShutdown)

	ctx, cancel := context.WithTimeout(context.Background(), closeGrace)
	defer cancel()
	if err := s.ssh.Shutdown(ctx); err != nil {
		_ = s.ssh.Close() // connections still open without a session
	}
	done := make(chan struct{})
	go func() { s.running.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(closeGrace):
		s.log.Warn("sessions still closing at exit")
	}
	s.log.Info("stopped")
}

// enter registers a session handler; it fails once the server stops.
func (s *Server) enter() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopped {
		return false
	}
	s.running.Add(1)
	return true
}
