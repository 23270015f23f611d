package reader

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"

	"newsbrowse/loader"
	"newsbrowse/styles"
	"newsbrowse/tui/teatest"
)

var narrow = &runewidth.Condition{StrictEmojiNeutral: true}

// bigArticle is n paragraphs of Chinese text with a marker word in each.
func bigArticle(n int) loader.Article {
	blocks := []loader.Block{{Kind: loader.Heading, Text: "大文章"}}
	para := loader.Indent + strings.Repeat("城市图书馆推出夜间借阅服务，读者可以在晚上十点前还书。", 4) + "标记词"
	for i := 0; i < n; i++ {
		blocks = append(blocks, loader.Block{Kind: loader.Paragraph, Text: para})
	}
	return loader.Article{Entry: loader.Entry{Prefix: "1", Title: "大文章", RelPath: "1大文章.txt"}, Blocks: blocks}
}

// drain runs a command and feeds every message it makes back to m (see
// teatest).
func drain(m Model, cmd tea.Cmd) Model {
	teatest.New(func(msg tea.Msg) tea.Cmd {
		next, _ := m.Update(msg)
		return next
	}).Run(cmd)
	return m
}

func keyMsg(s string) tea.KeyPressMsg {
	if s == "space" {
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	}
	return tea.KeyPressMsg{Code: []rune(s)[0], Text: s}
}

// A huge article shows its first screen at once, laid out alone; the
// whole is laid out by a command, and keys typed meanwhile count.
func TestHugeArticleFirstScreenAtOnce(t *testing.T) {
	m := New(styles.Mono(), narrow, 80)
	m.SetSize(80, 24)
	a := bigArticle(3000) // about 1 MB
	cmd := m.Open(nil, a, false, "")
	if cmd == nil {
		t.Fatal("a huge article was laid out inside Update")
	}
	s := ansi.Strip(m.View())
	if !strings.Contains(s, "城市图书馆推出夜间借阅服务") {
		t.Fatalf("no text on the first screen:\n%s", s)
	}
	if n := len(m.doc.lines); n > 200 {
		t.Fatalf("%d lines laid out for the first screen", n)
	}
	for range 5 {
		m.Update(keyMsg("j")) // typed while the whole is laid out
	}
	top := m.anchor()
	if top == 0 {
		t.Fatal("keys typed before the layout answered were dropped")
	}
	m = drain(m, cmd)
	if !m.doc.full() || m.anchor() != top {
		t.Fatalf("after the layout: full %v, top at %d, want %d", m.doc.full(), m.anchor(), top)
	}
	m = drain(m, m.Open(nil, a, false, "标记词"))
	s = ansi.Strip(m.View())
	if !strings.Contains(s, "/标记词 1/3000") || !strings.Contains(s, "标记词") {
		t.Fatalf("after the layout: %s", s)
	}
	// a resize lays out the screen's paragraphs at once and keeps the place
	m.Update(keyMsg("n"))
	m.Update(keyMsg("n"))
	before, off := m.search.cur, m.anchor()
	cmd = m.SetSize(50, 20)
	if cmd == nil {
		t.Fatal("resize of a huge article laid out as a whole inside Update")
	}
	if n := len(m.doc.lines); n > 400 || m.doc.width != 48 {
		t.Fatalf("resize laid out %d lines for width %d", n, m.doc.width)
	}
	for _, line := range strings.Split(ansi.Strip(m.View()), "\n") {
		if w := narrow.StringWidth(line); w > 50 {
			t.Fatalf("line overflows: %d %q", w, line)
		}
	}
	if got := m.anchor(); got > off || off-got > 200 {
		t.Fatalf("resize moved the top from %d to %d", off, got)
	}
	m = drain(m, cmd)
	if m.search.cur != before || !strings.Contains(ansi.Strip(m.View()), "标记词") {
		t.Fatalf("resize lost the place:\n%s", ansi.Strip(m.View()))
	}
}

// G, g and searching far away work before the whole is laid out.
func TestHugeArticleJumpsBeforeLayout(t *testing.T) {
	m := New(styles.Mono(), narrow, 80)
	m.SetSize(80, 24)
	m.Open(nil, bigArticle(3000), false, "") // the layout command never answers
	m.Update(keyMsg("G"))
	if s := ansi.Strip(m.View()); !strings.Contains(s, "100%") || !m.doc.atEnd() {
		t.Fatalf("G:\n%s", s)
	}
	last := m.doc.lines[len(m.doc.lines)-1]
	if int(last.b) != len(m.doc.flat) || m.top != len(m.doc.lines)-23 {
		t.Fatalf("G: top %d of %d lines, last ends at %d of %d", m.top, len(m.doc.lines), last.b, len(m.doc.flat))
	}
	m.Update(keyMsg("g"))
	if m.top != 0 || m.anchor() != 0 {
		t.Fatalf("g: top %d at %d", m.top, m.anchor())
	}
}

// In a huge article the search runs in a command: typing stays instant,
// and an answer for an older query is dropped.
func TestHugeArticleSearchRunsInACommand(t *testing.T) {
	m := New(styles.Mono(), narrow, 80)
	m.SetSize(80, 24)
	m = drain(m, m.Open(nil, bigArticle(3000), false, ""))
	m.Update(keyMsg("/"))
	old, _ := m.Update(keyMsg("标"))
	cmd, _ := m.Update(keyMsg("记"))
	if old == nil || cmd == nil {
		t.Fatal("the search of a huge article ran inside Update")
	}
	if s := ansi.Strip(m.View()); !strings.Contains(s, "searching…") {
		t.Fatalf("no searching notice: %s", s)
	}
	m = drain(m, old) // the answer for "标" arrives late
	if m.search.matches != nil {
		t.Fatal("an answer for an old query was used")
	}
	m = drain(m, cmd)
	m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	if s := ansi.Strip(m.View()); !strings.Contains(s, "/标记 1/3000") {
		t.Fatalf("after the answer: %s", s)
	}
	m.Update(keyMsg("n"))
	if m.search.cur != 1 {
		t.Fatalf("n: current %d", m.search.cur)
	}
}

func TestStaleLayoutAnswerIsDropped(t *testing.T) {
	m := New(styles.Mono(), narrow, 80)
	m.SetSize(80, 24)
	first := m.Open(nil, bigArticle(3000), false, "")
	second := m.SetSize(60, 24) // a second resize before the first answer
	m = drain(m, first)
	if m.doc.full() {
		t.Fatal("an answer for an old width was used")
	}
	m = drain(m, second)
	if m.doc.width != 58 || !m.doc.full() {
		t.Fatalf("laid out for %d", m.doc.width)
	}
}

// BenchmarkScrollHugeArticle is the cost of one `j` (Update and View) in a
// 10 MB article: it must not depend on the article's size.
func BenchmarkScrollHugeArticle(b *testing.B) {
	m := New(styles.New(true), narrow, 80)
	m.SetSize(80, 24)
	a := bigArticle(30000) // about 10 MB
	m = drain(m, m.Open(nil, a, false, "标记词"))
	j := keyMsg("j")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Update(j)
		_ = m.View()
		if m.top > len(m.doc.lines)-30 {
			m.top = 0
		}
	}
}
