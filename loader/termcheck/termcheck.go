// Package termcheck tells whether a text could make a terminal do anything
// but print it. The tests of every output of newsbrowse use it, apart from
// the code that makes text safe (loader.Sanitize), so that a hole in one is
// not hidden by the same hole in the other.
package termcheck

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Hazard describes the first thing in s that a terminal could act on, or
// returns "". Refused are bytes that are not UTF-8 (a lone 0x9B is CSI to
// an 8-bit terminal), C0 controls other than those listed in allowed (ESC
// and BEL never pass), DEL, C1 controls U+0080–U+009F, the bidi formatting
// characters and U+2028/U+2029.
func Hazard(s, allowed string) string {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		what := ""
		switch {
		case r == utf8.RuneError && size == 1:
			what = fmt.Sprintf("invalid byte %#x", s[i])
		case r == 0x1b || r == 0x07:
			what = fmt.Sprintf("byte %#x", r)
		case r < 0x20 && strings.ContainsRune(allowed, r):
		case r < 0x20 || r == 0x7f:
			what = fmt.Sprintf("control %U", r)
		case r >= 0x80 && r <= 0x9f:
			what = fmt.Sprintf("C1 control %U", r)
		case r == 0x061c, r == 0x200e, r == 0x200f, r >= 0x202a && r <= 0x202e,
			r >= 0x2066 && r <= 0x2069, r == 0x2028, r == 0x2029:
			what = fmt.Sprintf("bidi or separator %U", r)
		}
		if what != "" {
			return fmt.Sprintf("%s at %d in %q", what, i, s[max(0, i-24):min(len(s), i+24)])
		}
		i += size
	}
	return ""
}
