package match

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Folding works rune by rune: every rune of the query and of the text is
// replaced by its NFKC form (full-width letters, digits and punctuation become
// their ASCII counterparts, U+3000 becomes a space, ligatures expand; the
// curly quotes “ ” ‘ ’ become " and ', which is what people type), then,
// when matching is case-insensitive, every resulting rune is replaced by one
// fixed member of its simple case-folding orbit. Folding rune by rune is what
// lets a match in the folded text be mapped back to whole runes of the
// original text. Last, traditional and variant characters become simplified
// ones (variants.go).

// lowerASCII maps every byte to itself except 'A'..'Z', which become lower case.
var lowerASCII = func() (t [256]byte) {
	for i := range t {
		t[i] = byte(i)
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = byte(c - 'A' + 'a')
	}
	return t
}()

// invalidFold is what a byte that is not part of valid UTF-8 folds to.
const invalidFold = "\uFFFD"

// stableUncased reports whether r is unchanged by NFKC and has no case, for
// the ranges that make up nearly all of a Chinese text.
func stableUncased(r rune) bool {
	return (r >= 0x4E00 && r <= 0x9FFF) || // CJK unified ideographs
		(r >= 0x3400 && r <= 0x4DBF) || // CJK extension A
		(r >= 0x3001 && r <= 0x3035) || // CJK symbols and punctuation
		r == 0x201A || r == 0x201B || // low and reversed single quotes
		(r >= 0xAC00 && r <= 0xD7A3) // Hangul syllables
}

// appendRuneFold appends the fold of the first rune of s (which must not be
// empty) to dst and returns the extended slice and the byte length of that
// rune: its width and case fold, then the simplified form of every variant
// character in it (see variants.go).
func appendRuneFold(dst []byte, s string, insensitive bool) ([]byte, int) {
	start := len(dst)
	dst, n := appendWidthFold(dst, s, insensitive)
	if n > 1 { // an ASCII rune folds to ASCII
		dst = foldVariants(dst, start)
	}
	return dst, n
}

// appendWidthFold is appendRuneFold without the folding of variants.
func appendWidthFold(dst []byte, s string, insensitive bool) ([]byte, int) {
	if c := s[0]; c < utf8.RuneSelf {
		if insensitive {
			c = lowerASCII[c]
		}
		return append(dst, c), 1
	}
	r, size := utf8.DecodeRuneInString(s)
	switch {
	case r == utf8.RuneError && size == 1:
		return append(dst, invalidFold...), 1
	case stableUncased(r):
		return append(dst, s[:size]...), size
	case r == 0x201C || r == 0x201D: // “ ”: people type "
		return append(dst, '"'), size
	case r == 0x2018 || r == 0x2019: // ‘ ’: people type '
		return append(dst, '\''), size
	case r == 0x3000: // ideographic space
		return append(dst, ' '), size
	case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII
		c := byte(r - 0xFEE0)
		if insensitive {
			c = lowerASCII[c]
		}
		return append(dst, c), size
	}
	if norm.NFKC.PropertiesString(s[:size]).Decomposition() == nil {
		if insensitive {
			return utf8.AppendRune(dst, caseRep(r)), size
		}
		return append(dst, s[:size]...), size
	}
	// Normalize into the spare capacity of dst through an empty slice, so
	// that the new rune cannot compose with what dst already holds.
	start := len(dst)
	dst = slices.Grow(dst, 4*utf8.UTFMax)
	t := norm.NFKC.AppendString(dst[start:start], s[:size])
	dst = append(dst[:start], t...)
	if !insensitive {
		return dst, size
	}
	var buf [64]byte
	t = buf[:copy(buf[:], dst[start:])]
	if len(t) < len(dst)-start {
		t = append([]byte(nil), dst[start:]...)
	}
	dst = dst[:start]
	for len(t) > 0 {
		r, n := utf8.DecodeRune(t)
		dst = utf8.AppendRune(dst, caseRep(r))
		t = t[n:]
	}
	return dst, size
}

// caseRep returns the representative of r's simple case-folding orbit: the
// smallest member that is its own lower case, or the smallest member if none
// is. All members of an orbit share it, so it serves as a case-insensitive key.
func caseRep(r rune) rune {
	if r < utf8.RuneSelf {
		return rune(lowerASCII[r])
	}
	best, lowest := rune(-1), r
	x := r
	for {
		if unicode.ToLower(x) == x && (best < 0 || x < best) {
			best = x
		}
		if x < lowest {
			lowest = x
		}
		x = unicode.SimpleFold(x)
		if x == r {
			break
		}
	}
	if best >= 0 {
		return best
	}
	return lowest
}

// appendFold appends the fold of every rune of s to dst.
func appendFold(dst []byte, s string, insensitive bool) []byte {
	for i := 0; i < len(s); {
		var n int
		dst, n = appendRuneFold(dst, s[i:], insensitive)
		i += n
	}
	return dst
}

// hasUpper reports whether s holds an upper- or title-case letter.
func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) || unicode.IsTitle(r) {
			return true
		}
	}
	return false
}

// isASCII reports whether s is pure ASCII, eight bytes at a time.
func isASCII(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		if w&0x8080808080808080 != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
