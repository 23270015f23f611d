package screen

import (
	"strings"
	"testing"

	"newsbrowse/tui/wrap"
)

func TestDisputed(t *testing.T) {
	for _, c := range []struct {
		cluster string
		want    bool
	}{
		{"a", false},
		{"中", false},
		{"é", false},    // e and a combining accent: 1 + 0
		{"👍", false},    // one code point
		{"👍🏽", true},    // skin tone: 2 + 2 by code point, 2 as a cluster
		{"🏳️‍🌈", true},  // flag, VS16, ZWJ, rainbow
		{"❤️", true},    // VS16 makes it wide
		{"👨‍👩‍👧", true}, // family ZWJ sequence
		{"각", false},    // Hangul syllable
	} {
		cw := wrap.Width(c.cluster, narrow)
		if got := disputed(c.cluster, cw, narrow); got != c.want {
			t.Errorf("disputed(%q) = %v, want %v", c.cluster, got, c.want)
		}
	}
}

// A row holding a cluster terminals draw in different widths is written
// whole when it changes, never from the first changed column: on a
// terminal that draws 👍🏽 four columns wide, a partial write would land two
// columns off, over other text.
func TestPainterRewritesDisputedRowsWhole(t *testing.T) {
	const w, h = 30, 3
	for _, c := range []struct {
		name, before, after string
		whole               bool
	}{
		{"skin tone", "ok 👍🏽 status: old", "ok 👍🏽 status: new", true},
		{"zwj flag", "🏳️‍🌈 pride: old", "🏳️‍🌈 pride: new", true},
		{"was disputed", "a 👍🏽 b", "a b", true},
		{"plain emoji", "ok 👍 status: old", "ok 👍 status: new", false},
		{"chinese", "中文 状态: old", "中文 状态: new", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := NewPainter(narrow)
			p.Frame([]string{"top", c.before, "bottom"}, w, h)
			b := string(p.Frame([]string{"top", c.after, "bottom"}, w, h))
			whole := strings.HasPrefix(b, "\x1b[2H"+c.after) && strings.HasSuffix(b, eraseLine)
			if whole != c.whole {
				t.Errorf("wrote %q: whole row %v, want %v", b, whole, c.whole)
			}
			if err := shows([]byte(string(NewPainter(narrow).Frame([]string{"top", c.before, "bottom"}, w, h))+b),
				strings.Join([]string{"top", c.after, "bottom"}, "\n"), w, h); err != nil {
				t.Error(err)
			}
		})
	}
}
