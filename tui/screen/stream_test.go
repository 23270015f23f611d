package screen

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// runOn runs m with RunOn on a stream of the given size and returns what
// reached the stream, the keyboard, the resize channel and the end of the
// program.
func runOn(ctx context.Context, m tea.Model, sz Size, env []string) (*recorder, io.WriteCloser, chan Size, chan error) {
	out := &recorder{}
	inR, inW := io.Pipe()
	resize := make(chan Size, 1)
	done := make(chan error, 1)
	s := Stream{In: inR, Out: out, Size: sz, Resize: resize, Environ: env}
	go func() { done <- RunOn(ctx, m, s, narrow) }()
	return out, inW, resize, done
}

// painted is what the painter wrote so far.
func painted(out *recorder) []byte {
	return bytes.TrimPrefix(out.bytes(), []byte(enterSeq))
}

func wait(t *testing.T, done chan error) error {
	t.Helper()
	select {
	case err := <-done:
		return err
	case <-time.After(10 * time.Second):
		t.Fatal("program did not end")
		return nil
	}
}

func TestRunOnPaintsResizesAndEnds(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	scroll := func() tea.Cmd { return func() tea.Msg { return scrollMsg{} } }
	m := &pager{run: scroll}
	out, keys, resize, done := runOn(ctx, m, Size{20, 5}, []string{"TERM=xterm-256color"})
	defer keys.Close()

	waitFor(t, "the first screen", func() bool { return shows(painted(out), m0(20, 5, 0), 20, 5) == nil })
	if s := active.Load(); s != nil {
		t.Errorf("a program on a stream is the target of Exec")
	}
	io.WriteString(keys, "x")
	waitFor(t, "the scrolled screen", func() bool { return shows(painted(out), m0(20, 5, 1), 20, 5) == nil })
	resize <- Size{16, 4}
	waitFor(t, "the resized screen", func() bool {
		return shows(lastFullRepaint(out.bytes()), m0(16, 4, 1), 16, 4) == nil
	})
	cancel()
	wait(t, done)

	b := out.bytes()
	if !bytes.HasPrefix(b, []byte(enterSeq)) || !bytes.HasSuffix(b, []byte(leaveSeq)) {
		t.Errorf("output does not start with %q and end with %q: %q", enterSeq, leaveSeq, b)
	}
	if got, want := strings.Join(m.sizes, " "), "20x5 16x4"; got != want {
		t.Errorf("sizes told %q, want %q", got, want)
	}
}

func TestRunOnQuits(t *testing.T) {
	out, keys, _, done := runOn(context.Background(), quitter{}, Size{10, 3}, nil)
	defer keys.Close()
	io.WriteString(keys, "q")
	if err := wait(t, done); err != nil {
		t.Errorf("RunOn = %v after the model quit", err)
	}
	if b := out.bytes(); !bytes.HasSuffix(b, []byte(leaveSeq)) {
		t.Errorf("output does not end with %q: %q", leaveSeq, b)
	}
}

// quitter shows one red word and quits on any key.
type quitter struct{}

func (quitter) Init() tea.Cmd { return nil }
func (quitter) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.KeyPressMsg); ok {
		return quitter{}, tea.Quit
	}
	return quitter{}, nil
}
func (quitter) View() tea.View { return tea.NewView("\x1b[38;2;255;0;0mred\x1b[m") }

func TestRunOnColoursFromTheClient(t *testing.T) {
	for _, tc := range []struct {
		env       []string
		want, not string
	}{
		{[]string{"TERM=xterm-256color", "COLORTERM=truecolor"}, "38;2;255;0;0", "38;5;"},
		{[]string{"TERM=xterm-256color"}, "38;5;196", "38;2;"},
		{[]string{"TERM=xterm-256color", "NO_COLOR=1"}, "red", "38;"},
	} {
		out, keys, _, done := runOn(context.Background(), quitter{}, Size{10, 3}, tc.env)
		waitFor(t, "the first screen", func() bool { return bytes.Contains(out.bytes(), []byte("red")) })
		io.WriteString(keys, "q")
		wait(t, done)
		keys.Close()
		b := string(out.bytes())
		if !strings.Contains(b, tc.want) || strings.Contains(b, tc.not) {
			t.Errorf("env %q: output %q, want %q and no %q", tc.env, b, tc.want, tc.not)
		}
	}
}

func TestDropSuspend(t *testing.T) {
	remote := &session{} // no way to stop the process
	if got := remote.filter(nil, tea.SuspendMsg{}); got != nil {
		t.Errorf("a suspend passed to a remote program: %v", got)
	}
	key := tea.KeyPressMsg{Code: 'z', Mod: tea.ModCtrl}
	if got := remote.filter(nil, key); got != key {
		t.Errorf("filter(%v) = %v", key, got)
	}
}

// TestRunOnLetsTheModelFinish: when ctx is done (the client went away, the
// server is stopping), the model is told why and may finish what it was
// doing before it quits; RunOn then returns nil.
func TestRunOnLetsTheModelFinish(t *testing.T) {
	ctx, cancel := context.WithCancelCause(context.Background())
	m := &finisher{}
	out, keys, _, done := runOn(ctx, m, Size{10, 3}, nil)
	defer keys.Close()
	waitFor(t, "the first screen", func() bool { return bytes.Contains(out.bytes(), []byte("working")) })
	cancel(errors.New("server shutting down"))
	if err := wait(t, done); err != nil {
		t.Errorf("RunOn = %v after ctx was done", err)
	}
	if m.told != "server shutting down" || !m.finished {
		t.Errorf("told %q, finished %v", m.told, m.finished)
	}
}

// finisher has work to finish when it is told the program is ending.
type finisher struct {
	told     string
	finished bool
}

type finishedMsg struct{}

func (f *finisher) Init() tea.Cmd { return nil }
func (f *finisher) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case EndingMsg:
		f.told = msg.Reason
		return f, func() tea.Msg { return finishedMsg{} }
	case finishedMsg:
		f.finished = true
		return f, tea.Quit
	}
	return f, nil
}
func (f *finisher) View() tea.View { return tea.NewView("working") }
