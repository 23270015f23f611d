package match

import (
	"strings"
	"unicode/utf8"
)

// finder finds a needle in text as strings.Index does, searching first for
// the byte of the needle that Chinese text holds least often. strings.Index
// searches for the needle's first byte: for a query in Chinese that is the
// lead byte of an ideograph (0xE4–0xE9), which every third byte or so of
// the text is, and each one found costs a call and a comparison. A
// continuation byte of the needle is one of 64 such bytes and is found far
// less often.
type finder struct {
	needle string
	rare   int // offset in needle of the byte searched for first
}

func newFinder(needle string) finder {
	f := finder{needle: needle}
	for i := 1; i < len(needle); i++ {
		if byteRank(needle[i]) < byteRank(needle[f.rare]) {
			f.rare = i
		}
	}
	return f
}

// byteRank ranks how often a byte occurs in Chinese text in UTF-8, the
// lower the rarer; it only decides which byte is searched for first, not
// what is found. Continuation bytes are the rarest, each of them being
// one of 64 values of two thirds of the bytes of ideographs, but 0x80
// (the ideographic space and punctuation, U+3000–U+303F, and U+2000–U+203F)
// and 0xBC (full-width forms, "，" "：" "（"); then ASCII, then the lead
// bytes of three-byte runes.
func byteRank(c byte) int {
	switch {
	case c >= 0x81 && c <= 0xbf && c != 0xbc:
		return 0
	case c == 0x80 || c == 0xbc:
		return 1
	case c < utf8.RuneSelf:
		return 2
	}
	return 3
}

// index returns the offset of the first needle in text, or -1; an empty
// needle is at 0.
func (f finder) index(text string) int {
	n := len(f.needle)
	if n <= 1 || len(text) < n {
		return strings.Index(text, f.needle)
	}
	c := f.needle[f.rare]
	// the rare byte of a match starting at s is at s+f.rare: the offsets
	// of the byte are searched in order, so the first match is found
	// first
	last := len(text) - n + f.rare // the last offset the byte may have
	for i := f.rare; i <= last; {
		k := strings.IndexByte(text[i:last+1], c)
		if k < 0 {
			return -1
		}
		i += k
		if s := i - f.rare; text[s:s+n] == f.needle {
			return s
		}
		i++
	}
	return -1
}

// indexAll yields every non-overlapping occurrence of the needle in text,
// as indexAll does.
func (f finder) indexAll(text string, yield func(int, int) bool) {
	for from := 0; ; {
		k := f.index(text[from:])
		if k < 0 {
			return
		}
		s := from + k
		from = s + len(f.needle)
		if !yield(s, from) {
			return
		}
	}
}
