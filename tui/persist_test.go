package tui

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"newsbrowse/loader/marks"
	"newsbrowse/tui/screen"
	"newsbrowse/tui/teatest"
)

// heldDriver is a driver whose messages that hold accepts wait until
// released: a disk as slow as the test wants, and a clock (the timers of
// testConfig fire at once) that runs when the test says, without sleeping.
type heldDriver struct {
	*driver
	held []tea.Msg
}

func newHeldDriver(t *testing.T, cfg Config, w, h int, hold func(tea.Msg) bool) *heldDriver {
	t.Helper()
	hd := &heldDriver{driver: &driver{t: t, m: New(cfg)}}
	d := hd.driver
	d.tt = teatest.New(func(msg tea.Msg) tea.Cmd {
		if hold(msg) {
			hd.held = append(hd.held, msg)
			return nil
		}
		var cmd tea.Cmd
		d.m, cmd = d.m.Update(msg)
		return cmd
	})
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	d.run(d.m.Init())
	return hd
}

// release delivers the held messages for which pick is true, in order.
func (hd *heldDriver) release(pick func(tea.Msg) bool) {
	msgs := hd.held
	hd.held = nil
	for _, msg := range msgs {
		if !pick(msg) {
			hd.held = append(hd.held, msg)
			continue
		}
		var cmd tea.Cmd
		hd.m, cmd = hd.m.Update(msg)
		hd.run(cmd)
	}
}

func isSaved(msg tea.Msg) bool   { _, ok := msg.(savedMsg); return ok }
func isLoaded(msg tea.Msg) bool  { _, ok := msg.(stateLoadedMsg); return ok }
func isTimeout(msg tea.Msg) bool { _, ok := msg.(quitTimeoutMsg); return ok }

func storedMarks(t *testing.T, cfg Config) map[string]bool {
	t.Helper()
	s, err := marks.Open(cfg.StateDir, cfg.AbsPath)
	if err != nil {
		t.Fatal(err)
	}
	set, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func tempFiles(t *testing.T, dir string) []string {
	t.Helper()
	names, _ := filepath.Glob(filepath.Join(dir, "*.tmp-*"))
	return names
}

// m then q typed together: quit waits for the mark to be written.
func TestQuitWaitsForTheSave(t *testing.T) {
	cfg := testConfig(t)
	d := newHeldDriver(t, cfg, 80, 24, func(msg tea.Msg) bool { return isSaved(msg) || isTimeout(msg) })
	d.keys("j", "m", "q")
	if d.tt.Quit {
		t.Fatal("quit while the mark was being saved")
	}
	if s := lastLine(d.screen()); !strings.Contains(s, "saving") {
		t.Errorf("status line while waiting: %q", s)
	}
	d.keys("j", "m") // keys typed while waiting change nothing
	d.release(isSaved)
	if !d.tt.Quit {
		t.Fatal("the save ended and the program did not quit")
	}
	if got := storedMarks(t, cfg); !got["2024年度报告/5科技馆新展厅对公众开放.txt"] || len(got) != 1 {
		t.Errorf("stored marks %v", got)
	}
	if left := tempFiles(t, cfg.StateDir); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// Ended from outside (a signal, the SSH session closed) right after m:
// the program quits as with q, once the mark is written, and a second
// notice does not cut the wait short.
func TestEndingWaitsForTheSave(t *testing.T) {
	cfg := testConfig(t)
	d := newHeldDriver(t, cfg, 80, 24, func(msg tea.Msg) bool { return isSaved(msg) || isTimeout(msg) })
	d.keys("j", "m")
	d.send(screen.EndingMsg{Reason: "ended by terminated"})
	d.send(screen.EndingMsg{Reason: "ended by terminated"})
	if d.tt.Quit {
		t.Fatal("quit while the mark was being saved")
	}
	d.release(isSaved)
	if !d.tt.Quit {
		t.Fatal("the save ended and the program did not quit")
	}
	if got := storedMarks(t, cfg); !got["2024年度报告/5科技馆新展厅对公众开放.txt"] || len(got) != 1 {
		t.Errorf("stored marks %v", got)
	}
}

// A save that does not end within the bound: quit anyway, and say so once
// the terminal is given back.
func TestQuitGivesUpAfterTheBound(t *testing.T) {
	cfg := testConfig(t)
	var said []string
	cfg.Report = func(s string) { said = append(said, s) }
	d := newHeldDriver(t, cfg, 80, 24, func(msg tea.Msg) bool { return isSaved(msg) || isTimeout(msg) })
	d.keys("m", "ctrl+c")
	if d.tt.Quit {
		t.Fatal("quit at once")
	}
	d.release(isTimeout)
	if !d.tt.Quit || len(said) != 1 || !strings.Contains(said[0], "may not be saved") {
		t.Fatalf("after the bound: quit=%v, said %q", d.tt.Quit, said)
	}
}

// m pressed while the stored marks are loading waits for them: the mark is
// added to them, never saved alone in their place.
func TestMarkWaitsForTheLoad(t *testing.T) {
	cfg := testConfig(t)
	s, _ := marks.Open(cfg.StateDir, cfg.AbsPath)
	if _, err := s.Apply(marks.Op{Rel: "0空白文章.txt", On: true}, marks.Op{Rel: "2024年度报告/5科技馆新展厅对公众开放.txt", On: true}); err != nil {
		t.Fatal(err)
	}
	d := newHeldDriver(t, cfg, 80, 24, func(msg tea.Msg) bool { return isLoaded(msg) || isTimeout(msg) })
	d.keys("j", "j", "m")
	if got := storedMarks(t, cfg); len(got) != 2 {
		t.Fatalf("a mark was saved before the stored ones were in: %v", got)
	}
	d.keys("q")
	if d.tt.Quit {
		t.Fatal("quit before the pending mark was saved")
	}
	d.release(isLoaded)
	want := map[string]bool{"0空白文章.txt": true, "2024年度报告/5科技馆新展厅对公众开放.txt": true, "7 高铁新线开通，沿线旅游升温.txt": true}
	if got := storedMarks(t, cfg); !reflect.DeepEqual(got, want) {
		t.Errorf("stored %v, want %v", got, want)
	}
	if got := d.model().marks; !reflect.DeepEqual(got, want) {
		t.Errorf("shown %v, want %v", got, want)
	}
	if !d.tt.Quit {
		t.Error("did not quit once saved")
	}
}

// A marks file that cannot be parsed is kept aside, the status line says
// where, and new marks start beside it.
func TestUnreadableMarksAreKept(t *testing.T) {
	cfg := testConfig(t)
	s, _ := marks.Open(cfg.StateDir, cfg.AbsPath)
	broken := `{"collection": "/collections/sample", "marks": ["0空白文章.txt",`
	os.WriteFile(s.Path(), []byte(broken), 0o600)
	d := newDriver(t, cfg, 120, 24)
	status := lastLine(d.screen())
	asides, _ := filepath.Glob(s.Path() + ".unreadable-*")
	if len(asides) != 1 || !strings.Contains(status, "kept as") || !strings.Contains(status, filepath.Base(asides[0])) {
		t.Fatalf("aside %v, status %q", asides, status)
	}
	d.keys("j", "m")
	if kept, _ := os.ReadFile(asides[0]); string(kept) != broken {
		t.Errorf("the unreadable file now holds %q", kept)
	}
	if got := storedMarks(t, cfg); len(got) != 1 || !got["2024年度报告/5科技馆新展厅对公众开放.txt"] {
		t.Errorf("new marks %v", got)
	}
}

// Two instances on one collection: A marks rows 1 and 5, B row 3 between
// them; all three are kept, and each sees the other's after saving.
func TestTwoInstancesKeepEachOthersMarks(t *testing.T) {
	cfg := testConfig(t)
	a := newDriver(t, cfg, 80, 24)
	b := newDriver(t, cfg, 80, 24)
	a.keys("j", "m")
	b.keys("j", "j", "j", "m")
	a.keys("j", "j", "j", "j", "m")
	if got := storedMarks(t, cfg); len(got) != 3 {
		t.Fatalf("stored %v, want three marks", got)
	}
	if got := a.model().marks; len(got) != 3 {
		t.Errorf("A shows %v after its save, want all three", got)
	}
	c := newDriver(t, cfg, 80, 24)
	if got := c.model().marks; len(got) != 3 {
		t.Errorf("a new instance shows %v", got)
	}
}

// Without a state directory a mark says it cannot be kept, and why.
func TestMarksWithoutStateDirSayWhy(t *testing.T) {
	cfg := testConfig(t)
	cfg.StateDir = ""
	cfg.StateErr = "no state directory: neither XDG_STATE_HOME nor HOME is set"
	d := newDriver(t, cfg, 200, 24)
	d.keys("m")
	if s := lastLine(d.screen()); !strings.Contains(s, "cannot be kept") || !strings.Contains(s, "neither XDG_STATE_HOME nor HOME") {
		t.Fatalf("status %q", s)
	}
	d.keys("q")
	if !d.tt.Quit {
		t.Fatal("q did not quit")
	}
}
