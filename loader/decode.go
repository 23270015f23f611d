package loader

import (
	"bytes"
	"encoding/binary"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
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
	return decode(b, utf8.Valid(b))
}

// decode is Decode for b, told whether b is valid UTF-8.
func decode(b []byte, valid bool) (s string, enc string) {
	s, enc = decodeText(b, valid)
	return normalizeNewlines(s), enc
}

// decodeText is decode without the line-end normalization.
func decodeText(b []byte, valid bool) (string, string) {
	switch {
	case bytes.HasPrefix(b, bomUTF8):
		return validUTF8(b[len(bomUTF8):]), EncUTF8BOM
	case bytes.HasPrefix(b, bomUTF16LE):
		return decodeUTF16(b[2:], unicode.LittleEndian), EncUTF16LE
	case bytes.HasPrefix(b, bomUTF16BE):
		return decodeUTF16(b[2:], unicode.BigEndian), EncUTF16BE
	case valid:
		return string(b), EncUTF8
	case utf8.Valid(b[:len(b)-cutRune(b)]):
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

// decodeGB18030 decodes b as GB18030; invalid bytes become U+FFFD.
func decodeGB18030(b []byte) string {
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	if err != nil {
		// The decoder replaces invalid input itself and reports no
		// error; keep every byte visible should that ever change.
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	return string(out)
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
	return normalizeNewlinesFrom(s, strings.IndexByte(s, '\r'))
}

// normalizeNewlinesFrom is normalizeNewlines told where the first "\r" of
// s is (i < 0: nowhere).
func normalizeNewlinesFrom(s string, i int) string {
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

// prefixValid reports whether b[:n] is valid UTF-8, told whether b is:
// the start of a valid text is valid when it ends before a rune starts,
// so only an invalid text is looked at again.
func prefixValid(b []byte, n int, valid bool) bool {
	if valid {
		return n == len(b) || utf8.RuneStart(b[n])
	}
	return utf8.Valid(b[:n])
}

// IsBinary reports whether b looks like something other than text, judged
// from its first 8 KB: a NUL byte (or, for UTF-16 with a byte order mark,
// a NUL character), or more than one character in ten that is a control
// character (other than tab, newline, CR and form feed) or an invalid
// sequence in the encoding Decode would use. Empty input is text.
func IsBinary(b []byte) bool {
	if len(b) > sniffLen {
		b = b[:sniffLen]
	}
	return isBinary(b, utf8.Valid(b))
}

// isBinary is IsBinary for b of at most sniffLen bytes, told whether b is
// valid UTF-8.
func isBinary(b []byte, valid bool) bool {
	binary, _, _ := sniffText(b, valid)
	return binary
}

// sniffText is isBinary, also returning, when it decoded the whole of b
// as GB18030 to tell, the text it decoded (gb is then what decodeText
// gives for b): a file of at most sniffLen bytes is not decoded twice.
func sniffText(b []byte, valid bool) (binary bool, gb string, decoded bool) {
	if bytes.HasPrefix(b, bomUTF16LE) || bytes.HasPrefix(b, bomUTF16BE) {
		s, _ := decodeText(b, false)
		return binaryText(s), "", false
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return true, "", false
	}
	bom := bytes.HasPrefix(b, bomUTF8)
	if bom {
		b = b[len(bomUTF8):]
	}
	if valid && !hasBadRune(b) {
		return false, "", false // the common case, without counting
	}
	if binary, ok := binaryUTF8(b, bom); ok {
		return binary, "", false
	}
	// b, without a byte order mark, is not UTF-8 but for a rune cut off
	// at its end (binaryUTF8): decodeText decodes it as GB18030
	gb = decodeGB18030(b)
	return binaryText(gb), gb, !bom
}

// binaryUTF8Facts is IsBinary(b) for b, valid UTF-8 after a byte order
// mark of bom bytes (0 without), told the facts of b[bom:]: a NUL byte in
// the first sniffLen bytes tells binary content, and when they end before
// a rune and hold no rune badRune rejects, they are text without being
// counted.
func binaryUTF8Facts(b []byte, bom int, f textFacts) bool {
	n := min(len(b), sniffLen)
	if f.nul < n-bom {
		return true
	}
	if prefixValid(b, n, true) && f.bad >= n-bom {
		return false
	}
	return isBinary(b[:n], prefixValid(b, n, true))
}

// hasBadRune reports whether the valid UTF-8 text b holds a rune badRune
// rejects. It is kept out of line: inlined into IsBinary, its loop ran at
// a fraction of the speed.
//
//go:noinline
func hasBadRune(b []byte) bool {
	i := 0
	for ; i+8 <= len(b); i += 8 {
		if !suspect8(binary.LittleEndian.Uint64(b[i:])) {
			continue // most text: eight bytes none of which is suspect
		}
		// from two bytes before: the lead of a U+FFFD whose last byte
		// is here
		for j := max(0, i-2); j < i+8; j++ {
			if badAt(b, j) {
				return true
			}
		}
	}
	for j := max(0, i-2); j < len(b); j++ {
		if badAt(b, j) {
			return true
		}
	}
	return false
}

// suspect8 reports whether one of the eight bytes of w may make a rune
// badRune rejects: a byte below 0x20 or 0x7F, the lead byte 0xC2 of the
// C1 controls, or 0xBD, the last byte of U+FFFD (EF BF BD; its lead byte
// 0xEF also leads the full-width punctuation of Chinese text). It may say
// so of a "\n".
func suspect8(w uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	zero := func(v uint64) bool { return (v-ones)&^v&highs != 0 }
	return (w-0x20*ones)&^w&highs != 0 || zero(w^0x7f*ones) || zero(w^0xc2*ones) || zero(w^0xbd*ones)
}

// badAt reports whether the valid UTF-8 text b holds at i the start of a
// rune badRune rejects.
func badAt(b []byte, i int) bool {
	c := b[i]
	if !suspect[c] {
		return false
	}
	switch {
	case c < utf8.RuneSelf:
		return true
	case c == 0xc2: // U+0080–U+00BF: C1 controls up to U+009F
		return i+1 < len(b) && b[i+1] <= 0x9f
	default: // 0xef: U+F000–U+FFFF, U+FFFD among them
		return i+2 < len(b) && b[i+1] == 0xbf && b[i+2] == 0xbd
	}
}

// suspect marks the bytes hasBadRune looks at: the ASCII bytes badRune
// rejects and the lead bytes of U+0080–U+009F and U+FFFD.
var suspect = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = badRune(rune(c))
	}
	t[0xc2], t[0xef] = true, true
	return t
}()

// binaryText applies the rule of IsBinary to decoded text.
func binaryText(s string) bool {
	runes, bad := 0, 0
	for _, r := range s {
		runes++
		if r == 0 {
			return true
		}
		if badRune(r) {
			bad++
		}
	}
	return bad*10 > runes
}

// badRune reports whether r counts against text in IsBinary: a control
// character other than tab, newline, CR and form feed, or U+FFFD.
func badRune(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r' || r == '\f':
		return false
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || r == utf8.RuneError:
		return true
	}
	return false
}

// binaryUTF8 is binaryText(validUTF8(b)) for b without NUL bytes, in one
// pass over the bytes: invalid bytes count as one U+FFFD each. Unless
// always is set, ok is false when Decode would not take b as UTF-8 (an
// invalid sequence other than a rune cut off at the end).
func binaryUTF8(b []byte, always bool) (binary, ok bool) {
	runes, bad := 0, 0
	for i := 0; i < len(b); {
		if c := b[i]; c < utf8.RuneSelf {
			runes++
			if badASCII[c] {
				bad++
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 && !always {
			cut := cutRune(b)
			if i != len(b)-cut {
				return false, false
			}
			// the cut bytes decode to one U+FFFD each
			runes += cut
			bad += cut
			break
		}
		runes++
		if r <= 0x9f || r == utf8.RuneError {
			bad++
		}
		i += n
	}
	return bad*10 > runes, true
}

// badASCII marks the ASCII bytes badRune rejects.
var badASCII = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = badRune(rune(c))
	}
	return t
}()
