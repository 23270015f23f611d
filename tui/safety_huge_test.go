//go:build unix

// File names holding ESC, BEL, newlines or bytes that are not UTF-8 exist
// only on Unix file systems: the hostile collection cannot be built elsewhere.

package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"newsbrowse/tui/teatest"
)

// A file of tens of megabytes on one line: the key that opens it returns
// with a loading line, the file is read, laid out and searched by commands
// (never inside Update, on the UI goroutine; only the paragraphs on screen
// are laid out at once), and a frame is the size of the screen, not of the
// file. How fast is measured by the benchmarks.
func TestHugeFileOpensWithoutFreezing(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a file of tens of megabytes")
	}
	dir, _ := hostileCollection(t, true)
	// 80 columns: no preview pane, which would have read the file already
	d := newDriver(t, hostileConfig(t, dir, true), 80, 30)
	selectRel(t, d, safeHuge)
	t.Run("open", func(t *testing.T) {
		u := &stepper{t: t, d: d}
		cmd := u.d.tt.Update(press("enter"))
		if cmd == nil || d.model().state == stateReader {
			t.Fatalf("enter did not hand the read to a command:\n%s", d.screen())
		}
		checkScreen(t, d, "loading")
		// the first screen is shown while the whole is laid out
		u.run(cmd, "open", "loading", hugeSentence[:30])
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
		u := &stepper{t: t, d: d}
		for _, k := range []string{"/", "标", "记", "enter", "n", "G"} {
			cmd := u.d.tt.Update(press(k))
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
		u := &stepper{t: t, d: d}
		u.run(u.d.tt.Update(press("r")), "source", "loading source…", hugeSentence[:30])
		checkScreen(t, d, "huge source")
		d.keys("G")
		checkScreen(t, d, "huge source bottom")
	})
}

// stepper runs a model the way the program does, one message at a time,
// so a test can look at the screen while a command is still working.
type stepper struct {
	t *testing.T
	d *driver
}

// run executes cmd and hands its messages to the model one by one. While a
// command works, the screen must say waiting[0]; waiting[1:] is what it
// must say while the commands those Updates return work.
func (u *stepper) run(cmd tea.Cmd, what string, waiting ...string) {
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
	for _, msg := range teatest.Messages(cmd) {
		if _, ok := msg.(tea.QuitMsg); ok {
			u.t.Fatalf("%s: quit", what)
		}
		u.run(u.d.tt.Update(msg), what, waiting...)
	}
}
