package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"github.com/mattn/go-runewidth"

	"newsbrowse/loader"
	"newsbrowse/loader/statefile"
	"newsbrowse/tui"
	"newsbrowse/tui/screen"
)

// Messages to the client, on its standard error, after its terminal is
// given back.
const (
	needsPty = "newsbrowse: this server only shows the browser in a terminal: " +
		"connect with ssh -t and no command\n"
	full = "newsbrowse: the server is full, try again later\n"
)

// handle runs one SSH session: the browser when it asked for a terminal
// and no command, else nothing but a message.
func (s *Server) handle(sess ssh.Session) {
	info := connOf(sess.Context())
	key := info.verified()
	log := s.log.With("addr", info.addr)
	if key == nil || sess.PublicKey() == nil || !ssh.KeysEqual(key, sess.PublicKey()) {
		log.Warn("session refused", "why", "no verified key")
		_ = sess.Exit(1)
		return
	}
	log = log.With("key", Fingerprint(key))
	pty, winch, isPty := sess.Pty()
	switch {
	case sess.RawCommand() != "" || !isPty:
		why := "no terminal"
		if sess.RawCommand() != "" {
			why = "remote command"
		}
		log.Warn("session refused", "why", why, "command", clean(sess.RawCommand()))
		_, _ = io.WriteString(sess.Stderr(), needsPty)
		_ = sess.Exit(1)
		return
	case !s.enter():
		_, _ = io.WriteString(sess.Stderr(), "newsbrowse: "+errShutdown.Error()+"\n")
		_ = sess.Exit(1)
		return
	}
	defer s.running.Done()
	if !s.open.acquire() {
		log.Warn("session refused", "why", "max sessions reached")
		_, _ = io.WriteString(sess.Stderr(), full)
		_ = sess.Exit(1)
		return
	}
	// the slot is free once the program has ended, before the client is
	// told so: a user who quits and reconnects at once is not "full"
	release := sync.OnceFunc(s.open.release)
	defer release()

	resize := make(chan screen.Size, 1)
	go forwardSizes(winch, resize)
	env := clientEnv(pty.Term, sess.Environ())
	size := screen.Size{Width: pty.Window.Width, Height: pty.Window.Height}
	log.Info("session start", "term", clean(pty.Term), "size", fmt.Sprintf("%dx%d", size.Width, size.Height))
	start := time.Now()
	stateDir := "" // marks kept in memory only
	if s.cfg.StateDir != "" {
		dir, err := statefile.OwnerDir(s.cfg.StateDir, Fingerprint(key))
		if err != nil { // not reached: a fingerprint always names a directory
			log.Error("session refused", "why", clean(err.Error()))
			_ = sess.Exit(1)
			return
		}
		stateDir = dir
	}
	why, err := s.run(sess, stateDir, screen.Stream{
		In: sess, Out: sess, Size: size, Resize: resize, Environ: env,
	}, release)
	end := []any{"duration", time.Since(start).Round(time.Millisecond).String(), "why", why}
	if err != nil && !errors.Is(err, tea.ErrProgramKilled) {
		end = append(end, "err", clean(err.Error()))
	}
	log.Info("session end", end...)
}

// run runs the browser on one session until its user quits or the
// session must end; it says why it ended. ended is called once the
// program has stopped, before the client is told.
func (s *Server) run(sess ssh.Session, stateDir string, st screen.Stream, ended func()) (string, error) {
	ctx, cancel := context.WithCancelCause(s.stopping)
	defer cancel(nil)
	stopGone := context.AfterFunc(sess.Context(), func() { cancel(errGone) })
	defer stopGone()
	if s.cfg.MaxDuration > 0 {
		var cancelT context.CancelFunc
		ctx, cancelT = context.WithTimeoutCause(ctx, s.cfg.MaxDuration, errTooLong)
		defer cancelT()
	}
	in := &activity{r: st.In}
	in.touch()
	st.In = in
	go watchIdle(ctx, cancel, in, s.cfg.IdleTimeout)

	var said notes
	cfg, ask := s.browseConfig(stateDir, st.Environ, said.add)
	st.AskWidth = ask
	done := make(chan error, 1)
	go func() { done <- screen.RunOn(ctx, tui.New(cfg), st, cfg.Cond) }()
	var err error
	select {
	case err = <-done:
	case <-ctx.Done():
		select {
		case err = <-done:
		case <-time.After(closeGrace):
			_ = sess.Close() // a client that reads nothing holds the program in a write
			err = <-done
		}
	}
	ended()
	said.writeTo(sess.Stderr())
	cause := context.Cause(ctx)
	switch {
	case cause == nil || ctx.Err() == nil:
		if err != nil {
			_ = sess.Exit(1)
			return "error", err
		}
		_ = sess.Exit(0)
		return "quit", nil
	case errors.Is(cause, errGone):
		return "disconnected", err
	}
	_, _ = io.WriteString(sess.Stderr(), "newsbrowse: "+cause.Error()+"\n")
	_ = sess.Exit(1)
	return reasonOf(cause), err
}

// browseConfig is the program's configuration for one session, and
// whether the program asks the client's terminal how wide it draws
// ambiguous characters: unless the client said (RUNEWIDTH_EASTASIAN=1 or
// 0) or the server was told (--ambiguous narrow or wide).
func (s *Server) browseConfig(stateDir string, env []string, report func(string)) (tui.Config, bool) {
	cfg := s.cfg.Browse
	wide, ask, how := false, false, ""
	switch v := envValue(env, "RUNEWIDTH_EASTASIAN"); {
	case v == "1" || v == "0":
		wide, how = v == "1", "client's RUNEWIDTH_EASTASIAN="+v
	case s.cfg.Ambiguous == "narrow" || s.cfg.Ambiguous == "wide":
		wide, how = s.cfg.Ambiguous == "wide", "server's flag"
	default:
		ask, how = true, "asking the terminal"
	}
	cfg.Cond = newCondition(wide)
	cfg.Ambiguous = map[bool]string{false: "narrow", true: "wide"}[wide] + " (" + how + ")"
	cfg.StateDir = stateDir
	cfg.NoColor = hasEnv(env, "NO_COLOR")
	cfg.NoPrograms, cfg.Pager, cfg.Editor, cfg.Exec = true, "", "", refuseExec
	cfg.Report = report
	return cfg, ask
}

// notes is what the program has to say once the client's screen is given
// back (Config.Report); a few at most.
type notes struct {
	mu   sync.Mutex
	list []string
}

func (n *notes) add(s string) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if len(n.list) < 8 {
		n.list = append(n.list, s)
	}
}

func (n *notes) writeTo(w io.Writer) {
	n.mu.Lock()
	defer n.mu.Unlock()
	for _, s := range n.list {
		_, _ = io.WriteString(w, "newsbrowse: "+loader.SanitizeLine(s)+"\n")
	}
}

func reasonOf(cause error) string {
	switch {
	case errors.Is(cause, errShutdown):
		return "shutdown"
	case errors.Is(cause, errIdle):
		return "idle"
	case errors.Is(cause, errTooLong):
		return "time limit"
	}
	return "closed"
}

// refuseExec stands for tea.ExecProcess in served sessions: it runs
// nothing. (Config.NoPrograms already keeps e and o from asking.)
func refuseExec(_ *exec.Cmd, fn tea.ExecCallback) tea.Cmd {
	return func() tea.Msg { return fn(errors.New("programs are not run in this session")) }
}

// newCondition is a session's own width measure. It needs no table of
// its own (CreateLUT measures every rune, about 7 ms a session):
// runewidth's shared tables answer for StrictEmojiNeutral.
func newCondition(wide bool) *runewidth.Condition {
	return &runewidth.Condition{EastAsianWidth: wide, StrictEmojiNeutral: true}
}

// clientEnv is the part of the client's environment the program may see:
// what says which colours its terminal shows, and how wide it draws
// ambiguous characters (RUNEWIDTH_EASTASIAN=1 or 0, as ssh's SendEnv
// passes it).
func clientEnv(term string, environ []string) []string {
	env := []string{"TERM=" + term}
	for _, kv := range environ {
		name, _, _ := strings.Cut(kv, "=")
		switch name {
		case "COLORTERM", "NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "RUNEWIDTH_EASTASIAN":
			if len(kv) <= 64 {
				env = append(env, kv)
			}
		}
	}
	return env
}

func hasEnv(env []string, name string) bool { return envValue(env, name) != "" }

// envValue is the last value given to name in env.
func envValue(env []string, name string) string {
	v := ""
	for _, kv := range env {
		if n, val, _ := strings.Cut(kv, "="); n == name {
			v = val
		}
	}
	return v
}

// forwardSizes hands each window size of the client to the program, the
// latest only, until the session's requests end. Reading winch at once
// keeps charm's request loop (and so the session) from blocking on it.
func forwardSizes(winch <-chan ssh.Window, out chan screen.Size) {
	for w := range winch {
		select {
		case <-out: // the program has not taken the previous size: drop it
		default:
		}
		select {
		case out <- screen.Size{Width: w.Width, Height: w.Height}:
		default:
		}
	}
}

// activity is the session's input, with the time of its last byte.
type activity struct {
	r    io.Reader
	last atomic.Int64
}

func (a *activity) touch() { a.last.Store(time.Now().UnixNano()) }

func (a *activity) Read(p []byte) (int, error) {
	n, err := a.r.Read(p)
	if n > 0 {
		a.touch()
	}
	return n, err
}

func (a *activity) since() time.Duration { return time.Since(time.Unix(0, a.last.Load())) }

// watchIdle ends the session when its input has been silent for d.
func watchIdle(ctx context.Context, cancel context.CancelCauseFunc, in *activity, d time.Duration) {
	if d <= 0 {
		return
	}
	t := time.NewTimer(d)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		left := d - in.since()
		if left <= 0 {
			cancel(errIdle)
			return
		}
		t.Reset(left)
	}
}
