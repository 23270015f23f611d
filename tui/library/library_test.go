package library

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"

	"newsbrowse/loader"
	"newsbrowse/styles"
)

var narrow = &runewidth.Condition{StrictEmojiNeutral: true}

func entries(n int) []loader.Entry {
	es := make([]loader.Entry, n)
	for i := range es {
		es[i] = loader.Entry{Prefix: fmt.Sprint(i + 1), Title: fmt.Sprintf("第%d号新闻：城市图书馆推出夜间借阅服务", i+1)}
		es[i].RelPath = es[i].Prefix + es[i].Title + ".txt"
	}
	return es
}

func keyMsg(s string) tea.KeyPressMsg { return tea.KeyPressMsg{Code: []rune(s)[0], Text: s} }

func TestRowsNeverOverflow(t *testing.T) {
	for _, w := range []int{20, 33, 40, 80, 99, 100, 160} {
		for _, cond := range []*runewidth.Condition{narrow, {EastAsianWidth: true, StrictEmojiNeutral: true}} {
			m := New(styles.Mono(), cond, "/tmp/“集合”")
			es := entries(30)
			es[3].Title = "“引号”与……省略号——破折号·间隔号"
			es[4].RelPath = "子目录/很长很长很长很长的目录名/" + es[4].RelPath
			m.SetEntries(es)
			m.SetSize(w, 12)
			m.SetPreview(es[0].RelPath, loader.Article{Blocks: []loader.Block{{Kind: loader.Paragraph, Text: loader.Indent + strings.Repeat("“预览”文字，", 40)}}}, nil)
			for _, line := range strings.Split(ansi.Strip(m.View()), "\n") {
				if got := cond.StringWidth(line); got != w {
					t.Fatalf("width %d (wide=%v): row is %d wide: %q", w, cond.EastAsianWidth, got, line)
				}
			}
		}
	}
}

func TestEmptyCollectionSaysSo(t *testing.T) {
	m := New(styles.Mono(), narrow, "empty")
	m.SetEntries(nil)
	m.SetSize(80, 10)
	if s := ansi.Strip(m.View()); !strings.Contains(s, "No articles here") {
		t.Fatalf("empty folder:\n%s", s)
	}
	m.Update(keyMsg("j"))
	m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
}

// BenchmarkMoveInHugeList is one `j` (Update and View) in a list of
// 100,000 articles: it must cost the same as in a small list.
func BenchmarkMoveInHugeList(b *testing.B) {
	m := New(styles.New(true), narrow, "/bench")
	m.SetEntries(entries(100000))
	m.SetSize(80, 24)
	j := keyMsg("j")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Update(j)
		_ = m.View()
		if m.cursor == m.Len()-1 {
			m.cursor = 0
		}
	}
}

// BenchmarkFilterHugeList is one typed character of the filter over
// 100,000 titles.
func BenchmarkFilterHugeList(b *testing.B) {
	m := New(styles.New(true), narrow, "/bench")
	m.SetEntries(entries(100000))
	m.SetSize(80, 24)
	m.Update(keyMsg("/"))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Update(keyMsg("图"))
		m.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
	}
}

func TestHeaderKeepsTheCountOnLongPaths(t *testing.T) {
	path := "/check/work/main/testdata/一个很长的采集目录/collection"
	for _, w := range []int{40, 60, 80, 120} {
		m := New(styles.Mono(), narrow, path)
		m.SetEntries(entries(30))
		m.SetSize(w, 10)
		m.Update(keyMsg("/"))
		for _, k := range []string{"第", "1", "号"} {
			m.Update(keyMsg(k))
		}
		m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
		head := strings.SplitN(ansi.Strip(m.View()), "\n", 2)[0]
		if !strings.Contains(head, "30 articles, 1 shown  filter: 第1号") {
			t.Errorf("width %d: the header lost the count or the filter: %q", w, head)
		}
		if w >= 60 && !strings.Contains(head, "/collection  30 articles") {
			t.Errorf("width %d: the header lost the end of the path: %q", w, head)
		}
		if got := narrow.StringWidth(head); got != w {
			t.Errorf("width %d: header is %d wide: %q", w, got, head)
		}
		if i := strings.Index(head, "…"); i >= 0 && head[i+len("…")] != '/' && !strings.Contains(head, "…一个很长的采集目录/") {
			t.Errorf("width %d: the path is cut inside a folder name: %q", w, head)
		}
	}
}

// The filter matches by the one rule of every search (smart case, width,
// quote and variant folding) and also looks at the sub-folder.
func TestFilterRule(t *testing.T) {
	es := []loader.Entry{
		{Prefix: "1", Title: "abc 新闻", RelPath: "国内/1abc 新闻.txt"},
		{Prefix: "2", Title: "ABC 新闻", RelPath: "国际/2ABC 新闻.txt"},
		{Prefix: "3", Title: "“冰灯”节", RelPath: "3“冰灯”节.txt"},
		{Prefix: "4", Title: "臺北數據庫", RelPath: "4臺北數據庫.txt"},
	}
	for _, tc := range []struct {
		filter string
		want   []string
	}{
		{"abc", []string{"1", "2"}},
		{"ABC", []string{"2"}},
		{"ａｂｃ", []string{"1", "2"}},
		{`"冰灯"`, []string{"3"}},
		{"国内", []string{"1"}},
		{"台北数据库", []string{"4"}}, // traditional and simplified alike
	} {
		m := New(styles.Mono(), narrow, "c")
		m.SetEntries(es)
		m.SetSize(80, 10)
		m.Update(keyMsg("/"))
		for _, r := range tc.filter {
			m.Update(keyMsg(string(r)))
		}
		var got []string
		for r := 0; r < m.Len(); r++ {
			got = append(got, m.entries[m.index(r)].Prefix)
		}
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("filter %q shows %v, want %v", tc.filter, got, tc.want)
		}
	}
}
