package serve

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"newsbrowse/loader"
	"newsbrowse/loader/marks"
	"newsbrowse/loader/statefile"
)

func TestBrowseAndQuit(t *testing.T) {
	ts := start(t, nil)
	tm := ts.open(t, ts.key, 80, 24)
	tm.waitText("12 articles")
	tm.keys("/306")
	tm.waitText("306 长春冰灯")
	tm.keys("\r")
	tm.waitText("冰灯")
	tm.keys("qq")
	if code := tm.exit(); code != 0 {
		t.Fatalf("exit status %d after q, want 0; stderr %q", code, tm.errs.String())
	}
	waitFor(t, "the end of the session in the log", func() bool { return strings.Contains(ts.log.String(), `msg="session end"`) })
	log := ts.log.String()
	for _, want := range []string{"msg=login key=SHA256:", `msg="session start"`, "term=xterm-256color size=80x24", "why=quit"} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %q:\n%s", want, log)
		}
	}
}

// e and o would run programs on the server: they are off.
func TestNoProgramsInServedSessions(t *testing.T) {
	ts := start(t, nil)
	tm := ts.open(t, ts.key, 80, 24)
	tm.waitText("12 articles")
	tm.keys("jjje")
	tm.waitText("the pager and the editor are off")
	tm.keys("q")
	tm.exit()
}

func TestRemoteCommandRunsNothing(t *testing.T) {
	ts := start(t, nil)
	c, err := ts.dial(ts.key)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	marker := filepath.Join(t.TempDir(), "ran")
	for _, withPty := range []bool{false, true} {
		sess, err := c.NewSession()
		if err != nil {
			t.Fatal(err)
		}
		if withPty {
			sess.RequestPty("xterm", 24, 80, nil)
		}
		out, err := sess.CombinedOutput("touch " + marker)
		if e, ok := err.(*gossh.ExitError); !ok || e.ExitStatus() != 1 {
			t.Errorf("pty %v: err %v, want exit status 1", withPty, err)
		}
		if !strings.Contains(string(out), "ssh -t") {
			t.Errorf("pty %v: told %q", withPty, out)
		}
	}
	if _, err := os.Stat(marker); err == nil {
		t.Fatal("the remote command ran")
	}
	if n := strings.Count(ts.log.String(), `why="remote command"`); n != 2 {
		t.Errorf("%d refusals logged, want 2:\n%s", n, ts.log.String())
	}
}

func TestShellWithoutPtyRunsNothing(t *testing.T) {
	ts := start(t, nil)
	c, err := ts.dial(ts.key)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	sess, _ := c.NewSession()
	errs := &syncBuffer{}
	sess.Stderr = errs
	sess.Shell()
	if err := sess.Wait(); err == nil || !strings.Contains(errs.String(), "ssh -t") {
		t.Errorf("shell without a pty: %v, told %q", err, errs.String())
	}
}

func TestNoForwardingNoSubsystem(t *testing.T) {
	ts := start(t, nil)
	c, err := ts.dial(ts.key)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if conn, err := c.Dial("tcp", ts.addr); err == nil {
		conn.Close()
		t.Error("local port forwarding allowed")
	}
	if ln, err := c.Listen("tcp", "127.0.0.1:0"); err == nil {
		ln.Close()
		t.Error("remote port forwarding allowed")
	}
	sess, _ := c.NewSession()
	if err := sess.RequestSubsystem("sftp"); err == nil {
		t.Error("the sftp subsystem was accepted")
	}
	if ok, _, _ := c.SendRequest("x11-req", true, nil); ok {
		t.Error("x11 accepted")
	}
}

// Each key has its own marks: a second key sees none of the first's.
func TestMarksPerKey(t *testing.T) {
	ts := start(t, nil)
	other := newSigner(t)
	os.WriteFile(ts.cfg.AuthorizedKeys, []byte(authorizedLine(ts.key)+authorizedLine(other)), 0o600)

	a := ts.open(t, ts.key, 80, 24)
	a.waitText("12 articles")
	a.keys("jjjm")
	a.waitText("marked 000042")
	a.keys("q")
	a.exit()
	aDir, _ := statefile.OwnerDir(ts.cfg.StateDir, Fingerprint(ts.key.PublicKey()))
	pollFor(t, "the first key's mark on disk", func() bool { // saved by a command of its own
		set, err := marks.LoadSet(aDir, ts.cfg.Browse.AbsPath)
		return err == nil && len(set) == 1
	})

	b := ts.open(t, other, 80, 24)
	b.waitText("12 articles")
	b.keys("M")
	b.waitText("No marked articles")
	b.keys("q")
	b.exit()
}

func TestMaxSessions(t *testing.T) {
	ts := start(t, func(c *Config) { c.MaxSessions = 1 })
	a := ts.open(t, ts.key, 80, 24)
	a.waitText("12 articles")
	b := ts.open(t, ts.key, 80, 24)
	if code := b.exit(); code != 1 || !strings.Contains(b.errs.String(), "full") {
		t.Errorf("one session too many: status %d, told %q", code, b.errs.String())
	}
	a.keys("q")
	a.exit()
	c := ts.open(t, ts.key, 80, 24)
	c.waitText("12 articles")
	c.keys("q")
	c.exit()
}

func TestIdleTimeout(t *testing.T) {
	ts := start(t, func(c *Config) { c.IdleTimeout = 300 * time.Millisecond })
	tm := ts.open(t, ts.key, 80, 24)
	tm.waitText("12 articles")
	if code := tm.exit(); code != 1 || !strings.Contains(tm.errs.String(), "no key was pressed") {
		t.Errorf("idle session: status %d, told %q", code, tm.errs.String())
	}
	waitFor(t, "why=idle in the log", func() bool { return strings.Contains(ts.log.String(), "why=idle") })
}

// The window-change channel is drained: resizes reach the program and
// never hold the session.
func TestWindowChanges(t *testing.T) {
	ts := start(t, nil)
	tm := ts.open(t, ts.key, 80, 24)
	tm.waitText("12 articles")
	for i := range 50 {
		if err := tm.sess.WindowChange(24+i%3, 80+i%5); err != nil {
			t.Fatal(err)
		}
	}
	tm.sess.WindowChange(1<<30, 1<<30) // a client's absurd size is clamped
	tm.sess.WindowChange(30, 120)
	tm.waitText("│") // the preview pane of a wide terminal
	tm.keys("q")
	if code := tm.exit(); code != 0 {
		t.Errorf("exit status %d", code)
	}
}

func TestShutdownTellsSessions(t *testing.T) {
	ts := start(t, nil)
	a := ts.open(t, ts.key, 80, 24)
	b := ts.open(t, ts.key, 80, 24)
	a.waitText("12 articles")
	b.waitText("12 articles")
	ts.cancel()
	for _, tm := range []*term{a, b} {
		if code := tm.exit(); code != 1 || !strings.Contains(tm.errs.String(), "shutting down") {
			t.Errorf("status %d, told %q", code, tm.errs.String())
		}
	}
	select {
	case err := <-ts.stopped:
		ts.stopped <- err
		if err != nil {
			t.Fatalf("Serve = %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return")
	}
	if _, err := ts.dial(ts.key); err == nil {
		t.Error("a connection after the shutdown")
	}
}

// What the program says after the screen is given back reaches the
// client: here, that a mark could not be saved.
func TestNotesAfterTheScreen(t *testing.T) {
	dir := t.TempDir()
	_, hostKey, err := hostSigner("", dir)
	if err != nil {
		t.Fatal(err)
	}
	notADir := filepath.Join(dir, "file")
	os.WriteFile(notADir, nil, 0o600)
	ts := start(t, func(c *Config) { c.HostKey, c.StateDir = hostKey, notADir })
	tm := ts.open(t, ts.key, 80, 24)
	tm.waitText("12 articles")
	tm.keys("jjjm")
	tm.waitText("not saved")
	tm.keys("q")
	tm.exit()
	if !strings.Contains(tm.errs.String(), "newsbrowse: marks") {
		t.Errorf("told %q", tm.errs.String())
	}
}

func TestMaxDuration(t *testing.T) {
	ts := start(t, func(c *Config) { c.MaxDuration = 300 * time.Millisecond })
	tm := ts.open(t, ts.key, 80, 24)
	tm.waitText("12 articles")
	tm.keys("j")
	if code := tm.exit(); code != 1 || !strings.Contains(tm.errs.String(), "time limit") {
		t.Errorf("status %d, told %q", code, tm.errs.String())
	}
	waitFor(t, `why="time limit" in the log`, func() bool { return strings.Contains(ts.log.String(), `why="time limit"`) })
}

// The client's environment: only what tells colours and widths passes,
// and RUNEWIDTH_EASTASIAN chooses the session's width of ambiguous
// characters.
func TestClientEnvironment(t *testing.T) {
	env := clientEnv("xterm-256color", []string{"PATH=/evil", "COLORTERM=truecolor", "LD_PRELOAD=x",
		"RUNEWIDTH_EASTASIAN=1", "NO_COLOR=" + strings.Repeat("x", 100)})
	if got, want := strings.Join(env, " "), "TERM=xterm-256color COLORTERM=truecolor RUNEWIDTH_EASTASIAN=1"; got != want {
		t.Errorf("clientEnv = %q, want %q", got, want)
	}
	s := &Server{}
	for _, tc := range []struct {
		flag string
		env  []string
		wide bool
		ask  bool
	}{
		{"", nil, false, true},
		{"auto", nil, false, true},
		{"wide", nil, true, false},
		{"narrow", nil, false, false},
		{"", []string{"RUNEWIDTH_EASTASIAN=1"}, true, false},
		{"narrow", []string{"RUNEWIDTH_EASTASIAN=1"}, true, false},
		{"wide", []string{"RUNEWIDTH_EASTASIAN=0"}, false, false},
	} {
		s.cfg.Ambiguous = tc.flag
		cfg, ask := s.browseConfig("", tc.env, nil)
		if cfg.Cond.EastAsianWidth != tc.wide || ask != tc.ask {
			t.Errorf("flag %q, env %q: wide %v ask %v (%s)", tc.flag, tc.env, cfg.Cond.EastAsianWidth, ask, cfg.Ambiguous)
		}
	}
}

// The sessions share one list of the articles.
func TestSessionsShareTheListing(t *testing.T) {
	ts := start(t, nil)
	a := ts.open(t, ts.key, 80, 24)
	b := ts.open(t, ts.key, 80, 24)
	a.waitText("12 articles")
	b.waitText("12 articles")
	ts.list.mu.Lock()
	scans := ts.list.scans
	ts.list.mu.Unlock()
	if scans != 1 {
		t.Errorf("%d scans for two sessions, want 1", scans)
	}
	a.keys("q")
	b.keys("q")
	a.exit()
	b.exit()
}

func TestListingReadAgainWhenOld(t *testing.T) {
	now := time.Unix(0, 0)
	l := &listing{fs: loader.DirFS("../../testdata/collection"), maxAge: time.Minute, now: func() time.Time { return now }}
	for _, step := range []struct {
		after time.Duration
		scans int
	}{{0, 1}, {30 * time.Second, 1}, {31 * time.Second, 2}, {time.Second, 2}} {
		now = now.Add(step.after)
		if e, err := l.get(); err != nil || len(e) != 12 || l.scans != step.scans {
			t.Fatalf("after %v: %d entries, %v, %d scans; want %d", step.after, len(e), err, l.scans, step.scans)
		}
	}
}
