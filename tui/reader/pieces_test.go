package reader

import (
	"strings"
	"testing"

	"newsbrowse/loader"
	"newsbrowse/styles"
	"newsbrowse/tui/wrap"
)

// wantLines is every line of the one paragraph of a, at width, as
// wrap.Breaks lays it out in one piece: offsets in the flat text.
func wantLines(a loader.Article, width int) [][2]int {
	flat := a.Flat()
	b := a.Blocks[len(a.Blocks)-1]
	start := len(flat) - len(b.Text)
	var out [][2]int
	for _, r := range wrap.Breaks(b.Text, width, narrow) {
		out = append(out, [2]int{start + r[0], start + r[1]})
	}
	return out
}

// checkLines compares the text lines the reader laid out with want, from
// the first of them on.
func checkLines(t *testing.T, what string, d document, want [][2]int) {
	t.Helper()
	var got [][2]int
	for _, l := range d.lines {
		if l.a != l.b && int(l.a) >= want[0][0] {
			got = append(got, [2]int{int(l.a), int(l.b)})
		}
	}
	i := 0
	for i < len(want) && want[i][0] < got[0][0] {
		i++
	}
	for j, g := range got {
		if i+j >= len(want) || g != want[i+j] {
			w := [2]int{}
			if i+j < len(want) {
				w = want[i+j]
			}
			t.Fatalf("%s: line %d is %v %q, want %v %q", what, j, g, d.flat[g[0]:g[1]], w, d.flat[w[0]:w[1]])
		}
	}
}

// A paragraph longer than a piece of layout (8 KB) is laid out as one:
// no line ends early where a piece ends, in the whole layout and in the
// window laid out around the screen, as it grows.
func TestLongParagraphHasNoPieceSeams(t *testing.T) {
	for _, text := range []string{
		strings.Repeat("城市图书馆推出夜间借阅服务，读者可以在晚上十点前还书。", 400), // 32 KB
		strings.Repeat("The library opens at night; readers return books by ten. ", 600),
		strings.Repeat("夜间借阅服务 night lending，十点前还书。", 2000), // mixed, 94 KB
	} {
		a := loaded("<p>" + text + "</p>")
		m := New(styles.Mono(), narrow, 80)
		m.SetSize(80, 24)
		m = drain(m, m.Open(nil, a, false, ""))
		checkLines(t, "whole", m.doc, wantLines(a, m.textWidth()))
	}

	// a paragraph laid out around the screen: from its start, then as
	// the screen goes down it
	a := oneParagraph(400 << 10)
	want := wantLines(a, 78)
	m := New(styles.Mono(), narrow, 80)
	m.SetSize(80, 24)
	m.Open(nil, a, false, "") // the command laying out the whole is not run
	checkLines(t, "first screen", m.doc, want)
	for range 40 {
		m.Update(keyMsg("space"))
	}
	if m.doc.full() || m.doc.last < 5 {
		t.Fatalf("the window holds paragraphs [%d, %d) of %d", m.doc.first, m.doc.last, len(m.doc.paras))
	}
	checkLines(t, "after 40 pages", m.doc, want)
}
