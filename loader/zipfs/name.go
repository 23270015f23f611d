package zipfs

import (
	"encoding/binary"
	"hash/crc32"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// flagUTF8 is bit 11 of the general purpose flags: the name and comment
// are UTF-8.
const flagUTF8 = 0x800

// unicodePathID is the Info-ZIP Unicode Path extra field: version 1, the
// CRC-32 of the name it stands for, then that name in UTF-8.
const unicodePathID = 0x7075

// DecodeName returns the name of a zip entry as UTF-8, from the raw name,
// the flags and the extra fields of its central directory record, decided
// in this order:
//  1. the UTF-8 flag (bit 11) is set: the name is UTF-8 (invalid bytes
//     become U+FFFD);
//  2. an Info-ZIP Unicode Path extra field whose CRC-32 matches the name
//     holds valid UTF-8: that name (an extra field left by a tool that
//     renamed the entry without updating it no longer matches);
//  3. the raw name is valid UTF-8: as it is;
//  4. else GB18030 (a superset of GBK and GB2312), the encoding Chinese
//     Windows systems and their zip tools write; invalid bytes become
//     U+FFFD.
//
// The raw name is decoded whole before anything looks at its separators: a
// GBK trail byte can be 0x5C, the byte of "\".
func DecodeName(raw string, flags uint16, extra []byte) string {
	if flags&flagUTF8 != 0 {
		return strings.ToValidUTF8(raw, "\uFFFD")
	}
	if u, ok := unicodePath(raw, extra); ok {
		return u
	}
	if utf8.ValidString(raw) {
		return raw
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().String(raw)
	if err != nil {
		// The decoder replaces invalid input itself; keep every
		// byte visible should that ever change.
		return strings.ToValidUTF8(raw, "\uFFFD")
	}
	return out
}

// unicodePath returns the name of the Info-ZIP Unicode Path extra field in
// extra when the field is well formed, its CRC-32 is the CRC-32 of raw and
// its name is valid UTF-8.
func unicodePath(raw string, extra []byte) (string, bool) {
	for len(extra) >= 4 {
		id := binary.LittleEndian.Uint16(extra)
		size := int(binary.LittleEndian.Uint16(extra[2:]))
		extra = extra[4:]
		if size > len(extra) {
			return "", false
		}
		field := extra[:size]
		extra = extra[size:]
		if id != unicodePathID || len(field) < 5 || field[0] != 1 {
			continue
		}
		if binary.LittleEndian.Uint32(field[1:]) != crc32.ChecksumIEEE([]byte(raw)) {
			return "", false
		}
		name := string(field[5:])
		return name, utf8.ValidString(name)
	}
	return "", false
}
