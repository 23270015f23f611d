package reader

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"
	"github.com/rivo/uniseg"

	"newsbrowse/loader"
	"newsbrowse/loader/match"
	"newsbrowse/styles"
	"newsbrowse/tui/teatest"
	"newsbrowse/tui/wrap"

	"newsbrowse/loader/termcheck"
)

var wideCond = &runewidth.Condition{EastAsianWidth: true, StrictEmojiNeutral: true}

// sgr is the one escape sequence the styles emit.
var sgr = regexp.MustCompile(`\x1b\[[0-9;:]*m`)

// screenHazard describes the first thing in a rendered screen a terminal
// could act on once the styles' SGR sequences are removed ("" when none);
// only the newline between rows is allowed.
func screenHazard(raw string) string { return termcheck.Hazard(sgr.ReplaceAllString(raw, ""), "\n") }

// fuzzKeys are the actions a key byte stands for.
var fuzzKeys = []string{"j", "k", "space", "b", "d", "u", "g", "G", "n", "N", "r", "search", "resize", "esc"}

func fuzzPress(k string) tea.KeyPressMsg {
	switch k {
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	}
	r, _ := utf8.DecodeRuneInString(k)
	return tea.KeyPressMsg{Code: r, Text: k}
}

// highlighter drives a reader the way the program does: commands run at
// once and their messages are fed back.
type highlighter struct {
	t     *testing.T
	m     Model
	query string
}

func (h *highlighter) send(msg tea.Msg) { h.driver().Send(msg) }

func (h *highlighter) run(cmd tea.Cmd) { h.driver().Run(cmd) }

func (h *highlighter) driver() *teatest.Driver {
	return teatest.New(func(msg tea.Msg) tea.Cmd {
		cmd, _ := h.m.Update(msg)
		return cmd
	})
}

// check asserts what every frame must hold: the rows fill the reader
// exactly, nothing but SGR sequences and printable text is sent, the
// matches are those of the query in the text on screen, the current match
// is counted right and, after a jump, drawn in the current-match style.
func (h *highlighter) check(after string, jumped bool) {
	t, m := h.t, h.m
	t.Helper()
	raw := m.View()
	if hz := screenHazard(raw); hz != "" {
		t.Fatalf("after %s: %s", after, hz)
	}
	rows := strings.Split(ansi.Strip(raw), "\n")
	if len(rows) != max(2, m.height) {
		t.Fatalf("after %s: %d rows for height %d", after, len(rows), m.height)
	}
	for i, row := range rows {
		if w := m.cond.StringWidth(row); w != m.width {
			// a grapheme cluster wider than the text column has a line of its own
			text := strings.Trim(row, " ") // the margin and padding, not U+3000
			if i == len(rows)-1 || uniseg.GraphemeClusterCount(text) != 1 || wrap.Width(text, m.cond) <= m.textWidth() {
				t.Fatalf("after %s: row %d %q is %d wide, want %d", after, i, row, w, m.width)
			}
		}
	}
	s := m.search
	if s.query != h.query {
		t.Fatalf("after %s: query %q, want %q", after, s.query, h.query)
	}
	d := m.shown()
	var want [][2]int
	if s.query != "" {
		want = match.New(s.query).FindAll(d.flat)
	}
	if !slices.Equal(s.matches, want) {
		t.Fatalf("after %s: %d matches kept, %d in the text", after, len(s.matches), len(want))
	}
	if s.query != "" && (s.cur < -1 || s.cur >= max(1, len(s.matches)) || (len(s.matches) == 0 && s.cur != -1)) {
		t.Fatalf("after %s: current match %d of %d", after, s.cur, len(s.matches))
	}
	status := rows[len(rows)-1]
	if s.query != "" && s.cur >= 0 && !m.prompt.IsOpen() {
		label := fmt.Sprintf("/%s %d/%d", s.query, s.cur+1, len(s.matches))
		if wrap.Width(label, m.cond)+24 < m.width && !strings.Contains(status, label) {
			t.Fatalf("after %s: status %q lacks %q", after, status, label)
		}
	}
	if !jumped || s.query == "" || s.cur < 0 || d.lines == nil {
		return
	}
	a, b := s.matches[s.cur][0], s.matches[s.cur][1]
	if !d.covers(a) {
		t.Fatalf("after %s: current match at %d outside the lines laid out", after, a)
	}
	first := d.lineAt(a)
	if first < m.top || first >= m.top+m.bodyHeight() {
		t.Fatalf("after %s: current match on line %d, screen shows %d–%d", after, first, m.top, m.top+m.bodyHeight()-1)
	}
	if l := d.lines[first]; l.b > l.a {
		lo, hi := max(a, int(l.a)), min(b, int(l.b))
		if lo < hi && d.width == m.textWidth() && !strings.Contains(raw, m.styles.Current.Render(d.flat[lo:hi])) {
			t.Fatalf("after %s: current match %q not drawn as current", after, d.flat[lo:hi])
		}
	}
}

// FuzzHighlight opens an article (any text, cleaned as a file would be),
// searches it for any query, and scrolls, jumps between matches, toggles
// the source view and resizes as the key bytes say, checking every frame.
func FuzzHighlight(f *testing.F) {
	seeds := []struct {
		text, query string
	}{
		{"<p>　　市图书馆延长开放时间，图书馆周末也开放。</p>", "图书馆"},
		{"<p>&#27;[2J&#x9b;31m本市举办&#x202e;科技节</p><p>&amp;#27;原样</p>", "&#27;"},
		{"<p>\x1b]52;c;aGk=\x07标题\u009b31m标题\u202e标题</p>", "标题"},
		{strings.Repeat("很长的一行没有空格", 60), "格很"},
		{"<p>ＲＥＡＤＭＥ readme ReadMe</p>", "readme"},
		{"<p>㈰া 中文 — “引号” …… ——</p>", "া"},
		{"<p>a  b\tc</p><h1>标题</h1><img src=x><p>e\u0301\u0301 👩‍👩‍👧</p>", " "},
		{"", "x"},
	}
	for i, s := range seeds {
		f.Add(s.text, s.query, []byte{byte(i), 11, 8, 8, 9, 10, 10, 7, 12, 8}, uint8(20+i*13), uint8(3+i), i%2 == 0)
	}
	f.Fuzz(func(t *testing.T, text, query string, keys []byte, width, height uint8, ea bool) {
		if len(text) > 1<<12 || len(query) > 64 || len(keys) > 48 {
			return
		}
		// the query as a prompt hands it over: on one line, no controls, and
		// no U+FFFD, which the text input does not take
		query = strings.ReplaceAll(loader.SanitizeLine(query), "\uFFFD", "")
		cond := narrow
		if ea {
			cond = wideCond
		}
		// an entry as Scan makes it from a hostile name
		prefix, title := loader.ParseName("1标题\x1b]0;x\x07\u202e.txt")
		e := loader.Entry{Prefix: prefix, Title: title, RelPath: "1.txt"}
		a := loader.Article{Entry: e, Blocks: loader.Document(e.Title, loader.Clean(text))}
		fsys := fstest.MapFS{e.RelPath: {Data: []byte(text)}}
		h := &highlighter{t: t, m: New(styles.New(true), cond, 80)}
		h.m.SetSize(max(1, int(width)), max(2, int(height)))
		if len(keys) > 0 && keys[0]%2 == 1 {
			h.query = query
		}
		h.run(h.m.Open(fsys, a, false, h.query))
		h.check("open", h.query != "")
		for i, k := range keys {
			name := fuzzKeys[int(k)%len(fuzzKeys)]
			switch name {
			case "search":
				h.send(fuzzPress("/"))
				if query != "" {
					for _, r := range query {
						h.send(tea.KeyPressMsg{Code: r, Text: string(r)})
					}
					h.query = query
					h.check("typing the query", false)
				}
				h.send(fuzzPress("enter"))
				h.query = query
			case "resize":
				h.run(h.m.SetSize(1+int(k)*7%150, 2+int(k)%37))
			case "esc":
				h.send(fuzzPress(name))
				h.query = ""
			default:
				h.send(fuzzPress(name))
			}
			jumped := name == "search" || name == "n" || name == "N"
			h.check(fmt.Sprintf("key %d %q", i, name), jumped)
		}
	})
}
