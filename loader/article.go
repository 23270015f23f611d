// Package loader finds the articles of a collection, parses their names,
// decodes their bytes and cleans their HTML into text blocks. It has no
// terminal or UI dependency: the CLI, the TUI and the tests share it.
package loader

import "strings"

// Entry is one article of a collection, known by its name only.
type Entry struct {
	Prefix  string // leading ASCII digits of the file name as written ("" if none)
	Title   string // the rest of the name, without separator and ".txt", as UTF-8
	RelPath string // slash-separated path relative to the collection root, as on disk
}

// Dir is the sub-folder of the entry relative to the collection root ("" at
// the top), for display: decoded and made safe as DisplayPath does, since a
// folder name, like a file name, can hold anything but "/" and NUL.
func (e Entry) Dir() string {
	for i := len(e.RelPath) - 1; i >= 0; i-- {
		if e.RelPath[i] == '/' {
			return DisplayPath(e.RelPath[:i])
		}
	}
	return ""
}

// BlockKind tells how a block of cleaned text is laid out.
type BlockKind int

const (
	Paragraph BlockKind = iota // body text, starting with the two U+3000 indent
	Image                      // an image placeholder, Text is "[图片]"
	Heading                    // a title or heading line
)

// Block is one unit of cleaned text: a paragraph, an image line or a heading.
// Text holds no newline and no control character.
type Block struct {
	Kind BlockKind
	Text string
}

// ImageText is what an image placeholder shows.
const ImageText = "[图片]"

// Indent is the customary paragraph indent: two ideographic spaces.
const Indent = "\u3000\u3000"

// Flatten returns the flat text of a document, the block texts joined with
// "\n", and the byte offset in it where each block starts.
func Flatten(blocks []Block) (text string, starts []int) {
	n := 0
	for _, b := range blocks {
		n += len(b.Text) + 1
	}
	var buf strings.Builder
	buf.Grow(n)
	starts = make([]int, len(blocks))
	for i, b := range blocks {
		if i > 0 {
			buf.WriteByte('\n')
		}
		starts[i] = buf.Len()
		buf.WriteString(b.Text)
	}
	return buf.String(), starts
}

// compactFrom is the size of flat text from which an article's blocks are
// made to share its flat text (see Article.Flat).
const compactFrom = 256 << 10

// compact returns the flat text of blocks, and the blocks with their texts
// moved into it: a huge article is then held once, whether shown by block
// or searched as a whole.
func compact(blocks []Block) ([]Block, string) {
	flat, starts := Flatten(blocks)
	out := make([]Block, len(blocks))
	for i, b := range blocks {
		out[i] = Block{Kind: b.Kind, Text: flat[starts[i] : starts[i]+len(b.Text)]}
	}
	return out, flat
}

// SearchText is the flat text of blocks (as Flatten gives it) as searches
// see it: each image placeholder is blanked out with NUL bytes, which no
// query holds, so "[图片]" never matches while every offset stays that of
// flat. flat itself is returned, without a copy, when there is no image.
func SearchText(flat string, blocks []Block) string {
	var b []byte
	off := 0
	for _, bl := range blocks {
		if bl.Kind == Image && off+len(bl.Text) <= len(flat) {
			if b == nil {
				b = []byte(flat)
			}
			clear(b[off : off+len(bl.Text)])
		}
		off += len(bl.Text) + 1
	}
	if b == nil {
		return flat
	}
	return string(b)
}
