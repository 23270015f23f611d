package tui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/mattn/go-runewidth"

	"newsbrowse/loader"
)

const longTitle = "城市更新中的老街故事"

// openLong opens the long sample article from the library.
func openLong(d *driver) {
	d.keys("/")
	d.typeText("老街")
	d.keys("enter", "enter")
}

func TestLibraryListsInPrefixOrder(t *testing.T) {
	d := newDriver(t, testConfig(t), 80, 24)
	s := d.screen()
	if !strings.Contains(s, "12 articles") {
		t.Fatalf("header without count:\n%s", s)
	}
	order := []string{"空白文章", "科技馆", "高铁新线", "000042 夜市", "水库", "植树", "电梯", "冰灯", "老街", "1024 社区食堂", "关于本合集"}
	last := -1
	for _, want := range order {
		i := strings.Index(s, want)
		if i < 0 || i < last {
			t.Fatalf("%q missing or out of order:\n%s", want, s)
		}
		last = i
	}
	if !strings.Contains(s, "2024年度报告") {
		t.Errorf("sub-folder column missing:\n%s", s)
	}
}

func TestOpenReadAndGoBack(t *testing.T) {
	d := newDriver(t, testConfig(t), 80, 24)
	d.keys("j", "j", "j", "enter")
	s := d.screen()
	if !strings.Contains(s, "　　入夏以来") || strings.Contains(s, "&nbsp;") || strings.Contains(s, "<p>") {
		t.Fatalf("article not shown clean:\n%s", s)
	}
	if !strings.Contains(s, "000042 夜市经济带动城市消费") {
		t.Errorf("status line without prefix and title:\n%s", s)
	}
	d.keys("q")
	if s := d.screen(); !strings.Contains(s, "12 articles") {
		t.Fatalf("q did not go back to the list:\n%s", s)
	}
	d.keys("l")
	d.keys("esc")
	if d.model().state != stateLibrary {
		t.Fatalf("esc without a search did not go back")
	}
	d.keys("q")
	if !d.tt.Quit {
		t.Fatal("q in the library did not quit")
	}
}

var posRe = regexp.MustCompile(`(\d+)/(\d+) +(\d+)%`)

func position(t *testing.T, s string) (top, total, pct int) {
	t.Helper()
	lines := strings.Split(s, "\n")
	m := posRe.FindStringSubmatch(lines[len(lines)-1])
	if m == nil {
		t.Fatalf("no position in status line %q", lines[len(lines)-1])
	}
	fmt.Sscan(m[1], &top)
	fmt.Sscan(m[2], &total)
	fmt.Sscan(m[3], &pct)
	return
}

func TestReaderScrolling(t *testing.T) {
	d := newDriver(t, testConfig(t), 80, 24)
	openLong(d)
	top, total, _ := position(t, d.screen())
	if top != 1 || total < 100 {
		t.Fatalf("opened at %d of %d", top, total)
	}
	steps := []struct {
		key  string
		want func(int) bool
	}{
		{"j", func(n int) bool { return n == 2 }},
		{"k", func(n int) bool { return n == 1 }},
		{"space", func(n int) bool { return n == 24 }},
		{"b", func(n int) bool { return n == 1 }},
		{"d", func(n int) bool { return n == 12 }},
		{"u", func(n int) bool { return n == 1 }},
		{"G", func(n int) bool { return n == total-22 }},
		{"g", func(n int) bool { return n == 1 }},
		{"pgdown", func(n int) bool { return n == 24 }},
		{"end", func(n int) bool { return n == total-22 }},
	}
	for _, st := range steps {
		d.keys(st.key)
		got, _, _ := position(t, d.screen())
		if !st.want(got) {
			t.Fatalf("after %q the top line is %d (total %d)", st.key, got, total)
		}
	}
	if _, _, pct := position(t, d.screen()); pct != 100 {
		t.Errorf("at the bottom percent is %d", pct)
	}
}

func TestPrevNextArticle(t *testing.T) {
	d := newDriver(t, testConfig(t), 80, 24)
	d.keys("j", "enter", "]")
	if s := lastLine(d.screen()); !strings.Contains(s, "7 高铁新线") {
		t.Fatalf("] did not open the next article: %s", s)
	}
	d.keys("[", "[")
	if s := lastLine(d.screen()); !strings.Contains(s, "空白文章") {
		t.Fatalf("[ [ did not reach the first article: %s", s)
	}
	d.keys("[")
	if s := lastLine(d.screen()); !strings.Contains(s, "no more articles") {
		t.Fatalf("[ at the first article: %s", s)
	}
}

func TestResizeKeepsTheTextOnScreen(t *testing.T) {
	d := newDriver(t, testConfig(t), 80, 24)
	openLong(d)
	d.keys("space", "space", "j", "j")
	before := d.screen()
	first := strings.TrimSpace(strings.Split(before, "\n")[0])
	// a few characters of the top line must still be on screen afterwards
	probe := string([]rune(first)[:min(6, len([]rune(first)))])
	for _, size := range [][2]int{{50, 20}, {120, 40}, {33, 9}, {80, 24}} {
		d.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		if s := d.screen(); !strings.Contains(squash(s), squash(probe)) {
			t.Fatalf("after resize to %v the text %q left the screen:\n%s", size, probe, s)
		}
	}
}

func TestTinyTerminals(t *testing.T) {
	d := newDriver(t, testConfig(t), 80, 24)
	openLong(d)
	for _, size := range [][2]int{{1, 1}, {19, 30}, {80, 4}, {2, 2}, {20, 5}, {0, 0}} {
		d.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		s := d.screen()
		if size[0] < 20 || size[1] < 5 {
			if strings.Contains(s, "\n") || runewidth.StringWidth(s) > max(1, size[0]) ||
				(size[0] >= 18 && s != "terminal too small"+strings.Repeat(" ", size[0]-18)) {
				t.Fatalf("%v: %q", size, s)
			}
		}
		d.keys("j", "G", "/", "x", "enter", "n")
	}
}

func TestHelpScreen(t *testing.T) {
	d := newDriver(t, testConfig(t), 80, 24)
	d.keys("?")
	s := d.screen()
	for _, want := range []string{"Library keys", "filter by number, title or folder", "search all articles"} {
		if !strings.Contains(s, want) {
			t.Fatalf("library help lacks %q:\n%s", want, s)
		}
	}
	d.keys("?")
	openLong(d)
	d.keys("?")
	if s := d.screen(); !strings.Contains(s, "Reader keys") || !strings.Contains(s, "next match") {
		t.Fatalf("reader help:\n%s", s)
	}
	d.keys("esc")
	if d.model().help {
		t.Fatal("esc did not close the help")
	}
}

func TestSourceView(t *testing.T) {
	d := newDriver(t, testConfig(t), 80, 24)
	d.keys("j", "j", "j", "enter", "r")
	s := d.screen()
	if !strings.Contains(lastLine(s), "SOURCE") || !strings.Contains(s, "<p>") {
		t.Fatalf("source view:\n%s", s)
	}
	d.keys("r")
	if s := d.screen(); strings.Contains(lastLine(s), "SOURCE") || strings.Contains(s, "<p>") {
		t.Fatalf("back to the cleaned view:\n%s", s)
	}
}

func TestMarksPersistAcrossRuns(t *testing.T) {
	cfg := testConfig(t)
	d := newDriver(t, cfg, 80, 24)
	d.keys("j", "m", "j", "j", "enter", "m", "q")
	if s := d.screen(); strings.Count(s, "*") != 2 {
		t.Fatalf("two marks expected:\n%s", s)
	}
	d2 := newDriver(t, cfg, 80, 24)
	s := d2.screen()
	if !strings.Contains(s, "*N      5 科技馆") || !strings.Contains(s, "*  000042 夜市") {
		t.Fatalf("marks lost between runs:\n%s", s)
	}
	d2.keys("M")
	if s := d2.screen(); !strings.Contains(s, "2 shown") {
		t.Fatalf("marked only:\n%s", s)
	}
	d2.keys("m", "M")
	d3 := newDriver(t, cfg, 80, 24)
	if s := d3.screen(); strings.Count(s, "*") != 1 {
		t.Fatalf("unmark was not saved:\n%s", s)
	}
}

func TestGoldenScreens(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		name := fmt.Sprintf("%dx%d", size[0], size[1])
		cases := []struct {
			name string
			keys func(d *driver)
		}{
			{"library", func(d *driver) {}},
			{"reader", func(d *driver) { d.keys("j", "j", "j", "j", "j", "j", "j", "enter") }},
			{"search", func(d *driver) {
				d.keys("j", "j", "j", "j", "j", "j", "j", "enter", "/")
				d.typeText("冰灯")
				d.keys("enter", "n")
			}},
			{"help", func(d *driver) { d.keys("?") }},
		}
		for _, c := range cases {
			t.Run(c.name+"_"+name, func(t *testing.T) {
				d := newDriver(t, testConfig(t), size[0], size[1])
				c.keys(d)
				golden.RequireEqual(t, d.screen())
			})
		}
	}
}

// Keys typed ahead (a burst over SSH) must reach the view they were meant
// for: leaving a view happens inside the Update of the key, not later.
func TestNavigationTakesEffectInTheSameUpdate(t *testing.T) {
	d := newDriver(t, testConfig(t), 80, 24)
	d.keys("F")
	d.typeText("市民")
	d.keys("enter")
	m, _ := d.m.Update(press("q"))
	if m.(Model).state != stateLibrary {
		t.Fatal("q in the results left the view only later")
	}
	m, _ = m.Update(press("enter"))
	if m.(Model).state != stateReader && m.(Model).opening == "" {
		t.Fatal("enter in the library did not start opening at once")
	}
}

// A file whose name is GB18030 bytes (copied from Windows) opens like any.
func TestGB18030NamedArticleOpens(t *testing.T) {
	d := newDriver(t, testConfig(t), 80, 24)
	d.keys("j", "j", "j", "j", "enter")
	s := d.screen()
	if !strings.Contains(s, "　　水库除险加固工程近日完工") || !strings.Contains(lastLine(s), "66 水库除险加固工程完工") {
		t.Fatalf("GB18030 article:\n%s", s)
	}
}

func TestEmptyArticleSaysSo(t *testing.T) {
	d := newDriver(t, testConfig(t), 80, 24)
	d.keys("enter")
	if s := d.screen(); !strings.Contains(s, "空白文章") || !strings.Contains(s, "(this article has no text)") {
		t.Fatalf("empty article:\n%s", s)
	}
}

// Keys typed while an article loads act on the article, not on the list.
func TestKeysTypedWhileLoadingWaitForTheArticle(t *testing.T) {
	d := newDriver(t, testConfig(t), 80, 24)
	m, load := d.m.Update(press("enter")) // the article is read by load
	for _, k := range []string{"/", "空", "白", "enter"} {
		m, _ = m.Update(press(k))
	}
	if m.(Model).lib.Prompting() {
		t.Fatal("typed-ahead keys went to the list")
	}
	d.m = m
	d.run(load)
	if s := lastLine(d.screen()); !strings.Contains(s, "/空白 1/1") {
		t.Fatalf("typed-ahead search not run in the article: %q", s)
	}
}

// Widening the terminal past 100 columns brings the preview pane, filled.
func TestPreviewAppearsWhenWidened(t *testing.T) {
	d := newDriver(t, testConfig(t), 80, 24)
	d.keys("j", "j", "j")
	d.send(tea.WindowSizeMsg{Width: 120, Height: 24})
	if s := d.screen(); !strings.Contains(s, "│ 夜市经济带动城市消费") || strings.Contains(s, "loading…") {
		t.Fatalf("preview after widening:\n%s", s)
	}
}

// Config.Scan lists the collection in place of reading FS.
func TestConfigScanListsTheCollection(t *testing.T) {
	cfg := testConfig(t)
	all, err := loader.Scan(cfg.FS)
	if err != nil {
		t.Fatal(err)
	}
	calls := 0
	cfg.Scan = func() ([]loader.Entry, error) { calls++; return all[:2], nil }
	d := newDriver(t, cfg, 80, 24)
	if s := d.screen(); calls != 1 || !strings.Contains(s, "2 articles") {
		t.Fatalf("%d calls; screen:\n%s", calls, s)
	}
}
