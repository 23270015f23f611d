package reader

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"newsbrowse/styles"
)

// Every line of an article, put at the top, is found again at the top
// from its Position by a new reader of the same size — blank lines
// between paragraphs included.
func TestPositionRoundTrip(t *testing.T) {
	a := bigArticle(12)
	m := New(styles.Mono(), narrow, 30)
	m.SetSize(40, 10)
	m = drain(m, m.Open(nil, a, false, ""))
	n := len(m.doc.lines)
	if n < 40 {
		t.Fatalf("only %d lines", n)
	}
	for top := 0; top < n-m.bodyHeight(); top++ {
		m.top = top
		para, off := m.Position()
		r := New(styles.Mono(), narrow, 30)
		r.SetSize(40, 10)
		r = drain(r, r.Open(nil, a, false, ""))
		r.SetPosition(para, off)
		if r.top != top {
			t.Fatalf("top %d: Position (%d, %d) brought back top %d", top, para, off, r.top)
		}
		if ansi.Strip(r.View()) != ansi.Strip(m.View()) {
			t.Fatalf("top %d: a different screen", top)
		}
	}
}

// A position kept at one width shows the same text at the top at another.
func TestPositionSurvivesWidth(t *testing.T) {
	a := bigArticle(12)
	m := New(styles.Mono(), narrow, 80)
	m.SetSize(40, 10)
	m = drain(m, m.Open(nil, a, false, ""))
	m.top = 25
	para, off := m.Position()
	first, _ := m.doc.text(m.doc.lines[m.top])
	first = strings.TrimSpace(first)

	r := New(styles.Mono(), narrow, 80)
	r.SetSize(70, 12)
	r = drain(r, r.Open(nil, a, false, ""))
	r.SetPosition(para, off)
	got, _ := r.doc.text(r.doc.lines[r.top])
	if first == "" || !strings.Contains(got, first[:min(len(first), 9)]) {
		t.Errorf("at width 70 the top line is %q, want it to hold %q", got, first)
	}
}

// A position set before a huge article is laid out is applied once it is.
func TestPositionWaitsForLayout(t *testing.T) {
	a := bigArticle(3000)
	m := New(styles.Mono(), narrow, 80)
	m.SetSize(80, 24)
	cmd := m.Open(nil, a, false, "")
	m.SetPosition(1500, 0)
	m = drain(m, cmd)
	if p, _ := m.Position(); p != 1500 {
		t.Errorf("paragraph %d at the top after the layout, want 1500", p)
	}
	if m.top == 0 {
		t.Error("the position was lost with the layout")
	}
}

// Laid out at other widths and back, the reader shows the same line at
// the top: it keeps the offset it was asked to bring back, not the start
// of the line that held it at the width between. So does the position it
// reports meanwhile.
func TestWidthRoundTripKeepsTheTopLine(t *testing.T) {
	a := bigArticle(12)
	m := New(styles.Mono(), narrow, 80)
	m.SetSize(40, 10)
	m = drain(m, m.Open(nil, a, false, ""))
	n := len(m.doc.lines)
	for top := 0; top < n-m.bodyHeight(); top++ {
		m.top = top
		m.kept = [2]int{-1, -1}
		want := m.anchor()
		para, off := m.Position()
		for _, widths := range [][]int{{39, 40}, {33, 52, 40}, {25, 31, 40}} {
			for _, w := range widths {
				m = drain(m, m.SetSize(w, 10))
				if p, o := m.Position(); p != para || o != off {
					t.Fatalf("top %d, at width %d: Position (%d, %d), want (%d, %d)", top, w, p, o, para, off)
				}
			}
			if got := m.anchor(); got != want {
				t.Fatalf("top %d: through widths %v the top line starts at %d, want %d", top, widths, got, want)
			}
		}
	}
	// once scrolled, the line on screen decides again
	m.top = 5
	m = drain(m, m.SetSize(39, 10))
	m.top += 3
	want := m.anchor()
	m = drain(m, m.SetSize(40, 10))
	m = drain(m, m.SetSize(39, 10))
	if got := m.anchor(); got != want {
		t.Errorf("after scrolling: the top line starts at %d, want %d", got, want)
	}
}
