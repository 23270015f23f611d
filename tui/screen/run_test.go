package screen

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// fakeTerm is a terminal that records what is done to it.
type fakeTerm struct {
	mu    sync.Mutex
	calls []string
	w, h  int
}

func (f *fakeTerm) log(s string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, s)
}

func (f *fakeTerm) makeRaw() error                 { f.log("raw"); return nil }
func (f *fakeTerm) drain(io.Writer, time.Duration) {}
func (f *fakeTerm) restore() error                 { f.log("restore"); return nil }

func (f *fakeTerm) size() (int, int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.w, f.h, nil
}

func (f *fakeTerm) resize(w, h int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.w, f.h = w, h
}

func (f *fakeTerm) history() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return strings.Join(f.calls, " ")
}

// pager is a model like the reader: a window on numbered lines of Chinese
// text and a status line; "j" scrolls, "x" runs a command, "p" panics.
type pager struct {
	w, h, top int
	run       func() tea.Cmd
	execErr   error
	execDone  bool
	sizes     []string
}

type scrollMsg struct{}

func (m *pager) Init() tea.Cmd { return nil }

func (m *pager) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
		m.sizes = append(m.sizes, fmt.Sprintf("%dx%d", m.w, m.h))
	case scrollMsg:
		m.top++
	case tea.KeyPressMsg:
		switch msg.String() {
		case "x":
			return m, m.run()
		case "p":
			panic("model failed")
		}
	case execDoneMsg:
		m.execDone, m.execErr = true, msg.err
	case EndingMsg:
		return m, tea.Quit
	}
	return m, nil
}

type execDoneMsg struct{ err error }

func (m *pager) View() tea.View {
	if m.w == 0 {
		return tea.NewView("")
	}
	rows := make([]string, 0, m.h)
	for i := 0; i < m.h-1; i++ {
		rows = append(rows, pad(fmt.Sprintf("%03d 第%d行文字", m.top+i, m.top+i), m.w))
	}
	status := fmt.Sprintf(" top %d", m.top)
	if m.execDone {
		status += " done"
	}
	rows = append(rows, "\x1b[7m"+pad(status, m.w)+"\x1b[m")
	return tea.NewView(strings.Join(rows, "\n"))
}

// program runs m under run with a fake terminal and returns what reached
// the terminal. drive gets the session once the program runs and must end
// the program.
func program(t *testing.T, m tea.Model, ft *fakeTerm, drive func(s *session, out *recorder)) (out *recorder, err error) {
	t.Helper()
	out = &recorder{}
	inR, inW := io.Pipe()
	defer inW.Close()
	watch := func(s *session) func() {
		go drive(s, out)
		return func() {}
	}
	opts := []tea.ProgramOption{tea.WithInput(inR), tea.WithOutput(io.Discard), tea.WithoutSignalHandler()}
	done := make(chan error, 1)
	go func() { done <- run(m, ft, out, narrow, false, opts, watch) }()
	select {
	case err = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("program did not end")
	}
	return out, err
}

func TestRunPaintsAndRestores(t *testing.T) {
	ft := &fakeTerm{w: 20, h: 5}
	m := &pager{}
	out, err := program(t, m, ft, func(s *session, out *recorder) {
		waitFor(t, "the first screen", func() bool { return shows(out.bytes()[len(enterSeq):], m0(20, 5, 0), 20, 5) == nil })
		s.send(scrollMsg{})
		waitFor(t, "the scrolled screen", func() bool { return shows(out.bytes()[len(enterSeq):], m0(20, 5, 1), 20, 5) == nil })
		ft.resize(16, 4)
		s.resized()
		waitFor(t, "the resized screen", func() bool {
			return shows(lastFullRepaint(out.bytes()), m0(16, 4, 1), 16, 4) == nil
		})
		s.send(tea.QuitMsg{})
	})
	if err != nil {
		t.Fatal(err)
	}
	b := out.bytes()
	if !bytes.HasPrefix(b, []byte(enterSeq)) || !bytes.HasSuffix(b, []byte(leaveSeq)) {
		t.Errorf("output does not start with %q and end with %q: %q", enterSeq, leaveSeq, b)
	}
	if !bytes.Contains(b, []byte("\x1b[S")) {
		t.Errorf("scrolling by a line did not scroll: %q", b)
	}
	if got, want := ft.history(), "raw restore"; got != want {
		t.Errorf("terminal calls %q, want %q", got, want)
	}
	if got, want := strings.Join(m.sizes, " "), "20x5 16x4"; got != want {
		t.Errorf("sizes told %q, want %q", got, want)
	}
}

// m0 is the content a pager of that size shows at top.
func m0(w, h, top int) string {
	return (&pager{w: w, h: h, top: top}).View().Content
}

func TestRunPanicRestoresTerminal(t *testing.T) {
	stderr := os.Stderr
	null, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	os.Stderr = null // the panic report
	defer func() { os.Stderr = stderr }()

	ft := &fakeTerm{w: 10, h: 3}
	out, err := program(t, &pager{}, ft, func(s *session, out *recorder) {
		waitFor(t, "the first screen", func() bool { return out.count() >= 2 })
		s.send(tea.KeyPressMsg{Code: 'p', Text: "p"})
	})
	if !errors.Is(err, tea.ErrProgramPanic) {
		t.Errorf("err = %v, want a panic error", err)
	}
	if got, want := ft.history(), "raw restore"; got != want {
		t.Errorf("terminal calls %q, want %q", got, want)
	}
	if b := out.bytes(); !bytes.HasSuffix(b, []byte(leaveSeq)) {
		t.Errorf("output does not end with %q: %q", leaveSeq, b)
	}
}

func TestSessionReleaseReacquire(t *testing.T) {
	ft := &fakeTerm{w: 10, h: 3}
	out := &recorder{}
	s := &session{term: ft, out: out, w: 10, h: 3, enter: enterSeq, leave: leaveSeq, loop: newLoop(out, NewPainter(narrow), time.Millisecond)}
	sent := make(chan tea.Msg, 4)
	s.send = func(m tea.Msg) { sent <- m }
	go s.loop.run()
	s.loop.submit("abc", 10, 3)
	waitFor(t, "the first frame", func() bool { return out.count() == 1 })

	for i := 0; i < 2; i++ { // a second release or reacquire does nothing
		if err := s.release(); err != nil {
			t.Fatal(err)
		}
	}
	s.loop.submit("def", 10, 3)
	ft.resize(12, 3)
	for i := 0; i < 2; i++ {
		if err := s.reacquire(); err != nil {
			t.Fatal(err)
		}
	}
	select {
	case m := <-sent:
		if m != (tea.WindowSizeMsg{Width: 12, Height: 3}) {
			t.Errorf("sent %#v", m)
		}
	case <-time.After(5 * time.Second):
		t.Error("the new size was not sent")
	}
	waitFor(t, "the repaint", func() bool { return out.count() == 4 })
	s.close()
	s.close()
	if got, want := ft.history(), "restore raw restore"; got != want {
		t.Errorf("terminal calls %q, want %q", got, want)
	}
	want := [][]byte{[]byte(wipe + "abc"), []byte(leaveSeq), []byte(enterSeq), []byte(wipe + "def"), []byte(leaveSeq)}
	if got := out.writes; len(got) != len(want) || !bytes.Equal(bytes.Join(got, nil), bytes.Join(want, nil)) {
		t.Errorf("writes %q, want %q", got, want)
	}
}

// counter is a model that counts the calls of its View.
type counter struct{ views int }

func (c *counter) Init() tea.Cmd                       { return nil }
func (c *counter) Update(tea.Msg) (tea.Model, tea.Cmd) { return c, nil }
func (c *counter) View() tea.View {
	c.views++
	return tea.NewView(fmt.Sprint(c.views))
}

func TestAdapterSuspendResume(t *testing.T) {
	ft := &fakeTerm{w: 10, h: 2}
	out := &recorder{}
	s := &session{term: ft, out: out, w: 10, h: 2, enter: enterSeq, leave: leaveSeq, loop: newLoop(out, NewPainter(narrow), time.Millisecond)}
	s.send = func(tea.Msg) {}
	go s.loop.run()
	defer s.close()
	inner := &counter{}
	a := &adapter{inner: inner, s: s, w: 10, h: 2}
	a.Init()
	a.Update(tea.WindowSizeMsg{Width: 8, Height: 2})
	if got := a.View().Content; got != "2" || inner.views != 2 {
		t.Errorf("View = %q after %d inner views, want the cached \"2\" after 2", got, inner.views)
	}
	waitFor(t, "the frame", func() bool { return shows(lastFullRepaint(out.bytes()), "2", 8, 2) == nil })

	var whileStopped string
	s.stop = func() { whileStopped = ft.history() }
	if msg := s.filter(a, tea.SuspendMsg{}); msg != (tea.ResumeMsg{}) {
		t.Errorf("filter turned the suspend into %#v, want tea.ResumeMsg", msg)
	}
	if s.filter(a, tea.KeyPressMsg{}) == nil {
		t.Error("filter dropped a key")
	}
	if whileStopped != "restore" {
		t.Errorf("terminal calls before stopping %q, want \"restore\"", whileStopped)
	}
	if got := ft.history(); got != "restore raw" {
		t.Errorf("terminal calls after continuing %q, want \"restore raw\"", got)
	}
	a.Update(tea.ResumeMsg{})
	waitFor(t, "the repaint", func() bool {
		b := out.bytes()
		i := bytes.LastIndex(b, []byte(enterSeq))
		return i > 0 && bytes.HasPrefix(b[i+len(enterSeq):], []byte(wipe)) && shows(b[i+len(enterSeq):], "3", 8, 2) == nil
	})
}

func TestUsable(t *testing.T) {
	for _, c := range []struct {
		in, out bool
		term    string
		refuse  string
	}{
		{true, true, "xterm-256color", ""},
		{true, true, "screen", ""},
		{true, true, "dumb", "TERM=dumb"},
		{true, true, "", "TERM="},
		{true, false, "xterm", "standard output is not a terminal"},
		{false, true, "xterm", "standard input is not a terminal"},
		{false, false, "", "standard output"},
	} {
		err := usable(c.in, c.out, c.term)
		var ue UnusableError
		switch {
		case c.refuse == "" && err != nil:
			t.Errorf("%+v: refused: %v", c, err)
		case c.refuse != "" && (!errors.As(err, &ue) || !strings.Contains(err.Error(), c.refuse) ||
			!strings.Contains(err.Error(), "--print, --list or --grep")):
			t.Errorf("%+v: got %v, want a refusal naming %q and the other modes", c, err, c.refuse)
		}
	}
}

// TestRunRefusesWithoutTerminal: under go test stdout is not a terminal
// or TERM is made dumb; Run refuses before writing anything.
func TestRunRefusesWithoutTerminal(t *testing.T) {
	t.Setenv("TERM", "dumb")
	err := Run(&counter{}, narrow, false)
	var ue UnusableError
	if !errors.As(err, &ue) {
		t.Fatalf("Run = %v, want an UnusableError", err)
	}
}

// TestRunClampsHugeSizes: Bubble Tea drops sizes over 4096 columns or rows
// or 2^20 cells; the program is told the largest size it lays out.
func TestRunClampsHugeSizes(t *testing.T) {
	ft := &fakeTerm{w: 5000, h: 10}
	m := &pager{}
	_, err := program(t, m, ft, func(s *session, out *recorder) {
		waitFor(t, "the first screen", func() bool {
			return shows(lastFullRepaint(out.bytes()), m0(4096, 10, 0), 4096, 10) == nil
		})
		ft.resize(4100, 300)
		s.resized()
		waitFor(t, "the resized screen", func() bool {
			return bytes.Contains(out.bytes(), []byte(fmt.Sprintf("%03d 第", 254)))
		})
		s.send(tea.QuitMsg{})
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(m.sizes, " "), "4096x10 4096x256"; got != want {
		t.Errorf("sizes told %q, want %q", got, want)
	}
}
