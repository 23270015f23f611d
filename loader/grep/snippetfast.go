package grep

import (
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
)

// Nearly every snippet is cut from Chinese text: ideographs and the
// punctuation around them. In such text every character is a word of its
// own (UAX #29 breaks on both sides of an ideograph, and the punctuation
// below only joins letters or digits, of which there are none) and a
// grapheme cluster of its own, is no white space and is kept by the
// sanitizer: the functions of this file measure and cut it character by
// character instead of segmenting it, with the same result
// (TestFastSnippetSame, FuzzFastSnippetSame).

// loneRuneLen returns the byte length of the rune at the start of s when
// it is one of those characters, else 0: an ideograph U+4E00–U+9FFF, 、。〃,
// the brackets 〈〉《》「」『』【】, the full-width ！（），：；？ or “ ” — ….
func loneRuneLen(s string) int {
	if len(s) < 3 || s[1]&0xc0 != 0x80 || s[2]&0xc0 != 0x80 {
		return 0
	}
	c, c1, c2 := s[0], s[1], s[2]
	switch {
	case c >= 0xe5 && c <= 0xe9, c == 0xe4 && c1 >= 0xb8:
		return 3
	case c == 0xe3 && c1 == 0x80:
		if c2 >= 0x81 && c2 <= 0x83 || c2 >= 0x88 && c2 <= 0x91 {
			return 3
		}
	case c == 0xef && c1 == 0xbc:
		switch c2 {
		case 0x81, 0x88, 0x89, 0x8c, 0x9a, 0x9b, 0x9f:
			return 3
		}
	case c == 0xe2 && c1 == 0x80:
		switch c2 {
		case 0x9c, 0x9d, 0x94, 0xa6:
			return 3
		}
	}
	return 0
}

// loneRunes reports whether s is made of those characters only.
func loneRunes(s string) bool {
	for i := 0; i < len(s); {
		n := loneRuneLen(s[i:])
		if n == 0 {
			return false
		}
		i += n
	}
	return true
}

// plainText reports whether s is made of those characters and printable
// ASCII other than space: each of them is a grapheme cluster of its own
// (no character of either kind joins a cluster), none is white space and
// the sanitizer keeps them all.
func plainText(s string) bool {
	for i := 0; i < len(s); {
		if c := s[i]; c > ' ' && c < 0x7f {
			i++
			continue
		}
		n := loneRuneLen(s[i:])
		if n == 0 {
			return false
		}
		i += n
	}
	return true
}

// textWidth is cond.StringWidth(s), summed character by character for
// plain text.
func textWidth(cond *runewidth.Condition, s string) int {
	if !plainText(s) {
		return cond.StringWidth(s)
	}
	w := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			w++
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		w += cond.RuneWidth(r)
		i += n
	}
	return w
}

// collapse sanitizes s for one line and turns every run of white space
// (U+3000 and NBSP included) into one ASCII space. Plain text is its own
// result.
func collapse(s string) string {
	if plainText(s) {
		return s
	}
	return collapseRunes(s)
}

// cutEnd returns the longest start of s at most w columns wide that ends
// between two words, or, when words is false or the first word alone is
// wider, between two grapheme clusters. Where s starts with the
// characters of loneRuneLen, they are taken one by one: the character
// that no longer fits is a word and a cluster of its own when the one
// after it is one of them too (or s ends), whatever comes later.
func cutEnd(s string, w int, cond *runewidth.Condition, words bool) string {
	used, cut := 0, 0
	for cut < len(s) {
		n := loneRuneLen(s[cut:])
		if n == 0 {
			break
		}
		r, _ := utf8.DecodeRuneInString(s[cut:])
		rw := cond.RuneWidth(r)
		if used+rw > w {
			if cut+n == len(s) || loneRuneLen(s[cut+n:]) > 0 {
				return s[:cut]
			}
			break
		}
		used += rw
		cut += n
	}
	if cut == len(s) {
		return s
	}
	return cutEndSegmented(s, w, cond, words)
}

// cutStart returns the longest end of s at most w columns wide that starts
// between two words, or, when the last word alone is wider, between two
// grapheme clusters. Where s ends with the characters of loneRuneLen,
// they are taken one by one from the end, as cutEnd does from the start.
func cutStart(s string, w int, cond *runewidth.Condition) string {
	used, cut := 0, len(s)
	for cut > 0 {
		n := loneRuneBefore(s, cut)
		if n == 0 {
			break
		}
		r, _ := utf8.DecodeRuneInString(s[cut-n:])
		rw := cond.RuneWidth(r)
		if used+rw > w {
			if cut-n == 0 || loneRuneBefore(s, cut-n) > 0 {
				return s[cut:]
			}
			break
		}
		used += rw
		cut -= n
	}
	if cut == 0 {
		return s
	}
	return cutStartSegmented(s, w, cond)
}

// loneRuneBefore is loneRuneLen for the character that ends at i. A lead
// byte of three is never part of another character, so the three bytes
// before i are that character when they are one of those.
func loneRuneBefore(s string, i int) int {
	if i < 3 {
		return 0
	}
	return loneRuneLen(s[i-3 : i])
}
