//go:build unix

// File names holding ESC, BEL, newlines or bytes that are not UTF-8 exist
// only on Unix file systems: the hostile collection cannot be built elsewhere.

package main

import (
	"crypto/sha256"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/mattn/go-runewidth"

	"newsbrowse/loader"
	"newsbrowse/tui"
	"newsbrowse/tui/teatest"
)

// entryState is what is recorded of one path of the collection: anything
// the program could change by writing, renaming, touching or chmod.
type entryState struct {
	mode    fs.FileMode
	size    int64
	mtime   time.Time
	content [32]byte // regular files: SHA-256
	target  string   // symbolic links
	names   string   // folders: the sorted names inside
	readErr string   // a regular file that cannot be read
}

// snapshotMax is the largest file whose content snapshot compares; of the
// sparse gigabyte, size and time stamp are compared.
const snapshotMax = 64 << 20

// snapshot records every path under root without following links and
// without opening anything but regular files and folders.
func snapshot(t *testing.T, root string) map[string]entryState {
	t.Helper()
	state := map[string]entryState{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, err := os.Lstat(p)
		if err != nil {
			return err
		}
		s := entryState{mode: fi.Mode(), size: fi.Size(), mtime: fi.ModTime()}
		switch {
		case fi.Mode()&fs.ModeSymlink != 0:
			s.target, err = os.Readlink(p)
		case fi.IsDir():
			var list []os.DirEntry
			list, err = os.ReadDir(p)
			for _, e := range list {
				s.names += e.Name() + "\x00"
			}
		case fi.Mode().IsRegular() && fi.Size() <= snapshotMax:
			b, rerr := os.ReadFile(p)
			if rerr != nil {
				s.readErr = rerr.Error()
			}
			s.content = sha256.Sum256(b)
		}
		state[p] = s
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return state
}

// clockPast returns once a file written now gets a later time stamp than
// every one in state, so that a write to the collection shows in the next
// snapshot even when it leaves the same bytes. (File systems stamp with a
// coarse clock: a file made just before the snapshot may share its tick.)
func clockPast(t *testing.T, state map[string]entryState) {
	t.Helper()
	var newest time.Time
	for _, s := range state {
		if s.mtime.After(newest) {
			newest = s.mtime
		}
	}
	probe := filepath.Join(t.TempDir(), "clock")
	for {
		if err := os.WriteFile(probe, nil, 0o600); err != nil {
			t.Fatal(err)
		}
		fi, err := os.Stat(probe)
		if err != nil {
			t.Fatal(err)
		}
		if fi.ModTime().After(newest) {
			return
		}
	}
}

func compareSnapshots(t *testing.T, before, after map[string]entryState) {
	t.Helper()
	for p, b := range before {
		a, ok := after[p]
		switch {
		case !ok:
			t.Errorf("%q disappeared", p)
		case a != b:
			t.Errorf("%q changed:\nbefore %+v\nafter  %+v", p, b, a)
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			t.Errorf("%q appeared", p)
		}
	}
}

// tuiDriver runs the interactive model synchronously (see teatest),
// feeding every command's message back before the next key.
type tuiDriver struct {
	m  tea.Model
	tt *teatest.Driver
}

func newTUIDriver(m tea.Model) *tuiDriver {
	d := &tuiDriver{m: m}
	d.tt = teatest.ForModel(&d.m)
	return d
}

func (d *tuiDriver) send(msg tea.Msg) { d.tt.Send(msg) }

func (d *tuiDriver) run(cmd tea.Cmd) { d.tt.Run(cmd) }

func (d *tuiDriver) keys(ks ...string) {
	for _, k := range ks {
		switch k {
		case "enter":
			d.send(tea.KeyPressMsg{Code: tea.KeyEnter})
		case "esc":
			d.send(tea.KeyPressMsg{Code: tea.KeyEscape})
		default:
			for _, r := range k {
				d.send(tea.KeyPressMsg{Code: r, Text: string(r)})
			}
		}
	}
}

// browseEverything drives the interactive program over dir through every
// view: the list with previews, each article cleaned and as source, marks,
// the in-text and collection searches, $PAGER and $EDITOR (faked) and help.
func browseEverything(t *testing.T, dir string, articles int) {
	t.Helper()
	var execs int
	cfg := tui.Config{
		Path: loader.SanitizeLine(dir), RootDir: dir, FS: loader.DirFS(dir),
		Cond: &runewidth.Condition{StrictEmojiNeutral: true}, Measure: 80,
		StateDir: t.TempDir(), AbsPath: dir, Workers: 2, Pager: "cat", Editor: "true", Tick: teatest.Tick,
		Exec: func(c *exec.Cmd, done tea.ExecCallback) tea.Cmd {
			execs++
			return func() tea.Msg { return done(nil) }
		},
	}
	d := newTUIDriver(tui.New(cfg))
	d.send(tea.WindowSizeMsg{Width: 120, Height: 30})
	d.run(d.m.Init())
	opened := 0
	for i := range articles {
		d.keys("g", strings.Repeat("j", i), "enter")
		if strings.Contains(d.firstLine(), " articles") {
			continue // not an article: the list stays, with an error
		}
		opened++
		d.keys("r", "G", "r", "/", "标题", "enter", "n", "m", "e", "o", "q")
	}
	d.keys("g", "m", "e", "o", "F", "文章", "enter", "enter", "r", "q", "q", "?", "esc")
	d.send(tea.WindowSizeMsg{Width: 40, Height: 10})
	d.keys("g", "enter", "q")
	if opened < hostileListed-1 || execs < 2*opened {
		t.Errorf("%d articles opened, pager and editor asked %d times", opened, execs)
	}
	if !strings.Contains(d.firstLine(), " articles") { // the library's header
		t.Errorf("the drive did not end in the library:\n%s", d.m.View().Content)
	}
}

func (d *tuiDriver) firstLine() string {
	s, _, _ := strings.Cut(d.m.View().Content, "\n")
	return s
}

func TestCollectionIsNeverModified(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	gen := makeCollection(t, cliHugeSize)
	for _, root := range []struct {
		dir      string
		articles int
	}{{hostile, hostileListed}, {gen.dir, gen.listed}} {
		before := snapshot(t, root.dir)
		clockPast(t, before)
		runCLI(t, "--list", root.dir)
		runCLI(t, "--list", "--marked", root.dir)
		for _, q := range []string{"标题", "\x1b", "通车"} {
			runCLI(t, "--grep", q, root.dir)
		}
		for _, f := range articleFiles(t, root.dir) {
			if filepath.Base(f) != genFIFO {
				runCLI(t, "--print", f, "--width", "30")
			}
		}
		runWithin(t, 20*time.Second, "--print", filepath.Join(root.dir, genFIFO))
		browseEverything(t, root.dir, root.articles)
		compareSnapshots(t, before, snapshot(t, root.dir))
	}
}
