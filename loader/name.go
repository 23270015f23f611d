package loader

import (
	"strings"
	"unicode/utf8"
)

// ParseName splits the base name of an article file, "<prefix><title>.txt",
// into its number prefix and its title. prefix is the run of leading ASCII
// digits as written (leading zeros kept, "" if none); one separator "_",
// "-" or " " after it is dropped; title is the rest without a final ".txt"
// (any case), made safe for a single line with SanitizeLine.
func ParseName(base string) (prefix, title string) {
	prefix, rest := splitName(base)
	return prefix, SanitizeLine(rest)
}

// splitName is ParseName without the sanitizing of the title.
func splitName(base string) (prefix, rest string) {
	rest = trimTxt(base)
	n := 0
	for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
		n++
	}
	prefix, rest = rest[:n], rest[n:]
	if n > 0 && rest != "" && (rest[0] == '_' || rest[0] == '-' || rest[0] == ' ') {
		rest = rest[1:]
	}
	return prefix, rest
}

// plainLine reports whether s is valid UTF-8 that SanitizeLine returns
// unchanged, looking at each byte once. It is what firstUnsafe(s, true)
// == len(s) tells, with a shortcut for printable ASCII and for the
// three-byte characters SanitizeLine keeps (see keepsThree: CJK, kana,
// hangul, full-width forms).
func plainLine(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c >= 0x20 && c < 0x7f:
			i++
		case c < utf8.RuneSelf: // C0 control, DEL
			return false
		case (c >= 0xe4 && c <= 0xec || c == 0xee) && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80:
			i += 3 // ideographs, as keepsThree tells, without a call
		case keepsThree(s, i):
			i += 3
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if (r == utf8.RuneError && size == 1) || classify(r) != keep {
				return false
			}
			i += size
		}
	}
	return true
}

// hasTxt reports whether name ends in ".txt", in any case.
func hasTxt(name string) bool {
	return len(name) >= 4 && strings.EqualFold(name[len(name)-4:], ".txt")
}

// trimTxt removes a final ".txt", in any case.
func trimTxt(name string) string {
	if hasTxt(name) {
		return name[:len(name)-4]
	}
	return name
}

// DecodeName returns a file name as UTF-8: a name that is valid UTF-8 is
// returned unchanged, any other is decoded as GB18030, the encoding of
// names written on Chinese Windows systems. Bytes that are invalid in
// GB18030 too become U+FFFD.
func DecodeName(raw string) string {
	if utf8.ValidString(raw) {
		return raw
	}
	return decodeGB18030([]byte(raw))
}

// DisplayPath returns a slash-separated relative path for display: each
// element is decoded with DecodeName on its own (so a UTF-8 folder and a
// GB18030 file name both come out right) and the result is made safe for a
// single line.
func DisplayPath(p string) string {
	if plainLine(p) {
		return p
	}
	if utf8.ValidString(p) {
		return SanitizeLine(p)
	}
	parts := strings.Split(p, "/")
	for i, part := range parts {
		parts[i] = DecodeName(part)
	}
	return SanitizeLine(strings.Join(parts, "/"))
}
