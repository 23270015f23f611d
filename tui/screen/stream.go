package screen

import (
	"context"
	"errors"
	"io"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/mattn/go-runewidth"
)

// Size is the size of a terminal in cells.
type Size struct{ Width, Height int }

// Stream is a terminal reached through a byte stream rather than a
// device of this process, such as an SSH session with a pty: the client's
// terminal is in raw mode already, and its size and environment are what
// the client said.
type Stream struct {
	In  io.Reader // the keys the terminal sends
	Out io.Writer // the terminal; written from more than one goroutine, one write at a time
	// Size is the size at the start; Resize delivers later sizes until
	// RunOn returns. A sender should never block on it: a channel with
	// one slot whose stale size is replaced will do.
	Size    Size
	Resize  <-chan Size
	Environ []string // TERM, NO_COLOR, COLORTERM…: the terminal's, not the process's
	// AskWidth asks the terminal how wide it draws ambiguous characters,
	// as Run does with ask: the model then gets a WidthMsg.
	AskWidth bool
}

// RunOn runs model on s as Run does on the process's terminal: painted by
// a Painter measuring with cond, on the alternate screen, with colours
// brought down to what s.Environ says the terminal supports. Many programs
// may run on streams at once: none of them can be suspended (ctrl+z is
// ignored) and Exec never hands a stream over to another program, nor do
// signals to the process reach them.
//
// RunOn returns when the model quits, or when ctx is done: the screen is
// then given back, the model told (EndingMsg) and given a moment to quit
// by itself, saving what it must, and RunOn returns nil, the caller
// knowing why from ctx. A client that stops reading holds RunOn in a
// write: the caller then closes the stream.
func RunOn(ctx context.Context, model tea.Model, s Stream, cond *runewidth.Condition, opts ...tea.ProgramOption) error {
	out := &lockedWriter{w: s.Out}
	t := &streamTerm{w: s.Size.Width, h: s.Size.Height}
	profile := colorprofile.Env(s.Environ)
	if profile < colorprofile.ASCII {
		// No TERM, or a dumb one: no colours, but the painter's sequences
		// stay (colorprofile would strip them).
		profile = colorprofile.ASCII
	}
	opts = append(opts[:len(opts):len(opts)],
		tea.WithInput(s.In), tea.WithOutput(out),
		tea.WithEnvironment(s.Environ), tea.WithColorProfile(profile), tea.WithoutSignalHandler())
	painted := newDownsampler(out, profile)
	watch := func(sess *session) func() {
		stopSizes := watchStream(sess, t, s.Resize)
		stopEnd := context.AfterFunc(ctx, func() {
			sess.end(ExitError{Code: 1, Reason: context.Cause(ctx).Error()}, nil)
		})
		return func() {
			stopEnd()
			stopSizes()
		}
	}
	err := runSession(model, t, painted, cond, s.AskWidth, opts, watch, true)
	if ctx.Err() != nil {
		var ended ExitError
		if errors.As(err, &ended) || errors.Is(err, tea.ErrProgramKilled) {
			return nil
		}
	}
	return err
}

// watchStream tells sess about every size from resize until the returned
// function is called.
func watchStream(sess *session, t *streamTerm, resize <-chan Size) func() {
	quit, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-quit:
				return
			case sz, ok := <-resize:
				if !ok {
					return
				}
				if t.set(sz) {
					sess.resized()
				}
			}
		}
	}()
	return func() {
		close(quit)
		<-done
	}
}

// streamTerm is the terminal of a Stream: its mode is the client's
// business, its size the last one the client sent.
type streamTerm struct {
	mu   sync.Mutex
	w, h int
}

func (t *streamTerm) makeRaw() error { return nil }
func (t *streamTerm) restore() error { return nil }

// drain does nothing: Bubble Tea reads the stream until the session ends.
func (t *streamTerm) drain(io.Writer, time.Duration) {}

func (t *streamTerm) size() (int, int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.w, t.h, nil
}

// set records a new size and reports whether it is one.
func (t *streamTerm) set(sz Size) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if sz.Width < 1 || sz.Height < 1 || (sz.Width == t.w && sz.Height == t.h) {
		return false
	}
	t.w, t.h = sz.Width, sz.Height
	return true
}

// lockedWriter makes the writes of the painter and of Bubble Tea (its
// terminal queries) reach the stream whole, one after the other.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(b)
}
