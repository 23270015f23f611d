package results

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"

	"newsbrowse/loader"
	"newsbrowse/styles"
	"newsbrowse/tui/intent"
)

func hit(prefix, title string, n int) Hit {
	return Hit{Entry: loader.Entry{Prefix: prefix, Title: title, RelPath: prefix + title + ".txt"}, Count: n, Snippet: "……市民带着孩子前来观赏……"}
}

func TestProgressCountsAndIntents(t *testing.T) {
	m := New(styles.Mono(), &runewidth.Condition{}, "市民", 10)
	m.SetSize(60, 10)
	m.Add(4, 0, []Hit{hit("88", "植树", 1)})
	m.Add(10, 1, []Hit{hit("306", "冰灯", 2)})
	s := ansi.Strip(m.View())
	for _, want := range []string{"2 articles, 3 matches", "10/10 searching", "88 植树", "306 冰灯", "1 article could not be read"} {
		if !strings.Contains(s, want) {
			t.Fatalf("missing %q:\n%s", want, s)
		}
	}
	if _, it := m.Update(tea.KeyPressMsg{Code: tea.KeyEscape}); it != (intent.Cancel{}) {
		t.Fatalf("esc while running: %#v", it)
	}
	m.Done()
	m.Update(tea.KeyPressMsg{Code: 'j', Text: "j"})
	_, it := m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	if o, ok := it.(intent.Open); !ok || o.Entry.Prefix != "306" || o.Query != "市民" {
		t.Fatalf("enter: %#v", it)
	}
	if _, it := m.Update(tea.KeyPressMsg{Code: tea.KeyEscape}); it != (intent.Back{}) {
		t.Fatalf("esc when done: %#v", it)
	}
}

func TestRowsFitBothWidthModes(t *testing.T) {
	for _, wide := range []bool{false, true} {
		cond := &runewidth.Condition{EastAsianWidth: wide}
		for _, w := range []int{20, 41, 80} {
			m := New(styles.Mono(), cond, "“市民”", 3)
			m.SetSize(w, 8)
			m.Add(2, 0, []Hit{hit("1", "“很长很长很长的标题”……", 12), hit("", "无编号", 1)})
			for _, line := range strings.Split(ansi.Strip(m.View()), "\n") {
				if got := cond.StringWidth(line); got != w {
					t.Fatalf("wide=%v width %d: row %d wide: %q", wide, w, got, line)
				}
			}
		}
	}
}

func TestLongQueryLeavesTheCountsInSight(t *testing.T) {
	q := strings.Repeat("不忘初心牢记使命", 8)
	m := New(styles.Mono(), &runewidth.Condition{}, q, 10)
	m.SetSize(60, 10)
	m.Add(4, 0, []Hit{hit("88", "植树", 1)})
	head := strings.SplitN(ansi.Strip(m.View()), "\n", 2)[0]
	if !strings.Contains(head, "“不忘初心") || !strings.Contains(head, "…”  1 article, 1 match") {
		t.Fatalf("header: %q", head)
	}
}

// A hit shows its sub-folder, as the library does, and its snippet with
// the match highlighted.
func TestHitShowsFolderAndHighlightsTheMatch(t *testing.T) {
	snip := "……市民带着孩子前来观赏……"
	ms := strings.Index(snip, "市民")
	a := Hit{Entry: loader.Entry{Prefix: "7", Title: "冰灯", RelPath: "国内/7冰灯.txt"}, Count: 1, Snippet: snip, Match: [2]int{ms, ms + len("市民")}}
	b := a
	b.Entry.RelPath = "国际/7冰灯.txt"
	m := New(styles.Mono(), &runewidth.Condition{}, "市民", 2)
	m.SetSize(100, 8)
	m.Add(2, 0, []Hit{a, b})
	rows := strings.Split(m.View(), "\n")
	for i, dir := range []string{"国内", "国际"} {
		row := rows[2+i]
		if !strings.Contains(ansi.Strip(row), dir) {
			t.Errorf("row %d lacks its folder %q: %q", i, dir, ansi.Strip(row))
		}
		// the match alone is drawn in reverse (the monochrome highlight)
		var marked strings.Builder
		reverse := false
		p := ansi.NewParser()
		state := byte(0)
		for in := row; in != ""; {
			seq, width, n, newState := ansi.DecodeSequence(in, state, p)
			state = newState
			if width == 0 && strings.HasPrefix(seq, "\x1b[") && strings.HasSuffix(seq, "m") {
				reverse = strings.Contains(seq, "7")
			} else if width > 0 && reverse && i == 1 {
				marked.WriteString(seq)
			}
			in = in[n:]
		}
		if i == 1 && marked.String() != "市民" {
			t.Errorf("highlighted %q, want %q", marked.String(), "市民")
		}
	}
}
