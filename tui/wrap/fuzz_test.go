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
