package loader

import (
	"encoding/binary"
	"unicode"
	"unicode/utf8"
	"unsafe"

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
	flat     *flatSink // when set, blocks go there instead of into blocks
	buf      []byte    // the current block: Indent for a paragraph, then its text, no leading whitespace
	pre      int       // length of the Indent in buf
	open     bool      // the block has its first rune
	heading  bool      // the current block is a heading
	space    bool      // collapsible whitespace follows the last rune of buf
	newlines int       // newlines in that whitespace
	pieces   []string  // room for the pieces of appendBanners, kept for the next text
}

// isCollapsible reports whether r belongs to a whitespace run that
// collapses to one space.
func isCollapsible(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\u00a0'
}

// text adds a piece of running text. Controls and bidi characters are
// dropped, U+2028/U+2029 count as newlines and imageMark ends the block
// with an image.
//
// It does what textRune does for each rune, with the common runes taken
// without decoding them: ASCII white space, the white space dropped
// before a block starts (see blankBefore) and runs of plainRun, appended
// whole once a block has started or is started by them.
func (b *blockBuilder) text(s []byte) { b.addText(s, false) }

// saneText is text for sanitized text, s such that Sanitize(s) == s:
// valid UTF-8 without a rune Sanitize drops or makes a newline. The
// sanitizer has told every rune of it already; saneText only looks for
// the bytes that start white space or imageMark (see saneRun).
func (b *blockBuilder) saneText(s []byte) { b.addText(s, true) }

func (b *blockBuilder) addText(s []byte, sane bool) {
	for i := 0; i < len(s); {
		if c := s[i]; c == ' ' || c == '\n' || c == '\t' {
			if b.open { // as addRune does with collapsible white space
				b.space = true
				if c == '\n' {
					b.newlines++
				}
			}
			i++
			continue
		}
		if !b.open {
			if n := blankBefore(s[i:]); n > 0 {
				i += n
				continue
			}
		}
		if !b.space {
			// Inside a block, words and ideographs are copied as they
			// are. Before a block, such a run starts one: no rune of
			// plainRun is white space but U+1680 and U+3000, which
			// blankBefore took, and the other white space of a run of
			// saneRun starts with 0xE2 (U+2000–U+205F), left to
			// textRune. (After white space, the first rune decides how
			// the white space is written: textRune.)
			n := 0
			if !sane {
				n = plainRun(s[i:])
			} else if b.open || s[i] != 0xe2 {
				n = saneRun(s[i:])
			}
			if n > 0 {
				if !b.open {
					b.start()
				}
				b.buf = append(b.buf, s[i:i+n]...)
				i += n
				continue
			}
		}
		r, size := utf8.DecodeRune(s[i:])
		b.textRune(r)
		i += size
	}
}

// blankBefore returns the length of the rune at the start of s when it is
// NBSP (C2 A0), U+1680 (E1 9A 80) or U+3000 (E3 80 80): white space that
// textRune drops when no block has started, and 0 otherwise.
func blankBefore(s []byte) int {
	switch {
	case len(s) >= 2 && s[0] == 0xc2 && s[1] == 0xa0:
		return 2
	case len(s) >= 3 && (s[0] == 0xe3 && s[1] == 0x80 && s[2] == 0x80 || s[0] == 0xe1 && s[1] == 0x9a && s[2] == 0x80):
		return 3
	}
	return 0
}

// plainRun is the length of the run at the start of s of printable ASCII
// other than space and of the three-byte characters the sanitizer keeps
// in U+1000–U+1FFF, U+3000–U+CFFF and U+E000–U+FFFF (ideographs, CJK and
// full-width punctuation, U+3000 among them) or in U+2010–U+2027 (dashes,
// curly quotes, …): characters that addRune appends as they are once a
// block has started, since none of them collapses, ends a line or is
// dropped.
//
// Eight ASCII bytes or two ideographs (twoIdeographs) are told at a time
// where they can be, by one load (TestPlainRunAsOneByOne compares
// plainRunByRune).
func plainRun(s []byte) int {
	t := unsafe.String(unsafe.SliceData(s), len(s))
	i := 0
	for i < len(t) {
		if i+8 <= len(s) {
			// the first byte is not read apart from the eight: the
			// compiler then reads them with one load
			w := binary.LittleEndian.Uint64(s[i : i+8])
			if w&highBits == 0 {
				if wordASCII8(w) {
					i += 8 // markup, Latin text and digits
					continue
				}
			} else if twoIdeographs(w) {
				i += 6
				continue
			}
		}
		c := t[i]
		switch {
		case c > ' ' && c < 0x7f:
			i++
		case c >= 0xe4 && c <= 0xec || c == 0xee:
			// U+4000–U+CFFF, U+E000–U+EFFF: ideographs, none dropped
			if i+2 >= len(t) || t[i+1]&0xc0 != 0x80 || t[i+2]&0xc0 != 0x80 {
				return i
			}
			i += 3
		case (c == 0xe1 || c == 0xe3 || c == 0xef) && keepsThree(t, i):
			i += 3
		case c == 0xe2 && i+2 < len(t) && t[i+1] == 0x80 && t[i+2] >= 0x90 && t[i+2] <= 0xa7:
			i += 3 // U+2010–U+2027: E2 80 90 – E2 80 A7
		default:
			return i
		}
	}
	return i
}

const lowBits, highBits = 0x0101010101010101, 0x8080808080808080

// wordASCII8 reports whether the eight bytes of w, all below 0x80, are
// printable ASCII other than space, the bytes of words: none below 0x21,
// none 0x7F. (plainASCII8 lets spaces through.)
func wordASCII8(w uint64) bool {
	del := w ^ 0x7f*lowBits // 0 where a byte is 0x7F
	return ((w-0x21*lowBits)|(del-lowBits)&^del)&highBits == 0
}

// saneRun is the length of the run at the start of s, sanitized text, of
// the runes addRune appends as they are once a block has started: all but
// collapsible white space and imageMark. It stops at every byte below
// 0x21, at 0x7F and at 0xC2 (NBSP; U+0085 and the C1 controls, which
// sanitized text does not hold, start with it too), reading eight bytes
// at a time. Since each of these bytes starts a rune, the run ends where
// one does.
func saneRun(s []byte) int {
	i := 0
	for ; i+16 <= len(s); i += 16 {
		// sixteen bytes a step: a run of Chinese text is long
		if saneStop8(binary.LittleEndian.Uint64(s[i:i+8])) || saneStop8(binary.LittleEndian.Uint64(s[i+8:i+16])) {
			break
		}
	}
	for ; i+8 <= len(s); i += 8 {
		if w := binary.LittleEndian.Uint64(s[i : i+8]); saneStop8(w) {
			break
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; c <= ' ' || c == 0x7f || c == 0xc2 {
			break
		}
	}
	return i
}

// saneStop8 reports whether one of the eight bytes of w is below 0x21,
// 0x7F or 0xC2.
func saneStop8(w uint64) bool {
	del, c2 := w^0x7f*lowBits, w^0xc2*lowBits // 0 where a byte is 0x7F, 0xC2
	return ((w-0x21*lowBits)&^w|(del-lowBits)&^del|(c2-lowBits)&^c2)&highBits != 0
}

// textPiece adds a piece of sanitized text without markup, its character
// references decoded. A huge piece is most likely one huge block: room
// for it is made at once rather than by growing step by step.
func (b *blockBuilder) textPiece(s string) {
	if len(s) >= bigBlock && cap(b.buf)-len(b.buf) < len(s) {
		b.buf = append(make([]byte, 0, len(b.buf)+len(Indent)+len(s)), b.buf...)
	}
	b.textToken(s)
}

func (b *blockBuilder) textRune(r rune) {
	if r == imageMark {
		b.image()
		return
	}
	switch classify(r) {
	case drop:
		return
	case newline:
		r = '\n'
	}
	b.addRune(r)
}

func (b *blockBuilder) addRune(r rune) {
	if isCollapsible(r) {
		if b.open {
			b.space = true
			if r == '\n' {
				b.newlines++
			}
		}
		return
	}
	if !b.open {
		if unicode.IsSpace(r) {
			return // leading U+3000 and other spaces
		}
		b.start()
	} else if b.space {
		switch {
		case b.newlines >= 2 || (b.newlines == 1 && r == '\u3000'):
			b.flush()
			if unicode.IsSpace(r) {
				return
			}
			b.start()
		case b.newlines == 1 && (joinsTight(b.lastRune()) || joinsTight(r)):
		default:
			b.buf = append(b.buf, ' ')
		}
		b.space, b.newlines = false, 0
	}
	b.buf = utf8.AppendRune(b.buf, r)
}

// lastRune returns the last rune of the open block, the last rune of buf:
// what is appended to buf is whole runes.
func (b *blockBuilder) lastRune() rune {
	r, _ := utf8.DecodeLastRune(b.buf)
	return r
}

// joinsTight reports whether r is written without spaces around it when a
// line break inside a paragraph is removed: CJK text (Hangul excepted,
// Korean uses spaces) and the ambiguous-width punctuation of Chinese text
// (“ ” ‘ ’ … — ·).
func joinsTight(r rune) bool {
	if r < utf8.RuneSelf {
		return false
	}
	if IsCJK(r) {
		return !unicode.Is(unicode.Hangul, r)
	}
	return width.LookupRune(r).Kind() == width.EastAsianAmbiguous && (unicode.IsPunct(r) || unicode.IsSymbol(r))
}

// start begins a block with the rune about to be added: a paragraph
// starts with the Indent.
func (b *blockBuilder) start() {
	b.buf, b.pre, b.open = b.buf[:0], 0, true
	if !b.heading {
		b.buf = append(b.buf, Indent...)
		b.pre = len(Indent)
	}
}

// bigBlock is the size from which a block's text keeps the memory it was
// built in rather than being copied: a huge article is not held twice.
const bigBlock = 64 << 10

// flush ends the current block: its trailing whitespace is trimmed, and a
// block left empty is dropped. A paragraph gets the Indent.
func (b *blockBuilder) flush() {
	if b.open {
		n := trimEnd(b.buf, b.pre)
		if n > b.pre && b.flat != nil {
			b.flat.add(b.buf[:n], b.pre)
		} else if n > b.pre {
			var text string
			if n >= bigBlock && cap(b.buf) <= n+n/4 {
				// the block owns buf from now on: nothing writes to it again
				text = unsafe.String(&b.buf[0], n)
				b.buf = nil
			} else {
				text = string(b.buf[:n])
			}
			kind := Paragraph
			if b.heading {
				kind = Heading
			}
			b.blocks = append(b.blocks, Block{Kind: kind, Text: text})
		}
	}
	b.buf, b.open = b.buf[:0], false
	b.space, b.newlines = false, 0
}

// trimEnd returns the length of buf, valid UTF-8, without the white
// space (unicode.IsSpace) at its end, keeping at least its first pre
// bytes. A block ends in a word, an ideograph or a punctuation mark
// nearly always: ASCII other than white space and the runes of
// U+3001–U+FFFF, none white space, are told without decoding.
func trimEnd(buf []byte, pre int) int {
	n := len(buf)
	if n <= pre {
		return n
	}
	if c := buf[n-1]; c > ' ' && c < utf8.RuneSelf {
		return n
	}
	if n-3 >= pre && buf[n-1]&0xc0 == 0x80 && buf[n-2]&0xc0 == 0x80 {
		switch c := buf[n-3]; {
		case c >= 0xe4 && c <= 0xef,
			c == 0xe3 && (buf[n-2] != 0x80 || buf[n-1] != 0x80): // not U+3000
			return n
		}
	}
	for n > pre {
		r, size := utf8.DecodeLastRune(buf[pre:n])
		if !unicode.IsSpace(r) {
			break
		}
		n -= size
	}
	return n
}

// image ends the current block and adds an image line.
func (b *blockBuilder) image() {
	b.flush()
	if b.flat != nil {
		b.flat.image()
		return
	}
	b.blocks = append(b.blocks, Block{Kind: Image, Text: ImageText})
}

// reset makes b as new, keeping its memory and where it writes: what was
// written since it was new is taken back.
func (b *blockBuilder) reset() {
	if b.flat != nil {
		b.flat.rewind()
	}
	*b = blockBuilder{buf: b.buf[:0], flat: b.flat, pieces: b.pieces}
}
