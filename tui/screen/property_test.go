package screen

import (
	"bytes"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
)

// frameGen makes random frames that look like the program's screens: a
// window on a text of ASCII, Chinese and styled rows, and a status line.
type frameGen struct {
	r     *rand.Rand
	cond  *runewidth.Condition
	w, h  int
	lines []string
	top   int
	mark  int
}

var (
	genText = []string{
		"a", "b", "Z", "1", " ", " ", "中", "文", "報", "道", "。", "，", "　",
		"…", "“", "”", "·", "e\u0301", "中\u0301", "ｱ", "한", "😀", "👍🏽", "Ω",
	}
	genStyles = []string{
		"\x1b[1m", "\x1b[3m", "\x1b[7m", "\x1b[4;31m", "\x1b[38;2;10;20;30m",
		"\x1b[48;5;22m", "\x1b[1;38:2::1:2:3m",
	}
	genEnds = []string{"\x1b[m", "\x1b[0m", "\x1b[22m", ""}
)

// row is a random row at most g.w columns wide, padded to exactly g.w
// most of the time.
func (g *frameGen) row() string {
	var b strings.Builder
	w := 0
	limit := g.w
	if g.r.IntN(6) == 0 {
		limit = g.r.IntN(g.w + 1)
	}
	for w < limit {
		style := g.r.IntN(4) == 0
		link := g.r.IntN(30) == 0
		if style {
			b.WriteString(genStyles[g.r.IntN(len(genStyles))])
		}
		if link {
			b.WriteString("\x1b]8;;https://example.org/\x1b\\")
		}
		for n := 1 + g.r.IntN(6); n > 0; n-- {
			s := genText[g.r.IntN(len(genText))]
			sw := visibleWidth(s, g.cond)
			if w+sw > limit {
				break
			}
			b.WriteString(s)
			w += sw
		}
		if link {
			b.WriteString("\x1b]8;;\x1b\\")
		}
		if n := 5 + g.r.IntN(6); !style && !link && g.r.IntN(5) == 0 && w+n <= limit {
			b.WriteString(strings.Repeat(" ", n)) // padding between columns
			w += n
		}
		if style {
			b.WriteString(genEnds[g.r.IntN(len(genEnds))])
		}
		if g.r.IntN(8) == 0 {
			break
		}
	}
	if limit == g.w {
		b.WriteString(strings.Repeat(" ", g.w-w))
	}
	return b.String()
}

func (g *frameGen) reset() {
	g.lines = make([]string, 3*g.h+g.r.IntN(20))
	for i := range g.lines {
		g.lines[i] = g.row()
	}
	g.top = 0
}

func (g *frameGen) status() string {
	s := " 第" + strings.Repeat("一", g.top%7) + "页 " + strings.Repeat("·", g.mark%5)
	return "\x1b[7m" + s + strings.Repeat(" ", max(0, g.w-visibleWidth(s, g.cond))) + "\x1b[m"
}

func (g *frameGen) frame() []string {
	rows := make([]string, 0, g.h)
	for i := 0; i < g.h-1; i++ {
		rows = append(rows, g.lines[(g.top+i)%len(g.lines)])
	}
	return append(rows, fitRow(g.status(), g.w, g.cond))
}

// step changes the state the way one key press might, and tells whether
// the screen size changed.
func (g *frameGen) step() (resized bool) {
	switch k := g.r.IntN(20); {
	case k < 8:
		g.top = max(0, g.top+g.r.IntN(7)-3)
	case k < 10:
		g.mark++
	case k < 13:
		i := g.r.IntN(len(g.lines))
		g.lines[i] = g.edit(g.lines[i])
	case k < 14:
		g.reset()
	case k < 15:
		g.w, g.h = 1+g.r.IntN(30), 1+g.r.IntN(12)
		g.reset()
		return true
	}
	return false
}

// edit changes a row a little: one cluster replaced, or a styled run
// inserted, keeping its width.
func (g *frameGen) edit(row string) string {
	b := layoutOf(row, g.cond).at
	k := 1 + g.r.IntN(max(1, len(b)-1))
	if k >= len(b) {
		return row
	}
	u := row[b[k-1]:b[k]]
	if visibleWidth(u, g.cond) != 1 {
		return row
	}
	repl := string(rune('A' + g.r.IntN(26)))
	if g.r.IntN(2) == 0 {
		repl = genStyles[g.r.IntN(len(genStyles))] + repl + "\x1b[m"
	}
	return row[:b[k-1]] + repl + row[b[k]:]
}

// TestFrameProperty paints random frame sequences on the model terminal
// and checks after every frame that it shows exactly that frame.
func TestFrameProperty(t *testing.T) {
	scrolls, skips := 0, 0
	seeds := uint64(40)
	if testing.Short() {
		seeds = 8
	}
	for seed := uint64(1); seed <= seeds; seed++ {
		cond := narrow
		if seed%3 == 0 {
			cond = newCond(true)
		}
		sc, sk := runProperty(t, seed, cond, 150)
		scrolls, skips = scrolls+sc, skips+sk
	}
	if scrolls == 0 {
		t.Error("no frame was painted with a scroll")
	}
	if skips == 0 {
		t.Error("no frame stepped over blanks")
	}
}

var (
	scrollSeq = regexp.MustCompile(`\x1b\[[0-9]*[ST]`)
	skipSeq   = regexp.MustCompile(`\x1b\[[0-9]*C`)
)

func runProperty(t *testing.T, seed uint64, cond *runewidth.Condition, steps int) (scrolls, skips int) {
	t.Helper()
	g := &frameGen{r: rand.New(rand.NewPCG(seed, 7)), cond: cond, w: 1 + int(seed%40), h: 1 + int(seed%13)}
	g.reset()
	p := NewPainter(cond)
	term := newVT(g.w, g.h, cond)
	term.scribble()
	for i := 0; i < steps; i++ {
		resized := i > 0 && g.step()
		if resized {
			term = newVT(g.w, g.h, cond)
			term.scribble()
		}
		if g.r.IntN(25) == 0 {
			p.Invalidate()
			term.scribble()
		}
		f := g.frame()
		b := p.Frame(f, g.w, g.h)
		if scrollSeq.Match(b) {
			scrolls++
		}
		if skipSeq.Match(b) {
			skips++
		}
		if resized && !bytes.HasPrefix(b, []byte(wipe)) {
			t.Fatalf("seed %d step %d: resize to %dx%d did not repaint: %q", seed, i, g.w, g.h, b)
		}
		if err := term.feed(b); err != nil {
			t.Fatalf("seed %d step %d: %v in %q", seed, i, err, b)
		}
		ref, err := reference(f, g.w, g.h, cond)
		if err != nil {
			t.Fatalf("seed %d step %d: %v", seed, i, err)
		}
		if d := term.diff(ref); d != "" {
			t.Fatalf("seed %d step %d (%dx%d): %s\nbytes %q", seed, i, g.w, g.h, d, b)
		}
		if again := p.Frame(f, g.w, g.h); len(again) != 0 {
			t.Fatalf("seed %d step %d: the same frame again painted %q", seed, i, again)
		}
	}
	return scrolls, skips
}

// fitRow is row cut to width columns.
func fitRow(row string, width int, cond *runewidth.Condition) string {
	return fit(row, layoutOf(row, cond), width)
}
