package grep

import (
	"bytes"
	"strings"
	"unsafe"

	"golang.org/x/text/encoding/simplifiedchinese"

	"newsbrowse/loader"
	"newsbrowse/loader/match"
)

// rawFilter passes over the files whose bytes cannot hold the query
// however they are decoded, before they are decoded: most files, for a
// rare word. It only serves queries made of ideographs and the like (see
// match.Matcher.Sources), for each rune of which it knows every way the
// text of a file can come to hold it:
//   - the file's bytes hold one of its sources written in UTF-8 (Decode
//     takes valid UTF-8 as it is, and keeps the valid runes of nearly
//     valid UTF-8) or in GB18030 (Decode's reading of any other bytes);
//   - the title, or what cleaning inserts, holds one;
//   - a character reference decodes to one, where every reference of the
//     file is ASCII, so that it reads alike both ways
//     (loader.ReferencesASCII).
//
// A file with a UTF-16 byte order mark is never passed over. Nor is a
// binary file told apart from a file without a match: the caller must not
// need to (see Binary).
type rawFilter struct {
	sources [][]rune // per rune of the folded query, the runes that hold it
	forms   [][]form // per rune of the folded query, the bytes of its sources in UTF-8 and GB18030
}

// form is a way a rune is written, looked for by its rarest byte.
type form struct {
	b    []byte
	rare int // the index in b of the byte to look for first
}

func newForm(b []byte) form {
	f := form{b: b}
	for i := range b {
		if byteRank(b[i]) < byteRank(b[f.rare]) {
			f.rare = i
		}
	}
	return f
}

// byteRank orders bytes by how often they come in the text of a file,
// rarest first: bytes valid UTF-8 never holds, then the bytes that end a
// rune of Chinese text, its lead bytes, and ASCII.
func byteRank(c byte) int {
	switch {
	case c >= 0xf5 || c == 0xc0 || c == 0xc1:
		return 0
	case c >= 0x80 && c <= 0xbf:
		return 1
	case c >= 0xc2 && c <= 0xe3 || c >= 0xea:
		return 2
	case c >= 0xe4:
		return 3 // the lead bytes of ideographs
	}
	return 4
}

// in reports whether b holds f, looking for its rarest byte first.
func (f form) in(b []byte) bool {
	c, k := f.b[f.rare], f.rare
	for i := k; i < len(b); {
		j := bytes.IndexByte(b[i:], c)
		if j < 0 {
			return false
		}
		i += j
		if i-k+len(f.b) <= len(b) && bytes.Equal(b[i-k:i-k+len(f.b)], f.b) {
			return true
		}
		i++
	}
	return false
}

// gbAlso lists the runes that GB18030 decodes from bytes other than the
// ones it encodes them to (TestGBAlsoComplete).
var gbAlso = map[rune][]string{
	'\u20ac': {"\x80"},     // €, A2 E3 otherwise
	'\u3000': {"\xa3\xa0"}, // the ideographic space, A1 A1 otherwise
}

// newRawFilter returns the filter for m, or nil when m is not a query it
// serves.
func newRawFilter(m *match.Matcher) *rawFilter {
	sources, ok := m.Sources()
	if !ok {
		return nil
	}
	enc := simplifiedchinese.GB18030.NewEncoder()
	f := &rawFilter{sources: sources, forms: make([][]form, len(sources))}
	for i, rs := range sources {
		for _, r := range rs {
			f.forms[i] = append(f.forms[i], newForm([]byte(string(r))))
			if gb, err := enc.String(string(r)); err == nil {
				f.forms[i] = append(f.forms[i], newForm([]byte(gb)))
			}
			for _, also := range gbAlso[r] {
				f.forms[i] = append(f.forms[i], newForm([]byte(also)))
			}
		}
	}
	return f
}

// rulesOut reports whether the file whose bytes are b, of an article
// titled title, cannot hold the query: it need not be decoded.
func (f *rawFilter) rulesOut(b []byte, title string) bool {
	if bytes.HasPrefix(b, []byte{0xff, 0xfe}) || bytes.HasPrefix(b, []byte{0xfe, 0xff}) {
		return false
	}
	others := loader.Source{Entry: loader.Entry{Title: title}}.PlainOrigins()
	refs, read := "", false
	for i, rs := range f.sources {
		if containsAny(b, f.forms[i]) || holdsAny(others[1:], rs) {
			continue
		}
		if !read {
			if !loader.ReferencesASCII(b) {
				return false
			}
			// b is not changed while References reads it
			refs, read = loader.References(unsafe.String(unsafe.SliceData(b), len(b))), true
		}
		if !holdsAny([]string{refs}, rs) {
			return true
		}
	}
	return false
}

func containsAny(b []byte, forms []form) bool {
	for _, f := range forms {
		if f.in(b) {
			return true
		}
	}
	return false
}

func holdsAny(texts []string, rs []rune) bool {
	for _, t := range texts {
		for _, r := range rs {
			if strings.ContainsRune(t, r) {
				return true
			}
		}
	}
	return false
}
