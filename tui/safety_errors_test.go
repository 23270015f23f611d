//go:build unix

// File names holding ESC, BEL, newlines or bytes that are not UTF-8 exist
// only on Unix file systems: the hostile collection cannot be built elsewhere.

package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"newsbrowse/loader"
	"newsbrowse/styles"
	"newsbrowse/tui/reader"
)

// selectRel moves the cursor to the entry rel.
func selectRel(t *testing.T, d *driver, rel string) {
	t.Helper()
	d.keys("g")
	for range d.model().lib.Len() {
		if e, _ := d.model().lib.Selected(); e.RelPath == rel {
			return
		}
		d.keys("j")
	}
	t.Fatalf("%q is not in the list", rel)
}

// withTimeout fails the test when f does not return in time.
func withTimeout(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatalf("%s did not return", what)
	}
}

func TestBinaryFileOpensAsAMessage(t *testing.T) {
	dir, _ := hostileCollection(t, false)
	for _, rel := range []string{safeBinary, safeControls} {
		d := newDriver(t, hostileConfig(t, dir, true), 120, 30)
		selectRel(t, d, rel)
		if s := d.screen(); !strings.Contains(s, "binary file, not shown") {
			t.Errorf("%s: the preview does not say binary:\n%s", rel, s)
		}
		d.keys("enter")
		checkScreen(t, d, rel)
		if st := d.model().state; st != stateLibrary || !strings.Contains(lastLine(d.screen()), "binary file, not shown") {
			t.Errorf("%s: state %v, status %q", rel, st, lastLine(d.screen()))
		}
		d.keys("g", "enter")
		if d.model().state != stateReader {
			t.Errorf("after %s the list is not usable: %q", rel, lastLine(d.screen()))
		}
	}
}

// An entry that vanishes, or turns into something else, between the scan
// and the opening gives an error line; the list stays usable.
func TestEntryChangedAfterTheScan(t *testing.T) {
	cases := []struct {
		name   string
		change func(path string) error
		says   string
	}{
		{"deleted", os.Remove, "no such file"},
		{"replaced by a FIFO", func(p string) error {
			if err := os.Remove(p); err != nil {
				return err
			}
			return syscall.Mkfifo(p, 0o644)
		}, "not a regular file"},
		{"replaced by a folder", func(p string) error {
			if err := os.Remove(p); err != nil {
				return err
			}
			return os.Mkdir(p, 0o755)
		}, "not a regular file"},
		{"replaced by a link loop", func(p string) error {
			if err := os.Remove(p); err != nil {
				return err
			}
			return os.Symlink(filepath.Base(p), p)
		}, "too many levels of symbolic links"},
		{"folder deleted", func(p string) error { return os.RemoveAll(filepath.Dir(p)) }, "no such file"},
	}
	for _, c := range cases {
		for _, width := range []int{80, 120} {
			dir, _ := hostileCollection(t, false)
			rel := "105双重编码的字符引用.txt"
			if c.name == "folder deleted" {
				rel = "子目录\x1b]52;c;aGk=\x07/111子目录中的文章.txt"
			}
			d := newDriver(t, hostileConfig(t, dir, true), width, 24)
			if err := c.change(filepath.Join(dir, filepath.FromSlash(rel))); err != nil {
				t.Fatal(err)
			}
			where := fmt.Sprintf("%s, width %d", c.name, width)
			withTimeout(t, where, func() {
				selectRel(t, d, rel)
				d.keys("enter")
			})
			checkScreen(t, d, where)
			if st := d.model().state; st != stateLibrary || !strings.Contains(lastLine(d.screen()), c.says) {
				t.Errorf("%s: state %v, status %q, want %q", where, st, lastLine(d.screen()), c.says)
			}
			if width >= 100 && !strings.Contains(d.screen(), c.says) {
				t.Errorf("%s: the preview does not show the error:\n%s", where, d.screen())
			}
			d.keys("g", "enter")
			if d.model().state != stateReader {
				t.Errorf("%s: the list is not usable after the error: %q", where, lastLine(d.screen()))
			}
		}
	}
}

func TestUnreadableFileGivesAnErrorLine(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("needs /proc/self/mem")
	}
	dir, _ := hostileCollection(t, false)
	if _, err := os.Lstat(filepath.Join(dir, safeIOError)); err != nil {
		t.Skip("/proc/self/mem is readable here")
	}
	d := newDriver(t, hostileConfig(t, dir, true), 120, 30)
	selectRel(t, d, safeIOError)
	d.keys("enter")
	checkScreen(t, d, "unreadable")
	if st := d.model().state; st != stateLibrary || !strings.Contains(lastLine(d.screen()), "a file of the kernel") {
		t.Errorf("state %v, status %q", st, lastLine(d.screen()))
	}
	d.keys("g", "enter")
	if d.model().state != stateReader {
		t.Errorf("the list is not usable after the error: %q", lastLine(d.screen()))
	}
}

// Terminals down to 1×1 and bursts of resizes: no panic, the screen is
// filled exactly, in every view.
func TestTinyAndResizedTerminals(t *testing.T) {
	dir, _ := hostileCollection(t, false)
	d := newDriver(t, hostileConfig(t, dir, true), 80, 24)
	views := []struct {
		name string
		keys []string
	}{
		{"library", nil},
		{"reader", []string{"g", "enter"}},
		{"source", []string{"g", "enter", "r"}},
		{"prompt", []string{"g", "enter", "/", "标"}},
		{"help", []string{"?"}},
		{"results", []string{"F", "标", "题", "enter"}},
	}
	sizes := [][2]int{{1, 1}, {0, 0}, {1, 40}, {40, 1}, {2, 2}, {3, 3}, {19, 4}, {20, 5}, {21, 5}, {22, 6}, {100, 5}}
	for _, v := range views {
		d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
		d.keys("esc", "esc", "q", "esc")
		d.keys(v.keys...)
		for _, size := range sizes {
			d.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			checkScreen(t, d, fmt.Sprintf("%s at %v", v.name, size))
		}
		// a burst: every size from 1×1 up and back, no frame in between
		for w := 1; w <= 30; w++ {
			d.send(tea.WindowSizeMsg{Width: w, Height: 1 + w%7})
		}
		for w := 30; w >= 1; w-- {
			d.send(tea.WindowSizeMsg{Width: w * 4, Height: w})
		}
		checkScreen(t, d, v.name+" after a burst")
		d.keys("j", "G", "k")
		checkScreen(t, d, v.name+" keys after a burst")
	}
}

// The reader laid out narrower than one wide character: every layout
// terminates and every row is as wide as the reader, but for a wide
// character that cannot fit a one-column reader.
func TestReaderNarrowerThanAWideCharacter(t *testing.T) {
	dir, _ := hostileCollection(t, false)
	cfg := hostileConfig(t, dir, false)
	entries, err := loader.Scan(cfg.FS)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		a, err := loader.Load(cfg.FS, e)
		if err != nil {
			continue
		}
		for w := 1; w <= 3; w++ {
			r := reader.New(styles.Mono(), cfg.Cond, 80)
			r.SetSize(w, 3)
			withTimeout(t, fmt.Sprintf("%q at width %d", e.RelPath, w), func() {
				r.Open(cfg.FS, a, false, "")
				for range 40 {
					r.Update(press("j"))
					rows := strings.Split(ansi.Strip(r.View()), "\n")
					if len(rows) != 3 {
						t.Fatalf("%q width %d: %d rows", e.RelPath, w, len(rows))
					}
					for _, row := range rows {
						if h := terminalHazard(row); h != "" {
							t.Fatalf("%q width %d: %s", e.RelPath, w, h)
						}
						if rw := cfg.Cond.StringWidth(row); rw != w && !(w == 1 && rw == 2) {
							t.Fatalf("%q width %d: row %q is %d wide", e.RelPath, w, row, rw)
						}
					}
				}
			})
		}
	}
}
