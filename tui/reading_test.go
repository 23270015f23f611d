package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"newsbrowse/loader/readstate"
)

const yeShi = "000042_夜市经济带动城市消费.txt"

func storedRead(t *testing.T, cfg Config) *readstate.State {
	t.Helper()
	s, err := readstate.Open(cfg.StateDir, cfg.AbsPath)
	if err != nil {
		t.Fatal(err)
	}
	st, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// Open an article, quit, start again: it is read (no N, one unread less),
// it is stored as read, and the selection is back on it.
func TestOpenedArticleIsReadAndResumed(t *testing.T) {
	cfg := testConfig(t)
	d := newDriver(t, cfg, 80, 24)
	if s := d.screen(); !strings.Contains(s, "12 articles, 12 unread") || !strings.Contains(s, "N 000042 夜市") {
		t.Fatalf("before opening:\n%s", s)
	}
	d.keys("j", "j", "j", "enter", "q")
	s := d.screen()
	if !strings.Contains(s, "12 articles, 11 unread") || !strings.Contains(s, ">   000042 夜市") {
		t.Fatalf("after opening:\n%s", s)
	}
	d.keys("g", "q")
	if !d.tt.Quit {
		t.Fatal("q did not quit")
	}
	if !storedRead(t, cfg).IsRead(yeShi) {
		t.Error("the opened article is not stored as read")
	}
	d2 := newDriver(t, cfg, 80, 24)
	if sel, _ := d2.model().lib.Selected(); sel.RelPath != yeShi {
		t.Errorf("selection on %q after a restart, want the article opened last", sel.RelPath)
	}
	if s := d2.screen(); !strings.Contains(s, "11 unread") || !strings.Contains(s, ">   000042 夜市") {
		t.Errorf("after a restart:\n%s", s)
	}
}

// u marks the selection read, and unread again; the count follows.
func TestToggleRead(t *testing.T) {
	cfg := testConfig(t)
	d := newDriver(t, cfg, 80, 24)
	d.keys("j", "u")
	if s := d.screen(); !strings.Contains(s, "11 unread") || !strings.Contains(s, ">        5 科技馆") {
		t.Fatalf("after u:\n%s", s)
	}
	if !storedRead(t, cfg).IsRead("2024年度报告/5科技馆新展厅对公众开放.txt") {
		t.Error("u was not stored")
	}
	d.keys("u")
	if s := d.screen(); !strings.Contains(s, "12 unread") || !strings.Contains(s, "> N      5 科技馆") {
		t.Fatalf("after u u:\n%s", s)
	}
	if storedRead(t, cfg).ReadCount() != 0 {
		t.Error("unread was not stored")
	}
}

// tab goes to the next unread article: in the library it selects it, in
// the reader it opens it; read articles are passed over.
func TestNextUnread(t *testing.T) {
	d := newDriver(t, testConfig(t), 80, 24)
	d.keys("j", "u", "j", "u", "g") // rows 1 and 2 read, back on row 0
	d.keys("tab")
	if sel, _ := d.model().lib.Selected(); sel.Prefix != "000042" {
		t.Fatalf("tab from row 0 selected %q, want 000042", sel.Prefix)
	}
	d.keys("enter", "tab")
	if d.model().state != stateReader || d.model().rdr.Entry().Prefix != "66" {
		t.Fatalf("tab in the reader opened %q", d.model().rdr.Entry().Prefix)
	}
	for i := 0; i < 10; i++ {
		d.keys("tab")
	}
	if s := lastLine(d.screen()); !strings.Contains(s, "no unread articles left") {
		t.Errorf("all read: status %q", s)
	}
}

// Scroll 20 lines, leave, quit; start again and open the article: the same
// rows are on screen.
func TestReaderPositionAcrossRuns(t *testing.T) {
	cfg := testConfig(t)
	d := newDriver(t, cfg, 80, 24)
	openLong(d)
	for i := 0; i < 20; i++ {
		d.keys("j")
	}
	want := body(d.screen())
	d.keys("ctrl+c") // quit from the reader keeps its position too
	if !d.tt.Quit {
		t.Fatal("ctrl+c did not quit")
	}
	d2 := newDriver(t, cfg, 80, 24)
	if sel, _ := d2.model().lib.Selected(); !strings.Contains(sel.Title, longTitle) {
		t.Fatalf("selection on %q after a restart", sel.Title)
	}
	d2.keys("enter")
	if got := body(d2.screen()); got != want {
		t.Fatalf("reopened at\n%s\nwant\n%s", got, want)
	}
	// in the same run too; at another width the same paragraph leads
	d2.keys("j", "j", "q", "enter")
	if got := body(d2.screen()); got == want {
		t.Fatal("moving two lines did not change the screen")
	}
	d2.keys("k", "k", "q")
	d2.send(tea.WindowSizeMsg{Width: 60, Height: 20})
	d2.keys("enter")
	if first := strings.SplitN(d2.screen(), "\n", 2)[0]; !strings.Contains(first, "第5段") {
		t.Fatalf("at width 60 the first row is %q, want paragraph 5", first)
	}
}

// body is the screen without its status line.
func body(s string) string {
	return s[:strings.LastIndexByte(s, '\n')]
}
