package loader

import (
	"io/fs"
	"strings"
	"unicode"
	"unicode/utf8"
)

// FirstPart cleans only the beginning of a huge article, about n bytes of
// its text, so that it can be shown while the whole is cleaned. The part
// ends before a tag, else at the end of a line, else (one run of text
// after the first line) between two characters, outside any tag or
// character reference. Its blocks are
// the first blocks of s.Article(), except that the last one, which the cut
// may have shortened, is left out, unless it is the only one: it is then
// kept, its text the beginning of the whole block's. ok is false when the
// text is less than 2n bytes or binary, or offers no place to cut.
func (s Source) FirstPart(n int) (a Article, ok bool) {
	if s.Encoding == EncBinary || n < 1 || len(s.Text) < 2*n {
		return Article{}, false
	}
	cut := n
	rest := s.Text[n : 2*n]
	if i := strings.IndexByte(rest, '<'); i >= 0 {
		cut += i
	} else if i := strings.IndexByte(rest, '\n'); i >= 0 {
		cut += i
	} else {
		// one run of text, after the first line (which Clean drops when
		// it is the file's name): not inside a character, a tag or a
		// character reference, nor in a line that could be a banner's
		for cut > 0 && !utf8.RuneStart(s.Text[cut]) {
			cut--
		}
		if i := strings.LastIndexByte(s.Text[:cut], '<'); i >= 0 && strings.IndexByte(s.Text[i:cut], '>') < 0 {
			cut = i
		}
		if i := strings.LastIndexByte(s.Text[max(0, cut-refLen):cut], '&'); i >= 0 {
			cut = max(0, cut-refLen) + i
		}
		ls := strings.LastIndexByte(s.Text[:cut], '\n')
		if ls < 0 || strings.IndexFunc(s.Text[ls:cut], notBannerRune) < 0 {
			return Article{}, false
		}
	}
	for cut > 0 && !utf8.RuneStart(s.Text[cut]) {
		cut--
	}
	body := Clean(s.Text[:cut])
	if len(body) == 0 {
		return Article{}, false
	}
	if len(body) > 1 {
		body = body[:len(body)-1]
	}
	return Article{Entry: s.Entry, Blocks: Document(s.Entry.Title, body), Encoding: s.Encoding, Size: s.Size, Part: true}, true
}

// notBannerRune reports whether r tells a line from a banner's or a line of
// dashes (see appendBanners), however the line goes on.
func notBannerRune(r rune) bool {
	return r != '-' && !unicode.IsSpace(r) && !strings.ContainsRune(imageBanner, r)
}

// refLen is more than the longest character reference that FirstPart
// must not cut ("&CounterClockwiseContourIntegral;" and the like).
const refLen = 40

// FirstPartOf is the first part (see Source.FirstPart) of the article e of
// fsys, reading only the beginning of its file, decoded as Decode decodes
// the whole: a character cut at the end of what was read is far behind
// the part's end. The encoding is that of the whole, but for a file whose
// beginning is UTF-8 and the rest is not. ok is false, and Load is then
// the way, for a file of less than 4n bytes, binary, or that cannot be
// read.
func FirstPartOf(fsys fs.FS, e Entry, n int) (a Article, ok bool) {
	b, size, err := readHead(fsys, e.RelPath, nil, 2*n+headSlack)
	if err != nil || size < int64(4*n) || len(b) < 2*n+headSlack {
		return Article{}, false
	}
	valid := utf8.Valid(b)
	if sniff := b[:min(len(b), sniffLen)]; isBinary(sniff, prefixValid(b, len(sniff), valid)) {
		return Article{}, false
	}
	text, enc := decode(b, valid)
	return Source{Entry: e, Text: text, Encoding: enc, Size: int(size)}.FirstPart(n)
}

// headSlack is how much more than 2n bytes FirstPartOf reads: room for a
// character cut at the end and line ends made shorter.
const headSlack = 4 << 10
