package screen

import (
	"io"
	"os"
	"os/exec"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/term"
	"github.com/mattn/go-runewidth"
)

// Default size when the terminal does not tell its own.
const defaultWidth, defaultHeight = 80, 24

// The largest screen the program lays out: Bubble Tea drops a size with
// more columns or rows, or more cells, than this, and so would leave the
// screen blank. A larger terminal shows the program in its top left part.
const maxDimension, maxCells = 4096, 1 << 20

// clampSize brings w×h within the largest screen the program lays out.
func clampSize(w, h int) (int, int) {
	w, h = min(w, maxDimension), min(h, maxDimension)
	if w*h > maxCells {
		h = maxCells / w
	}
	return w, h
}

// Giving the terminal back: a Primary Device Attributes request, whose
// answer comes after every answer still on its way, and how long to wait
// for it while dropping what comes in.
const (
	requestDA = "\x1b[c"
	drainTime = 250 * time.Millisecond
)

// terminal is the terminal device a session drives.
type terminal interface {
	makeRaw() error
	restore() error
	size() (w, h int, err error)
	// drain sends the terminal a Primary Device Attributes request through
	// out and reads and drops what the terminal sends until its answer
	// arrives, for at most d: the answers to queries still on their way
	// then never reach the shell. A terminal it cannot read does nothing.
	drain(out io.Writer, d time.Duration)
}

// tty is the process's terminal: stdin for the mode, stdout for the size.
type tty struct {
	in, out *os.File
	saved   *term.State // the mode before the first makeRaw
}

func (t *tty) makeRaw() error {
	st, err := term.MakeRaw(t.in.Fd())
	if err == nil && t.saved == nil {
		t.saved = st
	}
	return err
}

func (t *tty) restore() error {
	if t.saved == nil {
		return nil
	}
	return term.Restore(t.in.Fd(), t.saved)
}

func (t *tty) size() (int, int, error) { return term.GetSize(t.out.Fd()) }

// session is one run of a program on the terminal: it owns the terminal
// modes and the painting loop, and hands the terminal to other programs.
type session struct {
	term terminal
	out  io.Writer
	loop *loop
	send func(tea.Msg) // the program's Send, set before it runs
	kill func()        // ends the program at once (its Kill), set before it runs
	stop func()        // stops the process until it continues; nil: never suspend
	prog *tea.Program  // the program, set before it runs
	done chan struct{} // closed once the program has stopped

	// on the program's event loop only:
	tickerOn bool                 // Bubble Tea's frame timer may run (see stopTicker)
	ask      bool                 // ask the terminal how wide ambiguous characters are
	cond     *runewidth.Condition // the program's measure
	probe    probe
	told     [2]int // the size the model was last told

	enter, leave string // what takes the terminal and gives it back (see modesFor)

	mu        sync.Mutex
	w, h      int // the size last told to the program
	released  bool
	closed    bool
	child     *exec.Cmd     // the program holding the terminal, if any
	childDone chan struct{} // closed when child has ended
	ended     *ExitError    // why the program was ended from outside
}

// active is the session of the program running now, for Exec.
var active atomic.Pointer[session]

// sizeOf is the terminal's size, or the default size when it is unknown.
func sizeOf(t terminal) (int, int) {
	w, h, err := t.size()
	if err != nil || w < 1 || h < 1 {
		return defaultWidth, defaultHeight
	}
	return clampSize(w, h)
}

// release hands the terminal back: painting stops, the main screen and
// the terminal's own mode return.
func (s *session) release() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.released || s.closed {
		return nil
	}
	s.loop.pause()
	_, _ = io.WriteString(s.out, s.leave)
	s.released = true
	return s.term.restore()
}

// reacquire takes the terminal back after release and has the whole screen
// painted again. A size change in between is told to the program.
func (s *session) reacquire() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.released || s.closed {
		return nil
	}
	err := s.term.makeRaw()
	_, _ = io.WriteString(s.out, s.enter)
	s.released = false
	s.loop.resume()
	if w, h := sizeOf(s.term); w != s.w || h != s.h {
		s.w, s.h = w, h
		go s.send(tea.WindowSizeMsg{Width: w, Height: h})
	}
	return err
}

// resized tells the program the terminal's new size. The frame the
// program then draws is painted whole whatever the size, since a terminal
// may lose or move content when resized.
func (s *session) resized() {
	w, h, err := s.term.size()
	if err != nil || w < 1 || h < 1 {
		return
	}
	w, h = clampSize(w, h)
	s.loop.wholeNext()
	s.mu.Lock()
	s.w, s.h = w, h
	s.mu.Unlock()
	s.send(tea.WindowSizeMsg{Width: w, Height: h})
}

// close stops painting and gives the terminal back for good. It may be
// called more than once.
func (s *session) close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return
	}
	s.closed = true
	s.loop.stop()
	if !s.released {
		_, _ = io.WriteString(s.out, s.leave)
		s.term.drain(s.out, drainTime)
		_ = s.term.restore()
	}
}

// restoreOnPanic, deferred, gives the terminal back before a panic goes on,
// so that its message is printed on the main screen.
func (s *session) restoreOnPanic() {
	if r := recover(); r != nil {
		s.close()
		panic(r)
	}
}

// filter runs on the program's event loop before the model sees msg. It
// stops Bubble Tea's frame timer when it may run, writes what Bubble Tea
// would write for msg itself (see terminalOutput), and suspends the
// program on tea.SuspendMsg (see suspend) instead of Bubble Tea, telling
// the model with tea.ResumeMsg once it continues; a session that cannot
// stop the process drops the message.
func (s *session) filter(_ tea.Model, msg tea.Msg) tea.Msg {
	if s.tickerOn {
		stopTicker(s.prog)
		s.tickerOn = false
	}
	if out, ok := terminalOutput(msg); ok {
		s.loop.write(out)
		return nil
	}
	if m, ok := s.probeAnswer(msg); ok {
		return m
	}
	if _, ok := msg.(uv.PrimaryDeviceAttributesEvent); ok {
		return nil // a late answer to the probe
	}
	if m, ok := msg.(tea.WindowSizeMsg); ok {
		return s.sizeMsg(m)
	}
	if _, ok := msg.(tea.SuspendMsg); ok {
		if s.stop == nil {
			return nil
		}
		s.suspend()
		return tea.ResumeMsg{}
	}
	return msg
}

// sizeMsg passes on a size the model is not laid out for yet, clamped: the
// ones the session sends on SIGWINCH, and those the terminal reports
// in-band (mode 2048), which are handled like a SIGWINCH; a size the model
// has already is dropped.
func (s *session) sizeMsg(m tea.WindowSizeMsg) tea.Msg {
	if m.Width < 1 || m.Height < 1 {
		return nil
	}
	m.Width, m.Height = clampSize(m.Width, m.Height)
	if [2]int{m.Width, m.Height} == s.told {
		return nil
	}
	s.told = [2]int{m.Width, m.Height}
	s.mu.Lock()
	inBand := m.Width != s.w || m.Height != s.h
	s.w, s.h = m.Width, m.Height
	s.mu.Unlock()
	if inBand {
		s.loop.wholeNext()
	}
	return m
}
