//go:build unix

// File names holding ESC, BEL, newlines or bytes that are not UTF-8 exist
// only on Unix file systems: the hostile collection cannot be built elsewhere.

package tui

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"syscall"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"newsbrowse/loader"

	"newsbrowse/loader/termcheck"
)

const (
	hostileDir    = "../testdata/hostile"
	hostileCount  = 16 // articles of the fixture
	safeBinary    = "201二进制文件.txt"
	safeControls  = "202控制字符太多.txt"
	safeIOError   = "209读取出错.txt"
	safeHuge      = "210超大文件.txt"
	hugeSentence  = "城市快速路改造工程进展顺利，预计年底全线通车，沿线居民出行将更加方便。"
	hostilePaste  = "\x1b]52;c;aGk=\x07\x1b[2J\u009b31m\u009d0;x\u009c\x08\x7f标题"
	hugeSizeBytes = 20 << 20
)

// terminalHazard describes the first thing in a screen a terminal could act
// on ("" when none). A row holds no tab: where a tab stops depends on the
// terminal, so the row would not be as wide as measured.
func terminalHazard(s string) string { return termcheck.Hazard(s, "\n") }

// sgr is the one escape sequence the styles emit: Select Graphic Rendition.
var sgr = regexp.MustCompile(`\x1b\[[0-9;:]*m`)

// checkScreen asserts that the view on screen holds nothing a terminal
// could act on but the SGR sequences of the styles, both as sent and with
// the styles stripped, and that it fills the terminal exactly: every row as
// wide as the terminal (a newline or tab from a name would break that).
func checkScreen(t *testing.T, d *driver, where string) {
	t.Helper()
	raw := d.m.View().Content
	if h := terminalHazard(sgr.ReplaceAllString(raw, "")); h != "" {
		t.Fatalf("%s: raw view: %s", where, h)
	}
	plain := ansi.Strip(raw)
	if h := terminalHazard(plain); h != "" {
		t.Fatalf("%s: stripped view: %s", where, h)
	}
	m := d.model()
	rows := strings.Split(plain, "\n")
	wantRows := m.height
	if m.width < minWidth || m.height < minHeight {
		wantRows = 1
	}
	if len(rows) != wantRows {
		t.Fatalf("%s: %d rows on a %dx%d screen:\n%s", where, len(rows), m.width, m.height, plain)
	}
	for i, r := range rows {
		if w := m.cfg.Cond.StringWidth(r); w != max(1, m.width) {
			t.Fatalf("%s: row %d is %d wide on a %dx%d screen: %q", where, i, w, m.width, m.height, r)
		}
	}
}

// hostileCollection copies the hostile fixture to a new folder and adds
// the files that cannot be committed: binary content, link loops, a
// dangling link, a FIFO, a file whose read fails, a sparse file of a
// gigabyte and, when huge, a file of tens of megabytes on one line. It
// returns the folder and the number of articles Scan lists in it.
func hostileCollection(t *testing.T, huge bool) (string, int) {
	t.Helper()
	dir := t.TempDir()
	n := hostileCount
	err := filepath.WalkDir(hostileDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(hostileDir, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dir, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, b []byte) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
		n++
	}
	link := func(target, name string) {
		t.Helper()
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	write(safeBinary, append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), make([]byte, 512)...))
	write(safeControls, []byte(strings.Repeat("\x1b[31m\x07\x08\x01\x02文字", 300)))
	link("204链接环乙.txt", "203链接环甲.txt")
	link("203链接环甲.txt", "204链接环乙.txt")
	link("不存在的文件.txt", "206悬空链接.txt")
	link(".", "环形目录")
	if err := syscall.Mkfifo(filepath.Join(dir, "207命名管道.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS == "linux" {
		if _, err := os.ReadFile("/proc/self/mem"); err != nil {
			// a regular file whose read fails, even for root
			link("/proc/self/mem", safeIOError)
			n++
		}
	}
	// gigabytes that take no room on disk
	write("211稀疏的巨大文件.txt", []byte("<p>开头</p>"))
	if err := os.Truncate(filepath.Join(dir, "211稀疏的巨大文件.txt"), 1<<30); err != nil {
		t.Fatal(err)
	}
	if huge {
		b := make([]byte, 0, hugeSizeBytes+4096)
		b = append(b, safeHuge+"\n<div>"...)
		for i := 0; len(b) < hugeSizeBytes; i++ {
			if i%1000 == 0 {
				b = append(b, "\x1b]52;c;aGk=\x07\u009b2J\u202e标记"...)
			}
			b = append(b, hugeSentence...)
		}
		write(safeHuge, append(b, "</div>"...))
	}
	return dir, n
}

func hostileConfig(t *testing.T, dir string, color bool) Config {
	cfg := testConfig(t)
	cfg.Path = loader.SanitizeLine(dir)
	cfg.RootDir = dir
	cfg.FS = loader.DirFS(dir)
	cfg.NoColor = !color
	return cfg
}

// Every view of every article of the hostile collection, in colour and
// without, with and without the preview pane.
func TestEveryViewShowsOnlyPrintableText(t *testing.T) {
	dir, n := hostileCollection(t, false)
	for _, color := range []bool{false, true} {
		for _, size := range [][2]int{{80, 24}, {120, 30}, {40, 12}} {
			where := fmt.Sprintf("color=%v %dx%d", color, size[0], size[1])
			d := newDriver(t, hostileConfig(t, dir, color), size[0], size[1])
			if got := len(d.model().lib.Entries()); got != n {
				t.Fatalf("%s: %d articles listed, want %d", where, got, n)
			}
			checkScreen(t, d, where+" library")
			d.keys("?")
			checkScreen(t, d, where+" library help")
			d.keys("esc")
			for i := range n {
				d.keys("g")
				for range i {
					d.keys("j")
				}
				sel, _ := d.model().lib.Selected()
				at := fmt.Sprintf("%s %q", where, sel.RelPath)
				checkScreen(t, d, at+" library row (preview)")
				d.keys("enter")
				checkScreen(t, d, at+" after enter")
				if d.model().state != stateReader {
					if d.model().status == "" {
						t.Errorf("%s: not opened, and no error shown", at)
					}
					continue
				}
				checkScreen(t, d, at+" reader")
				d.keys("G")
				checkScreen(t, d, at+" reader bottom")
				d.keys("/")
				d.typeText("标题")
				checkScreen(t, d, at+" search prompt")
				d.send(tea.PasteMsg{Content: "]0;"})
				checkScreen(t, d, at+" search prompt after paste")
				d.keys("enter", "n")
				checkScreen(t, d, at+" search status")
				d.keys("r")
				checkScreen(t, d, at+" source")
				d.keys("g")
				checkScreen(t, d, at+" source top")
				d.keys("r", "?")
				checkScreen(t, d, at+" reader help")
				d.keys("esc", "q")
			}
			d.keys("F")
			d.typeText("标题")
			checkScreen(t, d, where+" search all prompt")
			d.keys("enter")
			checkScreen(t, d, where+" results")
			if !strings.Contains(d.screen(), "could not be read") {
				t.Errorf("%s: the binary and unreadable files are not counted:\n%s", where, d.screen())
			}
			d.keys("?")
			checkScreen(t, d, where+" results help")
			d.keys("esc", "enter")
			checkScreen(t, d, where+" result opened")
			d.keys("q", "q")
			d.keys("/")
			d.typeText("]0;")
			checkScreen(t, d, where+" library filter")
			d.keys("enter")
			checkScreen(t, d, where+" library filtered")
		}
	}
}

// Text the user pastes or types into a prompt is shown as safely as text
// from files.
func TestPastedControlsStayOffTheScreen(t *testing.T) {
	dir, _ := hostileCollection(t, false)
	d := newDriver(t, hostileConfig(t, dir, true), 100, 24)
	d.keys("/")
	d.send(tea.PasteMsg{Content: hostilePaste})
	checkScreen(t, d, "library filter prompt")
	d.keys("enter")
	checkScreen(t, d, "library header with the filter")
	d.keys("esc", "F")
	d.send(tea.PasteMsg{Content: hostilePaste})
	checkScreen(t, d, "search all prompt")
	d.keys("enter")
	checkScreen(t, d, "results of a pasted query")
	d.keys("q", "g", "enter", "/")
	d.send(tea.PasteMsg{Content: hostilePaste})
	checkScreen(t, d, "reader prompt")
	d.keys("enter")
	checkScreen(t, d, "reader status with the query")
	d.keys("/")
	d.send(tea.PasteMsg{Content: "\u202e\u2066标题\u2069\u200f"})
	checkScreen(t, d, "reader prompt with bidi controls")
}

// Marking, unmarking and opening an article show its path in the status
// line, and in the reader the next article's path while it loads: the path
// as on disk holds whatever the name holds.
func TestStatusLineShowsHostileNamesSafely(t *testing.T) {
	dir, n := hostileCollection(t, false)
	for i := range n {
		// 80 columns: no preview, so opening goes through a loading frame
		d := newDriver(t, hostileConfig(t, dir, true), 80, 24)
		for range i {
			d.keys("j")
		}
		sel, _ := d.model().lib.Selected()
		d.keys("m")
		checkScreen(t, d, fmt.Sprintf("%q marked", sel.RelPath))
		d.keys("m")
		checkScreen(t, d, fmt.Sprintf("%q unmarked", sel.RelPath))
		d.keys("k")
		step := func(key, what string) {
			t.Helper()
			cmd := d.tt.Update(press(key))
			checkScreen(t, d, fmt.Sprintf("%q %s", sel.RelPath, what))
			d.run(cmd)
			checkScreen(t, d, fmt.Sprintf("%q %s, done", sel.RelPath, what))
		}
		if i == 0 {
			step("enter", "loading from the list")
			continue
		}
		step("enter", "opened from the list")
		if d.model().state == stateReader {
			// the next article loads while the reader shows its path
			step("]", "loading from the reader")
		}
	}
}
