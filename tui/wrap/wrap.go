// Package wrap lays out cleaned article text in lines of a given display
// width, and measures, cuts and pads strings by display width. It has no
// terminal dependency: the printer and the interactive reader share it.
//
// Every width is measured by the *runewidth.Condition the caller passes (CJK
// characters take two columns; “ ” ‘ ’ … — · one or two depending on
// Condition.EastAsianWidth), over whole grapheme clusters, which are never
// split.
//
// Lines break at the opportunities of UAX #14 (as rivo/uniseg finds them),
// adjusted to the Chinese rules of W3C clreq, without hanging punctuation:
//   - no line starts with closing punctuation (，。、；：？！）」』】》〉〕］｝” ’,
//     ASCII , . ; : ! ? ) ] } and the like), with ·, with a small kana or
//     ー; no line ends with opening punctuation (（「『【《〈〔［｛“ ‘ ( [ {);
//   - …… and —— are never split;
//   - a break is allowed before “ ‘ and after ” ’ next to CJK text (UAX #14
//     forbids any break beside quotation marks);
//   - runs of printable ASCII (words, numbers such as 12.5%, URLs) are not
//     split unless they are wider than the line;
//   - ASCII spaces, tabs and U+200B are break points dropped at the edges of
//     a line; U+3000 is kept, so a paragraph indent stays in place.
//
// When the best break would leave a forbidden mark at a line's edge, the
// characters before it move to the next line with it (push-out). A run
// without any allowed break that is wider than the line starts a new line
// and is cut between grapheme clusters, where possible at a place the
// rules above allow.
package wrap

import (
	"github.com/mattn/go-runewidth"

	"newsbrowse/loader"
)

// Line is one screen line of a wrapped document.
type Line struct {
	Text string           // what is shown: a substring of the flat text, or "" for a blank separator line
	Off  int              // byte offset of Text in the document's flat text; -1 for a separator line
	Kind loader.BlockKind // kind of the block the line belongs to (of the block before it, for a separator)
}

// Wrap lays out a document in lines at most width columns wide (widths
// below 1 count as 1), each block wrapped by Breaks and consecutive blocks
// separated by exactly one blank line. Offsets refer to the flat text, the
// block texts joined with "\n": for every non-separator line,
// Text == flat[Off:Off+len(Text)]. cond must not be nil.
func Wrap(blocks []loader.Block, width int, cond *runewidth.Condition) []Line {
	lines := make([]Line, 0, 2*len(blocks))
	Each(blocks, width, cond, func(l Line) { lines = append(lines, l) })
	return lines
}

// Each calls fn with the lines Wrap returns, in order, one at a time: the
// memory it takes does not grow with the document (see Liner).
func Each(blocks []loader.Block, width int, cond *runewidth.Condition, fn func(Line)) {
	var l Liner
	off := 0
	for i, blk := range blocks {
		if i > 0 {
			fn(Line{Off: -1, Kind: blocks[i-1].Kind})
		}
		l.Reset(blk.Text, width, cond)
		for {
			a, e, ok := l.Next()
			if !ok {
				break
			}
			fn(Line{Text: blk.Text[a:e], Off: off + a, Kind: blk.Kind})
		}
		off += len(blk.Text) + 1
	}
}
