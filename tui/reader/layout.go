package reader

import (
	"unicode/utf8"

	"github.com/mattn/go-runewidth"

	"newsbrowse/loader"
	"newsbrowse/tui/wrap"
)

// span is one screen line: the bytes [a, b) of the flat text, in paragraph
// p. An empty span is a blank line (the separator between blocks, or an
// empty line of the source). Lines are held as offsets into the text, not
// as strings: twelve bytes a line, however the article is made.
type span struct{ a, b, p int32 }

// para is a unit of layout: a block of the document, or a piece of a huge
// one. A piece that continues a block has no blank line before it, and
// goes on the last line of the piece before it when it is laid out after
// it (see layPara), so that the block's lines are those of one piece.
type para struct {
	a, b int32 // the bytes of the flat text it holds
	kind loader.BlockKind
	cont bool // continues the block of the paragraph before it
}

// pieceLen is the most a paragraph of layout holds: a longer block is cut
// in pieces of about this size, so that laying out the lines around any
// place of a huge article costs the same whatever its size. A piece ends
// at the end of a sentence or a space where it can, otherwise between two
// characters. Laid out after the piece before it, a piece takes up that
// piece's last line again (see layPara): a block laid out from its start
// has the lines of wrap.Breaks. Only a window of a huge block laid out
// from a later piece (around a place deep in it, before the whole layout
// comes) may differ, where it starts.
const pieceLen = 8 << 10

// splitParas makes the paragraphs of layout of blocks, whose texts are
// joined with "\n" in flat.
func splitParas(flat string, blocks []loader.Block) []para {
	paras := make([]para, 0, len(blocks))
	off := 0
	for _, b := range blocks {
		s, cont := b.Text, false
		for len(s) > pieceLen {
			n := pieceCut(s)
			paras = append(paras, para{a: int32(off), b: int32(off + n), kind: b.Kind, cont: cont})
			s, off, cont = s[n:], off+n, true
		}
		paras = append(paras, para{a: int32(off), b: int32(off + len(s)), kind: b.Kind, cont: cont})
		off += len(s) + 1
	}
	return paras
}

// pieceCut is where to end the first piece of s, longer than pieceLen.
func pieceCut(s string) int {
	for i := pieceLen; i > pieceLen-2048; i-- {
		if s[i-1] == ' ' {
			return i
		}
		if r, size := utf8.DecodeLastRuneInString(s[:i]); size == 3 && (r == '。' || r == '！' || r == '？' || r == '；') {
			return i
		}
	}
	// between two characters: before an ASCII letter or an ideograph,
	// which never continue a grapheme cluster
	for i := pieceLen; i > 0; i-- {
		if r, _ := utf8.DecodeRuneInString(s[i:]); r < 0x7f && r > ' ' || r >= 0x4e00 && r <= 0x9fff {
			return i
		}
	}
	i := pieceLen
	for i > 1 && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

// layPara appends the lines of paragraph i at width: a blank line first
// when it starts a block other than the first (in the cleaned text), then
// its text broken into lines. A piece that continues the block of the
// last line of dst (the piece before it) takes that line up again: the
// lines go on from its start, as if the two were one piece.
func layPara(dst []span, flat string, paras []para, i int, raw bool, width int, cond *runewidth.Condition, l *wrap.Liner) []span {
	p := paras[i]
	if i > 0 && !raw && !p.cont {
		end := paras[i-1].b
		dst = append(dst, span{a: end, b: end, p: int32(i)})
	}
	from := p.a
	if n := len(dst); p.cont && n > 0 && dst[n-1].p == int32(i-1) {
		from = dst[n-1].a
		dst = dst[:n-1]
	}
	l.Reset(flat[from:p.b], width, cond)
	for {
		a, b, ok := l.Next()
		if !ok {
			return dst
		}
		dst = append(dst, span{a: from + int32(a), b: from + int32(b), p: int32(i)})
	}
}

// layAll lays out every paragraph at width.
func layAll(flat string, paras []para, raw bool, width int, cond *runewidth.Condition) []span {
	var l wrap.Liner
	lines := make([]span, 0, len(flat)/(2*max(1, width))+len(paras))
	for i := range paras {
		lines = layPara(lines, flat, paras, i, raw, width, cond, &l)
	}
	return lines
}
