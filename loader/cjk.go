package loader

import (
	"unicode/utf8"

	"golang.org/x/text/width"
)

// IsCJK reports whether r is an East Asian wide, fullwidth or halfwidth
// character (Unicode's East_Asian_Width W, F or H): an ideograph, kana,
// hangul, bopomofo, a CJK or fullwidth punctuation mark. Text made of them
// is written without spaces between words. The one definition of the
// program: the cleaner joins lines by it and the line breaker (tui/wrap)
// allows breaks beside quotation marks by it.
func IsCJK(r rune) bool {
	if r < utf8.RuneSelf {
		return false
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth, width.EastAsianHalfwidth:
		return true
	}
	return false
}
