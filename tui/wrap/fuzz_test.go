package wrap

import (
	"strings"
	"testing"

	"newsbrowse/loader"
)

// hardBreaks maps the characters UAX #14 always breaks after, which cleaned
// blocks never hold, to spaces ("\n" separates the fuzzed blocks).
var hardBreaks = strings.NewReplacer("\r", " ", "\v", " ", "\f", " ", "\u0085", " ", "\u2028", " ", "\u2029", " ")

func FuzzWrap(f *testing.F) {
	for _, c := range allBreakCases() {
		f.Add(c.in, c.width, false)
		f.Add(c.in, c.width, true)
	}
	for _, c := range wrapCases {
		f.Add(flatten(c.blocks), c.width, false)
	}
	f.Fuzz(func(t *testing.T, text string, width int, ea bool) {
		if len(text) > 1<<12 {
			return
		}
		text = hardBreaks.Replace(strings.ToValidUTF8(text, "\uFFFD"))
		width %= 100 // may stay negative: counts as 1
		cond := narrow
		if ea {
			cond = wide
		}
		var blocks []loader.Block
		for i, p := range strings.Split(text, "\n") {
			blocks = append(blocks, loader.Block{Kind: loader.BlockKind(i % 3), Text: p})
		}
		checkWrap(t, blocks, width, cond, Wrap(blocks, width, cond))
	})
}

// FuzzCut checks the cuts the views make of titles, paths and queries: the
// result is valid text no wider than asked, a string that fits is left
// alone, and what is kept is a prefix (Truncate) or a suffix (TruncateLeft)
// of the input, joined to at most one "…".
func FuzzCut(f *testing.F) {
	for _, c := range truncateCases {
		f.Add(c.in, c.width, false)
		f.Add(c.in, c.width, true)
	}
	f.Fuzz(func(t *testing.T, s string, width int, ea bool) {
		if len(s) > 1<<10 || width > 1<<10 {
			return
		}
		s = strings.ToValidUTF8(s, "\uFFFD")
		cond := narrow
		if ea {
			cond = wide
		}
		fits := Width(s, cond) <= width
		for _, cut := range []struct {
			name string
			got  string
			kept func(string) (string, bool)
		}{
			{"Truncate", Truncate(s, width, cond), func(g string) (string, bool) { return strings.CutSuffix(g, ellipsis) }},
			{"TruncateLeft", TruncateLeft(s, width, cond), func(g string) (string, bool) { return strings.CutPrefix(g, ellipsis) }},
		} {
			if w := Width(cut.got, cond); w > max(width, 0) {
				t.Fatalf("%s(%q, %d) = %q is %d wide", cut.name, s, width, cut.got, w)
			}
			if fits && width > 0 && cut.got != s {
				t.Fatalf("%s(%q, %d) = %q: it fitted", cut.name, s, width, cut.got)
			}
			body, _ := cut.kept(cut.got)
			if fits || body == "" {
				continue
			}
			if cut.name == "Truncate" && !strings.HasPrefix(s, body) || cut.name == "TruncateLeft" && !strings.HasSuffix(s, body) {
				t.Fatalf("%s(%q, %d) = %q keeps text that is not at that end", cut.name, s, width, cut.got)
			}
		}
		if f := Fit(s, width, cond); width > 0 && Width(f, cond) != width {
			t.Fatalf("Fit(%q, %d) = %q is %d wide", s, width, f, Width(f, cond))
		}
	})
}
