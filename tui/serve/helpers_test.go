package serve

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"newsbrowse/loader"
	"newsbrowse/tui"
)

// syncBuffer is a buffer safe for concurrent use.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	n, err := s.b.Write(p)
	s.mu.Unlock()
	select {
	case written <- struct{}{}:
	default:
	}
	return n, err
}

// written has a token after any syncBuffer was written to.
var written = make(chan struct{}, 1)

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// waitFor waits until cond, a test of what syncBuffers hold (a session's
// screen, a server's log), is true: it checks again after each write, and
// fails the test after a while.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for !cond() {
		select {
		case <-written:
		case <-timeout:
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

// pollFor checks cond every few milliseconds until it is true, failing the
// test after a while: for files on disk, which tell no one when they are
// written.
func pollFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !cond(); {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func newSigner(t testing.TB) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func authorizedLine(s gossh.Signer) string {
	return string(gossh.MarshalAuthorizedKey(s.PublicKey()))
}

// testServer is a server on a loopback port with one authorized key.
type testServer struct {
	*Server
	addr    string
	key     gossh.Signer // authorized
	log     *syncBuffer
	stopped chan error
	cancel  context.CancelFunc
}

// start serves the sample collection; change adjusts the configuration.
func start(t testing.TB, change func(*Config)) *testServer {
	t.Helper()
	dir := t.TempDir()
	key := newSigner(t)
	akPath := filepath.Join(dir, "authorized_keys")
	if err := os.WriteFile(akPath, []byte(authorizedLine(key)), 0o600); err != nil {
		t.Fatal(err)
	}
	logs := &syncBuffer{}
	col, _ := filepath.Abs("../../testdata/collection")
	cfg := Config{
		Listen: "127.0.0.1:0", AuthorizedKeys: akPath, StateDir: filepath.Join(dir, "state"),
		MaxSessions: 4, IdleTimeout: time.Hour, MaxDuration: time.Hour, RatePerMinute: 1000,
		Log: slog.New(slog.NewTextHandler(logs, nil)),
		Browse: tui.Config{
			Path: "testdata/collection", RootDir: col, FS: loader.DirFS(col), AbsPath: col,
			Measure: 80, Workers: runtime.NumCPU(),
		},
	}
	if change != nil {
		change(&cfg)
	}
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ts := &testServer{Server: srv, addr: ln.Addr().String(), key: key, log: logs, stopped: make(chan error, 1), cancel: cancel}
	go func() { ts.stopped <- srv.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		<-ts.stopped
	})
	return ts
}

// dial logs in with key, checking the server's host key.
func (ts *testServer) dial(key gossh.Signer) (*gossh.Client, error) {
	hostKey := func(_ string, _ net.Addr, k gossh.PublicKey) error {
		if Fingerprint(k) != ts.HostKeyFingerprint {
			return io.ErrUnexpectedEOF
		}
		return nil
	}
	return gossh.Dial("tcp", ts.addr, &gossh.ClientConfig{
		User: "reviewer", Auth: []gossh.AuthMethod{gossh.PublicKeys(key)},
		HostKeyCallback: hostKey, Timeout: 10 * time.Second,
	})
}

// term is a client session with a pty: keys go in, the screen's text
// comes out.
type term struct {
	t    *testing.T
	sess *gossh.Session
	in   io.WriteCloser
	out  *syncBuffer
	errs *syncBuffer
}

func (ts *testServer) open(t *testing.T, key gossh.Signer, w, h int) *term {
	t.Helper()
	c, err := ts.dial(key)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	tm := &term{t: t, sess: sess, out: &syncBuffer{}, errs: &syncBuffer{}}
	sess.Stdout, sess.Stderr = tm.out, tm.errs
	if tm.in, err = sess.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	return tm
}

// text is everything the session showed, without escape sequences.
func (tm *term) text() string { return ansi.Strip(tm.out.String()) }

func (tm *term) waitText(what string) {
	tm.t.Helper()
	waitFor(tm.t, what, func() bool { return strings.Contains(tm.text(), what) })
}

func (tm *term) keys(s string) {
	tm.t.Helper()
	if _, err := io.WriteString(tm.in, s); err != nil {
		tm.t.Fatal(err)
	}
}

// exit waits for the session to end and returns its exit status.
func (tm *term) exit() int {
	tm.t.Helper()
	done := make(chan error, 1)
	go func() { done <- tm.sess.Wait() }()
	select {
	case err := <-done:
		if err == nil {
			return 0
		}
		if e, ok := err.(*gossh.ExitError); ok {
			return e.ExitStatus()
		}
		tm.t.Fatalf("session: %v", err)
	case <-time.After(15 * time.Second):
		tm.t.Fatal("session did not end")
	}
	return -1
}
