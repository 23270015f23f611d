package reader

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"newsbrowse/loader"
	"newsbrowse/styles"
	"newsbrowse/tui/intent"
)

// firstPart is the first n blocks of whole, as loader.FirstPartOf gives
// them.
func firstPart(whole loader.Article, n int) loader.Article {
	part := whole
	part.Blocks, part.Part = whole.Blocks[:n], true
	return part
}

// The first part of a huge article is shown, then replaced by the whole
// without moving the screen; a position beyond the part is found in the
// whole.
func TestFirstPartThenWhole(t *testing.T) {
	whole := bigArticle(3000)
	part := firstPart(whole, 200)
	m := New(styles.Mono(), narrow, 80)
	m.SetSize(80, 24)
	m = drain(m, m.Open(nil, part, false, ""))
	for range 7 {
		m.Update(keyMsg("j"))
	}
	off := m.anchor()
	if s := ansi.Strip(m.View()); !strings.Contains(s, "cleaning…") {
		t.Fatalf("the first part is not said to be one:\n%s", s)
	}
	m = drain(m, m.Replace(whole))
	if m.anchor() != off || len(m.doc.blocks) != len(whole.Blocks) {
		t.Fatalf("after the whole: top at %d, want %d; %d blocks", m.anchor(), off, len(m.doc.blocks))
	}
	if s := ansi.Strip(m.View()); strings.Contains(s, "cleaning…") {
		t.Fatalf("still said to be a part:\n%s", s)
	}

	m = drain(m, m.Open(nil, part, false, ""))
	m.SetPosition(2500, 0) // a resumed position beyond the first part
	if p, _ := m.Position(); p != 2500 {
		t.Fatalf("before the whole, the position kept is paragraph %d, want 2500", p)
	}
	m = drain(m, m.Replace(whole))
	if p, _ := m.Position(); p != 2500 {
		t.Fatalf("resumed at paragraph %d, want 2500", p)
	}
}

// The first part is laid out only around the screen: it is there to be
// shown at once, and the whole replaces it.
func TestFirstPartLaidOutAroundTheScreen(t *testing.T) {
	part := firstPart(bigArticle(3000), 400) // about 130 KB
	m := New(styles.Mono(), narrow, 80)
	m.SetSize(80, 24)
	if cmd := m.Open(nil, part, false, ""); cmd != nil {
		t.Fatal("the first part is laid out whole by a command")
	}
	if n := len(m.doc.lines); n > 23+2*margin {
		t.Fatalf("%d lines laid out for a screen of 23", n)
	}
	m.Update(keyMsg("G"))
	if s := ansi.Strip(m.View()); !strings.Contains(s, "标记词") {
		t.Fatalf("the end of the part is not shown:\n%s", s)
	}
}

// A search typed while only the first part is there counts the matches
// of the whole, and jumps once the whole is searched.
func TestSearchWaitsForTheWhole(t *testing.T) {
	whole := bigArticle(3000)
	whole.Blocks[2500].Text += "稀有词"
	part := firstPart(whole, 200)
	m := New(styles.Mono(), narrow, 80)
	m.SetSize(80, 24)
	m = drain(m, m.Open(nil, part, false, ""))
	m.Update(keyMsg("/"))
	for _, r := range "稀有词" {
		m.Update(keyMsg(string(r)))
	}
	m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	if s := ansi.Strip(m.View()); strings.Contains(s, "no match") || !strings.Contains(s, "searching…") {
		t.Fatalf("the search of the first part is taken for the whole's:\n%s", s)
	}
	m = drain(m, m.Replace(whole))
	if s := ansi.Strip(m.View()); !strings.Contains(s, "稀有词 1/1") {
		t.Fatalf("after the whole, the search does not show its one match:\n%s", s)
	}
	if p, _ := m.Position(); p < 2490 || p > 2500 {
		t.Fatalf("the screen is at paragraph %d, not at the match in 2500", p)
	}
}

// y while only the first part is there says that it copies that part.
func TestCopyFirstPart(t *testing.T) {
	whole := bigArticle(3000)
	m := New(styles.Mono(), narrow, 80)
	m.SetSize(80, 24)
	m = drain(m, m.Open(nil, firstPart(whole, 200), false, ""))
	_, it := m.Update(keyMsg("y"))
	if c, ok := it.(intent.Copy); !ok || !strings.Contains(c.What, "part") {
		t.Fatalf("y while cleaning gave %#v", it)
	}
	m = drain(m, m.Replace(whole))
	if _, it := m.Update(keyMsg("y")); it.(intent.Copy).What != "the article" {
		t.Fatalf("y after the whole gave %#v", it)
	}
}
