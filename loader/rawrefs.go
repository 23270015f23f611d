package loader

import "bytes"

// ReferencesASCII reports whether every character reference of the file
// bytes b, as References reads one from "&", is made of ASCII bytes only,
// up to and with the byte that ends it. The bytes of such a reference are
// read alike whatever the encoding Decode finds, UTF-8 or GB18030 (an
// ASCII byte is a character of its own in both, and "&" never ends a
// GB18030 character), so References of the decoded text then gives no
// character References(string(b)) does not. UTF-16 is not considered.
func ReferencesASCII(b []byte) bool {
	for {
		i := bytes.IndexByte(b, '&')
		if i < 0 {
			return true
		}
		b = b[i+1:]
	ref:
		for len(b) > 0 {
			switch c := b[0]; {
			case c >= 0x80:
				return false // a character of more than one byte, or part of one
			case c == ';':
				b = b[1:]
				break ref
			case refByte(c) || c != '\r' && classify(rune(c)) == drop:
				b = b[1:]
			default:
				break ref // the byte that ends it, read again
			}
		}
	}
}
