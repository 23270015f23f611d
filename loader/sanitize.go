package loader

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Text read from a file reaches the terminal only through the functions of
// this file: Sanitize and SanitizeLine for the article view, titles and
// snippets, Visible for the raw source view.

// runeAction tells what Sanitize does with a rune.
type runeAction uint8

const (
	keep    runeAction = iota
	drop               // control or bidi formatting character
	newline            // U+2028 / U+2029: becomes "\n"
)

// classify returns what Sanitize does with r.
func classify(r rune) runeAction {
	switch {
	case r == '\n' || r == '\t':
		return keep
	case r < 0x20 || r == 0x7f: // C0 controls (ESC included) and DEL
		return drop
	case r < 0x80:
		return keep
	case r <= 0x9f: // C1 controls
		return drop
	case r < 0x061c:
		if r == 0xad || r == 0x34f { // soft hyphen, grapheme joiner
			return drop
		}
		return keep
	}
	return classifyRare(r)
}

func classifyRare(r rune) runeAction {
	switch {
	case r == 0x061c, r == 0x200e, r == 0x200f: // ALM, LRM, RLM
		return drop
	case r >= 0x202a && r <= 0x202e: // LRE, RLE, PDF, LRO, RLO
		return drop
	case r >= 0x2066 && r <= 0x2069: // LRI, RLI, FSI, PDI
		return drop
	case r == 0x2028 || r == 0x2029: // line and paragraph separators
		return newline
	case ignorable(r):
		return drop
	}
	return keep
}

// ignorable reports whether r is a default-ignorable code point that
// terminals draw differently from the program's width measure (U+00AD is
// 0 columns to runewidth and 1 to glibc and tmux) and that text can lose
// without harm: soft hyphen, grapheme joiner, the Hangul fillers, the Khmer
// inherent vowels, the Mongolian free variation selectors and vowel
// separator, zero-width space and non-joiner, word joiner and the invisible
// operators, the deprecated format characters, the byte order mark inside
// text, the interlinear annotation and other unassigned specials, shorthand
// format controls, musical format controls and the unassigned tag block.
// Kept are the zero-width joiner, the variation selectors and the tag
// characters: emoji sequences are made of them.
func ignorable(r rune) bool {
	switch {
	case r < 0xad || (r > 0x3164 && r < 0xfeff):
		return false
	case r == 0xad, r == 0x34f, r == 0x115f, r == 0x1160, r == 0x17b4, r == 0x17b5:
		return true
	case r >= 0x180b && r <= 0x180f:
		return true
	case r == 0x200b, r == 0x200c:
		return true
	case r >= 0x2060 && r <= 0x206f && !(r >= 0x2066 && r <= 0x2069):
		return true // bidi isolates U+2066–U+2069 are dropped as bidi controls
	case r == 0x3164, r == 0xfeff, r == 0xffa0:
		return true
	case r >= 0xfff0 && r <= 0xfff8:
		return true
	case r >= 0x1bca0 && r <= 0x1bca3, r >= 0x1d173 && r <= 0x1d17a:
		return true
	case r >= 0xe0000 && r <= 0xe001f, r >= 0xe0080 && r <= 0xe00ff, r >= 0xe01f0 && r <= 0xe0fff:
		return true
	}
	return false
}

// Sanitize returns s with everything a terminal could act on removed: C0
// controls except "\n" and "\t" (ESC and CR included), DEL, C1 controls
// U+0080–U+009F, the bidi formatting characters (U+061C, U+200E, U+200F,
// U+202A–U+202E, U+2066–U+2069) and the default-ignorable characters that
// terminals draw differently (U+00AD, see ignorable). U+2028 and U+2029 become "\n". Bytes that
// are not valid UTF-8 become U+FFFD, so the result is always valid UTF-8.
// A string that needs no change is returned as is, without allocating.
func Sanitize(s string) string {
	return sanitize(s, false)
}

// SanitizeLine is Sanitize for text shown on a single line (titles,
// snippets): "\n" and "\t" become a space as well.
func SanitizeLine(s string) string {
	return sanitize(s, true)
}

func sanitize(s string, line bool) string {
	i := firstUnsafe(s, line)
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch classify(r) {
		case drop:
			continue
		case newline:
			r = '\n'
		}
		if line && (r == '\n' || r == '\t') {
			r = ' '
		}
		if r == utf8.RuneError {
			b.WriteString("\uFFFD")
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// firstUnsafe returns the byte offset of the first rune sanitize would
// change, or len(s). The runes skipPlain passes over, eight bytes at a
// time where it can, are kept by sanitize, "\n" and "\t" aside when line
// is set; from where it stops on, firstUnsafeRunes tells rune by rune.
func firstUnsafe(s string, line bool) int {
	i := skipPlain(bytesOf(s), 0, plainRunes())
	if line {
		if k := strings.IndexByte(s[:i], '\n'); k >= 0 {
			i = k
		}
		if k := strings.IndexByte(s[:i], '\t'); k >= 0 {
			i = k
		}
	}
	return i + firstUnsafeRunes(s[i:], line)
}

// firstUnsafeRunes is firstUnsafe told rune by rune, the ASCII eight
// bytes at a time.
func firstUnsafeRunes(s string, line bool) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if i+8 <= len(s) && safeASCII8(s[i:i+8]) {
				i += 8 // markup and Latin text, eight bytes at a time
				continue
			}
			if classify(rune(c)) != keep || (line && (c == '\n' || c == '\t')) {
				return i
			}
			i++
			continue
		}
		if (c >= 0xe4 && c <= 0xec || c == 0xee) && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 {
			i += 3 // ideographs, as keepsThree tells, without a call
			continue
		}
		if keepsThree(s, i) {
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || classify(r) != keep {
			return i
		}
		i += size
	}
	return len(s)
}

// safeASCII8 reports whether the eight bytes of s are ASCII that sanitize
// keeps whatever line is: no byte below 0x20 (so neither "\n" nor "\t"),
// none 0x7F and none 0x80 or above.
func safeASCII8(s string) bool {
	w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	if w&highs != 0 {
		return false
	}
	// every byte is below 0x80: a byte below 0x20, or a byte 0x7F (0 once
	// xored with 0x7F), sets its high bit in one of these
	del := w ^ 0x7f*ones
	return (w-0x20*ones)&^w&highs == 0 && (del-ones)&^del&highs == 0
}

// keepsThree reports whether s holds at i a valid three-byte rune in
// U+1000–U+1FFF, U+3000–U+CFFF or U+E000–U+FFFF that classify keeps (all
// but a few ignorable ones): the bulk of Chinese text, told with a few
// comparisons.
func keepsThree(s string, i int) bool {
	if i+2 >= len(s) || s[i+1]&0xc0 != 0x80 || s[i+2]&0xc0 != 0x80 {
		return false
	}
	switch c := s[i]; c {
	case 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xeb, 0xec, 0xee:
		return true // U+4000–U+CFFF, U+E000–U+EFFF
	case 0xe3:
		return s[i+1] != 0x85 || s[i+2] != 0xa4 // U+3164, the one ignorable of U+3000–U+3FFF
	case 0xe1, 0xef:
		if c == 0xef && (s[i+1] < 0xbb || s[i+1] == 0xbc || s[i+1] == 0xbd) {
			return true // U+F000–U+FEBF, U+FF00–U+FF7F: none ignorable
		}
		r := rune(c&0x0f)<<12 | rune(s[i+1]&0x3f)<<6 | rune(s[i+2]&0x3f)
		return !ignorable(r)
	}
	return false
}

// VisibleTab is what Visible shows for a tab: a fixed four spaces, so the
// raw view does not depend on terminal tab stops.
const VisibleTab = "    "

// Visible shows s, the decoded content of a file, for the raw source view:
// every character a terminal could act on is replaced by a printable
// notation, the rest is kept. "\n" is kept; a tab becomes VisibleTab;
// other C0 controls and DEL use caret notation ("^@", "^G", "^[", "^M",
// "^?"); C1 controls, bidi formatting characters and U+2028/U+2029 are
// shown as "<U+009B>"; a byte that is not valid UTF-8 as "<0xFF>".
func Visible(s string) string {
	i := firstInvisible(s)
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString("<0x")
			b.WriteString(strings.ToUpper(strconv.FormatUint(uint64(s[i]), 16)))
			b.WriteByte('>')
		case r == '\n':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteString(VisibleTab)
		case r < 0x20:
			b.WriteByte('^')
			b.WriteByte(byte(r) + 0x40)
		case r == 0x7f:
			b.WriteString("^?")
		case classify(r) != keep:
			writeCodePoint(&b, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// firstInvisible returns the byte offset of the first rune Visible would
// change, or len(s).
func firstInvisible(s string) int {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '\t' || (r == utf8.RuneError && size == 1) || (r != '\n' && classify(r) != keep) {
			return i
		}
		i += size
	}
	return len(s)
}

// writeCodePoint writes r as "<U+XXXX>".
func writeCodePoint(b *strings.Builder, r rune) {
	h := strings.ToUpper(strconv.FormatUint(uint64(r), 16))
	b.WriteString("<U+")
	for n := len(h); n < 4; n++ {
		b.WriteByte('0')
	}
	b.WriteString(h)
	b.WriteByte('>')
}
