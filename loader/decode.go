package loader

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
)

// Encoding names reported by Decode.
const (
	EncUTF8    = "utf-8"
	EncUTF8BOM = "utf-8-bom"
	EncUTF16LE = "utf-16le"
	EncUTF16BE = "utf-16be"
	EncGB18030 = "gb18030"
)

var (
	bomUTF8    = []byte{0xef, 0xbb, 0xbf}
	bomUTF16LE = []byte{0xff, 0xfe}
	bomUTF16BE = []byte{0xfe, 0xff}
)

// Decode turns the bytes of a file into text and names the encoding it
// found. A UTF-8 byte order mark is removed; UTF-16 with a byte order mark
// (either order) is decoded; text that is valid UTF-8 is taken as is; any
// other text is decoded as GB18030 (which covers GBK and GB2312). Text that
// is UTF-8 except for a sequence cut off at the very end is still taken as
// UTF-8. Every invalid byte becomes U+FFFD: nothing is dropped silently.
// CRLF and lone CR line ends become "\n".
func Decode(b []byte) (s string, enc string) {
	s, enc = decodeText(b)
	return normalizeNewlines(s), enc
}

// decodeText is Decode without the line-end normalization.
func decodeText(b []byte) (string, string) {
	switch {
	case bytes.HasPrefix(b, bomUTF8):
		return validUTF8(b[len(bomUTF8):]), EncUTF8BOM
	case bytes.HasPrefix(b, bomUTF16LE):
		return decodeUTF16(b[2:], unicode.LittleEndian), EncUTF16LE
	case bytes.HasPrefix(b, bomUTF16BE):
		return decodeUTF16(b[2:], unicode.BigEndian), EncUTF16BE
	case utf8.Valid(b) || utf8.Valid(b[:len(b)-cutRune(b)]):
		return validUTF8(b), EncUTF8
	}
	return decodeGB18030(b), EncGB18030
}

// cutRune returns the length of an incomplete UTF-8 sequence at the end of
// b (the start of a multi-byte rune whose last bytes are missing), or 0.
func cutRune(b []byte) int {
	for n := 1; n <= utf8.UTFMax-1 && n <= len(b); n++ {
		c := b[len(b)-n]
		if c < utf8.RuneSelf {
			return 0
		}
		if utf8.RuneStart(c) {
			if !utf8.FullRune(b[len(b)-n:]) {
				return n
			}
			return 0
		}
	}
	return 0
}

// validUTF8 returns b as a string with every invalid byte replaced by
// U+FFFD (one replacement per byte, unlike strings.ToValidUTF8).
func validUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	var sb strings.Builder
	sb.Grow(len(b) + 16)
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size == 1 {
			sb.WriteString("\uFFFD")
		} else {
			sb.Write(b[:size])
		}
		b = b[size:]
	}
	return sb.String()
}

// decodeUTF16 decodes b (without its byte order mark). Unpaired surrogates
// and an odd last byte become U+FFFD.
func decodeUTF16(b []byte, order unicode.Endianness) string {
	out, err := unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder().Bytes(b)
	if err != nil {
		return validUTF8(b)
	}
	return string(out)
}

// normalizeNewlines turns CRLF and lone CR into "\n".
func normalizeNewlines(s string) string {
	i := strings.IndexByte(s, '\r')
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i >= 0 {
		b.WriteString(s[:i])
		b.WriteByte('\n')
		s = s[i+1:]
		if s != "" && s[0] == '\n' {
			s = s[1:]
		}
		i = strings.IndexByte(s, '\r')
	}
	b.WriteString(s)
	return b.String()
}

// sniffLen is how much of a file IsBinary looks at.
const sniffLen = 8 << 10

// IsBinary reports whether b looks like something other than text, judged
// from its first 8 KB: a NUL byte (or, for UTF-16 with a byte order mark,
// a NUL character), or more than one character in ten that is a control
// character (other than tab, newline, CR and form feed) or an invalid
// sequence in the encoding Decode would use. Empty input is text.
func IsBinary(b []byte) bool {
	if len(b) > sniffLen {
		b = b[:sniffLen]
	}
	utf16 := bytes.HasPrefix(b, bomUTF16LE) || bytes.HasPrefix(b, bomUTF16BE)
	if !utf16 && bytes.IndexByte(b, 0) >= 0 {
		return true
	}
	s, _ := decodeText(b)
	runes, bad := 0, 0
	for _, r := range s {
		runes++
		switch {
		case r == 0:
			return true
		case r == '\t' || r == '\n' || r == '\r' || r == '\f':
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || r == utf8.RuneError:
			bad++
		}
	}
	return bad*10 > runes
}
