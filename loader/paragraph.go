package loader

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// imageMark stands for an image placeholder inside the text handed to the
// HTML tokenizer. Sanitize removes every NUL of the input before the mark
// is inserted, and no character reference decodes to NUL, so a NUL in a
// text token is always a mark.
const imageMark = '\x00'

// blockBuilder collects running text into blocks. Text arrives in pieces
// (the text tokens between tags); the builder keeps its whitespace state
// across pieces, so inline tags do not break words or paragraphs.
//
// Inside a block, runs of ASCII space, tab, newline and NBSP collapse to one
// space. A run holding two or more newlines (a blank line), or one newline
// followed by U+3000 (a line that starts with the customary indent), ends
// the block. A single newline joins the lines: with nothing between them
// when a character on either side is CJK, with a space otherwise.
type blockBuilder struct {
	blocks   []Block
	buf      []byte // text of the current block, no leading whitespace
	heading  bool   // the current block is a heading
	space    bool   // collapsible whitespace follows the last rune of buf
	newlines int    // newlines in that whitespace
	last     rune   // last rune of buf
}

// isCollapsible reports whether r belongs to a whitespace run that
// collapses to one space.
func isCollapsible(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\u00a0'
}

// text adds a piece of running text. Controls and bidi characters are
// dropped, U+2028/U+2029 count as newlines and imageMark ends the block
// with an image.
func (b *blockBuilder) text(s []byte) {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRune(s[i:])
		i += size
		if r == imageMark {
			b.image()
			continue
		}
		switch classify(r) {
		case drop:
			continue
		case newline:
			r = '\n'
		}
		b.addRune(r)
	}
}

func (b *blockBuilder) addRune(r rune) {
	if isCollapsible(r) {
		if len(b.buf) > 0 {
			b.space = true
			if r == '\n' {
				b.newlines++
			}
		}
		return
	}
	if len(b.buf) == 0 {
		if unicode.IsSpace(r) {
			return // leading U+3000 and other spaces
		}
	} else if b.space {
		switch {
		case b.newlines >= 2 || (b.newlines == 1 && r == '\u3000'):
			b.flush()
			if unicode.IsSpace(r) {
				return
			}
		case b.newlines == 1 && (isCJK(b.last) || isCJK(r)):
		default:
			b.buf = append(b.buf, ' ')
		}
		b.space, b.newlines = false, 0
	}
	b.buf = utf8.AppendRune(b.buf, r)
	b.last = r
}

// isCJK reports whether r is written without spaces around it when a line
// break inside a paragraph is removed: East Asian wide, fullwidth and
// halfwidth characters (Hangul excepted, Korean uses spaces), and the
// ambiguous-width punctuation of Chinese text (“ ” ‘ ’ … — ·).
func isCJK(r rune) bool {
	if r < utf8.RuneSelf {
		return false
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth, width.EastAsianHalfwidth:
		return !unicode.Is(unicode.Hangul, r)
	case width.EastAsianAmbiguous:
		return unicode.IsPunct(r) || unicode.IsSymbol(r)
	}
	return false
}

// flush ends the current block: its trailing whitespace is trimmed, and a
// block left empty is dropped. A paragraph gets the Indent.
func (b *blockBuilder) flush() {
	text := b.buf
	for len(text) > 0 {
		r, size := utf8.DecodeLastRune(text)
		if !unicode.IsSpace(r) {
			break
		}
		text = text[:len(text)-size]
	}
	if len(text) > 0 {
		if b.heading {
			b.blocks = append(b.blocks, Block{Kind: Heading, Text: string(text)})
		} else {
			b.blocks = append(b.blocks, Block{Kind: Paragraph, Text: Indent + string(text)})
		}
	}
	b.buf = b.buf[:0]
	b.space, b.newlines, b.last = false, 0, 0
}

// image ends the current block and adds an image line.
func (b *blockBuilder) image() {
	b.flush()
	b.blocks = append(b.blocks, Block{Kind: Image, Text: ImageText})
}
