package screen

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// recorder is a writer that keeps every write, safe for concurrent use.
type recorder struct {
	mu     sync.Mutex
	writes [][]byte
}

func (r *recorder) Write(b []byte) (int, error) {
	r.mu.Lock()
	r.writes = append(r.writes, append([]byte(nil), b...))
	r.mu.Unlock()
	select {
	case written <- struct{}{}:
	default:
	}
	return len(b), nil
}

// written has a token after any recorder was written to.
var written = make(chan struct{}, 1)

// waitFor waits until cond, a test of what recorders hold, is true: it
// checks again after each write, and fails the test if none comes for a
// long while. Tests of whole programs (a pty, Run) wait so; the loop's own
// tests run in a synctest bubble instead.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for !cond() {
		select {
		case <-written:
		case <-time.After(10 * time.Second):
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

func (r *recorder) bytes() []byte {
	r.mu.Lock()
	defer r.mu.Unlock()
	return bytes.Join(r.writes, nil)
}

func (r *recorder) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.writes)
}

// shows reports whether the bytes written so far, fed to a model terminal,
// leave it showing content.
func shows(out []byte, content string, w, h int) error {
	term := newVT(w, h, narrow)
	if err := term.feed(out); err != nil {
		return err
	}
	ref, err := reference(strings.Split(content, "\n"), w, h, narrow)
	if err != nil {
		return err
	}
	if d := term.diff(ref); d != "" {
		return fmt.Errorf("%s", d)
	}
	return nil
}

// clock is the loop's frame interval under the test's control: the loop
// waits on tick after a write, and pass lets the interval end.
type clock struct{ tick chan time.Time }

func (c clock) after(time.Duration) <-chan time.Time { return c.tick }

// pass ends the interval the loop waits out; it blocks until the loop
// waits (synctest reports a deadlock if it never does).
func (c clock) pass() { c.tick <- time.Time{} }

// startLoop runs a loop inside the test's bubble (testing/synctest):
// synctest.Wait returns once the loop has done all it can, so a test sees
// what was written, or that nothing was, without sleeping.
func startLoop() (*loop, *recorder, clock) {
	rec := &recorder{}
	clk := clock{tick: make(chan time.Time)}
	l := newLoop(rec, NewPainter(narrow), time.Millisecond)
	l.after = clk.after
	go l.run()
	return l, rec, clk
}

func TestLoopPaintsLatestFrame(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l, rec, clk := startLoop()
		defer l.stop()
		l.submit("first\n", 12, 2)
		synctest.Wait()
		var last string
		for i := 0; i < 200; i++ {
			last = fmt.Sprintf("row %d\n中文 %d", i, i*7)
			l.submit(last, 12, 2)
		}
		synctest.Wait()
		if n := rec.count(); n != 1 {
			t.Fatalf("%d writes before the frame interval ended", n)
		}
		clk.pass()
		synctest.Wait()
		if n := rec.count(); n != 2 {
			t.Errorf("%d writes for 200 frames submitted in one interval, want 2", n)
		}
		if err := shows(rec.bytes(), last, 12, 2); err != nil {
			t.Errorf("not the last frame: %v", err)
		}
	})
}

func TestLoopIdleWritesNothing(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l, rec, clk := startLoop()
		defer l.stop()
		l.submit("abc\ndef", 5, 2)
		synctest.Wait()
		for i := 0; i < 10; i++ {
			l.submit("abc\ndef", 5, 2)
		}
		clk.pass()
		synctest.Wait()
		if n := rec.count(); n != 1 {
			t.Errorf("%d writes, want 1: %q", n, rec.bytes())
		}
	})
}

func TestLoopPauseResumeInvalidate(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l, rec, clk := startLoop()
		defer l.stop()
		l.submit("one", 5, 1)
		synctest.Wait()
		clk.pass()

		l.pause()
		l.submit("two", 5, 1)
		l.invalidate()
		synctest.Wait()
		if n := rec.count(); n != 1 {
			t.Fatalf("painted while paused: %q", rec.bytes())
		}
		l.resume()
		synctest.Wait()
		if n := rec.count(); n != 2 {
			t.Fatalf("%d writes after resume, want 2", n)
		}
		if got, want := string(rec.writes[1]), wipe+"two"; got != want {
			t.Errorf("after resume wrote %q, want %q", got, want)
		}

		l.invalidate()
		clk.pass()
		synctest.Wait()
		if n := rec.count(); n != 3 {
			t.Fatalf("%d writes after invalidate, want 3", n)
		}
		if got, want := string(rec.writes[2]), wipe+"two"; got != want {
			t.Errorf("after invalidate wrote %q, want %q", got, want)
		}
	})
}

// stop returns although the loop waits out its interval: synctest reports
// a deadlock if it does not.
func TestLoopStop(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l, rec, _ := startLoop()
		l.submit("a", 1, 1)
		synctest.Wait()
		l.stop()
		l.stop()
		l.submit("b", 1, 1)
		l.invalidate()
		synctest.Wait()
		if n := rec.count(); n != 1 {
			t.Errorf("painted after stop: %q", rec.bytes())
		}
	})
}

// TestLoopConcurrentUse submits, invalidates and pauses from several
// goroutines at once; run with -race. The frame interval ends at once.
func TestLoopConcurrentUse(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l, rec, _ := startLoop()
		l.after = func(time.Duration) <-chan time.Time {
			c := make(chan time.Time, 1)
			c <- time.Time{}
			return c
		}
		var wg sync.WaitGroup
		for g := 0; g < 4; g++ {
			wg.Go(func() {
				for i := 0; i < 100; i++ {
					switch i % 10 {
					case 3:
						l.invalidate()
					case 7:
						l.pause()
						l.resume()
					default:
						l.submit(fmt.Sprintf("%d %d\nx", g, i), 8, 2+i%2)
					}
				}
			})
		}
		wg.Wait()
		l.submit("end\nend", 8, 2)
		synctest.Wait()
		if err := shows(lastFullRepaint(rec.bytes()), "end\nend", 8, 2); err != nil {
			t.Error(err)
		}
		l.stop()
	})
}

// lastFullRepaint is the output from the last wipe of the screen on.
func lastFullRepaint(b []byte) []byte {
	if i := bytes.LastIndex(b, []byte(wipe)); i >= 0 {
		return b[i:]
	}
	return b
}

func TestLoopWholeNext(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l, rec, clk := startLoop()
		defer l.stop()
		l.submit("abc", 5, 1)
		synctest.Wait()
		clk.pass()
		l.wholeNext()
		synctest.Wait()
		if n := rec.count(); n != 1 {
			t.Fatalf("wholeNext alone painted: %q", rec.bytes())
		}
		l.submit("abc", 5, 1) // the same frame, as after a resize back and forth
		synctest.Wait()
		if got, want := string(rec.bytes()), wipe+"abc"+wipe+"abc"; got != want {
			t.Errorf("wrote %q, want %q", got, want)
		}
	})
}

// A key's answer is often two frames close together (the selection
// moves, the article it asked for comes): after a rest, the second is
// written at once, not an interval later; a third waits for the interval.
func TestLoopWritesTheFrameAfterARestAtOnce(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l, rec, clk := startLoop()
		defer l.stop()
		synctest.Wait() // the loop rests
		l.submit("one", 5, 1)
		synctest.Wait()
		l.submit("two", 5, 1)
		synctest.Wait()
		if n := rec.count(); n != 2 {
			t.Fatalf("%d writes, want the second frame at once: %q", n, rec.bytes())
		}
		l.submit("three", 5, 1)
		synctest.Wait()
		if n := rec.count(); n != 2 {
			t.Fatalf("%d writes, want the third frame held for the interval: %q", n, rec.bytes())
		}
		clk.pass()
		synctest.Wait()
		if n := rec.count(); n != 3 {
			t.Fatalf("%d writes after the interval, want 3", n)
		}
		if err := shows(rec.bytes(), "three", 5, 1); err != nil {
			t.Error(err)
		}
		// frames that keep coming are written once an interval
		l.submit("four", 5, 1)
		synctest.Wait()
		if n := rec.count(); n != 3 {
			t.Fatalf("%d writes, want the frame that came without a rest held", n)
		}
		clk.pass()
		synctest.Wait()
		if n := rec.count(); n != 4 {
			t.Fatalf("%d writes, want 4", n)
		}
	})
}
