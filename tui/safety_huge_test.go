//go:build unix

// File names holding ESC, BEL, newlines or bytes that are not UTF-8 exist
// only on Unix file systems: the hostile collection cannot be built elsewhere.

package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// A file of tens of megabytes on one line: the key that opens it returns
// with a loading line, the file is read, laid out and searched by commands
// (never inside Update, on the UI goroutine), and a frame is the size of
// the screen, not of the file. How fast is measured by the benchmarks.
func TestHugeFileOpensWithoutFreezing(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a file of tens of megabytes")
	}
	dir, _ := hostileCollection(t, true)
	// 80 columns: no preview pane, which would have read the file already
	d := newDriver(t, hostileConfig(t, dir, true), 80, 30)
	selectRel(t, d, safeHuge)
	t.Run("open", func(t *testing.T) {
		u := &uiClock{t: t, d: d}
		cmd := u.update(press("enter"), "enter")
		if cmd == nil || d.model().state == stateReader {
			t.Fatalf("enter did not hand the read to a command:\n%s", d.screen())
		}
		checkScreen(t, d, "loading")
		u.run(cmd, "open", "loading", "laying out…")
		if d.model().state != stateReader {
			t.Fatalf("not opened: %q", lastLine(d.screen()))
		}
		checkScreen(t, d, "huge article")
		if !strings.Contains(d.screen(), hugeSentence[:30]) {
			t.Fatalf("text not shown:\n%s", d.screen())
		}
	})
	if d.model().state != stateReader {
		return
	}
	t.Run("scroll", func(t *testing.T) {
		steps := []string{"j", "space", "G", "k", "b", "g", "d", "u"}
		for i := range 400 {
			d.keys(steps[i%len(steps)])
			_ = d.m.View()
		}
		if n := len(d.m.View().Content); n > 40*d.model().width*d.model().height {
			t.Errorf("a frame of %d bytes", n)
		}
		d.keys("G")
		checkScreen(t, d, "huge article bottom")
	})
	t.Run("search", func(t *testing.T) {
		u := &uiClock{t: t, d: d}
		for _, k := range []string{"/", "标", "记", "enter", "n", "G"} {
			cmd := u.update(press(k), k)
			if (k == "标" || k == "记") && cmd == nil {
				t.Errorf("typing %q searched the whole article inside Update", k)
			}
			u.run(cmd, k)
		}
		checkScreen(t, d, "huge article searched")
		if !strings.Contains(lastLine(d.screen()), "/标记 ") {
			t.Errorf("search status: %q", lastLine(d.screen()))
		}
		d.keys("esc")
	})
	t.Run("source", func(t *testing.T) {
		u := &uiClock{t: t, d: d}
		u.run(u.update(press("r"), "r"), "source", "loading source…", "laying out…")
		checkScreen(t, d, "huge source")
		d.keys("G")
		checkScreen(t, d, "huge source bottom")
	})
}

// uiClock runs a model the way the program does, one step at a time, so
// a test can look at the screen while a command is still working.
type uiClock struct {
	t *testing.T
	d *driver
}

func (u *uiClock) update(msg tea.Msg, what string) tea.Cmd {
	m, cmd := u.d.m.Update(msg)
	u.d.m = m
	return cmd
}

// run executes cmd off the clock and times the Updates of its messages.
// While a command works, the screen must say waiting[0]; waiting[1:] is
// what it must say while the commands those Updates return work.
func (u *uiClock) run(cmd tea.Cmd, what string, waiting ...string) {
	u.t.Helper()
	if cmd == nil {
		return
	}
	if len(waiting) > 0 {
		if !strings.Contains(u.d.screen(), waiting[0]) {
			u.t.Errorf("%s: while a command works the screen does not say %q:\n%s", what, waiting[0], u.d.screen())
		}
		waiting = waiting[1:]
	}
	for _, msg := range messages(cmd()) {
		if msg == nil {
			continue
		}
		if _, ok := msg.(tea.QuitMsg); ok {
			u.t.Fatalf("%s: quit", what)
		}
		u.run(u.update(msg, what), what, waiting...)
	}
}

// messages turns a message into the messages it stands for.
func messages(msg tea.Msg) []tea.Msg {
	if b, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range b {
			if c != nil {
				out = append(out, messages(c())...)
			}
		}
		return out
	}
	return []tea.Msg{msg}
}
