package screen

import (
	"io"
	"strings"
	"sync"
	"time"

	"github.com/mattn/go-runewidth"
)

// loop owns a Painter and writes its output from one goroutine. Frames are
// handed over without blocking; the latest one wins, so frames that come
// faster than the terminal is painted are never drawn. After a write the
// loop waits for the frame interval before painting again, but for the
// one frame that follows a write after a rest (see run).
type loop struct {
	out      io.Writer
	painter  *Painter
	interval time.Duration
	after    func(time.Duration) <-chan time.Time // time.After; a test's own clock

	mu      sync.Mutex
	idle    *sync.Cond           // broadcast when a write ends
	content string               // the latest frame, rows separated by "\n"
	raw     []byte               // bytes to write as they are before the next frame
	post    string               // bytes to write after the next frame painted
	postRow int                  // the row they draw on, painted again right after them
	cond    *runewidth.Condition // a measure for the painter to take before the next frame
	w, h    int
	have    bool // a frame was submitted
	dirty   bool // the latest frame is not painted yet
	full    bool // paint the next frame whole
	paused  bool // the terminal belongs to another program
	writing bool
	stopped bool

	wake chan struct{} // 1 slot: there may be work
	quit chan struct{}
	done chan struct{}
}

func newLoop(out io.Writer, painter *Painter, interval time.Duration) *loop {
	l := &loop{
		out: out, painter: painter, interval: interval, after: time.After,
		wake: make(chan struct{}, 1), quit: make(chan struct{}), done: make(chan struct{}),
	}
	l.idle = sync.NewCond(&l.mu)
	return l
}

func (l *loop) poke() {
	select {
	case l.wake <- struct{}{}:
	default:
	}
}

// submit hands over a frame of width w and height h.
func (l *loop) submit(content string, w, h int) {
	l.mu.Lock()
	if !l.have || l.full || content != l.content || w != l.w || h != l.h {
		l.content, l.w, l.h, l.have, l.dirty = content, w, h, true, true
	}
	l.mu.Unlock()
	l.poke()
}

// write hands over bytes to write as they are, before the next frame and
// soon even when there is none (terminal queries, clipboard writes).
func (l *loop) write(s string) {
	l.mu.Lock()
	l.raw = append(l.raw, s...)
	l.mu.Unlock()
	l.poke()
}

// afterFrame hands over bytes to write right after the next frame is
// painted (the first one, when none was yet). They draw on row only: that
// row of the frame is written again right after them, in the same write,
// and the rest of the screen is left as it is.
func (l *loop) afterFrame(s string, row int) {
	l.mu.Lock()
	l.post, l.postRow = s, row
	l.mu.Unlock()
	l.poke()
}

// setCond makes the painter measure with cond from the next frame on, and
// paint that frame whole.
func (l *loop) setCond(cond *runewidth.Condition) {
	l.mu.Lock()
	l.cond, l.full = cond, true
	l.mu.Unlock()
}

// invalidate makes the loop paint the latest frame whole, soon.
func (l *loop) invalidate() {
	l.mu.Lock()
	l.full, l.dirty = true, true
	l.mu.Unlock()
	l.poke()
}

// wholeNext makes the loop paint the next frame submitted whole, even if
// it is the frame on screen.
func (l *loop) wholeNext() {
	l.mu.Lock()
	l.full = true
	l.mu.Unlock()
}

// pause stops painting and returns once no write is in progress.
func (l *loop) pause() {
	l.mu.Lock()
	l.paused = true
	for l.writing {
		l.idle.Wait()
	}
	l.mu.Unlock()
}

// resume starts painting again, with the latest frame painted whole.
func (l *loop) resume() {
	l.mu.Lock()
	l.paused = false
	l.mu.Unlock()
	l.invalidate()
}

// stop ends the loop after any write in progress. It may be called more
// than once.
func (l *loop) stop() {
	l.mu.Lock()
	if !l.stopped {
		l.stopped = true
		close(l.quit)
	}
	l.mu.Unlock()
	<-l.done
}

// run paints frames until stop is called.
//
// A write is followed by the frame interval, in which nothing more is
// written, but for one frame when the write came after a rest: a key's
// answer is often two frames close together (the selection moves, then
// the article or preview it asked for comes), and the second is then not
// held back by an interval. Frames that come steadily are still written
// once an interval.
func (l *loop) run() {
	defer close(l.done)
	for {
		rested := false
		select {
		case <-l.wake:
		case <-l.quit:
			return
		default:
			rested = true
			select {
			case <-l.wake:
			case <-l.quit:
				return
			}
		}
		wrote, stopped := l.once()
		if stopped {
			return
		}
		if !wrote {
			continue
		}
		interval, wake := l.after(l.interval), l.wake
		if !rested {
			wake = nil // what comes is written once the interval ends
		}
		for waiting := true; waiting; {
			select {
			case <-interval:
				waiting = false
			case <-l.quit:
				return
			case <-wake:
				wrote, stopped := l.once()
				if stopped {
					return
				}
				if wrote {
					wake = nil // the one frame after a rest
				}
			}
		}
	}
}

// once writes what there is to write, if anything; stopped reports that
// the loop was stopped.
func (l *loop) once() (wrote, stopped bool) {
	l.mu.Lock()
	if l.stopped {
		l.mu.Unlock()
		return false, true
	}
	paint := l.dirty && l.have
	if l.paused || !paint && len(l.raw) == 0 {
		l.mu.Unlock()
		return false, false
	}
	content, w, h, full, cond := l.content, l.w, l.h, l.full, l.cond
	b := l.raw
	l.raw, l.cond = nil, nil
	post, postRow := "", 0
	if paint {
		l.dirty, l.full = false, false
		post, postRow, l.post = l.post, l.postRow, ""
	}
	l.writing = true
	l.mu.Unlock()

	if paint {
		if cond != nil {
			l.painter.SetCond(cond)
		}
		if full {
			l.painter.Invalidate()
		}
		b = append(b, l.painter.Frame(strings.Split(content, "\n"), w, h)...)
		if post != "" {
			b = append(b, post...)
			b = l.painter.AppendRow(b, postRow)
		}
	}
	if len(b) > 0 {
		if _, err := l.out.Write(b); err != nil {
			l.painter.Invalidate() // part of it may be on screen
		}
	}

	l.mu.Lock()
	l.writing = false
	l.idle.Broadcast()
	l.mu.Unlock()
	return len(b) > 0, false
}
