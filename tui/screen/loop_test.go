package screen

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

// recorder is a writer that keeps every write, safe for concurrent use.
type recorder struct {
	mu     sync.Mutex
	writes [][]byte
}

func (r *recorder) Write(b []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.writes = append(r.writes, append([]byte(nil), b...))
	return len(b), nil
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

// waitFor polls until cond holds, failing the test after a while.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); !cond(); {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(time.Millisecond)
	}
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

func startLoop(interval time.Duration) (*loop, *recorder) {
	rec := &recorder{}
	l := newLoop(rec, NewPainter(narrow), interval)
	go l.run()
	return l, rec
}

func TestLoopPaintsLatestFrame(t *testing.T) {
	l, rec := startLoop(20 * time.Millisecond)
	defer l.stop()
	var last string
	for i := 0; i < 200; i++ {
		last = fmt.Sprintf("row %d\n中文 %d", i, i*7)
		l.submit(last, 12, 2)
	}
	waitFor(t, "the last frame", func() bool { return shows(rec.bytes(), last, 12, 2) == nil })
	if n := rec.count(); n > 50 {
		t.Errorf("%d writes for 200 frames submitted at once", n)
	}
}

func TestLoopIdleWritesNothing(t *testing.T) {
	l, rec := startLoop(time.Millisecond)
	defer l.stop()
	l.submit("abc\ndef", 5, 2)
	waitFor(t, "the first frame", func() bool { return rec.count() == 1 })
	for i := 0; i < 10; i++ {
		l.submit("abc\ndef", 5, 2)
	}
	time.Sleep(30 * time.Millisecond)
	if n := rec.count(); n != 1 {
		t.Errorf("%d writes, want 1: %q", n, rec.bytes())
	}
}

func TestLoopPauseResumeInvalidate(t *testing.T) {
	l, rec := startLoop(time.Millisecond)
	defer l.stop()
	l.submit("one", 5, 1)
	waitFor(t, "the first frame", func() bool { return rec.count() == 1 })

	l.pause()
	l.submit("two", 5, 1)
	l.invalidate()
	time.Sleep(30 * time.Millisecond)
	if n := rec.count(); n != 1 {
		t.Fatalf("painted while paused: %q", rec.bytes())
	}
	l.resume()
	waitFor(t, "the repaint", func() bool { return rec.count() == 2 })
	if got, want := string(rec.writes[1]), wipe+"two"; got != want {
		t.Errorf("after resume wrote %q, want %q", got, want)
	}

	l.invalidate()
	waitFor(t, "the repaint", func() bool { return rec.count() == 3 })
	if got, want := string(rec.writes[2]), wipe+"two"; got != want {
		t.Errorf("after invalidate wrote %q, want %q", got, want)
	}
}

func TestLoopStop(t *testing.T) {
	l, rec := startLoop(time.Hour)
	l.submit("a", 1, 1)
	waitFor(t, "the first frame", func() bool { return rec.count() == 1 })
	done := make(chan struct{})
	go func() {
		l.stop() // returns although the loop waits out a long interval
		l.stop()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("stop did not return")
	}
	l.submit("b", 1, 1)
	l.invalidate()
	if n := rec.count(); n != 1 {
		t.Errorf("painted after stop: %q", rec.bytes())
	}
}

// TestLoopConcurrentUse submits, invalidates and pauses from several
// goroutines at once; run with -race.
func TestLoopConcurrentUse(t *testing.T) {
	l, rec := startLoop(time.Millisecond)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
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
		}()
	}
	wg.Wait()
	l.submit("end\nend", 8, 2)
	waitFor(t, "the last frame", func() bool { return shows(lastFullRepaint(rec.bytes()), "end\nend", 8, 2) == nil })
	l.stop()
}

// lastFullRepaint is the output from the last wipe of the screen on.
func lastFullRepaint(b []byte) []byte {
	if i := bytes.LastIndex(b, []byte(wipe)); i >= 0 {
		return b[i:]
	}
	return b
}

func TestLoopWholeNext(t *testing.T) {
	l, rec := startLoop(time.Millisecond)
	defer l.stop()
	l.submit("abc", 5, 1)
	waitFor(t, "the first frame", func() bool { return rec.count() == 1 })
	l.wholeNext()
	time.Sleep(20 * time.Millisecond)
	if n := rec.count(); n != 1 {
		t.Fatalf("wholeNext alone painted: %q", rec.bytes())
	}
	l.submit("abc", 5, 1) // the same frame, as after a resize back and forth
	waitFor(t, "the repaint", func() bool { return rec.count() == 2 })
	if got, want := string(rec.bytes()), wipe+"abc"+wipe+"abc"; got != want {
		t.Errorf("wrote %q, want %q", got, want)
	}
}
