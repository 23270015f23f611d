package screen

import (
	"io"
	"os"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"
	"github.com/mattn/go-runewidth"
)

// frameInterval is the shortest time between two writes of the painter.
const frameInterval = time.Second / 60

// Run runs model as a Bubble Tea program whose screen is painted by a
// Painter measuring with cond instead of by Bubble Tea's renderer. Only
// the Content of the model's views is drawn: rows separated by "\n", each
// fitted to the width by the views, on the alternate screen with the
// cursor hidden. Colours are brought down to what the terminal supports.
//
// Run puts the terminal in raw mode itself, tells the model its size
// (tea.WindowSizeMsg) at the start and on every resize, and restores the
// terminal when the program ends, also after an error or a panic in the
// model. Commands that run other programs must use Exec. opts must not
// hold tea.WithFilter, tea.WithoutRenderer or tea.WithWindowSize, which
// Run sets. With ask, once the first frame is painted, Run asks the
// terminal how wide it draws East Asian ambiguous characters and tells the
// model with a WidthMsg; nothing waits for the answer, which may never
// come. When stdin or stdout is not a terminal, or the terminal cannot
// move the cursor, Run returns an UnusableError before touching anything.
func Run(model tea.Model, cond *runewidth.Condition, ask bool, opts ...tea.ProgramOption) error {
	in, out := os.Stdin, os.Stdout
	if err := usable(isTerminal(in), isTerminal(out), os.Getenv("TERM")); err != nil {
		return err
	}
	w := newDownsampler(out, colorprofile.Detect(out, os.Environ()))
	keys := &input{File: in}
	watch := func(s *session) func() {
		keys.gone = func() { go s.end(closedExit, hangup) }
		return watchSignals(s)
	}
	opts = append(opts[:len(opts):len(opts)], tea.WithInput(keys), tea.WithoutSignalHandler())
	return run(model, &tty{in: in, out: out}, w, cond, ask, opts, watch)
}

func isTerminal(f *os.File) bool { return resizeSupported && term.IsTerminal(f.Fd()) }

// UnusableError is why Run refused to start: the full-screen program needs
// a terminal that can move the cursor on both stdin and stdout.
type UnusableError struct{ Reason string }

func (e UnusableError) Error() string {
	return "cannot show the full-screen browser: " + e.Reason + "; use --print, --list or --grep"
}

// usable says whether the full-screen program can run: stdin and stdout
// are terminals (where resizes can be followed) and TERM names one that
// can address the cursor.
func usable(inTerm, outTerm bool, termName string) error {
	switch {
	case !outTerm:
		return UnusableError{"standard output is not a terminal"}
	case !inTerm:
		return UnusableError{"standard input is not a terminal"}
	case termName == "" || termName == "dumb":
		return UnusableError{"the terminal cannot move the cursor (TERM=" + termName + ")"}
	}
	return nil
}

// run is Run on any terminal and output; watch starts delivering resizes
// to the session and returns a function that stops it.
func run(model tea.Model, t terminal, out io.Writer, cond *runewidth.Condition, ask bool,
	opts []tea.ProgramOption, watch func(*session) func(),
) error {
	return runSession(model, t, out, cond, ask, opts, watch, false)
}

// runSession runs the program on t. A remote session (see RunOn) is one
// of many in the process: it is never the target of Exec, and it never
// suspends the process.
func runSession(model tea.Model, t terminal, out io.Writer, cond *runewidth.Condition, ask bool,
	opts []tea.ProgramOption, watch func(*session) func(), remote bool,
) error {
	if err := t.makeRaw(); err != nil {
		return err
	}
	w, h := sizeOf(t)
	s := &session{term: t, out: out, w: w, h: h, loop: newLoop(out, NewPainter(cond), frameInterval), cond: cond, ask: ask}
	modes := modesFor(model)
	s.enter, s.leave = enterWith(modes), leaveWith(modes)
	_, _ = io.WriteString(out, s.enter)
	go s.loop.run()
	defer s.close()

	a := &adapter{inner: model, s: s, w: w, h: h}
	opts = append(opts[:len(opts):len(opts)], tea.WithoutRenderer(), tea.WithWindowSize(w, h), tea.WithFilter(s.filter))
	p := tea.NewProgram(a, opts...)
	s.send, s.kill, s.prog, s.tickerOn = p.Send, p.Kill, p, true
	s.done = make(chan struct{})

	if !remote {
		s.stop = stopProcess
		active.Store(s)
		defer active.CompareAndSwap(s, nil)
	}
	stop := watch(s)
	defer stop()

	_, err := p.Run()
	close(s.done)
	if why := s.endedBy(); why != nil {
		return *why
	}
	return err
}
