package wrap

import "newsbrowse/loader"

// Character classes used on top of the UAX #14 break opportunities, after the
// Chinese line-breaking rules of W3C clreq (push-out, no hanging punctuation).

// Flags describing the first rune of a grapheme cluster.
const (
	fSpace      uint8 = 1 << iota // break point dropped at a line edge: ASCII space, tab, U+200B, hard breaks
	fNoStart                      // must not start a line: closing punctuation, ·, small kana, ー
	fNoEnd                        // must not end a line: opening punctuation
	fOpenQuote                    // “ ‘
	fCloseQuote                   // ” ’
	fCJK                          // ideograph, kana, hangul or CJK / full-width punctuation
	fGlue                         // … ⋯ — ―: two equal ones are never split
	fASCII                        // printable ASCII other than space: runs of it are words, numbers, URLs
)

// noStart lists the non-ASCII characters that never start a line.
var noStart = map[rune]bool{}

// noEnd lists the non-ASCII characters that never end a line.
var noEnd = map[rune]bool{}

func init() {
	for _, r := range "，。、；：？！）」』】》〉〕］｝〗〙〛〞〟｠｡｣､･" +
		"．：；？！" + // full-width forms not listed above
		"”’·‼⁇⁈⁉" +
		"﹐﹑﹒﹔﹕﹖﹗﹚﹜﹞" + // small form variants
		"︐︑︒︓︔︕︖" + // vertical forms
		"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ" + // small kana
		"ｧｨｩｪｫｬｭｮｯｰ" + // half-width small kana and prolonged sound mark
		"ー々〻ゝゞヽヾ・" {
		noStart[r] = true
	}
	for _, r := range "（「『【《〈〔［｛〖〘〚〝｟｢“‘﹙﹛﹝" {
		noEnd[r] = true
	}
}

// classify returns the flags of a cluster whose first rune is r.
func classify(r rune) uint8 {
	if r < 0x80 {
		switch r {
		case ' ', '\t', '\n', '\v', '\f', '\r':
			return fSpace
		case ',', '.', ';', ':', '!', '?', ')', ']', '}':
			return fASCII | fNoStart
		case '(', '[', '{':
			return fASCII | fNoEnd
		}
		if r > ' ' && r < 0x7f {
			return fASCII
		}
		return 0
	}
	if r >= 0x4e00 && r <= 0x9fff { // the common case in Chinese text
		return fCJK
	}
	var f uint8
	switch r {
	case 0x200b, 0x85, 0x2028, 0x2029:
		return fSpace
	case '“', '‘':
		f |= fOpenQuote
	case '”', '’':
		f |= fCloseQuote
	case '…', '⋯', '—', '―':
		f |= fGlue
	}
	if noStart[r] {
		f |= fNoStart
	}
	if noEnd[r] {
		f |= fNoEnd
	}
	if loader.IsCJK(r) { // the context in which quotation marks may be broken around
		f |= fCJK
	}
	return f
}

// badCut reports whether a line may not end with a cluster flagged x and
// the next one start with a cluster flagged y (both not spaces): y is a
// closing mark, x an opening one, or the pair is half of …… or ——.
func badCut(x, y *seg) bool {
	return y.flags&fNoStart != 0 || x.flags&fNoEnd != 0 ||
		(x.flags&fGlue != 0 && x.r == y.r)
}

// quoteBreak reports whether the break that UAX #14 (LB19) forbids beside a
// quotation mark is allowed between adjacent clusters x and y: before “ ‘
// and after ” ’ in Chinese context.
func quoteBreak(x, y *seg) bool {
	if y.flags&fOpenQuote != 0 && x.flags&(fCJK|fCloseQuote) != 0 {
		return true
	}
	return x.flags&fCloseQuote != 0 && y.flags&(fCJK|fOpenQuote) != 0
}
