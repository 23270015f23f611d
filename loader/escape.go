package loader

import (
	"strings"
	"unicode/utf8"
)

// EscapePath shows a path as its bytes are on disk, readably on a terminal,
// as ls -b does: printable UTF-8 is kept; a backslash becomes "\\", tab,
// newline and carriage return become "\t", "\n" and "\r", and each byte of
// anything else a terminal could act on or draw unreliably (other controls,
// C1 and bidi formatting characters, bytes that are not valid UTF-8, such as
// a GB18030 name) becomes a three-digit octal escape "\ooo". Every byte of p
// can be read back from the result.
func EscapePath(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRuneInString(p[i:])
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case (r == utf8.RuneError && size == 1) || classify(r) != keep || ignorable(r):
			for _, c := range []byte(p[i : i+size]) {
				b.WriteByte('\\')
				b.WriteByte('0' + c>>6)
				b.WriteByte('0' + c>>3&7)
				b.WriteByte('0' + c&7)
			}
		default:
			b.WriteString(p[i : i+size])
		}
		i += size
	}
	return b.String()
}
