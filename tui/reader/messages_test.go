package reader

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"newsbrowse/loader"
	"newsbrowse/styles"
)

func messageArticle() loader.Article {
	return loader.Article{Entry: loader.Entry{Prefix: "1", Title: "一篇标题很长很长很长很长很长很长的文章", RelPath: "1.txt"},
		Blocks: []loader.Block{{Kind: loader.Heading, Text: "标题"}, {Kind: loader.Paragraph, Text: loader.Indent + "正文只有一句话，独一无二。"}}}
}

// Messages quote the query as typed, not as Go would, and count in the
// right number.
func TestSearchMessages(t *testing.T) {
	m := New(styles.Mono(), narrow, 80)
	m.SetSize(80, 10)
	m = drain(m, m.Open(nil, messageArticle(), false, ""))
	m.Update(keyMsg("/"))
	for _, r := range "独一" {
		m.Update(keyMsg(string(r)))
	}
	if s := ansi.Strip(m.View()); !strings.Contains(s, "1 match ") || strings.Contains(s, "1 matches") {
		t.Errorf("prompt count for one match:\n%s", s)
	}
	m.Update(tea.KeyPressMsg{Code: tea.KeyEscape})
	m.Update(keyMsg("/"))
	for _, r := range `"-"` {
		m.Update(keyMsg(string(r)))
	}
	m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	if s := ansi.Strip(m.View()); !strings.Contains(s, `no match for ""-""`) {
		t.Errorf("no-match notice:\n%s", s)
	}
}

// At any width a cut title keeps a space before the numbers.
func TestStatusLineKeepsASpaceBeforeTheNumbers(t *testing.T) {
	for w := 20; w <= 60; w++ {
		m := New(styles.Mono(), narrow, 80)
		m.SetSize(w, 10)
		m = drain(m, m.Open(nil, messageArticle(), false, ""))
		lines := strings.Split(ansi.Strip(m.View()), "\n")
		last := lines[len(lines)-1]
		if i := strings.Index(last, "…"); i >= 0 && !strings.HasPrefix(last[i+len("…"):], " ") {
			t.Errorf("width %d: %q", w, last)
		}
	}
}
